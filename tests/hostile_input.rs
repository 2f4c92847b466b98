//! Every parser of outside input, fed hostile and random input: it may refuse, never panic.
//! Case counts follow PROPTEST_CASES (default 256 per target in CI).
#![cfg(not(target_arch = "wasm32"))]

use follow_up::domain::finding::email_pattern::{guess, parse_known, Known};
use follow_up::domain::finding::person_name::PersonName;
use follow_up::domain::linkedin_import::{normalise_profile, read_connections};
use follow_up::domain::validate::{email_problem, WebUrl};
use follow_up::storage::backup::read_backup;
use follow_up::storage::decode;
use proptest::prelude::*;

/// Strings people and attackers actually send: markup, script URLs, control and direction
/// characters, broken surrogates' replacement, very long runs.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "javascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "\u{202E}gnp.exe",
        "\u{200B}\u{FEFF}",
        "\u{FFFD}\u{FFFF}",
        "Robert'); DROP TABLE people;--",
        "=HYPERLINK(\"http://x\")",
        "\r\n\r\nBEGIN:VEVENT",
        "%00%0d%0a",
        "{\"schema_version\":999}",
        "Ωmega 漢字 👩🏽‍💻",
        ",,,\"\"\",",
    ]);
    prop::collection::vec(prop_oneof![pieces.prop_map(str::to_owned), "\\PC{0,20}"], 0..8)
        .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn backups_and_stored_data(text in prop_oneof![hostile(), "\\PC{0,200}", Just(String::from("{\"schema_version\":1,\"records\":{\"contacts\":[{}]}}"))]) {
        let _ = read_backup(&text);
        let _ = decode(&text);
    }

    #[test]
    fn backup_json_with_hostile_values(name in hostile(), url in hostile(), date in hostile()) {
        let json = serde_json::json!({"schema_version": 1, "records": {"contacts": [{
            "id": "0000000000000000000000000000000a", "name": name, "role": "recruiter",
            "linkedin_url": url, "created_at": date, "updated_at": "2026-01-01T00:00:00"
        }]}});
        let _ = read_backup(&json.to_string());
    }

    #[test]
    fn connections_csv(rows in prop::collection::vec((hostile(), hostile(), hostile(), hostile()), 0..6)) {
        let mut text = String::from("Notes:\n\"x\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (a, b, c, d) in &rows {
            text.push_str(&format!("{a},{b},{c},{d},{a},{b},{c}\n"));
        }
        if let Ok(parsed) = read_connections(&text) {
            let mut records = follow_up::domain::Records::default();
            let mut n = 0u128;
            let now = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap();
            let summary = records.import_connections(&parsed, &mut || { n += 1; n }, now);
            // Whatever came in, only http(s) LinkedIn addresses were stored as links.
            for c in &records.contacts {
                if let Some(u) = &c.linkedin_url {
                    prop_assert!(u.as_str().starts_with("https://www.linkedin.com/"));
                }
            }
            prop_assert_eq!(summary.added + summary.skipped.len() + summary.updated + summary.unchanged, parsed.len());
        }
    }

    #[test]
    fn names_addresses_and_links(a in hostile(), b in hostile(), c in hostile()) {
        let _ = PersonName::parse(&a, false);
        let _ = PersonName::parse(&a, true);
        let _ = parse_known(&format!("{a}, {b}\n{c}"));
        let _ = guess(&[Known { name: a.clone(), address: format!("{b}@example.com") }], &c, None, &[]);
        let _ = email_problem(&a);
        let _ = normalise_profile(&a);
        if let Ok(link) = WebUrl::parse(&a) {
            let scheme = link.as_str().split(':').next().unwrap_or("").to_ascii_lowercase();
            prop_assert!(scheme == "http" || scheme == "https");
        }
    }
}
