//! The one adapter that touches the browser's localStorage.
//!
//! A save is a single `setItem` of the whole envelope: the browser either stores it whole or
//! throws and keeps the previous value, so a failed write never leaves half-written data.

use chrono::NaiveDateTime;
use wasm_bindgen::{JsCast, JsValue};

use super::envelope::{decode, encode};
use super::error::{LoadError, SaveError};
use crate::domain::Records;

/// The key the app's records live under.
pub const DATA_KEY: &str = "follow-up.data";

/// What was found in storage at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet: a first visit.
    Fresh,
    /// The records, migrated to the current version if they were older.
    Found(Box<Records>),
    /// Something is stored but cannot be read; it is left untouched.
    Damaged { raw: String, error: LoadError },
}

/// Reads and writes the records under one localStorage key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalStore {
    key: String,
}

impl LocalStore {
    /// Opens the store under `key`, checking that this browser lets the page use storage.
    pub fn open(key: impl Into<String>) -> Result<Self, SaveError> {
        storage()?;
        Ok(Self { key: key.into() })
    }

    /// The key this store writes.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Reads what is stored.
    pub fn load(&self) -> Result<Loaded, SaveError> {
        let Some(raw) = self.raw()? else {
            return Ok(Loaded::Fresh);
        };
        Ok(match decode(&raw) {
            Ok(records) => Loaded::Found(Box::new(records)),
            Err(error) => Loaded::Damaged { raw, error },
        })
    }

    /// The stored text exactly as it is, for download when it cannot be read.
    pub fn raw(&self) -> Result<Option<String>, SaveError> {
        storage()?.get_item(&self.key).map_err(to_save_error)
    }

    /// Saves all records; on failure the previously stored value is unchanged.
    pub fn save(&self, records: &Records, now: NaiveDateTime) -> Result<(), SaveError> {
        storage()?.set_item(&self.key, &encode(records, now)).map_err(to_save_error)
    }

    /// Moves unreadable data aside under a dated key so the app can start afresh without
    /// destroying it. Returns the key it was moved to.
    pub fn set_aside(&self, now: NaiveDateTime) -> Result<Option<String>, SaveError> {
        let storage = storage()?;
        let Some(raw) = storage.get_item(&self.key).map_err(to_save_error)? else {
            return Ok(None);
        };
        let aside = format!("{}.unreadable-{}", self.key, now.format("%Y%m%dT%H%M%S"));
        // Copy first, delete second: if the copy does not fit, nothing is lost.
        storage.set_item(&aside, &raw).map_err(to_save_error)?;
        storage.remove_item(&self.key).map_err(to_save_error)?;
        Ok(Some(aside))
    }

    /// Deletes the stored records (tests and "delete all my data").
    pub fn clear(&self) -> Result<(), SaveError> {
        storage()?.remove_item(&self.key).map_err(to_save_error)
    }

    /// Deletes everything the app keeps in this browser's storage: the records and any copies
    /// set aside (every key starting with this store's key). Returns how many keys went.
    pub fn delete_everything(&self) -> Result<usize, SaveError> {
        let storage = storage()?;
        let count = storage.length().map_err(to_save_error)?;
        let mine: Vec<String> =
            (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(&self.key)).collect();
        for key in &mine {
            storage.remove_item(key).map_err(to_save_error)?;
        }
        Ok(mine.len())
    }
}

fn storage() -> Result<web_sys::Storage, SaveError> {
    let window = web_sys::window().ok_or_else(|| SaveError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(SaveError::Unavailable("localStorage is missing".into())),
        Err(e) => Err(SaveError::Unavailable(describe(&e))),
    }
}

fn to_save_error(e: JsValue) -> SaveError {
    let name = e.dyn_ref::<web_sys::DomException>().map(|d| d.name()).unwrap_or_default();
    match name.as_str() {
        // Chromium and Safari say QuotaExceededError; old Firefox used its own name.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::QuotaExceeded,
        "SecurityError" => SaveError::Unavailable(describe(&e)),
        _ => SaveError::Failed(describe(&e)),
    }
}

fn describe(e: &JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}
