//! Every timeline in the guide, with concrete dates: when each follow-up becomes due, what
//! moves it on, and when the app stops asking.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use follow_up::domain::follow_up::{due_in_words, Rule, Urgency};
use follow_up::domain::{Direction, MomentKind, Part, Source, Stage, Topic};
use support::{d, t, Scenario};

// ---------------------------------------------------------------- #1 networking

#[test]
fn meeting_someone_new_asks_for_a_follow_up_within_24_hours() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-11-27 18:30", Direction::WeMet, Topic::Meeting, None);
    let items = s.items_for("2026-11-27 19:00", ann);
    assert_eq!(items, [(Rule::NewContact, t("2026-11-27 18:30"), t("2026-11-28 18:30"))]);
    let a = s.agenda("2026-11-27 19:00");
    assert_eq!(a.items[0].reason, "You met Ann Lee on Fri 27 Nov, 18:30: follow up within 24 hours.");
}

#[test]
fn a_due_date_on_a_weekend_moves_to_monday_when_asked() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-11-27 18:30", Direction::WeMet, Topic::Meeting, None);
    s.records.settings.skip_weekends = true;
    assert_eq!(
        s.items_for("2026-11-27 19:00", ann),
        [(Rule::NewContact, t("2026-11-27 18:30"), t("2026-11-30 09:00"))]
    );
}

#[test]
fn an_introduction_means_thanking_the_introducer_and_reaching_out_right_away() {
    let mut s = Scenario::default();
    let bob = s.person("Bob Introducer");
    let cy = s.person_with("Cy Introduced", |c| c.introduced_by = Some(bob));
    s.talk(cy, "2026-03-10 09:00", Direction::TheyReachedOut, Topic::Introduction, None);
    let a = s.agenda("2026-03-10 10:00");
    let rules: Vec<_> = a.items.iter().map(|f| (f.contact, f.rule, f.due)).collect();
    assert!(rules.contains(&(Some(bob), Rule::ThankIntroducer, t("2026-03-11 09:00"))), "{rules:?}");
    // The introduction arrived as a message from Cy: the reply and the reach-out are one item.
    let cy_item = a.items.iter().find(|f| f.contact == Some(cy)).unwrap();
    assert_eq!(cy_item.due, t("2026-03-11 09:00"));
    s.talk(bob, "2026-03-10 11:00", Direction::IReachedOut, Topic::General, None);
    s.talk(cy, "2026-03-10 11:05", Direction::IReachedOut, Topic::General, None);
    let after: Vec<_> = s.agenda("2026-03-10 12:00").items.iter().map(|f| f.rule).collect();
    assert_eq!(after, [Rule::KeepInTouch, Rule::KeepInTouch], "only the quarterly check-ins remain");
}

#[test]
fn a_warm_connection_at_a_new_target_company_gets_a_message_within_a_week() {
    let mut s = Scenario::default();
    let dee = s.person_with("Dee Warm", |c| c.company = "Globex Corp".into());
    let cold = s.person_with("Cold Imported", |c| c.company = "Globex".into());
    s.talk(dee, "2026-02-01 10:00", Direction::WeMet, Topic::General, None);
    let o = s.opportunity("Globex", "Platform Engineer", Source::AppliedOnline, Stage::Interested, "2026-05-04");
    let a = s.agenda("2026-05-04 13:00");
    let warm: Vec<_> = a.items.iter().filter(|f| f.rule == Rule::WarmConnection).collect();
    assert_eq!(warm.len(), 1, "only people I have talked to are warm");
    assert_eq!((warm[0].contact, warm[0].opportunity, warm[0].due), (Some(dee), Some(o), t("2026-05-11 12:00")));
    assert!(a.items.iter().all(|f| f.contact != Some(cold)));
}

#[test]
fn keep_in_touch_every_quarter_and_every_interaction_resets_the_clock() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    // A month end: 31 January + 90 days is 1 May; + 120 days is 31 May.
    s.talk(ann, "2026-01-31 10:00", Direction::IReachedOut, Topic::General, None);
    assert_eq!(
        s.items_for("2026-02-01 09:00", ann),
        [(Rule::KeepInTouch, t("2026-05-01 10:00"), t("2026-05-31 10:00"))]
    );
    s.talk(ann, "2026-03-15 16:00", Direction::TheyReachedOut, Topic::General, None);
    s.talk(ann, "2026-03-15 17:00", Direction::IReachedOut, Topic::General, None);
    assert_eq!(
        s.items_for("2026-03-16 09:00", ann),
        [(Rule::KeepInTouch, t("2026-06-13 17:00"), t("2026-07-13 17:00"))]
    );
}

// ---------------------------------------------------------------- #2 applications

#[test]
fn an_online_application_gets_a_follow_up_after_24_to_48_hours_then_one_nudge_then_stops() {
    let mut s = Scenario::default();
    let o = s.opportunity("Initech", "Rust Developer", Source::AppliedOnline, Stage::Applied, "2026-04-06");
    let rec = s.person("Rita Recruiter");
    s.link(o, rec, Part::Recruiter);

    let first = s.agenda("2026-04-06 18:00").items.into_iter().find(|f| f.opportunity == Some(o)).unwrap();
    assert_eq!(
        (first.rule, first.earliest, first.due),
        (Rule::ApplicationFollowUp, t("2026-04-07 12:00"), t("2026-04-08 12:00"))
    );
    assert_eq!(first.urgency(t("2026-04-06 18:00")), Urgency::ThisWeek);

    s.done(&first, "2026-04-07 15:00");
    let second = s.agenda("2026-04-07 16:00").items.into_iter().find(|f| f.opportunity == Some(o)).unwrap();
    assert_eq!(
        (second.rule, second.earliest, second.due),
        (Rule::ApplicationNudge, t("2026-04-14 15:00"), t("2026-04-21 15:00"))
    );

    s.done(&second, "2026-04-20 09:00");
    let a = s.agenda("2026-04-20 10:00");
    assert!(a.items.iter().all(|f| f.opportunity != Some(o)), "the cap of two follow-ups is reached");
    let stopped = a.stopped.iter().find(|x| x.opportunity == Some(o)).expect("shown as done following up");
    assert!(stopped.reason.starts_with("Done following up: 2 follow-ups to Rita Recruiter"), "{}", stopped.reason);
}

#[test]
fn an_application_with_no_known_contact_still_asks_and_says_who_to_find() {
    let mut s = Scenario::default();
    let o = s.opportunity("Initech", "Rust Developer", Source::AppliedOnline, Stage::Applied, "2026-04-06");
    let f = s.agenda("2026-04-06 18:00").items.into_iter().find(|f| f.opportunity == Some(o)).unwrap();
    assert_eq!(f.contact, None);
    assert!(f.reason.to_string().contains("the recruiter or hiring manager"), "{}", f.reason);
    s.done(&f, "2026-04-07 13:00");
    let next = s.agenda("2026-04-07 14:00").items.into_iter().find(|f| f.opportunity == Some(o)).unwrap();
    assert_eq!(next.rule, Rule::ApplicationNudge);
}

#[test]
fn a_shared_resume_gets_a_follow_up_with_the_referrer_within_a_week() {
    let mut s = Scenario::default();
    let o = s.opportunity("RiseSmart", "Writer", Source::Referral, Stage::Applied, "2026-06-01");
    let celia = s.person("Celia Stangarone");
    s.link(o, celia, Part::Referrer);
    assert_eq!(
        s.items_for("2026-06-01 13:00", celia),
        [(Rule::ResumeShared, t("2026-06-02 12:00"), t("2026-06-08 12:00"))]
    );
}

#[test]
fn an_answer_stops_the_application_ladder_and_asks_for_a_reply() {
    let mut s = Scenario::default();
    let o = s.opportunity("Initech", "Rust Developer", Source::AppliedOnline, Stage::Applied, "2026-04-06");
    let rec = s.person("Rita Recruiter");
    s.link(o, rec, Part::Recruiter);
    s.talk(rec, "2026-04-07 09:00", Direction::TheyReachedOut, Topic::General, Some(o));
    let items = s.items_for("2026-04-07 10:00", rec);
    assert_eq!(items[0], (Rule::Reply, t("2026-04-07 09:00"), t("2026-04-08 09:00")));
    assert!(items.iter().all(|(rule, _, _)| !matches!(rule, Rule::ApplicationFollowUp | Rule::ApplicationNudge)));
}

// ---------------------------------------------------------------- #3 interviews

fn friday_interview() -> (Scenario, follow_up::domain::OpportunityId, [follow_up::domain::ContactId; 3]) {
    let mut s = Scenario::default();
    let o = s.opportunity("Northwind", "Backend Engineer", Source::AppliedOnline, Stage::Applied, "2026-11-16");
    s.move_to(o, Stage::Interviewing, "2026-11-27");
    let (mia, raj, rec) = (s.person("Mia Interviewer"), s.person("Raj Interviewer"), s.person("Rita Recruiter"));
    s.link(o, rec, Part::Recruiter);
    for who in [mia, raj] {
        s.link(o, who, Part::Interviewer);
        s.talk(who, "2026-11-27 15:00", Direction::WeMet, Topic::Interview, Some(o));
    }
    (s, o, [mia, raj, rec])
}

#[test]
fn a_friday_interview_means_a_thank_you_to_each_interviewer_and_the_recruiter_by_saturday() {
    let (s, o, people) = friday_interview();
    let a = s.agenda("2026-11-27 17:00");
    let thanks: Vec<_> =
        a.items.iter().filter(|f| f.opportunity == Some(o)).map(|f| (f.contact.unwrap(), f.rule, f.due)).collect();
    assert_eq!(thanks.len(), 3);
    for who in people {
        assert!(thanks.contains(&(who, Rule::InterviewThankYou, t("2026-11-28 15:00"))), "{thanks:?}");
    }
    assert!(a.items[0]
        .reason
        .to_string()
        .starts_with("Interview for Backend Engineer at Northwind on Fri 27 Nov, 15:00: thank "));
}

#[test]
fn after_the_thank_you_the_recruiter_gets_a_check_in_a_week_later_then_every_two_weeks_then_monthly_then_it_stops() {
    let (mut s, o, [mia, _, rec]) = friday_interview();
    let thanks = s.agenda("2026-11-27 17:00").items.into_iter().find(|f| f.contact == Some(rec)).unwrap();
    s.done(&thanks, "2026-11-27 18:00");
    let mia_thanks = s.agenda("2026-11-27 18:05").items.into_iter().find(|f| f.contact == Some(mia)).unwrap();
    s.done(&mia_thanks, "2026-11-27 18:10");
    assert!(
        s.agenda("2026-11-27 18:15").items.iter().all(|f| f.contact != Some(mia) || f.opportunity != Some(o)),
        "interviewers get a thank-you, not a ladder"
    );

    let mut expected = vec![
        (Rule::InterviewCheckIn, "2026-12-04"),
        (Rule::InterviewRepeat, "2026-12-18"),
        (Rule::InterviewRepeat, "2027-01-01"),
        (Rule::InterviewRepeat, "2027-01-31"),
    ];
    expected.reverse();
    let mut now = "2026-11-27 18:20".to_owned();
    while let Some((rule, day)) = expected.pop() {
        let f = s.agenda(&now).items.into_iter().find(|f| f.contact == Some(rec) && f.opportunity == Some(o)).unwrap();
        assert_eq!((f.rule, f.due), (rule, t(&format!("{day} 23:59"))), "{}", f.reason);
        now = format!("{day} 10:00");
        s.done(&f, &now);
        now = format!("{day} 10:05");
    }
    let a = s.agenda(&now);
    assert!(a.items.iter().all(|f| f.contact != Some(rec) || f.opportunity != Some(o)));
    assert!(a
        .stopped
        .iter()
        .any(|x| x.contact == Some(rec) && x.reason.contains("after the one-week check-in and 3 more attempts")));
}

#[test]
fn a_timeline_they_gave_replaces_the_one_week_check_in() {
    let mut s = Scenario::default();
    let o = s.opportunity("Northwind", "Backend Engineer", Source::AppliedOnline, Stage::Interviewing, "2026-11-27");
    let rec = s.person("Rita Recruiter");
    s.link(o, rec, Part::Recruiter);
    s.talk_with(rec, "2026-11-27 15:00", Direction::WeMet, Topic::Interview, Some(o), |c| {
        Scenario::allow_check_back(c, "2026-12-15")
    });
    let thanks = s.agenda("2026-11-27 16:00").items.into_iter().find(|f| f.contact == Some(rec)).unwrap();
    s.done(&thanks, "2026-11-27 17:00");
    let f = s.agenda("2026-11-27 18:00").items.into_iter().find(|f| f.contact == Some(rec)).unwrap();
    assert_eq!((f.rule, f.earliest, f.due), (Rule::InterviewCheckIn, t("2026-12-15 00:00"), t("2026-12-15 23:59")));
}

// ---------------------------------------------------------------- #4 offer, #5 filled

#[test]
fn an_offer_walks_through_in_writing_review_negotiate_decide() {
    let mut s = Scenario::default();
    let o = s.opportunity("Initech", "Rust Developer", Source::AppliedOnline, Stage::Offer, "2026-07-01");
    let mut steps = Vec::new();
    for _ in 0..4 {
        let f = s.agenda("2026-07-01 13:00").items.into_iter().find(|f| f.rule == Rule::OfferStep).unwrap();
        steps.push((f.step, f.due));
        s.done(&f, "2026-07-01 13:00");
    }
    assert_eq!(
        steps,
        [
            (0, t("2026-07-02 23:59")),
            (1, t("2026-07-04 23:59")),
            (2, t("2026-07-06 23:59")),
            (3, t("2026-07-08 23:59"))
        ]
    );
    assert!(s.agenda("2026-07-01 14:00").items.iter().all(|f| f.opportunity != Some(o)));
}

#[test]
fn accepting_an_offer_asks_to_tell_the_other_searches_and_thank_everyone_who_helped() {
    let mut s = Scenario::default();
    let won = s.opportunity("Initech", "Rust Developer", Source::Referral, Stage::Offer, "2026-07-01");
    let other = s.opportunity("Globex", "Platform Engineer", Source::AppliedOnline, Stage::Interviewing, "2026-06-20");
    let closed = s.opportunity("Hooli", "SRE", Source::AppliedOnline, Stage::Filled, "2026-06-01");
    let (ref_, gx, hooli) = (s.person("Rae Referrer"), s.person("Gus Globex"), s.person("Hal Hooli"));
    s.link(won, ref_, Part::Referrer);
    s.link(other, gx, Part::HiringManager);
    s.link(closed, hooli, Part::Recruiter);
    s.move_to(won, Stage::Accepted, "2026-07-03");
    let a = s.agenda("2026-07-03 13:00");
    let tell: Vec<_> =
        a.items.iter().filter(|f| f.rule == Rule::TellOthers).map(|f| (f.contact, f.opportunity)).collect();
    assert_eq!(tell, [(Some(gx), Some(other))]);
    let thank: Vec<_> = a.items.iter().filter(|f| f.rule == Rule::ThankHelpers).map(|f| f.contact).collect();
    assert_eq!(thank, [Some(ref_)]);
    // Withdrawing the others keeps the duty to tell them.
    assert_eq!(s.records.withdraw_others(won, d("2026-07-03"), t("2026-07-03 13:00")), Ok(1));
    assert!(s.agenda("2026-07-03 14:00").items.iter().any(|f| f.rule == Rule::TellOthers && f.contact == Some(gx)));
}

#[test]
fn a_filled_position_means_thanking_the_hiring_manager_and_recruiter_then_quarterly_check_ins() {
    let mut s = Scenario::default();
    let o = s.opportunity("Northwind", "Backend Engineer", Source::AppliedOnline, Stage::Applied, "2026-05-01");
    let (hm, rec) = (s.person("Hank Manager"), s.person("Rita Recruiter"));
    s.link(o, hm, Part::HiringManager);
    s.link(o, rec, Part::Recruiter);
    s.move_to(o, Stage::Filled, "2026-05-20");
    let a = s.agenda("2026-05-20 14:00");
    let thanks: Vec<_> = a.items.iter().filter(|f| f.rule == Rule::FilledThanks).map(|f| (f.contact, f.due)).collect();
    assert_eq!(thanks.len(), 2);
    assert!(thanks.contains(&(Some(hm), t("2026-05-21 12:00"))));
    let f = a.items.iter().find(|f| f.contact == Some(hm)).unwrap().clone();
    assert!(f.reason.to_string().contains("say you remain interested in Northwind"), "{}", f.reason);
    s.done(&f, "2026-05-20 16:00");
    assert_eq!(
        s.items_for("2026-05-21 09:00", hm),
        [(Rule::KeepInTouch, t("2026-08-18 16:00"), t("2026-09-17 16:00"))]
    );
}

// ---------------------------------------------------------------- #6 inbound, #7 check back, #8 giving back

#[test]
fn a_message_from_them_on_the_day_before_a_leap_day_is_due_on_the_leap_day() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2028-02-28 13:00", Direction::TheyReachedOut, Topic::General, None);
    let f = s.agenda("2028-02-28 14:00").items.into_iter().next().unwrap();
    assert_eq!((f.rule, f.due), (Rule::Reply, t("2028-02-29 13:00")));
    assert_eq!(due_in_words(f.due, t("2028-02-28 14:00")), "due tomorrow");
}

#[test]
fn an_agreed_check_back_date_replaces_the_quarterly_default() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk_with(ann, "2026-09-01 10:00", Direction::WeMet, Topic::General, None, |c| {
        Scenario::allow_check_back(c, "2026-10-15")
    });
    assert_eq!(s.items_for("2026-09-02 09:00", ann), [(Rule::CheckBack, t("2026-10-15 00:00"), t("2026-10-15 23:59"))]);
}

#[test]
fn asked_not_to_check_back_means_no_reminders_and_says_so() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk_with(ann, "2026-09-01 10:00", Direction::WeMet, Topic::General, None, |c| {
        c.check_back = follow_up::domain::conversation::CheckBackAnswer::Declined;
    });
    let a = s.agenda("2026-09-02 09:00");
    assert!(a.items.is_empty());
    assert_eq!(a.stopped[0].reason, "Ann Lee asked you not to check back; no reminders for them.");
}

#[test]
fn personal_moments_produce_well_wishes_on_or_right_after_the_date() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    // Born on a leap day: in 2027 the birthday is marked on 1 March.
    s.moment(ann, MomentKind::Birthday, "1992-02-29");
    let f = s.agenda("2027-02-25 09:00").items.into_iter().find(|f| f.rule == Rule::GivingBack).unwrap();
    assert_eq!((f.earliest, f.due), (t("2027-03-01 00:00"), t("2027-03-02 23:59")));
    assert_eq!(f.reason, "Ann Lee's birthday: send good wishes (Mon 1 Mar).");
    let bob = s.person("Bob Stone");
    s.moment(bob, MomentKind::Surgery, "2027-02-20");
    let f = s.agenda("2027-02-21 09:00").items.into_iter().find(|f| f.contact == Some(bob)).unwrap();
    assert_eq!(f.urgency(t("2027-02-21 09:00")), Urgency::DueToday, "the day after still counts as right after");
    assert_eq!(f.urgency(t("2027-02-22 09:00")), Urgency::Overdue);
    s.done(&f, "2027-02-22 10:00");
    assert!(s.agenda("2027-02-22 11:00").items.iter().all(|f| f.rule != Rule::GivingBack || f.contact != Some(bob)));
}

#[test]
fn times_are_local_wall_clock_so_a_user_at_utc_plus_13_sees_their_own_dates() {
    // Auckland in summer is UTC+13: 23:30 local on 31 December is 10:30 UTC that day. The
    // rules never convert, so the due time is 23:30 local on 1 January, as the user expects.
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-12-31 23:30", Direction::WeMet, Topic::Meeting, None);
    let f = s.agenda("2026-12-31 23:45").items.into_iter().next().unwrap();
    assert_eq!(f.due, t("2027-01-01 23:30"));
    assert_eq!(due_in_words(f.due, t("2026-12-31 23:45")), "due tomorrow");
}

// ---------------------------------------------------------------- the Today view's order, snooze, skip

#[test]
fn overdue_items_come_first_and_say_so() {
    let mut s = Scenario::default();
    let (ann, bob) = (s.person("Ann"), s.person("Bob"));
    s.talk(ann, "2026-11-20 10:00", Direction::TheyReachedOut, Topic::General, None);
    s.talk(bob, "2026-11-27 09:00", Direction::TheyReachedOut, Topic::General, None);
    let now = t("2026-11-27 12:00");
    let a = follow_up::domain::follow_up::agenda(&s.records, now);
    let sections: Vec<_> = a.sections(now).into_iter().map(|(u, items)| (u, items.len())).collect();
    assert_eq!(sections, [(Urgency::Overdue, 1), (Urgency::ThisWeek, 1)]);
    assert_eq!(a.items[0].contact, Some(ann));
    assert_eq!(due_in_words(a.items[0].due, now), "6 days overdue");
    assert_eq!(a.due_count(now), 1);
}

#[test]
fn snoozing_moves_a_follow_up_later_and_skipping_closes_it() {
    let mut s = Scenario::default();
    let ann = s.person("Ann");
    s.talk(ann, "2026-11-27 09:00", Direction::TheyReachedOut, Topic::General, None);
    let f = s.agenda("2026-11-27 10:00").items.into_iter().next().unwrap();
    assert!(s.records.snooze(&f.key, d("2026-11-27"), t("2026-11-27 10:00")).is_err(), "not into the past or today");
    s.records.snooze(&f.key, d("2026-12-01"), t("2026-11-27 10:00")).unwrap();
    let snoozed = s.agenda("2026-11-27 10:05").items.into_iter().next().unwrap();
    assert_eq!((snoozed.key, snoozed.earliest, snoozed.due), (f.key, t("2026-12-01 00:00"), t("2026-12-01 23:59")));
    assert!(s.records.skip(&f.key, "  ", t("2026-11-27 10:00")).is_err(), "a reason is needed");
    s.records.skip(&f.key, "Talked at the meetup instead", t("2026-11-27 10:10")).unwrap();
    assert!(s.agenda("2026-11-27 10:15").items.iter().all(|x| x.rule != Rule::Reply));
}

// ---------------------------------------------------------------- example data, done ahead of time

#[test]
fn example_data_shows_a_working_today_view_and_is_removed_without_touching_real_records() {
    let mut s = Scenario::default();
    let mine = s.person("My Real Contact");
    s.talk(mine, "2026-11-20 10:00", Direction::IReachedOut, Topic::General, None);
    let mut next = 1000u128;
    s.records
        .load_examples(t("2026-11-27 10:00"), &mut || {
            next += 1;
            next
        })
        .unwrap();
    assert!(s.records.has_examples());
    let a = s.agenda("2026-11-27 10:00");
    let rules: Vec<Rule> = a.items.iter().map(|f| f.rule).collect();
    for expected in [Rule::InterviewThankYou, Rule::NewContact, Rule::ApplicationFollowUp, Rule::GivingBack] {
        assert!(rules.contains(&expected), "{expected:?} missing from {rules:?}");
    }
    s.records.remove_examples();
    assert!(!s.records.has_examples());
    assert_eq!(s.records.contacts.len(), 1);
    assert_eq!(s.records.conversations.len(), 1);
    assert!(s.records.opportunities.is_empty());
}

#[test]
fn a_follow_up_for_an_event_that_has_not_happened_cannot_be_done_yet() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-12-01 10:00", Direction::WeMet, Topic::Meeting, None);
    let f = s.agenda("2026-11-27 10:00").items.into_iter().next().unwrap();
    let err = s.records.complete_follow_up(&f, follow_up::domain::ConversationId::from_raw(99), t("2026-11-27 10:00"));
    assert!(err.is_err());
}

#[test]
fn a_stage_change_recorded_today_counts_from_the_moment_it_was_recorded() {
    // Regression: a thank-you sent at 14:00 must not count as the "position filled" thank-you
    // when the filled news is recorded at 15:00 the same day.
    let mut s = Scenario::default();
    let o = s.opportunity("Northwind", "Backend Engineer", Source::AppliedOnline, Stage::Applied, "2026-05-01");
    let rec = s.person("Rita Recruiter");
    s.link(o, rec, Part::Recruiter);
    s.talk(rec, "2026-05-20 14:00", Direction::IReachedOut, Topic::FollowUp, Some(o));
    s.records.move_stage(o, Stage::Filled, d("2026-05-20"), t("2026-05-20 15:00")).unwrap();
    let f = s
        .agenda("2026-05-20 15:01")
        .items
        .into_iter()
        .find(|f| f.rule == Rule::FilledThanks)
        .expect("thank-you still due");
    assert_eq!((f.earliest, f.due), (t("2026-05-20 15:00"), t("2026-05-21 15:00")));
}

// ---------------------------------------------------------------- regressions found by the properties

#[test]
fn a_mark_made_before_a_future_dated_application_does_not_count_as_a_follow_up() {
    // Regression: marking the first follow-up done ahead of an application dated later moved
    // the ladder to the nudge with a due date before the application itself.
    let mut s = Scenario::default();
    let o = s.opportunity("Initech", "Dev", Source::AppliedOnline, Stage::Applied, "2026-01-25");
    let f = s.agenda("2026-01-05 09:00").items.into_iter().find(|f| f.opportunity == Some(o)).unwrap();
    s.records.mark(&f.key, follow_up::domain::follow_up::Outcome::Done, t("2026-01-05 09:00"));
    let next = s.agenda("2026-01-05 10:00").items.into_iter().find(|f| f.opportunity == Some(o)).unwrap();
    assert_eq!(next.rule, Rule::ApplicationNudge);
    assert!(next.due >= t("2026-01-25 12:00"), "counted from the application, not from the early mark: {}", next.due);
}

#[test]
fn a_new_quarterly_check_in_never_hides_a_pending_step_with_the_same_person() {
    // Regression: a first conversation with an introducer started a quarterly check-in that
    // replaced their pending thank-you because it fell due sooner.
    let mut s = Scenario::default();
    let bob = s.person("Bob Introducer");
    let cy = s.person_with("Cy", |c| c.introduced_by = Some(bob));
    s.talk(cy, "2026-05-13 14:36", Direction::WeMet, Topic::Introduction, None);
    s.talk(bob, "2026-01-05 12:00", Direction::IReachedOut, Topic::General, None);
    let items = s.items_for("2026-01-05 13:00", bob);
    assert_eq!(items, [(Rule::ThankIntroducer, t("2026-05-13 14:36"), t("2026-05-14 14:36"))]);
}

#[test]
fn the_agenda_changes_with_the_day_not_the_hour() {
    // The app recomputes the agenda when the day turns, not on every clock tick; that is only
    // right if no rule looks at the time of day.
    use follow_up::domain::follow_up::{agenda, agenda_on};
    use follow_up::workload::{generate, Size};
    let records = generate(Size { contacts: 300, conversations: 1_000, opportunities: 30 }, 11, t("2026-11-27 09:00"));
    let morning = agenda(&records, t("2026-11-27 00:01"));
    assert!(!morning.items.is_empty());
    assert_eq!(morning, agenda(&records, t("2026-11-27 23:59")));
    assert_eq!(morning, agenda_on(&records, d("2026-11-27")));
}

#[test]
fn follow_up_keys_keep_the_form_stored_marks_were_saved_under() {
    // Snoozes, skips and dones are stored against these keys: changing their form would
    // silently bring back every follow-up a user already dealt with.
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    let met = s.talk(ann, "2026-11-27 18:30", Direction::WeMet, Topic::Meeting, None);
    let a = s.agenda("2026-11-27 19:00");
    assert_eq!(a.items[0].key, format!("new-contact/{ann}/-/{met}/0"));

    // Every kind of anchor: a day, a minute, a personal moment.
    let rec = s.person("Rita Recruiter");
    let applied = s.opportunity("Northwind", "Backend Engineer", Source::AppliedOnline, Stage::Applied, "2026-11-20");
    s.link(applied, rec, Part::Recruiter);
    let bob = s.person("Bob Stone");
    let interview = s.opportunity("Contoso", "Data Engineer", Source::AppliedOnline, Stage::Interviewing, "2026-11-20");
    s.talk(bob, "2026-11-27 15:05", Direction::WeMet, Topic::Interview, Some(interview));
    let cy = s.person("Cy Park");
    s.moment(cy, MomentKind::Birthday, "1990-12-01");
    let keys: Vec<String> = s.agenda("2026-11-27 19:00").items.iter().map(|f| f.key.to_string()).collect();
    for expected in [
        format!("application/{rec}/{applied}/20261120/0"),
        format!("interview-thanks/{bob}/{interview}/20261127T1505/0"),
        format!("giving-back/{cy}/-/birthday-20261201/0"),
    ] {
        assert!(keys.contains(&expected), "{expected} not in {keys:?}");
    }

    // A mark saved as text by an earlier version still closes its step.
    s.records.marks.push(follow_up::domain::follow_up::Mark {
        key: format!("giving-back/{cy}/-/birthday-20261201/0"),
        outcome: follow_up::domain::follow_up::Outcome::Done,
        at: t("2026-11-27 19:00"),
    });
    let a = s.agenda("2026-11-27 19:05");
    assert!(!a.items.iter().any(|f| f.rule == Rule::GivingBack), "{:?}", a.items);
}
