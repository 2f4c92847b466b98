//! Finding who to contact at a company: the guide's LinkedIn People searches (recruiters,
//! talent acquisition, HR, likely hiring managers) as links, their web-search "X-ray" form,
//! saving a person found, and the email-format guesser.

use leptos::prelude::*;

use super::actions;
use super::common::{ChoiceSelect, FormProblem, TextArea, TextField};
use super::route::Route;
use super::state::{use_app, ActionError};
use crate::domain::finding::email_pattern::{guess, parse_known};
use crate::domain::finding::linkedin_search::{searches, Audience, PeopleSearch, SearchRequest};
use crate::domain::{CompanyKey, ContactDraft, Role};

/// The find-people screen, pre-filled from a company page or an opportunity.
#[component]
pub fn FindPeopleScreen(company: String, role: String) -> impl IntoView {
    let company = RwSignal::new(company);
    let role = RwSignal::new(role);
    let location = RwSignal::new(String::new());
    let errors = RwSignal::new(None::<ActionError>);
    let found = Memo::new(move |_| {
        searches(&SearchRequest { company: company.get(), role: role.get(), location: location.get() })
    });
    view! {
        <h1>"Find people"</h1>
        <p class="hint">"Links open LinkedIn or a web search in a new tab. Nothing is looked up until you click."</p>
        <form class="form" on:submit=|ev| ev.prevent_default() aria-label="What to search for">
            <div class="row">
                <TextField label="Company" name="find_company" value=company errors=errors />
                <TextField label="Role you want (optional)" name="find_role" value=role errors=errors />
                <TextField label="Location (optional)" name="find_location" value=location errors=errors />
            </div>
        </form>
        <Show when=move || !found.with(Vec::is_empty) fallback=|| view! { <p class="empty">"Type a company to build the searches."</p> }>
            <SearchGroup title="Recruiters, talent acquisition and HR" searches=Signal::derive(move || found.get().into_iter().filter(|s| s.audience == Audience::Recruiting).collect()) />
            <SearchGroup title="Likely hiring managers" searches=Signal::derive(move || found.get().into_iter().filter(|s| s.audience == Audience::HiringManagers).collect()) />
        </Show>
        <SaveFoundPerson company=company />
        <KnownAtCompany company=company />
        <ManualGuesser company=company />
    }
}

#[component]
fn SearchGroup(title: &'static str, searches: Signal<Vec<PeopleSearch>>) -> impl IntoView {
    view! {
        <Show when=move || !searches.with(Vec::is_empty)>
            <section>
                <h2>{title}</h2>
                <ul class="searches">
                    {move || searches.get().into_iter().map(|s| view! { <SearchRow search=s /> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn SearchRow(search: PeopleSearch) -> impl IntoView {
    let copied = RwSignal::new(false);
    let link = search.linkedin_url.clone();
    let query = search.xray_query.clone();
    let copy = move |text: String| {
        let _ = window().navigator().clipboard().write_text(&text);
        copied.set(true);
    };
    let copy_link = {
        let link = link.clone();
        move |_| copy(link.clone())
    };
    let copy_query = {
        let query = query.clone();
        move |_| copy(query.clone())
    };
    view! {
        <li class="search">
            <p><strong>{search.label.clone()}</strong></p>
            <div class="actions">
                <a class="button" href=link target="_blank" rel="noopener noreferrer">"Open on LinkedIn"<span class="visually-hidden">" (opens in a new tab)"</span></a>
                <button type="button" on:click=copy_link>"Copy link"</button>
                <a class="button" href=search.xray_url.clone() target="_blank" rel="noopener noreferrer">"Search the web"<span class="visually-hidden">" (opens in a new tab)"</span></a>
                <button type="button" on:click=copy_query>"Copy web query"</button>
            </div>
            <p class="hint"><code>{query}</code></p>
            <p class="status-inline" role="status">{move || copied.get().then_some("Copied.")}</p>
        </li>
    }
}

/// Saving someone found on LinkedIn: name and profile address, at this company.
#[component]
fn SaveFoundPerson(company: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let name = RwSignal::new(String::new());
    let profile = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Recruiter);
    let errors = RwSignal::new(None::<ActionError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ContactDraft {
            name: name.get_untracked(),
            linkedin_url: profile.get_untracked(),
            company: company.get_untracked(),
            role: role.get_untracked(),
            ..ContactDraft::default()
        };
        match actions::add_person(app, &draft) {
            Ok(_) => {
                errors.set(None);
                name.set(String::new());
                profile.set(String::new());
            }
            Err(e) => errors.set(Some(e)),
        }
    };
    view! {
        <form class="form" novalidate on:submit=submit aria-labelledby="save-found-title">
            <h2 id="save-found-title">"Save someone you found"</h2>
            <FormProblem errors=errors />
            <div class="row">
                <TextField label="Name" name="name" value=name errors=errors required=true />
                <TextField label="LinkedIn profile" name="linkedin_url" kind="url" value=profile errors=errors />
                <ChoiceSelect label="Their role" name="found_role" value=role />
            </div>
            <div class="actions"><button type="submit" class="primary">"Save to people"</button></div>
        </form>
    }
}

/// Who I already know at the company, and its email format if known addresses show one.
#[component]
pub fn KnownAtCompany(company: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let data = Memo::new(move |_| {
        let Some(key) = CompanyKey::of(&company.get()) else { return (None, Vec::new(), Vec::new()) };
        app.records.with(|r| {
            let people: Vec<_> = r
                .company(&key)
                .people
                .iter()
                .filter(|c| !c.archived)
                .map(|c| (c.id, c.name.clone(), c.headline()))
                .collect();
            let patterns: Vec<String> = r
                .company_email_patterns(&key)
                .into_iter()
                .map(|p| format!("{}: {} ({} of {} known addresses)", p.domain, p.description, p.following, p.known))
                .collect();
            (Some(key), people, patterns)
        })
    });
    view! {
        {move || {
            let (key, people, patterns) = data.get();
            key.map(|key| view! {
                <section aria-labelledby="known-title">
                    <h2 id="known-title">"Who you know there"</h2>
                    {if people.is_empty() {
                        view! { <p class="empty">"No one yet."</p> }.into_any()
                    } else {
                        view! { <ul>{people.into_iter().map(|(id, name, headline)| view! { <li><a href=Route::Person(id).href()>{name}</a> " " <span class="headline">{headline}</span></li> }).collect_view()}</ul> }.into_any()
                    }}
                    {patterns.into_iter().map(|p| view! { <p>"Email format at " {p}</p> }).collect_view()}
                    <p><a href=Route::Company(key).href()>"Open the company page"</a></p>
                </section>
            })
        }}
    }
}

/// The guesser by hand: known colleagues (one per line) and the person to reach.
#[component]
fn ManualGuesser(company: RwSignal<String>) -> impl IntoView {
    let app = use_app();
    let known_text = RwSignal::new(String::new());
    let target = RwSignal::new(String::new());
    let domain = RwSignal::new(String::new());
    let errors = RwSignal::new(None::<ActionError>);
    let result = RwSignal::new(None::<Result<crate::domain::finding::email_pattern::Guessing, String>>);
    // Pre-fill with colleagues whose addresses the app already knows at this company.
    Effect::new(move |_| {
        let Some(key) = CompanyKey::of(&company.get()) else { return };
        let lines: Vec<String> = app.records.with_untracked(|r| {
            r.company_domains(&key)
                .iter()
                .flat_map(|d| r.known_colleagues(d))
                .map(|k| format!("{}, {}", k.name, k.address))
                .collect()
        });
        if known_text.get_untracked().trim().is_empty() && !lines.is_empty() {
            known_text.set(lines.join("\n"));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let known = parse_known(&known_text.get_untracked());
        let d = domain.get_untracked();
        result.set(Some(
            guess(&known, &target.get_untracked(), (!d.trim().is_empty()).then_some(d.trim()), &[])
                .map_err(|e| e.to_string()),
        ));
    };
    view! {
        <form class="form" novalidate on:submit=submit aria-labelledby="guesser-title">
            <h2 id="guesser-title">"Guess an email address"</h2>
            <p class="hint">"One known colleague per line, as “Full Name, address”. The guesser learns the company's format from them, as the guide describes."</p>
            <TextArea label="Known colleagues" name="guess_known" value=known_text errors=errors rows=3 />
            <div class="row">
                <TextField label="Person to reach (full name)" name="guess_target" value=target errors=errors />
                <TextField label="Email domain (if no colleague is known)" name="guess_domain" value=domain errors=errors />
            </div>
            <div class="actions"><button type="submit" class="primary">"Guess"</button></div>
            {move || result.get().map(|r| match r {
                Err(problem) => view! { <p class="field-error" role="alert">{problem}</p> }.into_any(),
                Ok(g) => view! {
                    <div class="guess-list" role="status">
                        <p>{g.explanation.clone()}</p>
                        <ol>{g.guesses.into_iter().map(|x| view! { <li><code>{x.address}</code> " " <span class="hint">{format!("{:.0}% · {}", x.confidence * 100.0, x.description)}</span></li> }).collect_view()}</ol>
                    </div>
                }.into_any(),
            })}
        </form>
    }
}
