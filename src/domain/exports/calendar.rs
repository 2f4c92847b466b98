//! The open follow-ups as an iCalendar file (RFC 5545): one VEVENT each, with a stable UID so
//! re-importing updates the same entries, the reason and the person in the description, and a
//! reminder (VALARM).

use chrono::{Duration, NaiveDateTime};

use super::{escape_text, fold_line};
use crate::domain::follow_up::{Agenda, FollowUp};
use crate::domain::records::Records;

fn stamp(t: NaiveDateTime) -> String {
    t.format("%Y%m%dT%H%M%S").to_string()
}

/// A stable identifier for a follow-up step: the same step always gets the same UID.
fn uid(f: &FollowUp) -> String {
    // FNV-1a over the key: stable across builds and platforms, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let key = f.key.to_string();
    for b in key.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}-{}@follow-up.app", key.len())
}

/// The calendar text. Times are the user's local wall-clock time ("floating" in RFC 5545
/// terms, so they show at the same local hour wherever the calendar is); `stamp_utc` is the
/// current time in UTC for DTSTAMP.
pub fn follow_ups_calendar(records: &Records, agenda: &Agenda, stamp_utc: NaiveDateTime) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Follow-up//Follow-up app//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Follow-ups",
    ] {
        fold_line(line, &mut out);
    }
    for f in &agenda.items {
        let person = f.contact.and_then(|c| records.contact(c));
        let who = person.map_or_else(|| "someone to find".to_owned(), |c| c.name.clone());
        let opportunity = f.opportunity.and_then(|o| records.opportunity(o)).map(|o| o.title());
        let summary =
            format!("Follow up with {who}{}", opportunity.as_ref().map(|o| format!(" ({o})")).unwrap_or_default());
        let mut description = f.reason.to_string();
        if let Some(c) = person {
            description.push_str(&format!("\nPerson: {}", c.name));
            if !c.headline().is_empty() {
                description.push_str(&format!(", {}", c.headline()));
            }
            if let Some(e) = &c.email {
                description.push_str(&format!("\nEmail: {}", e.address));
            }
        }
        if let Some(o) = &opportunity {
            description.push_str(&format!("\nOpportunity: {o}"));
        }
        // An event on the due time, half an hour long, reminding an hour before.
        let start = f.due.max(f.earliest);
        let lines = [
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{}", uid(f)),
            format!("DTSTAMP:{}Z", stamp(stamp_utc)),
            format!("DTSTART:{}", stamp(start)),
            format!("DTEND:{}", stamp(start + Duration::minutes(30))),
            format!("SUMMARY:{}", escape_text(&summary)),
            format!("DESCRIPTION:{}", escape_text(&description)),
            "CATEGORIES:Follow-up".to_owned(),
            "TRANSP:TRANSPARENT".to_owned(),
            "BEGIN:VALARM".to_owned(),
            "ACTION:DISPLAY".to_owned(),
            format!("DESCRIPTION:{}", escape_text(&summary)),
            "TRIGGER:-PT1H".to_owned(),
            "END:VALARM".to_owned(),
            "END:VEVENT".to_owned(),
        ];
        for line in &lines {
            fold_line(line, &mut out);
        }
    }
    fold_line("END:VCALENDAR", &mut out);
    out
}
