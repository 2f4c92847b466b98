//! `mailto:` links (RFC 6068) that open the user's mail app with the draft filled in.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is percent-encoded in header values.
const VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');
/// In the address part, `@` stays as it is; `?`, `%`, `#` and the rest are encoded.
const ADDRESS: &AsciiSet = &VALUE.remove(b'@').remove(b'+').remove(b'!').remove(b'$').remove(b'\'').remove(b'*');

/// A `mailto:` URL for `to` with a subject and a body. Line breaks in the body become CRLF,
/// as RFC 6068 requires, and everything outside the unreserved set is percent-encoded.
///
/// ```
/// use follow_up::domain::follow_up::mailto::mailto;
/// assert_eq!(
///     mailto("jdoe@risesmart.com", "Thank you & more", "Hi John,\nThanks!"),
///     "mailto:jdoe@risesmart.com?subject=Thank%20you%20%26%20more&body=Hi%20John%2C%0D%0AThanks%21"
/// );
/// ```
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
    let mut url = format!("mailto:{}", utf8_percent_encode(to.trim(), ADDRESS));
    let mut sep = '?';
    for (name, value) in [("subject", subject), ("body", body.as_str())] {
        if !value.is_empty() {
            url.push(sep);
            url.push_str(name);
            url.push('=');
            url.extend(utf8_percent_encode(value, VALUE));
            sep = '&';
        }
    }
    url
}
