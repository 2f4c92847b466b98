//! Reading a full-size network back from storage (30,000 contacts, 100,000 conversations,
//! 1,000 opportunities in compact blocks): the native share of the cold start, whose budget
//! (500 ms to Today in the browser) `scripts/bench-browser` measures.
//! Run with `cargo bench --bench load` (native only).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::NaiveDate;
    use criterion::{criterion_group, Criterion};
    use follow_up::storage::blocks::{self, MemoryBackend};
    use follow_up::workload::{generate, Size};

    fn load(c: &mut Criterion) {
        let now = NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
        let records = generate(Size::FULL, 2026, now);
        let mut store = MemoryBackend::default();
        blocks::save(&mut store, "k", None, &records, now).expect("the workload fits in memory");
        c.bench_function("load_full_network", |b| b.iter(|| blocks::load(&store, "k")));
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(10);
        targets = load
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
