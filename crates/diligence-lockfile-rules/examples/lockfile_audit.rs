//! Prints the lockfile findings of the lockfiles given as arguments, one per line:
//! `severity rule name@version file:line message`, then counts per rule and severity.
//!
//! `cargo run -p diligence-lockfile-rules --example lockfile_audit -- path/to/yarn.lock …`

use std::collections::BTreeMap;

fn main() {
    let policy = diligence_lockfile_rules::LockfilePolicy::default();
    let mut counts: BTreeMap<(String, String), usize> = BTreeMap::new();
    for arg in std::env::args().skip(1) {
        let graph = match diligence_lockfile::read_lockfile(std::path::Path::new(&arg)) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("error: {e}");
                continue;
            }
        };
        for f in diligence_lockfile_rules::check(&graph, &policy) {
            let who = f
                .package
                .as_ref()
                .map(|p| format!("{}@{}", p.name, p.version))
                .unwrap_or_default();
            let at = f
                .location
                .as_ref()
                .map(|l| format!("{}:{}", l.file, l.line))
                .unwrap_or_default();
            println!("{} {} {who} {at} {}", f.severity, f.rule, f.message);
            *counts.entry((f.rule, f.severity.to_string())).or_default() += 1;
        }
    }
    for ((rule, severity), n) in counts {
        println!("# {rule} {severity}: {n}");
    }
}
