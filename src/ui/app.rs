//! The app's frame: loads what is stored, then shows either the screens or, when the stored
//! data cannot be read, the screen that lets the user rescue it first.

use leptos::prelude::*;

use super::companies::{CompaniesScreen, CompanyPage};
use super::damaged_data::DamagedDataScreen;
use super::nav::{StatusLine, TopNav};
use super::opportunity_board::OpportunityBoard;
use super::opportunity_form::OpportunityForm;
use super::opportunity_page::OpportunityPage;
use super::people::PeopleScreen;
use super::person_form::PersonForm;
use super::person_page::PersonPage;
use super::route::{use_route, Route};
use super::state::{use_app, AppState, Status};
use crate::domain::Records;
use crate::storage::local::{Loaded, LocalStore};
use crate::storage::{LoadError, SaveError};

/// What start-up found.
#[derive(Debug, Clone, PartialEq)]
enum Startup {
    Ready { records: Records, store: Option<LocalStore>, warning: Option<SaveError> },
    Damaged { store: LocalStore, raw: String, error: LoadError },
}

fn start_up(key: &str) -> Startup {
    match LocalStore::open(key) {
        Err(warning) => Startup::Ready { records: Records::default(), store: None, warning: Some(warning) },
        Ok(store) => match store.load() {
            Ok(Loaded::Fresh) => Startup::Ready { records: Records::default(), store: Some(store), warning: None },
            Ok(Loaded::Found(records)) => Startup::Ready { records, store: Some(store), warning: None },
            Ok(Loaded::Damaged { raw, error }) => Startup::Damaged { store, raw, error },
            Err(warning) => Startup::Ready { records: Records::default(), store: None, warning: Some(warning) },
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
                startup.set(Startup::Ready { records, store: Some(kept.clone()), warning: None });
            });
            view! { <DamagedDataScreen store=store raw=raw error=error on_resolved=on_resolved /> }.into_any()
        }
        Startup::Ready { records, store, warning } => {
            let app = AppState::new(records, store);
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
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <TopNav route=route />
        <StatusLine />
        <main id="main" tabindex="-1">
            {move || screen(route.get())}
        </main>
    }
}

fn screen(route: Route) -> AnyView {
    match route {
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
        Route::NotFound => view! {
            <h1>"Page not found"</h1>
            <p><a href=Route::People.href()>"Go to your people"</a></p>
        }
        .into_any(),
    }
}
