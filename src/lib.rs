//! Follow-up: a browser-only app that helps a job seeker follow up with everyone they meet.
//!
//! Three layers, dependencies pointing one way only: [`ui`] -> [`storage`] -> [`domain`].
//! `domain` is pure (no web, no clock); `storage` owns the versioned format and the one
//! localStorage adapter; `ui` is the Leptos shell and exists only in the browser build.

pub mod domain;
pub mod storage;
pub mod workload;

#[cfg(target_arch = "wasm32")]
pub mod ui;
