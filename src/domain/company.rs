//! Companies are not stored records: they are the names people and opportunities share,
//! matched without regard to case, spacing or a trailing legal suffix.

use std::collections::BTreeMap;

use super::contact::Contact;
use super::opportunity::Opportunity;

/// The normalised name that identifies a company ("ACME,  Inc." and "Acme" match).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CompanyKey(String);

impl CompanyKey {
    /// The key for a company name, or `None` when the name is blank.
    ///
    /// ```
    /// use follow_up::domain::CompanyKey;
    /// assert_eq!(CompanyKey::of("ACME,  Inc."), CompanyKey::of("acme"));
    /// assert_eq!(CompanyKey::of("  "), None);
    /// ```
    pub fn of(name: &str) -> Option<Self> {
        let words: Vec<String> = name
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let mut words = words.as_slice();
        // A legal suffix alone is not a company; only drop it after a real name.
        while words.len() > 1 && is_legal_suffix(&words[words.len() - 1]) {
            words = &words[..words.len() - 1];
        }
        let key = words.join(" ");
        (!key.is_empty()).then_some(Self(key))
    }

    /// The key as text (used in the company page's address).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_legal_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.'),
        "inc"
            | "llc"
            | "ltd"
            | "corp"
            | "corporation"
            | "co"
            | "gmbh"
            | "ag"
            | "sa"
            | "sas"
            | "bv"
            | "nv"
            | "plc"
            | "pty"
            | "limited"
            | "srl"
            | "oy"
            | "ab"
    )
}

/// A company in the companies list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanySummary {
    pub key: CompanyKey,
    /// The name as the user most often wrote it.
    pub name: String,
    pub people: usize,
    pub opportunities: usize,
}

/// Everyone and every opportunity at one company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyView<'a> {
    pub name: String,
    pub people: Vec<&'a Contact>,
    pub opportunities: Vec<&'a Opportunity>,
}

/// Every company named by a contact or an opportunity, sorted by name.
pub fn summarise<'a>(
    contacts: impl Iterator<Item = &'a Contact>,
    opportunities: impl Iterator<Item = &'a Opportunity>,
) -> Vec<CompanySummary> {
    #[derive(Default)]
    struct Tally<'n> {
        spellings: BTreeMap<&'n str, usize>,
        people: usize,
        opportunities: usize,
    }
    let mut by_key: BTreeMap<CompanyKey, Tally> = BTreeMap::new();
    for c in contacts {
        if let Some(key) = CompanyKey::of(&c.company) {
            let t = by_key.entry(key).or_default();
            *t.spellings.entry(c.company.as_str()).or_default() += 1;
            t.people += 1;
        }
    }
    for o in opportunities {
        if let Some(key) = CompanyKey::of(&o.company) {
            let t = by_key.entry(key).or_default();
            *t.spellings.entry(o.company.as_str()).or_default() += 1;
            t.opportunities += 1;
        }
    }
    let mut list: Vec<CompanySummary> = by_key
        .into_iter()
        .map(|(key, t)| {
            let name = most_common(&t.spellings).unwrap_or(key.as_str()).to_owned();
            CompanySummary { key, name, people: t.people, opportunities: t.opportunities }
        })
        .collect();
    list.sort_by_cached_key(|c| c.name.to_lowercase());
    list
}

fn most_common<'n>(spellings: &BTreeMap<&'n str, usize>) -> Option<&'n str> {
    // Ties go to the alphabetically first spelling, so the name shown is stable.
    spellings.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(s, _)| *s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn company_names_match_across_case_spacing_and_legal_suffixes() {
        let acme = CompanyKey::of("Acme");
        for same in ["acme", " ACME ", "Acme Inc.", "Acme, Inc", "Acme LLC", "acme  corp"] {
            assert_eq!(CompanyKey::of(same), acme, "{same}");
        }
        assert_ne!(CompanyKey::of("Acme Robotics"), acme);
        assert_eq!(CompanyKey::of("Inc.").map(|k| k.0), Some("inc.".to_owned()));
        assert_eq!(CompanyKey::of("株式会社メルカリ").map(|k| k.0), Some("株式会社メルカリ".to_owned()));
    }
}
