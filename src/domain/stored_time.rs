//! Reading stored dates and times fast: the exact forms chrono writes (`2026-11-27`,
//! `2026-11-27T18:30:00`, with an optional fraction of a second) are read digit by digit, and
//! anything else goes to chrono's own parser, which stays the authority.
//!
//! Why: a full network stores 400,000 of them, and chrono's general parser was half of the
//! time it took to read the records back (natively 170 of 300 ms; more in the browser).
//! Writing is unchanged (chrono's `Serialize`).

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// The digits at `range` as a number, if they are all ASCII digits.
fn number(bytes: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    bytes.get(range)?.iter().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

/// `YYYY-MM-DD` at the start of `bytes`.
fn fast_date(bytes: &[u8]) -> Option<NaiveDate> {
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    NaiveDate::from_ymd_opt(number(bytes, 0..4)? as i32, number(bytes, 5..7)?, number(bytes, 8..10)?)
}

/// `YYYY-MM-DDTHH:MM:SS`, optionally `.` and 1 to 9 digits.
fn fast_date_time(text: &str) -> Option<NaiveDateTime> {
    let b = text.as_bytes();
    if b.len() < 19 || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let nanos = match &b[19..] {
        [] => 0,
        [b'.', digits @ ..] if (1..=9).contains(&digits.len()) => {
            number(digits, 0..digits.len())? * 10u32.pow(9 - digits.len() as u32)
        }
        _ => return None,
    };
    fast_date(b)?.and_hms_nano_opt(number(b, 11..13)?, number(b, 14..16)?, number(b, 17..19)?, nanos)
}

/// Parses a stored date.
pub fn parse_date(text: &str) -> Result<NaiveDate, chrono::ParseError> {
    match (text.len(), fast_date(text.as_bytes())) {
        (10, Some(day)) => Ok(day),
        _ => text.parse(),
    }
}

/// Parses a stored date and time.
pub fn parse_date_time(text: &str) -> Result<NaiveDateTime, chrono::ParseError> {
    fast_date_time(text).map_or_else(|| text.parse(), Ok)
}

/// Reads a string with one of the parsers above.
struct Parsed<T> {
    parse: fn(&str) -> Result<T, chrono::ParseError>,
    expecting: &'static str,
}

impl<T> Visitor<'_> for Parsed<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expecting)
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).map_err(E::custom)
    }
}

const DATE: Parsed<NaiveDate> = Parsed { parse: parse_date, expecting: "a date like 2026-11-27" };
const DATE_TIME: Parsed<NaiveDateTime> =
    Parsed { parse: parse_date_time, expecting: "a date and time like 2026-11-27T18:30:00" };

/// For `#[serde(deserialize_with = "...")]` on a `NaiveDate`.
pub fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    d.deserialize_str(DATE)
}

/// For a `NaiveDateTime`.
pub fn date_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    d.deserialize_str(DATE_TIME)
}

/// A stored value read with [`date`] or [`date_time`], for the optional fields.
struct Read<T>(T);

impl<'de> Deserialize<'de> for Read<NaiveDate> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        date(d).map(Read)
    }
}

impl<'de> Deserialize<'de> for Read<NaiveDateTime> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        date_time(d).map(Read)
    }
}

/// For an `Option<NaiveDate>`.
pub fn optional_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<Read<NaiveDate>>::deserialize(d).map(|o| o.map(|Read(day)| day))
}

/// For an `Option<NaiveDateTime>`.
pub fn optional_date_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDateTime>, D::Error> {
    Option::<Read<NaiveDateTime>>::deserialize(d).map(|o| o.map(|Read(t)| t))
}

// proptest is a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_stored_time_reads_back_as_chrono_reads_it(days in -800_000i32..800_000, seconds in 0u32..86_400, nanos in prop_oneof![Just(0u32), 0u32..1_000_000_000, (0u32..1000).prop_map(|m| m * 1_000_000)]) {
            let day = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let t = day.and_hms_nano_opt(seconds / 3600, seconds / 60 % 60, seconds % 60, nanos).unwrap();
            let written = serde_json::to_string(&t).unwrap();
            let text = written.trim_matches('"');
            prop_assert_eq!(parse_date_time(text), text.parse::<NaiveDateTime>());
            prop_assert_eq!(date_time(&mut serde_json::Deserializer::from_str(&written)).unwrap(), t);
            let written = serde_json::to_string(&day).unwrap();
            let text = written.trim_matches('"');
            prop_assert_eq!(parse_date(text), text.parse::<NaiveDate>());
            prop_assert_eq!(date(&mut serde_json::Deserializer::from_str(&written)).unwrap(), day);
        }

        #[test]
        fn any_text_reads_as_chrono_reads_it(text in "[0-9T:.+-]{0,24}") {
            prop_assert_eq!(parse_date_time(&text), text.parse::<NaiveDateTime>());
            prop_assert_eq!(parse_date(&text), text.parse::<NaiveDate>());
        }
    }

    #[test]
    fn forms_chrono_accepts_but_never_writes_still_read() {
        for text in ["2026-11-27T18:30", "2026-11-27 18:30:00", "+12026-11-27T18:30:00", "2026-11-27T23:59:60"] {
            assert_eq!(parse_date_time(text), text.parse::<NaiveDateTime>(), "{text}");
        }
        assert!(parse_date_time("2026-02-30T10:00:00").is_err());
        assert!(parse_date("2026-13-01").is_err());
    }
}
