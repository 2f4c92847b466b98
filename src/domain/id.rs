//! Typed record identifiers: opaque 128-bit values chosen by the caller.
//!
//! The domain never invents ids (that would need randomness); the shell draws them and
//! passes them in. The type parameter keeps a contact id from being used as an opportunity id.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The identifier of one record of kind `T`, written as 32 lowercase hex digits.
///
/// ```
/// use follow_up::domain::{ContactId, Id};
/// let id: ContactId = Id::from_raw(255);
/// assert_eq!(id.to_string(), "000000000000000000000000000000ff");
/// assert_eq!(id.to_string().parse::<ContactId>(), Ok(id));
/// ```
pub struct Id<T> {
    raw: u128,
    kind: PhantomData<fn() -> T>,
}

impl<T> Id<T> {
    /// Wraps a raw value (the shell draws it at random).
    pub const fn from_raw(raw: u128) -> Self {
        Self { raw, kind: PhantomData }
    }

    /// The raw value.
    pub const fn raw(self) -> u128 {
        self.raw
    }
}

// Manual impls: derives would wrongly require `T` itself to be `Clone`, `Eq`, ...
impl<T> Clone for Id<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Id<T> {}
impl<T> PartialEq for Id<T> {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
    }
}
impl<T> Eq for Id<T> {}
impl<T> Hash for Id<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.raw.hash(state);
    }
}
impl<T> PartialOrd for Id<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<T> Ord for Id<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.raw.cmp(&other.raw)
    }
}

impl<T> fmt::Display for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:032x}", self.raw)
    }
}

impl<T> fmt::Debug for Id<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({self})")
    }
}

/// Why a text is not an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a record id: expected 32 hex digits")]
pub struct BadId;

impl<T> FromStr for Id<T> {
    type Err = BadId;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.len() != 32 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(BadId);
        }
        u128::from_str_radix(s, 16).map(Self::from_raw).map_err(|_| BadId)
    }
}

impl<T> Serialize for Id<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, T> Deserialize<'de> for Id<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Thing;

    #[test]
    fn an_id_survives_text_and_json() {
        let id: Id<Thing> = Id::from_raw(0x0123_4567_89ab_cdef_0011_2233_4455_6677);
        assert_eq!(id.to_string().parse::<Id<Thing>>(), Ok(id));
        let json = serde_json::to_string(&id).unwrap();
        assert_eq!(json, "\"0123456789abcdef0011223344556677\"");
        assert_eq!(serde_json::from_str::<Id<Thing>>(&json).unwrap(), id);
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in ["", "xyz", "+123456789abcdef0011223344556677", "0123456789abcdef00112233445566778"] {
            assert_eq!(bad.parse::<Id<Thing>>(), Err(BadId), "{bad:?}");
        }
    }
}
