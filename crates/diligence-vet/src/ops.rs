//! The commands that write the ledger: `regenerate-exemptions` (which also adopts a ledger
//! where there is none), `prune` and `regenerate-imports`. `certify` writes through
//! [`crate::review::record`].

use crate::imports::{self, Fetch, LockedImport};
use crate::prune::{Regenerated, prunable, regenerate_exemptions};
use crate::store::{AUDITS_FILE, CONFIG_FILE, EXEMPTIONS_FILE, IMPORTS_LOCK, Store, write_file};
use crate::{VetError, format};
use diligence_graph::DependencyGraph;
use std::collections::BTreeMap;
use std::path::Path;

/// The `config.toml` written when a project adopts the ledger.
pub const DEFAULT_CONFIG: &str = "\
# The audit ledger of this project (diligence vet): what must be reviewed, and whose
# reviews count. See the README section \"Audit ledger\".

# What `diligence vet certify` records when --criteria is not given.
default-criteria = \"safe-to-deploy\"

[policy]
# Packages that production dependencies reach.
criteria = \"safe-to-deploy\"
# Packages that only dev dependencies reach.
dev-criteria = \"safe-to-run\"

# [policy.packages.\"@yourorg/ui\"]
# criteria = []                # published from this repository: no review needed

# [imports.someteam]
# url = \"https://raw.githubusercontent.com/someteam/repo/main/supply-chain/audits.toml\"
# criteria-map = { safe-to-deploy = \"safe-to-deploy\", safe-to-run = \"safe-to-run\" }
";

/// Loads the store in `dir`, or — when the folder does not exist — creates it with the
/// default `config.toml` and an empty `audits.toml`, then writes `exemptions.toml` for the
/// current tree ([`regenerate_exemptions`]). Returns what changed.
pub fn regenerate_exemptions_in(
    dir: &Path,
    graph: &DependencyGraph,
    fetcher: Option<&dyn Fetch>,
) -> Result<Regenerated, VetError> {
    let store = match Store::load(dir) {
        Ok(s) => s,
        Err(VetError::NoStore(_)) => {
            write_file(&dir.join(CONFIG_FILE), DEFAULT_CONFIG)?;
            write_file(&dir.join(AUDITS_FILE), crate::review::AUDITS_HEADER)?;
            Store::load(dir)?
        }
        Err(e) => return Err(e),
    };
    let resolved = imports::resolve(&store.config.imports, &store.lock, &store.dir, fetcher);
    let out = regenerate_exemptions(graph, &store, &resolved);
    write_file(
        &dir.join(EXEMPTIONS_FILE),
        &format::exemptions_file_text(&out.exemptions),
    )?;
    Ok(out)
}

/// Drops the exemptions `vet` reports as unused; returns them (`name@version`).
pub fn prune_in(
    dir: &Path,
    graph: &DependencyGraph,
    fetcher: Option<&dyn Fetch>,
) -> Result<Vec<String>, VetError> {
    let store = Store::load(dir)?;
    let vetting = crate::check::vet(graph, &store, fetcher);
    let drop: Vec<u32> = prunable(graph, &store, &vetting.ledger, &vetting.coverage)
        .iter()
        .map(|e| e.line)
        .collect();
    if drop.is_empty() {
        return Ok(Vec::new());
    }
    let (gone, kept): (Vec<_>, Vec<_>) = store
        .exemptions
        .iter()
        .cloned()
        .partition(|e| drop.contains(&e.line));
    write_file(
        &dir.join(EXEMPTIONS_FILE),
        &format::exemptions_file_text(&kept),
    )?;
    Ok(gone
        .iter()
        .map(|e| format!("{}@{}", e.package, e.version))
        .collect())
}

/// What `regenerate-imports` pinned for one import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    pub name: String,
    pub sha256: String,
    pub audits: usize,
    /// Compared with the previous pin: audits added and removed (`None`: newly pinned).
    pub change: Option<(usize, usize)>,
    /// Entries of their file that could not be used.
    pub skipped: Vec<String>,
}

/// Fetches every import `config.toml` lists and pins it in `imports.lock` (dropping pins of
/// imports no longer listed). Errors: an import cannot be fetched or parsed (nothing is
/// written then), or the lock cannot be written.
pub fn regenerate_imports_in(
    dir: &Path,
    fetcher: Option<&dyn Fetch>,
) -> Result<Vec<Pinned>, VetError> {
    let store = Store::load(dir)?;
    let mut lock: BTreeMap<String, LockedImport> = BTreeMap::new();
    let mut out = Vec::new();
    for cfg in store.config.imports.values() {
        let fetched = imports::fetch(cfg, &store.dir, fetcher).map_err(VetError::Input)?;
        let previous = store.lock.get(&cfg.name);
        let change =
            previous.map(|p| imports::audit_changes(&p.audits, &fetched.parsed.file.audits));
        out.push(Pinned {
            name: cfg.name.clone(),
            sha256: fetched.sha256.clone(),
            audits: fetched.parsed.file.audits.len(),
            change,
            skipped: fetched.parsed.skipped.clone(),
        });
        lock.insert(
            cfg.name.clone(),
            LockedImport {
                name: cfg.name.clone(),
                source: cfg.source.clone(),
                sha256: fetched.sha256,
                criteria: fetched.criteria,
                audits: fetched.parsed.file.audits,
            },
        );
    }
    write_file(&dir.join(IMPORTS_LOCK), &imports::lock_text(&lock))?;
    Ok(out)
}
