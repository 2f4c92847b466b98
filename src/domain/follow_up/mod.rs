//! The follow-up engine: which person to follow up with, why, and by when, computed from what
//! happened (conversations, stage changes, personal moments) by the guide's rules.
//!
//! Everything here is a pure function of the records and the current time.

pub mod cards;
pub mod draft;
pub mod etiquette;
pub mod key;
pub mod mailto;
pub mod marks;
pub mod reason;
pub mod rules;
pub mod settings;
mod words;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::contact::ContactId;
use super::opportunity::OpportunityId;
use crate::choice;

pub use key::{Anchor, Key};
pub use marks::{Mark, Outcome};
pub use reason::Reason;
pub use rules::{agenda, agenda_on};
pub use settings::Settings;
pub use words::{due_in_words, not_before_in_words};

choice! {
    /// What a follow-up message is for (the guide's "messages you can express").
    pub enum Purpose {
        Appreciation = ("appreciation", "Appreciation"),
        Interest = ("interest", "Sincere interest"),
        Opportunity = ("opportunity", "Opportunity"),
        GivingBack = ("giving_back", "Giving back"),
    }
}

/// The rule that produced a follow-up; each cites the part of the guide it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rule {
    NewContact,
    ThankIntroducer,
    ReachIntroduced,
    WarmConnection,
    KeepInTouch,
    CheckBack,
    ApplicationFollowUp,
    ResumeShared,
    ApplicationNudge,
    InterviewThankYou,
    InterviewCheckIn,
    InterviewRepeat,
    OfferStep,
    TellOthers,
    ThankHelpers,
    FilledThanks,
    Reply,
    GivingBack,
}

impl Rule {
    /// A short stable name, used in follow-up keys.
    pub const fn key(self) -> &'static str {
        match self {
            Rule::NewContact => "new-contact",
            Rule::ThankIntroducer => "thank-introducer",
            Rule::ReachIntroduced => "reach-introduced",
            Rule::WarmConnection => "warm-connection",
            Rule::KeepInTouch => "keep-in-touch",
            Rule::CheckBack => "check-back",
            Rule::ApplicationFollowUp => "application",
            Rule::ResumeShared => "resume-shared",
            Rule::ApplicationNudge => "application-nudge",
            Rule::InterviewThankYou => "interview-thanks",
            Rule::InterviewCheckIn => "interview-check-in",
            Rule::InterviewRepeat => "interview-repeat",
            Rule::OfferStep => "offer",
            Rule::TellOthers => "tell-others",
            Rule::ThankHelpers => "thank-helpers",
            Rule::FilledThanks => "filled-thanks",
            Rule::Reply => "reply",
            Rule::GivingBack => "giving-back",
        }
    }

    /// Where in the guide the rule comes from, quoted closely enough to recognise.
    pub const fn guide(self) -> &'static str {
        match self {
            Rule::NewContact => "Networking: follow up 24 hours after meeting a new person, an informational interview or a networking meeting.",
            Rule::ThankIntroducer | Rule::ReachIntroduced => {
                "Networking: when someone has referred you to another person, follow up with the person who made the introduction and right away with the person you were introduced to."
            }
            Rule::WarmConnection => "Networking: reach out within 5-7 days to a warm connection at a target company.",
            Rule::KeepInTouch => "Networking: check in 3-4 months after the last contact; follow up with people at least once per quarter.",
            Rule::CheckBack => "Basics: ask permission to check back; an agreed date gives a definitive timeline.",
            Rule::ApplicationFollowUp => "Applications: after applying online, follow up within 24-48 hours.",
            Rule::ResumeShared => "Applications: when someone has shared your resume with a contact at the company, follow up within one week.",
            Rule::ApplicationNudge => "Applications: send another follow-up 1-2 weeks later if your first gets no response; follow up twice, then focus your energies elsewhere.",
            Rule::InterviewThankYou => "Interviews: follow up within 24 hours with everyone you interviewed with, the recruiter or hiring manager who set it up, and anyone who helped.",
            Rule::InterviewCheckIn => "Interviews: the post-interview follow-up is a week later, unless they gave you a timeline.",
            Rule::InterviewRepeat => "Interviews: with no response, keep following up bi-weekly and then once per month, until told the position is filled.",
            Rule::OfferStep => "Offer: review the offer (in writing), negotiate, then accept or decline, leaving every conversation on a positive note.",
            Rule::TellOthers => "Offer: let other potential employers know you have accepted a position.",
            Rule::ThankHelpers => "Offer: thank everyone who helped in your search and let them know you have landed.",
            Rule::FilledThanks => "Position filled: thank the hiring manager and recruiter for letting you know and say you remain interested.",
            Rule::Reply => "Etiquette: respond within an acceptable timeframe; taking too long looks disinterested.",
            Rule::GivingBack => "Basics: give first, e.g. remembering birthdays, well wishes after a surgery, congratulations on a marriage or a baby.",
        }
    }

    /// What the message is for.
    pub const fn purpose(self) -> Purpose {
        match self {
            Rule::NewContact
            | Rule::ThankIntroducer
            | Rule::InterviewThankYou
            | Rule::ThankHelpers
            | Rule::FilledThanks => Purpose::Appreciation,
            Rule::ReachIntroduced | Rule::WarmConnection | Rule::KeepInTouch | Rule::CheckBack | Rule::Reply => {
                Purpose::Interest
            }
            Rule::ApplicationFollowUp
            | Rule::ResumeShared
            | Rule::ApplicationNudge
            | Rule::InterviewCheckIn
            | Rule::InterviewRepeat
            | Rule::OfferStep
            | Rule::TellOthers => Purpose::Opportunity,
            Rule::GivingBack => Purpose::GivingBack,
        }
    }

    /// Whether the spacing warning leaves this kind of message alone (replies and the
    /// 24-hour thank-yous are expected, however recent the last message).
    pub const fn exempt_from_spacing(self) -> bool {
        matches!(
            self,
            Rule::Reply | Rule::InterviewThankYou | Rule::NewContact | Rule::ThankIntroducer | Rule::FilledThanks
        )
    }
}

/// One follow-up to make: who, why, and the window to do it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Stable identity of this step (snoozes and skips refer to it).
    pub key: Key,
    /// The person to contact; `None` when no one is known yet (e.g. an online application).
    pub contact: Option<ContactId>,
    pub opportunity: Option<OpportunityId>,
    pub rule: Rule,
    /// The reason in one sentence, naming the people and dates involved.
    pub reason: Reason,
    /// Not before this (sooner would be pestering).
    pub earliest: NaiveDateTime,
    /// By this (later is "taking too long").
    pub due: NaiveDateTime,
    /// When the event that caused it happened.
    pub cause: NaiveDateTime,
    /// Which attempt of a ladder this is (0 for the first).
    pub step: u32,
}

/// How pressing a follow-up is at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    DueToday,
    ThisWeek,
    Waiting,
}

impl Urgency {
    /// The heading of the Today view's section.
    pub const fn heading(self) -> &'static str {
        match self {
            Urgency::Overdue => "Overdue",
            Urgency::DueToday => "Due today",
            Urgency::ThisWeek => "Coming up this week",
            Urgency::Waiting => "Waiting",
        }
    }
}

impl FollowUp {
    /// Overdue, due today, due within a week, or later.
    pub fn urgency(&self, now: NaiveDateTime) -> Urgency {
        if self.due < now {
            Urgency::Overdue
        } else if self.due.date() == now.date() {
            Urgency::DueToday
        } else if (self.due.date() - now.date()).num_days() <= 7 {
            Urgency::ThisWeek
        } else {
            Urgency::Waiting
        }
    }

    /// The thread it belongs to: at most one open follow-up per person per opportunity.
    pub fn thread(&self) -> (Option<ContactId>, Option<OpportunityId>) {
        (self.contact, self.opportunity)
    }
}

/// A follow-up ladder that has ended without an answer: shown, never silently dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub contact: Option<ContactId>,
    pub opportunity: Option<OpportunityId>,
    pub rule: Rule,
    pub reason: String,
}

/// Everything to follow up on, soonest due first, plus the ladders that have ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agenda {
    pub items: Vec<FollowUp>,
    pub stopped: Vec<Stopped>,
}

impl Agenda {
    /// How many items are overdue or due today (the number in the page title).
    pub fn due_count(&self, now: NaiveDateTime) -> usize {
        self.items.iter().filter(|f| f.urgency(now) <= Urgency::DueToday).count()
    }

    /// The items grouped by urgency, in the Today view's order; empty groups left out.
    pub fn sections(&self, now: NaiveDateTime) -> Vec<(Urgency, Vec<&FollowUp>)> {
        self.section_ranges(now).into_iter().map(|(u, range)| (u, self.items[range].iter().collect())).collect()
    }

    /// Where each urgency's items are in `items`, in the Today view's order; empty groups
    /// left out. Items are sorted by due time and urgency only grows with it, so each group
    /// is one run, found by binary search (no copy of 37,000 items on every tick).
    pub fn section_ranges(&self, now: NaiveDateTime) -> Vec<(Urgency, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        let mut start = 0;
        for urgency in [Urgency::Overdue, Urgency::DueToday, Urgency::ThisWeek, Urgency::Waiting] {
            let end = start + self.items[start..].partition_point(|f| f.urgency(now) <= urgency);
            if end > start {
                out.push((urgency, start..end));
            }
            start = end;
        }
        out
    }

    /// The open follow-up with a person, if any (the soonest due across opportunities).
    pub fn next_for(&self, contact: ContactId) -> Option<&FollowUp> {
        self.items.iter().filter(|f| f.contact == Some(contact)).min_by_key(|f| f.due)
    }

    /// The follow-ups that are new since an earlier agenda's keys, leaving out the quarterly
    /// check-ins every conversation starts (background, not news).
    pub fn new_since(&self, before: &[Key]) -> Vec<&FollowUp> {
        self.items.iter().filter(|f| f.rule != Rule::KeepInTouch && !before.contains(&f.key)).collect()
    }

    /// The follow-up with this key.
    pub fn find(&self, key: &Key) -> Option<&FollowUp> {
        self.items.iter().find(|f| f.key == *key)
    }
}
