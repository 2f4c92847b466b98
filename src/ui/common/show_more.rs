//! Long lists shown a page at a time, so the DOM stays bounded however much data there is:
//! "Show 25 more (1,204 not shown)".

use leptos::prelude::*;

/// How many items a paged list shows at first, and how many more each click adds.
pub const PAGE: usize = 25;

/// The button that shows the next page, while some items are hidden.
#[component]
pub fn ShowMore(shown: RwSignal<usize>, #[prop(into)] total: Signal<usize>) -> impl IntoView {
    move || {
        let total = total.get();
        let hidden = total.saturating_sub(shown.get());
        (hidden > 0).then(|| {
            view! {
                <button type="button" class="show-more" on:click=move |_| shown.update(|n| *n = (*n + PAGE).min(total))>
                    {format!("Show {} more ({hidden} not shown)", PAGE.min(hidden))}
                </button>
            }
        })
    }
}
