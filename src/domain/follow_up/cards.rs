//! What a Today card shows besides the step itself (who, about which job, and whether
//! reaching out now would be too soon), worked out for a page of cards at once: one pass over
//! the records per page instead of one per card.

use chrono::NaiveDateTime;

use super::etiquette::spacing_warnings;
use super::FollowUp;
use crate::domain::contact::ContactId;
use crate::domain::opportunity::OpportunityId;
use crate::domain::records::Records;

/// The people and job a card names, and its "too soon?" warning.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct CardFacts {
    /// The person and their name, if the step has one still in the records.
    pub person: Option<(ContactId, String)>,
    /// The opportunity and its title ("Role at Company").
    pub opportunity: Option<(OpportunityId, String)>,
    /// Set when the step is a new outreach that would follow my last one too closely.
    pub warning: Option<String>,
}

/// The facts of each item, in the same order.
pub fn card_facts(records: &Records, items: &[FollowUp], now: NaiveDateTime) -> Vec<CardFacts> {
    let people: Vec<ContactId> = items.iter().filter_map(|f| f.contact).collect();
    let jobs: Vec<OpportunityId> = items.iter().filter_map(|f| f.opportunity).collect();
    let checked: Vec<ContactId> =
        items.iter().filter(|f| !f.rule.exempt_from_spacing()).filter_map(|f| f.contact).collect();
    let contacts = records.contacts_by_id(&people);
    let opportunities = records.opportunities_by_id(&jobs);
    let warnings = spacing_warnings(records, &checked, now);
    items
        .iter()
        .map(|f| CardFacts {
            person: f.contact.and_then(|c| contacts.get(&c)).map(|c| (c.id, c.name.clone())),
            opportunity: f.opportunity.and_then(|o| opportunities.get(&o)).map(|o| (o.id, o.title())),
            warning: (!f.rule.exempt_from_spacing())
                .then(|| f.contact.and_then(|c| warnings.get(&c).cloned()))
                .flatten(),
        })
        .collect()
}
