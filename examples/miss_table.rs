//! Development aid: which format the known colleague followed -> which the missed target
//! followed, over the misses listed by `SHOW_MISSES=1 cargo bench --bench email_accuracy`.
use follow_up::domain::finding::email_pattern::{patterns_of, Known};
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/tmp/misses.tsv".into());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut counts = std::collections::HashMap::new();
    for line in text.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 6 || c[5].split(' ').any(|a| a == c[4]) {
            continue;
        }
        let of = |n: &str, a: &str| {
            patterns_of(&Known { name: n.into(), address: a.into() }).first().cloned().unwrap_or_else(|| "?".into())
        };
        *counts.entry((of(c[1], c[2]), of(c[3], c[4]))).or_insert(0) += 1;
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    for ((a, b), n) in v.iter().take(25) {
        println!("{n}\t{a}\t->\t{b}");
    }
}
