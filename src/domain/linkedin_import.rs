//! Importing LinkedIn's `Connections.csv` (from "Get a copy of your data"): finds the header
//! after the "Notes:" preamble, creates networking contacts, and on a second import updates
//! instead of duplicating (matched on the profile address, then on name and company).

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};

use super::company::CompanyKey;
use super::contact::{Contact, ContactDraft, ContactId, Role};
use super::people_search::fold;
use super::records::Records;
use super::validate::WebUrl;

/// One row of the export, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connection {
    /// The line in the file (1-based), for the summary.
    pub line: usize,
    pub first: String,
    pub last: String,
    pub url: String,
    pub email: String,
    pub company: String,
    pub position: String,
    pub connected_on: String,
}

/// Why a file is not a Connections export at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error("The file is empty.")]
    Empty,
    #[error("This does not look like LinkedIn's Connections.csv: no line starts with \"First Name,Last Name\".")]
    NoHeader,
    #[error("The file could not be read as CSV: {0}")]
    Csv(String),
}

/// A row that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub skipped: Vec<Skipped>,
}

const COLUMNS: [&str; 7] = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"];

/// Reads the rows of a Connections export, skipping the preamble whatever its length.
pub fn read_connections(text: &str) -> Result<Vec<Connection>, ImportError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // The header is the first line that starts with the first two column names.
    let mut offset = 0;
    let mut header_line = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_start_matches('\u{FEFF}').starts_with("First Name,Last Name") {
            header_line = Some(i + 1);
            break;
        }
        offset += line.len();
    }
    let header_line = header_line.ok_or(ImportError::NoHeader)?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(&text.as_bytes()[offset..]);
    let headers = reader.headers().map_err(|e| ImportError::Csv(e.to_string()))?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let index: Vec<Option<usize>> = COLUMNS.iter().map(|c| column(c)).collect();
    let mut rows = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError::Csv(e.to_string()))?;
        let field = |k: usize| index[k].and_then(|i| record.get(i)).unwrap_or("").trim().to_owned();
        let line = record.position().map_or(header_line + n + 1, |p| header_line + p.line() as usize - 1);
        rows.push(Connection {
            line,
            first: field(0),
            last: field(1),
            url: field(2),
            email: field(3),
            company: field(4),
            position: field(5),
            connected_on: field(6),
        });
    }
    Ok(rows)
}

/// A profile address reduced to what identifies the member: https, www.linkedin.com, no
/// query, fragment, trailing slash or case differences.
pub fn normalise_profile(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest).trim_end_matches('/');
    let (host, path) = rest.split_once('/')?;
    let host = host.trim_start_matches("www.");
    if !host.ends_with("linkedin.com") || path.is_empty() {
        return None;
    }
    Some(format!("https://www.linkedin.com/{path}"))
}

fn connected_on(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%d %b %Y")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .or_else(|_| NaiveDate::parse_from_str(text, "%m/%d/%Y"))
        .ok()
}

impl Records {
    /// Imports connections: new people are added as networking contacts, known ones updated
    /// (company, title, address, connection date) without duplicates. `next_id` supplies ids.
    pub fn import_connections(
        &mut self,
        rows: &[Connection],
        next_id: &mut dyn FnMut() -> u128,
        now: NaiveDateTime,
    ) -> ImportSummary {
        let mut summary = ImportSummary::default();
        let mut by_url: HashMap<String, usize> = HashMap::new();
        let mut by_name: HashMap<(String, Option<CompanyKey>), usize> = HashMap::new();
        for (i, c) in self.contacts.iter().enumerate() {
            if let Some(u) = c.linkedin_url.as_ref().and_then(|u| normalise_profile(u.as_str())) {
                by_url.insert(u, i);
            }
            by_name.insert((fold(&c.name), CompanyKey::of(&c.company)), i);
        }
        for row in rows {
            let name = format!("{} {}", row.first, row.last).trim().to_owned();
            if name.is_empty() {
                summary
                    .skipped
                    .push(Skipped { line: row.line, reason: "No name: the member may have left LinkedIn.".into() });
                continue;
            }
            let profile = normalise_profile(&row.url);
            let url = profile.as_deref().and_then(|u| WebUrl::parse(u).ok());
            let existing = profile
                .as_ref()
                .and_then(|u| by_url.get(u))
                .or_else(|| by_name.get(&(fold(&name), CompanyKey::of(&row.company))))
                .copied();
            let email = if row.email.contains('@') && super::validate::email_problem(&row.email).is_none() {
                row.email.clone()
            } else {
                String::new()
            };
            match existing {
                Some(i) => {
                    // Changed on a copy, stored only if different: an unchanged contact stays
                    // shared with what is saved (see `SharedList`).
                    let before = &self.contacts[i];
                    let mut c = before.clone();
                    if !row.company.is_empty() {
                        c.company = row.company.clone();
                    }
                    if !row.position.is_empty() {
                        c.title = row.position.clone();
                    }
                    if url.is_some() {
                        c.linkedin_url = url;
                    }
                    if !email.is_empty() && c.email.is_none() {
                        c.email = Some(super::contact::Email {
                            address: email,
                            status: super::contact::EmailStatus::Known,
                            pattern: None,
                        });
                    }
                    if let Some(d) = connected_on(&row.connected_on) {
                        c.connected_on = Some(d);
                    }
                    if c == *before {
                        summary.unchanged += 1;
                    } else {
                        c.updated_at = now;
                        self.contacts.set(i, c);
                        summary.updated += 1;
                    }
                }
                None => {
                    let draft = ContactDraft {
                        name: name.clone(),
                        company: row.company.clone(),
                        title: row.position.clone(),
                        role: Role::NetworkingContact,
                        email,
                        linkedin_url: url.as_ref().map(|u| u.as_str().to_owned()).unwrap_or_default(),
                        how_we_met: "LinkedIn connection".into(),
                        ..ContactDraft::default()
                    };
                    match draft.validate(None, |_| true) {
                        Ok(fields) => {
                            let mut contact = Contact::new(ContactId::from_raw(next_id()), fields, now);
                            contact.connected_on = connected_on(&row.connected_on);
                            let i = self.contacts.len();
                            if let Some(u) = &profile {
                                by_url.insert(u.clone(), i);
                            }
                            by_name.insert((fold(&name), CompanyKey::of(&row.company)), i);
                            self.contacts.push(contact);
                            summary.added += 1;
                        }
                        Err(errors) => summary.skipped.push(Skipped {
                            line: row.line,
                            reason: errors.iter().map(|e| e.message.clone()).collect::<Vec<_>>().join(" "),
                        }),
                    }
                }
            }
        }
        summary
    }
}
