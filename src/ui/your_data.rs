//! Your data: download a complete backup, restore one (merge or replace, with a one-click
//! undo), and import LinkedIn's Connections.csv.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::actions;
use super::clock;
use super::common::download_text;
use super::state::{use_app, AppState};
use crate::domain::exports::calendar::follow_ups_calendar;
use crate::domain::exports::spreadsheet::{conversations_csv, opportunities_csv, people_csv};
use crate::domain::exports::vcard::cards;
use crate::domain::linkedin_import::ImportSummary;
use crate::storage::backup::{backup, backup_file_name, read_backup, BackupContents};

/// Reads the file chosen in a file input as text.
async fn chosen_text(input: web_sys::HtmlInputElement) -> Result<(String, String), String> {
    let file = input.files().and_then(|f| f.get(0)).ok_or("No file was chosen.")?;
    // Cleared so that choosing the same file again (a second import) is noticed.
    input.set_value("");
    let name = file.name();
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .map_err(|e| format!("The file could not be read: {e:?}"))?;
    Ok((name, text.as_string().unwrap_or_default()))
}

fn input_of(ev: &leptos::ev::Event) -> Option<web_sys::HtmlInputElement> {
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
}

/// The data screen.
#[component]
pub fn YourDataScreen() -> impl IntoView {
    view! {
        <h1>"Your data"</h1>
        <p>"Everything lives in this browser only. Keep a backup somewhere safe, and restore it on another computer or after clearing the browser."</p>
        <BackupSection />
        <RestoreSection />
        <ImportSection />
        <ExportSection />
        <DeleteEverything />
    }
}

/// Downloads a backup of everything and says so.
pub fn download_backup(app: AppState) -> Result<(), String> {
    let now = clock::now();
    let text = app.records.with_untracked(|r| backup(r, now));
    download_text(&backup_file_name(now), &text, "application/json")?;
    app.say("Backup downloaded.");
    Ok(())
}

#[component]
fn BackupSection() -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let counts =
        Memo::new(move |_| app.records.with(|r| (r.contacts.len(), r.conversations.len(), r.opportunities.len())));
    let download = move |_| {
        if let Err(e) = download_backup(app) {
            problem.set(Some(e));
        }
    };
    view! {
        <section aria-labelledby="backup-title">
            <h2 id="backup-title">"Back up"</h2>
            <p>{move || { let (p, c, o) = counts.get(); format!("{p} people, {c} conversations, {o} opportunities, plus follow-up state, templates and settings.") }}</p>
            <button type="button" class="primary" on:click=download>"Download a backup"</button>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </section>
    }
}

#[component]
fn RestoreSection() -> impl IntoView {
    let app = use_app();
    let chosen = RwSignal::new(None::<(String, BackupContents)>);
    let problem = RwSignal::new(None::<String>);
    let can_undo = RwSignal::new(false);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = input_of(&ev) else { return };
        leptos::task::spawn_local(async move {
            match chosen_text(input)
                .await
                .and_then(|(name, text)| read_backup(&text).map(|c| (name, c)).map_err(|e| e.to_string()))
            {
                Ok(found) => {
                    problem.set(None);
                    chosen.set(Some(found));
                }
                Err(e) => {
                    chosen.set(None);
                    problem.set(Some(e));
                }
            }
        });
    };
    let restore = move |replace: bool| {
        let Some((_, contents)) = chosen.get_untracked() else { return };
        if actions::restore_backup(app, &contents.records, replace).is_ok() {
            chosen.set(None);
            can_undo.set(true);
        }
    };
    view! {
        <section aria-labelledby="restore-title">
            <h2 id="restore-title">"Restore a backup"</h2>
            <div class="field">
                <label for="restore-file">"Backup file (.json)"</label>
                <input id="restore-file" type="file" accept=".json,application/json" on:change=on_file />
            </div>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">"Nothing was changed. " {p}</p> })}
            {move || chosen.get().map(|(name, contents)| {
                let preview = app.records.with_untracked(|r| r.merge_preview(&contents.records));
                let r = &contents.records;
                view! {
                    <div class="banner restore-preview" role="status">
                        <p>
                            <strong>{name}</strong>
                            {format!(
                                ": format {}, {}; {} people, {} conversations, {} opportunities.",
                                contents.version,
                                contents.saved_at.map_or_else(|| "date unknown".to_owned(), |d| format!("made {}", d.format("%a %-d %b %Y %H:%M"))),
                                r.contacts.len(),
                                r.conversations.len(),
                                r.opportunities.len()
                            )}
                        </p>
                        <p>{format!(
                            "Merging adds {} people, {} conversations and {} opportunities and updates {} records where the backup's copy is newer; nothing is duplicated.",
                            preview.contacts.added, preview.conversations.added, preview.opportunities.added,
                            preview.contacts.updated + preview.conversations.updated + preview.opportunities.updated
                        )}</p>
                        <div class="actions">
                            <button type="button" class="primary" on:click=move |_| restore(false)>"Merge"</button>
                            <button type="button" class="danger" on:click=move |_| restore(true)>"Replace everything"</button>
                            <button type="button" on:click=move |_| chosen.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || can_undo.get()>
                <p>
                    "Restored. "
                    <button type="button" on:click=move |_| { if actions::undo_restore(app).is_ok() { can_undo.set(false); } }>"Undo the restore"</button>
                </p>
            </Show>
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let app = use_app();
    let summary = RwSignal::new(None::<ImportSummary>);
    let problem = RwSignal::new(None::<String>);
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = input_of(&ev) else { return };
        leptos::task::spawn_local(async move {
            let result = chosen_text(input)
                .await
                .and_then(|(_, text)| actions::import_connections(app, &text).map_err(|e| e.summary()));
            match result {
                Ok(s) => {
                    problem.set(None);
                    summary.set(Some(s));
                }
                Err(e) => problem.set(Some(e)),
            }
        });
    };
    view! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">"Import LinkedIn connections"</h2>
            <p class="hint">"In LinkedIn: Settings, Data privacy, Get a copy of your data, Connections. Import the Connections.csv it sends; importing again updates instead of duplicating."</p>
            <div class="field">
                <label for="import-file">"Connections.csv"</label>
                <input id="import-file" type="file" accept=".csv,text/csv" on:change=on_file />
            </div>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">"Nothing was imported. " {p}</p> })}
            {move || summary.get().map(|s| view! {
                <div class="import-summary" role="status">
                    <p>{format!("Imported: {} added, {} updated, {} unchanged, {} skipped.", s.added, s.updated, s.unchanged, s.skipped.len())}</p>
                    {(!s.skipped.is_empty()).then(|| view! {
                        <ul>{s.skipped.into_iter().map(|k| view! { <li>{format!("Line {}: {}", k.line, k.reason)}</li> }).collect_view()}</ul>
                    })}
                </div>
            })}
        </section>
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let app = use_app();
    let problem = RwSignal::new(None::<String>);
    let save = move |name: String, text: String, mime: &'static str| {
        if let Err(e) = download_text(&name, &text, mime) {
            problem.set(Some(e));
        }
    };
    let calendar = move |_| {
        let text =
            app.records.with_untracked(|r| app.agenda.with_untracked(|a| follow_ups_calendar(r, a, clock::now_utc())));
        save(format!("follow-ups-{}.ics", clock::now().format("%Y-%m-%d")), text, "text/calendar");
    };
    let contacts = move |_| {
        let text = app.records.with_untracked(|r| cards(r.contacts.iter().filter(|c| !c.archived), clock::now_utc()));
        save("follow-up-contacts.vcf".into(), text, "text/vcard");
    };
    let sheets = move |_| {
        let (people, talks, jobs) =
            app.records.with_untracked(|r| (people_csv(r), conversations_csv(r), opportunities_csv(r)));
        save("follow-up-people.csv".into(), people, "text/csv");
        save("follow-up-conversations.csv".into(), talks, "text/csv");
        save("follow-up-opportunities.csv".into(), jobs, "text/csv");
    };
    view! {
        <section aria-labelledby="export-title">
            <h2 id="export-title">"Export"</h2>
            <div class="actions">
                <button type="button" on:click=calendar>"Follow-ups as a calendar (.ics)"</button>
                <button type="button" on:click=contacts>"Everyone as contact cards (.vcf)"</button>
                <button type="button" on:click=sheets>"Spreadsheets (.csv)"</button>
            </div>
            <p class="hint">"The calendar has one event per open follow-up with a reminder; importing it again updates the same events."</p>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </section>
    }
}

/// "Delete all my data": everything this app stored in this browser, after a confirmation.
#[component]
fn DeleteEverything() -> impl IntoView {
    let app = use_app();
    let confirming = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let delete = move |_| match app.delete_everything() {
        Ok(_) => {
            confirming.set(false);
            leptos::task::spawn_local(delete_caches());
            app.say("All your data was deleted from this browser.");
            super::route::go(&super::route::Route::Today);
        }
        Err(e) => problem.set(Some(e.to_string())),
    };
    view! {
        <section aria-labelledby="delete-title">
            <h2 id="delete-title">"Delete all my data"</h2>
            <p>"Removes every person, conversation, opportunity and setting this app stored in this browser. Download a backup first if you may want them back."</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! { <button type="button" class="danger" on:click=move |_| confirming.set(true)>"Delete all my data"</button> }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="delete-confirm">
                    <p id="delete-confirm"><strong>"Delete everything for good? This cannot be undone."</strong></p>
                    <button type="button" class="danger" on:click=delete>"Yes, delete everything"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Keep my data"</button>
                </div>
            </Show>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </section>
    }
}

/// Empties every Cache Storage cache of this site (an installed app keeps its files there).
async fn delete_caches() {
    let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else { return };
    let Ok(names) = wasm_bindgen_futures::JsFuture::from(caches.keys()).await else { return };
    for name in js_sys::Array::from(&names).iter().filter_map(|n| n.as_string()) {
        let _ = wasm_bindgen_futures::JsFuture::from(caches.delete(&name)).await;
    }
}
