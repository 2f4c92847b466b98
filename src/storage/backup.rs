//! Backup files: the whole state as one versioned JSON file to download, and reading one back
//! (any earlier version, through the same migrations as storage) with a clear reason when a
//! file cannot be used.

use chrono::NaiveDateTime;
use serde::Serialize;
use serde_json::Value;

use super::envelope::{decode_value, SCHEMA_VERSION};
use super::error::LoadError;
use crate::domain::Records;

/// Larger than any real search (30,000 people and 100,000 conversations is about 40 MB).
pub const MAX_BACKUP_BYTES: usize = 64 * 1024 * 1024;

#[derive(Serialize)]
struct BackupOut<'a> {
    app: &'static str,
    kind: &'static str,
    schema_version: u32,
    saved_at: NaiveDateTime,
    records: &'a Records,
}

/// The text of a backup file of `records`, made at `now`.
pub fn backup(records: &Records, now: NaiveDateTime) -> String {
    let out = BackupOut { app: "follow-up", kind: "backup", schema_version: SCHEMA_VERSION, saved_at: now, records };
    // Plain data with string keys: serialising cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_else(|_| unreachable!("records always serialise"))
}

/// The file name for a backup made on a day: `follow-up-backup-2026-11-27.json`.
pub fn backup_file_name(now: NaiveDateTime) -> String {
    format!("follow-up-backup-{}.json", now.format("%Y-%m-%d"))
}

/// What a backup file holds, shown before restoring it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackupContents {
    pub records: Records,
    /// The format version the file was written in (older ones are migrated).
    pub version: u64,
    /// When it was made, if the file says.
    pub saved_at: Option<NaiveDateTime>,
}

/// Why a file cannot be restored. Nothing is changed in any case.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("The file is empty.")]
    Empty,
    #[error("The file is too large to be a Follow-up backup ({0} MB; backups are far smaller).")]
    TooLarge(usize),
    #[error("This is not a Follow-up backup: {0}")]
    Unreadable(String),
}

/// Reads a backup file (or a raw stored-data file) of any version this app knows.
pub fn read_backup(text: &str) -> Result<BackupContents, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge(text.len() / (1024 * 1024)));
    }
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    // The raw stored data of a large network is in the compact form (see `compact`).
    let unpacked;
    let text = if super::compact::is_compact(text) {
        unpacked = super::compact::unpack(text).map_err(|e| BackupError::Unreadable(e.to_string()))?;
        unpacked.as_str()
    } else {
        text
    };
    let value: Value = serde_json::from_str(text)
        .map_err(|e| BackupError::Unreadable(LoadError::NotJson(e.to_string()).to_string()))?;
    // The raw data of a large network: a manifest and its blocks, as the app stored them.
    if let Some(raw) = value.get("follow_up_raw") {
        return read_raw_bundle(raw);
    }
    let version = value.get("schema_version").and_then(Value::as_u64).unwrap_or(0);
    let saved_at = value.get("saved_at").and_then(Value::as_str).and_then(|s| s.parse::<NaiveDateTime>().ok());
    let records = decode_value(value).map_err(|e| BackupError::Unreadable(e.to_string()))?;
    Ok(BackupContents { records, version, saved_at })
}

fn read_raw_bundle(raw: &Value) -> Result<BackupContents, BackupError> {
    let unreadable = |why: String| BackupError::Unreadable(why);
    let key = raw.get("key").and_then(Value::as_str).ok_or_else(|| unreadable("the raw data names no key".into()))?;
    let values =
        raw.get("values").and_then(Value::as_object).ok_or_else(|| unreadable("the raw data has no values".into()))?;
    let mut memory = super::blocks::MemoryBackend::default();
    for (k, v) in values {
        memory.values.insert(k.clone(), v.as_str().unwrap_or_default().to_owned());
    }
    match super::blocks::load(&memory, key) {
        Ok(Some(records)) => Ok(BackupContents { records, version: u64::from(SCHEMA_VERSION), saved_at: None }),
        Ok(None) => Err(unreadable("the raw data is empty".into())),
        Err(super::blocks::Loading::Damaged { error, .. }) => Err(unreadable(error.to_string())),
        Err(super::blocks::Loading::Storage(e)) => Err(unreadable(e.to_string())),
    }
}
