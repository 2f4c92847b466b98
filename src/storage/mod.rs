//! Keeping the records: the versioned stored format with its migrations (pure, tested
//! natively) and the one adapter that touches the browser's localStorage.

pub mod backup;
pub mod compact;
pub mod envelope;
pub mod error;
mod migrations;
pub mod usage;

#[cfg(target_arch = "wasm32")]
pub mod local;

pub use envelope::{decode, encode, SCHEMA_VERSION};
pub use error::{LoadError, SaveError};
