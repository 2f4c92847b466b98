//! Checks on what a user typed: required fields, web addresses, email addresses, dates.
//!
//! Each failure is a [`FieldError`] naming the form field, so the message can sit next to it.

use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Deserializer, Serialize};

/// A problem with one form field, worded for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's stable name (the form uses it to place the message).
    pub field: &'static str,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl FieldError {
    /// A problem with `field`.
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Trims a text field and collapses nothing else: what the user typed is what is kept.
pub fn clean(text: &str) -> String {
    text.trim().to_owned()
}

/// A trimmed, required text field.
pub fn required(field: &'static str, label: &str, text: &str, errors: &mut Vec<FieldError>) -> String {
    let text = clean(text);
    if text.is_empty() {
        errors.push(FieldError::new(field, format!("{label} is required.")));
    }
    text
}

/// An absolute `http:` or `https:` address: the only kind of link the app ever renders.
///
/// ```
/// use follow_up::domain::WebUrl;
/// assert!(WebUrl::parse("https://www.linkedin.com/in/jdoe").is_ok());
/// assert!(WebUrl::parse("javascript:alert(1)").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct WebUrl(String);

/// Why a text is not a usable web address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlProblem {
    #[error("Only web addresses starting with http:// or https:// are accepted.")]
    NotHttp,
    #[error("The address has no host name after the scheme (e.g. https://example.com/...).")]
    NoHost,
    #[error("The address contains spaces or invisible characters.")]
    BadCharacters,
    #[error("The host name \"{0}\" is not valid.")]
    BadHost(String),
}

impl WebUrl {
    /// Accepts only absolute http(s) URLs with a plausible host; trims surrounding space.
    ///
    /// This is deliberately a narrow check rather than a full URL parser (which would add
    /// ~100 KB of Unicode tables to the app): it decides only whether a text may become a
    /// link. The tests cross-check every accepted address against the `url` crate.
    pub fn parse(text: &str) -> Result<Self, UrlProblem> {
        let text = text.trim();
        let lower = text.to_ascii_lowercase();
        let rest_at = if lower.starts_with("https://") {
            8
        } else if lower.starts_with("http://") {
            7
        } else {
            return Err(UrlProblem::NotHttp);
        };
        if text.chars().any(|c| c.is_whitespace() || c.is_control() || is_invisible(c) || c == '\\') {
            return Err(UrlProblem::BadCharacters);
        }
        let rest = &text[rest_at..];
        let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        // Userinfo (user:pass@) in a link is a classic spoofing trick; refuse it.
        if authority.contains('@') {
            return Err(UrlProblem::BadHost(authority.to_owned()));
        }
        let (host, port) = if authority.starts_with('[') {
            match authority.find(']') {
                Some(end) => match &authority[end + 1..] {
                    "" => (&authority[..=end], None),
                    rest => (&authority[..=end], Some(rest.strip_prefix(':').unwrap_or("x"))),
                },
                None => return Err(UrlProblem::BadHost(authority.to_owned())),
            }
        } else {
            match authority.rsplit_once(':') {
                Some((h, p)) => (h, Some(p)),
                None => (authority, None),
            }
        };
        if host.is_empty() {
            return Err(UrlProblem::NoHost);
        }
        if let Some(port) = port {
            if port.is_empty()
                || port.len() > 5
                || !port.bytes().all(|b| b.is_ascii_digit())
                || port.parse::<u32>().map_or(true, |p| p > 65535)
            {
                return Err(UrlProblem::BadHost(authority.to_owned()));
            }
        }
        if !valid_host(host) {
            return Err(UrlProblem::BadHost(host.to_owned()));
        }
        Ok(Self(text.to_owned()))
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for WebUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Stored addresses are re-checked on load: a hand-edited or imported file cannot smuggle
// a `javascript:` link past the form.
impl<'de> Deserialize<'de> for WebUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        WebUrl::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    let host = host.strip_suffix('.').unwrap_or(host);
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.chars().count() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
}

/// An optional web address field: empty is fine, anything else must be http(s).
pub fn optional_url(field: &'static str, text: &str, errors: &mut Vec<FieldError>) -> Option<WebUrl> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    match WebUrl::parse(text) {
        Ok(url) => Some(url),
        Err(problem) => {
            errors.push(FieldError::new(field, problem.to_string()));
            None
        }
    }
}

/// Why a text is not an email address.
pub fn email_problem(address: &str) -> Option<&'static str> {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Some("An email address needs an @, as in name@example.com.");
    };
    if local.is_empty() {
        return Some("The part before the @ is missing.");
    }
    if local.contains('@')
        || address.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';'))
    {
        return Some("An email address cannot contain spaces, quotes, commas or a second @.");
    }
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') || domain.contains("..") {
        return Some("The part after the @ must be a domain such as example.com.");
    }
    if !valid_host(domain) {
        return Some("The part after the @ is not a valid domain.");
    }
    None
}

/// Parses a date typed as `YYYY-MM-DD` (what `<input type="date">` gives).
pub fn date(field: &'static str, text: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            errors.push(FieldError::new(field, "Enter a date as YYYY-MM-DD."));
            None
        }
    }
}

/// Parses a date and time typed as `YYYY-MM-DDTHH:MM` (what `<input type="datetime-local">` gives).
pub fn date_time(field: &'static str, text: &str, errors: &mut Vec<FieldError>) -> Option<NaiveDateTime> {
    let text = text.trim();
    let parsed = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M"));
    match parsed {
        Ok(t) => Some(t),
        Err(_) => {
            errors.push(FieldError::new(field, "Enter a date and time as YYYY-MM-DD HH:MM."));
            None
        }
    }
}

/// Formats a date-time the way `<input type="datetime-local">` expects it.
pub fn date_time_input_value(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_must_be_http_or_https() {
        for good in [
            "https://www.linkedin.com/in/jdoe/",
            "http://example.com",
            "HTTPS://Example.COM/path?q=1#frag",
            "https://jobs.example.co.uk:8443/apply?id=5&ref=x",
            "https://bücher.example/stellen",
            "https://[2001:db8::1]/x",
            "  https://example.com/padded  ",
        ] {
            assert!(WebUrl::parse(good).is_ok(), "{good} should be accepted");
        }
        for (bad, why) in [
            ("javascript:alert(1)", UrlProblem::NotHttp),
            ("JavaScript://example.com/%0aalert(1)", UrlProblem::NotHttp),
            ("data:text/html,<script>alert(1)</script>", UrlProblem::NotHttp),
            ("ftp://example.com", UrlProblem::NotHttp),
            ("www.example.com", UrlProblem::NotHttp),
            ("https://", UrlProblem::NoHost),
            ("https:///path", UrlProblem::NoHost),
            ("https://exa mple.com", UrlProblem::BadCharacters),
            ("https://example.com/\u{202E}fdp.exe", UrlProblem::BadCharacters),
        ] {
            assert_eq!(WebUrl::parse(bad), Err(why), "{bad}");
        }
        assert!(matches!(WebUrl::parse("https://user:pw@evil.example"), Err(UrlProblem::BadHost(_))));
        assert!(matches!(WebUrl::parse("https://-bad-.com"), Err(UrlProblem::BadHost(_))));
        assert!(matches!(WebUrl::parse("https://example.com:99999"), Err(UrlProblem::BadHost(_))));
    }

    #[test]
    fn a_stored_javascript_link_is_refused_on_load() {
        let err = serde_json::from_str::<WebUrl>("\"javascript:alert(1)\"").unwrap_err();
        assert!(err.to_string().contains("http"), "{err}");
    }

    #[test]
    fn email_addresses_need_an_at_and_a_domain() {
        assert_eq!(email_problem("jdoe@risesmart.com"), None);
        assert_eq!(email_problem("j.o'neil+jobs@mail.example.org"), None);
        assert!(email_problem("jdoe.risesmart.com").unwrap().contains('@'));
        assert!(email_problem("@risesmart.com").is_some());
        assert!(email_problem("jdoe@localhost").is_some());
        assert!(email_problem("j doe@risesmart.com").is_some());
        assert!(email_problem("jdoe@risesmart..com").is_some());
        assert!(email_problem("a@b@c.com").is_some());
    }

    #[test]
    fn dates_and_times_read_what_the_browser_inputs_give() {
        let mut errors = Vec::new();
        assert_eq!(date("d", "2024-02-29", &mut errors), NaiveDate::from_ymd_opt(2024, 2, 29));
        assert_eq!(date("d", "2023-02-29", &mut errors), None);
        let t = date_time("t", "2026-11-27T09:30", &mut errors).unwrap();
        assert_eq!(date_time_input_value(t), "2026-11-27T09:30");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "d");
    }
}
