//! Large data kept in blocks, so an edit rewrites one block instead of everything.
//!
//! A network of 30,000 people and 100,000 conversations is 55 MB of JSON; rewriting (and
//! compressing) all of it on every edit takes over a second. Above [`BLOCK`] records the data
//! is split into blocks of [`BLOCK`] contacts, conversations or opportunities, each stored
//! compact under its own key, with a small manifest under the main key:
//!
//! ```text
//! follow-up.data                     FUB1:{"saved_at":…,"revision":7,"blocks":{…},"records":{settings, marks…}}
//! follow-up.data.conversations.12.7  FUP1:…  (conversations 12,000 to 12,999, written at revision 7)
//! ```
//!
//! A save writes the blocks that changed under new keys, then the manifest (the one write
//! that commits), then removes the blocks no longer listed. If any write fails, the keys it
//! wrote are removed and the previous manifest, still pointing at the previous blocks, is
//! intact: nothing is ever half-written. Small data stays one plain JSON value.
//!
//! The storage itself is behind [`Backend`], so all of this runs natively in tests.

use std::sync::Arc;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::binary::BlockItem;
use super::compact;
use super::envelope::{decode, decode_value, encode_for_storage};
use super::error::{LoadError, SaveError};
use crate::domain::shared_list::{same_items, SharedList};
use crate::domain::Records;

/// Where the text lives: localStorage in the browser, a map in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError>;
    fn remove(&mut self, key: &str) -> Result<(), SaveError>;
    /// Every key stored.
    fn keys(&self) -> Result<Vec<String>, SaveError>;
}

/// Records per block, and the size above which data is kept in blocks.
pub const BLOCK: usize = 1000;

/// Marks a manifest (the main key's value when the data is in blocks).
const MANIFEST: &str = "FUB1:";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Blocks {
    contacts: Vec<String>,
    conversations: Vec<String>,
    opportunities: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    saved_at: NaiveDateTime,
    revision: u64,
    blocks: Blocks,
    /// The envelope of everything else (settings, templates, marks, bounces) with the three
    /// long lists empty: the same format, with its schema version, as unblocked data.
    records: Value,
}

/// Whether stored text is a manifest of blocks.
pub fn is_manifest(text: &str) -> bool {
    text.starts_with(MANIFEST)
}

fn read_manifest(text: &str) -> Result<Manifest, LoadError> {
    let json = text.strip_prefix(MANIFEST).ok_or(LoadError::NotOurs)?;
    serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))
}

/// Reads the records stored under `key`, in any form (plain, compact or blocks). `Ok(None)`
/// when nothing is stored.
pub fn load(b: &impl Backend, key: &str) -> Result<Option<Records>, Loading> {
    let Some(text) = b.get(key).map_err(Loading::Storage)? else { return Ok(None) };
    if !is_manifest(&text) {
        return decode(&text).map(Some).map_err(|error| Loading::Damaged { raw: text, error });
    }
    let damaged = |error: LoadError| Loading::Damaged { raw: text.clone(), error };
    let manifest = read_manifest(&text).map_err(damaged)?;
    let mut records = decode_value(manifest.records.clone()).map_err(damaged)?;
    fn fill<T: serde::de::DeserializeOwned + BlockItem>(
        b: &impl Backend,
        keys: &[String],
        into: &mut SharedList<T>,
    ) -> Result<(), LoadError> {
        for k in keys {
            let text = b
                .get(k)
                .map_err(|e| LoadError::Invalid(format!("block {k} could not be read: {e}")))?
                .ok_or_else(|| LoadError::Invalid(format!("block {k} is missing")))?;
            let items: Vec<T> = if compact::is_binary(&text) {
                T::decode(&compact::unpack_binary(&text)?).map_err(|e| LoadError::Invalid(format!("block {k}: {e}")))?
            } else {
                // Blocks written before the binary form (they stay until their records change).
                serde_json::from_str(&compact::unpack(&text)?)
                    .map_err(|e| LoadError::Invalid(format!("block {k}: {e}")))?
            };
            into.extend(items);
        }
        Ok(())
    }
    fill(b, &manifest.blocks.contacts, &mut records.contacts).map_err(damaged)?;
    fill(b, &manifest.blocks.conversations, &mut records.conversations).map_err(damaged)?;
    fill(b, &manifest.blocks.opportunities, &mut records.opportunities).map_err(damaged)?;
    Ok(Some(records))
}

/// Why [`load`] found no records.
#[derive(Debug, Clone, PartialEq)]
pub enum Loading {
    /// The storage itself refused.
    Storage(SaveError),
    /// Something is stored but cannot be read; `raw` is the main key's text.
    Damaged { raw: String, error: LoadError },
}

/// Saves `next` under `key`. `stored` is what is stored now, if the caller knows it (the
/// records it last loaded or saved, unchanged since): blocks equal in both are not rewritten.
/// On failure what was stored before is unchanged.
pub fn save(
    b: &mut impl Backend,
    key: &str,
    stored: Option<&Records>,
    next: &Records,
    now: NaiveDateTime,
) -> Result<(), SaveError> {
    let old = b.get(key)?.filter(|t| is_manifest(t)).and_then(|t| read_manifest(&t).ok());
    let old_keys: Vec<String> = old.as_ref().map(|m| all_keys(&m.blocks)).unwrap_or_default();
    let total = next.contacts.len() + next.conversations.len() + next.opportunities.len();
    if total <= BLOCK {
        b.set(key, &encode_for_storage(next, now))?;
        remove_all(b, &old_keys);
        return Ok(());
    }
    let revision = old.as_ref().map_or(1, |m| m.revision + 1);
    let old_blocks = old.map(|m| m.blocks).unwrap_or_default();
    // Reusing a block is only safe when the caller's idea of what is stored is current.
    let reuse = stored.filter(|_| !old_keys.is_empty());
    let mut written: Vec<String> = Vec::new();
    let result = (|| {
        // Each list: its blocks that differ from what is stored are written.
        macro_rules! list {
            ($kind:ident) => {
                write_list(
                    b,
                    key,
                    stringify!($kind),
                    revision,
                    next.$kind.shared(),
                    reuse.map(|r| (r.$kind.shared(), &old_blocks.$kind[..])),
                    &mut written,
                )?
            };
        }
        let blocks = Blocks {
            contacts: list!(contacts),
            conversations: list!(conversations),
            opportunities: list!(opportunities),
        };
        let rest = Records {
            contacts: SharedList::new(),
            conversations: SharedList::new(),
            opportunities: SharedList::new(),
            marks: next.marks.clone(),
            settings: next.settings.clone(),
            templates: next.templates.clone(),
            bounces: next.bounces.clone(),
        };
        let records: Value = serde_json::from_str(&super::envelope::encode(&rest, now))
            .map_err(|e| SaveError::Failed(format!("could not encode the settings: {e}")))?;
        let manifest = Manifest { saved_at: now, revision, blocks, records };
        let text = serde_json::to_string(&manifest)
            .map_err(|e| SaveError::Failed(format!("could not encode the manifest: {e}")))?;
        b.set(key, &format!("{MANIFEST}{text}"))?;
        Ok(manifest.blocks)
    })();
    match result {
        Ok(blocks) => {
            let kept = all_keys(&blocks);
            let gone: Vec<String> = old_keys.into_iter().filter(|k| !kept.contains(k)).collect();
            remove_all(b, &gone);
            Ok(())
        }
        Err(e) => {
            remove_all(b, &written);
            Err(e)
        }
    }
}

/// Writes the blocks of one list that differ from what is stored; returns every block's key.
fn write_list<T: BlockItem + PartialEq>(
    b: &mut impl Backend,
    key: &str,
    kind: &str,
    revision: u64,
    items: &[Arc<T>],
    stored: Option<(&[Arc<T>], &[String])>,
    written: &mut Vec<String>,
) -> Result<Vec<String>, SaveError> {
    let mut keys = Vec::new();
    for (i, block) in items.chunks(BLOCK).enumerate() {
        let same = stored.and_then(|(old_items, old_keys)| {
            let old_block = old_items.get(i * BLOCK..((i + 1) * BLOCK).min(old_items.len()))?;
            // Items the edit did not touch are still shared with what is stored.
            same_items(old_block, block).then(|| old_keys.get(i).cloned()).flatten()
        });
        if let Some(k) = same {
            keys.push(k);
            continue;
        }
        let k = format!("{key}.{kind}.{i}.{revision}");
        let bytes = T::encode(block).map_err(|e| SaveError::Failed(format!("could not encode {kind}: {e}")))?;
        b.set(&k, &compact::pack_binary(&bytes))?;
        written.push(k.clone());
        keys.push(k);
    }
    Ok(keys)
}

fn all_keys(blocks: &Blocks) -> Vec<String> {
    blocks.contacts.iter().chain(&blocks.conversations).chain(&blocks.opportunities).cloned().collect()
}

/// Best effort: a block left behind costs space, never data.
fn remove_all(b: &mut impl Backend, keys: &[String]) {
    for k in keys {
        let _ = b.remove(k);
    }
}

/// Everything stored under `key` (the main value and every block) as one JSON text that
/// [`super::backup::read_backup`] restores: what "download the raw data" offers.
pub fn raw_bundle(b: &impl Backend, key: &str) -> Result<Option<String>, SaveError> {
    let Some(main) = b.get(key)? else { return Ok(None) };
    if !is_manifest(&main) {
        return Ok(Some(main));
    }
    let mut values = serde_json::Map::new();
    let prefix = format!("{key}.");
    for k in b.keys()? {
        if k == key || k.starts_with(&prefix) {
            if let Some(v) = b.get(&k)? {
                values.insert(k, Value::String(v));
            }
        }
    }
    Ok(Some(serde_json::json!({ "follow_up_raw": { "key": key, "values": values } }).to_string()))
}

/// A [`Backend`] over a map: for tests, and for reading a raw bundle back.
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    pub values: std::collections::BTreeMap<String, String>,
    /// Refuse any write that would take the total above this many UTF-16 units.
    pub quota: Option<usize>,
}

impl MemoryBackend {
    fn used(&self) -> usize {
        self.values.iter().map(|(k, v)| k.encode_utf16().count() + v.encode_utf16().count()).sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        Ok(self.values.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        if let Some(quota) = self.quota {
            let replaced = self.values.get(key).map_or(0, |v| key.encode_utf16().count() + v.encode_utf16().count());
            if self.used() - replaced + key.encode_utf16().count() + value.encode_utf16().count() > quota {
                return Err(SaveError::QuotaExceeded);
            }
        }
        self.values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        self.values.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, SaveError> {
        Ok(self.values.keys().cloned().collect())
    }
}
