//! The Leptos shell: screens and widgets that wire signals to domain functions.
//!
//! State flows one way: [`state::AppState`] in context is the single source of truth; screens
//! derive what they show with memos over domain functions and change it only through
//! [`actions`].

pub mod actions;
pub mod app;
pub mod capture;
pub mod clock;
pub mod common;
pub mod companies;
pub mod conversation_log;
pub mod damaged_data;
pub mod draft_panel;
pub mod email_guess;
pub mod find_people;
pub mod insights;
pub mod nav;
pub mod opportunity_board;
pub mod opportunity_form;
pub mod opportunity_page;
pub mod people;
pub mod person_form;
pub mod person_page;
pub mod pwa;
pub mod route;
pub mod settings;
pub mod state;
pub mod today;
pub mod your_data;

use crate::storage::local::DATA_KEY;

/// Starts the app in the page's `<body>`.
pub fn start() {
    console_error_panic_hook::set_once();
    // The static "Loading" line in index.html has done its job once the wasm runs.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(|| leptos::view! { <app::App storage_key=DATA_KEY /> });
}
