//! A list that renders only the rows on screen (plus a few either side), so a list of 30,000
//! people keeps a DOM of a few dozen rows. Rows have a fixed height; the space of the rows
//! not rendered is kept as padding, so the page scrolls as if they were all there.

use std::hash::Hash;

use leptos::prelude::*;

/// Rows rendered beyond each edge of the screen, so fast scrolling shows no gap.
const OVERSCAN: usize = 8;

/// `items` rendered by `row` (given the row's position and item) in a `<ul class=class>`;
/// every row must be `row_height` pixels tall (the stylesheet fixes it).
#[component]
pub fn WindowedList<T, K, KF, R, V>(
    items: Signal<Vec<T>>,
    row_height: f64,
    class: &'static str,
    key: KF,
    row: R,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    K: Eq + Hash + Clone + Send + Sync + 'static,
    KF: Fn(&T) -> K + Clone + Send + Sync + 'static,
    R: Fn(usize, T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let list = NodeRef::<leptos::html::Ul>::new();
    // The screen's top relative to the list's top, and the screen's height.
    let view_port = RwSignal::new((0.0f64, 1000.0f64));
    let measure = move || {
        if let Some(ul) = list.get_untracked() {
            let top = -ul.get_bounding_client_rect().top();
            let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(1000.0);
            if view_port.get_untracked() != (top, height) {
                view_port.set((top, height));
            }
        }
    };
    let scrolled = window_event_listener(leptos::ev::scroll, move |_| measure());
    let resized = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        scrolled.remove();
        resized.remove();
    });
    Effect::new(move |_| {
        if list.get().is_some() {
            measure();
        }
    });
    let range = Memo::new(move |_| {
        let n = items.with(Vec::len);
        let (top, height) = view_port.get();
        let first = ((top / row_height).floor().max(0.0) as usize).saturating_sub(OVERSCAN).min(n);
        let last = (((top + height) / row_height).ceil().max(0.0) as usize + OVERSCAN).min(n).max(first);
        (first, last, n)
    });
    let visible = move || {
        let (first, last, _) = range.get();
        items.with(|all| all[first..last].iter().cloned().enumerate().map(|(i, t)| (first + i, t)).collect::<Vec<_>>())
    };
    let row_key = move |(i, t): &(usize, T)| (*i, key(t));
    view! {
        <ul
            class=class
            node_ref=list
            style:padding-top=move || format!("{}px", range.get().0 as f64 * row_height)
            style:padding-bottom=move || { let (_, last, n) = range.get(); format!("{}px", (n - last) as f64 * row_height) }
        >
            <For each=visible key=row_key let:entry>
                {row(entry.0, entry.1)}
            </For>
        </ul>
    }
}
