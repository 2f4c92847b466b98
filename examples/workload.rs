//! Writes the benchmark workload to a folder: `Connections.csv` (30,000 rows in LinkedIn's
//! format) and `state.txt` (30,000 contacts, 100,000 conversations, 1,000 opportunities as the
//! app stores them), plus the same state as plain JSON: `cargo run --release --example workload -- DIR`.

use follow_up::storage::envelope::{encode, encode_for_storage};
use follow_up::workload::{connections_csv, generate, Size};

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/workload".into());
    std::fs::create_dir_all(&dir)?;
    // A fixed "now" keeps the files identical run after run; the app dates its own clock.
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default();
    std::fs::write(format!("{dir}/Connections.csv"), connections_csv(30_000, 1))?;
    let records = generate(Size::FULL, 7, now);
    std::fs::write(format!("{dir}/state.txt"), encode_for_storage(&records, now))?;
    std::fs::write(format!("{dir}/state.json"), encode(&records, now))?;
    println!("wrote {dir}/Connections.csv, {dir}/state.txt and {dir}/state.json");
    Ok(())
}
