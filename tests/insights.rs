//! The Insights screen's numbers: done against due per week, the pipeline, the response rate.

mod support;

use follow_up::domain::insights::{insights, week_start};
use follow_up::domain::{Direction, Source, Stage, Topic};
use support::{d, t, Scenario};

#[test]
fn weeks_start_on_monday_and_the_current_week_comes_last() {
    let s = Scenario::default();
    let now = "2026-11-27 15:00"; // a Friday
    let i = insights(&s.records, &s.agenda(now), t(now), 12);
    assert_eq!(i.weeks.len(), 12);
    assert_eq!(i.weeks[11].starts, d("2026-11-23"));
    assert_eq!(i.weeks[0].starts, d("2026-09-07"));
    assert_eq!(week_start(d("2026-11-23")), d("2026-11-23"));
    assert_eq!(week_start(d("2026-11-29")), d("2026-11-23"));
}

#[test]
fn a_thank_you_sent_counts_as_done_and_an_open_one_as_due_in_its_week() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    let bob = s.person("Bob Stone");
    // Both met on Monday 16 Nov: each is owed a follow-up within 24 hours.
    s.talk(ann, "2026-11-16 10:00", Direction::WeMet, Topic::Meeting, None);
    s.talk(bob, "2026-11-16 11:00", Direction::WeMet, Topic::Meeting, None);
    let now = "2026-11-27 15:00";
    let ann_step = s.agenda("2026-11-16 12:00").items.into_iter().find(|f| f.contact == Some(ann)).unwrap();
    s.done(&ann_step, "2026-11-16 18:00");
    let i = insights(&s.records, &s.agenda(now), t(now), 12);
    let last_week = i.weeks.iter().find(|w| w.starts == d("2026-11-16")).unwrap();
    assert_eq!(last_week.done, 1, "Ann's follow-up was sent that week");
    assert_eq!(last_week.due, 2, "Bob's is still open, overdue since that week");
    assert!(i.weeks.iter().all(|w| w.due >= w.done));
}

#[test]
fn the_pipeline_lists_every_stage_in_board_order_with_counts() {
    let mut s = Scenario::default();
    s.opportunity("Acme", "Engineer", Source::AppliedOnline, Stage::Applied, "2026-11-02");
    s.opportunity("Beta", "Engineer", Source::AppliedOnline, Stage::Applied, "2026-11-03");
    let c = s.opportunity("Gamma", "Lead", Source::Referral, Stage::Applied, "2026-11-03");
    s.move_to(c, Stage::Interviewing, "2026-11-10");
    let now = "2026-11-27 15:00";
    let i = insights(&s.records, &s.agenda(now), t(now), 12);
    let stages: Vec<(Stage, usize)> = i.pipeline.iter().map(|p| (p.stage, p.count)).collect();
    assert_eq!(stages[0], (Stage::Interested, 0));
    assert_eq!(stages[1], (Stage::Applied, 2));
    assert_eq!(stages[2], (Stage::Interviewing, 1));
    assert_eq!(stages.len(), Stage::ALL.len());
}

#[test]
fn the_response_rate_counts_outreaches_answered_before_the_next_one() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    let bob = s.person("Bob Stone");
    s.talk(ann, "2026-11-02 10:00", Direction::IReachedOut, Topic::FollowUp, None);
    s.talk(ann, "2026-11-03 10:00", Direction::TheyReachedOut, Topic::General, None);
    s.talk(bob, "2026-11-02 10:00", Direction::IReachedOut, Topic::FollowUp, None);
    s.talk(bob, "2026-11-09 10:00", Direction::IReachedOut, Topic::FollowUp, None);
    s.talk(bob, "2026-11-20 10:00", Direction::IReachedOut, Topic::FollowUp, None);
    let now = "2026-11-27 15:00";
    let i = insights(&s.records, &s.agenda(now), t(now), 12);
    assert_eq!((i.answered, i.outreaches), (1, 4));
    assert_eq!(i.response_rate(), Some(25));
    let empty = Scenario::default();
    assert_eq!(insights(&empty.records, &empty.agenda(now), t(now), 12).response_rate(), None);
}

#[test]
fn activity_older_than_the_chart_or_in_the_future_is_left_out() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    s.talk(ann, "2026-01-05 10:00", Direction::IReachedOut, Topic::FollowUp, None);
    s.talk(ann, "2026-12-20 10:00", Direction::IReachedOut, Topic::FollowUp, None);
    let now = "2026-11-27 15:00";
    let i = insights(&s.records, &s.agenda(now), t(now), 12);
    assert_eq!(i.weeks.iter().map(|w| w.done).sum::<usize>(), 0);
    assert_eq!(i.outreaches, 2, "the response rate covers all time");
}
