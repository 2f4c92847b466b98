//! The stored format: the records wrapped in an envelope that names its schema version.
//!
//! ```json
//! {"schema_version": 1, "saved_at": "2026-11-27T09:30:00", "records": {"contacts": [...], ...}}
//! ```

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::compact;
use super::error::LoadError;
use super::migrations;
use crate::domain::Records;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = migrations::CURRENT;

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema_version: u32,
    saved_at: NaiveDateTime,
    records: &'a Records,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    #[allow(dead_code)] // part of the format; read by backups, not by loading
    saved_at: Option<NaiveDateTime>,
    records: Records,
}

/// The stored text for `records`, saved at `now`.
pub fn encode(records: &Records, now: NaiveDateTime) -> String {
    let envelope = EnvelopeOut { schema_version: SCHEMA_VERSION, saved_at: now, records };
    // Serialising these plain types cannot fail: no maps with non-string keys, no custom errors.
    serde_json::to_string(&envelope).unwrap_or_else(|_| unreachable!("records always serialise"))
}

/// The text to store for `records`: the envelope's JSON, in the compact form when it is large.
pub fn encode_for_storage(records: &Records, now: NaiveDateTime) -> String {
    let json = encode(records, now);
    if json.len() > compact::COMPACT_ABOVE {
        compact::pack(&json)
    } else {
        json
    }
}

/// Reads stored text (plain or compact) of any version this build knows, migrating older ones.
pub fn decode(text: &str) -> Result<Records, LoadError> {
    let unpacked;
    let json = if compact::is_compact(text) {
        unpacked = compact::unpack(text)?;
        unpacked.as_str()
    } else {
        text
    };
    let value: Value = serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))?;
    decode_value(value)
}

/// Reads already-parsed JSON of any version this build knows (backups share the format).
pub fn decode_value(value: Value) -> Result<Records, LoadError> {
    let version = version_of(&value)?;
    let current = migrations::upgrade(value, version)?;
    let envelope: EnvelopeIn = serde_json::from_value(current).map_err(|e| LoadError::Invalid(e.to_string()))?;
    Ok(envelope.records)
}

/// The schema version of stored JSON; bare records (no envelope) are version 0.
fn version_of(value: &Value) -> Result<u32, LoadError> {
    let Value::Object(map) = value else {
        return Err(LoadError::NotOurs);
    };
    match map.get("schema_version") {
        Some(Value::Number(n)) => {
            let found = n.as_u64().ok_or(LoadError::NotOurs)?;
            if found > u64::from(SCHEMA_VERSION) {
                return Err(LoadError::NewerVersion { found, supported: SCHEMA_VERSION });
            }
            u32::try_from(found).map_err(|_| LoadError::NotOurs)
        }
        Some(_) => Err(LoadError::NotOurs),
        None if ["contacts", "conversations", "opportunities"].iter().any(|k| map.contains_key(*k)) => Ok(0),
        None => Err(LoadError::NotOurs),
    }
}
