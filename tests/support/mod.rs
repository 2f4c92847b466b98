//! A small builder for follow-up scenarios: people, opportunities and conversations at
//! concrete local times, as a user would log them.
#![allow(dead_code)]

use chrono::{NaiveDate, NaiveDateTime};
use follow_up::domain::conversation::CheckBackAnswer;
use follow_up::domain::follow_up::{agenda, Agenda, FollowUp, Rule};
use follow_up::domain::{
    Channel, ContactDraft, ContactId, ConversationDraft, ConversationId, Direction, MomentDraft, MomentKind,
    OpportunityDraft, OpportunityId, Part, Records, Source, Stage, Topic,
};

/// `"2026-11-27 15:00"` as a local date-time.
pub fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_else(|_| panic!("bad time {s}"))
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[derive(Default)]
pub struct Scenario {
    pub records: Records,
    next: u128,
}

impl Scenario {
    fn id(&mut self) -> u128 {
        self.next += 1;
        self.next
    }

    pub fn person(&mut self, name: &str) -> ContactId {
        self.person_with(name, |_| {})
    }

    pub fn person_with(&mut self, name: &str, edit: impl FnOnce(&mut ContactDraft)) -> ContactId {
        let id = ContactId::from_raw(self.id());
        let mut draft = ContactDraft { name: name.into(), ..Default::default() };
        edit(&mut draft);
        self.records.add_contact(id, &draft, t("2026-01-01 09:00")).unwrap();
        id
    }

    pub fn moment(&mut self, who: ContactId, kind: MomentKind, date: &str) {
        let mut draft = ContactDraft::from(self.records.contact(who).unwrap());
        draft.moments.push(MomentDraft { kind, date: date.into(), note: String::new() });
        self.records.update_contact(who, &draft, t("2026-01-01 09:00")).unwrap();
    }

    pub fn opportunity(&mut self, company: &str, role: &str, source: Source, stage: Stage, on: &str) -> OpportunityId {
        let id = OpportunityId::from_raw(self.id());
        let draft = OpportunityDraft { company: company.into(), role: role.into(), source, ..Default::default() };
        self.records.add_opportunity(id, &draft, stage, d(on), t("2026-01-01 09:00")).unwrap();
        id
    }

    pub fn move_to(&mut self, o: OpportunityId, stage: Stage, on: &str) {
        self.records.move_stage(o, stage, d(on), t("2026-01-01 09:00")).unwrap();
    }

    pub fn link(&mut self, o: OpportunityId, who: ContactId, part: Part) {
        self.records.link_person(o, who, part, t("2026-01-01 09:00")).unwrap();
    }

    /// Logs a conversation and returns its id.
    pub fn talk(
        &mut self,
        who: ContactId,
        at: &str,
        direction: Direction,
        topic: Topic,
        opp: Option<OpportunityId>,
    ) -> ConversationId {
        self.talk_with(who, at, direction, topic, opp, |_| {})
    }

    pub fn talk_with(
        &mut self,
        who: ContactId,
        at: &str,
        direction: Direction,
        topic: Topic,
        opp: Option<OpportunityId>,
        edit: impl FnOnce(&mut ConversationDraft),
    ) -> ConversationId {
        let id = ConversationId::from_raw(self.id());
        let mut draft = ConversationDraft::new(t(at));
        draft.direction = direction;
        draft.topic = topic;
        draft.opportunity_id = opp;
        draft.channel = Channel::Email;
        edit(&mut draft);
        self.records.log_conversation(id, who, &draft, t(at)).unwrap();
        id
    }

    pub fn allow_check_back(draft: &mut ConversationDraft, on: &str) {
        draft.check_back = CheckBackAnswer::Allowed;
        draft.check_back_on = on.into();
    }

    pub fn agenda(&self, now: &str) -> Agenda {
        agenda(&self.records, t(now))
    }

    /// Marks a follow-up done at `at`, as the Today view's "done" button does.
    pub fn done(&mut self, f: &FollowUp, at: &str) {
        let id = ConversationId::from_raw(self.id());
        self.records.complete_follow_up(f, id, t(at)).unwrap();
    }

    /// The items for one person, as (rule, earliest, due).
    pub fn items_for(&self, now: &str, who: ContactId) -> Vec<(Rule, NaiveDateTime, NaiveDateTime)> {
        self.agenda(now).items.iter().filter(|f| f.contact == Some(who)).map(|f| (f.rule, f.earliest, f.due)).collect()
    }
}
