//! The app's frame: loads what is stored, then shows either the screens or, when the stored
//! data cannot be read, the screen that lets the user rescue it first.

use leptos::prelude::*;

use super::capture::CaptureScreen;
use super::clock;
use super::companies::{CompaniesScreen, CompanyPage};
use super::damaged_data::DamagedDataScreen;
use super::find_people::FindPeopleScreen;
use super::insights::InsightsScreen;
use super::nav::{StatusLine, StorageWarning, TopNav};
use super::opportunity_board::OpportunityBoard;
use super::opportunity_form::OpportunityForm;
use super::opportunity_page::OpportunityPage;
use super::people::PeopleScreen;
use super::person_form::PersonForm;
use super::person_page::PersonPage;
use super::pwa::{show_badge, UpdatePrompt};
use super::route::{go, use_route, Route};
use super::settings::SettingsScreen;
use super::state::{use_app, AppState, Status};
use super::today::TodayScreen;
use super::your_data::YourDataScreen;
use crate::domain::Records;
use crate::storage::local::{Loaded, LocalStore};
use crate::storage::{LoadError, SaveError};

/// What start-up found.
#[derive(Debug, Clone, PartialEq)]
enum Startup {
    Ready { records: Box<Records>, store: Option<LocalStore>, warning: Option<SaveError> },
    Damaged { store: LocalStore, raw: String, error: LoadError },
}

fn start_up(key: &str) -> Startup {
    match LocalStore::open(key) {
        Err(warning) => Startup::Ready { records: Box::default(), store: None, warning: Some(warning) },
        Ok(store) => match store.load() {
            Ok(Loaded::Fresh) => Startup::Ready { records: Box::default(), store: Some(store), warning: None },
            Ok(Loaded::Found(records)) => Startup::Ready { records, store: Some(store), warning: None },
            Ok(Loaded::Damaged { raw, error }) => Startup::Damaged { store, raw, error },
            Err(warning) => Startup::Ready { records: Box::default(), store: None, warning: Some(warning) },
        },
    }
}

/// The whole app, reading and writing its records under `storage_key`.
#[component]
pub fn App(storage_key: &'static str) -> impl IntoView {
    let startup = RwSignal::new(start_up(storage_key));
    move || match startup.get() {
        Startup::Damaged { store, raw, error } => {
            let kept = store.clone();
            let on_resolved = Callback::new(move |records: Records| {
                startup.set(Startup::Ready { records: Box::new(records), store: Some(kept.clone()), warning: None });
            });
            view! { <DamagedDataScreen store=store raw=raw error=error on_resolved=on_resolved /> }.into_any()
        }
        Startup::Ready { records, store, warning } => {
            let app = AppState::new(*records, store);
            if let Some(w) = warning {
                app.tell(Status::Problem(w.to_string()));
            }
            provide_context(app);
            view! { <Shell /> }.into_any()
        }
    }
}

/// The navigation, the status line and the current screen.
#[component]
fn Shell() -> impl IntoView {
    let route = use_route();
    let app = use_app();
    Effect::new(move |_| {
        route.track();
        app.screen_changed();
    });
    // Keep "due today" honest while the app stays open.
    if let Ok(handle) = set_interval_with_handle(move || app.now.set(clock::now()), std::time::Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    // The number of follow-ups due shows in the tab's title.
    Effect::new(move |_| {
        let due = app.agenda.with(|a| a.due_count(app.now.get()));
        let title = if due == 0 { "Follow-up".to_owned() } else { format!("({due}) Follow-up") };
        document().set_title(&title);
        show_badge(due);
    });
    // "c" opens quick capture from anywhere, unless the user is typing.
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "c" && !e.ctrl_key() && !e.meta_key() && !e.alt_key() && !typing(&e) {
            e.prevent_default();
            go(&Route::Capture(None));
        }
    });
    on_cleanup(move || keys.remove());
    // Another tab saved: show its changes here too.
    let tabs = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().is_some_and(|k| Some(k) == app.storage_key()) {
            app.refresh_from_storage();
        }
    });
    on_cleanup(move || tabs.remove());
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <TopNav route=route />
        <UpdatePrompt />
        <StorageWarning />
        <StatusLine />
        <main id="main" tabindex="-1">
            {move || screen(route.get())}
        </main>
    }
}

fn typing(e: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable())
}

fn screen(route: Route) -> AnyView {
    match route {
        Route::Today => view! { <TodayScreen /> }.into_any(),
        Route::Capture(situation) => view! { <CaptureScreen situation=situation /> }.into_any(),
        Route::Settings => view! { <SettingsScreen /> }.into_any(),
        Route::Data => view! { <YourDataScreen /> }.into_any(),
        Route::Find { company, role } => view! { <FindPeopleScreen company=company role=role /> }.into_any(),
        Route::People => view! { <PeopleScreen /> }.into_any(),
        Route::NewPerson => view! { <PersonForm id=None /> }.into_any(),
        Route::Person(id) => view! { <PersonPage id=id /> }.into_any(),
        Route::EditPerson(id) => view! { <PersonForm id=Some(id) /> }.into_any(),
        Route::Opportunities => view! { <OpportunityBoard /> }.into_any(),
        Route::NewOpportunity => view! { <OpportunityForm id=None /> }.into_any(),
        Route::Opportunity(id) => view! { <OpportunityPage id=id /> }.into_any(),
        Route::EditOpportunity(id) => view! { <OpportunityForm id=Some(id) /> }.into_any(),
        Route::Companies => view! { <CompaniesScreen /> }.into_any(),
        Route::Company(key) => view! { <CompanyPage key=key /> }.into_any(),
        Route::Insights => view! { <InsightsScreen /> }.into_any(),
        Route::NotFound => view! {
            <h1>"Page not found"</h1>
            <p><a href=Route::Today.href()>"Go to Today"</a></p>
        }
        .into_any(),
    }
}
