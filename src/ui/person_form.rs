//! Adding or editing a person: every field the guide says is worth tracking.

use leptos::prelude::*;

use super::actions;
use super::common::{ChoiceSelect, FormProblem, OptionalChoiceSelect, TextArea, TextField};
use super::route::{go, Route};
use super::state::{use_app, ActionError};
use crate::domain::{Channel, Choice, ContactDraft, ContactId, MomentDraft, MomentKind};

/// One editable personal moment row.
#[derive(Debug, Clone, Copy)]
struct MomentRow {
    key: u32,
    kind: RwSignal<MomentKind>,
    date: RwSignal<String>,
    note: RwSignal<String>,
}

impl MomentRow {
    fn new(key: u32, m: &MomentDraft) -> Self {
        Self {
            key,
            kind: RwSignal::new(m.kind),
            date: RwSignal::new(m.date.clone()),
            note: RwSignal::new(m.note.clone()),
        }
    }
}

/// The person form: empty for a new person, filled for an edit.
#[component]
pub fn PersonForm(id: Option<ContactId>) -> impl IntoView {
    let app = use_app();
    let existing = id.and_then(|id| app.records.with_untracked(|r| r.contact(id).map(ContactDraft::from)));
    if id.is_some() && existing.is_none() {
        return view! { <h1>"Person not found"</h1><p>"They may have been deleted." <a href=Route::People.href()>" Back to people"</a></p> }.into_any();
    }
    let d = existing.unwrap_or_default();
    let name = RwSignal::new(d.name);
    let company = RwSignal::new(d.company);
    let title = RwSignal::new(d.title);
    let role = RwSignal::new(d.role);
    let email = RwSignal::new(d.email);
    let email_status = RwSignal::new(d.email_status);
    let phone = RwSignal::new(d.phone);
    let linkedin_url = RwSignal::new(d.linkedin_url);
    let how_we_met = RwSignal::new(d.how_we_met);
    let introduced_by = RwSignal::new(d.introduced_by.map(|i| i.to_string()).unwrap_or_default());
    let preferred_channel = RwSignal::new(d.preferred_channel);
    let notes = RwSignal::new(d.notes);
    let moments =
        RwSignal::new(d.moments.iter().enumerate().map(|(i, m)| MomentRow::new(i as u32, m)).collect::<Vec<_>>());
    let next_key = StoredValue::new(d.moments.len() as u32);
    let errors = RwSignal::new(None::<ActionError>);

    let others = Memo::new(move |_| {
        app.records.with(|r| {
            let mut list: Vec<(String, String)> =
                r.contacts.iter().filter(|c| Some(c.id) != id).map(|c| (c.id.to_string(), c.name.clone())).collect();
            list.sort_by_cached_key(|(_, name)| name.to_lowercase());
            list
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ContactDraft {
            name: name.get_untracked(),
            company: company.get_untracked(),
            title: title.get_untracked(),
            role: role.get_untracked(),
            email: email.get_untracked(),
            email_status: email_status.get_untracked(),
            phone: phone.get_untracked(),
            linkedin_url: linkedin_url.get_untracked(),
            how_we_met: how_we_met.get_untracked(),
            introduced_by: introduced_by.get_untracked().parse().ok(),
            preferred_channel: preferred_channel.get_untracked(),
            notes: notes.get_untracked(),
            moments: moments
                .get_untracked()
                .iter()
                .map(|m| MomentDraft {
                    kind: m.kind.get_untracked(),
                    date: m.date.get_untracked(),
                    note: m.note.get_untracked(),
                })
                .collect(),
        };
        let result = match id {
            Some(id) => actions::save_person(app, id, &draft).map(|()| id),
            None => actions::add_person(app, &draft),
        };
        match result {
            Ok(saved) => {
                errors.set(None);
                go(&Route::Person(saved));
            }
            Err(e) => errors.set(Some(e)),
        }
    };

    let add_moment = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        moments.update(|m| {
            m.push(MomentRow::new(
                key,
                &MomentDraft { kind: MomentKind::Birthday, date: String::new(), note: String::new() },
            ))
        });
    };

    let cancel_href = id.map_or(Route::People, Route::Person).href();
    view! {
        <h1>{if id.is_some() { "Edit person" } else { "Add a person" }}</h1>
        <form class="form" novalidate on:submit=submit>
            <FormProblem errors=errors />
            <fieldset>
                <legend>"Who"</legend>
                <TextField label="Name" name="name" value=name errors=errors required=true autocomplete="off" />
                <TextField label="Company" name="company" value=company errors=errors />
                <TextField label="Title" name="title" value=title errors=errors />
                <ChoiceSelect label="Role in my search" name="role" value=role />
            </fieldset>
            <fieldset>
                <legend>"How to reach them"</legend>
                <TextField label="Email" name="email" kind="email" value=email errors=errors />
                <ChoiceSelect label="This email is" name="email_status" value=email_status />
                <TextField label="Phone" name="phone" kind="tel" value=phone errors=errors />
                <TextField label="LinkedIn profile" name="linkedin_url" kind="url" value=linkedin_url errors=errors hint="A full address starting with https://" />
                <OptionalChoiceSelect label="Prefers to be reached by" name="preferred_channel" value=preferred_channel none_label="Not known yet" options=Channel::REACHABLE errors=errors />
            </fieldset>
            <fieldset>
                <legend>"How we know each other"</legend>
                <TextArea label="How and where we met" name="how_we_met" value=how_we_met errors=errors rows=2 />
                <div class="field" class:has-error=move || errors.with(|e| e.as_ref().and_then(|e| e.field("introduced_by")).is_some())>
                    <label for="field-introduced_by">"Introduced by"</label>
                    <select id="field-introduced_by" name="introduced_by" on:change=move |ev| introduced_by.set(event_target_value(&ev))>
                        <option value="" selected=move || introduced_by.get().is_empty()>"Nobody / not applicable"</option>
                        {move || others.get().into_iter().map(|(value, label)| {
                            let v = value.clone();
                            view! { <option value=value selected=move || introduced_by.get() == v>{label}</option> }
                        }).collect_view()}
                    </select>
                    {move || errors.with(|e| e.as_ref().and_then(|e| e.field("introduced_by"))).map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
                <TextArea label="Personal notes" name="notes" value=notes errors=errors rows=4 />
            </fieldset>
            <fieldset>
                <legend>"Moments worth a note"</legend>
                <p class="hint">"Birthdays, a new job, a wedding, a baby, a surgery: a reason to send good wishes."</p>
                {move || errors.with(|e| e.as_ref().and_then(|e| e.field("moments"))).map(|m| view! { <p class="field-error">{m}</p> })}
                <For each=move || moments.get() key=|m| m.key let:m>
                    <div class="moment-row">
                        <div class="field">
                            <label for=format!("moment-kind-{}", m.key)>"Moment"</label>
                            <select id=format!("moment-kind-{}", m.key) on:change=move |ev| if let Some(k) = MomentKind::from_key(&event_target_value(&ev)) { m.kind.set(k) }>
                                {MomentKind::all().iter().map(|&k| view! { <option value=k.key() selected=move || m.kind.get() == k>{k.label()}</option> }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=format!("moment-date-{}", m.key)>"Date"</label>
                            <input id=format!("moment-date-{}", m.key) type="date" prop:value=move || m.date.get() on:input=move |ev| m.date.set(event_target_value(&ev)) />
                        </div>
                        <div class="field">
                            <label for=format!("moment-note-{}", m.key)>"Note"</label>
                            <input id=format!("moment-note-{}", m.key) type="text" prop:value=move || m.note.get() on:input=move |ev| m.note.set(event_target_value(&ev)) />
                        </div>
                        <button type="button" class="link" on:click=move |_| moments.update(|list| list.retain(|x| x.key != m.key))>"Remove moment"</button>
                    </div>
                </For>
                <button type="button" on:click=add_moment>"Add a moment"</button>
            </fieldset>
            <div class="actions">
                <button type="submit" class="primary">{if id.is_some() { "Save changes" } else { "Add person" }}</button>
                <a class="button" href=cancel_href>"Cancel"</a>
            </div>
        </form>
    }
    .into_any()
}
