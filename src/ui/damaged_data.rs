//! Shown instead of the app when the stored data cannot be read: nothing is overwritten until
//! the user has had the chance to download it and chooses how to go on.

use leptos::prelude::*;

use super::clock;
use super::common::download_text;
use crate::domain::Records;
use crate::storage::local::LocalStore;
use crate::storage::LoadError;

/// Explains the problem, offers the raw text as a download, and starts afresh only on request.
#[component]
pub fn DamagedDataScreen(
    store: LocalStore,
    raw: String,
    error: LoadError,
    on_resolved: Callback<Records>,
) -> impl IntoView {
    let problem = RwSignal::new(None::<String>);
    let newer = matches!(error, LoadError::NewerVersion { .. });
    let size = raw.len();
    let raw = StoredValue::new(raw);
    let download = move |_| {
        let name = format!("follow-up-unreadable-{}.json", clock::now().format("%Y-%m-%d"));
        if let Err(e) = raw.with_value(|text| download_text(&name, text, "application/json")) {
            problem.set(Some(e));
        }
    };
    let start_fresh = move |_| match store.set_aside(clock::now()) {
        Ok(_) => on_resolved.run(Records::default()),
        Err(e) => problem.set(Some(e.to_string())),
    };
    view! {
        <main id="main" class="damaged">
            <h1>"Your saved data could not be opened"</h1>
            <p role="alert">{error.to_string()}</p>
            <p>"Nothing has been changed or deleted. The saved data is " {size} " characters long."</p>
            <ol>
                <li>
                    <button type="button" class="primary" on:click=download>"Download the saved data"</button>
                    " keeps a copy you can inspect or send for repair."
                </li>
                {(!newer).then(|| view! {
                    <li>
                        <button type="button" on:click=start_fresh>"Start with an empty list"</button>
                        " keeps the unreadable data aside in this browser (it is not deleted) and opens the app."
                    </li>
                })}
            </ol>
            {newer.then(|| view! { <p>"This happens when a newer version of the app was opened in this browser. Reload the page to get it."</p> })}
            {move || problem.get().map(|p| view! { <p class="status-problem" role="alert">{p}</p> })}
        </main>
    }
}
