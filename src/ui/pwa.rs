//! What the installed app adds: the "new version ready" prompt, the Install button and the
//! number on the app icon. The service worker itself is driven by `static/pwa.js`; this side
//! only listens to its window events and answers with events of its own.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A flag that `pwa.js` keeps on `window.followUpPwa` (it may have fired before we started).
fn pwa_flag(name: &str) -> bool {
    js_sys::Reflect::get(&window(), &JsValue::from_str("followUpPwa"))
        .ok()
        .filter(JsValue::is_object)
        .and_then(|state| js_sys::Reflect::get(&state, &JsValue::from_str(name)).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn send(name: &str) {
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = window().dispatch_event(&event);
    }
}

/// "A new version of Follow-up is ready", with the choice of when to reload.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let ready = RwSignal::new(pwa_flag("updateReady"));
    let handle = window_event_listener_untyped("follow-up:update-ready", move |_| ready.set(true));
    on_cleanup(move || handle.remove());
    view! {
        // The live region exists from the start so the message is announced when it appears.
        <div class="update-prompt" role="status" aria-live="polite">
            <Show when=move || ready.get()>
                <p>
                    "A new version of Follow-up is ready. "
                    <button type="button" class="primary" on:click=move |_| send("follow-up:apply-update")>"Reload now"</button>
                    " "
                    <button type="button" on:click=move |_| ready.set(false)>"Later"</button>
                </p>
            </Show>
        </div>
    }
}

/// "Install app", shown only when the browser offers installation.
#[component]
pub fn InstallButton() -> impl IntoView {
    let offered = RwSignal::new(pwa_flag("installable"));
    let handle = window_event_listener_untyped("follow-up:installable", move |_| offered.set(pwa_flag("installable")));
    on_cleanup(move || handle.remove());
    view! {
        <Show when=move || offered.get()>
            <button type="button" class="install-button" on:click=move |_| send("follow-up:install")>"Install app"</button>
        </Show>
    }
}

/// Shows `due` on the installed app's icon, where the browser supports badges. Failures are
/// ignored: the badge is a convenience, the count is also in the title and the navigation.
pub fn show_badge(due: usize) {
    let navigator = window().navigator();
    let (method, args) = if due == 0 {
        ("clearAppBadge", js_sys::Array::new())
    } else {
        ("setAppBadge", js_sys::Array::of1(&JsValue::from_f64(due as f64)))
    };
    let Ok(function) = js_sys::Reflect::get(&navigator, &JsValue::from_str(method)) else { return };
    let Ok(function) = function.dyn_into::<js_sys::Function>() else { return };
    if let Ok(promise) = function.apply(&navigator, &args) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // A rejected badge promise (not installed, no permission) must not reach the console.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
