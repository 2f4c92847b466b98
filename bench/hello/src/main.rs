//! A minimal Leptos CSR app: the smallest bundle the framework allows with this profile.
use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p>"Hello, world!"</p> });
}
