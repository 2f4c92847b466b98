//! Quick capture: pick the situation ("I just met someone", "I had an interview"...), fill
//! one short form, and see at once the follow-ups it produced and when they are due.

use leptos::prelude::*;

use super::actions;
use super::clock;
use super::common::{ChoiceSelect, FormProblem, TextArea, TextField};
use super::route::Route;
use super::state::{use_app, ActionError};
use crate::domain::capture::{CaptureDraft, OpportunityChoice, PersonChoice, Situation};
use crate::domain::follow_up::{due_in_words, FollowUp, Key};
use crate::domain::{Channel, ContactId, OpportunityId, Part, Source};

/// The situation chooser, or the form for one situation.
#[component]
pub fn CaptureScreen(situation: Option<Situation>) -> impl IntoView {
    match situation {
        None => view! {
            <h1>"What just happened?"</h1>
            <ul class="situations">
                {Situation::ALL.iter().map(|s| view! {
                    <li>
                        <a class="situation" href=Route::Capture(Some(*s)).href()>
                            <strong>{s.label()}</strong>
                            <span>{s.hint()}</span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        Some(s) => view! { <CaptureForm situation=s /> }.into_any(),
    }
}

/// A person picked from the list, or typed in as new.
#[derive(Debug, Clone, Copy)]
struct PersonField {
    existing: RwSignal<String>,
    name: RwSignal<String>,
    company: RwSignal<String>,
}

impl PersonField {
    fn new() -> Self {
        Self {
            existing: RwSignal::new(String::new()),
            name: RwSignal::new(String::new()),
            company: RwSignal::new(String::new()),
        }
    }

    fn choice(&self) -> Option<PersonChoice> {
        if let Ok(id) = self.existing.get_untracked().parse::<ContactId>() {
            return Some(PersonChoice::Existing(id));
        }
        let name = self.name.get_untracked();
        (!name.trim().is_empty()).then(|| PersonChoice::New {
            name,
            company: self.company.get_untracked(),
            title: String::new(),
        })
    }
}

/// Everyone in the list, for pickers: (id, "Name, Company").
fn people_options() -> Memo<Vec<(String, String)>> {
    let app = use_app();
    Memo::new(move |_| {
        app.records.with(|r| {
            let mut list: Vec<(String, String)> = r
                .contacts
                .iter()
                .filter(|c| !c.archived)
                .map(|c| {
                    (
                        c.id.to_string(),
                        if c.company.is_empty() { c.name.clone() } else { format!("{}, {}", c.name, c.company) },
                    )
                })
                .collect();
            list.sort_by_cached_key(|(_, label)| label.to_lowercase());
            list
        })
    })
}

#[component]
fn PersonPicker(
    legend: &'static str,
    name: &'static str,
    field: PersonField,
    errors: RwSignal<Option<ActionError>>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let options = people_options();
    let message = move || errors.with(|e| e.as_ref().and_then(|e| e.field(name)));
    let new_person = move || field.existing.get().is_empty();
    view! {
        <fieldset class="picker" class:has-error=move || message().is_some()>
            <legend>{legend}{optional.then_some(" (optional)")}</legend>
            <div class="field">
                <label for=format!("{name}-existing")>"Someone in your list"</label>
                <select id=format!("{name}-existing") on:change=move |ev| field.existing.set(event_target_value(&ev))>
                    <option value="" selected=move || field.existing.get().is_empty()>"New person (type below)"</option>
                    {move || options.get().into_iter().map(|(value, label)| {
                        let v = value.clone();
                        view! { <option value=value selected=move || field.existing.get() == v>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Show when=new_person>
                <div class="row">
                    <div class="field">
                        <label for=format!("{name}-name")>"New person's name"</label>
                        <input id=format!("{name}-name") type="text" prop:value=move || field.name.get() on:input=move |ev| field.name.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for=format!("{name}-company")>"Their company"</label>
                        <input id=format!("{name}-company") type="text" prop:value=move || field.company.get() on:input=move |ev| field.company.set(event_target_value(&ev)) />
                    </div>
                </div>
            </Show>
            {move || message().map(|m| view! { <p class="field-error">{m}</p> })}
        </fieldset>
    }
}

/// An opportunity picked from the list, or typed in as new.
#[derive(Debug, Clone, Copy)]
struct OpportunityField {
    existing: RwSignal<String>,
    company: RwSignal<String>,
    role: RwSignal<String>,
    posting_url: RwSignal<String>,
    source: RwSignal<Source>,
}

impl OpportunityField {
    fn new() -> Self {
        Self {
            existing: RwSignal::new(String::new()),
            company: RwSignal::new(String::new()),
            role: RwSignal::new(String::new()),
            posting_url: RwSignal::new(String::new()),
            source: RwSignal::new(Source::AppliedOnline),
        }
    }

    fn choice(&self) -> Option<OpportunityChoice> {
        if let Ok(id) = self.existing.get_untracked().parse::<OpportunityId>() {
            return Some(OpportunityChoice::Existing(id));
        }
        let (company, role) = (self.company.get_untracked(), self.role.get_untracked());
        (!company.trim().is_empty() || !role.trim().is_empty()).then(|| OpportunityChoice::New {
            company,
            role,
            posting_url: self.posting_url.get_untracked(),
            source: self.source.get_untracked(),
        })
    }
}

#[component]
fn OpportunityPicker(
    field: OpportunityField,
    errors: RwSignal<Option<ActionError>>,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let app = use_app();
    let options = Memo::new(move |_| {
        app.records.with(|r| {
            let mut list: Vec<(String, String)> = r
                .opportunities
                .iter()
                .map(|o| (o.id.to_string(), format!("{} ({})", o.title(), o.stage().label())))
                .collect();
            list.sort_by_cached_key(|(_, label)| label.to_lowercase());
            list
        })
    });
    let message = move || {
        errors.with(|e| {
            e.as_ref().and_then(|e| {
                e.field("opportunity")
                    .or_else(|| e.field("company"))
                    .or_else(|| e.field("role"))
                    .or_else(|| e.field("posting_url"))
            })
        })
    };
    view! {
        <fieldset class="picker" class:has-error=move || message().is_some()>
            <legend>"Opportunity"{optional.then_some(" (optional)")}</legend>
            <div class="field">
                <label for="opportunity-existing">"One you are tracking"</label>
                <select id="opportunity-existing" on:change=move |ev| field.existing.set(event_target_value(&ev))>
                    <option value="" selected=move || field.existing.get().is_empty()>"New opportunity (type below)"</option>
                    {move || options.get().into_iter().map(|(value, label)| {
                        let v = value.clone();
                        view! { <option value=value selected=move || field.existing.get() == v>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || field.existing.get().is_empty()>
                <div class="row">
                    <div class="field">
                        <label for="opportunity-company">"Company"</label>
                        <input id="opportunity-company" type="text" prop:value=move || field.company.get() on:input=move |ev| field.company.set(event_target_value(&ev)) />
                    </div>
                    <div class="field">
                        <label for="opportunity-role">"Role"</label>
                        <input id="opportunity-role" type="text" prop:value=move || field.role.get() on:input=move |ev| field.role.set(event_target_value(&ev)) />
                    </div>
                </div>
                <div class="row">
                    <div class="field">
                        <label for="opportunity-posting">"Job posting (optional)"</label>
                        <input id="opportunity-posting" type="url" prop:value=move || field.posting_url.get() on:input=move |ev| field.posting_url.set(event_target_value(&ev)) />
                    </div>
                    <ChoiceSelect label="How it came about" name="opportunity_source" value=field.source />
                </div>
            </Show>
            {move || message().map(|m| view! { <p class="field-error">{m}</p> })}
        </fieldset>
    }
}

/// One situation's form.
#[component]
fn CaptureForm(situation: Situation) -> impl IntoView {
    let app = use_app();
    let d = CaptureDraft::new(situation, clock::now());
    let person = PersonField::new();
    let introducer = PersonField::new();
    let organiser = PersonField::new();
    let interviewers = RwSignal::new(vec![(0u32, PersonField::new())]);
    let next_row = StoredValue::new(1u32);
    let organiser_part = RwSignal::new(Part::Recruiter);
    let opportunity = OpportunityField::new();
    let at = RwSignal::new(d.at);
    let channel = RwSignal::new(d.channel);
    let key_points = RwSignal::new(String::new());
    let open_questions = RwSignal::new(String::new());
    let next_step = RwSignal::new(String::new());
    let check_back_on = RwSignal::new(String::new());
    let errors = RwSignal::new(None::<ActionError>);
    let created = RwSignal::new(None::<Vec<FollowUp>>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = CaptureDraft {
            situation,
            person: person.choice(),
            introducer: introducer.choice(),
            interviewers: interviewers.get_untracked().iter().filter_map(|(_, p)| p.choice()).collect(),
            organiser: organiser.choice(),
            organiser_part: organiser_part.get_untracked(),
            opportunity: opportunity.choice(),
            at: at.get_untracked(),
            channel: channel.get_untracked(),
            key_points: key_points.get_untracked(),
            open_questions: open_questions.get_untracked(),
            next_step: next_step.get_untracked(),
            check_back_on: check_back_on.get_untracked(),
        };
        let before: Vec<Key> = app.agenda.with_untracked(|a| a.items.iter().map(|f| f.key).collect());
        match actions::capture(app, &draft) {
            Ok(_) => {
                errors.set(None);
                let fresh = app.agenda.with_untracked(|a| a.new_since(&before).into_iter().cloned().collect());
                created.set(Some(fresh));
            }
            Err(e) => errors.set(Some(e)),
        }
    };

    use Situation::*;
    let wants_opportunity = matches!(situation, Applied | Interview | Offer | Filled);
    let person_legend = match situation {
        MetSomeone => Some(("Who did you meet?", false)),
        TheyWrote => Some(("Who wrote to you?", false)),
        Introduced => Some(("Who were you introduced to?", false)),
        Applied => Some(("The recruiter, or the contact who shared your resume", true)),
        Offer | Filled => Some(("Who told you?", true)),
        Interview => None,
    };
    let talk_fields = !matches!(situation, Applied);

    view! {
        <p><a href=Route::Capture(None).href()>"← All situations"</a></p>
        <h1>{situation.label()}</h1>
        <Show
            when=move || created.with(Option::is_none)
            fallback=move || view! { <CaptureResult created=created.get().unwrap_or_default() /> }
        >
            <form class="form capture-form" novalidate on:submit=submit>
                <FormProblem errors=errors />
                {wants_opportunity.then(|| view! { <OpportunityPicker field=opportunity errors=errors /> })}
                {(situation == Introduced).then(|| view! { <PersonPicker legend="Who introduced you?" name="introducer" field=introducer errors=errors /> })}
                {person_legend.map(|(legend, optional)| view! { <PersonPicker legend=legend name="person" field=person errors=errors optional=optional /> })}
                {matches!(situation, Offer | Filled).then(|| view! { <ChoiceSelect label="Their part" name="person_part" value=organiser_part options=&[Part::Recruiter, Part::HiringManager] /> })}
                {(situation == Interview).then(|| view! {
                    <fieldset class="picker">
                        <legend>"Who interviewed you?"</legend>
                        {move || errors.with(|e| e.as_ref().and_then(|e| e.field("interviewers"))).map(|m| view! { <p class="field-error">{m}</p> })}
                        <For each=move || interviewers.get() key=|(k, _)| *k let:row>
                            <PersonPicker legend="Interviewer" name=interviewer_field_name(row.0) field=row.1 errors=errors />
                        </For>
                        <button type="button" on:click=move |_| {
                            let k = next_row.get_value();
                            next_row.set_value(k + 1);
                            interviewers.update(|list| list.push((k, PersonField::new())));
                        }>"Add another interviewer"</button>
                    </fieldset>
                    <PersonPicker legend="Who set it up (recruiter or hiring manager)?" name="organiser" field=organiser errors=errors optional=true />
                    <ChoiceSelect label="Their part" name="organiser_part" value=organiser_part options=&[Part::Recruiter, Part::HiringManager] />
                })}
                <div class="row">
                    <TextField label="When" name="at" kind="datetime-local" value=at errors=errors required=true />
                    <ChoiceSelect label="How" name="channel" value=channel options=Channel::ALL />
                </div>
                {talk_fields.then(|| view! {
                    <TextArea label="Key points: what you talked about" name="key_points" value=key_points errors=errors rows=3 />
                    <TextArea label="Questions that came up and still need an answer" name="open_questions" value=open_questions errors=errors rows=2 />
                    <TextField label="Next step you agreed" name="next_step" value=next_step errors=errors />
                    <TextField label="They said you can check back on (optional)" name="check_back_on" kind="date" value=check_back_on errors=errors hint="Their timeline, if they gave one: it replaces the default follow-up date." />
                })}
                <div class="actions">
                    <button type="submit" class="primary">"Save and show follow-ups"</button>
                    <a class="button" href=Route::Today.href()>"Cancel"</a>
                </div>
            </form>
        </Show>
    }
}

/// Field names for interviewer rows must be `'static`; there are only ever a handful.
fn interviewer_field_name(row: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "interviewer-0",
        "interviewer-1",
        "interviewer-2",
        "interviewer-3",
        "interviewer-4",
        "interviewer-5",
        "interviewer-6",
        "interviewer-7",
        "interviewer-8",
        "interviewer-9",
        "interviewer-10",
        "interviewer-11",
    ];
    NAMES.get(row as usize).copied().unwrap_or("interviewer-more")
}

#[component]
fn CaptureResult(created: Vec<FollowUp>) -> impl IntoView {
    let app = use_app();
    let now = app.now.get_untracked();
    let names: Vec<(String, String, String)> = app.records.with_untracked(|r| {
        created
            .iter()
            .map(|f| {
                (
                    f.contact
                        .and_then(|c| r.contact(c))
                        .map_or_else(|| "Someone to find".to_owned(), |c| c.name.clone()),
                    f.reason.to_string(),
                    due_in_words(f.due, now),
                )
            })
            .collect()
    });
    let count = names.len();
    view! {
        <div role="status" class="capture-result">
            <h2>{if count == 0 { "Saved. No new follow-ups from this one.".to_owned() } else { format!("Saved. {count} follow-up{} to make:", if count == 1 { "" } else { "s" }) }}</h2>
            <ul class="agenda">
                {names.into_iter().map(|(who, reason, due)| view! {
                    <li class="follow-up"><p class="who">{who}</p><p class="reason">{reason}</p><p class="due">{due}</p></li>
                }).collect_view()}
            </ul>
            <div class="actions">
                <a class="button primary" href=Route::Today.href()>"Go to Today"</a>
                <a class="button" href=Route::Capture(None).href()>"Capture something else"</a>
            </div>
        </div>
    }
}
