//! The agenda (every follow-up, computed from all records) over a full-size network:
//! 30,000 contacts, 100,000 conversations, 1,000 opportunities. Budget: 5 ms natively.
//! Run with `cargo bench --bench agenda` (native only; the wasm build has nothing to run).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::NaiveDate;
    use criterion::{criterion_group, Criterion};
    use follow_up::domain::follow_up::agenda;
    use follow_up::workload::{generate, Size};

    fn full_agenda(c: &mut Criterion) {
        let now = NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
        let records = generate(Size::FULL, 2026, now);
        let items = agenda(&records, now).items.len();
        eprintln!(
            "agenda over {} contacts / {} conversations / {} opportunities: {items} follow-ups",
            records.contacts.len(),
            records.conversations.len(),
            records.opportunities.len()
        );
        c.bench_function("agenda_full_network", |b| b.iter(|| agenda(std::hint::black_box(&records), now)));
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(20);
        targets = full_agenda
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
