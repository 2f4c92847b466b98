//! Importing LinkedIn's Connections.csv: preamble variants, quoted commas, members who left,
//! non-Latin names, an empty export, and a second import that updates instead of duplicating.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use follow_up::domain::linkedin_import::{normalise_profile, read_connections, ImportError};
use follow_up::domain::{Records, Role};
use proptest::prelude::*;
use support::{d, t};

const EXPORT: &str = include_str!("fixtures/Connections.csv");

fn ids() -> impl FnMut() -> u128 {
    let mut n = 0;
    move || {
        n += 1;
        n
    }
}

#[test]
fn the_real_export_imports_with_a_summary() {
    let rows = read_connections(EXPORT).unwrap();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0].position, "Content Marketing Manager, Americas", "quoted commas stay in the field");
    let mut r = Records::default();
    let summary = r.import_connections(&rows, &mut ids(), t("2026-11-27 09:00"));
    assert_eq!((summary.added, summary.updated, summary.skipped.len()), (5, 0, 1));
    assert_eq!(summary.skipped[0].line, 7, "the line in the file, preamble included");
    assert!(summary.skipped[0].reason.contains("left LinkedIn"));
    let celia = r.contacts.iter().find(|c| c.name == "Celia Stangarone").unwrap();
    assert_eq!((celia.role, celia.connected_on), (Role::NetworkingContact, Some(d("2024-01-15"))));
    assert!(r.contacts.iter().any(|c| c.name == "Анна Иванова" && c.company == "Яндекс"));
    assert!(r.contacts.iter().any(|c| c.name == "李 娜"));
    let john = r.contacts.iter().find(|c| c.name == "John Doe").unwrap();
    assert_eq!(john.linkedin_url.as_ref().unwrap().as_str(), "https://www.linkedin.com/in/john-doe-1234");
    assert_eq!(john.email.as_ref().unwrap().address, "jdoe@risesmart.com");
}

#[test]
fn a_second_import_updates_instead_of_duplicating() {
    let mut r = Records::default();
    let rows = read_connections(EXPORT).unwrap();
    r.import_connections(&rows, &mut ids(), t("2026-11-27 09:00"));
    let later = EXPORT
        .replace("Recruiter,03 Feb 2023", "Head of Talent,03 Feb 2023")
        .replace("https://www.linkedin.com/in/celiastangarone", "https://linkedin.com/in/CeliaStangarone/?trk=abc");
    let mut next = || 1000u128;
    let summary = r.import_connections(&read_connections(&later).unwrap(), &mut next, t("2026-12-01 09:00"));
    assert_eq!((summary.added, summary.updated, summary.unchanged), (0, 1, 4));
    assert_eq!(r.contacts.len(), 5);
    assert_eq!(r.contacts.iter().find(|c| c.name == "John Doe").unwrap().title, "Head of Talent");
}

#[test]
fn preamble_variants_and_bad_files() {
    let without = EXPORT.split_once("\n\n").unwrap().1;
    assert_eq!(read_connections(without).unwrap().len(), 6, "no preamble");
    let longer = format!("Notes:\nLine one\n\"A quoted, comma-bearing sentence.\"\nAnother line\n\n{without}");
    assert_eq!(read_connections(&longer).unwrap().len(), 6, "a longer preamble");
    let bom = format!("\u{FEFF}{without}");
    assert_eq!(read_connections(&bom).unwrap().len(), 6, "a byte-order mark");
    assert_eq!(
        read_connections("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n").unwrap().len(),
        0,
        "an empty export"
    );
    assert_eq!(read_connections(""), Err(ImportError::Empty));
    assert_eq!(read_connections("name,email\nAnn,ann@example.com\n"), Err(ImportError::NoHeader));
}

#[test]
fn profile_addresses_are_matched_whatever_their_spelling() {
    let same = [
        "https://www.linkedin.com/in/jdoe",
        "http://linkedin.com/in/jdoe/",
        "HTTPS://WWW.LINKEDIN.COM/IN/JDOE?trk=x",
        "https://www.linkedin.com/in/jdoe#about",
    ];
    for url in same {
        assert_eq!(normalise_profile(url).as_deref(), Some("https://www.linkedin.com/in/jdoe"), "{url}");
    }
    assert_eq!(normalise_profile("javascript:alert(1)"), None);
    assert_eq!(normalise_profile("https://evil.example/in/jdoe"), None);
}

proptest! {
    #[test]
    fn importing_the_same_file_twice_is_idempotent(extra in prop::collection::vec(("[A-Za-z]{0,8}", "[A-Za-z]{0,8}", "[A-Za-z ,]{0,12}"), 0..8)) {
        let mut text = String::from(EXPORT);
        for (i, (first, last, company)) in extra.iter().enumerate() {
            text.push_str(&format!("{first},{last},https://www.linkedin.com/in/p{i},,\"{company}\",Engineer,01 Jan 2020\n"));
        }
        let rows = read_connections(&text).unwrap();
        let mut r = Records::default();
        r.import_connections(&rows, &mut ids(), t("2026-11-27 09:00"));
        let once = r.clone();
        let mut next = { let mut n = 10_000u128; move || { n += 1; n } };
        let second = r.import_connections(&rows, &mut next, t("2026-11-28 09:00"));
        prop_assert_eq!(second.added + second.updated, 0);
        prop_assert_eq!(r, once);
    }

    #[test]
    fn reading_any_text_never_panics(text in "\\PC{0,300}") {
        let _ = read_connections(&text);
    }
}
