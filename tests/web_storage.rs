//! The localStorage adapter against the browser's real localStorage (headless Chromium).
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use follow_up::domain::{ContactDraft, ContactId, Records};
use follow_up::storage::local::{Loaded, LocalStore};
use follow_up::storage::{LoadError, SaveError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 0, 0).unwrap()
}

fn one_person(name: &str) -> Records {
    let mut r = Records::default();
    r.add_contact(ContactId::from_raw(1), &ContactDraft { name: name.into(), ..Default::default() }, now()).unwrap();
    r
}

fn raw_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
fn a_first_visit_finds_nothing_stored() {
    let store = LocalStore::open("test.fresh").unwrap();
    store.clear().unwrap();
    assert_eq!(store.load(), Ok(Loaded::Fresh));
}

#[wasm_bindgen_test]
fn saved_records_load_back_after_a_reopen() {
    let store = LocalStore::open("test.roundtrip").unwrap();
    let records = one_person("Ann <b>Lee</b>");
    store.save(&records, now()).unwrap();
    let reopened = LocalStore::open("test.roundtrip").unwrap();
    assert_eq!(reopened.load(), Ok(Loaded::Found(Box::new(records))));
}

#[wasm_bindgen_test]
fn damaged_data_is_reported_and_left_exactly_as_it_was() {
    raw_storage().set_item("test.damaged", "{\"schema_version\":1,\"records\":{\"contacts\":[").unwrap();
    let store = LocalStore::open("test.damaged").unwrap();
    match store.load().unwrap() {
        Loaded::Damaged { raw, error: LoadError::NotJson(_) } => assert!(raw.starts_with("{\"schema_version\":1")),
        other => panic!("expected damaged data, got {other:?}"),
    }
    assert_eq!(
        raw_storage().get_item("test.damaged").unwrap().as_deref(),
        Some("{\"schema_version\":1,\"records\":{\"contacts\":[")
    );
}

#[wasm_bindgen_test]
fn setting_damaged_data_aside_keeps_a_copy_under_a_dated_key() {
    raw_storage().set_item("test.aside", "not json").unwrap();
    let store = LocalStore::open("test.aside").unwrap();
    let aside = store.set_aside(now()).unwrap().unwrap();
    assert_eq!(aside, "test.aside.unreadable-20261127T090000");
    assert_eq!(raw_storage().get_item(&aside).unwrap().as_deref(), Some("not json"));
    assert_eq!(store.load(), Ok(Loaded::Fresh));
    raw_storage().remove_item(&aside).unwrap();
}

#[wasm_bindgen_test]
fn a_save_that_does_not_fit_is_refused_and_the_previous_data_survives() {
    let storage = raw_storage();
    storage.clear().unwrap();
    let store = LocalStore::open("test.full").unwrap();
    let before = one_person("Kept");
    store.save(&before, now()).unwrap();

    // Fill the quota with filler until the browser refuses more.
    let chunk = "x".repeat(256 * 1024);
    let mut filled = 0;
    while storage.set_item(&format!("filler.{filled}"), &chunk).is_ok() {
        filled += 1;
        assert!(filled < 400, "localStorage never filled up");
    }

    // Random letters: compression cannot make them fit (about 5.95 bits a letter remain).
    let mut seed = 12345u64;
    let noise: String = (0..1_200_000)
        .map(|_| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            char::from(b'a' + ((seed >> 33) % 26) as u8)
        })
        .collect();
    let too_big = one_person(&noise);
    assert_eq!(store.save(&too_big, now()), Err(SaveError::QuotaExceeded));
    assert_eq!(store.load(), Ok(Loaded::Found(Box::new(before))));
    storage.clear().unwrap();
}

#[wasm_bindgen_test]
fn a_whole_linkedin_network_fits_compact_and_loads_back() {
    use follow_up::workload::{generate, Size};
    raw_storage().clear().unwrap();
    let store = LocalStore::open("test.large").unwrap();
    let records = generate(Size { contacts: 30_000, conversations: 0, opportunities: 0 }, 3, now());
    store.save(&records, now()).unwrap();
    let stored = raw_storage().get_item("test.large").unwrap().unwrap();
    assert!(stored.starts_with("FUB1:"), "stored in blocks under a manifest");
    assert_eq!(store.load(), Ok(Loaded::Found(Box::new(records))));
    let usage = store.usage().unwrap();
    assert!(usage.used >= stored.encode_utf16().count());
    assert!(!usage.near_limit(), "{} of {}", usage.used, usage.quota);
    store.clear().unwrap();
}

#[wasm_bindgen_test]
fn usage_counts_every_key_of_the_site_and_warns_near_the_limit() {
    raw_storage().clear().unwrap();
    let store = LocalStore::open("test.usage").unwrap();
    let empty = store.usage().unwrap().used;
    assert_eq!(empty, 0);
    // Another key of the same site, four fifths of the quota: the site's space is shared.
    let filler = "x".repeat(follow_up::storage::usage::QUOTA_UNITS * 4 / 5 + 10);
    raw_storage().set_item("someone-else", &filler).unwrap();
    let usage = store.usage().unwrap();
    assert!(usage.used >= filler.len());
    assert!(usage.near_limit());
    raw_storage().clear().unwrap();
}
