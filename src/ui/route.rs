//! Where the user is: the screen named by the address's `#` fragment, so reload, back and
//! bookmarks work on any static host.

use leptos::prelude::*;

use crate::domain::capture::Situation;
use crate::domain::{CompanyKey, ContactId, OpportunityId};

/// A screen of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Today,
    Capture(Option<Situation>),
    Settings,
    /// Backup, restore and imports.
    Data,
    /// Finding people: LinkedIn searches and the email guesser, pre-filled.
    Find {
        company: String,
        role: String,
    },
    People,
    NewPerson,
    Person(ContactId),
    EditPerson(ContactId),
    Opportunities,
    NewOpportunity,
    Opportunity(OpportunityId),
    EditOpportunity(OpportunityId),
    Companies,
    Company(CompanyKey),
    /// Charts of progress.
    Insights,
    NotFound,
}

impl Route {
    /// The screen for a location hash such as `#/people/0123...`.
    pub fn parse(hash: &str) -> Self {
        let hash = hash.trim_start_matches('#');
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let path = path.trim_start_matches('/');
        let param = |name: &str| {
            query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| js_sys::decode_uri_component(v).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] | ["today"] => Route::Today,
            ["capture"] => Route::Capture(None),
            ["capture", situation] => {
                Situation::from_key(situation).map_or(Route::NotFound, |s| Route::Capture(Some(s)))
            }
            ["settings"] => Route::Settings,
            ["data"] => Route::Data,
            ["find"] => Route::Find { company: param("company"), role: param("role") },
            ["people"] => Route::People,
            ["people", "new"] => Route::NewPerson,
            ["people", id] => id.parse().map_or(Route::NotFound, Route::Person),
            ["people", id, "edit"] => id.parse().map_or(Route::NotFound, Route::EditPerson),
            ["opportunities"] => Route::Opportunities,
            ["opportunities", "new"] => Route::NewOpportunity,
            ["opportunities", id] => id.parse().map_or(Route::NotFound, Route::Opportunity),
            ["opportunities", id, "edit"] => id.parse().map_or(Route::NotFound, Route::EditOpportunity),
            ["companies"] => Route::Companies,
            ["insights"] => Route::Insights,
            ["companies", name] => js_sys::decode_uri_component(name)
                .ok()
                .and_then(|n| n.as_string())
                .and_then(|n| CompanyKey::of(&n))
                .map_or(Route::NotFound, Route::Company),
            _ => Route::NotFound,
        }
    }

    /// The link to this screen.
    pub fn href(&self) -> String {
        match self {
            Route::Today => "#/today".into(),
            Route::Capture(None) => "#/capture".into(),
            Route::Capture(Some(s)) => format!("#/capture/{}", s.key()),
            Route::Settings => "#/settings".into(),
            Route::Data => "#/data".into(),
            Route::Find { company, role } => {
                let enc = |s: &str| String::from(js_sys::encode_uri_component(s));
                format!("#/find?company={}&role={}", enc(company), enc(role))
            }
            Route::People => "#/people".into(),
            Route::NewPerson => "#/people/new".into(),
            Route::Person(id) => format!("#/people/{id}"),
            Route::EditPerson(id) => format!("#/people/{id}/edit"),
            Route::Opportunities => "#/opportunities".into(),
            Route::NewOpportunity => "#/opportunities/new".into(),
            Route::Opportunity(id) => format!("#/opportunities/{id}"),
            Route::EditOpportunity(id) => format!("#/opportunities/{id}/edit"),
            Route::Companies => "#/companies".into(),
            Route::Company(key) => format!("#/companies/{}", String::from(js_sys::encode_uri_component(key.as_str()))),
            Route::Insights => "#/insights".into(),
            Route::NotFound => "#/today".into(),
        }
    }

    /// The section of the navigation this screen belongs to.
    pub fn section(&self) -> Section {
        match self {
            Route::Today | Route::NotFound => Section::Today,
            Route::Capture(_) => Section::Capture,
            Route::Settings => Section::Settings,
            Route::Data => Section::Data,
            Route::Find { .. } => Section::Companies,
            Route::People | Route::NewPerson | Route::Person(_) | Route::EditPerson(_) => Section::People,
            Route::Opportunities | Route::NewOpportunity | Route::Opportunity(_) | Route::EditOpportunity(_) => {
                Section::Opportunities
            }
            Route::Companies | Route::Company(_) => Section::Companies,
            Route::Insights => Section::Insights,
        }
    }
}

/// A top-level section of the navigation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Data,
    Today,
    Capture,
    Settings,
    People,
    Opportunities,
    Companies,
    Insights,
}

/// The current route, following the address bar.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| set_route.set(Route::parse(&current_hash())));
    on_cleanup(move || handle.remove());
    route
}

/// Goes to a screen (as if a link had been followed).
pub fn go(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}
