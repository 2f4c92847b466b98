//! The stored form of the large lists' blocks: each record as a fixed sequence of fields in
//! postcard's compact binary encoding, instead of JSON with every field named.
//!
//! Why: reading back a full network (130,000 records) was most of the app's start-up, and
//! JSON was most of that; this form reads about three times faster and takes less space. The
//! field order is the format: a record kind that gains a field needs a new block prefix (see
//! `compact`), with the old one still read. The conversions below name every field of the
//! records, so adding one without deciding how it is stored does not compile.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::domain::contact::{Channel, Email, EmailStatus, Moment, MomentKind, Role};
use crate::domain::conversation::{CheckBack, Direction, Topic};
use crate::domain::opportunity::{Involvement, OfferStep, Source, Stage, StageChange};
use crate::domain::{Contact, ContactId, Conversation, ConversationId, Opportunity, OpportunityId, WebUrl};

/// A record kind that is stored in blocks: its stored form (`Stored`, fields in order, text
/// borrowed while writing) and the conversions both ways.
pub trait BlockItem: Sized + 'static {
    type Stored<'a>: Serialize + DeserializeOwned;

    /// The stored form of one record.
    fn stored(&self) -> Self::Stored<'_>;

    /// The record back from its stored form; an error when a value is out of range.
    fn from_stored(stored: Self::Stored<'static>) -> Result<Self, String>;

    /// The binary form of a block of records.
    fn encode(items: &[Arc<Self>]) -> Result<Vec<u8>, String> {
        let rows: Vec<Self::Stored<'_>> = items.iter().map(|item| item.stored()).collect();
        postcard::to_allocvec(&rows).map_err(|e| e.to_string())
    }

    /// The records of a block in binary form.
    fn decode(bytes: &[u8]) -> Result<Vec<Self>, String> {
        let rows: Vec<Self::Stored<'static>> = postcard::from_bytes(bytes).map_err(|e| e.to_string())?;
        rows.into_iter().map(Self::from_stored).collect()
    }
}

/// A moment in time: seconds since 1970 and nanoseconds (over a second for a leap second).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct Stamp(i64, u32);

impl From<NaiveDateTime> for Stamp {
    fn from(t: NaiveDateTime) -> Self {
        let t = t.and_utc();
        Stamp(t.timestamp(), t.timestamp_subsec_nanos())
    }
}

impl Stamp {
    fn time(self) -> Result<NaiveDateTime, String> {
        DateTime::from_timestamp(self.0, self.1).map(|t| t.naive_utc()).ok_or_else(|| "a time out of range".to_owned())
    }
}

/// A day as days since 1 January of year 1.
fn days(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

fn day(n: i32) -> Result<NaiveDate, String> {
    NaiveDate::from_num_days_from_ce_opt(n).ok_or_else(|| "a day out of range".to_owned())
}

fn text(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// The stored form of a person, its fields in stored order.
#[derive(Serialize, Deserialize)]
pub struct StoredContact<'a> {
    id: ContactId,
    name: Cow<'a, str>,
    company: Cow<'a, str>,
    title: Cow<'a, str>,
    role: Role,
    email: Option<(Cow<'a, str>, EmailStatus, Option<Cow<'a, str>>)>,
    phone: Cow<'a, str>,
    linkedin_url: Option<Cow<'a, WebUrl>>,
    how_we_met: Cow<'a, str>,
    introduced_by: Option<ContactId>,
    preferred_channel: Option<Channel>,
    notes: Cow<'a, str>,
    moments: Vec<(MomentKind, i32, Cow<'a, str>)>,
    connected_on: Option<i32>,
    archived: bool,
    example: bool,
    created_at: Stamp,
    updated_at: Stamp,
}

impl BlockItem for Contact {
    type Stored<'a> = StoredContact<'a>;

    fn stored(&self) -> StoredContact<'_> {
        let Contact {
            id,
            name,
            company,
            title,
            role,
            email,
            phone,
            linkedin_url,
            how_we_met,
            introduced_by,
            preferred_channel,
            notes,
            moments,
            connected_on,
            archived,
            example,
            created_at,
            updated_at,
        } = self;
        StoredContact {
            id: *id,
            name: text(name),
            company: text(company),
            title: text(title),
            role: *role,
            email: email
                .as_ref()
                .map(|Email { address, status, pattern }| (text(address), *status, pattern.as_deref().map(text))),
            phone: text(phone),
            linkedin_url: linkedin_url.as_ref().map(Cow::Borrowed),
            how_we_met: text(how_we_met),
            introduced_by: *introduced_by,
            preferred_channel: *preferred_channel,
            notes: text(notes),
            moments: moments.iter().map(|Moment { kind, date, note }| (*kind, days(*date), text(note))).collect(),
            connected_on: connected_on.map(days),
            archived: *archived,
            example: *example,
            created_at: (*created_at).into(),
            updated_at: (*updated_at).into(),
        }
    }

    fn from_stored(c: StoredContact<'static>) -> Result<Self, String> {
        Ok(Contact {
            id: c.id,
            name: c.name.into_owned(),
            company: c.company.into_owned(),
            title: c.title.into_owned(),
            role: c.role,
            email: c.email.map(|(address, status, pattern)| Email {
                address: address.into_owned(),
                status,
                pattern: pattern.map(Cow::into_owned),
            }),
            phone: c.phone.into_owned(),
            linkedin_url: c.linkedin_url.map(Cow::into_owned),
            how_we_met: c.how_we_met.into_owned(),
            introduced_by: c.introduced_by,
            preferred_channel: c.preferred_channel,
            notes: c.notes.into_owned(),
            moments: c
                .moments
                .into_iter()
                .map(|(kind, date, note)| Ok(Moment { kind, date: day(date)?, note: note.into_owned() }))
                .collect::<Result<_, String>>()?,
            connected_on: c.connected_on.map(day).transpose()?,
            archived: c.archived,
            example: c.example,
            created_at: c.created_at.time()?,
            updated_at: c.updated_at.time()?,
        })
    }
}

/// `CheckBack` is stored in JSON with an inner tag, which postcard cannot read.
#[derive(Serialize, Deserialize)]
enum StoredCheckBack {
    NotAsked,
    Declined,
    Allowed(Option<i32>),
}

/// The stored form of a conversation, its fields in stored order.
#[derive(Serialize, Deserialize)]
pub struct StoredConversation<'a> {
    id: ConversationId,
    contact_id: ContactId,
    opportunity_id: Option<OpportunityId>,
    at: Stamp,
    channel: Channel,
    direction: Direction,
    topic: Topic,
    key_points: Cow<'a, str>,
    open_questions: Cow<'a, str>,
    next_step: Cow<'a, str>,
    check_back: StoredCheckBack,
    example: bool,
    created_at: Stamp,
    updated_at: Stamp,
}

impl BlockItem for Conversation {
    type Stored<'a> = StoredConversation<'a>;

    fn stored(&self) -> StoredConversation<'_> {
        let Conversation {
            id,
            contact_id,
            opportunity_id,
            at,
            channel,
            direction,
            topic,
            key_points,
            open_questions,
            next_step,
            check_back,
            example,
            created_at,
            updated_at,
        } = self;
        StoredConversation {
            id: *id,
            contact_id: *contact_id,
            opportunity_id: *opportunity_id,
            at: (*at).into(),
            channel: *channel,
            direction: *direction,
            topic: *topic,
            key_points: text(key_points),
            open_questions: text(open_questions),
            next_step: text(next_step),
            check_back: match check_back {
                CheckBack::NotAsked => StoredCheckBack::NotAsked,
                CheckBack::Declined => StoredCheckBack::Declined,
                CheckBack::Allowed { on } => StoredCheckBack::Allowed(on.map(days)),
            },
            example: *example,
            created_at: (*created_at).into(),
            updated_at: (*updated_at).into(),
        }
    }

    fn from_stored(c: StoredConversation<'static>) -> Result<Self, String> {
        Ok(Conversation {
            id: c.id,
            contact_id: c.contact_id,
            opportunity_id: c.opportunity_id,
            at: c.at.time()?,
            channel: c.channel,
            direction: c.direction,
            topic: c.topic,
            key_points: c.key_points.into_owned(),
            open_questions: c.open_questions.into_owned(),
            next_step: c.next_step.into_owned(),
            check_back: match c.check_back {
                StoredCheckBack::NotAsked => CheckBack::NotAsked,
                StoredCheckBack::Declined => CheckBack::Declined,
                StoredCheckBack::Allowed(on) => CheckBack::Allowed { on: on.map(day).transpose()? },
            },
            example: c.example,
            created_at: c.created_at.time()?,
            updated_at: c.updated_at.time()?,
        })
    }
}

/// The stored form of a opportunity, its fields in stored order.
#[derive(Serialize, Deserialize)]
pub struct StoredOpportunity<'a> {
    id: OpportunityId,
    company: Cow<'a, str>,
    role: Cow<'a, str>,
    posting_url: Option<Cow<'a, WebUrl>>,
    source: Source,
    history: Vec<(Stage, i32, Option<Stamp>)>,
    people: Cow<'a, [Involvement]>,
    notes: Cow<'a, str>,
    offer_done: Cow<'a, [OfferStep]>,
    example: bool,
    created_at: Stamp,
    updated_at: Stamp,
}

impl BlockItem for Opportunity {
    type Stored<'a> = StoredOpportunity<'a>;

    fn stored(&self) -> StoredOpportunity<'_> {
        let Opportunity {
            id,
            company,
            role,
            posting_url,
            source,
            history,
            people,
            notes,
            offer_done,
            example,
            created_at,
            updated_at,
        } = self;
        StoredOpportunity {
            id: *id,
            company: text(company),
            role: text(role),
            posting_url: posting_url.as_ref().map(Cow::Borrowed),
            source: *source,
            history: history
                .iter()
                .map(|StageChange { stage, on, at }| (*stage, days(*on), at.map(Stamp::from)))
                .collect(),
            people: Cow::Borrowed(people),
            notes: text(notes),
            offer_done: Cow::Borrowed(offer_done),
            example: *example,
            created_at: (*created_at).into(),
            updated_at: (*updated_at).into(),
        }
    }

    fn from_stored(o: StoredOpportunity<'static>) -> Result<Self, String> {
        Ok(Opportunity {
            id: o.id,
            company: o.company.into_owned(),
            role: o.role.into_owned(),
            posting_url: o.posting_url.map(Cow::into_owned),
            source: o.source,
            history: o
                .history
                .into_iter()
                .map(|(stage, on, at)| Ok(StageChange { stage, on: day(on)?, at: at.map(Stamp::time).transpose()? }))
                .collect::<Result<_, String>>()?,
            people: o.people.into_owned(),
            notes: o.notes.into_owned(),
            offer_done: o.offer_done.into_owned(),
            example: o.example,
            created_at: o.created_at.time()?,
            updated_at: o.updated_at.time()?,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::Id;
    use proptest::prelude::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    fn round_trip<T: BlockItem + Clone + PartialEq + std::fmt::Debug>(items: Vec<T>) {
        let shared: Vec<Arc<T>> = items.iter().cloned().map(Arc::new).collect();
        let bytes = T::encode(&shared).unwrap();
        assert_eq!(T::decode(&bytes).unwrap(), items);
    }

    fn full_contact() -> Contact {
        Contact {
            id: Id::from_raw(u128::MAX),
            name: "Zoë O'Brien-李 <b>".into(),
            company: "Acme, Inc.".into(),
            title: "Head of \"Talent\"".into(),
            role: Role::Recruiter,
            email: Some(Email {
                address: "zobrien@acme.example".into(),
                status: EmailStatus::Guessed,
                pattern: Some("{f}{last}".into()),
            }),
            phone: "+1 555 0100".into(),
            linkedin_url: Some(WebUrl::parse("https://www.linkedin.com/in/zoe").unwrap()),
            how_we_met: "Meetup\nsecond line".into(),
            introduced_by: Some(Id::from_raw(7)),
            preferred_channel: Some(Channel::Phone),
            notes: "🙂".into(),
            moments: vec![
                Moment {
                    kind: MomentKind::Birthday,
                    date: NaiveDate::from_ymd_opt(1992, 2, 29).unwrap(),
                    note: String::new(),
                },
                Moment {
                    kind: MomentKind::Surgery,
                    date: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
                    note: "knee".into(),
                },
            ],
            connected_on: NaiveDate::from_ymd_opt(2019, 1, 31),
            archived: true,
            example: true,
            created_at: at("2026-01-01 09:00:00.123456789"),
            updated_at: at("2026-06-30 23:59:60.5"),
        }
    }

    fn bare_contact() -> Contact {
        Contact {
            id: Id::from_raw(0),
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
            created_at: at("1970-01-01 00:00:00"),
            updated_at: at("1969-12-31 23:59:59"),
        }
    }

    #[test]
    fn every_field_of_a_person_survives_a_block() {
        round_trip(vec![full_contact(), bare_contact(), full_contact()]);
    }

    #[test]
    fn every_field_of_a_conversation_survives_a_block() {
        let base = Conversation {
            id: Id::from_raw(1 << 100),
            contact_id: Id::from_raw(3),
            opportunity_id: Some(Id::from_raw(4)),
            at: at("2026-11-27 18:30:00"),
            channel: Channel::LinkedIn,
            direction: Direction::TheyReachedOut,
            topic: Topic::Interview,
            key_points: "Idempotent retries\nEvent sourcing".into(),
            open_questions: "On-call?".into(),
            next_step: "Send the sample".into(),
            check_back: CheckBack::Allowed { on: NaiveDate::from_ymd_opt(2026, 12, 8) },
            example: true,
            created_at: at("2026-11-27 18:31:02.5"),
            updated_at: at("2026-11-28 08:00:00"),
        };
        let mut others = Vec::new();
        for check_back in [CheckBack::NotAsked, CheckBack::Declined, CheckBack::Allowed { on: None }] {
            others.push(Conversation {
                check_back,
                opportunity_id: None,
                key_points: String::new(),
                example: false,
                ..base.clone()
            });
        }
        round_trip([vec![base], others].concat());
    }

    #[test]
    fn every_field_of_an_opportunity_survives_a_block() {
        let full = Opportunity {
            id: Id::from_raw(9),
            company: "Northwind".into(),
            role: "Backend Engineer".into(),
            posting_url: Some(WebUrl::parse("https://jobs.example/123?a=1&b=2").unwrap()),
            source: Source::Referral,
            history: vec![
                StageChange { stage: Stage::Interested, on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(), at: None },
                StageChange {
                    stage: Stage::Offer,
                    on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
                    at: Some(at("2026-11-20 16:45:00")),
                },
            ],
            people: vec![
                Involvement { contact_id: Id::from_raw(3), part: crate::domain::Part::Recruiter },
                Involvement { contact_id: Id::from_raw(5), part: crate::domain::Part::Referrer },
            ],
            notes: "Salary band".into(),
            offer_done: vec![OfferStep::ALL[0]],
            example: true,
            created_at: at("2026-11-01 09:00:00"),
            updated_at: at("2026-11-20 16:45:00"),
        };
        let bare = Opportunity {
            posting_url: None,
            history: Vec::new(),
            people: Vec::new(),
            notes: String::new(),
            offer_done: Vec::new(),
            example: false,
            ..full.clone()
        };
        round_trip(vec![full, bare]);
    }

    #[test]
    fn a_damaged_block_is_refused_not_guessed() {
        let bytes = Contact::encode(&[Arc::new(full_contact())]).unwrap();
        assert!(Contact::decode(&bytes[..bytes.len() - 3]).is_err());
        assert!(Conversation::decode(&bytes).is_err(), "a block of people is not conversations");
        assert!(Opportunity::decode(&[0xff; 40]).is_err());
    }

    proptest! {
        #[test]
        fn any_time_day_and_text_survive_a_block(
            secs in -8_000_000_000_000i64..8_000_000_000_000,
            nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000],
            days in -300_000i32..3_000_000,
            name in "\\PC{0,40}",
        ) {
            let Some(t) = DateTime::from_timestamp(secs, nanos).map(|t| t.naive_utc()) else { return Ok(()) };
            let Some(d) = NaiveDate::from_num_days_from_ce_opt(days) else { return Ok(()) };
            let contact = Contact { name, created_at: t, connected_on: Some(d), ..bare_contact() };
            let shared = [Arc::new(contact.clone())];
            prop_assert_eq!(Contact::decode(&Contact::encode(&shared).unwrap()).unwrap(), vec![contact]);
        }
    }
}
