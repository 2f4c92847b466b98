//! The guide's "typical mistakes" as checks: reaching out again too soon is the one a tool can
//! catch (the rules' windows already prevent "too late" and "giving up too early").

use chrono::NaiveDateTime;

use crate::domain::contact::ContactId;
use crate::domain::conversation::Direction;
use crate::domain::id::FastMap;
use crate::domain::records::Records;

/// A warning when an outreach to `contact` at `at` would follow my previous one too closely
/// (sooner than the spacing setting, about two weeks) with no answer from them in between.
pub fn spacing_warning(records: &Records, contact: ContactId, at: NaiveDateTime) -> Option<String> {
    spacing_warnings(records, &[contact], at).remove(&contact)
}

/// [`spacing_warning`] for several people, in one pass over the conversations (the Today view
/// shows a page of cards at once; a pass per card was most of its drawing time).
pub fn spacing_warnings(records: &Records, contacts: &[ContactId], at: NaiveDateTime) -> FastMap<ContactId, String> {
    /// Per person: my latest outreach, and the latest time they (or we together) spoke.
    #[derive(Default)]
    struct Last {
        mine: Option<NaiveDateTime>,
        theirs: Option<NaiveDateTime>,
    }
    let mut last: FastMap<ContactId, Last> = contacts.iter().map(|c| (*c, Last::default())).collect();
    for c in records.conversations.iter().filter(|c| c.at <= at) {
        if let Some(l) = last.get_mut(&c.contact_id) {
            let slot = if c.direction == Direction::IReachedOut { &mut l.mine } else { &mut l.theirs };
            *slot = (*slot).max(Some(c.at));
        }
    }
    let spacing = chrono::Duration::days(i64::from(records.settings.spacing_days));
    let names = records.contacts_by_id(contacts);
    last.into_iter()
        .filter_map(|(id, l)| {
            let mine = l.mine?;
            let answered = l.theirs.is_some_and(|t| t > mine);
            if answered || at - mine >= spacing {
                return None;
            }
            let name = names.get(&id).map_or("them", |c| c.name.as_str());
            let when = match (at.date() - mine.date()).num_days() {
                0 => "earlier today".to_owned(),
                1 => "yesterday".to_owned(),
                n => format!("{n} days ago"),
            };
            Some((id, format!(
                "You last reached out to {name} {when} ({}) with no answer yet. The guide suggests reaching out only every couple of weeks: this may be too much.",
                mine.format("%a %-d %b")
            )))
        })
        .collect()
}
