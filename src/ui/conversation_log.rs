//! A person's conversations: the form to log one and the log itself, newest first.

use leptos::prelude::*;

use super::actions;
use super::clock;
use super::common::{ChoiceSelect, FormProblem, TextArea, TextField};
use super::route::Route;
use super::state::{use_app, ActionError};
use crate::domain::conversation::CheckBackAnswer;
use crate::domain::follow_up::etiquette::spacing_warning;
use crate::domain::{Channel, ContactId, Conversation, ConversationDraft, ConversationId, Direction, Topic};

/// The log of conversations with one person, with a button to add one.
#[component]
pub fn ConversationLog(contact_id: ContactId) -> impl IntoView {
    let app = use_app();
    let adding = RwSignal::new(false);
    let editing = RwSignal::new(None::<ConversationId>);
    let conversations = Memo::new(move |_| {
        app.records.with(|r| r.conversations_with(contact_id).into_iter().cloned().collect::<Vec<_>>())
    });
    view! {
        <section class="conversations" aria-labelledby="conversations-title">
            <div class="screen-head">
                <h2 id="conversations-title">"Conversations"</h2>
                <Show when=move || !adding.get()>
                    <button type="button" class="primary" on:click=move |_| adding.set(true)>"Log a conversation"</button>
                </Show>
            </div>
            <Show when=move || adding.get()>
                <ConversationForm contact_id=contact_id editing=None on_done=Callback::new(move |()| adding.set(false)) />
            </Show>
            <Show when=move || !conversations.with(Vec::is_empty) fallback=|| view! { <p class="empty">"Nothing logged yet. Log what you talked about while it is fresh."</p> }>
                <ol class="conversation-list">
                    <For each=move || conversations.get() key=|c| (c.id, c.updated_at) let:c>
                        {move || if editing.get() == Some(c.id) {
                            view! { <li><ConversationForm contact_id=contact_id editing=Some(c.clone()) on_done=Callback::new(move |()| editing.set(None)) /></li> }.into_any()
                        } else {
                            view! { <ConversationEntry conversation=c.clone() on_edit=Callback::new(move |id| editing.set(Some(id))) /> }.into_any()
                        }}
                    </For>
                </ol>
            </Show>
        </section>
    }
}

/// One logged conversation.
#[component]
fn ConversationEntry(conversation: Conversation, on_edit: Callback<ConversationId>) -> impl IntoView {
    let app = use_app();
    let c = conversation;
    let id = c.id;
    let confirming = RwSignal::new(false);
    let opportunity =
        c.opportunity_id.and_then(|o| app.records.with_untracked(|r| r.opportunity(o).map(|o| (o.id, o.title()))));
    let block = |label: &'static str, text: String| {
        (!text.is_empty()).then(|| view! { <dt>{label}</dt><dd class="prose">{text}</dd> })
    };
    view! {
        <li class="conversation">
            <p class="when">
                <time datetime=c.at.format("%Y-%m-%dT%H:%M").to_string()>{c.at.format("%a %-d %b %Y, %H:%M").to_string()}</time>
                " · " {c.channel.label()} " · " {c.direction.label()}
                {(c.topic != Topic::General).then(|| format!(" · {}", c.topic.label()))}
                {opportunity.map(|(oid, title)| view! { " · " <a href=Route::Opportunity(oid).href()>{title}</a> })}
            </p>
            <dl>
                {block("Key points", c.key_points.clone())}
                {block("Open questions", c.open_questions.clone())}
                {block("Next step", c.next_step.clone())}
                <dt>"Checking back"</dt>
                <dd>{c.check_back.describe()}</dd>
            </dl>
            <div class="actions">
                <button type="button" class="link" on:click=move |_| on_edit.run(id)>"Edit"</button>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! { <button type="button" class="link danger" on:click=move |_| confirming.set(true)>"Delete"</button> }
                >
                    <span role="alert">"Delete this conversation for good? "</span>
                    <button type="button" class="danger" on:click=move |_| { let _ = actions::delete_conversation(app, id); }>"Delete"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Keep"</button>
                </Show>
            </div>
        </li>
    }
}

/// Logging a new conversation, or editing a logged one.
#[component]
fn ConversationForm(contact_id: ContactId, editing: Option<Conversation>, on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let edit_id = editing.as_ref().map(|c| c.id);
    let d = editing.as_ref().map_or_else(|| ConversationDraft::new(clock::now()), ConversationDraft::from);
    let at = RwSignal::new(d.at);
    let channel = RwSignal::new(d.channel);
    let direction = RwSignal::new(d.direction);
    let topic = RwSignal::new(d.topic);
    let opportunity = RwSignal::new(d.opportunity_id.map(|o| o.to_string()).unwrap_or_default());
    let key_points = RwSignal::new(d.key_points);
    let open_questions = RwSignal::new(d.open_questions);
    let next_step = RwSignal::new(d.next_step);
    let check_back = RwSignal::new(d.check_back);
    let check_back_on = RwSignal::new(d.check_back_on);
    let errors = RwSignal::new(None::<ActionError>);
    let opportunities = Memo::new(move |_| {
        app.records.with(|r| {
            // The person's own opportunities first: that is what a conversation is usually about.
            let mine: Vec<_> = r.opportunities_of(contact_id).into_iter().map(|(o, _)| o.id).collect();
            let mut list: Vec<(bool, String, String)> =
                r.opportunities.iter().map(|o| (!mine.contains(&o.id), o.title(), o.id.to_string())).collect();
            list.sort();
            list.dedup();
            list
        })
    });

    // Reaching out again too soon is the guide's "too much outreach" mistake: say so while typing.
    let spacing = move || {
        if edit_id.is_some() || direction.get() != Direction::IReachedOut {
            return None;
        }
        let mut ignored = Vec::new();
        let when = crate::domain::validate::date_time("at", &at.get(), &mut ignored)?;
        app.records.with(|r| spacing_warning(r, contact_id, when))
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ConversationDraft {
            at: at.get_untracked(),
            channel: channel.get_untracked(),
            direction: direction.get_untracked(),
            topic: topic.get_untracked(),
            opportunity_id: opportunity.get_untracked().parse().ok(),
            key_points: key_points.get_untracked(),
            open_questions: open_questions.get_untracked(),
            next_step: next_step.get_untracked(),
            check_back: check_back.get_untracked(),
            check_back_on: check_back_on.get_untracked(),
        };
        let result = match edit_id {
            Some(id) => actions::save_conversation(app, id, &draft),
            None => actions::log_conversation(app, contact_id, &draft).map(|_| ()),
        };
        match result {
            Ok(()) => on_done.run(()),
            Err(e) => errors.set(Some(e)),
        }
    };
    let radio = move |value: CheckBackAnswer, label: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="check_back" prop:checked=move || check_back.get() == value on:change=move |_| check_back.set(value) />
                {label}
            </label>
        }
    };

    view! {
        <form class="form conversation-form" novalidate on:submit=submit aria-label=if edit_id.is_some() { "Edit conversation" } else { "Log a conversation" }>
            <FormProblem errors=errors />
            <div class="row">
                <TextField label="When" name="at" kind="datetime-local" value=at errors=errors required=true />
                <ChoiceSelect label="Channel" name="channel" value=channel options=Channel::ALL />
                <ChoiceSelect label="Who started it" name="direction" value=direction options=Direction::ALL />
                <ChoiceSelect label="What it was" name="topic" value=topic options=Topic::ALL />
            </div>
            {move || spacing().map(|w| view! { <p class="warning" role="note"><strong>"Too soon? "</strong>{w}</p> })}
            <div class="field">
                <label for="field-opportunity_id">"About an opportunity"</label>
                <select id="field-opportunity_id" on:change=move |ev| opportunity.set(event_target_value(&ev))>
                    <option value="" selected=move || opportunity.get().is_empty()>"None in particular"</option>
                    {move || opportunities.get().into_iter().map(|(_, title, value)| {
                        let v = value.clone();
                        view! { <option value=value selected=move || opportunity.get() == v>{title}</option> }
                    }).collect_view()}
                </select>
                {move || errors.with(|e| e.as_ref().and_then(|e| e.field("opportunity_id"))).map(|m| view! { <p class="field-error">{m}</p> })}
            </div>
            <TextArea label="What we discussed (key points)" name="key_points" value=key_points errors=errors rows=4 />
            <TextArea label="Questions that came up and still need an answer" name="open_questions" value=open_questions errors=errors rows=2 />
            <TextField label="Next step we agreed" name="next_step" value=next_step errors=errors />
            <fieldset class="inline">
                <legend>"May I check back?"</legend>
                {radio(CheckBackAnswer::NotAsked, "Not discussed")}
                {radio(CheckBackAnswer::Allowed, "Yes")}
                {radio(CheckBackAnswer::Declined, "They asked me not to")}
            </fieldset>
            <Show when=move || check_back.get() == CheckBackAnswer::Allowed>
                <TextField label="Check back on (optional)" name="check_back_on" kind="date" value=check_back_on errors=errors />
            </Show>
            <div class="actions">
                <button type="submit" class="primary">{if edit_id.is_some() { "Save conversation" } else { "Log conversation" }}</button>
                <button type="button" on:click=move |_| on_done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
