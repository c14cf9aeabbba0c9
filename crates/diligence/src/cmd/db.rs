//! `diligence db update [--from URL|PATH]` and `diligence db status`: the offline OSV
//! advisory database in the cache directory (`$DILIGENCE_CACHE_DIR`, else
//! `~/.cache/diligence/advisories.idx`).
//!
//! `update` reads the source (default `$DILIGENCE_OSV_URL`, else the OSV npm export), checks
//! it is a readable zip / OSV JSON / Datadog manifest with at least one npm advisory, and only
//! then replaces the index (temp file + rename): a failed update leaves the old index in use.
//! Exit codes: 0 done; 2 when the update failed or there is no database to report on.
//!
//! `--from` takes one source; to combine the OSV export with the Datadog manifest, put both
//! in one folder (files are recognised by content) or use
//! `diligence_advisory::update_dir(dir, &[a, b])`.

use crate::cli::DbCommand;
use anyhow::{Context, Result};
use diligence_advisory::{AdvisoryDb, DbStatus, INDEX_FILE, STALE_AFTER_DAYS};

pub fn run(cmd: DbCommand) -> Result<u8> {
    match cmd {
        DbCommand::Update { from } => update(from),
        DbCommand::Status => status(),
    }
}

fn update(from: Option<String>) -> Result<u8> {
    let source = from.unwrap_or_else(diligence_advisory::default_source);
    let dir = diligence_advisory::cache_dir()?;
    anstream::eprintln!("updating advisory database from {source}");
    let had_index = dir.join(INDEX_FILE).is_file();
    let status = diligence_advisory::update_dir(&dir, &[&source]).with_context(|| {
        if had_index {
            format!(
                "advisory database not updated (previous index kept in {})",
                dir.display()
            )
        } else {
            format!(
                "advisory database not updated (there is none yet in {}: commands that match \
                 advisories exit 2 until `diligence db update --from DIR|ZIP` succeeds)",
                dir.display()
            )
        }
    })?;
    anstream::println!("updated {}", dir.join(INDEX_FILE).display());
    print_status(&status);
    Ok(0)
}

fn status() -> Result<u8> {
    let dir = diligence_advisory::cache_dir()?;
    let db = AdvisoryDb::open_dir(&dir)?;
    anstream::println!("index:          {}", dir.join(INDEX_FILE).display());
    print_status(db.status());
    Ok(0)
}

fn print_status(s: &DbStatus) {
    anstream::println!("source:         {}", s.source);
    anstream::println!(
        "built:          {}",
        diligence_advisory::format_unix(s.built_unix)
    );
    anstream::println!(
        "records:        {} malware, {} vulnerability, {} withdrawn ({} other ecosystems, not indexed)",
        s.malware,
        s.vulnerability,
        s.withdrawn,
        s.other_ecosystems
    );
    anstream::println!("packages:       {}", s.packages);
    if !s.unreadable.is_empty() {
        // Each of these makes every audit list a not-evaluated record (exit 2).
        anstream::println!(
            "unreadable:     {} record(s): their advisories are not matched; audits list them as not evaluated",
            s.unreadable.len()
        );
        for r in &s.unreadable {
            anstream::println!(
                "  {}: {}",
                diligence_report::escape::terminal_safe(&r.place),
                diligence_report::escape::terminal_safe(&r.message)
            );
        }
    }
    anstream::println!(
        "newest record:  {}",
        s.newest_modified.as_deref().unwrap_or("unknown")
    );
    let age = s.age_days();
    match s.stale_days() {
        Some(_) => anstream::println!(
            "age:            {age} days (stale: older than {STALE_AFTER_DAYS} days; run `diligence db update`)"
        ),
        None => anstream::println!("age:            {age} days"),
    }
}
