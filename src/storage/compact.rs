//! The compact form of large stored data: JSON (or, for blocks, the binary form of
//! [`super::binary`]) deflated (zlib, so damage is caught by its checksum), then packed 15
//! bits to a character, because localStorage counts UTF-16 units (5 Mi of them in Chromium),
//! not bytes.
//!
//! ```text
//! FUZ1:<byte length>:<one char per 15 bits, U+0100..=U+80FF>   JSON
//! FUP1:<byte length>:<one char per 15 bits, U+0100..=U+80FF>   a block's binary form
//! ```
//! Small data stays plain JSON, readable by anyone who looks at it.

use super::error::LoadError;

const PREFIX: &str = "FUZ1:";
const BINARY_PREFIX: &str = "FUP1:";
/// The first character used; everything below (controls, ASCII, Latin-1) is avoided, and the
/// highest, U+80FF, stays clear of the surrogates (U+D800..) that JavaScript strings may not
/// carry across to Rust.
const BASE: u32 = 0x0100;
/// JSON longer than this is stored compact (a 30,000-contact network is ~10 million chars).
pub const COMPACT_ABOVE: usize = 256 * 1024;
/// Level 3 of 10: at full scale it stores 14x smaller than the JSON at twice level 1's time;
/// level 6 gains 6% more for twice the time again.
const LEVEL: u8 = 3;

/// Whether stored text is in the compact form (of JSON).
pub fn is_compact(text: &str) -> bool {
    text.starts_with(PREFIX)
}

/// Whether stored text is a block in compact binary form.
pub fn is_binary(text: &str) -> bool {
    text.starts_with(BINARY_PREFIX)
}

/// The compact form of `json`.
pub fn pack(json: &str) -> String {
    pack_with(PREFIX, json.as_bytes())
}

/// The compact form of a block's binary form.
pub fn pack_binary(bytes: &[u8]) -> String {
    pack_with(BINARY_PREFIX, bytes)
}

fn pack_with(prefix: &str, data: &[u8]) -> String {
    let bytes = miniz_oxide::deflate::compress_to_vec_zlib(data, LEVEL);
    let mut out = String::with_capacity(prefix.len() + 12 + bytes.len() * 8 / 15 + 1);
    out.push_str(prefix);
    out.push_str(&bytes.len().to_string());
    out.push(':');
    let (mut acc, mut bits) = (0u32, 0u32);
    let emit = |v: u32, out: &mut String| {
        // v < 2^15, so BASE + v <= U+80FF: always a valid char.
        if let Some(c) = char::from_u32(BASE + v) {
            out.push(c);
        }
    };
    for b in &bytes {
        acc = (acc << 8) | u32::from(*b);
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            emit((acc >> bits) & 0x7FFF, &mut out);
        }
    }
    if bits > 0 {
        emit((acc << (15 - bits)) & 0x7FFF, &mut out);
    }
    out
}

/// The JSON inside compact text.
pub fn unpack(text: &str) -> Result<String, LoadError> {
    let json = unpack_with(PREFIX, text)?;
    String::from_utf8(json).map_err(|_| LoadError::NotJson("compact data is not text".into()))
}

/// The binary form inside a compact binary block.
pub fn unpack_binary(text: &str) -> Result<Vec<u8>, LoadError> {
    unpack_with(BINARY_PREFIX, text)
}

fn unpack_with(prefix: &str, text: &str) -> Result<Vec<u8>, LoadError> {
    let damaged = |why: &str| LoadError::NotJson(format!("compact data {why}"));
    let rest = text.strip_prefix(prefix).ok_or_else(|| damaged("has no header"))?;
    let (len, body) = rest.split_once(':').ok_or_else(|| damaged("has no length"))?;
    let len: usize = len.parse().map_err(|_| damaged("has a bad length"))?;
    let mut bytes = Vec::with_capacity(len);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in body.chars() {
        let v =
            u32::from(c).checked_sub(BASE).filter(|v| *v < 0x8000).ok_or_else(|| damaged("has a foreign character"))?;
        acc = ((acc << 15) | v) & 0x3F_FFFF;
        bits += 15;
        while bits >= 8 && bytes.len() < len {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
        }
    }
    if bytes.len() != len {
        return Err(damaged("is cut off"));
    }
    inflate(&bytes).ok_or_else(|| damaged("is corrupt"))
}

/// Inflates a zlib stream. Like miniz_oxide's `decompress_to_vec_zlib`, but the output starts
/// at the size stored JSON usually inflates to (12 times; that crate starts at 2 and doubles,
/// zero-filling each time, a tenth of reading a full network back).
fn inflate(input: &[u8]) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    const LIMIT: usize = 1 << 30;
    let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
        | inflate_flags::TINFL_FLAG_COMPUTE_ADLER32
        | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    let mut out = vec![0u8; input.len().saturating_mul(12).clamp(64, LIMIT)];
    let mut state = Box::<DecompressorOxide>::default();
    let (mut rest, mut written) = (input, 0);
    loop {
        let (status, read, wrote) = decompress(&mut state, rest, &mut out, written, flags);
        written += wrote;
        match status {
            TINFLStatus::Done => {
                out.truncate(written);
                return Some(out);
            }
            TINFLStatus::HasMoreOutput if out.len() < LIMIT => {
                rest = rest.get(read..)?;
                out.resize(out.len().saturating_mul(2).min(LIMIT), 0);
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_text_comes_back_exactly() {
        for text in [
            "",
            "a",
            "{\"k\":\"Zoë 李 🙂\"}",
            &"abc".repeat(10_000),
            &(0..5000).map(|i| format!("{i},")).collect::<String>(),
        ] {
            let packed = pack(text);
            assert!(is_compact(&packed));
            assert_eq!(unpack(&packed).unwrap(), text);
        }
    }

    #[test]
    fn packed_text_uses_no_surrogates_controls_or_ascii_after_the_header() {
        let packed = pack(&(0..20_000).map(|i| char::from(b'a' + (i * 7 % 26) as u8)).collect::<String>());
        let body = packed.splitn(3, ':').nth(2).unwrap();
        assert!(body.chars().all(|c| (0x100..=0x80FF).contains(&u32::from(c))));
    }

    #[test]
    fn repetitive_json_takes_far_fewer_characters() {
        let json =
            format!("[{}]", vec!["{\"name\":\"Ann Lee\",\"company\":\"Acme\",\"notes\":\"\"}"; 10_000].join(","));
        assert!(pack(&json).chars().count() * 50 < json.len());
    }

    #[test]
    fn damaged_compact_text_is_reported_not_guessed() {
        let packed = pack(&"hello world ".repeat(1000));
        let cut: String = packed.chars().take(packed.chars().count() - 3).collect();
        assert!(matches!(unpack(&cut), Err(LoadError::NotJson(_))));
        assert!(matches!(unpack("FUZ1:12:abc"), Err(LoadError::NotJson(_))));
        assert!(matches!(unpack("FUZ1:x:"), Err(LoadError::NotJson(_))));
        let mut flipped: Vec<char> = packed.chars().collect();
        let middle = flipped.len() / 2;
        flipped[middle] = char::from_u32(u32::from(flipped[middle]) ^ 0x55).unwrap();
        assert!(matches!(unpack(&flipped.into_iter().collect::<String>()), Err(LoadError::NotJson(_))));
    }
}
