//! Development aid over the misses listed by `SHOW_MISSES=1 cargo bench --bench email_accuracy`:
//! counts, for top-1 misses, whether the colleague and the target share a format (learnable)
//! and prints examples of learnable misses.
use follow_up::domain::finding::email_pattern::{patterns_of, Known};
fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "/tmp/misses.tsv".into());
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let (mut shared, mut other) = (0, 0);
    let mut shown = 0;
    for line in text.lines() {
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 6 {
            continue;
        }
        let cp = patterns_of(&Known { name: c[1].into(), address: c[2].into() });
        let tp = patterns_of(&Known { name: c[3].into(), address: c[4].into() });
        if cp.iter().any(|p| tp.contains(p)) {
            shared += 1;
            if shown < 40 {
                shown += 1;
                println!("{} {} -> {} {} | {}", c[1], c[2], c[3], c[4], c[5]);
            }
        } else {
            other += 1;
        }
    }
    println!("top-1 misses where colleague and target share a format: {shared}; others: {other}");
}
