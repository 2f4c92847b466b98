//! Finding people: the search box (name, company or title) and the role and company filters.

use super::company::CompanyKey;
use super::contact::{Contact, Role};

/// What the people list is filtered by. The default shows every active person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleFilter {
    /// Words that must each appear in the name, company or title (any case, accents ignored).
    pub text: String,
    pub role: Option<Role>,
    pub company: Option<CompanyKey>,
    pub include_archived: bool,
}

impl PeopleFilter {
    /// The matching contacts, sorted by name.
    pub fn apply<'a>(&self, contacts: impl Iterator<Item = &'a Contact>) -> Vec<&'a Contact> {
        let all: Vec<&Contact> = contacts.collect();
        PeopleIndex::new(all.iter().copied()).search(self).into_iter().map(|i| all[i]).collect()
    }
}

/// The people list's search, prepared once per change of the records so that a keystroke
/// only compares prepared text: with 30,000 people, folding every name on every keystroke
/// would take longer than a frame.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleIndex {
    /// By folded name, as the list shows them.
    entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// Where the contact is in the slice the index was built from.
    position: usize,
    /// Name, company and title, folded.
    haystack: String,
    role: Role,
    archived: bool,
    company: Option<CompanyKey>,
}

impl PeopleIndex {
    /// Prepares `contacts` for searching.
    pub fn new<'a>(contacts: impl IntoIterator<Item = &'a Contact>) -> Self {
        let mut keyed: Vec<(String, Entry)> = contacts
            .into_iter()
            .enumerate()
            .map(|(position, c)| {
                let entry = Entry {
                    position,
                    haystack: fold(&format!("{} {} {}", c.name, c.company, c.title)),
                    role: c.role,
                    archived: c.archived,
                    company: CompanyKey::of(&c.company),
                };
                (fold(&c.name), entry)
            })
            .collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        Self { entries: keyed.into_iter().map(|(_, e)| e).collect() }
    }

    /// The positions (in the order given to [`PeopleIndex::new`]) of the contacts that pass
    /// `filter` (archived only when asked for, the role, the company, and every word of the text
    /// in the name, company or title, any case, accents ignored), sorted by name.
    pub fn search(&self, filter: &PeopleFilter) -> Vec<usize> {
        let folded = fold(&filter.text);
        let words: Vec<&str> = folded.split_whitespace().collect();
        self.entries
            .iter()
            .filter(|e| {
                (filter.include_archived || !e.archived)
                    && filter.role.is_none_or(|r| r == e.role)
                    && filter.company.as_ref().is_none_or(|k| e.company.as_ref() == Some(k))
                    && words.iter().all(|w| e.haystack.contains(w))
            })
            .map(|e| e.position)
            .collect()
    }
}

/// Lowercases and strips the common Latin accents, so "jose" finds "José".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ś' | 'š' | 'ş' => 's',
            'ź' | 'ż' | 'ž' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ť' => 't',
            'ď' => 'd',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ContactDraft, ContactId, Records};
    use chrono::NaiveDate;

    fn people() -> Records {
        let now = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(9, 0, 0).unwrap();
        let mut r = Records::default();
        for (i, (name, company, title, role)) in [
            ("José Álvarez", "Acme Inc.", "Engineering Manager", Role::HiringManager),
            ("Ann Lee", "acme", "Recruiter", Role::Recruiter),
            ("Bob Stone", "Globex", "Talent Acquisition", Role::Recruiter),
            ("Cara Diaz", "", "Designer", Role::NetworkingContact),
        ]
        .into_iter()
        .enumerate()
        {
            let d = ContactDraft {
                name: name.into(),
                company: company.into(),
                title: title.into(),
                role,
                ..Default::default()
            };
            r.add_contact(ContactId::from_raw(i as u128 + 1), &d, now).unwrap();
        }
        r
    }

    /// The names the filter finds, checking that the prepared index finds the same.
    fn names(r: &Records, f: &PeopleFilter) -> Vec<String> {
        let found: Vec<String> = f.apply(r.contacts.iter()).into_iter().map(|c| c.name.clone()).collect();
        let indexed: Vec<String> =
            PeopleIndex::new(&r.contacts).search(f).into_iter().map(|i| r.contacts[i].name.clone()).collect();
        assert_eq!(found, indexed, "index and filter agree for {f:?}");
        found
    }

    #[test]
    fn search_finds_by_name_company_or_title_ignoring_case_and_accents() {
        let r = people();
        let by = |text: &str| names(&r, &PeopleFilter { text: text.into(), ..Default::default() });
        assert_eq!(by("jose"), ["José Álvarez"]);
        assert_eq!(by("ACME"), ["Ann Lee", "José Álvarez"]);
        assert_eq!(by("talent"), ["Bob Stone"]);
        assert_eq!(by("acme recruiter"), ["Ann Lee"]);
        assert_eq!(by("nobody"), Vec::<String>::new());
        assert_eq!(by("  ").len(), 4);
    }

    #[test]
    fn filters_narrow_by_role_and_company() {
        let r = people();
        let recruiters = PeopleFilter { role: Some(Role::Recruiter), ..Default::default() };
        assert_eq!(names(&r, &recruiters), ["Ann Lee", "Bob Stone"]);
        let at_acme = PeopleFilter { company: CompanyKey::of("ACME"), ..Default::default() };
        assert_eq!(names(&r, &at_acme), ["Ann Lee", "José Álvarez"]);
        let both = PeopleFilter { role: Some(Role::Recruiter), company: CompanyKey::of("acme"), ..Default::default() };
        assert_eq!(names(&r, &both), ["Ann Lee"]);
    }

    #[test]
    fn archived_people_are_hidden_unless_asked_for() {
        let mut r = people();
        let now = NaiveDate::from_ymd_opt(2026, 11, 28).unwrap().and_hms_opt(9, 0, 0).unwrap();
        r.set_archived(ContactId::from_raw(2), true, now).unwrap();
        assert_eq!(names(&r, &PeopleFilter::default()).len(), 3);
        assert_eq!(names(&r, &PeopleFilter { include_archived: true, ..Default::default() }).len(), 4);
    }
}
