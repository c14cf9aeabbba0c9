//! Imported audits: other organisations' `audits.toml`, fetched over HTTPS or read from a
//! path, pinned by SHA-256 in `supply-chain/imports.lock`.
//!
//! Trust is explicit and changes are reviewed:
//! - `vet regenerate-imports` fetches every import the config lists, parses it, and writes
//!   its SHA-256 and its audits into `imports.lock` (a diff of that file shows a reviewer
//!   exactly which audits arrived or went);
//! - `vet` uses the pinned audits only. It fetches each import again (unless offline) and
//!   compares the hash: a changed file is refused — the pinned copy stays in use — and
//!   reported as `vet/import-changed` (high when audits were removed or rewritten, which is
//!   what a tampered or revoked file looks like; medium when audits were only added) until
//!   someone runs `vet regenerate-imports`;
//! - an import the config lists but the lock does not pin (or pins from another URL or
//!   path) counts for nothing and is "not evaluated";
//! - imported audits count only for the local criteria `criteria-map` maps theirs to, and
//!   never for packages in `exclude`. Imports are not transitive: their own imports are not
//!   read.

use crate::config::{ImportConfig, ImportSource};
use crate::criteria::{CriteriaSet, CriteriaTable};
use crate::format::{Audit, Parsed, Strictness, audit_identity, audit_text, criteria_defs};
use crate::toml_read::{Doc, get, key, quote};
use crate::{VetError, format};
use sha2::Digest;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// Largest imported audits file read (32 MiB; mozilla's is about 1 MiB).
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;

/// Fetches an import URL's body. The registry client implements it (proxy, TLS settings,
/// retries and size limits as for the registry); tests use a 127.0.0.1 server.
pub trait Fetch: Sync {
    /// The body of a 2xx response; `Err` with one line naming the failure.
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String>;
}

impl Fetch for diligence_registry::RegistryClient {
    fn fetch(&self, url: &str) -> Result<Vec<u8>, String> {
        if self.options().mode == diligence_registry::Mode::Offline {
            return Err("offline".into());
        }
        self.download(url).map_err(|e| e.to_string())
    }
}

/// Checks an import URL: `https://`, or `http://` on a loopback host (a local mirror or a
/// test server). Errors: one line saying why.
pub fn check_url(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return Ok(());
    }
    if let Some(rest) = lower.strip_prefix("http://") {
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = match authority.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or(""),
            None => authority.split(':').next().unwrap_or(""),
        };
        if matches!(host, "127.0.0.1" | "localhost" | "::1") {
            return Ok(());
        }
    }
    Err(format!(
        "import url `{url}` must use https:// (plain http only on 127.0.0.1, localhost or [::1])"
    ))
}

/// One import as pinned in `imports.lock`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedImport {
    pub name: String,
    pub source: ImportSource,
    /// SHA-256 of the imported file's bytes, hex.
    pub sha256: String,
    /// Their criteria definitions.
    pub criteria: Vec<crate::criteria::CriterionDef>,
    /// Their audits, criteria named in their namespace.
    pub audits: Vec<Audit>,
}

impl LockedImport {
    /// Their criteria table (built-ins plus their definitions); definitions that do not
    /// close (an `implies` to nothing) fall back to the built-ins.
    pub fn table(&self) -> CriteriaTable {
        CriteriaTable::new(&self.criteria).unwrap_or_default()
    }
}

/// Reads a parsed `imports.lock`.
pub(crate) fn parse_lock(
    doc: &Doc<'_>,
    root: &toml::de::DeTable<'_>,
) -> Result<BTreeMap<String, LockedImport>, VetError> {
    doc.only_keys(root, &["imports"], "imports.lock")?;
    let mut out = BTreeMap::new();
    let Some(all) = get(root, "imports") else {
        return Ok(out);
    };
    for (name, v) in doc.table(all, "imports")? {
        let t = doc.table(v, "an import")?;
        doc.only_keys(
            t,
            &["url", "path", "sha256", "criteria", "audits"],
            "a locked import",
        )?;
        let source = match (get(t, "url"), get(t, "path")) {
            (Some(u), None) => ImportSource::Url(doc.string(u, "url")?),
            (None, Some(p)) => ImportSource::Path(doc.string(p, "path")?),
            _ => {
                return Err(doc.error(
                    name.span(),
                    format!(
                        "locked import `{}` needs one of `url` or `path`",
                        name.get_ref()
                    ),
                ));
            }
        };
        let Some(sha) = get(t, "sha256") else {
            return Err(doc.error(name.span(), "a locked import needs `sha256`"));
        };
        let sha256 = doc.string(sha, "sha256")?;
        if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(doc.error(sha.span(), "`sha256` must be 64 hex digits"));
        }
        let criteria = match get(t, "criteria") {
            Some(c) => criteria_defs(doc, c, Strictness::Foreign)?,
            None => Vec::new(),
        };
        let table =
            CriteriaTable::new(&criteria).map_err(|e| doc.error(name.span(), e.to_string()))?;
        let mut parsed = Parsed::default();
        format::audits_of(doc, t, &table, Strictness::Own, &mut parsed)?;
        out.insert(
            name.get_ref().to_string(),
            LockedImport {
                name: name.get_ref().to_string(),
                source,
                sha256,
                criteria,
                audits: parsed.file.audits,
            },
        );
    }
    Ok(out)
}

/// The header comment of `imports.lock`.
pub const LOCK_HEADER: &str = "\
# Imported audits, pinned (diligence vet). Written by `diligence vet regenerate-imports`;
# do not edit by hand. `diligence vet` uses only what is pinned here and refuses an import
# whose file changed (sha256) until regenerate-imports runs again and the change is reviewed.
";

/// The text of `imports.lock` for `imports` (sorted by name; audits in file order).
pub fn lock_text(imports: &BTreeMap<String, LockedImport>) -> String {
    let mut s = String::from(LOCK_HEADER);
    for (name, i) in imports {
        let prefix = format!("imports.{}", key(name));
        let _ = write!(
            s,
            "\n[{prefix}]\n{} = {}\nsha256 = {}\n",
            i.source.key(),
            quote(i.source.as_str()),
            quote(&i.sha256)
        );
        for c in &i.criteria {
            let _ = write!(
                s,
                "\n[{prefix}.criteria.{}]\ndescription = {}\n",
                key(&c.name),
                quote(&c.description)
            );
            if !c.implies.is_empty() {
                let list: Vec<String> = c.implies.iter().map(|x| quote(x)).collect();
                let _ = writeln!(s, "implies = [{}]", list.join(", "));
            }
        }
        let mut audits: Vec<&Audit> = i.audits.iter().collect();
        audits.sort_by(|a, b| a.package.cmp(&b.package));
        for a in audits {
            s.push('\n');
            s.push_str(&audit_text(&format!("{prefix}.audits"), a));
        }
    }
    s
}

/// An imported file as fetched now.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub sha256: String,
    pub parsed: Parsed,
    pub criteria: Vec<crate::criteria::CriterionDef>,
}

/// Fetches (URL) or reads (path, relative to `store_dir`) one import and parses it as a
/// foreign audits file. Errors: one line naming the import and why.
pub fn fetch(
    import: &ImportConfig,
    store_dir: &Path,
    fetcher: Option<&dyn Fetch>,
) -> Result<Fetched, String> {
    let bytes = match &import.source {
        ImportSource::Url(url) => {
            let Some(f) = fetcher else {
                return Err(format!("import `{}`: no network (offline)", import.name));
            };
            let body = f
                .fetch(url)
                .map_err(|e| format!("import `{}` ({url}): {e}", import.name))?;
            if body.len() as u64 > MAX_IMPORT_BYTES {
                return Err(format!(
                    "import `{}` ({url}): larger than 32 MiB",
                    import.name
                ));
            }
            body
        }
        ImportSource::Path(p) => {
            let path = store_dir.join(p);
            diligence_registry::bounded::read_bounded(&path, MAX_IMPORT_BYTES)
                .map_err(|e| format!("import `{}` ({}): {e}", import.name, path.display()))?
        }
    };
    parse_fetched(&import.name, import.source.as_str(), &bytes)
}

/// Parses the bytes of an imported audits file.
pub fn parse_fetched(name: &str, source: &str, bytes: &[u8]) -> Result<Fetched, String> {
    let sha256 = hex::encode(sha2::Sha256::digest(bytes));
    let text = std::str::from_utf8(bytes)
        .map_err(|_| format!("import `{name}` ({source}): not UTF-8 text"))?;
    let doc = Doc::new(format!("import `{name}` ({source})"), text);
    let root = doc.parse().map_err(|e| e.to_string())?;
    let criteria = match get(root.get_ref(), "criteria") {
        Some(c) => criteria_defs(&doc, c, Strictness::Foreign).map_err(|e| e.to_string())?,
        None => Vec::new(),
    };
    let table = CriteriaTable::new(&criteria).map_err(|e| format!("import `{name}`: {e}"))?;
    let mut parsed = Parsed::default();
    format::audits_of(
        &doc,
        root.get_ref(),
        &table,
        Strictness::Foreign,
        &mut parsed,
    )
    .map_err(|e| e.to_string())?;
    Ok(Fetched {
        sha256,
        parsed,
        criteria,
    })
}

/// How an import stands in this run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportStatus {
    /// Fetched now, and the same file as pinned.
    Pinned,
    /// Not compared with its source (offline, or the fetch failed: `why`); the pinned copy is
    /// used.
    Unchecked { why: String },
    /// The source changed since it was pinned: refused, the pinned copy is used.
    Changed {
        sha256: String,
        added: usize,
        removed: usize,
    },
    /// The lock does not pin this import (or pins another source): it counts for nothing.
    NotPinned,
}

/// One configured import, resolved for this run.
#[derive(Debug, Clone)]
pub struct ImportState {
    pub config: ImportConfig,
    pub status: ImportStatus,
    /// The pinned copy (`None` when not pinned).
    pub locked: Option<LockedImport>,
}

/// Resolves every configured import against the lock, fetching each one to compare (URL
/// imports only with a `fetcher`; path imports are always read).
pub fn resolve(
    imports: &BTreeMap<String, ImportConfig>,
    lock: &BTreeMap<String, LockedImport>,
    store_dir: &Path,
    fetcher: Option<&dyn Fetch>,
) -> Vec<ImportState> {
    use rayon::prelude::*;
    imports
        .values()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|cfg| {
            let locked = lock
                .get(&cfg.name)
                .filter(|l| l.source == cfg.source)
                .cloned();
            let status = match &locked {
                None => ImportStatus::NotPinned,
                Some(l) => match fetch(cfg, store_dir, fetcher) {
                    Err(why) => ImportStatus::Unchecked { why },
                    Ok(f) if f.sha256 == l.sha256 => ImportStatus::Pinned,
                    Ok(f) => {
                        let (added, removed) = audit_changes(&l.audits, &f.parsed.file.audits);
                        ImportStatus::Changed {
                            sha256: f.sha256,
                            added,
                            removed,
                        }
                    }
                },
            };
            ImportState {
                config: (*cfg).clone(),
                status,
                locked,
            }
        })
        .collect()
}

/// Every configured import with its pinned copy, compared with nothing (status
/// [`ImportStatus::Unchecked`]): what a review of a change counts, where the pins decide and
/// nothing is fetched.
pub fn pinned(
    imports: &BTreeMap<String, ImportConfig>,
    lock: &BTreeMap<String, LockedImport>,
) -> Vec<ImportState> {
    imports
        .values()
        .map(|cfg| {
            let locked = lock
                .get(&cfg.name)
                .filter(|l| l.source == cfg.source)
                .cloned();
            let status = match &locked {
                None => ImportStatus::NotPinned,
                Some(_) => ImportStatus::Unchecked {
                    why: "not compared in a review of a change: the pinned copy counts".into(),
                },
            };
            ImportState {
                config: cfg.clone(),
                status,
                locked,
            }
        })
        .collect()
}

/// Audits only in `new` (added) and only in `old` (removed or rewritten), ignoring lines.
pub fn audit_changes(old: &[Audit], new: &[Audit]) -> (usize, usize) {
    let before: BTreeSet<String> = old.iter().map(audit_identity).collect();
    let after: BTreeSet<String> = new.iter().map(audit_identity).collect();
    (
        after.difference(&before).count(),
        before.difference(&after).count(),
    )
}

/// The audits of a pinned import that count locally: not excluded, with their criteria
/// mapped through `criteria-map` to ours. Each comes with two sets: the local closure of
/// what it certifies (their `implies` applied first, then the map, then ours) and the raw
/// mapped criteria (what a violation fails). Audits that map to nothing are dropped.
pub fn localize(
    config: &ImportConfig,
    locked: &LockedImport,
    local: &CriteriaTable,
) -> Vec<(Audit, CriteriaSet, CriteriaSet)> {
    let theirs = locked.table();
    let map_one = |name: &str| match config.criteria_map.get(name) {
        Some(ours) => local.set_of(ours.iter().map(String::as_str)),
        None => CriteriaSet::EMPTY,
    };
    // Their criterion number → our raw criteria.
    let mapped: Vec<CriteriaSet> = theirs.defs().iter().map(|d| map_one(&d.name)).collect();
    locked
        .audits
        .iter()
        .filter(|a| !config.exclude.contains(&a.package))
        .filter_map(|a| {
            let closure = theirs.closure_of(a.criteria.iter().map(String::as_str));
            let ours = closure
                .indices()
                .fold(CriteriaSet::EMPTY, |acc, i| acc.union(mapped[i]));
            let raw = a
                .criteria
                .iter()
                .fold(CriteriaSet::EMPTY, |acc, c| acc.union(map_one(c)));
            let closed = local.expand(ours);
            (!closed.is_empty() || !raw.is_empty()).then(|| (a.clone(), closed, raw))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(check_url("https://example.com/audits.toml").is_ok());
        assert!(check_url("http://127.0.0.1:8080/a.toml").is_ok());
        assert!(check_url("http://[::1]:80/a").is_ok());
        assert!(check_url("http://localhost/a").is_ok());
        assert!(check_url("http://example.com/a").is_err());
        assert!(check_url("http://127.0.0.1.evil.example/a").is_err());
        assert!(check_url("file:///etc/passwd").is_err());
    }

    #[test]
    fn lock_round_trips_and_maps_criteria() {
        let text = "[criteria.strict]\ndescription = \"s\"\nimplies = \"safe-to-deploy\"\n\n[[audits.a]]\nwho = \"x\"\ncriteria = \"strict\"\nversion = \"1.0.0\"\n\n[[audits.b]]\ncriteria = \"other\"\nversion = \"1.0.0\"\n";
        let f = parse_fetched("acme", "https://x/a.toml", text.as_bytes()).unwrap();
        assert_eq!(f.parsed.file.audits.len(), 1, "{:?}", f.parsed.skipped);
        let locked = LockedImport {
            name: "acme".into(),
            source: ImportSource::Url("https://x/a.toml".into()),
            sha256: f.sha256.clone(),
            criteria: f.criteria.clone(),
            audits: f.parsed.file.audits.clone(),
        };
        let mut all = BTreeMap::new();
        all.insert("acme".to_string(), locked.clone());
        let lock = lock_text(&all);
        let doc = Doc::new("imports.lock", &lock);
        let root = doc.parse().unwrap();
        let back = parse_lock(&doc, root.get_ref()).unwrap();
        let got = &back["acme"];
        assert_eq!(got.sha256, locked.sha256);
        assert_eq!(got.criteria, locked.criteria);
        assert_eq!(got.audits.len(), 1);
        assert_eq!(got.audits[0].kind, locked.audits[0].kind);

        let local = CriteriaTable::builtin();
        let mut cfg = ImportConfig {
            name: "acme".into(),
            source: ImportSource::Url("https://x/a.toml".into()),
            criteria_map: BTreeMap::new(),
            exclude: vec![],
            line: 1,
        };
        // Nothing mapped: nothing counts.
        assert!(localize(&cfg, got, &local).is_empty());
        // Their safe-to-run (implied by strict) mapped to ours.
        cfg.criteria_map
            .insert("safe-to-run".into(), vec!["safe-to-run".into()]);
        let l = localize(&cfg, got, &local);
        assert_eq!(local.names(l[0].1), ["safe-to-run"]);
        assert!(l[0].2.is_empty(), "strict itself is not mapped");
        cfg.exclude.push("a".into());
        assert!(localize(&cfg, got, &local).is_empty());
    }
}
