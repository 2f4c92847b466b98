//! People as vCard 4.0 (RFC 6350) contact cards, one person or all.

use chrono::NaiveDateTime;

use super::{escape_text, fold_line};
use crate::domain::contact::{Contact, MomentKind};

/// The id as a URN UUID, so re-importing a card updates the same contact.
fn uuid(c: &Contact) -> String {
    let hex = c.id.to_string();
    format!("urn:uuid:{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// One card.
pub fn card(c: &Contact, stamp_utc: NaiveDateTime, out: &mut String) {
    let words: Vec<&str> = c.name.split_whitespace().collect();
    let (given, family) = match words.as_slice() {
        [] => (String::new(), String::new()),
        [one] => ((*one).to_owned(), String::new()),
        [first @ .., last] => (first.join(" "), (*last).to_owned()),
    };
    let mut lines = vec![
        "BEGIN:VCARD".to_owned(),
        "VERSION:4.0".to_owned(),
        format!("UID:{}", uuid(c)),
        format!("FN:{}", escape_text(&c.name)),
        format!("N:{};{};;;", escape_text(&family), escape_text(&given)),
    ];
    if !c.company.is_empty() {
        lines.push(format!("ORG:{}", escape_text(&c.company)));
    }
    if !c.title.is_empty() {
        lines.push(format!("TITLE:{}", escape_text(&c.title)));
    }
    if let Some(e) = &c.email {
        lines.push(format!("EMAIL;TYPE=work:{}", escape_text(&e.address)));
    }
    if !c.phone.is_empty() {
        lines.push(format!("TEL;VALUE=text:{}", escape_text(&c.phone)));
    }
    if let Some(u) = &c.linkedin_url {
        lines.push(format!("URL:{}", u.as_str()));
    }
    if let Some(m) = c.moments.iter().find(|m| m.kind == MomentKind::Birthday) {
        lines.push(format!("BDAY:{}", m.date.format("%Y%m%d")));
    }
    let mut note = c.notes.clone();
    if !c.how_we_met.is_empty() {
        note = format!("How we met: {}\n{note}", c.how_we_met).trim_end().to_owned();
    }
    if !note.is_empty() {
        lines.push(format!("NOTE:{}", escape_text(&note)));
    }
    lines.push(format!("REV:{}Z", stamp_utc.format("%Y%m%dT%H%M%S")));
    lines.push("END:VCARD".to_owned());
    for line in &lines {
        fold_line(line, out);
    }
}

/// Cards for several people, in one file.
pub fn cards<'a>(contacts: impl IntoIterator<Item = &'a Contact>, stamp_utc: NaiveDateTime) -> String {
    let mut out = String::new();
    for c in contacts {
        card(c, stamp_utc, &mut out);
    }
    out
}
