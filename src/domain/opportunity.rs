//! Job opportunities: where they came from, the stage they are at (with the date of every
//! change), and the people involved in each.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::contact::ContactId;
use super::id::Id;
use super::validate::{self, FieldError, WebUrl};
use crate::choice;

/// An opportunity's identifier.
pub type OpportunityId = Id<Opportunity>;

choice! {
    /// How the opportunity came about.
    pub enum Source {
        AppliedOnline = ("applied_online", "Applied online"),
        Referral = ("referral", "Referral"),
        RecruiterReachedOut = ("recruiter", "Recruiter reached out"),
        Networking = ("networking", "Networking"),
    }
}

choice! {
    /// Where an opportunity stands. The order is the order of the board's columns.
    pub enum Stage {
        Interested = ("interested", "Interested"),
        Applied = ("applied", "Applied"),
        Interviewing = ("interviewing", "Interviewing"),
        Offer = ("offer", "Offer"),
        Accepted = ("accepted", "Accepted"),
        Declined = ("declined", "Declined"),
        Filled = ("filled", "Position filled / rejected"),
        Withdrawn = ("withdrawn", "Withdrawn"),
    }
}

impl Stage {
    /// Whether the opportunity is still in play (not accepted, declined, filled or withdrawn).
    pub const fn is_active(self) -> bool {
        matches!(self, Stage::Interested | Stage::Applied | Stage::Interviewing | Stage::Offer)
    }
}

choice! {
    /// The part a person plays in one opportunity.
    pub enum Part {
        Recruiter = ("recruiter", "Recruiter"),
        HiringManager = ("hiring_manager", "Hiring manager"),
        Interviewer = ("interviewer", "Interviewer"),
        Referrer = ("referrer", "Referrer"),
        Helped = ("helped", "Helped"),
    }
}

/// The day an opportunity entered a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageChange {
    pub stage: Stage,
    #[serde(deserialize_with = "crate::domain::stored_time::date")]
    pub on: NaiveDate,
    /// When it was recorded, if that was on the same day (so "today" keeps its time of day).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::stored_time::optional_date_time"
    )]
    pub at: Option<NaiveDateTime>,
}

impl StageChange {
    /// The moment the change counts from: the time it was recorded on the day, else midday.
    pub fn moment(&self) -> NaiveDateTime {
        self.at.filter(|t| t.date() == self.on).unwrap_or_else(|| self.on.and_hms_opt(12, 0, 0).unwrap_or_default())
    }
}

/// A person linked to an opportunity, with their part in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Involvement {
    pub contact_id: ContactId,
    pub part: Part,
}

/// A job I am pursuing or considering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opportunity {
    pub id: OpportunityId,
    pub company: String,
    pub role: String,
    #[serde(default)]
    pub posting_url: Option<WebUrl>,
    pub source: Source,
    /// Every stage change, oldest first; never empty for a record made by this app.
    pub history: Vec<StageChange>,
    #[serde(default)]
    pub people: Vec<Involvement>,
    #[serde(default)]
    pub notes: String,
    /// The offer checklist steps already done.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_done: Vec<OfferStep>,
    /// Part of the clearly marked example data, removable in one click.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    #[serde(deserialize_with = "crate::domain::stored_time::date_time")]
    pub created_at: NaiveDateTime,
    #[serde(deserialize_with = "crate::domain::stored_time::date_time")]
    pub updated_at: NaiveDateTime,
}

choice! {
    /// The guide's steps once an offer is extended, in order.
    pub enum OfferStep {
        InWriting = ("in_writing", "Get the offer in writing"),
        Review = ("review", "Review it carefully"),
        Negotiate = ("negotiate", "Negotiate"),
        Decide = ("decide", "Accept or decline"),
    }
}

impl Opportunity {
    /// The next offer step not yet done, if any.
    pub fn next_offer_step(&self) -> Option<OfferStep> {
        OfferStep::ALL.iter().copied().find(|s| !self.offer_done.contains(s))
    }

    /// The stage the opportunity was at on a given day (before its first change: none).
    pub fn stage_on(&self, day: NaiveDate) -> Option<Stage> {
        self.history.iter().rev().find(|c| c.on <= day).map(|c| c.stage)
    }

    /// The current stage (an imported record with no history counts as *interested*).
    pub fn stage(&self) -> Stage {
        self.history.last().map_or(Stage::Interested, |c| c.stage)
    }

    /// The day the current stage began, if known.
    pub fn stage_since(&self) -> Option<NaiveDate> {
        self.history.last().map(|c| c.on)
    }

    /// The moment the current stage began (see [`StageChange::moment`]).
    pub fn stage_moment(&self) -> Option<NaiveDateTime> {
        self.history.last().map(StageChange::moment)
    }

    /// "Role at Company".
    pub fn title(&self) -> String {
        format!("{} at {}", self.role, self.company)
    }

    /// The people linked with the given part.
    pub fn people_with(&self, part: Part) -> impl Iterator<Item = ContactId> + '_ {
        self.people.iter().filter(move |i| i.part == part).map(|i| i.contact_id)
    }
}

/// What the opportunity form holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpportunityDraft {
    pub company: String,
    pub role: String,
    pub posting_url: String,
    pub source: Source,
    pub notes: String,
}

impl Default for OpportunityDraft {
    fn default() -> Self {
        Self {
            company: String::new(),
            role: String::new(),
            posting_url: String::new(),
            source: Source::AppliedOnline,
            notes: String::new(),
        }
    }
}

impl From<&Opportunity> for OpportunityDraft {
    fn from(o: &Opportunity) -> Self {
        Self {
            company: o.company.clone(),
            role: o.role.clone(),
            posting_url: o.posting_url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
            source: o.source,
            notes: o.notes.clone(),
        }
    }
}

/// The validated fields of an opportunity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OpportunityFields {
    pub company: String,
    pub role: String,
    pub posting_url: Option<WebUrl>,
    pub source: Source,
    pub notes: String,
}

impl OpportunityDraft {
    pub(crate) fn validate(&self) -> Result<OpportunityFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let company = validate::required("company", "The company", &self.company, &mut errors);
        let role = validate::required("role", "The role", &self.role, &mut errors);
        let posting_url = validate::optional_url("posting_url", &self.posting_url, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(OpportunityFields {
            company,
            role,
            posting_url,
            source: self.source,
            notes: self.notes.trim_end().to_owned(),
        })
    }
}

impl Opportunity {
    pub(crate) fn new(
        id: OpportunityId,
        f: OpportunityFields,
        stage: Stage,
        on: NaiveDate,
        now: NaiveDateTime,
    ) -> Self {
        Self {
            id,
            company: f.company,
            role: f.role,
            posting_url: f.posting_url,
            source: f.source,
            history: vec![StageChange { stage, on, at: (on == now.date()).then_some(now) }],
            people: Vec::new(),
            notes: f.notes,
            offer_done: Vec::new(),
            example: false,
            created_at: now,
            updated_at: now,
        }
    }

    pub(crate) fn apply(&mut self, f: OpportunityFields, now: NaiveDateTime) {
        self.company = f.company;
        self.role = f.role;
        self.posting_url = f.posting_url;
        self.source = f.source;
        self.notes = f.notes;
        self.updated_at = now;
    }

    /// Records a move to `stage` on `on`. Moving to the current stage does nothing; a date
    /// before the last change is refused, so the history always reads in order.
    pub(crate) fn move_to(&mut self, stage: Stage, on: NaiveDate, now: NaiveDateTime) -> Result<bool, FieldError> {
        if let Some(last) = self.history.last() {
            if on < last.on {
                return Err(FieldError::new(
                    "stage_on",
                    format!("The date cannot be before the last stage change ({}).", last.on.format("%-d %b %Y")),
                ));
            }
            if last.stage == stage {
                return Ok(false);
            }
        }
        self.history.push(StageChange { stage, on, at: (on == now.date()).then_some(now) });
        self.updated_at = now;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn opp() -> Opportunity {
        let f = OpportunityDraft { company: "Acme".into(), role: "Engineer".into(), ..Default::default() }
            .validate()
            .unwrap();
        Opportunity::new(Id::from_raw(1), f, Stage::Interested, day(1), day(1).and_hms_opt(9, 0, 0).unwrap())
    }

    #[test]
    fn every_stage_change_is_dated() {
        let mut o = opp();
        let now = day(5).and_hms_opt(9, 0, 0).unwrap();
        assert_eq!(o.move_to(Stage::Applied, day(3), now), Ok(true));
        assert_eq!(o.move_to(Stage::Interviewing, day(5), now), Ok(true));
        assert_eq!(o.stage(), Stage::Interviewing);
        assert_eq!(o.stage_since(), Some(day(5)));
        let stages: Vec<_> = o.history.iter().map(|c| (c.stage, c.on)).collect();
        assert_eq!(stages, [(Stage::Interested, day(1)), (Stage::Applied, day(3)), (Stage::Interviewing, day(5))]);
    }

    #[test]
    fn a_stage_change_cannot_go_back_in_time() {
        let mut o = opp();
        let err = o
            .move_to(
                Stage::Applied,
                NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
                day(5).and_hms_opt(0, 0, 0).unwrap(),
            )
            .unwrap_err();
        assert_eq!(err.field, "stage_on");
        assert_eq!(o.history.len(), 1);
    }

    #[test]
    fn moving_to_the_same_stage_changes_nothing() {
        let mut o = opp();
        assert_eq!(o.move_to(Stage::Interested, day(2), day(2).and_hms_opt(0, 0, 0).unwrap()), Ok(false));
        assert_eq!(o.history.len(), 1);
    }

    #[test]
    fn company_and_role_are_required_and_postings_must_be_web_links() {
        let d = OpportunityDraft { posting_url: "javascript:alert(document.cookie)".into(), ..Default::default() };
        let fields: Vec<_> = d.validate().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["company", "role", "posting_url"]);
    }

    #[test]
    fn only_open_stages_are_active() {
        let active: Vec<_> = Stage::ALL.iter().filter(|s| s.is_active()).collect();
        assert_eq!(active, [&Stage::Interested, &Stage::Applied, &Stage::Interviewing, &Stage::Offer]);
    }
}
