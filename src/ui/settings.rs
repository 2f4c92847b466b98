//! Settings: the follow-up timings (each defaulting to the guide's figure), weekends, my name
//! and signature, and the message templates.

use leptos::prelude::*;

use super::actions;
use super::common::{FormProblem, TextArea, TextField};
use super::state::{use_app, ActionError};
use crate::domain::follow_up::draft::{Templates, PLACEHOLDERS};
use crate::domain::follow_up::{Purpose, Settings};
use crate::domain::FieldError;

/// Each timing: its field name, its label, and how to read and write it.
type Timing = (&'static str, &'static str, fn(&Settings) -> u32, fn(&mut Settings, u32));

const TIMINGS: &[Timing] = &[
    (
        "new_contact_hours",
        "After meeting someone new, follow up within (hours)",
        |s| s.new_contact_hours,
        |s, v| s.new_contact_hours = v,
    ),
    (
        "introduction_hours",
        "After an introduction, reach out and thank within (hours)",
        |s| s.introduction_hours,
        |s, v| s.introduction_hours = v,
    ),
    (
        "warm_connection_days",
        "Warm connection at a target company: within (days)",
        |s| s.warm_connection_days,
        |s, v| s.warm_connection_days = v,
    ),
    (
        "keep_in_touch_earliest_days",
        "Keep in touch: not before (days since last contact)",
        |s| s.keep_in_touch_earliest_days,
        |s, v| s.keep_in_touch_earliest_days = v,
    ),
    (
        "keep_in_touch_due_days",
        "Keep in touch: at the latest (days)",
        |s| s.keep_in_touch_due_days,
        |s, v| s.keep_in_touch_due_days = v,
    ),
    (
        "application_earliest_hours",
        "After applying online: not before (hours)",
        |s| s.application_earliest_hours,
        |s, v| s.application_earliest_hours = v,
    ),
    (
        "application_due_hours",
        "After applying online: at the latest (hours)",
        |s| s.application_due_hours,
        |s, v| s.application_due_hours = v,
    ),
    (
        "resume_shared_days",
        "Resume shared by a contact: follow up within (days)",
        |s| s.resume_shared_days,
        |s, v| s.resume_shared_days = v,
    ),
    (
        "nudge_earliest_days",
        "No answer: next follow-up not before (days)",
        |s| s.nudge_earliest_days,
        |s, v| s.nudge_earliest_days = v,
    ),
    (
        "nudge_due_days",
        "No answer: next follow-up at the latest (days)",
        |s| s.nudge_due_days,
        |s, v| s.nudge_due_days = v,
    ),
    (
        "application_max_follow_ups",
        "Follow-ups after an application before stopping",
        |s| s.application_max_follow_ups,
        |s, v| s.application_max_follow_ups = v,
    ),
    ("thank_you_hours", "Interview thank-you within (hours)", |s| s.thank_you_hours, |s, v| s.thank_you_hours = v),
    (
        "interview_check_in_days",
        "Check in after an interview (days)",
        |s| s.interview_check_in_days,
        |s, v| s.interview_check_in_days = v,
    ),
    (
        "interview_repeat_days",
        "Then, with no answer, every (days)",
        |s| s.interview_repeat_days,
        |s, v| s.interview_repeat_days = v,
    ),
    ("interview_repeat_times", "...this many times", |s| s.interview_repeat_times, |s, v| s.interview_repeat_times = v),
    (
        "interview_monthly_days",
        "...then every (days)",
        |s| s.interview_monthly_days,
        |s, v| s.interview_monthly_days = v,
    ),
    (
        "interview_max_attempts",
        "Attempts after the one-week check-in before stopping",
        |s| s.interview_max_attempts,
        |s, v| s.interview_max_attempts = v,
    ),
    ("reply_hours", "Reply to someone who wrote within (hours)", |s| s.reply_hours, |s, v| s.reply_hours = v),
    ("spacing_days", "Warn when reaching out again within (days)", |s| s.spacing_days, |s, v| s.spacing_days = v),
];

/// The settings screen.
#[component]
pub fn SettingsScreen() -> impl IntoView {
    view! {
        <h1>"Settings"</h1>
        <TimingsForm />
        <TemplatesForm />
    }
}

#[component]
fn TimingsForm() -> impl IntoView {
    let app = use_app();
    let current = app.records.with_untracked(|r| r.settings.clone());
    let values: Vec<RwSignal<String>> =
        TIMINGS.iter().map(|(_, _, get, _)| RwSignal::new(get(&current).to_string())).collect();
    let values = StoredValue::new(values);
    let skip_weekends = RwSignal::new(current.skip_weekends);
    let my_name = RwSignal::new(current.my_name.clone());
    let signature = RwSignal::new(current.signature.clone());
    let errors = RwSignal::new(None::<ActionError>);
    let fill = move |s: &Settings| {
        values.with_value(|vals| {
            for ((_, _, get, _), v) in TIMINGS.iter().zip(vals) {
                v.set(get(s).to_string());
            }
        });
        skip_weekends.set(s.skip_weekends);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut settings = app.records.with_untracked(|r| r.settings.clone());
        let mut problems = Vec::new();
        values.with_value(|vals| {
            for ((name, _, _, set), v) in TIMINGS.iter().zip(vals) {
                match v.get_untracked().trim().parse::<u32>() {
                    Ok(n) if n <= 3650 => set(&mut settings, n),
                    _ => problems.push(FieldError::new(name, "Enter a whole number from 0 to 3650.")),
                }
            }
        });
        settings.skip_weekends = skip_weekends.get_untracked();
        settings.my_name = my_name.get_untracked().trim().to_owned();
        settings.signature = signature.get_untracked().trim_end().to_owned();
        let result = if problems.is_empty() {
            actions::save_settings(app, settings)
        } else {
            Err(ActionError::Invalid(problems))
        };
        errors.set(result.err());
    };
    view! {
        <form class="form" novalidate on:submit=submit aria-labelledby="timings-title">
            <h2 id="timings-title">"Follow-up timings"</h2>
            <p class="hint">"Each starts at the figure the career guide recommends."</p>
            <FormProblem errors=errors />
            <div class="settings-grid">
                {values.with_value(|vals| TIMINGS.iter().zip(vals.iter().copied()).map(|((name, label, _, _), v)| view! {
                    <TextField label=label name=name kind="number" value=v errors=errors />
                }).collect_view())}
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || skip_weekends.get() on:change=move |ev| skip_weekends.set(event_target_checked(&ev)) />
                "Move due dates that fall on a weekend to Monday 09:00"
            </label>
            <h2>"You"</h2>
            <TextField label="Your name" name="my_name" value=my_name errors=errors autocomplete="name" />
            <TextArea label="Signature for drafts" name="signature" value=signature errors=errors rows=3 />
            <div class="actions">
                <button type="submit" class="primary">"Save settings"</button>
                <button type="button" on:click=move |_| fill(&Settings::default())>"Reset timings to the guide's"</button>
            </div>
        </form>
    }
}

#[component]
fn TemplatesForm() -> impl IntoView {
    let app = use_app();
    let current = app.records.with_untracked(|r| r.templates.clone());
    let fields: Vec<(Purpose, RwSignal<String>, RwSignal<String>)> = Purpose::ALL
        .iter()
        .map(|&p| {
            let t = current.for_purpose(p);
            (p, RwSignal::new(t.subject.clone()), RwSignal::new(t.body.clone()))
        })
        .collect();
    let fields = StoredValue::new(fields);
    let errors = RwSignal::new(None::<ActionError>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut templates = Templates::default();
        fields.with_value(|fs| {
            for (p, subject, body) in fs {
                let t = templates.for_purpose_mut(*p);
                t.subject = subject.get_untracked();
                t.body = body.get_untracked();
            }
        });
        errors.set(actions::save_templates(app, templates).err());
    };
    let reset = move |_| {
        let defaults = Templates::default();
        fields.with_value(|fs| {
            for (p, subject, body) in fs {
                subject.set(defaults.for_purpose(*p).subject.clone());
                body.set(defaults.for_purpose(*p).body.clone());
            }
        });
    };
    view! {
        <form class="form" novalidate on:submit=submit aria-labelledby="templates-title">
            <h2 id="templates-title">"Message templates"</h2>
            <p class="hint">"Drafts fill these in. A line whose placeholders are empty (nothing discussed, no next step) is left out."</p>
            <details>
                <summary>"Placeholders you can use"</summary>
                <dl class="details">
                    {PLACEHOLDERS.iter().map(|(p, what)| view! { <dt><code>{*p}</code></dt><dd>{*what}</dd> }).collect_view()}
                </dl>
            </details>
            <FormProblem errors=errors />
            {fields.get_value().into_iter().map(|(p, subject, body)| {
                let key = p.key();
                view! {
                    <fieldset>
                        <legend>{p.label()}</legend>
                        <div class="field">
                            <label for=format!("template-{key}-subject")>"Subject"</label>
                            <input id=format!("template-{key}-subject") type="text" prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev)) />
                        </div>
                        <div class="field">
                            <label for=format!("template-{key}-body")>"Message"</label>
                            <textarea id=format!("template-{key}-body") rows=8 prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                        </div>
                    </fieldset>
                }
            }).collect_view()}
            <div class="actions">
                <button type="submit" class="primary">"Save templates"</button>
                <button type="button" on:click=reset>"Reset to the defaults"</button>
            </div>
        </form>
    }
}
