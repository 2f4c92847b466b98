//! One person: who they are, how to reach them, what we talked about, newest first.

use leptos::prelude::*;

use super::actions;
use super::common::WebLink;
use super::conversation_log::ConversationLog;
use super::email_guess::GuessEmail;
use super::route::{go, Route};
use super::state::use_app;
use crate::domain::follow_up::due_in_words;
use crate::domain::{CompanyKey, Contact, ContactId, EmailStatus, Removed};

/// The person's page.
#[component]
pub fn PersonPage(id: ContactId) -> impl IntoView {
    let app = use_app();
    let contact = Memo::new(move |_| app.records.with(|r| r.contact(id).cloned()));
    move || match contact.get() {
        None => view! {
            <h1>"Person not found"</h1>
            <p>"They may have been deleted. " <a href=Route::People.href()>"Back to people"</a></p>
        }
        .into_any(),
        Some(c) => {
            view! { <PersonDetails contact=c /> <PersonFollowUps id=id /> <ConversationLog contact_id=id /> }.into_any()
        }
    }
}

#[component]
fn PersonDetails(contact: Contact) -> impl IntoView {
    let app = use_app();
    let id = contact.id;
    let introducer = contact
        .introduced_by
        .and_then(|i| app.records.with_untracked(|r| r.contact(i).map(|c| (c.id, c.name.clone()))));
    let introduced =
        app.records.with_untracked(|r| r.introduced_by(id).iter().map(|c| (c.id, c.name.clone())).collect::<Vec<_>>());
    let opportunities = app.records.with_untracked(|r| {
        r.opportunities_of(id).into_iter().map(|(o, part)| (o.id, o.title(), part.label())).collect::<Vec<_>>()
    });
    let company_link =
        CompanyKey::of(&contact.company).map(|key| (Route::Company(key).href(), contact.company.clone()));
    let confirming_delete = RwSignal::new(None::<Removed>);
    let archived = contact.archived;

    let toggle_archive = move |_| {
        let _ = actions::set_archived(app, id, !archived);
    };
    let download_card = move |_| {
        let text = app.records.with_untracked(|r| {
            r.contact(id).map(|c| crate::domain::exports::vcard::cards([c], super::clock::now_utc()))
        });
        if let Some(text) = text {
            let _ = super::common::download_text("contact.vcf", &text, "text/vcard");
        }
    };
    let ask_delete = move |_| confirming_delete.set(Some(app.records.with_untracked(|r| r.removal_of(id))));
    let confirm_delete = move |_| {
        if actions::delete_person(app, id).is_ok() {
            go(&Route::People);
        }
    };

    view! {
        <div class="screen-head">
            <div>
                <h1>{contact.name.clone()}</h1>
                <p class="headline">
                    {(!contact.title.is_empty()).then(|| contact.title.clone())}
                    {(!contact.title.is_empty() && company_link.is_some()).then_some(" at ")}
                    {company_link.map(|(href, name)| view! { <a href=href>{name}</a> })}
                </p>
                <p><span class="tag">{contact.role.label()}</span>{archived.then_some(view! { <span class="tag muted">"Archived"</span> })}</p>
            </div>
            <div class="actions">
                <a class="button" href=Route::EditPerson(id).href()>"Edit"</a>
                <button type="button" on:click=toggle_archive>{if archived { "Restore" } else { "Archive" }}</button>
                <button type="button" on:click=download_card>"Contact card"</button>
                <button type="button" class="danger" on:click=ask_delete>"Delete"</button>
            </div>
        </div>
        {move || confirming_delete.get().map(|removed| view! {
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-title">
                <p id="confirm-delete-title"><strong>"Delete this person for good?"</strong></p>
                <p>{format!(
                    "This also deletes {} conversation(s) and {} link(s) to opportunities; {} person(s) they introduced stay, without the link. Archiving keeps everything instead.",
                    removed.conversations, removed.opportunity_links, removed.introductions
                )}</p>
                <button type="button" class="danger" on:click=confirm_delete>"Delete for good"</button>
                <button type="button" on:click=move |_| confirming_delete.set(None)>"Keep"</button>
            </div>
        })}
        <dl class="details">
            {contact.email.clone().map(|e| {
                let guessed = e.status == EmailStatus::Guessed;
                view! {
                    <dt>"Email"</dt>
                    <dd>
                        {e.address.clone()} " " <span class="tag" class:muted=guessed>{e.status.label()}</span>
                        {guessed.then(|| view! {
                            " " <button type="button" class="link" on:click=move |_| { let _ = actions::confirm_email(app, id); }>"It works"</button>
                            " " <button type="button" class="link danger" on:click=move |_| { let _ = actions::email_bounced(app, id); }>"It bounced"</button>
                        })}
                    </dd>
                }
            })}
            {(contact.email.is_none() && !contact.company.is_empty()).then(|| view! { <dt>"Email"</dt><dd><GuessEmail id=id name=contact.name.clone() /></dd> })}
            {(!contact.phone.is_empty()).then(|| view! { <dt>"Phone"</dt><dd>{contact.phone.clone()}</dd> })}
            {contact.linkedin_url.clone().map(|u| view! { <dt>"LinkedIn"</dt><dd><WebLink url=u text="Profile" /></dd> })}
            {contact.preferred_channel.map(|c| view! { <dt>"Prefers"</dt><dd>{c.label()}</dd> })}
            {(!contact.how_we_met.is_empty()).then(|| view! { <dt>"How we met"</dt><dd class="prose">{contact.how_we_met.clone()}</dd> })}
            {introducer.map(|(iid, iname)| view! { <dt>"Introduced by"</dt><dd><a href=Route::Person(iid).href()>{iname}</a></dd> })}
            {(!introduced.is_empty()).then(|| view! {
                <dt>"Introduced me to"</dt>
                <dd>{introduced.into_iter().map(|(pid, pname)| view! { <a class="comma" href=Route::Person(pid).href()>{pname}</a> }).collect_view()}</dd>
            })}
            {(!opportunities.is_empty()).then(|| view! {
                <dt>"Opportunities"</dt>
                <dd><ul>{opportunities.into_iter().map(|(oid, title, part)| view! { <li><a href=Route::Opportunity(oid).href()>{title}</a> " (" {part} ")"</li> }).collect_view()}</ul></dd>
            })}
            {(!contact.notes.is_empty()).then(|| view! { <dt>"Notes"</dt><dd class="prose">{contact.notes.clone()}</dd> })}
            {(!contact.moments.is_empty()).then(|| view! {
                <dt>"Moments"</dt>
                <dd><ul>{contact.moments.iter().map(|m| view! {
                    <li>{m.kind.label()} ": " {m.date.format("%-d %b %Y").to_string()} {(!m.note.is_empty()).then(|| format!(" ({})", m.note))}</li>
                }).collect_view()}</ul></dd>
            })}
        </dl>
    }
}

/// What is next with this person, or why following up has ended.
#[component]
fn PersonFollowUps(id: ContactId) -> impl IntoView {
    let app = use_app();
    let lines = Memo::new(move |_| {
        let now = app.now.get();
        app.agenda.with(|a| {
            let mut lines: Vec<(String, String)> = a
                .items
                .iter()
                .filter(|f| f.contact == Some(id))
                .map(|f| (f.reason.to_string(), due_in_words(f.due, now)))
                .collect();
            lines.extend(a.stopped.iter().filter(|s| s.contact == Some(id)).map(|s| (s.reason.clone(), String::new())));
            lines
        })
    });
    view! {
        <section class="next-steps" aria-labelledby="person-next-title">
            <h2 id="person-next-title">"Next follow-up"</h2>
            {move || {
                let lines = lines.get();
                if lines.is_empty() {
                    view! { <p class="empty">"Nothing scheduled. Log a conversation and the next step appears."</p> }.into_any()
                } else {
                    view! { <ul>{lines.into_iter().map(|(reason, due)| view! { <li>{reason} " " <strong>{due}</strong></li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}
