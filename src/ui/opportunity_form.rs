//! Adding or editing an opportunity's details (stage moves happen on its page).

use leptos::prelude::*;

use super::actions;
use super::clock;
use super::common::{ChoiceSelect, FormProblem, TextArea, TextField};
use super::route::{go, Route};
use super::state::{use_app, ActionError};
use crate::domain::validate;
use crate::domain::{FieldError, OpportunityDraft, OpportunityId, Stage};

/// The opportunity form: empty for a new one, filled for an edit.
#[component]
pub fn OpportunityForm(id: Option<OpportunityId>) -> impl IntoView {
    let app = use_app();
    let existing = id.and_then(|id| app.records.with_untracked(|r| r.opportunity(id).map(OpportunityDraft::from)));
    if id.is_some() && existing.is_none() {
        return view! { <h1>"Opportunity not found"</h1><p><a href=Route::Opportunities.href()>"Back to opportunities"</a></p> }.into_any();
    }
    let d = existing.unwrap_or_default();
    let company = RwSignal::new(d.company);
    let role = RwSignal::new(d.role);
    let posting_url = RwSignal::new(d.posting_url);
    let source = RwSignal::new(d.source);
    let notes = RwSignal::new(d.notes);
    let stage = RwSignal::new(Stage::Interested);
    let stage_on = RwSignal::new(clock::now().format("%Y-%m-%d").to_string());
    let errors = RwSignal::new(None::<ActionError>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = OpportunityDraft {
            company: company.get_untracked(),
            role: role.get_untracked(),
            posting_url: posting_url.get_untracked(),
            source: source.get_untracked(),
            notes: notes.get_untracked(),
        };
        let result = match id {
            Some(id) => actions::save_opportunity(app, id, &draft).map(|()| id),
            None => {
                let mut date_errors: Vec<FieldError> = Vec::new();
                match validate::date("stage_on", &stage_on.get_untracked(), &mut date_errors) {
                    Some(on) => actions::add_opportunity(app, &draft, stage.get_untracked(), on),
                    None => Err(ActionError::Invalid(date_errors)),
                }
            }
        };
        match result {
            Ok(saved) => go(&Route::Opportunity(saved)),
            Err(e) => errors.set(Some(e)),
        }
    };
    let cancel = id.map_or(Route::Opportunities, Route::Opportunity).href();
    view! {
        <h1>{if id.is_some() { "Edit opportunity" } else { "Add an opportunity" }}</h1>
        <form class="form" novalidate on:submit=submit>
            <FormProblem errors=errors />
            <TextField label="Company" name="company" value=company errors=errors required=true />
            <TextField label="Role" name="role" value=role errors=errors required=true />
            <TextField label="Job posting" name="posting_url" kind="url" value=posting_url errors=errors hint="A full address starting with https://" />
            <ChoiceSelect label="How it came about" name="source" value=source />
            {id.is_none().then(|| view! {
                <div class="row">
                    <ChoiceSelect label="Stage" name="stage" value=stage />
                    <TextField label="Since" name="stage_on" kind="date" value=stage_on errors=errors />
                </div>
            })}
            <TextArea label="Notes" name="notes" value=notes errors=errors rows=3 />
            <div class="actions">
                <button type="submit" class="primary">{if id.is_some() { "Save changes" } else { "Add opportunity" }}</button>
                <a class="button" href=cancel>"Cancel"</a>
            </div>
        </form>
    }
    .into_any()
}
