//! Due dates in words, as the Today view shows them ("due tomorrow", "2 days overdue").

use chrono::NaiveDateTime;

/// How a due time reads relative to now.
///
/// ```
/// use chrono::NaiveDate;
/// use follow_up::domain::follow_up::due_in_words;
/// let now = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(10, 0, 0).unwrap();
/// let at = |d, h| NaiveDate::from_ymd_opt(2026, 11, d).unwrap().and_hms_opt(h, 0, 0).unwrap();
/// assert_eq!(due_in_words(at(27, 18), now), "due today by 18:00");
/// assert_eq!(due_in_words(at(28, 9), now), "due tomorrow");
/// assert_eq!(due_in_words(at(25, 9), now), "2 days overdue");
/// ```
pub fn due_in_words(due: NaiveDateTime, now: NaiveDateTime) -> String {
    let days = (due.date() - now.date()).num_days();
    if due < now {
        return match -days {
            0 => format!("overdue since {}", due.format("%H:%M")),
            1 => "1 day overdue".into(),
            n => format!("{n} days overdue"),
        };
    }
    match days {
        0 if due.format("%H:%M").to_string() == "23:59" => "due today".into(),
        0 => format!("due today by {}", due.format("%H:%M")),
        1 => "due tomorrow".into(),
        2..=6 => format!("due in {days} days ({})", due.format("%a")),
        _ => format!("due {}", due.format("%a %-d %b")),
    }
}

/// When a follow-up becomes appropriate, if that is still ahead ("not before Thu 14:00").
pub fn not_before_in_words(earliest: NaiveDateTime, now: NaiveDateTime) -> Option<String> {
    (earliest > now).then(|| {
        if earliest.date() == now.date() {
            format!("not before {}", earliest.format("%H:%M"))
        } else {
            format!("not before {}", earliest.format("%a %-d %b, %H:%M"))
        }
    })
}
