//! Large data in blocks: an edit rewrites one block, a failed save changes nothing, and every
//! form reads back exactly (natively, over an in-memory stand-in for localStorage).
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime};
use follow_up::domain::{Records, Role};
use follow_up::storage::blocks::{load, raw_bundle, save, Backend, Loading, MemoryBackend, BLOCK};
use follow_up::storage::SaveError;
use follow_up::workload::{generate, Size};

const KEY: &str = "follow-up.data";

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 30, 0).unwrap()
}

fn network() -> Records {
    generate(Size { contacts: 2_500, conversations: 5_200, opportunities: 120 }, 11, now())
}

/// Counts the writes a save makes.
#[derive(Default)]
struct Counting {
    inner: MemoryBackend,
    writes: Vec<String>,
}

impl Backend for Counting {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        self.writes.push(key.to_owned());
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, SaveError> {
        self.inner.keys()
    }
}

#[test]
fn a_large_network_is_stored_in_blocks_and_reads_back_identically() {
    let records = network();
    let mut b = MemoryBackend::default();
    save(&mut b, KEY, None, &records, now()).unwrap();
    assert!(b.values[KEY].starts_with("FUB1:"), "a manifest under the main key");
    // 3 contact blocks, 6 conversation blocks, 1 opportunity block.
    assert_eq!(b.values.len(), 1 + 3 + 6 + 1);
    assert!(b.values.keys().any(|k| k == "follow-up.data.conversations.5.1"));
    assert!(b.values["follow-up.data.conversations.5.1"].starts_with("FUP1:"), "blocks in their binary form");
    assert_eq!(load(&b, KEY).unwrap(), Some(records));
}

#[test]
fn blocks_saved_as_json_by_an_earlier_version_still_read_and_are_replaced_as_they_change() {
    let records = network();
    let mut b = MemoryBackend::default();
    save(&mut b, KEY, None, &records, now()).unwrap();
    // Rewrite every block the way the previous version stored it: the records as JSON, compact.
    let blocks: Vec<String> = b.values.keys().filter(|k| *k != KEY).cloned().collect();
    for k in &blocks {
        let (kind, index) = {
            let mut parts = k.trim_start_matches("follow-up.data.").split('.');
            (parts.next().unwrap().to_owned(), parts.next().unwrap().parse::<usize>().unwrap())
        };
        let range = index * BLOCK..;
        let json = match kind.as_str() {
            "contacts" => {
                serde_json::to_string(&records.contacts.iter().skip(range.start).take(BLOCK).collect::<Vec<_>>())
            }
            "conversations" => {
                serde_json::to_string(&records.conversations.iter().skip(range.start).take(BLOCK).collect::<Vec<_>>())
            }
            _ => serde_json::to_string(&records.opportunities.iter().skip(range.start).take(BLOCK).collect::<Vec<_>>()),
        }
        .unwrap();
        b.values.insert(k.clone(), follow_up::storage::compact::pack(&json));
    }
    assert!(b.values.iter().filter(|(k, _)| *k != KEY).all(|(_, v)| v.starts_with("FUZ1:")));
    let loaded = load(&b, KEY).unwrap().unwrap();
    assert_eq!(loaded, records);
    // An edit rewrites its block in the new form; the others stay as they are, and all read.
    let mut next = loaded.clone();
    let first = next.contacts[0].id;
    let mut person = follow_up::domain::ContactDraft::from(&next.contacts[0]);
    person.title = "Staff Engineer".into();
    next.update_contact(first, &person, now()).unwrap();
    save(&mut b, KEY, Some(&loaded), &next, now()).unwrap();
    let forms: Vec<&str> = b.values.iter().filter(|(k, _)| *k != KEY).map(|(_, v)| &v[..5]).collect();
    assert_eq!(forms.iter().filter(|f| **f == "FUP1:").count(), 1, "{forms:?}");
    assert_eq!(forms.iter().filter(|f| **f == "FUZ1:").count(), blocks.len() - 1);
    assert_eq!(load(&b, KEY).unwrap(), Some(next));
}

#[test]
fn a_new_conversation_rewrites_one_block_and_the_manifest() {
    let before = network();
    let mut b = Counting::default();
    save(&mut b, KEY, None, &before, now()).unwrap();
    let mut after = before.clone();
    let mut extra = after.conversations[0].clone();
    extra.id = follow_up::domain::ConversationId::from_raw(99_999_999);
    after.conversations.push(extra);
    b.writes.clear();
    save(&mut b, KEY, Some(&before), &after, now()).unwrap();
    assert_eq!(b.writes, ["follow-up.data.conversations.5.2", KEY]);
    assert_eq!(load(&b, KEY).unwrap(), Some(after.clone()));
    // The block it replaced is gone; nothing else is left behind.
    assert!(!b.inner.values.contains_key("follow-up.data.conversations.5.1"));
    assert_eq!(b.inner.values.len(), 11);

    // An edit in the middle of the people: one contact block.
    let mut renamed = after.clone();
    renamed.contacts.get_mut(1_500).unwrap().name = "Renamed Person".into();
    b.writes.clear();
    save(&mut b, KEY, Some(&after), &renamed, now()).unwrap();
    assert_eq!(b.writes, ["follow-up.data.contacts.1.3", KEY]);
    assert_eq!(load(&b, KEY).unwrap(), Some(renamed));
}

#[test]
fn without_knowing_what_is_stored_everything_is_rewritten_and_still_correct() {
    let first = network();
    let mut b = Counting::default();
    save(&mut b, KEY, None, &first, now()).unwrap();
    let mut second = first.clone();
    second.contacts.get_mut(0).unwrap().role = Role::Referrer;
    b.writes.clear();
    save(&mut b, KEY, None, &second, now()).unwrap();
    assert_eq!(b.writes.len(), 11);
    assert_eq!(b.inner.values.len(), 11, "the previous blocks are removed");
    assert_eq!(load(&b, KEY).unwrap(), Some(second));
}

#[test]
fn a_save_that_runs_out_of_space_half_way_changes_nothing() {
    let before = network();
    let mut b = MemoryBackend::default();
    save(&mut b, KEY, None, &before, now()).unwrap();
    let snapshot = b.values.clone();
    let used: usize = b.values.iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum();
    // Room for a few new blocks, not for all of them.
    b.quota = Some(used + used / 4);
    let mut after = before.clone();
    for c in after.contacts.iter_mut() {
        c.notes = format!("changed {}", c.id);
    }
    for c in after.conversations.iter_mut() {
        c.next_step = format!("next {}", c.id);
    }
    assert_eq!(save(&mut b, KEY, Some(&before), &after, now()), Err(SaveError::QuotaExceeded));
    assert_eq!(b.values, snapshot, "not one key changed");
    assert_eq!(load(&b, KEY).unwrap(), Some(before));
}

#[test]
fn shrinking_below_one_block_goes_back_to_plain_json_and_removes_the_blocks() {
    let big = network();
    let mut b = MemoryBackend::default();
    save(&mut b, KEY, None, &big, now()).unwrap();
    let mut small = big.clone();
    small.contacts.truncate(10);
    small.conversations.truncate(10);
    small.opportunities.truncate(1);
    save(&mut b, KEY, Some(&big), &small, now()).unwrap();
    assert_eq!(b.values.len(), 1);
    assert!(b.values[KEY].starts_with("{\"schema_version\":"));
    assert_eq!(load(&b, KEY).unwrap(), Some(small));
    const { assert!(BLOCK >= 21, "the shrunk data fits in one block") };
}

#[test]
fn the_raw_download_of_blocks_restores_as_a_backup() {
    let records = network();
    let mut b = MemoryBackend::default();
    save(&mut b, KEY, None, &records, now()).unwrap();
    b.values.insert("someone-else".into(), "not ours".into());
    let bundle = raw_bundle(&b, KEY).unwrap().unwrap();
    assert!(!bundle.contains("not ours"), "only the app's own keys");
    let restored = follow_up::storage::backup::read_backup(&bundle).unwrap();
    assert_eq!(restored.records, records);
}

#[test]
fn a_missing_or_damaged_block_is_reported_and_nothing_is_guessed() {
    let records = network();
    let mut b = MemoryBackend::default();
    save(&mut b, KEY, None, &records, now()).unwrap();
    let mut missing = b.clone();
    missing.values.remove("follow-up.data.contacts.2.1");
    assert!(matches!(load(&missing, KEY), Err(Loading::Damaged { .. })));
    let mut damaged = b.clone();
    damaged.values.insert("follow-up.data.conversations.0.1".into(), "FUZ1:12:abc".into());
    match load(&damaged, KEY) {
        Err(Loading::Damaged { raw, .. }) => assert!(raw.starts_with("FUB1:")),
        other => panic!("expected damaged, got {other:?}"),
    }
    // One character changed in the middle of a binary block: its checksum no longer matches.
    let mut flipped = b.clone();
    let block = flipped.values.get_mut("follow-up.data.conversations.1.1").unwrap();
    let mut chars: Vec<char> = block.chars().collect();
    let middle = chars.len() / 2;
    chars[middle] = char::from_u32(u32::from(chars[middle]) ^ 0x55).unwrap();
    *block = chars.into_iter().collect();
    assert!(matches!(load(&flipped, KEY), Err(Loading::Damaged { .. })));
}
