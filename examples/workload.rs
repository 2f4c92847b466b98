//! Writes the benchmark workload to a folder: `Connections.csv` (30,000 rows in LinkedIn's
//! format) and `storage.json` (30,000 contacts, 100,000 conversations, 1,000 opportunities:
//! every localStorage key and value exactly as the app stores them), plus the same state as
//! one plain JSON envelope, `state.json`: `cargo run --release --example workload -- DIR`.

use follow_up::storage::blocks::{save, MemoryBackend};
use follow_up::storage::envelope::encode;
use follow_up::storage::DATA_KEY;
use follow_up::workload::{connections_csv, generate, Size};

fn main() -> std::io::Result<()> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/workload".into());
    std::fs::create_dir_all(&dir)?;
    // A fixed "now" keeps the files identical run after run; the app dates its own clock.
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 27).and_then(|d| d.and_hms_opt(12, 0, 0)).unwrap_or_default();
    std::fs::write(format!("{dir}/Connections.csv"), connections_csv(30_000, 1))?;
    let records = generate(Size::FULL, 7, now);
    let mut storage = MemoryBackend::default();
    save(&mut storage, DATA_KEY, None, &records, now).map_err(std::io::Error::other)?;
    let values = serde_json::to_string(&storage.values).map_err(std::io::Error::other)?;
    std::fs::write(format!("{dir}/storage.json"), values)?;
    std::fs::write(format!("{dir}/state.json"), encode(&records, now))?;
    println!("wrote {dir}/Connections.csv, {dir}/storage.json and {dir}/state.json");
    Ok(())
}
