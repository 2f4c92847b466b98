//! Exports checked by code that did not write them: the iCalendar and vCard files with the
//! `ical` parser, the spreadsheets with a CSV reader.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::BufReader;

use follow_up::domain::exports::calendar::follow_ups_calendar;
use follow_up::domain::exports::spreadsheet::{conversations_csv, neutralise, opportunities_csv, people_csv};
use follow_up::domain::exports::vcard::cards;
use follow_up::domain::follow_up::agenda;
use follow_up::domain::{Direction, MomentKind, Topic};
use support::{t, Scenario};

fn scenario() -> Scenario {
    let mut s = Scenario::default();
    let ann = s.person_with("Ann O'Neil, Jr; \"the recruiter\"", |c| {
        c.company = "Acme, Inc.; Widgets".into();
        c.email = "ann@acme.example".into();
        c.notes = "Line one\nLine two, with a comma; and a semicolon \\ backslash".into();
        c.linkedin_url = "https://www.linkedin.com/in/ann".into();
    });
    s.moment(ann, MomentKind::Birthday, "1990-06-27");
    s.talk_with(ann, "2026-11-27 18:30", Direction::WeMet, Topic::Meeting, None, |c| {
        c.key_points = "=HYPERLINK(\"http://evil.example\",\"click\")".into();
    });
    let bob = s.person("Bob Stone");
    s.talk(bob, "2026-11-26 09:00", Direction::TheyReachedOut, Topic::General, None);
    s
}

fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_calendar_opens_in_an_independent_parser_with_one_event_per_follow_up() {
    let s = scenario();
    let a = agenda(&s.records, t("2026-11-27 19:00"));
    let text = follow_ups_calendar(&s.records, &a, t("2026-11-27 18:00"));
    assert!(text.split("\r\n").all(|l| l.len() <= 75), "every line is folded at 75 octets");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF line ends only");

    let calendars: Vec<_> =
        ical::IcalParser::new(BufReader::new(text.as_bytes())).collect::<Result<_, _>>().expect("parses");
    assert_eq!(calendars.len(), 1);
    let events = &calendars[0].events;
    assert_eq!(events.len(), a.items.len());
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
    };
    let ann = events.iter().find(|e| prop(e, "SUMMARY").contains("Ann")).expect("Ann's event");
    assert_eq!(unescape(&prop(ann, "SUMMARY")), "Follow up with Ann O'Neil, Jr; \"the recruiter\"");
    let description = unescape(&prop(ann, "DESCRIPTION"));
    assert!(
        description
            .starts_with("You met Ann O'Neil, Jr; \"the recruiter\" on Fri 27 Nov, 18:30: follow up within 24 hours."),
        "{description}"
    );
    assert!(description.contains("\nEmail: ann@acme.example"));
    assert_eq!(prop(ann, "DTSTART"), "20261128T183000");
    assert_eq!(ann.alarms.len(), 1);
    assert_eq!(
        ann.alarms[0].properties.iter().find(|p| p.name == "TRIGGER").and_then(|p| p.value.clone()).as_deref(),
        Some("-PT1H")
    );

    // The same follow-ups give the same UIDs, so re-importing updates instead of duplicating.
    let again = follow_ups_calendar(&s.records, &a, t("2026-11-28 08:00"));
    let uids = |text: &str| text.lines().filter(|l| l.starts_with("UID:")).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(uids(&text), uids(&again));
}

#[test]
fn contact_cards_open_in_an_independent_parser() {
    let s = scenario();
    let text = cards(s.records.contacts.iter(), t("2026-11-27 18:00"));
    let parsed: Vec<_> =
        ical::VcardParser::new(BufReader::new(text.as_bytes())).collect::<Result<_, _>>().expect("parses");
    assert_eq!(parsed.len(), 2);
    let prop = |i: usize, name: &str| {
        parsed[i].properties.iter().find(|p| p.name == name).and_then(|p| p.value.clone()).unwrap_or_default()
    };
    assert_eq!(prop(0, "VERSION"), "4.0");
    assert_eq!(unescape(&prop(0, "FN")), "Ann O'Neil, Jr; \"the recruiter\"");
    assert_eq!(unescape(&prop(0, "ORG")), "Acme, Inc.; Widgets");
    assert_eq!(prop(0, "EMAIL"), "ann@acme.example");
    assert_eq!(prop(0, "BDAY"), "19900627");
    assert_eq!(unescape(&prop(0, "NOTE")), "Line one\nLine two, with a comma; and a semicolon \\ backslash");
    assert!(prop(0, "UID").starts_with("urn:uuid:"));
}

#[test]
fn spreadsheet_cells_cannot_run_as_formulas() {
    for (cell, expected) in [
        ("=1+1", "'=1+1"),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\tx", "'\tx"),
        ("plain", "plain"),
        ("", ""),
    ] {
        assert_eq!(neutralise(cell), expected);
    }
    let s = scenario();
    let csv_text = conversations_csv(&s.records);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().unwrap();
    let key_points: Vec<&str> = rows.iter().map(|r| r.get(6).unwrap()).collect();
    assert!(key_points.contains(&"'=HYPERLINK(\"http://evil.example\",\"click\")"), "{key_points:?}");
    let people = people_csv(&s.records);
    let mut reader = csv::Reader::from_reader(people.as_bytes());
    let first = reader.records().next().unwrap().unwrap();
    assert_eq!(first.get(1), Some("Acme, Inc.; Widgets"), "commas survive quoting");
    assert!(opportunities_csv(&s.records).starts_with("Company,Role,Stage"));
}
