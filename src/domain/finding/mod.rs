//! Finding who to follow up with: LinkedIn People-search links for a company's recruiters and
//! likely hiring managers, and an email-format guesser that learns a company's address pattern
//! from known colleagues.

pub mod email_pattern;
pub mod linkedin_search;
pub mod person_name;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use self::email_pattern::{domain_pattern, guess, DomainPattern, Guess, GuessError, Guessing, Known};
use super::company::CompanyKey;
use super::contact::{ContactId, Email, EmailStatus};
use super::records::{EditError, Records};
use super::validate::FieldError;

/// A guessed address that bounced: its format is ruled out at that domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bounce {
    pub domain: String,
    pub pattern: String,
    pub at: NaiveDateTime,
}

impl Records {
    /// Everyone with a known (not guessed) address at a domain: the colleagues to learn from.
    pub fn known_colleagues(&self, domain: &str) -> Vec<Known> {
        let suffix = format!("@{}", domain.to_lowercase());
        self.contacts
            .iter()
            .filter_map(|c| c.email.as_ref().filter(|e| e.status == EmailStatus::Known).map(|e| (c, e)))
            .filter(|(_, e)| e.address.to_lowercase().ends_with(&suffix))
            .map(|(c, e)| Known { name: c.name.clone(), address: e.address.clone() })
            .collect()
    }

    /// The email domains people at a company have known addresses at, most used first.
    pub fn company_domains(&self, company: &CompanyKey) -> Vec<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for c in self.contacts.iter().filter(|c| CompanyKey::of(&c.company).as_ref() == Some(company)) {
            let Some(e) = c.email.as_ref().filter(|e| e.status == EmailStatus::Known) else { continue };
            let Some((_, domain)) = e.address.rsplit_once('@') else { continue };
            let domain = domain.to_lowercase();
            match counts.iter_mut().find(|(d, _)| *d == domain) {
                Some((_, n)) => *n += 1,
                None => counts.push((domain, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        counts.into_iter().map(|(d, _)| d).collect()
    }

    /// The address format of each of a company's domains, learned from known addresses.
    pub fn company_email_patterns(&self, company: &CompanyKey) -> Vec<DomainPattern> {
        self.company_domains(company).iter().filter_map(|d| domain_pattern(&self.known_colleagues(d), d)).collect()
    }

    /// Formats ruled out at a domain by bounces.
    pub fn bounced_patterns(&self, domain: &str) -> Vec<String> {
        self.bounces.iter().filter(|b| b.domain == domain).map(|b| b.pattern.clone()).collect()
    }

    /// Guesses a contact's work address from their colleagues' known addresses.
    pub fn guess_email_for(&self, id: ContactId) -> Result<Guessing, GuessError> {
        let contact = self.contact(id).ok_or(GuessError::NoName)?;
        let key = CompanyKey::of(&contact.company).ok_or(GuessError::NoDomain)?;
        let domain = self.company_domains(&key).into_iter().next().ok_or(GuessError::NoDomain)?;
        let known: Vec<Known> = self.known_colleagues(&domain).into_iter().filter(|k| k.name != contact.name).collect();
        guess(&known, &contact.name, Some(&domain), &self.bounced_patterns(&domain))
    }

    /// Stores a guessed address on a contact, with the format that produced it.
    pub fn take_email_guess(&mut self, id: ContactId, guess: &Guess, now: NaiveDateTime) -> Result<(), EditError> {
        if let Some(problem) = super::validate::email_problem(&guess.address) {
            return Err(FieldError::new("email", problem).into());
        }
        let c = self.contacts.find_mut(|c| c.id == id).ok_or(EditError::NotFound)?;
        c.email = Some(Email {
            address: guess.address.clone(),
            status: EmailStatus::Guessed,
            pattern: Some(guess.pattern.clone()),
        });
        c.updated_at = now;
        Ok(())
    }

    /// The guessed address worked: it is now known (and teaches the guesser).
    pub fn confirm_email(&mut self, id: ContactId, now: NaiveDateTime) -> Result<(), EditError> {
        let c = self.contacts.find_mut(|c| c.id == id).ok_or(EditError::NotFound)?;
        let e = c.email.as_mut().ok_or(EditError::NotFound)?;
        e.status = EmailStatus::Known;
        e.pattern = None;
        c.updated_at = now;
        Ok(())
    }

    /// The guessed address bounced: it is removed and its format ruled out at that domain.
    pub fn email_bounced(&mut self, id: ContactId, now: NaiveDateTime) -> Result<(), EditError> {
        let c = self.contacts.find_mut(|c| c.id == id).ok_or(EditError::NotFound)?;
        let e = c.email.take().ok_or(EditError::NotFound)?;
        c.updated_at = now;
        if let (Some(pattern), Some((_, domain))) = (e.pattern, e.address.rsplit_once('@')) {
            let domain = domain.to_lowercase();
            if !self.bounces.iter().any(|b| b.domain == domain && b.pattern == pattern) {
                self.bounces.push(Bounce { domain, pattern, at: now });
            }
        }
        Ok(())
    }
}
