//! The real app mounted in headless Chromium against real localStorage: what a user sees
//! after typing and clicking.
#![cfg(target_arch = "wasm32")]

use follow_up::ui::app::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the reactive system, hash routing and the DOM settle.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts the whole app, storing under `key`; it unmounts when the handle drops.
fn mount(key: &'static str) -> (web_sys::Element, impl Drop) {
    let document = document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || view! { <App storage_key=key /> });
    (root, handle)
}

fn find(root: &web_sys::Element, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}")).unchecked_into()
}

fn type_into(root: &web_sys::Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

fn set_hash(hash: &str) {
    web_sys::window().unwrap().location().set_hash(hash).unwrap();
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn adding_a_person_saves_them_and_opens_their_page() {
    local_storage().remove_item("test.app.add").unwrap();
    set_hash("#/people/new");
    let (root, _app) = mount("test.app.add");
    settle().await;

    type_into(&root, "#field-name", "Celia <img src=x onerror=alert(1)>");
    type_into(&root, "#field-company", "RiseSmart");
    find(&root, "button[type=submit]").click();
    settle().await;

    let heading = find(&root, "h1").text_content().unwrap();
    assert_eq!(heading, "Celia <img src=x onerror=alert(1)>", "the name is shown as text");
    assert!(root.query_selector("img").unwrap().is_none(), "no markup was injected");
    let stored = local_storage().get_item("test.app.add").unwrap().unwrap();
    assert!(stored.contains("RiseSmart"), "{stored}");
    root.remove();
}

#[wasm_bindgen_test]
async fn a_person_without_a_name_gets_a_message_next_to_the_field_and_nothing_is_saved() {
    local_storage().remove_item("test.app.invalid").unwrap();
    set_hash("#/people/new");
    let (root, _app) = mount("test.app.invalid");
    settle().await;

    type_into(&root, "#field-linkedin_url", "javascript:alert(1)");
    find(&root, "button[type=submit]").click();
    settle().await;

    let errors: Vec<String> = {
        let list = root.query_selector_all(".field-error").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert_eq!(errors, ["A name is required.", "Only web addresses starting with http:// or https:// are accepted."]);
    assert_eq!(find(&root, "#field-name").get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(local_storage().get_item("test.app.invalid").unwrap(), None, "nothing saved");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_people_search_narrows_the_list_as_you_type() {
    local_storage().remove_item("test.app.search").unwrap();
    set_hash("#/people/new");
    let (root, _app) = mount("test.app.search");
    settle().await;
    for (name, company) in [("Ann Lee", "Acme"), ("Bob Stone", "Globex"), ("José Álvarez", "Acme")] {
        set_hash("#/people/new");
        settle().await;
        type_into(&root, "#field-name", name);
        type_into(&root, "#field-company", company);
        find(&root, "button[type=submit]").click();
        settle().await;
    }
    set_hash("#/people");
    settle().await;
    let names = |root: &web_sys::Element| {
        let list = root.query_selector_all(".person-row a").unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(names(&root), ["Ann Lee", "Bob Stone", "José Álvarez"]);
    type_into(&root, "#people-search", "jose");
    settle().await;
    assert_eq!(names(&root), ["José Álvarez"]);
    type_into(&root, "#people-search", "acme");
    settle().await;
    assert_eq!(names(&root), ["Ann Lee", "José Álvarez"]);
    assert_eq!(find(&root, ".count").text_content().unwrap(), "2 of 3 people");
    root.remove();
}

#[wasm_bindgen_test]
async fn unreadable_stored_data_is_not_overwritten_and_the_user_is_told() {
    local_storage().set_item("test.app.damaged", "{\"schema_version\":1,\"records\":").unwrap();
    set_hash("#/people");
    let (root, _app) = mount("test.app.damaged");
    settle().await;
    assert_eq!(find(&root, "h1").text_content().unwrap(), "Your saved data could not be opened");
    assert!(root.text_content().unwrap().contains("Download the saved data"));
    assert_eq!(
        local_storage().get_item("test.app.damaged").unwrap().as_deref(),
        Some("{\"schema_version\":1,\"records\":")
    );
    root.remove();
}
