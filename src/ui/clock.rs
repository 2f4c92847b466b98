//! The shell's only sources of time and randomness: the local wall clock and new record ids.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::Id;

/// The current local date and time, to the second.
pub fn now() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds()))
        // The browser's Date always has valid fields; the epoch is a harmless fallback.
        .unwrap_or_default()
}

/// The current time in UTC (for calendar and card timestamps).
pub fn now_utc() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_utc_full_year() as i32, d.get_utc_month() + 1, d.get_utc_date())
        .and_then(|day| day.and_hms_opt(d.get_utc_hours(), d.get_utc_minutes(), d.get_utc_seconds()))
        .unwrap_or_default()
}

/// A new random record id.
pub fn new_id<T>() -> Id<T> {
    Id::from_raw(random_u128())
}

/// 128 random bits from the browser's CSPRNG, or from `Math.random` if that is missing.
fn random_u128() -> u128 {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    u128::from_le_bytes(bytes)
}
