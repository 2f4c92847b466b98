//! The message draft for one follow-up: editable, then opened in the mail app or copied.

use leptos::prelude::*;

use super::common::WebLink;
use super::state::use_app;
use crate::domain::follow_up::draft::compose;
use crate::domain::follow_up::mailto::mailto;
use crate::domain::follow_up::FollowUp;
use crate::domain::Channel;

/// An editable draft in the person's preferred channel.
#[component]
pub fn DraftPanel(follow_up: FollowUp) -> impl IntoView {
    let app = use_app();
    let (draft, profile) = app.records.with_untracked(|r| {
        let profile = follow_up.contact.and_then(|c| r.contact(c)).and_then(|c| c.linkedin_url.clone());
        (compose(r, &follow_up), profile)
    });
    let subject = RwSignal::new(draft.subject.clone());
    let body = RwSignal::new(draft.body.clone());
    let copied = RwSignal::new(None::<&'static str>);
    let to = draft.to.clone();
    let channel = draft.channel;
    let id = format!("draft-{}", follow_up.step);
    let copy = move |_| {
        let text = if channel == Channel::Email {
            format!("{}\n\n{}", subject.get_untracked(), body.get_untracked())
        } else {
            body.get_untracked()
        };
        let clipboard = window().navigator().clipboard();
        let _ = clipboard.write_text(&text);
        copied.set(Some("Copied to the clipboard."));
    };
    let mail_href = {
        let to = to.clone().unwrap_or_default();
        move || mailto(&to, &subject.get(), &body.get())
    };
    view! {
        <div class="draft">
            <p class="hint">"Draft for " {channel.label()} ". Edit it freely; nothing is sent until you send it yourself."</p>
            {(channel == Channel::Email).then(|| view! {
                <div class="field">
                    <label for=format!("{id}-subject")>"Subject"</label>
                    <input id=format!("{id}-subject") type="text" prop:value=move || subject.get() on:input=move |ev| subject.set(event_target_value(&ev)) />
                </div>
            })}
            <div class="field">
                <label for=format!("{id}-body")>"Message"</label>
                <textarea id=format!("{id}-body") rows=10 prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
            </div>
            <div class="actions">
                {match (channel, to) {
                    (Channel::Email, Some(_)) => view! { <a class="button primary" href=mail_href>"Open in mail app"</a> }.into_any(),
                    (Channel::Email, None) => view! { <a class="button primary" href=mail_href>"Open in mail app (no address yet)"</a> }.into_any(),
                    _ => ().into_any(),
                }}
                <button type="button" on:click=copy>"Copy message"</button>
                {profile.map(|url| view! { <WebLink url=url text="Open LinkedIn profile" /> })}
            </div>
            <p class="status-inline" role="status">{move || copied.get()}</p>
        </div>
    }
}
