//! The top navigation and the status line that announces what just happened.

use leptos::prelude::*;

use super::pwa::InstallButton;
use super::route::{Route, Section};
use super::state::{use_app, Status};
use super::your_data::download_backup;

/// The app name and the links to each section, the current one marked.
#[component]
pub fn TopNav(route: ReadSignal<Route>) -> impl IntoView {
    let app = use_app();
    let link = move |section: Section, target: Route, text: &'static str| {
        let badge = move || {
            (section == Section::Today)
                .then(|| app.agenda.with(|a| a.due_count(app.now.get())))
                .filter(|n| *n > 0)
                .map(|n| view! { <span class="count-badge">{n}<span class="visually-hidden">" due"</span></span> })
        };
        let current = move || route.with(|r| r.section() == section);
        view! {
            <li>
                <a href=target.href() class:current=current aria-current=move || current().then_some("page")>{text} {badge}</a>
            </li>
        }
    };
    view! {
        <header class="top">
            <p class="brand">"Follow-up"</p>
            <nav aria-label="Main">
                <ul>
                    {link(Section::Today, Route::Today, "Today")}
                    {link(Section::People, Route::People, "People")}
                    {link(Section::Opportunities, Route::Opportunities, "Opportunities")}
                    {link(Section::Companies, Route::Companies, "Companies")}
                    {link(Section::Insights, Route::Insights, "Insights")}
                    {link(Section::Settings, Route::Settings, "Settings")}
                    {link(Section::Data, Route::Data, "Your data")}
                </ul>
            </nav>
            <a class="button primary capture-button" href=Route::Capture(None).href() aria-keyshortcuts="c" title="Quick capture (press c)">
                "+ Capture" <span class="visually-hidden">" (shortcut: c)"</span>
            </a>
            <InstallButton />
            <Show when=move || !app.is_persistent()>
                <p class="badge warning">"Not saving: session only"</p>
            </Show>
        </header>
    }
}

/// Announces the latest result to sighted and screen-reader users alike.
#[component]
pub fn StatusLine() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || match app.status.get() {
                Some(Status::Done(m)) => view! { <p class="status-done">{m}</p> }.into_any(),
                Some(Status::Problem(m)) => view! {
                    <p class="status-problem">
                        <strong>"Problem: "</strong>
                        {m}
                        " "
                        <button type="button" class="link" on:click=move |_| app.status.set(None)>"Dismiss"</button>
                    </p>
                }
                .into_any(),
                None => ().into_any(),
            }}
        </div>
    }
}

/// Warns when the site's storage is nearly full, with the backup one click away.
#[component]
pub fn StorageWarning() -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    view! {
        {move || app.storage_use.get().filter(|u| u.near_limit()).map(|u| view! {
            <div class="storage-warning" role="alert">
                <p>
                    {u.warning()} " "
                    <button type="button" class="primary" on:click=move |_| {
                        if let Err(e) = download_backup(app) {
                            problem.set(Some(e));
                        }
                    }>"Download a backup"</button>
                </p>
                {move || problem.get().map(|p| view! { <p class="field-error">{p}</p> })}
            </div>
        })}
    }
}
