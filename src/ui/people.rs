//! The people list: search by name, company or title, filter by role and company.

use leptos::prelude::*;

use super::common::WindowedList;
use super::route::Route;
use super::state::use_app;
use crate::domain::people_search::PeopleIndex;
use crate::domain::{CompanyKey, ContactId, PeopleFilter, Role};

/// The height of one row in pixels; `.person-row` in the stylesheet fixes it.
const PERSON_ROW_HEIGHT: f64 = 64.0;

/// One row of the list, owned so the list can be diffed by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct PersonRow {
    id: ContactId,
    name: String,
    headline: String,
    role: Role,
    archived: bool,
}

/// Everyone I am following up with.
#[component]
pub fn PeopleScreen() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let role = RwSignal::new(None::<Role>);
    let company = RwSignal::new(String::new());
    let include_archived = RwSignal::new(false);

    let companies = Memo::new(move |_| {
        app.records.with(|r| {
            r.companies()
                .into_iter()
                .filter(|c| c.people > 0)
                .map(|c| (c.key.as_str().to_owned(), c.name))
                .collect::<Vec<_>>()
        })
    });
    let total = Memo::new(move |_| app.records.with(|r| r.contacts.len()));
    // Prepared once per change of the records; each keystroke only compares prepared text.
    let index = Memo::new(move |_| app.records.with(|r| PeopleIndex::new(&r.contacts)));
    let found = Memo::new(move |_| {
        let filter = PeopleFilter {
            text: text.get(),
            role: role.get(),
            company: CompanyKey::of(&company.get()),
            include_archived: include_archived.get(),
        };
        index.with(|i| i.search(&filter))
    });
    // Only the rows on screen are built.
    let row_at = move |position: usize| {
        app.records.with_untracked(|r| {
            r.contacts.get(position).map(|c| PersonRow {
                id: c.id,
                name: c.name.clone(),
                headline: c.headline(),
                role: c.role,
                archived: c.archived,
            })
        })
    };

    view! {
        <div class="screen-head">
            <h1>"People"</h1>
            <a class="button primary" href=Route::NewPerson.href()>"Add person"</a>
        </div>
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="people-search">"Search"</label>
                <input
                    id="people-search"
                    type="search"
                    placeholder="Name, company or title"
                    prop:value=move || text.get()
                    on:input=move |ev| text.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="people-role">"Role"</label>
                <select id="people-role" on:change=move |ev| role.set(Role::from_key(&event_target_value(&ev)))>
                    <option value="">"All roles"</option>
                    {Role::ALL.iter().map(|r| view! { <option value=r.key()>{r.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="people-company">"Company"</label>
                <select id="people-company" on:change=move |ev| company.set(event_target_value(&ev))>
                    <option value="">"All companies"</option>
                    {move || companies.get().into_iter().map(|(key, name)| view! { <option value=key>{name}</option> }).collect_view()}
                </select>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || include_archived.get() on:change=move |ev| include_archived.set(event_target_checked(&ev)) />
                "Show archived"
            </label>
        </form>
        <p class="count" aria-live="polite">
            {move || {
                let (shown, all) = (found.with(Vec::len), total.get());
                if shown == all { format!("{all} people") } else { format!("{shown} of {all} people") }
            }}
        </p>
        <Show
            when=move || !found.with(Vec::is_empty)
            fallback=move || {
                view! {
                    <p class="empty">
                        {move || if total.get() == 0 {
                            "No one here yet. Add the first person you met, applied through or interviewed with."
                        } else {
                            "No one matches. Try fewer words or clear the filters."
                        }}
                    </p>
                }
            }
        >
            <WindowedList
                // Rows are keyed by what they show, so an edit (here or in another tab) redraws them.
                items=Signal::derive(move || { app.records.track(); found.get() })
                row_height=PERSON_ROW_HEIGHT
                class="people-list"
                key=move |position: &usize| (*position, row_at(*position))
                row=move |index, position: usize| {
                    let total = found.with_untracked(Vec::len);
                    row_at(position).map(|row| view! {
                        <li class="person-row" class:archived=row.archived aria-posinset=index + 1 aria-setsize=total>
                            <a href=Route::Person(row.id).href()>{row.name.clone()}</a>
                            <span class="headline">{row.headline.clone()}</span>
                            <span class="tags">
                                <span class="tag">{row.role.label()}</span>
                                {row.archived.then_some(view! { <span class="tag muted">"Archived"</span> })}
                            </span>
                        </li>
                    })
                }
            />
        </Show>
    }
}
