//! Upgrades stored data from every earlier format to the current one, one version at a time.
//!
//! Migrations work on untyped JSON so that old shapes never need Rust types of their own.
//! To change the format: bump `SCHEMA_VERSION`, append one step here, and add a fixture test.

use serde_json::{Map, Value};

use super::error::LoadError;

/// One upgrade step: turns data of version `n` into version `n + 1`.
type Step = fn(Value) -> Result<Value, LoadError>;

/// `STEPS[n]` upgrades version `n` to `n + 1`.
const STEPS: &[Step] = &[v0_to_v1];

/// The version this build writes.
pub const CURRENT: u32 = STEPS.len() as u32;

/// Brings `value`, stored at `version`, up to [`CURRENT`].
pub fn upgrade(mut value: Value, version: u32) -> Result<Value, LoadError> {
    for step in STEPS.iter().skip(version as usize) {
        value = step(value)?;
    }
    Ok(value)
}

/// Version 0 is the records object stored bare, before the envelope existed: wrap it.
fn v0_to_v1(value: Value) -> Result<Value, LoadError> {
    let Value::Object(records) = value else {
        return Err(LoadError::NotOurs);
    };
    let mut envelope = Map::new();
    envelope.insert("schema_version".into(), Value::from(1));
    envelope.insert("saved_at".into(), Value::Null);
    envelope.insert("records".into(), Value::Object(records));
    Ok(Value::Object(envelope))
}
