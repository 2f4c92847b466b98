//! The app's single source of truth, provided in context: the records, where they are
//! saved, and the status line that announces what happened.

use leptos::prelude::*;

use super::clock;
use chrono::NaiveDateTime;

use crate::domain::follow_up::{agenda_on, Agenda};
use crate::domain::{EditError, FieldError, Records};
use crate::storage::local::LocalStore;
use crate::storage::usage::Usage;
use crate::storage::SaveError;

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Something worked ("Saved Ann Lee").
    Done(String),
    /// Something did not (announced assertively).
    Problem(String),
}

/// Why an action did not happen. Nothing was changed or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    /// Some fields need fixing; the messages go next to them.
    Invalid(Vec<FieldError>),
    /// The record was deleted meanwhile.
    Gone,
    /// The change was valid but could not be saved; the form keeps what was typed.
    NotSaved(SaveError),
}

impl ActionError {
    /// The message for one field, if any.
    pub fn field(&self, name: &str) -> Option<String> {
        match self {
            ActionError::Invalid(errors) => errors.iter().find(|e| e.field == name).map(|e| e.message.clone()),
            _ => None,
        }
    }

    /// A sentence about the whole form.
    pub fn summary(&self) -> String {
        match self {
            ActionError::Invalid(errors) if errors.len() == 1 => "One field needs attention.".into(),
            ActionError::Invalid(errors) => format!("{} fields need attention.", errors.len()),
            ActionError::Gone => EditError::NotFound.to_string(),
            ActionError::NotSaved(e) => e.to_string(),
        }
    }
}

impl From<EditError> for ActionError {
    fn from(e: EditError) -> Self {
        match e {
            EditError::NotFound => ActionError::Gone,
            EditError::Invalid(errors) => ActionError::Invalid(errors),
        }
    }
}

/// Everything the screens share.
#[derive(Debug, Clone, Copy)]
pub struct AppState {
    /// All records: the one source of truth.
    pub records: RwSignal<Records>,
    /// The current time, refreshed every half minute so "due today" stays true.
    pub now: RwSignal<NaiveDateTime>,
    /// Every follow-up, derived from the records and the time.
    pub agenda: Memo<Agenda>,
    /// The latest status message.
    pub status: RwSignal<Option<Status>>,
    /// How many screens were shown since the status was set: it stays for the screen an
    /// action leads to, then clears.
    status_age: RwSignal<u8>,
    /// Where records are saved; `None` when the browser refuses storage (session only).
    store: StoredValue<Option<LocalStore>>,
    /// The records as they were before the last restore, for its undo.
    before_restore: StoredValue<Option<Records>>,
    /// How full the site's storage is, measured at start-up and after every save.
    pub storage_use: RwSignal<Option<Usage>>,
}

impl AppState {
    /// State over `records`, saved to `store` when there is one.
    pub fn new(records: Records, store: Option<LocalStore>) -> Self {
        let records = RwSignal::new(records);
        let now = RwSignal::new(clock::now());
        // The clock ticks every 30 s; the agenda only changes when the day does.
        let today = Memo::new(move |_| now.get().date());
        let agenda = Memo::new(move |_| records.with(|r| agenda_on(r, today.get())));
        Self {
            records,
            now,
            agenda,
            status: RwSignal::new(None),
            status_age: RwSignal::new(0),
            storage_use: RwSignal::new(store.as_ref().and_then(|s| s.usage().ok())),
            store: StoredValue::new(store),
            before_restore: StoredValue::new(None),
        }
    }

    /// Measures the storage again (after a save, a restore, a delete).
    fn measure_storage(&self) {
        let usage = self.store.with_value(|s| s.as_ref().and_then(|s| s.usage().ok()));
        if self.storage_use.get_untracked() != usage {
            self.storage_use.set(usage);
        }
    }

    /// Whether changes are being kept beyond this session.
    pub fn is_persistent(&self) -> bool {
        self.store.with_value(Option::is_some)
    }

    /// Applies a change to a copy of the records, saves the copy, and only then shows it.
    /// If validation or the save fails, nothing changes and the caller keeps the user's input.
    pub fn change<T>(
        &self,
        apply: impl FnOnce(&mut Records, chrono::NaiveDateTime) -> Result<T, EditError>,
    ) -> Result<T, ActionError> {
        let now = clock::now();
        // Start from what is stored now: another tab may have saved since this one last
        // looked, and its edits must not be overwritten. (When nothing changed, what is in
        // memory is current: decoding a large network again would cost seconds.)
        let current = self.store.with_value(|s| s.as_ref().is_none_or(LocalStore::unchanged));
        let mut next =
            if current { None } else { self.latest_stored() }.unwrap_or_else(|| self.records.get_untracked());
        let out = apply(&mut next, now)?;
        if let Some(store) = self.store.get_value() {
            // What is on screen is what is stored: only the blocks that differ are rewritten.
            let saved = if current {
                self.records.with_untracked(|stored| store.save_over(Some(stored), &next, now))
            } else {
                store.save(&next, now)
            };
            if let Err(e) = saved {
                self.tell(Status::Problem(e.to_string()));
                return Err(ActionError::NotSaved(e));
            }
            self.measure_storage();
        }
        self.records.set(next);
        Ok(out)
    }

    /// The records as currently stored, if they can be read.
    pub fn latest_stored(&self) -> Option<Records> {
        match self.store.get_value()?.load() {
            Ok(crate::storage::local::Loaded::Found(records)) => Some(*records),
            _ => None,
        }
    }

    /// Shows what another tab saved.
    pub fn refresh_from_storage(&self) {
        if self.store.with_value(|s| s.as_ref().is_none_or(LocalStore::unchanged)) {
            return;
        }
        if let Some(records) = self.latest_stored() {
            if self.records.with_untracked(|current| *current != records) {
                self.records.set(records);
            }
        }
    }

    /// The localStorage key this state is saved under, if any.
    pub fn storage_key(&self) -> Option<String> {
        self.store.with_value(|s| s.as_ref().map(|s| s.key().to_owned()))
    }

    /// Deletes everything stored and starts empty, without saving anything back.
    pub fn delete_everything(&self) -> Result<usize, SaveError> {
        let deleted = match self.store.get_value() {
            Some(store) => store.delete_everything()?,
            None => 0,
        };
        self.before_restore.set_value(None);
        self.records.set(Records::default());
        self.measure_storage();
        Ok(deleted)
    }

    /// Keeps the records as they were before a restore.
    pub fn keep_before_restore(&self, records: Records) {
        self.before_restore.set_value(Some(records));
    }

    /// Takes the records kept before the last restore.
    pub fn take_before_restore(&self) -> Option<Records> {
        let kept = self.before_restore.get_value();
        self.before_restore.set_value(None);
        kept
    }

    /// Announces that something worked.
    pub fn say(&self, message: impl Into<String>) {
        self.tell(Status::Done(message.into()));
    }

    /// Shows a status message.
    pub fn tell(&self, status: Status) {
        self.status_age.set(0);
        self.status.set(Some(status));
    }

    /// Called on every change of screen: a message outlives the screen it led to, no more.
    pub fn screen_changed(&self) {
        let age = self.status_age.get_untracked().saturating_add(1);
        self.status_age.set(age);
        if age >= 2 {
            self.status.set(None);
        }
    }
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
