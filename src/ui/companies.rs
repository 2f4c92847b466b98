//! Companies: every company named by a person or an opportunity, and one company's page with
//! everyone and every opportunity there.

use leptos::prelude::*;

use super::common::{ShowMore, WindowedList, PAGE};
use super::email_guess::GuessEmail;
use super::route::Route;
use super::state::use_app;
use crate::domain::{CompanyKey, CompanySummary};

/// Fixed row height, so the list renders only the rows on screen (`.company-row` in the
/// stylesheet): 30,000 connections name thousands of companies.
const COMPANY_ROW_HEIGHT: f64 = 64.0;

/// The list of companies.
#[component]
pub fn CompaniesScreen() -> impl IntoView {
    let app = use_app();
    let companies = Memo::new(move |_| app.records.with(|r| r.companies()));
    view! {
        <h1>"Companies"</h1>
        <Show when=move || !companies.with(Vec::is_empty) fallback=|| view! { <p class="empty">"Companies appear here as soon as a person or an opportunity names one."</p> }>
            <p class="count">{move || match companies.with(Vec::len) {
                1 => "1 company".to_owned(),
                n => format!("{n} companies"),
            }}</p>
            <WindowedList
                items=Signal::from(companies)
                row_height=COMPANY_ROW_HEIGHT
                class="company-list"
                // Keyed by what the row shows, so a change of name or counts redraws it.
                key=|c: &CompanySummary| (c.key.clone(), c.name.clone(), c.people, c.opportunities)
                row=move |index, c: CompanySummary| {
                    let total = companies.with_untracked(Vec::len);
                    view! {
                        <li class="company-row" aria-posinset=index + 1 aria-setsize=total>
                            <a href=Route::Company(c.key.clone()).href()>{c.name.clone()}</a>
                            <span class="headline">{counts(c.people, c.opportunities)}</span>
                        </li>
                    }
                }
            />
        </Show>
    }
}

fn counts(people: usize, opportunities: usize) -> String {
    let people = if people == 1 { "1 person".to_owned() } else { format!("{people} people") };
    let opportunities =
        if opportunities == 1 { "1 opportunity".to_owned() } else { format!("{opportunities} opportunities") };
    format!("{people} · {opportunities}")
}

/// Everyone and every opportunity at one company.
#[component]
pub fn CompanyPage(key: CompanyKey) -> impl IntoView {
    let app = use_app();
    let view_key = key.clone();
    let data = Memo::new(move |_| {
        app.records.with(|r| {
            let v = r.company(&view_key);
            let people = v
                .people
                .iter()
                .map(|c| (c.id, c.name.clone(), c.title.clone(), c.role.label(), c.archived, c.email.is_none()))
                .collect::<Vec<_>>();
            let opportunities =
                v.opportunities.iter().map(|o| (o.id, o.role.clone(), o.stage().label())).collect::<Vec<_>>();
            (v.name, people, opportunities)
        })
    });
    let patterns = Memo::new({
        let key = key.clone();
        move |_| app.records.with(|r| r.company_email_patterns(&key))
    });
    let shown = RwSignal::new(PAGE);
    let find_href = move || Route::Find { company: data.with(|d| d.0.clone()), role: String::new() }.href();
    view! {
        <div class="screen-head">
            <h1>{move || data.with(|d| d.0.clone())}</h1>
            <a class="button" href=find_href>"Find recruiters and hiring managers"</a>
        </div>
        <Show when=move || !patterns.with(Vec::is_empty)>
            <section aria-labelledby="company-email">
                <h2 id="company-email">"Email format"</h2>
                <ul>
                    {move || patterns.get().into_iter().map(|p| view! {
                        <li><strong>{p.domain.clone()}</strong> ": " {p.description.clone()} " " <code>{p.pattern.clone()}</code> {format!(" ({} of {} known addresses)", p.following, p.known)}</li>
                    }).collect_view()}
                </ul>
            </section>
        </Show>
        <section aria-labelledby="company-people">
            <h2 id="company-people">"People"</h2>
            {move || data.with(|(_, people, _)| if people.is_empty() {
                view! { <p class="empty">"No one here yet."</p> }.into_any()
            } else {
                view! {
                    // Not the people screen's fixed-height rows: a row here grows with its
                    // email guess.
                    <ul class="people-list">
                        {people.iter().take(shown.get()).cloned().map(|(id, name, title, role, archived, no_email)| view! {
                            <li class="member-row" class:archived=archived>
                                <a href=Route::Person(id).href()>{name.clone()}</a>
                                <span class="headline">{title}</span>
                                <span class="tag">{role}</span>
                                {archived.then_some(view! { <span class="tag muted">"Archived"</span> })}
                                {(no_email && !archived).then(|| view! { <GuessEmail id=id name=name.clone() /> })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
            <ShowMore shown=shown total=Signal::derive(move || data.with(|d| d.1.len())) />
            <p><a class="button" href=Route::NewPerson.href()>"Add a person"</a></p>
        </section>
        <section aria-labelledby="company-opportunities">
            <h2 id="company-opportunities">"Opportunities"</h2>
            {move || data.with(|(_, _, opportunities)| if opportunities.is_empty() {
                view! { <p class="empty">"No opportunities here yet."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {opportunities.iter().cloned().map(|(id, role, stage)| view! {
                            <li><a href=Route::Opportunity(id).href()>{role}</a> " · " {stage}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}
