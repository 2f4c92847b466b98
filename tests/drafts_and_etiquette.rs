//! Drafts that reference what was said, correct mailto links, and the warning against
//! reaching out too often.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use follow_up::domain::follow_up::cards::card_facts;
use follow_up::domain::follow_up::draft::{compose, fill};
use follow_up::domain::follow_up::etiquette::spacing_warning;
use follow_up::domain::follow_up::mailto::mailto;
use follow_up::domain::follow_up::Rule;
use follow_up::domain::{Channel, Direction, Part, Source, Stage, Topic};
use support::{t, Scenario};

#[test]
fn a_thank_you_draft_greets_by_name_and_recalls_the_key_points_questions_and_next_step() {
    let mut s = Scenario::default();
    s.records.settings.my_name = "Sam Seeker".into();
    let o = s.opportunity("Northwind", "Backend Engineer", Source::AppliedOnline, Stage::Interviewing, "2026-11-27");
    let mia = s.person_with("Mia Chen", |c| c.email = "mia.chen@northwind.example".into());
    s.link(o, mia, Part::Interviewer);
    s.talk_with(mia, "2026-11-27 15:00", Direction::WeMet, Topic::Interview, Some(o), |c| {
        c.key_points = "Idempotent payment retries\nEvent sourcing".into();
        c.open_questions = "How on-call works".into();
        c.next_step = "Send the code sample by Monday".into();
    });
    let f = s.agenda("2026-11-27 17:00").items.into_iter().find(|f| f.rule == Rule::InterviewThankYou).unwrap();
    let d = compose(&s.records, &f);
    assert_eq!(d.channel, Channel::Email);
    assert_eq!(d.to.as_deref(), Some("mia.chen@northwind.example"));
    assert_eq!(d.subject, "Thank you, Mia");
    assert_eq!(
        d.body,
        "Hi Mia,\n\nThank you for taking the time to talk with me about the Backend Engineer role at Northwind. I really appreciated it.\n\
         What stayed with me: Idempotent payment retries; Event sourcing.\n\
         I have been thinking about your question: How on-call works.\n\
         As we agreed, send the code sample by Monday.\n\
         Would it be all right if I checked back with you in a couple of weeks?\n\nBest regards,\nSam Seeker"
    );
}

#[test]
fn lines_about_things_not_discussed_are_left_out_and_a_preferred_channel_wins() {
    let mut s = Scenario::default();
    let ann = s.person_with("Ann Lee", |c| {
        c.preferred_channel = Some(Channel::LinkedIn);
        c.email = "ann@example.com".into();
    });
    s.talk(ann, "2026-11-27 18:30", Direction::WeMet, Topic::Meeting, None);
    let f = s.agenda("2026-11-27 19:00").items.into_iter().next().unwrap();
    let d = compose(&s.records, &f);
    assert_eq!(d.channel, Channel::LinkedIn);
    assert!(!d.body.contains("What stayed with me"), "{}", d.body);
    assert!(!d.body.contains("{"), "no placeholder is left: {}", d.body);
    assert!(
        d.body.starts_with("Hi Ann,\n\nThank you for taking the time to talk with me. I really appreciated it."),
        "{}",
        d.body
    );
}

#[test]
fn an_agreed_check_back_date_drops_the_permission_line() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk_with(ann, "2026-09-01 10:00", Direction::WeMet, Topic::General, None, |c| {
        Scenario::allow_check_back(c, "2026-10-15")
    });
    let f = s.agenda("2026-10-15 09:00").items.into_iter().next().unwrap();
    assert_eq!(f.rule, Rule::CheckBack);
    assert!(!compose(&s.records, &f).body.contains("checked back"));
}

#[test]
fn edited_templates_are_used() {
    let mut s = Scenario::default();
    s.records.templates.appreciation.subject = "Thanks from {my_name}".into();
    s.records.settings.my_name = "Sam".into();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-11-27 18:30", Direction::WeMet, Topic::Meeting, None);
    let f = s.agenda("2026-11-27 19:00").items.into_iter().next().unwrap();
    assert_eq!(compose(&s.records, &f).subject, "Thanks from Sam");
}

#[test]
fn template_filling_keeps_inline_blanks_and_drops_empty_thought_lines() {
    let values = vec![("{first_name}", "Ann".to_owned()), ("{about}", String::new()), ("{key_points}", String::new())];
    assert_eq!(
        fill("Hi {first_name},\n\nWe talked{about}.\nPoints: {key_points}\n\nBye", &values),
        "Hi Ann,\n\nWe talked.\n\nBye"
    );
}

#[test]
fn mailto_links_follow_rfc_6068() {
    let url = mailto("o'neil+jobs@example.com", "Re: 50% & more?", "Line one\nLine two\r\nÜber #3");
    assert_eq!(
        url,
        "mailto:o'neil+jobs@example.com?subject=Re%3A%2050%25%20%26%20more%3F&body=Line%20one%0D%0ALine%20two%0D%0A%C3%9Cber%20%233"
    );
    let parsed = url::Url::parse(&url).unwrap();
    let pairs: Vec<(String, String)> = parsed.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    assert_eq!(pairs[0], ("subject".to_owned(), "Re: 50% & more?".to_owned()));
    assert_eq!(pairs[1], ("body".to_owned(), "Line one\r\nLine two\r\nÜber #3".to_owned()));
    assert_eq!(mailto("a?b@example.com", "", ""), "mailto:a%3Fb@example.com");
}

#[test]
fn reaching_out_again_within_two_weeks_without_an_answer_is_flagged() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-11-20 10:00", Direction::IReachedOut, Topic::General, None);
    let warning = spacing_warning(&s.records, ann, t("2026-11-25 09:00")).unwrap();
    assert_eq!(
        warning,
        "You last reached out to Ann Lee 5 days ago (Fri 20 Nov) with no answer yet. The guide suggests reaching out only every couple of weeks: this may be too much."
    );
    assert_eq!(spacing_warning(&s.records, ann, t("2026-12-04 10:00")), None, "two weeks later is fine");
    s.talk(ann, "2026-11-22 10:00", Direction::TheyReachedOut, Topic::General, None);
    assert_eq!(spacing_warning(&s.records, ann, t("2026-11-25 09:00")), None, "answering a reply is fine");
}

#[test]
fn each_today_card_names_its_person_and_job_and_warns_only_for_a_new_outreach() {
    let mut s = Scenario::default();
    let o = s.opportunity("Northwind", "Backend Engineer", Source::AppliedOnline, Stage::Applied, "2026-11-10");
    let rita = s.person("Rita Recruiter");
    s.link(o, rita, Part::Recruiter);
    // I nudged Rita two days ago; Ann wrote to me yesterday after my note to her.
    s.talk(rita, "2026-11-23 10:00", Direction::IReachedOut, Topic::FollowUp, Some(o));
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-11-22 10:00", Direction::IReachedOut, Topic::General, None);
    s.talk(ann, "2026-11-24 10:00", Direction::TheyReachedOut, Topic::General, None);
    let now = t("2026-11-25 09:00");
    let items = s.agenda("2026-11-25 09:00").items;
    let facts = card_facts(&s.records, &items, now);
    assert_eq!(facts.len(), items.len());
    for (f, card) in items.iter().zip(&facts) {
        let name = f.contact.and_then(|c| s.records.contact(c)).map(|c| (c.id, c.name.clone()));
        assert_eq!(card.person, name);
        assert_eq!(card.opportunity.as_ref().map(|(id, _)| *id), f.opportunity);
        let expected =
            (!f.rule.exempt_from_spacing()).then(|| f.contact.and_then(|c| spacing_warning(&s.records, c, now)));
        assert_eq!(card.warning, expected.flatten(), "{:?}", f.rule);
    }
    let nudge = items.iter().position(|f| f.contact == Some(rita)).unwrap();
    assert_eq!(
        facts[nudge].opportunity.as_ref().map(|(_, title)| title.as_str()),
        Some("Backend Engineer at Northwind")
    );
    assert!(
        facts[nudge].warning.as_deref().is_some_and(|w| w.contains("Rita Recruiter 2 days ago")),
        "{:?}",
        facts[nudge]
    );
    let reply = items.iter().position(|f| f.contact == Some(ann)).unwrap();
    assert_eq!(items[reply].rule, Rule::Reply);
    assert_eq!(facts[reply].warning, None, "a reply is never too soon");
}

#[test]
fn thank_yous_and_replies_are_exempt_from_the_spacing_warning() {
    assert!(Rule::InterviewThankYou.exempt_from_spacing());
    assert!(Rule::Reply.exempt_from_spacing());
    assert!(!Rule::ApplicationNudge.exempt_from_spacing());
    assert!(!Rule::InterviewRepeat.exempt_from_spacing());
}
