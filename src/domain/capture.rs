//! Quick capture: the guide's situations ("I just met someone", "I had an interview"...) as one
//! short form each. One capture creates or picks the people and the opportunity, logs the
//! conversations and moves the stage, all at once or not at all.

use chrono::NaiveDateTime;

use super::contact::{Channel, ContactDraft, ContactId, Role};
use super::conversation::{CheckBackAnswer, ConversationDraft, ConversationId, Direction, Topic};
use super::opportunity::{OpportunityDraft, OpportunityId, Part, Source, Stage};
use super::records::{EditError, Records};
use super::validate::{self, FieldError};
use crate::choice;

choice! {
    /// The situations people think in.
    pub enum Situation {
        MetSomeone = ("met", "I just met someone"),
        Introduced = ("introduced", "Someone introduced me"),
        TheyWrote = ("they_wrote", "They wrote to me"),
        Applied = ("applied", "I applied"),
        Interview = ("interview", "I had an interview"),
        Offer = ("offer", "I got an offer"),
        Filled = ("filled", "They filled the position"),
    }
}

impl Situation {
    /// One line under the situation's button.
    pub const fn hint(self) -> &'static str {
        match self {
            Situation::MetSomeone => "A networking event, an informational interview, a coffee.",
            Situation::Introduced => "Someone put you in touch with a person.",
            Situation::TheyWrote => "A message, a call or an InMail from someone.",
            Situation::Applied => "An online application, or a contact shared your resume.",
            Situation::Interview => "Phone, video, in person or a panel: everyone in one go.",
            Situation::Offer => "An offer was extended, verbally or in writing.",
            Situation::Filled => "They told you the position is filled or you were not selected.",
        }
    }
}

/// Someone already in the list, or a new person to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonChoice {
    Existing(ContactId),
    New { name: String, company: String, title: String },
}

/// An opportunity already tracked, or a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpportunityChoice {
    Existing(OpportunityId),
    New { company: String, role: String, posting_url: String, source: Source },
}

/// What a quick-capture form holds. Which fields matter depends on the situation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptureDraft {
    pub situation: Situation,
    /// The person met, who wrote, who was introduced, or who told me (offer, filled).
    pub person: Option<PersonChoice>,
    /// Who made the introduction.
    pub introducer: Option<PersonChoice>,
    /// Everyone who interviewed me.
    pub interviewers: Vec<PersonChoice>,
    /// The recruiter or hiring manager who set up the interview (or who applies to the offer).
    pub organiser: Option<PersonChoice>,
    pub organiser_part: Part,
    pub opportunity: Option<OpportunityChoice>,
    pub at: String,
    pub channel: Channel,
    pub key_points: String,
    pub open_questions: String,
    pub next_step: String,
    /// A date they gave to check back (their timeline), optional.
    pub check_back_on: String,
}

impl CaptureDraft {
    /// An empty form for a situation, stamped with the current time.
    pub fn new(situation: Situation, now: NaiveDateTime) -> Self {
        Self {
            situation,
            person: None,
            introducer: None,
            interviewers: Vec::new(),
            organiser: None,
            organiser_part: Part::Recruiter,
            opportunity: None,
            at: validate::date_time_input_value(now),
            channel: match situation {
                Situation::MetSomeone | Situation::Introduced => Channel::InPerson,
                Situation::Interview => Channel::Video,
                _ => Channel::Email,
            },
            key_points: String::new(),
            open_questions: String::new(),
            next_step: String::new(),
            check_back_on: String::new(),
        }
    }
}

/// What a capture created or touched.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Captured {
    pub people: Vec<ContactId>,
    pub opportunity: Option<OpportunityId>,
}

impl Records {
    /// Applies a quick capture. Either everything is recorded or, on any problem, nothing is.
    pub fn capture(
        &mut self,
        d: &CaptureDraft,
        next_id: &mut dyn FnMut() -> u128,
        now: NaiveDateTime,
    ) -> Result<Captured, EditError> {
        let mut errors = Vec::new();
        let at = validate::date_time("at", &d.at, &mut errors);
        if !d.check_back_on.trim().is_empty() {
            validate::date("check_back_on", &d.check_back_on, &mut errors);
        }
        let needs = |field: &'static str, present: bool, message: &str, errors: &mut Vec<FieldError>| {
            if !present {
                errors.push(FieldError::new(field, message));
            }
        };
        use Situation::*;
        match d.situation {
            MetSomeone | TheyWrote => {
                needs("person", d.person.is_some(), "Who was it? Pick someone or type a new name.", &mut errors)
            }
            Introduced => {
                needs("person", d.person.is_some(), "Who were you introduced to?", &mut errors);
                needs("introducer", d.introducer.is_some(), "Who made the introduction?", &mut errors);
            }
            Applied | Offer | Filled => {
                needs("opportunity", d.opportunity.is_some(), "Which opportunity? Pick one or add it.", &mut errors)
            }
            Interview => {
                needs("opportunity", d.opportunity.is_some(), "Which opportunity was the interview for?", &mut errors);
                needs("interviewers", !d.interviewers.is_empty(), "Add at least one interviewer.", &mut errors);
            }
        }
        for (field, choice) in [("person", &d.person), ("introducer", &d.introducer), ("organiser", &d.organiser)] {
            if let Some(PersonChoice::New { name, .. }) = choice {
                if name.trim().is_empty() {
                    errors.push(FieldError::new(field, "Type the new person's name."));
                }
            }
        }
        if d.interviewers.iter().any(|p| matches!(p, PersonChoice::New { name, .. } if name.trim().is_empty())) {
            errors.push(FieldError::new("interviewers", "Every interviewer needs a name."));
        }
        let Some(at) = at.filter(|_| errors.is_empty()) else {
            return Err(EditError::Invalid(errors));
        };

        // Work on a copy: a failure half-way leaves the records as they were.
        let mut next = self.clone();
        let captured = next.apply_capture(d, at, next_id, now)?;
        *self = next;
        Ok(captured)
    }

    fn apply_capture(
        &mut self,
        d: &CaptureDraft,
        at: NaiveDateTime,
        next_id: &mut dyn FnMut() -> u128,
        now: NaiveDateTime,
    ) -> Result<Captured, EditError> {
        let mut out = Captured::default();
        let opportunity = match &d.opportunity {
            Some(choice) => Some(self.resolve_opportunity(choice, d.situation, at, next_id, now)?),
            None => None,
        };
        out.opportunity = opportunity;
        let company = opportunity.and_then(|o| self.opportunity(o)).map(|o| o.company.clone()).unwrap_or_default();
        let talk = |direction: Direction, topic: Topic| {
            let mut c = ConversationDraft::new(at);
            c.at = validate::date_time_input_value(at);
            c.channel = d.channel;
            c.direction = direction;
            c.topic = topic;
            c.opportunity_id = opportunity;
            c.key_points = d.key_points.clone();
            c.open_questions = d.open_questions.clone();
            c.next_step = d.next_step.clone();
            if !d.check_back_on.trim().is_empty() {
                c.check_back = CheckBackAnswer::Allowed;
                c.check_back_on = d.check_back_on.clone();
            }
            c
        };
        use Situation::*;
        match d.situation {
            MetSomeone | TheyWrote => {
                let role = Role::NetworkingContact;
                let who = self.resolve_person(d.person.as_ref(), role, &company, None, next_id, now)?;
                let (direction, topic) = if d.situation == MetSomeone {
                    (Direction::WeMet, Topic::Meeting)
                } else {
                    (Direction::TheyReachedOut, Topic::General)
                };
                self.log_conversation(ConversationId::from_raw(next_id()), who, &talk(direction, topic), now)?;
                out.people.push(who);
            }
            Introduced => {
                let introducer = self.resolve_person(d.introducer.as_ref(), Role::Referrer, "", None, next_id, now)?;
                let who = self.resolve_person(
                    d.person.as_ref(),
                    Role::NetworkingContact,
                    &company,
                    Some(introducer),
                    next_id,
                    now,
                )?;
                if who == introducer {
                    return Err(FieldError::new("person", "Someone cannot introduce you to themselves.").into());
                }
                self.log_conversation(
                    ConversationId::from_raw(next_id()),
                    who,
                    &talk(Direction::WeMet, Topic::Introduction),
                    now,
                )?;
                out.people.extend([who, introducer]);
            }
            Applied => {
                if let (Some(o), Some(_)) = (opportunity, &d.person) {
                    let source = self.opportunity(o).map_or(Source::AppliedOnline, |o| o.source);
                    let (role, part) = if source == Source::Referral {
                        (Role::Referrer, Part::Referrer)
                    } else {
                        (Role::Recruiter, Part::Recruiter)
                    };
                    let who = self.resolve_person(d.person.as_ref(), role, &company, None, next_id, now)?;
                    self.link_person(o, who, part, now)?;
                    out.people.push(who);
                }
            }
            Interview => {
                let o = opportunity.ok_or(EditError::NotFound)?;
                for choice in &d.interviewers {
                    let who = self.resolve_person(Some(choice), Role::Interviewer, &company, None, next_id, now)?;
                    self.link_person(o, who, Part::Interviewer, now)?;
                    self.log_conversation(
                        ConversationId::from_raw(next_id()),
                        who,
                        &talk(Direction::WeMet, Topic::Interview),
                        now,
                    )?;
                    out.people.push(who);
                }
                if d.organiser.is_some() {
                    let role =
                        if d.organiser_part == Part::HiringManager { Role::HiringManager } else { Role::Recruiter };
                    let who = self.resolve_person(d.organiser.as_ref(), role, &company, None, next_id, now)?;
                    self.link_person(o, who, d.organiser_part, now)?;
                    out.people.push(who);
                }
            }
            Offer | Filled => {
                let o = opportunity.ok_or(EditError::NotFound)?;
                if d.person.is_some() {
                    let role =
                        if d.organiser_part == Part::HiringManager { Role::HiringManager } else { Role::Recruiter };
                    let who = self.resolve_person(d.person.as_ref(), role, &company, None, next_id, now)?;
                    self.link_person(o, who, d.organiser_part, now)?;
                    self.log_conversation(
                        ConversationId::from_raw(next_id()),
                        who,
                        &talk(Direction::TheyReachedOut, Topic::General),
                        now,
                    )?;
                    out.people.push(who);
                }
            }
        }
        Ok(out)
    }

    fn resolve_person(
        &mut self,
        choice: Option<&PersonChoice>,
        role: Role,
        company: &str,
        introduced_by: Option<ContactId>,
        next_id: &mut dyn FnMut() -> u128,
        now: NaiveDateTime,
    ) -> Result<ContactId, EditError> {
        match choice {
            Some(PersonChoice::Existing(id)) => {
                let existing = self.contact(*id).ok_or(EditError::NotFound)?;
                if let (Some(intro), None) = (introduced_by, existing.introduced_by) {
                    if intro != *id {
                        let mut draft = ContactDraft::from(existing);
                        draft.introduced_by = Some(intro);
                        self.update_contact(*id, &draft, now)?;
                    }
                }
                Ok(*id)
            }
            Some(PersonChoice::New { name, company: typed, title }) => {
                let id = ContactId::from_raw(next_id());
                let draft = ContactDraft {
                    name: name.clone(),
                    company: if typed.trim().is_empty() { company.to_owned() } else { typed.clone() },
                    title: title.clone(),
                    role,
                    introduced_by,
                    ..ContactDraft::default()
                };
                self.add_contact(id, &draft, now)?;
                Ok(id)
            }
            None => Err(FieldError::new("person", "Pick someone or type a new name.").into()),
        }
    }

    fn resolve_opportunity(
        &mut self,
        choice: &OpportunityChoice,
        situation: Situation,
        at: NaiveDateTime,
        next_id: &mut dyn FnMut() -> u128,
        now: NaiveDateTime,
    ) -> Result<OpportunityId, EditError> {
        let target = match situation {
            Situation::Applied => Some(Stage::Applied),
            Situation::Interview => Some(Stage::Interviewing),
            Situation::Offer => Some(Stage::Offer),
            Situation::Filled => Some(Stage::Filled),
            _ => None,
        };
        let day = at.date();
        match choice {
            OpportunityChoice::Existing(id) => {
                let current = self.opportunity(*id).ok_or(EditError::NotFound)?.stage();
                if let Some(stage) = target {
                    // Only move forward: logging a second interview does not undo an offer.
                    if stage > current {
                        self.move_stage(*id, stage, day, now).map_err(|e| match e {
                            // The form's date is what placed the change before the last one.
                            EditError::Invalid(errors) => EditError::Invalid(
                                errors.into_iter().map(|e| FieldError::new("at", e.message)).collect(),
                            ),
                            other => other,
                        })?;
                    }
                }
                Ok(*id)
            }
            OpportunityChoice::New { company, role, posting_url, source } => {
                let id = OpportunityId::from_raw(next_id());
                let draft = OpportunityDraft {
                    company: company.clone(),
                    role: role.clone(),
                    posting_url: posting_url.clone(),
                    source: *source,
                    notes: String::new(),
                };
                self.add_opportunity(id, &draft, target.unwrap_or(Stage::Interested), day, now)?;
                Ok(id)
            }
        }
    }
}
