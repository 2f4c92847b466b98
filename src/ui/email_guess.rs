//! The one-click email guess for a person: the likely address at their company, the
//! alternatives with a confidence, and why; the chosen one is stored as *guessed*.

use leptos::prelude::*;

use super::actions;
use super::state::use_app;
use crate::domain::finding::email_pattern::Guessing;
use crate::domain::ContactId;

/// A "Guess email" button that opens the guess for one person.
#[component]
pub fn GuessEmail(id: ContactId, name: String) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(None::<Result<Guessing, String>>);
    let show =
        move |_| open.set(Some(app.records.with_untracked(|r| r.guess_email_for(id)).map_err(|e| e.to_string())));
    let label = format!("Guess email for {name}");
    view! {
        <div class="email-guess">
            <button type="button" aria-label=label on:click=show>"Guess email"</button>
            {move || open.get().map(|result| match result {
                Err(problem) => view! { <p class="hint" role="status">{problem} " Add a colleague's known address at this company first."</p> }.into_any(),
                Ok(g) => view! { <GuessList id=id guessing=g on_done=Callback::new(move |()| open.set(None)) /> }.into_any(),
            })}
        </div>
    }
}

#[component]
fn GuessList(id: ContactId, guessing: Guessing, on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    view! {
        <div class="guess-list" role="status">
            <p>{guessing.explanation.clone()}</p>
            <ol>
                {guessing.guesses.into_iter().take(3).map(|g| {
                    let stored = StoredValue::new(g.clone());
                    view! {
                        <li>
                            <code>{g.address.clone()}</code>
                            " " <span class="hint">{format!("{:.0}% · {}", g.confidence * 100.0, g.description)}</span>
                            " " <button type="button" on:click=move |_| {
                                if stored.with_value(|g| actions::take_email_guess(app, id, g)).is_ok() {
                                    on_done.run(());
                                }
                            }>"Use this"</button>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </div>
    }
}
