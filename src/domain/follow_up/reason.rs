//! Why a follow-up is due, in one sentence naming the people and dates involved.
//!
//! The sentences of the steps with people are written when shown, not when the agenda is
//! computed: at 30,000 people the agenda finds 37,000 steps, and a screen shows a few dozen.

use std::fmt;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::domain::contact::{Contact, MomentKind};

/// The reason for a follow-up; `to_string()` (or `{}`) gives the sentence.
#[derive(Clone, PartialEq, Eq)]
pub enum Reason {
    /// Already written (the steps about opportunities: few, and their words need several records).
    Text(String),
    /// They wrote to me at `at`.
    Reply { who: Arc<Contact>, at: NaiveDateTime },
    /// I met them at `at`.
    NewContact { who: Arc<Contact>, at: NaiveDateTime },
    /// I was introduced to them (by someone still in my records, or not) at `at`.
    Introduced { who: Arc<Contact>, by: Option<Arc<Contact>>, at: NaiveDateTime },
    /// `introducer` introduced me to `who` at `at`.
    ThankIntroducer { introducer: Arc<Contact>, who: Arc<Contact>, at: NaiveDateTime },
    /// They said I could check back on `on`.
    CheckBack { who: Arc<Contact>, on: NaiveDate },
    /// We were last in touch on `last`.
    KeepInTouch { who: Arc<Contact>, last: NaiveDate },
    /// Their personal moment falls on `on`.
    GivingBack { who: Arc<Contact>, kind: MomentKind, on: NaiveDate },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Text(text) => f.write_str(text),
            Reason::Reply { who, at } => {
                write!(f, "{} wrote to you on {}: reply within 24 hours.", who.name, DayTime(*at))
            }
            Reason::NewContact { who, at } => {
                write!(f, "You met {} on {}: follow up within 24 hours.", who.name, DayTime(*at))
            }
            Reason::Introduced { who, by, at } => {
                write!(f, "You were introduced to {}", who.name)?;
                if let Some(by) = by {
                    write!(f, " by {}", by.name)?;
                }
                write!(f, " on {}: reach out right away.", Day(at.date()))
            }
            Reason::ThankIntroducer { introducer, who, at } => write!(
                f,
                "{} introduced you to {} on {}: thank them right away.",
                introducer.name,
                who.name,
                Day(at.date())
            ),
            Reason::CheckBack { who, on } => write!(f, "{} said you could check back on {}.", who.name, Day(*on)),
            Reason::KeepInTouch { who, last } => {
                write!(f, "Last in touch with {} on {}: check in every quarter (3-4 months).", who.name, DayYear(*last))
            }
            Reason::GivingBack { who, kind, on } => {
                let what = match kind {
                    MomentKind::Birthday => "birthday: send good wishes",
                    MomentKind::NewJob => "new job: congratulate them",
                    MomentKind::Wedding => "wedding: congratulate them",
                    MomentKind::Baby => "new baby: congratulate them",
                    MomentKind::Surgery => "surgery: wish them a good recovery",
                    MomentKind::Other => "moment: send a kind word",
                };
                write!(f, "{}'s {what} ({}).", who.name, Day(*on))
            }
        }
    }
}

/// Shown as the sentence: that is what a failing test needs to see.
impl fmt::Debug for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string())
    }
}

impl PartialEq<&str> for Reason {
    fn eq(&self, text: &&str) -> bool {
        super::key::writes_as(self, text)
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Self {
        Reason::Text(text)
    }
}

/// A day as the reasons write it, "Fri 27 Nov", written directly: chrono's `format` parses
/// its pattern every time, and the agenda once wrote tens of thousands of dates.
pub(super) struct Day(pub NaiveDate);

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        let weekday = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
        write!(f, "{weekday} {} {}", d.day(), MONTHS[d.month0() as usize])
    }
}

/// "Fri 27 Nov 2026".
pub(super) struct DayYear(pub NaiveDate);

impl fmt::Display for DayYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", Day(self.0), self.0.year())
    }
}

/// "Fri 27 Nov, 09:05".
pub(super) struct DayTime(pub NaiveDateTime);

impl fmt::Display for DayTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {:02}:{:02}", Day(self.0.date()), self.0.hour(), self.0.minute())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contact::ContactDraft;
    use crate::domain::records::Records;
    use crate::domain::Id;

    fn person(name: &str) -> Arc<Contact> {
        let mut records = Records::default();
        let at = NaiveDate::from_ymd_opt(2026, 1, 1).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap();
        records.add_contact(Id::from_raw(1), &ContactDraft { name: name.into(), ..Default::default() }, at).unwrap();
        records.contacts.shared()[0].clone()
    }

    #[test]
    fn each_reason_reads_as_the_sentence_the_today_view_shows() {
        let (ann, bob) = (person("Ann Lee"), person("Bob Stone"));
        let at = NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(18, 30, 0)).unwrap();
        let day = at.date();
        let cases = [
            (
                Reason::Reply { who: ann.clone(), at },
                "Ann Lee wrote to you on Fri 27 Nov, 18:30: reply within 24 hours.",
            ),
            (
                Reason::NewContact { who: ann.clone(), at },
                "You met Ann Lee on Fri 27 Nov, 18:30: follow up within 24 hours.",
            ),
            (
                Reason::Introduced { who: ann.clone(), by: Some(bob.clone()), at },
                "You were introduced to Ann Lee by Bob Stone on Fri 27 Nov: reach out right away.",
            ),
            (
                Reason::Introduced { who: ann.clone(), by: None, at },
                "You were introduced to Ann Lee on Fri 27 Nov: reach out right away.",
            ),
            (
                Reason::ThankIntroducer { introducer: bob.clone(), who: ann.clone(), at },
                "Bob Stone introduced you to Ann Lee on Fri 27 Nov: thank them right away.",
            ),
            (Reason::CheckBack { who: ann.clone(), on: day }, "Ann Lee said you could check back on Fri 27 Nov."),
            (
                Reason::KeepInTouch { who: ann.clone(), last: day },
                "Last in touch with Ann Lee on Fri 27 Nov 2026: check in every quarter (3-4 months).",
            ),
            (
                Reason::GivingBack { who: ann.clone(), kind: MomentKind::Surgery, on: day },
                "Ann Lee's surgery: wish them a good recovery (Fri 27 Nov).",
            ),
            (Reason::Text("Offer for a job.".into()), "Offer for a job."),
        ];
        for (reason, sentence) in cases {
            assert_eq!(reason.to_string(), sentence);
            assert_eq!(reason, sentence);
            assert_ne!(reason, &sentence[..sentence.len() - 1], "a prefix is not the sentence");
        }
    }

    #[test]
    fn a_name_with_markup_stays_text_in_the_sentence() {
        let who = person("<img src=x onerror=alert(1)>");
        let at = NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(9, 5, 0)).unwrap();
        assert_eq!(
            Reason::NewContact { who, at }.to_string(),
            "You met <img src=x onerror=alert(1)> on Fri 27 Nov, 09:05: follow up within 24 hours."
        );
    }
}
