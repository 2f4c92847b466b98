//! Links to the outside world, rendered only for http(s) addresses and opened safely.

use leptos::prelude::*;

use crate::domain::WebUrl;

/// A link that opens in a new tab without giving the other page a handle on this one.
/// Only a validated [`WebUrl`] can become one, so `javascript:` and `data:` never render.
#[component]
pub fn WebLink(url: WebUrl, #[prop(into)] text: String) -> impl IntoView {
    view! {
        <a href=url.as_str().to_owned() target="_blank" rel="noopener noreferrer">{text}<span class="visually-hidden">" (opens in a new tab)"</span></a>
    }
}
