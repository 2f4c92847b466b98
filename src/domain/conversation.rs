//! Conversations: every interaction with a person, documented as the guide asks (who, when,
//! which channel, key points, open questions, the next step, permission to check back).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::contact::{Channel, ContactId};
use super::id::Id;
use super::opportunity::OpportunityId;
use super::validate::{self, FieldError};
use crate::choice;

/// A conversation's identifier.
pub type ConversationId = Id<Conversation>;

choice! {
    /// Who started the interaction.
    pub enum Direction {
        IReachedOut = ("outbound", "I reached out"),
        TheyReachedOut = ("inbound", "They reached out"),
        WeMet = ("met", "We met"),
    }
}

choice! {
    /// What kind of conversation it was: the follow-up rules depend on it.
    #[derive(Default)]
    pub enum Topic {
        #[default]
        General = ("general", "Conversation"),
        Meeting = ("meeting", "First meeting / networking meeting / informational interview"),
        Introduction = ("introduction", "Introduced to me"),
        Interview = ("interview", "Interview"),
        FollowUp = ("follow_up", "Follow-up message"),
    }
}

/// Whether they agreed that I may check back, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "snake_case")]
pub enum CheckBack {
    /// Not discussed.
    #[default]
    NotAsked,
    /// They asked me not to.
    Declined,
    /// They said yes, optionally naming a date.
    Allowed {
        #[serde(deserialize_with = "crate::domain::stored_time::optional_date")]
        on: Option<NaiveDate>,
    },
}

impl CheckBack {
    /// Whether the question never came up (the default, left out of stored data).
    pub fn is_not_asked(&self) -> bool {
        *self == CheckBack::NotAsked
    }

    /// A sentence for the conversation log.
    pub fn describe(self) -> String {
        match self {
            CheckBack::NotAsked => "Permission to check back not discussed".into(),
            CheckBack::Declined => "Asked me not to check back".into(),
            CheckBack::Allowed { on: None } => "Happy for me to check back".into(),
            CheckBack::Allowed { on: Some(d) } => format!("Happy for me to check back on {}", d.format("%a %-d %b %Y")),
        }
    }
}

/// One logged interaction with a contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversation {
    pub id: ConversationId,
    pub contact_id: ContactId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opportunity_id: Option<OpportunityId>,
    #[serde(deserialize_with = "crate::domain::stored_time::date_time")]
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub direction: Direction,
    #[serde(default)]
    pub topic: Topic,
    // Empty fields are left out of the stored JSON (they read back as their defaults): a
    // large network loads a fifth faster.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key_points: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub open_questions: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_step: String,
    #[serde(default, skip_serializing_if = "CheckBack::is_not_asked")]
    pub check_back: CheckBack,
    /// Part of the clearly marked example data, removable in one click.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    #[serde(deserialize_with = "crate::domain::stored_time::date_time")]
    pub created_at: NaiveDateTime,
    #[serde(deserialize_with = "crate::domain::stored_time::date_time")]
    pub updated_at: NaiveDateTime,
}

/// How the check-back question was answered in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CheckBackAnswer {
    #[default]
    NotAsked,
    Declined,
    Allowed,
}

/// What the conversation form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversationDraft {
    pub at: String,
    pub channel: Channel,
    pub direction: Direction,
    pub topic: Topic,
    pub opportunity_id: Option<OpportunityId>,
    pub key_points: String,
    pub open_questions: String,
    pub next_step: String,
    pub check_back: CheckBackAnswer,
    pub check_back_on: String,
}

impl ConversationDraft {
    /// A blank form stamped with the current time.
    pub fn new(now: NaiveDateTime) -> Self {
        Self {
            at: validate::date_time_input_value(now),
            channel: Channel::Email,
            direction: Direction::IReachedOut,
            topic: Topic::General,
            opportunity_id: None,
            key_points: String::new(),
            open_questions: String::new(),
            next_step: String::new(),
            check_back: CheckBackAnswer::NotAsked,
            check_back_on: String::new(),
        }
    }
}

impl From<&Conversation> for ConversationDraft {
    fn from(c: &Conversation) -> Self {
        let (check_back, check_back_on) = match c.check_back {
            CheckBack::NotAsked => (CheckBackAnswer::NotAsked, String::new()),
            CheckBack::Declined => (CheckBackAnswer::Declined, String::new()),
            CheckBack::Allowed { on } => {
                (CheckBackAnswer::Allowed, on.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default())
            }
        };
        Self {
            at: validate::date_time_input_value(c.at),
            channel: c.channel,
            direction: c.direction,
            topic: c.topic,
            opportunity_id: c.opportunity_id,
            key_points: c.key_points.clone(),
            open_questions: c.open_questions.clone(),
            next_step: c.next_step.clone(),
            check_back,
            check_back_on,
        }
    }
}

/// The validated fields of a conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConversationFields {
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub direction: Direction,
    pub topic: Topic,
    pub opportunity_id: Option<OpportunityId>,
    pub key_points: String,
    pub open_questions: String,
    pub next_step: String,
    pub check_back: CheckBack,
}

impl ConversationDraft {
    pub(crate) fn validate(
        &self,
        opportunity_exists: impl Fn(OpportunityId) -> bool,
    ) -> Result<ConversationFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let at = validate::date_time("at", &self.at, &mut errors);
        let check_back = match self.check_back {
            CheckBackAnswer::NotAsked => CheckBack::NotAsked,
            CheckBackAnswer::Declined => CheckBack::Declined,
            CheckBackAnswer::Allowed if self.check_back_on.trim().is_empty() => CheckBack::Allowed { on: None },
            CheckBackAnswer::Allowed => {
                CheckBack::Allowed { on: validate::date("check_back_on", &self.check_back_on, &mut errors) }
            }
        };
        if let (Some(on), Some(at)) = (check_back_on_date(check_back), at) {
            if on < at.date() {
                errors.push(FieldError::new("check_back_on", "The check-back date cannot be before the conversation."));
            }
        }
        if let Some(opp) = self.opportunity_id {
            if !opportunity_exists(opp) {
                errors.push(FieldError::new("opportunity_id", "That opportunity no longer exists."));
            }
        }
        let (Some(at), true) = (at, errors.is_empty()) else {
            return Err(errors);
        };
        Ok(ConversationFields {
            at,
            channel: self.channel,
            direction: self.direction,
            topic: self.topic,
            opportunity_id: self.opportunity_id,
            key_points: self.key_points.trim_end().to_owned(),
            open_questions: self.open_questions.trim_end().to_owned(),
            next_step: validate::clean(&self.next_step),
            check_back,
        })
    }
}

fn check_back_on_date(c: CheckBack) -> Option<NaiveDate> {
    match c {
        CheckBack::Allowed { on } => on,
        _ => None,
    }
}

impl Conversation {
    pub(crate) fn new(id: ConversationId, contact_id: ContactId, f: ConversationFields, now: NaiveDateTime) -> Self {
        Self {
            id,
            contact_id,
            opportunity_id: f.opportunity_id,
            at: f.at,
            channel: f.channel,
            direction: f.direction,
            topic: f.topic,
            key_points: f.key_points,
            open_questions: f.open_questions,
            next_step: f.next_step,
            check_back: f.check_back,
            example: false,
            created_at: now,
            updated_at: now,
        }
    }

    pub(crate) fn apply(&mut self, f: ConversationFields, now: NaiveDateTime) {
        let id = self.id;
        let contact_id = self.contact_id;
        let (created_at, example) = (self.created_at, self.example);
        *self = Self::new(id, contact_id, f, now);
        self.created_at = created_at;
        self.example = example;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn a_conversation_needs_a_valid_time() {
        let mut d = ConversationDraft::new(at("2026-11-27T10:00"));
        d.at = "yesterday".into();
        assert_eq!(d.validate(|_| true).unwrap_err()[0].field, "at");
    }

    #[test]
    fn a_check_back_date_before_the_conversation_is_refused() {
        let mut d = ConversationDraft::new(at("2026-11-27T10:00"));
        d.check_back = CheckBackAnswer::Allowed;
        d.check_back_on = "2026-11-20".into();
        assert_eq!(d.validate(|_| true).unwrap_err()[0].field, "check_back_on");
        d.check_back_on = "2026-12-11".into();
        let f = d.validate(|_| true).unwrap();
        assert_eq!(f.check_back, CheckBack::Allowed { on: NaiveDate::from_ymd_opt(2026, 12, 11) });
        assert_eq!(f.check_back.describe(), "Happy for me to check back on Fri 11 Dec 2026");
    }

    #[test]
    fn permission_without_a_date_is_still_permission() {
        let mut d = ConversationDraft::new(at("2026-11-27T10:00"));
        d.check_back = CheckBackAnswer::Allowed;
        assert_eq!(d.validate(|_| true).unwrap().check_back, CheckBack::Allowed { on: None });
    }

    #[test]
    fn the_form_round_trips_a_logged_conversation() {
        let mut d = ConversationDraft::new(at("2026-11-27T10:00"));
        d.key_points = "Team is growing\nUses Rust".into();
        d.check_back = CheckBackAnswer::Allowed;
        d.check_back_on = "2026-12-04".into();
        let t = at("2026-11-27T11:00");
        let c = Conversation::new(Id::from_raw(1), Id::from_raw(2), d.validate(|_| true).unwrap(), t);
        assert_eq!(ConversationDraft::from(&c), d);
    }
}
