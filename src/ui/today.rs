//! The home screen: what to follow up on, most pressing first (overdue, due today, this
//! week, waiting), each with the reason, the due date in words and the actions to take.

use std::ops::Range;

use leptos::prelude::*;

use super::actions;
use super::common::{ShowMore, PAGE};
use super::draft_panel::DraftPanel;
use super::route::Route;
use super::state::{use_app, ActionError};
use crate::domain::follow_up::cards::{card_facts, CardFacts};
use crate::domain::follow_up::{due_in_words, not_before_in_words, FollowUp, Stopped, Urgency};
use crate::domain::validate;

/// The Today view.
#[component]
pub fn TodayScreen() -> impl IntoView {
    let app = use_app();
    let empty = Memo::new(move |_| app.records.with(|r| r.contacts.is_empty() && r.opportunities.is_empty()));
    let has_examples = Memo::new(move |_| app.records.with(|r| r.has_examples()));
    let sections = Memo::new(move |_| {
        let now = app.now.get();
        app.agenda.with(|a| a.section_ranges(now))
    });
    let stopped = Memo::new(move |_| app.agenda.with(|a| a.stopped.clone()));
    view! {
        <div class="screen-head">
            <h1>"Today"</h1>
            <a class="button primary" href=Route::Capture(None).href()>"Capture what just happened"</a>
        </div>
        <Show when=move || has_examples.get()>
            <div class="banner">
                <p>"Example data is loaded: the people and jobs marked “(example)” are not real."</p>
                <button type="button" on:click=move |_| { let _ = actions::remove_examples(app); }>"Remove example data"</button>
            </div>
        </Show>
        <Show when=move || !empty.get() fallback=move || view! { <Welcome /> }>
            <Show when=move || !sections.with(Vec::is_empty)>
                {move || sections.get().into_iter().map(|(urgency, range)| view! { <AgendaSection urgency=urgency range=range /> }).collect_view()}
            </Show>
            <Show when=move || sections.with(Vec::is_empty)>
                <p class="empty">"Nothing to follow up on right now. Log conversations as they happen and the next steps appear here."</p>
            </Show>
            <Show when=move || !stopped.with(Vec::is_empty)>
                <StoppedList stopped=stopped />
            </Show>
        </Show>
    }
}

/// What a first-time user sees: what the app does, and two ways to start.
#[component]
fn Welcome() -> impl IntoView {
    let app = use_app();
    view! {
        <section class="welcome" aria-labelledby="welcome-title">
            <h2 id="welcome-title">"Follow up with everyone you meet, on time"</h2>
            <p>
                "Tell Follow-up what just happened (you met someone, applied, had an interview) and it works out who to "
                "follow up with and by when, using a career coach's timelines: within 24 hours after meeting someone, "
                "24-48 hours after applying, a thank-you within a day of every interview, a check-in a week later, and a "
                "quarterly hello to keep your network warm. It drafts each message from what you talked about."
            </p>
            <p>"Everything stays in this browser. Nothing is sent anywhere."</p>
            <div class="actions">
                <a class="button primary" href=Route::Capture(None).href()>"Capture your first conversation"</a>
                <button type="button" on:click=move |_| { let _ = actions::load_examples(app); }>"Try it with example data"</button>
            </div>
        </section>
    }
}

/// One urgency's cards: the items of the agenda in `range`, a page at a time.
#[component]
fn AgendaSection(urgency: Urgency, range: Range<usize>) -> impl IntoView {
    let app = use_app();
    let id = format!("section-{urgency:?}").to_lowercase();
    let labelled = id.clone();
    let count = range.len();
    // A big network has thousands waiting: show them a page at a time, most pressing first.
    let shown = RwSignal::new(PAGE.min(count));
    // The page's items with what their cards name, looked up for the whole page at once.
    let page = move || {
        let items: Vec<FollowUp> = app.agenda.with(|a| {
            let end = (range.start + shown.get()).min(range.end).min(a.items.len());
            a.items.get(range.start..end).map(<[FollowUp]>::to_vec).unwrap_or_default()
        });
        let now = app.now.get_untracked();
        let facts = app.records.with_untracked(|r| card_facts(r, &items, now));
        items.into_iter().zip(facts).collect::<Vec<_>>()
    };
    view! {
        <section class="agenda-section" class:overdue=urgency == Urgency::Overdue aria-labelledby=labelled>
            <h2 id=id>{urgency.heading()} <span class="count">" (" {count} ")"</span></h2>
            <ul class="agenda">
                <For
                    each=page
                    key=|(f, facts)| (f.key, facts.clone())
                    children=|(f, facts)| view! { <FollowUpCard follow_up=f facts=facts /> }
                />
            </ul>
            <ShowMore shown=shown total=count />
        </section>
    }
}

/// What the card's action area shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Draft,
    Snooze,
    Skip,
}

/// One follow-up: who, about what, why, by when, and what to do about it.
#[component]
fn FollowUpCard(follow_up: FollowUp, facts: CardFacts) -> impl IntoView {
    let app = use_app();
    let f = StoredValue::new(follow_up.clone());
    let now = app.now.get_untracked();
    let urgency = follow_up.urgency(now);
    let CardFacts { person, opportunity, warning } = facts;
    let panel = RwSignal::new(Panel::None);
    let errors = RwSignal::new(None::<ActionError>);
    let tomorrow = (now + chrono::Duration::days(1)).format("%Y-%m-%d").to_string();
    let snooze_until = RwSignal::new(tomorrow);
    let skip_reason = RwSignal::new(String::new());
    let has_person = follow_up.contact.is_some();
    let toggle = move |p: Panel| panel.update(|current| *current = if *current == p { Panel::None } else { p });
    let done = move |_| errors.set(f.with_value(|f| actions::complete_follow_up(app, f)).err());
    let replied = move |_| errors.set(f.with_value(|f| actions::they_replied(app, f)).err());
    let snooze = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        let result = match validate::date("snooze_until", &snooze_until.get_untracked(), &mut problems) {
            Some(day) => f.with_value(|f| actions::snooze(app, f, day)),
            None => Err(ActionError::Invalid(problems)),
        };
        errors.set(result.err());
    };
    let skip = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        errors.set(f.with_value(|f| actions::skip(app, f, &skip_reason.get_untracked())).err());
    };
    let key = follow_up.key.to_string();
    let dom_id = format!("fu-{:x}", key.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b))));
    let title_id = format!("{dom_id}-title");
    let labelled_by = title_id.clone();
    view! {
        <li class="follow-up" class:is-overdue=urgency == Urgency::Overdue aria-labelledby=labelled_by>
            <p class="who" id=title_id>
                {match person {
                    Some((id, name)) => view! { <a href=Route::Person(id).href()>{name}</a> }.into_any(),
                    None => view! { <span>"Someone to find"</span> }.into_any(),
                }}
                {opportunity.map(|(id, title)| view! { <span class="about">" · " <a href=Route::Opportunity(id).href()>{title}</a></span> })}
            </p>
            <p class="reason">{follow_up.reason.to_string()}</p>
            <p class="due">
                {(urgency == Urgency::Overdue).then_some(view! { <strong class="tag overdue-tag">"Overdue"</strong> " " })}
                {due_in_words(follow_up.due, now)}
                {not_before_in_words(follow_up.earliest, now).map(|w| format!(" · {w}"))}
                <span class="purpose">" · " {follow_up.rule.purpose().label()}</span>
            </p>
            <details class="guide">
                <summary>"Why this timing?"</summary>
                <p>{follow_up.rule.guide()}</p>
            </details>
            {warning.map(|w| view! { <p class="warning" role="note"><strong>"Too soon? "</strong>{w}</p> })}
            <div class="actions">
                <button type="button" class="primary" on:click=done>"Done"</button>
                {has_person.then(|| view! { <button type="button" on:click=replied>"They replied"</button> })}
                <button type="button" aria-expanded=move || (panel.get() == Panel::Draft).to_string() on:click=move |_| toggle(Panel::Draft)>"Draft message"</button>
                <button type="button" aria-expanded=move || (panel.get() == Panel::Snooze).to_string() on:click=move |_| toggle(Panel::Snooze)>"Snooze"</button>
                <button type="button" aria-expanded=move || (panel.get() == Panel::Skip).to_string() on:click=move |_| toggle(Panel::Skip)>"Skip"</button>
            </div>
            {move || errors.get().map(|e| view! { <p class="field-error" role="alert">{e.field("follow_up").or_else(|| e.field("snooze_until")).or_else(|| e.field("skip_reason")).unwrap_or_else(|| e.summary())}</p> })}
            {move || match panel.get() {
                Panel::None => ().into_any(),
                Panel::Draft => view! { <DraftPanel follow_up=f.get_value() /> }.into_any(),
                Panel::Snooze => view! {
                    <form class="inline-form" on:submit=snooze aria-label="Snooze">
                        <label for=format!("{dom_id}-until")>"Remind me on"</label>
                        <input id=format!("{dom_id}-until") type="date" prop:value=move || snooze_until.get() on:input=move |ev| snooze_until.set(event_target_value(&ev)) />
                        <button type="submit">"Snooze"</button>
                    </form>
                }.into_any(),
                Panel::Skip => view! {
                    <form class="inline-form" on:submit=skip aria-label="Skip">
                        <label for=format!("{dom_id}-reason")>"Why skip it?"</label>
                        <input id=format!("{dom_id}-reason") type="text" placeholder="e.g. we spoke at the meetup instead" prop:value=move || skip_reason.get() on:input=move |ev| skip_reason.set(event_target_value(&ev)) />
                        <button type="submit">"Skip"</button>
                    </form>
                }.into_any(),
            }}
        </li>
    }
}

/// Ladders that ended without an answer: shown so nothing silently disappears.
#[component]
fn StoppedList(stopped: Memo<Vec<Stopped>>) -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(PAGE);
    view! {
        <section class="agenda-section stopped" aria-labelledby="section-stopped">
            <h2 id="section-stopped">"Done following up"</h2>
            <ul class="agenda">
                {move || stopped.get().into_iter().take(shown.get()).map(|s| {
                    let person = s.contact.and_then(|c| app.records.with_untracked(|r| r.contact(c).map(|c| (c.id, c.name.clone()))));
                    view! {
                        <li class="follow-up muted">
                            {person.map(|(id, name)| view! { <p class="who"><a href=Route::Person(id).href()>{name}</a></p> })}
                            <p class="reason">{s.reason}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <ShowMore shown=shown total=Signal::derive(move || stopped.with(Vec::len)) />
        </section>
    }
}
