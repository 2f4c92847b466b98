//! The job-search model and its rules: people, conversations, opportunities and companies.
//!
//! Pure Rust: no web APIs, no clock, no randomness. The current time and new ids are
//! always arguments, so every rule can be tested for any date.

pub mod capture;
pub mod choice;
pub mod company;
pub mod contact;
pub mod conversation;
pub mod example;
pub mod exports;
pub mod finding;
pub mod follow_up;
pub mod id;
pub mod insights;
pub mod linkedin_import;
pub mod merge;
pub mod opportunity;
pub mod people_search;
pub mod records;
pub mod shared_list;
pub mod stored_time;
pub mod validate;

pub use choice::Choice;
pub use company::{CompanyKey, CompanySummary, CompanyView};
pub use contact::{
    Channel, Contact, ContactDraft, ContactId, Email, EmailStatus, Moment, MomentDraft, MomentKind, Role,
};
pub use conversation::{CheckBack, Conversation, ConversationDraft, ConversationId, Direction, Topic};
pub use id::Id;
pub use opportunity::{
    Involvement, OfferStep, Opportunity, OpportunityDraft, OpportunityId, Part, Source, Stage, StageChange,
};
pub use people_search::PeopleFilter;
pub use records::{EditError, Records, Removed};
pub use shared_list::SharedList;
pub use validate::{FieldError, WebUrl};
