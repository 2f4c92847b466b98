//! Everything the user has recorded, and every change they can make to it.
//!
//! Each change takes the current time (and a new id where it creates a record) and either
//! applies completely or returns why not, leaving the records untouched.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::company::{self, CompanyKey, CompanySummary, CompanyView};
use super::contact::{Channel, Contact, ContactDraft, ContactId};
use super::conversation::{CheckBack, Conversation, ConversationDraft, ConversationId, Direction, Topic};
use super::follow_up::draft::Templates;
use super::follow_up::{FollowUp, Key, Mark, Outcome, Rule, Settings};
use super::id::{FastMap, FastSet};
use super::opportunity::{Involvement, OfferStep, Opportunity, OpportunityDraft, OpportunityId, Part, Stage};
use super::shared_list::SharedList;
use super::validate::FieldError;

/// All of the user's records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Records {
    #[serde(default)]
    pub contacts: SharedList<Contact>,
    #[serde(default)]
    pub conversations: SharedList<Conversation>,
    #[serde(default)]
    pub opportunities: SharedList<Opportunity>,
    /// Snoozes, skips and done marks on follow-ups.
    #[serde(default)]
    pub marks: Vec<Mark>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub templates: Templates,
    /// Guessed address formats that bounced, per domain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bounces: Vec<super::finding::Bounce>,
}

/// Why a change to an existing record was not made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("That record no longer exists (it may have been deleted in another tab).")]
    NotFound,
    #[error("Some fields need attention.")]
    Invalid(Vec<FieldError>),
}

impl From<Vec<FieldError>> for EditError {
    fn from(errors: Vec<FieldError>) -> Self {
        EditError::Invalid(errors)
    }
}

impl From<FieldError> for EditError {
    fn from(error: FieldError) -> Self {
        EditError::Invalid(vec![error])
    }
}

/// What deleting a person took with them, so the user can be told before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Removed {
    pub conversations: usize,
    pub opportunity_links: usize,
    pub introductions: usize,
}

impl Records {
    // ---- people ----

    /// The contact with this id.
    pub fn contact(&self, id: ContactId) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// Several people by id, in one pass over the list.
    pub fn contacts_by_id(&self, ids: &[ContactId]) -> FastMap<ContactId, &Contact> {
        by_id(&self.contacts, ids, |c| c.id)
    }

    /// Several opportunities by id, in one pass over the list.
    pub fn opportunities_by_id(&self, ids: &[OpportunityId]) -> FastMap<OpportunityId, &Opportunity> {
        by_id(&self.opportunities, ids, |o| o.id)
    }

    fn contact_mut(&mut self, id: ContactId) -> Result<&mut Contact, EditError> {
        self.contacts.find_mut(|c| c.id == id).ok_or(EditError::NotFound)
    }

    /// Adds a person.
    pub fn add_contact(
        &mut self,
        id: ContactId,
        draft: &ContactDraft,
        now: NaiveDateTime,
    ) -> Result<&Contact, EditError> {
        let fields = draft.validate(None, |other| self.contact(other).is_some())?;
        self.contacts.push(Contact::new(id, fields, now));
        Ok(&self.contacts[self.contacts.len() - 1])
    }

    /// Saves an edit of a person.
    pub fn update_contact(&mut self, id: ContactId, draft: &ContactDraft, now: NaiveDateTime) -> Result<(), EditError> {
        self.contact(id).ok_or(EditError::NotFound)?;
        let fields = draft.validate(Some(id), |other| self.contact(other).is_some())?;
        self.contact_mut(id)?.apply(fields, now);
        Ok(())
    }

    /// Archives a person (hidden from lists, kept with their history) or brings them back.
    pub fn set_archived(&mut self, id: ContactId, archived: bool, now: NaiveDateTime) -> Result<(), EditError> {
        let c = self.contact_mut(id)?;
        if c.archived != archived {
            c.archived = archived;
            c.updated_at = now;
        }
        Ok(())
    }

    /// What deleting a person would take with them.
    pub fn removal_of(&self, id: ContactId) -> Removed {
        Removed {
            conversations: self.conversations.iter().filter(|c| c.contact_id == id).count(),
            opportunity_links: self.opportunities.iter().flat_map(|o| &o.people).filter(|i| i.contact_id == id).count(),
            introductions: self.contacts.iter().filter(|c| c.introduced_by == Some(id)).count(),
        }
    }

    /// Deletes a person, their conversations and their links to opportunities; people they
    /// introduced stay, without the link.
    pub fn delete_contact(&mut self, id: ContactId, now: NaiveDateTime) -> Result<Removed, EditError> {
        self.contact(id).ok_or(EditError::NotFound)?;
        let removed = self.removal_of(id);
        self.contacts.retain(|c| c.id != id);
        self.conversations.retain(|c| c.contact_id != id);
        self.opportunities.update_where(
            |o| o.people.iter().any(|i| i.contact_id == id),
            |o| {
                o.people.retain(|i| i.contact_id != id);
                o.updated_at = now;
            },
        );
        self.contacts.update_where(
            |c| c.introduced_by == Some(id),
            |c| {
                c.introduced_by = None;
                c.updated_at = now;
            },
        );
        Ok(removed)
    }

    /// The people this person introduced me to.
    pub fn introduced_by(&self, id: ContactId) -> Vec<&Contact> {
        self.contacts.iter().filter(|c| c.introduced_by == Some(id)).collect()
    }

    // ---- conversations ----

    /// Logs a conversation with a person.
    pub fn log_conversation(
        &mut self,
        id: ConversationId,
        with: ContactId,
        draft: &ConversationDraft,
        now: NaiveDateTime,
    ) -> Result<&Conversation, EditError> {
        self.contact(with).ok_or(EditError::NotFound)?;
        let fields = draft.validate(|o| self.opportunity(o).is_some())?;
        self.conversations.push(Conversation::new(id, with, fields, now));
        Ok(&self.conversations[self.conversations.len() - 1])
    }

    /// Saves an edit of a logged conversation.
    pub fn update_conversation(
        &mut self,
        id: ConversationId,
        draft: &ConversationDraft,
        now: NaiveDateTime,
    ) -> Result<(), EditError> {
        let fields = draft.validate(|o| self.opportunity(o).is_some())?;
        let c = self.conversations.find_mut(|c| c.id == id).ok_or(EditError::NotFound)?;
        c.apply(fields, now);
        Ok(())
    }

    /// Deletes one logged conversation.
    pub fn delete_conversation(&mut self, id: ConversationId) -> Result<(), EditError> {
        let before = self.conversations.len();
        self.conversations.retain(|c| c.id != id);
        if self.conversations.len() == before {
            return Err(EditError::NotFound);
        }
        Ok(())
    }

    /// A person's conversations, newest first.
    pub fn conversations_with(&self, id: ContactId) -> Vec<&Conversation> {
        let mut list: Vec<&Conversation> = self.conversations.iter().filter(|c| c.contact_id == id).collect();
        list.sort_by(|a, b| b.at.cmp(&a.at).then(b.created_at.cmp(&a.created_at)));
        list
    }

    /// The most recent conversation with a person.
    pub fn last_conversation_with(&self, id: ContactId) -> Option<&Conversation> {
        self.conversations.iter().filter(|c| c.contact_id == id).max_by_key(|c| (c.at, c.created_at))
    }

    // ---- opportunities ----

    /// The opportunity with this id.
    pub fn opportunity(&self, id: OpportunityId) -> Option<&Opportunity> {
        self.opportunities.iter().find(|o| o.id == id)
    }

    fn opportunity_mut(&mut self, id: OpportunityId) -> Result<&mut Opportunity, EditError> {
        self.opportunities.find_mut(|o| o.id == id).ok_or(EditError::NotFound)
    }

    /// Starts tracking an opportunity at `stage`, entered on `on`.
    pub fn add_opportunity(
        &mut self,
        id: OpportunityId,
        draft: &OpportunityDraft,
        stage: Stage,
        on: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<&Opportunity, EditError> {
        let fields = draft.validate()?;
        self.opportunities.push(Opportunity::new(id, fields, stage, on, now));
        Ok(&self.opportunities[self.opportunities.len() - 1])
    }

    /// Saves an edit of an opportunity's details.
    pub fn update_opportunity(
        &mut self,
        id: OpportunityId,
        draft: &OpportunityDraft,
        now: NaiveDateTime,
    ) -> Result<(), EditError> {
        self.opportunity(id).ok_or(EditError::NotFound)?;
        let fields = draft.validate()?;
        self.opportunity_mut(id)?.apply(fields, now);
        Ok(())
    }

    /// Moves an opportunity to a stage on a given day; returns whether anything changed.
    pub fn move_stage(
        &mut self,
        id: OpportunityId,
        stage: Stage,
        on: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<bool, EditError> {
        Ok(self.opportunity_mut(id)?.move_to(stage, on, now)?)
    }

    /// Links a person to an opportunity with a part (a person may hold several parts).
    pub fn link_person(
        &mut self,
        id: OpportunityId,
        contact: ContactId,
        part: Part,
        now: NaiveDateTime,
    ) -> Result<(), EditError> {
        if self.contact(contact).is_none() {
            return Err(FieldError::new("contact_id", "Pick a person from your list.").into());
        }
        let o = self.opportunity_mut(id)?;
        let link = Involvement { contact_id: contact, part };
        if !o.people.contains(&link) {
            o.people.push(link);
            o.updated_at = now;
        }
        Ok(())
    }

    /// Removes a person's part in an opportunity.
    pub fn unlink_person(
        &mut self,
        id: OpportunityId,
        contact: ContactId,
        part: Part,
        now: NaiveDateTime,
    ) -> Result<(), EditError> {
        let o = self.opportunity_mut(id)?;
        let before = o.people.len();
        o.people.retain(|i| !(i.contact_id == contact && i.part == part));
        if o.people.len() != before {
            o.updated_at = now;
        }
        Ok(())
    }

    /// Deletes an opportunity; conversations about it stay, no longer linked.
    pub fn delete_opportunity(&mut self, id: OpportunityId, now: NaiveDateTime) -> Result<(), EditError> {
        self.opportunity(id).ok_or(EditError::NotFound)?;
        self.opportunities.retain(|o| o.id != id);
        self.conversations.update_where(
            |c| c.opportunity_id == Some(id),
            |c| {
                c.opportunity_id = None;
                c.updated_at = now;
            },
        );
        Ok(())
    }

    /// Opportunities grouped by stage, in board order; each column newest change first.
    pub fn board(&self) -> Vec<(Stage, Vec<&Opportunity>)> {
        Stage::ALL
            .iter()
            .map(|&stage| {
                let mut column: Vec<&Opportunity> = self.opportunities.iter().filter(|o| o.stage() == stage).collect();
                column.sort_by(|a, b| b.stage_since().cmp(&a.stage_since()).then_with(|| a.title().cmp(&b.title())));
                (stage, column)
            })
            .collect()
    }

    /// The opportunities a person is linked to, with their part.
    pub fn opportunities_of(&self, id: ContactId) -> Vec<(&Opportunity, Part)> {
        self.opportunities
            .iter()
            .flat_map(|o| o.people.iter().filter(move |i| i.contact_id == id).map(move |i| (o, i.part)))
            .collect()
    }

    // ---- follow-ups ----

    /// Marks a follow-up done: logs the outreach with the person (which moves every rule on),
    /// ticks the offer step, or, with no one to log it against, records a done mark.
    ///
    /// A follow-up for something that has not happened yet (logged ahead, e.g. an interview
    /// tomorrow) cannot be done before it happens.
    pub fn complete_follow_up(
        &mut self,
        f: &FollowUp,
        id: ConversationId,
        now: NaiveDateTime,
    ) -> Result<(), EditError> {
        if f.cause > now {
            return Err(FieldError::new(
                "follow_up",
                format!(
                    "This follow-up is for something that has not happened yet ({}).",
                    f.cause.format("%a %-d %b, %H:%M")
                ),
            )
            .into());
        }
        if f.rule == Rule::OfferStep {
            let step = OfferStep::ALL.get(f.step as usize).copied().ok_or(EditError::NotFound)?;
            return self.tick_offer_step(f.opportunity.ok_or(EditError::NotFound)?, step, true, now);
        }
        match f.contact {
            Some(contact) => {
                let channel =
                    self.contact(contact).ok_or(EditError::NotFound)?.preferred_channel.unwrap_or(Channel::Email);
                let fields = super::conversation::ConversationFields {
                    at: now,
                    channel,
                    direction: Direction::IReachedOut,
                    topic: Topic::FollowUp,
                    opportunity_id: f.opportunity.filter(|o| self.opportunity(*o).is_some()),
                    key_points: format!("Followed up. {}", f.reason),
                    open_questions: String::new(),
                    next_step: String::new(),
                    check_back: CheckBack::NotAsked,
                };
                self.conversations.push(Conversation::new(id, contact, fields, now));
            }
            None => self.mark(&f.key, Outcome::Done, now),
        }
        Ok(())
    }

    /// Logs that the person answered: the ladder waiting on them stops.
    pub fn they_replied(&mut self, f: &FollowUp, id: ConversationId, now: NaiveDateTime) -> Result<(), EditError> {
        let contact = f.contact.ok_or(EditError::NotFound)?;
        let channel = self.contact(contact).ok_or(EditError::NotFound)?.preferred_channel.unwrap_or(Channel::Email);
        let fields = super::conversation::ConversationFields {
            at: now,
            channel,
            direction: Direction::TheyReachedOut,
            topic: Topic::General,
            opportunity_id: f.opportunity.filter(|o| self.opportunity(*o).is_some()),
            key_points: "They replied.".into(),
            open_questions: String::new(),
            next_step: String::new(),
            check_back: CheckBack::NotAsked,
        };
        self.conversations.push(Conversation::new(id, contact, fields, now));
        Ok(())
    }

    /// Records a snooze, skip or done mark for a follow-up step (the latest mark wins).
    pub fn mark(&mut self, key: &Key, outcome: Outcome, now: NaiveDateTime) {
        let key = key.to_string();
        self.marks.retain(|m| m.key != key);
        self.marks.push(Mark { key, outcome, at: now });
    }

    /// Snoozes a follow-up until a day; refuses days in the past.
    pub fn snooze(&mut self, key: &Key, until: NaiveDate, now: NaiveDateTime) -> Result<(), EditError> {
        if until <= now.date() {
            return Err(FieldError::new("snooze_until", "Pick a day after today.").into());
        }
        self.mark(key, Outcome::Snoozed { until }, now);
        Ok(())
    }

    /// Skips a follow-up, keeping the reason.
    pub fn skip(&mut self, key: &Key, reason: &str, now: NaiveDateTime) -> Result<(), EditError> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(FieldError::new("skip_reason", "Say briefly why, so you remember later.").into());
        }
        self.mark(key, Outcome::Skipped { reason: reason.to_owned() }, now);
        Ok(())
    }

    /// Ticks (or unticks) one step of an opportunity's offer checklist.
    pub fn tick_offer_step(
        &mut self,
        id: OpportunityId,
        step: OfferStep,
        done: bool,
        now: NaiveDateTime,
    ) -> Result<(), EditError> {
        let o = self.opportunity_mut(id)?;
        let has = o.offer_done.contains(&step);
        if done && !has {
            o.offer_done.push(step);
        } else if !done && has {
            o.offer_done.retain(|s| *s != step);
        }
        o.updated_at = now;
        Ok(())
    }

    /// Withdraws every other opportunity still in play (after accepting an offer).
    pub fn withdraw_others(
        &mut self,
        accepted: OpportunityId,
        on: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<usize, EditError> {
        self.opportunity(accepted).ok_or(EditError::NotFound)?;
        let mut count = 0;
        for o in self.opportunities.iter_mut().filter(|o| o.id != accepted && o.stage().is_active()) {
            let on = on.max(o.stage_since().unwrap_or(on));
            if o.move_to(Stage::Withdrawn, on, now)? {
                count += 1;
            }
        }
        Ok(count)
    }

    /// Saves new settings after checking them.
    pub fn set_settings(&mut self, settings: Settings) -> Result<(), EditError> {
        let problems = settings.problems();
        if !problems.is_empty() {
            return Err(EditError::Invalid(problems));
        }
        self.settings = settings;
        Ok(())
    }

    /// Whether any example data is loaded.
    pub fn has_examples(&self) -> bool {
        self.contacts.iter().any(|c| c.example) || self.opportunities.iter().any(|o| o.example)
    }

    /// Removes all example data and nothing else.
    pub fn remove_examples(&mut self) {
        let gone: Vec<ContactId> = self.contacts.iter().filter(|c| c.example).map(|c| c.id).collect();
        let gone_opps: Vec<OpportunityId> = self.opportunities.iter().filter(|o| o.example).map(|o| o.id).collect();
        self.contacts.retain(|c| !c.example);
        self.opportunities.retain(|o| !o.example);
        self.conversations.retain(|c| !c.example && !gone.contains(&c.contact_id));
        self.contacts.update_where(|c| c.introduced_by.is_some_and(|i| gone.contains(&i)), |c| c.introduced_by = None);
        self.opportunities.update_where(
            |o| o.people.iter().any(|i| gone.contains(&i.contact_id)),
            |o| o.people.retain(|i| !gone.contains(&i.contact_id)),
        );
        self.conversations
            .update_where(|c| c.opportunity_id.is_some_and(|o| gone_opps.contains(&o)), |c| c.opportunity_id = None);
    }

    // ---- companies ----

    /// Every company named anywhere, with counts.
    pub fn companies(&self) -> Vec<CompanySummary> {
        company::summarise(self.contacts.iter().filter(|c| !c.archived), self.opportunities.iter())
    }

    /// Everyone (archived included, marked as such by the caller) and every opportunity at a company.
    pub fn company(&self, key: &CompanyKey) -> CompanyView<'_> {
        let at = |name: &str| CompanyKey::of(name).as_ref() == Some(key);
        let mut people: Vec<&Contact> = self.contacts.iter().filter(|c| at(&c.company)).collect();
        people.sort_by_key(|c| (c.archived, super::people_search::fold(&c.name)));
        let opportunities: Vec<&Opportunity> = self.opportunities.iter().filter(|o| at(&o.company)).collect();
        let name = company::summarise(people.iter().copied(), opportunities.iter().copied())
            .into_iter()
            .next()
            .map_or_else(|| key.as_str().to_owned(), |s| s.name);
        CompanyView { name, people, opportunities }
    }
}

/// The items of `list` whose id is among `ids`, found in one pass.
fn by_id<'r, T, K: std::hash::Hash + Eq + Copy>(
    list: &'r SharedList<T>,
    ids: &[K],
    id: impl Fn(&T) -> K,
) -> FastMap<K, &'r T> {
    if ids.is_empty() {
        return FastMap::default();
    }
    let wanted: FastSet<K> = ids.iter().copied().collect();
    list.iter().filter(|item| wanted.contains(&id(item))).map(|item| (id(item), item)).collect()
}
