//! Typed storage failures, each worded for the person who has to decide what to do next.

/// Why stored data could not be read. Whatever the reason, the stored text is left as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The text is not JSON at all (truncated, or edited by hand).
    #[error("The saved data is damaged: it is not valid JSON ({0}). It may have been cut off while saving or edited by hand.")]
    NotJson(String),
    /// Valid JSON, but not something this app wrote.
    #[error("The saved data is not Follow-up data.")]
    NotOurs,
    /// Written by a newer version of the app, which this one must not overwrite.
    #[error("The saved data was written by a newer version of Follow-up (format {found}; this version reads up to {supported}). Reload the page to get the newer version.")]
    NewerVersion { found: u64, supported: u32 },
    /// Ours, but a field has the wrong type or value.
    #[error("The saved data has a damaged record: {0}.")]
    Invalid(String),
}

/// Why a save did not happen. What was stored before is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveError {
    /// The browser's storage for this site is full.
    #[error("Not saved: this browser's storage for the app is full. Your last change is still on screen; download a backup, then delete old records to make room.")]
    QuotaExceeded,
    /// Storage is blocked (private mode, site settings) or missing.
    #[error("Not saved: this browser does not let the app store data ({0}). Changes last only until the page is closed; download a backup to keep them.")]
    Unavailable(String),
    /// Any other refusal by the browser.
    #[error("Not saved: the browser refused the write ({0}). Your last change is still on screen; try again.")]
    Failed(String),
}
