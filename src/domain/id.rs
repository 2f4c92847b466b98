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
        // Written in one piece: `{:032x}` pads digit by digit, and ids are written by the
        // hundred thousand (every follow-up key, every save).
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = HEX[((self.raw >> (4 * (31 - i))) & 0xf) as usize];
        }
        // Every byte is an ASCII hex digit, so this is always valid UTF-8.
        f.write_str(std::str::from_utf8(&out).map_err(|_| fmt::Error)?)
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
        if s.len() != 32 {
            return Err(BadId);
        }
        // Digit by digit: `u128::from_str_radix` was a tenth of reading a full network back.
        s.bytes()
            .try_fold(0u128, |raw, b| {
                let digit = match b {
                    b'0'..=b'9' => b - b'0',
                    b'a'..=b'f' => b - b'a' + 10,
                    b'A'..=b'F' => b - b'A' + 10,
                    _ => return None,
                };
                Some((raw << 4) | u128::from(digit))
            })
            .map(Self::from_raw)
            .ok_or(BadId)
    }
}

/// As text in JSON; as the number itself in binary formats (the stored blocks).
impl<T> Serialize for Id<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(self)
        } else {
            serializer.serialize_u128(self.raw)
        }
    }
}

impl<'de, T> Deserialize<'de> for Id<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Read in place, without a copy of the text: a full network stores 400,000 ids.
        struct IdVisitor<T>(PhantomData<fn() -> T>);
        impl<T> serde::de::Visitor<'_> for IdVisitor<T> {
            type Value = Id<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a record id (32 hex digits)")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Id<T>, E> {
                text.parse().map_err(E::custom)
            }
        }
        if deserializer.is_human_readable() {
            deserializer.deserialize_str(IdVisitor(PhantomData))
        } else {
            u128::deserialize(deserializer).map(Self::from_raw)
        }
    }
}

/// A fast hasher for the agenda's maps, keyed by ids and short keys (FxHash's mixing step).
/// SipHash, the standard one, resists inputs chosen to collide; here the keys are the user's
/// own records, and SipHash was a tenth of the agenda's time at 30,000 contacts.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;

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
        assert_eq!(Id::<Thing>::from_raw(1).to_string(), format!("{:032x}", 1));
        assert_eq!(Id::<Thing>::from_raw(u128::MAX).to_string(), "f".repeat(32));
        assert_eq!("F".repeat(32).parse::<Id<Thing>>(), Ok(Id::from_raw(u128::MAX)));
    }

    #[test]
    fn malformed_ids_are_refused() {
        for bad in [
            "",
            "xyz",
            "+123456789abcdef0011223344556677",
            "0123456789abcdef00112233445566778",
            "0123456789abcdef001122334455667g",
            "0123456789abcdef001122334455667 ",
        ] {
            assert_eq!(bad.parse::<Id<Thing>>(), Err(BadId), "{bad:?}");
        }
    }
}
