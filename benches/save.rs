//! One edit saved over a full-size network (30,000 contacts, 100,000 conversations, 1,000
//! opportunities): copy the records, apply the edit, write what changed. Budget: 16 ms in the
//! browser (`scripts/bench-browser` measures that); natively this shows where the time goes.
//! Run with `cargo bench --bench save` (native only).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::NaiveDate;
    use criterion::{criterion_group, BatchSize, Criterion};
    use follow_up::domain::{ContactDraft, ConversationDraft, Id};
    use follow_up::storage::blocks::{self, MemoryBackend};
    use follow_up::workload::{generate, Size};

    fn one_edit(c: &mut Criterion) {
        let now = NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap_or_default();
        let records = generate(Size::FULL, 2026, now);
        let mut store = MemoryBackend::default();
        blocks::save(&mut store, "k", None, &records, now).expect("the workload fits in memory");
        let middle = records.contacts[15_000].id;
        let draft = ConversationDraft { key_points: "Benchmark conversation".into(), ..ConversationDraft::new(now) };
        c.bench_function("copy_the_records", |b| b.iter(|| std::hint::black_box(&records).clone()));
        c.bench_function("log_a_conversation_and_save", |b| {
            b.iter_batched(
                || store.clone(),
                |mut store| {
                    let mut next = records.clone();
                    next.log_conversation(Id::from_raw(1), middle, &draft, now).expect("valid draft");
                    blocks::save(&mut store, "k", Some(&records), &next, now).expect("fits");
                    next
                },
                BatchSize::LargeInput,
            )
        });
        c.bench_function("edit_a_person_mid_list_and_save", |b| {
            b.iter_batched(
                || store.clone(),
                |mut store| {
                    let mut next = records.clone();
                    let mut person = ContactDraft::from(&records.contacts[15_000]);
                    person.title = "Staff Engineer".into();
                    next.update_contact(middle, &person, now).expect("valid draft");
                    blocks::save(&mut store, "k", Some(&records), &next, now).expect("fits");
                    next
                },
                BatchSize::LargeInput,
            )
        });
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(20);
        targets = one_edit
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
