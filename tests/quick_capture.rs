//! Quick capture: one short form per situation records everything at once and produces the
//! follow-ups the guide calls for.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use follow_up::domain::capture::{CaptureDraft, OpportunityChoice, PersonChoice, Situation};
use follow_up::domain::follow_up::{agenda, Rule};
use follow_up::domain::{EditError, Part, Records, Source, Stage};
use support::t;

fn ids() -> impl FnMut() -> u128 {
    let mut n = 0;
    move || {
        n += 1;
        n
    }
}

fn new_person(name: &str) -> PersonChoice {
    PersonChoice::New { name: name.into(), company: String::new(), title: String::new() }
}

#[test]
fn an_interview_with_two_interviewers_and_a_recruiter_is_one_form_and_three_thank_yous() {
    let mut r = Records::default();
    let mut next = ids();
    let mut d = CaptureDraft::new(Situation::Interview, t("2026-11-26 16:00"));
    d.opportunity = Some(OpportunityChoice::New {
        company: "Northwind".into(),
        role: "Backend Engineer".into(),
        posting_url: String::new(),
        source: Source::AppliedOnline,
    });
    d.interviewers = vec![new_person("Mia Chen"), new_person("Raj Patel")];
    d.organiser = Some(new_person("Rita Recruiter"));
    d.organiser_part = Part::Recruiter;
    d.key_points = "Payments API design".into();
    let captured = r.capture(&d, &mut next, t("2026-11-26 17:00")).unwrap();
    assert_eq!(captured.people.len(), 3);
    let o = r.opportunity(captured.opportunity.unwrap()).unwrap();
    assert_eq!(o.stage(), Stage::Interviewing);
    assert_eq!(o.people.len(), 3);
    assert!(r.contacts.iter().all(|c| c.company == "Northwind"), "new people take the opportunity's company");
    assert_eq!(r.conversations.len(), 2, "one interview conversation per interviewer");

    let a = agenda(&r, t("2026-11-27 09:00"));
    let thanks: Vec<_> = a.items.iter().filter(|f| f.rule == Rule::InterviewThankYou).collect();
    assert_eq!(thanks.len(), 3);
    let news: Vec<_> = a.new_since(&[]).iter().map(|f| f.rule).collect();
    assert_eq!(news, [Rule::InterviewThankYou; 3], "the quarterly check-ins it also starts are not news");
    assert!(thanks.iter().all(|f| f.due == t("2026-11-27 16:00")));
}

#[test]
fn meeting_someone_new_creates_them_and_asks_for_a_follow_up_tomorrow() {
    let mut r = Records::default();
    let mut d = CaptureDraft::new(Situation::MetSomeone, t("2026-11-27 19:00"));
    d.person =
        Some(PersonChoice::New { name: "Tom Okafor".into(), company: "Globex".into(), title: "Organiser".into() });
    d.key_points = "Runs the Rust meetup".into();
    r.capture(&d, &mut ids(), t("2026-11-27 19:30")).unwrap();
    let a = agenda(&r, t("2026-11-27 19:30"));
    assert_eq!(a.items.len(), 1);
    assert_eq!((a.items[0].rule, a.items[0].due), (Rule::NewContact, t("2026-11-28 19:00")));
}

#[test]
fn an_introduction_links_the_two_people_and_asks_for_both_follow_ups() {
    let mut r = Records::default();
    let mut d = CaptureDraft::new(Situation::Introduced, t("2026-11-27 10:00"));
    d.introducer = Some(new_person("Bob Introducer"));
    d.person = Some(PersonChoice::New { name: "Cy Introduced".into(), company: "Acme".into(), title: String::new() });
    r.capture(&d, &mut ids(), t("2026-11-27 10:05")).unwrap();
    let bob = r.contacts.iter().find(|c| c.name == "Bob Introducer").unwrap().id;
    assert_eq!(r.contacts.iter().find(|c| c.name == "Cy Introduced").unwrap().introduced_by, Some(bob));
    let rules: Vec<_> = agenda(&r, t("2026-11-27 10:05")).items.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&Rule::ThankIntroducer) && rules.contains(&Rule::ReachIntroduced), "{rules:?}");
}

#[test]
fn applying_with_a_referrer_who_shared_the_resume_links_them() {
    let mut r = Records::default();
    let mut d = CaptureDraft::new(Situation::Applied, t("2026-06-01 10:00"));
    d.opportunity = Some(OpportunityChoice::New {
        company: "RiseSmart".into(),
        role: "Writer".into(),
        posting_url: String::new(),
        source: Source::Referral,
    });
    d.person = Some(new_person("Celia Stangarone"));
    let c = r.capture(&d, &mut ids(), t("2026-06-01 10:00")).unwrap();
    let o = r.opportunity(c.opportunity.unwrap()).unwrap();
    assert_eq!((o.stage(), o.people[0].part), (Stage::Applied, Part::Referrer));
    let f = agenda(&r, t("2026-06-01 11:00")).items.into_iter().next().unwrap();
    assert_eq!(f.rule, Rule::ResumeShared);
}

#[test]
fn the_position_filled_moves_the_stage_and_asks_to_thank_who_told_me() {
    let mut r = Records::default();
    let mut d = CaptureDraft::new(Situation::Applied, t("2026-06-01 10:00"));
    d.opportunity = Some(OpportunityChoice::New {
        company: "Acme".into(),
        role: "Dev".into(),
        posting_url: String::new(),
        source: Source::AppliedOnline,
    });
    let o = r.capture(&d, &mut ids(), t("2026-06-01 10:00")).unwrap().opportunity.unwrap();
    let mut filled = CaptureDraft::new(Situation::Filled, t("2026-06-20 09:00"));
    filled.opportunity = Some(OpportunityChoice::Existing(o));
    filled.person = Some(new_person("Hank Manager"));
    filled.organiser_part = Part::HiringManager;
    let mut next = || 500u128;
    r.capture(&filled, &mut next, t("2026-06-20 09:30")).unwrap();
    assert_eq!(r.opportunity(o).unwrap().stage(), Stage::Filled);
    let rules: Vec<_> = agenda(&r, t("2026-06-20 09:30")).items.iter().map(|f| f.rule).collect();
    assert!(rules.contains(&Rule::FilledThanks) || rules.contains(&Rule::Reply), "{rules:?}");
}

#[test]
fn a_capture_missing_what_it_needs_says_so_and_records_nothing() {
    let mut r = Records::default();
    let mut d = CaptureDraft::new(Situation::Interview, t("2026-11-27 10:00"));
    d.interviewers = vec![new_person("  ")];
    let err = r.capture(&d, &mut ids(), t("2026-11-27 10:00")).unwrap_err();
    let EditError::Invalid(errors) = err else { panic!("expected field errors") };
    let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, ["opportunity", "interviewers"]);
    assert_eq!(r, Records::default());
}

#[test]
fn a_later_interview_never_moves_an_offer_back() {
    let mut r = Records::default();
    let mut d = CaptureDraft::new(Situation::Offer, t("2026-07-01 10:00"));
    d.opportunity = Some(OpportunityChoice::New {
        company: "Acme".into(),
        role: "Dev".into(),
        posting_url: String::new(),
        source: Source::AppliedOnline,
    });
    let o = r.capture(&d, &mut ids(), t("2026-07-01 10:00")).unwrap().opportunity.unwrap();
    let mut i = CaptureDraft::new(Situation::Interview, t("2026-07-02 10:00"));
    i.opportunity = Some(OpportunityChoice::Existing(o));
    i.interviewers = vec![new_person("Late Interviewer")];
    let mut next = || 900u128;
    r.capture(&i, &mut next, t("2026-07-02 10:00")).unwrap();
    assert_eq!(r.opportunity(o).unwrap().stage(), Stage::Offer);
}
