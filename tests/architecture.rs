//! Guards the layering: domain is pure and imports nothing above it; storage never imports ui.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.display().to_string(), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    assert!(!out.is_empty(), "no sources under {dir}");
    out
}

#[test]
fn the_domain_has_no_web_clock_or_upward_dependency() {
    for (path, text) in sources("src/domain") {
        for banned in [
            "leptos",
            "web_sys",
            "wasm_bindgen",
            "js_sys",
            "gloo",
            "Utc::now",
            "Local::now",
            "SystemTime",
            "crate::storage",
            "crate::ui",
            "rand::",
        ] {
            assert!(!text.contains(banned), "{path} mentions {banned}");
        }
    }
}

#[test]
fn storage_does_not_depend_on_the_ui() {
    for (path, text) in sources("src/storage") {
        for banned in ["leptos", "crate::ui"] {
            assert!(!text.contains(banned), "{path} mentions {banned}");
        }
    }
}

#[test]
fn only_storage_touches_local_storage() {
    for (path, text) in sources("src") {
        if !path.contains("/storage/") {
            assert!(!text.contains("local_storage()"), "{path} touches localStorage directly");
        }
    }
}

#[test]
fn every_source_file_says_what_belongs_in_it() {
    for (path, text) in sources("src") {
        assert!(text.starts_with("//!"), "{path} lacks a //! summary line");
    }
}
