//! Browser entry point: mounts the app. Natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    follow_up::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Follow-up runs in the browser: see README.md for how to serve it.");
}
