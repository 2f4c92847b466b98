//! Backups: a complete file that restores exactly, from any earlier version, and refuses
//! anything else with the reason; merging keeps the newer edit and duplicates nothing.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use follow_up::domain::{ContactDraft, Records};
use follow_up::storage::backup::{backup, backup_file_name, read_backup, BackupError, MAX_BACKUP_BYTES};
use follow_up::workload::{generate, Size};
use proptest::prelude::*;
use support::{t, Scenario};

fn small(seed: u64) -> Records {
    generate(Size { contacts: 40, conversations: 120, opportunities: 8 }, seed, t("2026-11-27 09:00"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
    #[test]
    fn a_backup_restores_exactly_what_was_saved(seed in any::<u64>()) {
        let mut records = small(seed);
        records.settings.my_name = "Sam \"Quote\" Seeker".into();
        records.templates.interest.subject = "Hi {first_name} — ünïcödé".into();
        let restored = read_backup(&backup(&records, t("2026-11-27 09:00"))).unwrap();
        prop_assert_eq!(restored.records, records);
        prop_assert_eq!(restored.saved_at, Some(t("2026-11-27 09:00")));
    }

    #[test]
    fn merging_a_backup_twice_changes_nothing_the_second_time(seed in any::<u64>(), other in any::<u64>()) {
        let mut mine = small(seed);
        let theirs = small(other);
        mine.merge(&theirs);
        let once = mine.clone();
        let second = mine.merge(&theirs);
        prop_assert!(!second.changes_anything());
        prop_assert_eq!(mine, once);
    }
}

#[test]
fn the_file_is_named_with_the_date_and_says_what_it_is() {
    assert_eq!(backup_file_name(t("2026-11-27 09:00")), "follow-up-backup-2026-11-27.json");
    let text = backup(&Records::default(), t("2026-11-27 09:00"));
    assert!(
        text.contains("\"app\": \"follow-up\"")
            && text.contains("\"kind\": \"backup\"")
            && text.contains("\"schema_version\": 1"),
        "{text}"
    );
}

#[test]
fn a_file_from_the_first_format_restores_through_the_migrations() {
    let contents = read_backup(include_str!("fixtures/v0-bare-records.json")).unwrap();
    assert_eq!((contents.version, contents.records.contacts.len(), contents.saved_at), (0, 1, None));
}

#[test]
fn unusable_files_are_refused_with_the_reason() {
    let good = backup(&small(1), t("2026-11-27 09:00"));
    let cases: Vec<(String, &str)> = vec![
        (String::new(), "empty"),
        ("<html>not json</html>".into(), "not valid JSON"),
        (good[..good.len() / 3].into(), "not valid JSON"),
        ("{\"theme\": \"dark\"}".into(), "not Follow-up data"),
        ("{\"schema_version\": 1, \"records\": {\"contacts\": [{\"name\": 7}]}}".into(), "damaged record"),
        ("{\"schema_version\": 99, \"records\": {}}".into(), "newer version"),
    ];
    for (text, why) in cases {
        let err = read_backup(&text).unwrap_err().to_string();
        assert!(err.contains(why), "{why:?} not in {err:?}");
    }
    let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
    assert!(matches!(read_backup(&huge), Err(BackupError::TooLarge(_))));
}

#[test]
fn merging_keeps_the_newer_edit_adds_the_missing_and_duplicates_nothing() {
    let mut s = Scenario::default();
    let ann = s.person("Ann Lee");
    let bob = s.person("Bob Stone");
    let backup_state = s.records.clone();

    // After the backup: Ann is renamed here; the backup has an extra person.
    s.records
        .update_contact(
            ann,
            &ContactDraft { name: "Ann Lee-Smith".into(), ..Default::default() },
            t("2026-02-01 09:00"),
        )
        .unwrap();
    let mut theirs = backup_state;
    let cy = follow_up::domain::ContactId::from_raw(77);
    theirs
        .add_contact(cy, &ContactDraft { name: "Cy Diaz".into(), ..Default::default() }, t("2026-01-15 09:00"))
        .unwrap();

    let preview = s.records.merge_preview(&theirs);
    let report = s.records.merge(&theirs);
    assert_eq!(preview, report);
    assert_eq!((report.contacts.added, report.contacts.updated, report.contacts.kept), (1, 0, 2));
    assert_eq!(s.records.contact(ann).unwrap().name, "Ann Lee-Smith", "the newer edit here wins");
    assert!(s.records.contact(bob).is_some() && s.records.contact(cy).is_some());
    assert_eq!(s.records.contacts.len(), 3);
}
