//! People in the search: who they are, how we met, how they like to be reached, and the
//! personal moments worth a note.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::id::Id;
use super::validate::{self, FieldError, WebUrl};
use crate::choice;

/// A contact's identifier.
pub type ContactId = Id<Contact>;

choice! {
    /// The part a person plays in my search.
    pub enum Role {
        NetworkingContact = ("networking", "Networking contact"),
        Referrer = ("referrer", "Referrer / introducer"),
        Recruiter = ("recruiter", "Recruiter"),
        HiringManager = ("hiring_manager", "Hiring manager"),
        Interviewer = ("interviewer", "Interviewer"),
        Other = ("other", "Other"),
    }
}

choice! {
    /// A way to talk to someone: how a conversation happened, or how a person prefers to be reached.
    pub enum Channel {
        Email = ("email", "Email"),
        Phone = ("phone", "Phone"),
        LinkedIn = ("linkedin", "LinkedIn"),
        Text = ("text", "Text message"),
        Video = ("video", "Video call"),
        InPerson = ("in_person", "In person"),
    }
}

impl Channel {
    /// The channels a person can prefer to be reached on (one cannot "prefer in person" for a follow-up).
    pub const REACHABLE: &'static [Channel] = &[Channel::Email, Channel::Phone, Channel::LinkedIn, Channel::Text];
}

choice! {
    /// A personal moment worth a note (the guide's "give first" follow-ups).
    pub enum MomentKind {
        Birthday = ("birthday", "Birthday"),
        NewJob = ("new_job", "New job"),
        Wedding = ("wedding", "Wedding"),
        Baby = ("baby", "Baby"),
        Surgery = ("surgery", "Surgery / recovery"),
        Other = ("other", "Other"),
    }
}

choice! {
    /// Whether an email address was confirmed or worked out from the company's pattern.
    pub enum EmailStatus {
        Known = ("known", "Known"),
        Guessed = ("guessed", "Guessed"),
    }
}

/// An email address and how sure we are of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    pub address: String,
    pub status: EmailStatus,
    /// For a guessed address: the company format that produced it (e.g. `{f}{last}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
}

/// A dated personal moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    pub kind: MomentKind,
    #[serde(deserialize_with = "crate::domain::stored_time::date")]
    pub date: NaiveDate,
    #[serde(default)]
    pub note: String,
}

/// A person I have met or want to reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub id: ContactId,
    // Empty fields are left out of the stored JSON (they read back as their defaults).
    pub name: String,
    #[serde(default)]
    pub company: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linkedin_url: Option<WebUrl>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub how_we_met: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introduced_by: Option<ContactId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moments: Vec<Moment>,
    /// When we connected on LinkedIn (from an imported Connections.csv).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::stored_time::optional_date"
    )]
    pub connected_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub archived: bool,
    /// Part of the clearly marked example data, removable in one click.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub example: bool,
    #[serde(deserialize_with = "crate::domain::stored_time::date_time")]
    pub created_at: NaiveDateTime,
    #[serde(deserialize_with = "crate::domain::stored_time::date_time")]
    pub updated_at: NaiveDateTime,
}

/// One personal moment as typed in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MomentDraft {
    pub kind: MomentKind,
    pub date: String,
    pub note: String,
}

/// What the person form holds: text as typed, validated into a [`Contact`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactDraft {
    pub name: String,
    pub company: String,
    pub title: String,
    pub role: Role,
    pub email: String,
    pub email_status: EmailStatus,
    pub phone: String,
    pub linkedin_url: String,
    pub how_we_met: String,
    pub introduced_by: Option<ContactId>,
    pub preferred_channel: Option<Channel>,
    pub notes: String,
    pub moments: Vec<MomentDraft>,
}

impl Default for ContactDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            company: String::new(),
            title: String::new(),
            role: Role::NetworkingContact,
            email: String::new(),
            email_status: EmailStatus::Known,
            phone: String::new(),
            linkedin_url: String::new(),
            how_we_met: String::new(),
            introduced_by: None,
            preferred_channel: None,
            notes: String::new(),
            moments: Vec::new(),
        }
    }
}

impl From<&Contact> for ContactDraft {
    fn from(c: &Contact) -> Self {
        Self {
            name: c.name.clone(),
            company: c.company.clone(),
            title: c.title.clone(),
            role: c.role,
            email: c.email.as_ref().map(|e| e.address.clone()).unwrap_or_default(),
            email_status: c.email.as_ref().map_or(EmailStatus::Known, |e| e.status),
            phone: c.phone.clone(),
            linkedin_url: c.linkedin_url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
            how_we_met: c.how_we_met.clone(),
            introduced_by: c.introduced_by,
            preferred_channel: c.preferred_channel,
            notes: c.notes.clone(),
            moments: c
                .moments
                .iter()
                .map(|m| MomentDraft {
                    kind: m.kind,
                    date: m.date.format("%Y-%m-%d").to_string(),
                    note: m.note.clone(),
                })
                .collect(),
        }
    }
}

/// The validated fields of a contact, before it gets an id and timestamps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContactFields {
    pub name: String,
    pub company: String,
    pub title: String,
    pub role: Role,
    pub email: Option<Email>,
    pub phone: String,
    pub linkedin_url: Option<WebUrl>,
    pub how_we_met: String,
    pub introduced_by: Option<ContactId>,
    pub preferred_channel: Option<Channel>,
    pub notes: String,
    pub moments: Vec<Moment>,
}

impl ContactDraft {
    /// Checks every field; on failure, every problem is reported at once.
    ///
    /// `known` says whether an id belongs to an existing contact (for "introduced by").
    pub(crate) fn validate(
        &self,
        this: Option<ContactId>,
        known: impl Fn(ContactId) -> bool,
    ) -> Result<ContactFields, Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = validate::required("name", "A name", &self.name, &mut errors);
        let email = validate::clean(&self.email);
        if !email.is_empty() {
            if let Some(problem) = validate::email_problem(&email) {
                errors.push(FieldError::new("email", problem));
            }
        }
        let linkedin_url = validate::optional_url("linkedin_url", &self.linkedin_url, &mut errors);
        if let Some(intro) = self.introduced_by {
            if Some(intro) == this {
                errors.push(FieldError::new("introduced_by", "A person cannot introduce themselves."));
            } else if !known(intro) {
                errors.push(FieldError::new("introduced_by", "That person is no longer in your list."));
            }
        }
        if let Some(channel) = self.preferred_channel {
            if !Channel::REACHABLE.contains(&channel) {
                errors.push(FieldError::new("preferred_channel", "Pick email, phone, LinkedIn or text."));
            }
        }
        let moments = self
            .moments
            .iter()
            .filter_map(|m| {
                validate::date("moments", &m.date, &mut errors).map(|date| Moment {
                    kind: m.kind,
                    date,
                    note: validate::clean(&m.note),
                })
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ContactFields {
            name,
            company: validate::clean(&self.company),
            title: validate::clean(&self.title),
            role: self.role,
            email: (!email.is_empty()).then_some(Email { address: email, status: self.email_status, pattern: None }),
            phone: validate::clean(&self.phone),
            linkedin_url,
            how_we_met: validate::clean(&self.how_we_met),
            introduced_by: self.introduced_by,
            preferred_channel: self.preferred_channel,
            notes: self.notes.trim_end().to_owned(),
            moments,
        })
    }
}

impl Contact {
    pub(crate) fn new(id: ContactId, fields: ContactFields, now: NaiveDateTime) -> Self {
        let mut contact = Self {
            id,
            name: String::new(),
            company: String::new(),
            title: String::new(),
            role: Role::Other,
            email: None,
            phone: String::new(),
            linkedin_url: None,
            how_we_met: String::new(),
            introduced_by: None,
            preferred_channel: None,
            notes: String::new(),
            moments: Vec::new(),
            connected_on: None,
            archived: false,
            example: false,
            created_at: now,
            updated_at: now,
        };
        contact.apply(fields, now);
        contact
    }

    pub(crate) fn apply(&mut self, mut f: ContactFields, now: NaiveDateTime) {
        // Editing other fields keeps the format a guessed address came from.
        if let (Some(new), Some(old)) = (f.email.as_mut(), self.email.as_ref()) {
            if new.address == old.address && new.status == old.status {
                new.pattern = old.pattern.clone();
            }
        }
        self.name = f.name;
        self.company = f.company;
        self.title = f.title;
        self.role = f.role;
        self.email = f.email;
        self.phone = f.phone;
        self.linkedin_url = f.linkedin_url;
        self.how_we_met = f.how_we_met;
        self.introduced_by = f.introduced_by;
        self.preferred_channel = f.preferred_channel;
        self.notes = f.notes;
        self.moments = f.moments;
        self.updated_at = now;
    }

    /// The first word of the name, for greetings ("Dear Ann").
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.name)
    }

    /// "Title at Company", or whichever of the two is known.
    pub fn headline(&self) -> String {
        match (self.title.is_empty(), self.company.is_empty()) {
            (false, false) => format!("{} at {}", self.title, self.company),
            (false, true) => self.title.clone(),
            (true, false) => self.company.clone(),
            (true, true) => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str) -> ContactDraft {
        ContactDraft { name: name.into(), ..ContactDraft::default() }
    }

    #[test]
    fn a_person_needs_a_name() {
        let errors = draft("   ").validate(None, |_| true).unwrap_err();
        assert_eq!(errors, vec![FieldError::new("name", "A name is required.")]);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let d = ContactDraft {
            name: String::new(),
            email: "jdoe.example.com".into(),
            linkedin_url: "javascript:alert(1)".into(),
            ..ContactDraft::default()
        };
        let fields: Vec<_> = d.validate(None, |_| true).unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["name", "email", "linkedin_url"]);
    }

    #[test]
    fn a_person_cannot_introduce_themselves_or_a_missing_person() {
        let me = ContactId::from_raw(1);
        let d = ContactDraft { introduced_by: Some(me), ..draft("Ann") };
        assert_eq!(d.validate(Some(me), |_| true).unwrap_err()[0].field, "introduced_by");
        assert_eq!(d.validate(None, |_| false).unwrap_err()[0].field, "introduced_by");
        assert!(d.validate(None, |_| true).is_ok());
    }

    #[test]
    fn in_person_is_not_a_preferred_channel() {
        let d = ContactDraft { preferred_channel: Some(Channel::InPerson), ..draft("Ann") };
        assert_eq!(d.validate(None, |_| true).unwrap_err()[0].field, "preferred_channel");
    }

    #[test]
    fn text_is_kept_as_typed_apart_from_surrounding_space() {
        let d = ContactDraft {
            company: "  <b>Acme</b> & Co ".into(),
            email: " jdoe@acme.com ".into(),
            email_status: EmailStatus::Guessed,
            ..draft(" <script>alert(1)</script> ")
        };
        let f = d.validate(None, |_| true).unwrap();
        assert_eq!(f.name, "<script>alert(1)</script>");
        assert_eq!(f.company, "<b>Acme</b> & Co");
        assert_eq!(
            f.email,
            Some(Email { address: "jdoe@acme.com".into(), status: EmailStatus::Guessed, pattern: None })
        );
    }

    #[test]
    fn the_form_round_trips_a_stored_contact() {
        let t = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap().and_hms_opt(3, 4, 0).unwrap();
        let d = ContactDraft {
            moments: vec![MomentDraft {
                kind: MomentKind::Wedding,
                date: "2026-06-01".into(),
                note: "Lake Como".into(),
            }],
            linkedin_url: "https://www.linkedin.com/in/ann".into(),
            ..draft("Ann")
        };
        let c = Contact::new(ContactId::from_raw(9), d.validate(None, |_| true).unwrap(), t);
        assert_eq!(ContactDraft::from(&c), d);
    }

    #[test]
    fn headline_reads_title_at_company() {
        let t = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap().and_hms_opt(0, 0, 0).unwrap();
        let mut c = Contact::new(ContactId::from_raw(1), draft("Ann").validate(None, |_| true).unwrap(), t);
        assert_eq!(c.headline(), "");
        c.company = "Acme".into();
        assert_eq!(c.headline(), "Acme");
        c.title = "Recruiter".into();
        assert_eq!(c.headline(), "Recruiter at Acme");
    }
}
