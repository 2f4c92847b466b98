//! The stored format: what is written reads back identically, older formats migrate,
//! and damaged or foreign data is reported, never silently replaced.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime};
use follow_up::domain::{
    Channel, ContactDraft, ContactId, ConversationDraft, ConversationId, Direction, EmailStatus, MomentDraft,
    MomentKind, OpportunityDraft, OpportunityId, Part, Records, Role, Stage,
};
use follow_up::storage::{decode, encode, LoadError, SCHEMA_VERSION};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 30, 0).unwrap()
}

fn sample() -> Records {
    let mut r = Records::default();
    let ann = ContactId::from_raw(1);
    let bob = ContactId::from_raw(2);
    r.add_contact(
        ann,
        &ContactDraft {
            name: "Ann \"the recruiter\" O'Neil <script>".into(),
            company: "Acme & Sons".into(),
            role: Role::Recruiter,
            email: "ann@acme.example".into(),
            email_status: EmailStatus::Guessed,
            linkedin_url: "https://www.linkedin.com/in/ann-o-neil".into(),
            preferred_channel: Some(Channel::LinkedIn),
            notes: "Line one\nLine two — ünïcödé 日本語".into(),
            moments: vec![MomentDraft { kind: MomentKind::Baby, date: "2024-02-29".into(), note: String::new() }],
            ..Default::default()
        },
        now(),
    )
    .unwrap();
    r.add_contact(bob, &ContactDraft { name: "Bob".into(), introduced_by: Some(ann), ..Default::default() }, now())
        .unwrap();
    let opp = OpportunityId::from_raw(3);
    r.add_opportunity(
        opp,
        &OpportunityDraft { company: "Acme".into(), role: "Engineer".into(), ..Default::default() },
        Stage::Applied,
        now().date(),
        now(),
    )
    .unwrap();
    r.link_person(opp, ann, Part::Recruiter, now()).unwrap();
    let mut talk = ConversationDraft::new(now());
    talk.direction = Direction::TheyReachedOut;
    talk.opportunity_id = Some(opp);
    talk.key_points = "Salary band; remote policy".into();
    r.log_conversation(ConversationId::from_raw(4), ann, &talk, now()).unwrap();
    r
}

#[test]
fn what_is_saved_reads_back_identically() {
    let records = sample();
    let text = encode(&records, now());
    assert!(text.starts_with(&format!("{{\"schema_version\":{SCHEMA_VERSION},")), "{text}");
    assert_eq!(decode(&text), Ok(records));
}

#[test]
fn empty_records_round_trip() {
    assert_eq!(decode(&encode(&Records::default(), now())), Ok(Records::default()));
}

#[test]
fn data_stored_before_the_envelope_existed_migrates_to_the_current_version() {
    let text = include_str!("fixtures/v0-bare-records.json");
    let records = decode(text).expect("version 0 migrates");
    assert_eq!(records.contacts.len(), 1);
    assert_eq!(records.contacts[0].email.as_ref().unwrap().address, "cstangarone@risesmart.com");
    assert_eq!(records.conversations[0].key_points, "Career fair; they hire writers");
    assert_eq!(records.opportunities[0].stage(), Stage::Applied);
    // Once migrated, saving writes the current version, which reads back the same.
    assert_eq!(decode(&encode(&records, now())), Ok(records));
}

#[test]
fn truncated_data_is_reported_as_damaged() {
    let text = encode(&sample(), now());
    let cut = &text[..text.len() / 2];
    assert!(matches!(decode(cut), Err(LoadError::NotJson(_))));
    assert!(matches!(decode(""), Err(LoadError::NotJson(_))));
}

#[test]
fn data_from_a_newer_version_is_not_read() {
    let text = format!("{{\"schema_version\":{},\"saved_at\":null,\"records\":{{}}}}", SCHEMA_VERSION + 1);
    assert_eq!(
        decode(&text),
        Err(LoadError::NewerVersion { found: u64::from(SCHEMA_VERSION) + 1, supported: SCHEMA_VERSION })
    );
}

#[test]
fn foreign_json_is_not_mistaken_for_ours() {
    for text in
        ["[]", "42", "\"hello\"", "{\"theme\":\"dark\"}", "{\"schema_version\":\"1\"}", "{\"schema_version\":-1}"]
    {
        assert_eq!(decode(text), Err(LoadError::NotOurs), "{text}");
    }
}

#[test]
fn a_record_with_a_wrong_type_is_reported_with_the_reason() {
    let text = r#"{"schema_version":1,"saved_at":null,"records":{"contacts":[{"id":"0000000000000000000000000000000a","name":42}]}}"#;
    match decode(text) {
        Err(LoadError::Invalid(why)) => assert!(why.contains("invalid type"), "{why}"),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn a_javascript_link_smuggled_into_storage_is_refused() {
    let text = encode(&sample(), now()).replace("https://www.linkedin.com/in/ann-o-neil", "javascript:alert(1)");
    assert!(matches!(decode(&text), Err(LoadError::Invalid(_))));
}

#[test]
fn every_load_error_tells_the_user_what_happened() {
    let messages = [
        LoadError::NotJson("EOF while parsing".into()).to_string(),
        LoadError::NotOurs.to_string(),
        LoadError::NewerVersion { found: 9, supported: 1 }.to_string(),
        LoadError::Invalid("missing field `name`".into()).to_string(),
    ];
    for m in &messages {
        assert!(m.starts_with("The saved data"), "{m}");
    }
    assert!(messages[2].contains("newer version"));
}

#[test]
fn a_full_size_network_is_stored_compact_in_well_under_the_browser_quota_and_reads_back_identically() {
    use follow_up::storage::blocks::{load, raw_bundle, save, MemoryBackend};
    use follow_up::workload::{generate, Size};
    let records = generate(Size::FULL, 7, now());
    // Chromium allows 5 Mi UTF-16 units per site; at least a quarter must stay free, so this
    // stand-in refuses any write beyond three quarters.
    let mut b = MemoryBackend { quota: Some(5 * 1024 * 1024 * 3 / 4), ..Default::default() };
    save(&mut b, "follow-up.data", None, &records, now()).unwrap();
    let units: usize = b.values.iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum();
    assert!(units * 10 < encode(&records, now()).len(), "{units} UTF-16 units: at least 10x smaller than the JSON");
    assert_eq!(load(&b, "follow-up.data").unwrap(), Some(records.clone()));
    let raw = raw_bundle(&b, "follow-up.data").unwrap().unwrap();
    let restored = follow_up::storage::backup::read_backup(&raw).unwrap();
    assert_eq!(restored.records, records, "the raw stored text also restores as a backup");
}

#[test]
fn small_data_stays_plain_json() {
    let stored = follow_up::storage::envelope::encode_for_storage(&sample(), now());
    assert!(stored.starts_with("{\"schema_version\":"));
    assert_eq!(decode(&stored).unwrap(), sample());
}
