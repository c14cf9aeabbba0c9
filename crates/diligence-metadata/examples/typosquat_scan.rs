//! Prints the typosquat verdict for every name on stdin: one name per line, or TSV lines whose
//! first column is the name (lines starting with `#` and a `name` header are skipped). Output:
//! `name<TAB>target<TAB>rank<TAB>kind<TAB>confidence<TAB>requested<TAB>locked<TAB>why` per
//! match, and a count on stderr. `--leave-one-out` judges popular names against the rest of
//! the list (the exemption of popular names off).
//!
//! `cargo run -p diligence-metadata --example typosquat_scan [-- --leave-one-out] < names.txt`

use diligence_metadata::typosquat::{NameContext, find_with, severity};
use std::io::BufRead;

fn main() {
    let leave_one_out = std::env::args().any(|a| a == "--leave-one-out");
    let (mut flagged, mut total) = (0, 0);
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let name = line.split('\t').next().unwrap_or("").trim();
        if name.is_empty() || name == "name" || name.starts_with('#') {
            continue;
        }
        total += 1;
        let Some(m) = find_with(name, !leave_one_out) else {
            continue;
        };
        flagged += 1;
        let requested = severity(&m, NameContext::Requested { exists: Some(true) });
        let locked = severity(&m, NameContext::Locked);
        println!(
            "{}\t{}\t{}\t{:?}\t{:?}\t{}\t{}\t{}",
            m.name, m.target, m.target_rank, m.kind, m.confidence, requested, locked, m.why
        );
    }
    eprintln!("matched {flagged} of {total}");
}
