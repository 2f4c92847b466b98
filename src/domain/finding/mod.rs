//! Finding who to follow up with: LinkedIn People-search links for a company's recruiters and
//! likely hiring managers, and an email-format guesser that learns a company's address pattern
//! from known colleagues.

pub mod email_pattern;
pub mod linkedin_search;
pub mod person_name;
