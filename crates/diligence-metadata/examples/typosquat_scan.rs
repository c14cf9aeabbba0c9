//! Prints the typosquat verdict for every name on stdin: one name per line, or TSV lines whose
//! second column is the name (`shared/corpus/benign/top1000-latest.tsv`). Output: one
//! `name<TAB>target<TAB>rank<TAB>kind<TAB>distance` line per flagged name, and a count on
//! stderr.
//!
//! `cargo run -p diligence-metadata --example typosquat_scan < names.txt`

use std::io::BufRead;

fn main() {
    let (mut flagged, mut total) = (0, 0);
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let name = match line.split('\t').nth(1) {
            Some(second) => second.trim(),
            None => line.trim(),
        };
        if name.is_empty() || name == "name" {
            continue;
        }
        total += 1;
        if let Some(m) = diligence_metadata::typosquat(name) {
            flagged += 1;
            println!(
                "{}\t{}\t{}\t{:?}\t{}",
                m.name, m.target, m.target_rank, m.kind, m.distance
            );
        }
    }
    eprintln!("flagged {flagged} of {total}");
}
