//! Properties of the follow-up engine over generated job searches: nothing is due before
//! the event that caused it, one open follow-up per person per opportunity, and marking a
//! follow-up done never brings anything forward.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate, NaiveDateTime};
use follow_up::domain::conversation::CheckBackAnswer;
use follow_up::domain::follow_up::agenda;
use follow_up::domain::validate::date_time_input_value;
use follow_up::domain::{
    Channel, ContactDraft, ContactId, ConversationDraft, ConversationId, Direction, MomentDraft, MomentKind,
    OpportunityDraft, OpportunityId, Part, Records, Role, Source, Stage, Topic,
};
use proptest::prelude::*;

fn base() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_hms_opt(0, 0, 0).unwrap()
}

#[derive(Debug, Clone)]
struct Talk {
    who: usize,
    minutes: i64,
    direction: usize,
    topic: usize,
    opp: Option<usize>,
    check_back: (usize, i64),
}

/// (company, source, [(stage, days after the previous change)]).
type GeneratedOpportunity = (usize, usize, Vec<(usize, i64)>);

#[derive(Debug, Clone)]
struct Search {
    people: Vec<(usize, usize, Option<i64>)>,
    opportunities: Vec<GeneratedOpportunity>,
    links: Vec<(usize, usize, usize)>,
    talks: Vec<Talk>,
    intro: Option<(usize, usize)>,
    now_minutes: i64,
    skip_weekends: bool,
}

const COMPANIES: [&str; 3] = ["Acme", "Globex", ""];

fn search() -> impl Strategy<Value = Search> {
    let people = prop::collection::vec((0..3usize, 0..Role::ALL.len(), prop::option::of(-400i64..400)), 1..6);
    let opportunities = prop::collection::vec(
        (0..3usize, 0..Source::ALL.len(), prop::collection::vec((0..Stage::ALL.len(), 0i64..30), 1..4)),
        0..4,
    );
    let links = prop::collection::vec((0..4usize, 0..6usize, 0..Part::ALL.len()), 0..8);
    let talk =
        (0..6usize, 0i64..(150 * 24 * 60), 0..3usize, 0..5usize, prop::option::of(0..4usize), (0..3usize, 0i64..60))
            .prop_map(|(who, minutes, direction, topic, opp, check_back)| Talk {
                who,
                minutes,
                direction,
                topic,
                opp,
                check_back,
            });
    let talks = prop::collection::vec(talk, 0..14);
    (
        people,
        opportunities,
        links,
        talks,
        prop::option::of((0..6usize, 0..6usize)),
        0i64..(170 * 24 * 60),
        any::<bool>(),
    )
        .prop_map(|(people, opportunities, links, talks, intro, now_minutes, skip_weekends)| Search {
            people,
            opportunities,
            links,
            talks,
            intro,
            now_minutes,
            skip_weekends,
        })
}

fn build(s: &Search) -> Records {
    let mut r = Records::default();
    r.settings.skip_weekends = s.skip_weekends;
    let t0 = base();
    let mut next = 0u128;
    let mut id = || {
        next += 1;
        next
    };
    let mut people = Vec::new();
    for (company, role, moment) in &s.people {
        let cid = ContactId::from_raw(id());
        let mut d = ContactDraft {
            name: format!("P{}", people.len()),
            company: COMPANIES[*company].into(),
            role: Role::ALL[*role],
            ..Default::default()
        };
        if let Some(days) = moment {
            d.moments.push(MomentDraft {
                kind: MomentKind::ALL[(*days).unsigned_abs() as usize % MomentKind::ALL.len()],
                date: (t0 + Duration::days(*days)).format("%Y-%m-%d").to_string(),
                note: String::new(),
            });
        }
        r.add_contact(cid, &d, t0).unwrap();
        people.push(cid);
    }
    if let Some((a, b)) = s.intro {
        let (a, b) = (people[a % people.len()], people[b % people.len()]);
        if a != b {
            let mut d = ContactDraft::from(r.contact(b).unwrap());
            d.introduced_by = Some(a);
            r.update_contact(b, &d, t0).unwrap();
        }
    }
    let mut opps = Vec::new();
    for (company, source, stages) in &s.opportunities {
        let oid = OpportunityId::from_raw(id());
        let d = OpportunityDraft {
            company: COMPANIES[*company].to_owned() + "x",
            role: "Dev".into(),
            source: Source::ALL[*source],
            ..Default::default()
        };
        let mut day = t0.date();
        r.add_opportunity(oid, &d, Stage::ALL[stages[0].0], day, t0).unwrap();
        for (stage, gap) in &stages[1..] {
            day += Duration::days(*gap);
            r.move_stage(oid, Stage::ALL[*stage], day, t0).unwrap();
        }
        opps.push(oid);
    }
    for (o, p, part) in &s.links {
        if let (Some(o), Some(p)) = (opps.get(*o), people.get(*p)) {
            r.link_person(*o, *p, Part::ALL[*part], t0).unwrap();
        }
    }
    for talk in &s.talks {
        let at = t0 + Duration::minutes(talk.minutes);
        let mut d = ConversationDraft::new(at);
        d.at = date_time_input_value(at);
        d.channel = Channel::Email;
        d.direction = Direction::ALL[talk.direction];
        d.topic = Topic::ALL[talk.topic];
        d.opportunity_id = talk.opp.and_then(|o| opps.get(o).copied());
        match talk.check_back.0 {
            1 => {
                d.check_back = CheckBackAnswer::Allowed;
                d.check_back_on = (at + Duration::days(talk.check_back.1)).format("%Y-%m-%d").to_string();
            }
            2 => d.check_back = CheckBackAnswer::Declined,
            _ => {}
        }
        r.log_conversation(ConversationId::from_raw(id()), people[talk.who % people.len()], &d, at).unwrap();
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn no_follow_up_is_due_before_the_event_that_caused_it(s in search()) {
        let records = build(&s);
        let now = base() + Duration::minutes(s.now_minutes);
        for f in agenda(&records, now).items {
            prop_assert!(f.earliest >= f.cause, "{f:?}");
            prop_assert!(f.due >= f.cause, "{f:?}");
            prop_assert!(f.earliest <= f.due, "{f:?}");
        }
    }

    #[test]
    fn the_agenda_lists_the_soonest_due_first_then_by_key(s in search()) {
        let records = build(&s);
        let now = base() + Duration::minutes(s.now_minutes);
        let items = agenda(&records, now).items;
        for w in items.windows(2) {
            let order = |f: &follow_up::domain::follow_up::FollowUp| (f.due, f.earliest, f.key.to_string());
            prop_assert!(order(&w[0]) < order(&w[1]), "{:?} then {:?}", w[0], w[1]);
        }
    }

    #[test]
    fn each_today_section_holds_exactly_the_items_of_its_urgency(s in search(), later in 0i64..20_000) {
        let records = build(&s);
        let now = base() + Duration::minutes(s.now_minutes);
        let a = agenda(&records, now);
        let view_time = now + Duration::minutes(later);
        let ranges = a.section_ranges(view_time);
        prop_assert_eq!(ranges.iter().map(|(_, r)| r.len()).sum::<usize>(), a.items.len());
        let mut next = 0;
        for (urgency, range) in ranges {
            prop_assert_eq!(range.start, next);
            next = range.end;
            for f in &a.items[range] {
                prop_assert_eq!(f.urgency(view_time), urgency);
            }
        }
    }

    #[test]
    fn at_most_one_open_follow_up_per_person_per_opportunity(s in search()) {
        let records = build(&s);
        let now = base() + Duration::minutes(s.now_minutes);
        let a = agenda(&records, now);
        let threads: HashSet<_> = a.items.iter().map(|f| f.thread()).collect();
        prop_assert_eq!(threads.len(), a.items.len());
        let keys: HashSet<_> = a.items.iter().map(|f| f.key).collect();
        prop_assert_eq!(keys.len(), a.items.len());
    }

    #[test]
    fn marking_a_follow_up_done_never_makes_anything_due_sooner(s in search()) {
        let records = build(&s);
        let now = base() + Duration::minutes(s.now_minutes);
        let before = agenda(&records, now);
        let due_before: HashMap<_, _> = before.items.iter().map(|f| (f.thread(), f.due)).collect();
        for f in &before.items {
            let mut after_done = records.clone();
            let result = after_done.complete_follow_up(f, ConversationId::from_raw(u128::MAX), now);
            if f.cause > now {
                prop_assert!(result.is_err(), "a follow-up for a future event cannot be done yet");
                continue;
            }
            result.unwrap();
            for g in agenda(&after_done, now).items {
                if let Some(old) = due_before.get(&g.thread()) {
                    prop_assert!(g.due >= *old, "done on {:?} brought {:?} forward from {}", f, g, old);
                }
            }
        }
    }

    #[test]
    fn the_agenda_depends_only_on_the_records_and_the_time(s in search()) {
        let records = build(&s);
        let now = base() + Duration::minutes(s.now_minutes);
        prop_assert_eq!(agenda(&records, now), agenda(&records.clone(), now));
    }
}
