//! Clearly marked example data: a small job search to try the app with, removable in one click.

use chrono::{Duration, NaiveDateTime};

use super::contact::{Channel, ContactDraft, ContactId, MomentDraft, MomentKind, Role};
use super::conversation::{CheckBackAnswer, ConversationDraft, ConversationId, Direction, Topic};
use super::opportunity::{OpportunityDraft, OpportunityId, Part, Source, Stage};
use super::records::{EditError, Records};
use super::validate::date_time_input_value;

impl Records {
    /// Adds the example search, dated relative to `now`; `next_id` supplies fresh ids.
    /// Every record it adds is flagged as an example.
    pub fn load_examples(&mut self, now: NaiveDateTime, next_id: &mut dyn FnMut() -> u128) -> Result<(), EditError> {
        let mut r = Records::default();
        let ago = |d: i64, h: u32| {
            let day = (now - Duration::days(d)).date();
            day.and_hms_opt(h, 0, 0).unwrap_or(now)
        };
        let mut person = |r: &mut Records,
                          name: &str,
                          company: &str,
                          title: &str,
                          role: Role,
                          email: &str,
                          extra: &dyn Fn(&mut ContactDraft)| {
            let id = ContactId::from_raw(next_id());
            let mut d = ContactDraft {
                name: name.into(),
                company: company.into(),
                title: title.into(),
                role,
                email: email.into(),
                ..ContactDraft::default()
            };
            extra(&mut d);
            r.add_contact(id, &d, now).map(|_| id)
        };
        let priya = person(
            &mut r,
            "Priya Raman",
            "Northwind",
            "Senior Technical Recruiter (example)",
            Role::Recruiter,
            "priya.raman@northwind.example",
            &|d| {
                d.preferred_channel = Some(Channel::Email);
            },
        )?;
        let marcus = person(
            &mut r,
            "Marcus Holt",
            "Northwind",
            "Engineering Manager (example)",
            Role::HiringManager,
            "",
            &|_| {},
        )?;
        let dana =
            person(&mut r, "Dana Whitfield", "Northwind", "Staff Engineer (example)", Role::Interviewer, "", &|d| {
                d.preferred_channel = Some(Channel::LinkedIn);
                d.linkedin_url = "https://www.linkedin.com/in/example-dana".into();
            })?;
        let celia = person(
            &mut r,
            "Celia Stangarone",
            "RiseSmart",
            "Content Lead (example)",
            Role::Referrer,
            "cstangarone@risesmart.example",
            &|d| {
                d.moments = vec![MomentDraft {
                    kind: MomentKind::Birthday,
                    date: (now + Duration::days(4)).format("%Y-%m-%d").to_string(),
                    note: String::new(),
                }];
            },
        )?;
        let tom = person(&mut r, "Tom Okafor", "", "Meetup organiser (example)", Role::NetworkingContact, "", &|d| {
            d.how_we_met = "Rust meetup, talked about embedded work".into();
            d.preferred_channel = Some(Channel::Text);
        })?;

        let mut opportunity = |r: &mut Records,
                               company: &str,
                               role: &str,
                               source: Source,
                               stages: &[(Stage, i64)]|
         -> Result<OpportunityId, EditError> {
            let id = OpportunityId::from_raw(next_id());
            let d =
                OpportunityDraft { company: company.into(), role: role.into(), source, ..OpportunityDraft::default() };
            let (first, first_ago) = stages[0];
            r.add_opportunity(id, &d, first, ago(first_ago, 9).date(), now)?;
            for &(stage, days_ago) in &stages[1..] {
                r.move_stage(id, stage, ago(days_ago, 9).date(), now)?;
            }
            Ok(id)
        };
        let northwind = opportunity(
            &mut r,
            "Northwind",
            "Backend Engineer (example)",
            Source::AppliedOnline,
            &[(Stage::Applied, 12), (Stage::Interviewing, 3)],
        )?;
        let risesmart =
            opportunity(&mut r, "RiseSmart", "Developer Advocate (example)", Source::Referral, &[(Stage::Applied, 3)])?;
        opportunity(
            &mut r,
            "Globex",
            "Platform Engineer (example)",
            Source::AppliedOnline,
            &[(Stage::Interested, 5), (Stage::Applied, 2)],
        )?;
        r.link_person(northwind, priya, Part::Recruiter, now)?;
        r.link_person(northwind, marcus, Part::HiringManager, now)?;
        r.link_person(northwind, dana, Part::Interviewer, now)?;
        r.link_person(risesmart, celia, Part::Referrer, now)?;

        let mut talk = |r: &mut Records, with: ContactId, at: NaiveDateTime, edit: &dyn Fn(&mut ConversationDraft)| {
            let mut d = ConversationDraft::new(at);
            d.at = date_time_input_value(at);
            edit(&mut d);
            r.log_conversation(ConversationId::from_raw(next_id()), with, &d, now).map(|_| ())
        };
        talk(&mut r, priya, ago(10, 11), &|d| {
            d.channel = Channel::Phone;
            d.direction = Direction::TheyReachedOut;
            d.opportunity_id = Some(northwind);
            d.key_points = "Screening call; team of 12 building the payments API".into();
            d.next_step = "Schedule the technical interview".into();
        })?;
        talk(&mut r, priya, ago(10, 15), &|d| {
            d.direction = Direction::IReachedOut;
            d.opportunity_id = Some(northwind);
            d.key_points = "Sent availability for the interview".into();
        })?;
        for who in [marcus, dana] {
            talk(&mut r, who, ago(1, 14), &|d| {
                d.channel = Channel::Video;
                d.direction = Direction::WeMet;
                d.topic = Topic::Interview;
                d.opportunity_id = Some(northwind);
                d.key_points = "System design: idempotent payment retries; they liked the event-sourcing idea".into();
                d.open_questions = "How the on-call rotation works".into();
            })?;
        }
        talk(&mut r, celia, ago(6, 10), &|d| {
            d.channel = Channel::InPerson;
            d.direction = Direction::WeMet;
            d.opportunity_id = Some(risesmart);
            d.key_points = "Coffee; she offered to pass my resume to the advocacy lead".into();
            d.next_step = "Send her my resume tonight".into();
            d.check_back = CheckBackAnswer::Allowed;
        })?;
        talk(&mut r, tom, ago(0, 0).min(now - Duration::hours(18)), &|d| {
            d.channel = Channel::InPerson;
            d.direction = Direction::WeMet;
            d.topic = Topic::Meeting;
            d.key_points = "Runs the monthly Rust meetup; knows people at Globex".into();
            d.open_questions = "Whether Globex's platform team uses Rust".into();
        })?;

        for c in r.contacts.iter_mut() {
            c.example = true;
        }
        for o in r.opportunities.iter_mut() {
            o.example = true;
        }
        for c in r.conversations.iter_mut() {
            c.example = true;
        }
        self.contacts.append(&mut r.contacts);
        self.opportunities.append(&mut r.opportunities);
        self.conversations.append(&mut r.conversations);
        Ok(())
    }
}
