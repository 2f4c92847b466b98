//! Browser benchmark of the follow-up agenda over the full workload (30,000 contacts,
//! 100,000 conversations, 1,000 opportunities), compiled to wasm and run in headless Chromium.
//! Ignored in the test run; `scripts/bench-browser` runs it in release mode and reads the
//! `agenda-ms` line it prints.
#![cfg(target_arch = "wasm32")]

use follow_up::domain::follow_up::agenda;
use follow_up::workload::{generate, Size};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
#[ignore = "a benchmark: run by scripts/bench-browser"]
fn agenda_over_the_full_workload_in_the_browser() {
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap().and_hms_opt(12, 0, 0).unwrap();
    let records = generate(Size::FULL, 7, now);
    let performance = web_sys::window().unwrap().performance().unwrap();
    let mut times = Vec::new();
    let mut items = 0;
    for _ in 0..7 {
        let started = performance.now();
        items = agenda(&records, now).items.len();
        times.push(performance.now() - started);
    }
    times.sort_by(f64::total_cmp);
    console_log!(
        "agenda-ms {:.1} (median of {}, {} follow-ups; runs {:?})",
        times[times.len() / 2],
        times.len(),
        items,
        times
    );
    assert!(items > 0);
}
