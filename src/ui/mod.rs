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
    let mount = || {
        // The loading shell in index.html has done its job once the app is ready to draw.
        if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
            boot.remove();
        }
        leptos::mount::mount_to_body(|| leptos::view! { <app::App storage_key=DATA_KEY /> });
    };
    mount_after_first_paint(mount, 30);
}

/// Mounts once the loading shell has been painted, so the page never goes from blank straight
/// to the app (the shell is what a slow phone shows for seconds; it should always be seen the
/// same way). A hidden tab paints nothing, so it mounts at once; `tries` bounds the wait.
fn mount_after_first_paint(mount: impl FnOnce() + 'static, tries: u32) {
    let document = leptos::prelude::document();
    let painted = leptos::prelude::window()
        .performance()
        .is_some_and(|p| p.get_entries_by_name("first-contentful-paint").length() > 0);
    if painted || tries == 0 || document.visibility_state() == web_sys::VisibilityState::Hidden {
        mount();
    } else {
        leptos::prelude::set_timeout(
            move || mount_after_first_paint(mount, tries - 1),
            std::time::Duration::from_millis(16),
        );
    }
}
