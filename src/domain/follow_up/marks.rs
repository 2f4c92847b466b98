//! What the user did with a follow-up that is not itself a conversation: snoozed it, skipped
//! it, or ticked one that has no person to log a conversation with.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// The user's decision about one follow-up step, identified by its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    pub key: String,
    pub outcome: Outcome,
    pub at: NaiveDateTime,
}

/// What was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// Done outside the app's records (no person to log a conversation with).
    Done,
    /// Not going to do it, and why.
    Skipped { reason: String },
    /// Not before this day.
    Snoozed { until: NaiveDate },
}
