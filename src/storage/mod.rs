//! Keeping the records: the versioned stored format with its migrations (pure, tested
//! natively) and the one adapter that touches the browser's localStorage.

pub mod backup;
pub mod binary;
pub mod blocks;
pub mod compact;
pub mod envelope;
pub mod error;
mod migrations;
pub mod usage;

#[cfg(target_arch = "wasm32")]
pub mod local;

pub use envelope::{decode, encode, SCHEMA_VERSION};
pub use error::{LoadError, SaveError};

/// The localStorage key the app's records live under (blocks of large data under `key.*`).
pub const DATA_KEY: &str = "follow-up.data";
