//! One opportunity: its details, its stage history, moving it on, and the people involved.

use leptos::prelude::*;

use super::actions;
use super::clock;
use super::common::{ChoiceSelect, FormProblem, TextField, WebLink};
use super::find_people::KnownAtCompany;
use super::route::{go, Route};
use super::state::{use_app, ActionError};
use crate::domain::validate;
use crate::domain::{CompanyKey, ContactId, FieldError, OfferStep, Opportunity, OpportunityId, Part, Stage};

/// The opportunity's page.
#[component]
pub fn OpportunityPage(id: OpportunityId) -> impl IntoView {
    let app = use_app();
    let opportunity = Memo::new(move |_| app.records.with(|r| r.opportunity(id).cloned()));
    move || {
        match opportunity.get() {
        None => view! { <h1>"Opportunity not found"</h1><p><a href=Route::Opportunities.href()>"Back to opportunities"</a></p> }.into_any(),
        Some(o) => view! {
            <OpportunityDetails opportunity=o.clone() />
            <NextFollowUps opportunity=o.id />
            {(o.stage() == Stage::Offer).then(|| view! { <OfferChecklist opportunity=o.clone() /> })}
            {(o.stage() == Stage::Accepted).then(|| view! { <WithdrawOthers opportunity=o.id /> })}
            <MoveStage opportunity=o.clone() />
            <StageHistory opportunity=o.clone() />
            <KnownAtCompany company=RwSignal::new(o.company.clone()) />
            <PeopleInvolved opportunity=o />
        }
        .into_any(),
    }
    }
}

#[component]
fn OpportunityDetails(opportunity: Opportunity) -> impl IntoView {
    let app = use_app();
    let id = opportunity.id;
    let confirming = RwSignal::new(false);
    let company_href = CompanyKey::of(&opportunity.company).map(|k| Route::Company(k).href());
    view! {
        <div class="screen-head">
            <div>
                <h1>{opportunity.role.clone()}</h1>
                <p class="headline">"at " {match company_href {
                    Some(href) => view! { <a href=href>{opportunity.company.clone()}</a> }.into_any(),
                    None => opportunity.company.clone().into_any(),
                }}</p>
                <p><span class="tag" class:muted=!opportunity.stage().is_active()>{opportunity.stage().label()}</span> " " {opportunity.source.label()}</p>
            </div>
            <div class="actions">
                <a class="button" href=Route::Find { company: opportunity.company.clone(), role: opportunity.role.clone() }.href()>"Find the recruiter and hiring manager"</a>
                <a class="button" href=Route::EditOpportunity(id).href()>"Edit"</a>
                <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete"</button>
            </div>
        </div>
        <Show when=move || confirming.get()>
            <div class="confirm" role="alertdialog" aria-labelledby="confirm-opp-title">
                <p id="confirm-opp-title"><strong>"Delete this opportunity?"</strong> " Conversations about it are kept."</p>
                <button type="button" class="danger" on:click=move |_| if actions::delete_opportunity(app, id).is_ok() { go(&Route::Opportunities) }>"Delete for good"</button>
                <button type="button" on:click=move |_| confirming.set(false)>"Keep"</button>
            </div>
        </Show>
        <dl class="details">
            {opportunity.posting_url.clone().map(|u| view! { <dt>"Posting"</dt><dd><WebLink url=u text="Job posting" /></dd> })}
            {(!opportunity.notes.is_empty()).then(|| view! { <dt>"Notes"</dt><dd class="prose">{opportunity.notes.clone()}</dd> })}
        </dl>
    }
}

#[component]
fn MoveStage(opportunity: Opportunity) -> impl IntoView {
    let app = use_app();
    let id = opportunity.id;
    let current = opportunity.stage();
    let next = Stage::ALL.iter().copied().skip_while(|s| *s != current).nth(1).unwrap_or(current);
    let stage = RwSignal::new(next);
    let on = RwSignal::new(clock::now().format("%Y-%m-%d").to_string());
    let errors = RwSignal::new(None::<ActionError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut date_errors: Vec<FieldError> = Vec::new();
        let result = match validate::date("stage_on", &on.get_untracked(), &mut date_errors) {
            Some(day) => actions::move_stage(app, id, stage.get_untracked(), day),
            None => Err(ActionError::Invalid(date_errors)),
        };
        errors.set(result.err());
    };
    view! {
        <form class="form inline-form" novalidate on:submit=submit aria-label="Move to another stage">
            <FormProblem errors=errors />
            <div class="row">
                <ChoiceSelect label="Move to stage" name="move_stage" value=stage />
                <TextField label="On" name="stage_on" kind="date" value=on errors=errors />
                <div class="field"><button type="submit" class="primary">"Move"</button></div>
            </div>
        </form>
    }
}

#[component]
fn StageHistory(opportunity: Opportunity) -> impl IntoView {
    view! {
        <section aria-labelledby="history-title">
            <h2 id="history-title">"Stage history"</h2>
            <ol class="history">
                {opportunity.history.iter().rev().map(|c| view! {
                    <li><time datetime=c.on.to_string()>{c.on.format("%a %-d %b %Y").to_string()}</time> ": " {c.stage.label()}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn PeopleInvolved(opportunity: Opportunity) -> impl IntoView {
    let app = use_app();
    let id = opportunity.id;
    let linked = app.records.with_untracked(|r| {
        opportunity
            .people
            .iter()
            .map(|i| {
                (
                    i.contact_id,
                    r.contact(i.contact_id).map_or_else(|| "(deleted)".to_owned(), |c| c.name.clone()),
                    i.part,
                )
            })
            .collect::<Vec<_>>()
    });
    let candidates = Memo::new(move |_| {
        app.records.with(|r| {
            // People at the same company first: they are the likely recruiters and interviewers.
            let key = r.opportunity(id).and_then(|o| CompanyKey::of(&o.company));
            let mut list: Vec<(bool, String, String)> = r
                .contacts
                .iter()
                .filter(|c| !c.archived)
                .map(|c| (CompanyKey::of(&c.company) != key, c.name.clone(), c.id.to_string()))
                .collect();
            list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.to_lowercase().cmp(&b.1.to_lowercase())));
            list
        })
    });
    let person = RwSignal::new(String::new());
    let part = RwSignal::new(Part::Recruiter);
    let errors = RwSignal::new(None::<ActionError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let result = match person.get_untracked().parse::<ContactId>() {
            Ok(contact) => actions::link_person(app, id, contact, part.get_untracked()),
            Err(_) => Err(ActionError::Invalid(vec![FieldError::new("contact_id", "Pick a person from your list.")])),
        };
        errors.set(result.err());
    };
    view! {
        <section aria-labelledby="people-title">
            <h2 id="people-title">"People involved"</h2>
            {if linked.is_empty() {
                view! { <p class="empty">"No one linked yet: add the recruiter, the hiring manager, your interviewers and whoever referred you."</p> }.into_any()
            } else {
                view! {
                    <ul class="linked">
                        {linked.into_iter().map(|(cid, name, p)| view! {
                            <li>
                                <a href=Route::Person(cid).href()>{name}</a> " (" {p.label()} ") "
                                <button type="button" class="link" on:click=move |_| { let _ = actions::unlink_person(app, id, cid, p); }>"Remove"<span class="visually-hidden">" link"</span></button>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form class="form inline-form" novalidate on:submit=submit aria-label="Link a person">
                <FormProblem errors=errors />
                <div class="row">
                    <div class="field" class:has-error=move || errors.with(|e| e.as_ref().and_then(|e| e.field("contact_id")).is_some())>
                        <label for="field-contact_id">"Person"</label>
                        <select id="field-contact_id" on:change=move |ev| person.set(event_target_value(&ev))>
                            <option value="">"Choose a person"</option>
                            {move || candidates.get().into_iter().map(|(_, name, value)| view! { <option value=value>{name}</option> }).collect_view()}
                        </select>
                        {move || errors.with(|e| e.as_ref().and_then(|e| e.field("contact_id"))).map(|m| view! { <p class="field-error">{m}</p> })}
                    </div>
                    <ChoiceSelect label="Their part" name="part" value=part />
                    <div class="field"><button type="submit">"Link person"</button></div>
                </div>
                <p class="hint">"Not in your list yet? " <a href=Route::NewPerson.href()>"Add them first"</a> "."</p>
            </form>
        </section>
    }
}

/// The follow-ups this opportunity currently calls for.
#[component]
fn NextFollowUps(opportunity: OpportunityId) -> impl IntoView {
    let app = use_app();
    let items = Memo::new(move |_| {
        let now = app.now.get();
        app.agenda.with(|a| {
            a.items
                .iter()
                .filter(|f| f.opportunity == Some(opportunity))
                .map(|f| (f.reason.to_string(), crate::domain::follow_up::due_in_words(f.due, now)))
                .chain(
                    a.stopped
                        .iter()
                        .filter(|s| s.opportunity == Some(opportunity))
                        .map(|s| (s.reason.clone(), String::new())),
                )
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <section aria-labelledby="next-title">
                <h2 id="next-title">"Follow-ups"</h2>
                <ul>
                    {move || items.get().into_iter().map(|(reason, due)| view! { <li>{reason} " " <strong>{due}</strong></li> }).collect_view()}
                </ul>
                <p><a href=Route::Today.href()>"Act on them in Today"</a></p>
            </section>
        </Show>
    }
}

/// The guide's offer steps, to tick off in order.
#[component]
fn OfferChecklist(opportunity: Opportunity) -> impl IntoView {
    let app = use_app();
    let id = opportunity.id;
    view! {
        <section aria-labelledby="offer-title">
            <h2 id="offer-title">"Offer checklist"</h2>
            <ul class="checklist">
                {OfferStep::ALL.iter().map(|&step| {
                    let done = opportunity.offer_done.contains(&step);
                    view! {
                        <li>
                            <label class="check">
                                <input type="checkbox" prop:checked=done on:change=move |ev| { let _ = actions::tick_offer_step(app, id, step, event_target_checked(&ev)); } />
                                {step.label()}
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="hint">"Accepting or declining still ends with a thank-you, on a positive note. Move the stage when you decide."</p>
        </section>
    }
}

/// After accepting: offer to withdraw the other opportunities still in play.
#[component]
fn WithdrawOthers(opportunity: OpportunityId) -> impl IntoView {
    let app = use_app();
    let others = Memo::new(move |_| {
        app.records.with(|r| r.opportunities.iter().filter(|o| o.id != opportunity && o.stage().is_active()).count())
    });
    view! {
        <Show when=move || { others.get() > 0 }>
            <section class="banner" aria-labelledby="withdraw-title">
                <h2 id="withdraw-title">"Congratulations!"</h2>
                <p>{move || format!("{} other opportunit{} still in play. Withdraw them? The follow-ups to tell their contacts stay on your Today list.", others.get(), if others.get() == 1 { "y is" } else { "ies are" })}</p>
                <button type="button" on:click=move |_| { let _ = actions::withdraw_others(app, opportunity); }>"Withdraw the others"</button>
            </section>
        </Show>
    }
}
