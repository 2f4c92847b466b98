//! The one adapter that touches the browser's localStorage.
//!
//! Small data is one `setItem` of the whole envelope: the browser either stores it whole or
//! throws and keeps the previous value. Large data is kept in blocks (see [`super::blocks`]),
//! committed by one final `setItem` of the manifest. Either way a failed write never leaves
//! half-written data.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::NaiveDateTime;
use wasm_bindgen::{JsCast, JsValue};

use super::blocks::{self, Backend};
use super::error::{LoadError, SaveError};
use super::usage::Usage;
use crate::domain::Records;

thread_local! {
    /// Per key, the text this page last read or wrote (wasm runs on one thread).
    static LAST_SEEN: RefCell<HashMap<String, JsValue>> = RefCell::new(HashMap::new());
}

pub use super::DATA_KEY;

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
        let main = self.stored_js()?;
        match blocks::load(&Browser, &self.key) {
            Ok(None) => Ok(Loaded::Fresh),
            Ok(Some(records)) => {
                self.remember(main);
                Ok(Loaded::Found(Box::new(records)))
            }
            Err(blocks::Loading::Storage(e)) => Err(e),
            Err(blocks::Loading::Damaged { raw, error }) => {
                // Blocks are offered together with their manifest, so the download is whole.
                let raw = if blocks::is_manifest(&raw) { self.raw()?.unwrap_or(raw) } else { raw };
                Ok(Loaded::Damaged { raw, error })
            }
        }
    }

    /// Whether the stored text is still exactly what this page last read or wrote, so the
    /// records in memory are current and need not be decoded again (another tab may have
    /// saved since). The comparison happens on the JavaScript side, without copying the text.
    pub fn unchanged(&self) -> bool {
        let Ok(now) = self.stored_js() else { return false };
        LAST_SEEN.with(|last| last.borrow().get(&self.key).is_some_and(|seen| *seen == now))
    }

    fn remember(&self, text: JsValue) {
        LAST_SEEN.with(|last| last.borrow_mut().insert(self.key.clone(), text));
    }

    /// The stored value as a JavaScript string (or null), not copied into Rust.
    fn stored_js(&self) -> Result<JsValue, SaveError> {
        let storage = storage()?;
        let get_item = get_item_js(&storage)?;
        get_item.call1(&storage, &JsValue::from_str(&self.key)).map_err(to_save_error)
    }

    /// The stored text exactly as it is (with its blocks, if any), for download when it
    /// cannot be read; a backup restore reads it back.
    pub fn raw(&self) -> Result<Option<String>, SaveError> {
        blocks::raw_bundle(&Browser, &self.key)
    }

    /// Saves all records; on failure the previously stored value is unchanged.
    pub fn save(&self, records: &Records, now: NaiveDateTime) -> Result<(), SaveError> {
        self.save_over(None, records, now)
    }

    /// Saves `next` knowing that `stored` is what is stored now (the records last loaded or
    /// saved here, see [`LocalStore::unchanged`]): only the blocks that differ are rewritten.
    pub fn save_over(&self, stored: Option<&Records>, next: &Records, now: NaiveDateTime) -> Result<(), SaveError> {
        blocks::save(&mut Browser, &self.key, stored, next, now)?;
        if let Ok(main) = self.stored_js() {
            self.remember(main);
        }
        Ok(())
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

    /// How much of the site's storage is used (every key, the app's and any other).
    pub fn usage(&self) -> Result<Usage, SaveError> {
        let storage = storage()?;
        let count = storage.length().map_err(to_save_error)?;
        // Lengths are read on the JavaScript side: copying megabytes into Rust just to count
        // them would cost more than the save itself.
        let get_item = get_item_js(&storage)?;
        let mut used = 0;
        for i in 0..count {
            let Some(key) = storage.key(i).map_err(to_save_error)? else { continue };
            let value = get_item.call1(&storage, &JsValue::from_str(&key)).map_err(to_save_error)?;
            used += key.encode_utf16().count() + value.dyn_ref::<js_sys::JsString>().map_or(0, |v| v.length() as usize);
        }
        Ok(Usage::new(used))
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

/// localStorage as a [`Backend`]: values cross into Rust only when read.
struct Browser;

impl Backend for Browser {
    fn get(&self, key: &str) -> Result<Option<String>, SaveError> {
        storage()?.get_item(key).map_err(to_save_error)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveError> {
        storage()?.set_item(key, value).map_err(to_save_error)
    }
    fn remove(&mut self, key: &str) -> Result<(), SaveError> {
        storage()?.remove_item(key).map_err(to_save_error)
    }
    fn keys(&self) -> Result<Vec<String>, SaveError> {
        let storage = storage()?;
        let count = storage.length().map_err(to_save_error)?;
        Ok((0..count).filter_map(|i| storage.key(i).ok().flatten()).collect())
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

/// `storage.getItem` as a JavaScript function, so values can be looked at (compared,
/// measured) without copying them into Rust.
fn get_item_js(storage: &web_sys::Storage) -> Result<js_sys::Function, SaveError> {
    js_sys::Reflect::get(storage, &JsValue::from_str("getItem"))
        .map_err(to_save_error)?
        .dyn_into()
        .map_err(to_save_error)
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
