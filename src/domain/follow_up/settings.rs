//! The timings the follow-up rules use. Every default is the guide's own figure; the user can
//! change each one.

use serde::{Deserialize, Serialize};

/// Follow-up timings and preferences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Follow up this many hours after meeting someone new (guide #1: 24 hours).
    pub new_contact_hours: u32,
    /// Thank an introducer and reach out to the person introduced within this many hours ("right away").
    pub introduction_hours: u32,
    /// Reach out to a warm connection at a target company within this many days (guide #1: 5-7 days).
    pub warm_connection_days: u32,
    /// Keep in touch: check in no sooner than this many days after the last interaction (guide #1: 3 months)...
    pub keep_in_touch_earliest_days: u32,
    /// ...and no later than this many (guide #1: 4 months, "at least once a quarter").
    pub keep_in_touch_due_days: u32,
    /// After applying online, follow up no sooner than this many hours (guide #2: 24)...
    pub application_earliest_hours: u32,
    /// ...and no later than this many (guide #2: 48).
    pub application_due_hours: u32,
    /// When a contact shared my resume, follow up within this many days (guide #2: one week).
    pub resume_shared_days: u32,
    /// With no answer, the next follow-up no sooner than this many days after the last (guide #2: 1 week)...
    pub nudge_earliest_days: u32,
    /// ...and no later than this many (guide #2: 2 weeks; "a couple of weeks apart").
    pub nudge_due_days: u32,
    /// Follow-ups after an application before the app suggests focusing elsewhere (guide #2: twice).
    pub application_max_follow_ups: u32,
    /// Thank everyone involved within this many hours of an interview (guide #3: 24).
    pub thank_you_hours: u32,
    /// Check in this many days after an interview unless they gave a date (guide #3: a week).
    pub interview_check_in_days: u32,
    /// Then, with no answer, every this many days... (guide #3: bi-weekly)
    pub interview_repeat_days: u32,
    /// ...for this many attempts...
    pub interview_repeat_times: u32,
    /// ...then monthly (guide #3: "then once per month").
    pub interview_monthly_days: u32,
    /// Unanswered attempts after the one-week check-in before the ladder stops (guide #3: "a few").
    pub interview_max_attempts: u32,
    /// Reply to someone who reached out within this many hours.
    pub reply_hours: u32,
    /// Warn when an outreach follows the last one to the same person sooner than this (guide: "every couple of weeks").
    pub spacing_days: u32,
    /// Move due dates that fall on a Saturday or Sunday to Monday 09:00.
    pub skip_weekends: bool,
    /// My name, for greetings and signatures in drafts.
    pub my_name: String,
    /// The signature appended to drafts.
    pub signature: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            new_contact_hours: 24,
            introduction_hours: 24,
            warm_connection_days: 7,
            keep_in_touch_earliest_days: 90,
            keep_in_touch_due_days: 120,
            application_earliest_hours: 24,
            application_due_hours: 48,
            resume_shared_days: 7,
            nudge_earliest_days: 7,
            nudge_due_days: 14,
            application_max_follow_ups: 2,
            thank_you_hours: 24,
            interview_check_in_days: 7,
            interview_repeat_days: 14,
            interview_repeat_times: 2,
            interview_monthly_days: 30,
            interview_max_attempts: 3,
            reply_hours: 24,
            spacing_days: 14,
            skip_weekends: false,
            my_name: String::new(),
            signature: String::new(),
        }
    }
}

impl Settings {
    /// Checks that windows make sense (earliest never after due, caps at least one).
    pub fn problems(&self) -> Vec<super::super::FieldError> {
        use super::super::FieldError;
        let mut errors = Vec::new();
        if self.keep_in_touch_earliest_days > self.keep_in_touch_due_days {
            errors.push(FieldError::new(
                "keep_in_touch_due_days",
                "The latest check-in cannot come before the earliest.",
            ));
        }
        if self.application_earliest_hours > self.application_due_hours {
            errors.push(FieldError::new(
                "application_due_hours",
                "The latest follow-up cannot come before the earliest.",
            ));
        }
        if self.nudge_earliest_days > self.nudge_due_days {
            errors.push(FieldError::new("nudge_due_days", "The latest nudge cannot come before the earliest."));
        }
        if self.application_max_follow_ups == 0 {
            errors.push(FieldError::new("application_max_follow_ups", "Allow at least one follow-up."));
        }
        errors
    }
}
