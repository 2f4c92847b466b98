//! The guide's "typical mistakes" as checks: reaching out again too soon is the one a tool can
//! catch (the rules' windows already prevent "too late" and "giving up too early").

use chrono::NaiveDateTime;

use crate::domain::contact::ContactId;
use crate::domain::conversation::Direction;
use crate::domain::records::Records;

/// A warning when an outreach to `contact` at `at` would follow my previous one too closely
/// (sooner than the spacing setting, about two weeks) with no answer from them in between.
pub fn spacing_warning(records: &Records, contact: ContactId, at: NaiveDateTime) -> Option<String> {
    let spacing = chrono::Duration::days(i64::from(records.settings.spacing_days));
    let mine = records.conversations.iter().filter(|c| c.contact_id == contact && c.at <= at);
    let last_out = mine.clone().filter(|c| c.direction == Direction::IReachedOut).max_by_key(|c| c.at)?;
    let answered = mine.filter(|c| c.at > last_out.at).any(|c| c.direction != Direction::IReachedOut);
    if answered || at - last_out.at >= spacing {
        return None;
    }
    let name = records.contact(contact).map_or("them", |c| c.name.as_str());
    let ago = (at.date() - last_out.at.date()).num_days();
    let when = match ago {
        0 => "earlier today".to_owned(),
        1 => "yesterday".to_owned(),
        n => format!("{n} days ago"),
    };
    Some(format!(
        "You last reached out to {name} {when} ({}) with no answer yet. The guide suggests reaching out only every couple of weeks: this may be too much.",
        last_out.at.format("%a %-d %b")
    ))
}
