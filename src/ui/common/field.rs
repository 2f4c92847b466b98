//! Labelled form fields that show their own error message next to them.

use leptos::prelude::*;

use crate::domain::Choice;
use crate::ui::state::ActionError;

/// The error shown for a field, from the form's last failed submit.
fn message_for(errors: RwSignal<Option<ActionError>>, name: &'static str) -> impl Fn() -> Option<String> + Copy {
    move || errors.with(|e| e.as_ref().and_then(|e| e.field(name)))
}

/// A one-line text input with a label, an optional hint and its error message.
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Option<ActionError>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let message = message_for(errors, name);
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if message().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="field" class:has-error=move || message().is_some()>
            <label for=id.clone()>{label}{required.then_some(view! { <span class="required" aria-hidden="true">" *"</span> })}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                required=required
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {move || message().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// A multi-line text input with a label and its error message.
#[component]
pub fn TextArea(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Option<ActionError>>,
    #[prop(default = 3)] rows: u32,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let message = message_for(errors, name);
    view! {
        <div class="field" class:has-error=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            <textarea
                id=id
                name=name
                rows=rows
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            {move || message().map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
        </div>
    }
}

/// A drop-down over one of the domain's fixed choices.
#[component]
pub fn ChoiceSelect<T: Choice>(
    label: &'static str,
    name: &'static str,
    value: RwSignal<T>,
    #[prop(optional)] options: Option<&'static [T]>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let options = options.unwrap_or_else(T::all);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                name=name
                on:change=move |ev| {
                    if let Some(v) = T::from_key(&event_target_value(&ev)) {
                        value.set(v);
                    }
                }
            >
                {options
                    .iter()
                    .map(|&o| view! { <option value=o.key() selected=move || value.get() == o>{o.label()}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A drop-down over a fixed choice, with a first "not set" option.
#[component]
pub fn OptionalChoiceSelect<T: Choice>(
    label: &'static str,
    name: &'static str,
    value: RwSignal<Option<T>>,
    none_label: &'static str,
    #[prop(optional)] options: Option<&'static [T]>,
    #[prop(optional)] errors: Option<RwSignal<Option<ActionError>>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let options = options.unwrap_or_else(T::all);
    let message = move || errors.and_then(|e| message_for(e, name)());
    view! {
        <div class="field" class:has-error=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name on:change=move |ev| value.set(T::from_key(&event_target_value(&ev)))>
                <option value="" selected=move || value.get().is_none()>{none_label}</option>
                {options
                    .iter()
                    .map(|&o| view! { <option value=o.key() selected=move || value.get() == Some(o)>{o.label()}</option> })
                    .collect_view()}
            </select>
            {move || message().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}

/// The form-level message after a failed submit: how many fields need attention, or why
/// the save failed.
#[component]
pub fn FormProblem(errors: RwSignal<Option<ActionError>>) -> impl IntoView {
    view! {
        <div class="form-problem" role="alert">
            {move || errors.get().map(|e| view! { <p>{e.summary()}</p> })}
        </div>
    }
}
