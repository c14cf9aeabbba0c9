//! `diligence hunt`: after an incident, find every commit, branch and tag that ever locked a
//! compromised version or contained an indicator, across one or many repositories.
//!
//! For each repository the hunt
//! 1. lists its refs and walks the history of `HEAD` (or of every branch, tag,
//!    remote-tracking and pull-request ref) with one `git log --raw` ([`history`]), tracking the
//!    lockfiles (every name `diligence-lockfile` reads, anywhere outside `node_modules`) and
//!    the `package.json` beside each;
//! 2. reads each distinct lockfile version once — history repeats blobs heavily — through one
//!    `git cat-file --batch`, in history order so git's delta cache does the work, and parses
//!    them in parallel with the `diligence-lockfile` readers ([`evaluate`]);
//! 3. matches every locked entry against the specs (`name@version`, `name@range`, advisory
//!    ids expanded from the OSV database: [`spec`]) and indicators (hosts, URLs, hashes, file
//!    names against `resolved`, integrity and cached code analyses: [`ioc`]);
//! 4. turns per-commit hits into histories: introductions, removals, lockfile moves, first and
//!    last commit, refs that still lock it, dependency paths ([`timeline`]);
//! 5. reports them ([`report`], written by [`write`]).
//!
//! The repository is hostile input: nothing is checked out, no hook or configured program
//! runs ([`git`]), blob sizes are bounded, paths are never used on the file system, and a
//! lockfile version that cannot be read is reported as not evaluated with its commit and path.
//!
//! ```no_run
//! use diligence_hunt::{HuntOptions, HuntQuery, spec::PackageSpec};
//! let query = HuntQuery {
//!     specs: vec![PackageSpec::parse("axios@1.14.1").unwrap()],
//!     indicators: vec![],
//! };
//! let report = diligence_hunt::hunt(&[".".into()], &query, &HuntOptions::default());
//! std::process::exit(report.exit_code().into());
//! ```

pub mod evaluate;
pub mod git;
pub mod history;
pub mod ioc;
pub mod report;
pub mod spec;
pub mod timeline;
pub mod write;

use evaluate::{Field, HitKey, Matchers, UnitResult};
use git::{Git, ObjectInfo, RefTip};
use history::History;
use ioc::{AnalysisCache, Indicator};
use rayon::prelude::*;
use report::{HuntReport, MatchedBy, QuerySpec, RepositoryReport, Summary, WalkStats};
use spec::PackageSpec;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use timeline::CommitUnits;

use diligence_finding::{NotEvaluated, ToolInfo};
use diligence_lockfile::Manifest;

/// Errors that stop a hunt (or one repository of it) before anything is evaluated.
#[derive(Debug, thiserror::Error)]
pub enum HuntError {
    /// A spec on the command line is malformed.
    #[error("{spec}: {message}")]
    Spec { spec: String, message: String },
    /// An advisory id is not in the database, or the database is damaged.
    #[error("{id}: {message}")]
    Advisory { id: String, message: String },
    /// A line of the indicator file is malformed.
    #[error("{path}:{line}: {message}")]
    Ioc {
        path: String,
        line: usize,
        message: String,
    },
    /// A folder is not a git repository git will read.
    #[error("{}: {message}", path.display())]
    Repository { path: PathBuf, message: String },
    /// A git command failed or printed what the hunt cannot parse.
    #[error("{command}: {message}")]
    Git { command: String, message: String },
    /// `--since` is not a date.
    #[error("--since {0}: expected a date (YYYY-MM-DD) or an RFC 3339 time")]
    Since(String),
}

/// What to look for.
#[derive(Debug, Clone, Default)]
pub struct HuntQuery {
    /// Package matchers (advisory ids already expanded).
    pub specs: Vec<PackageSpec>,
    pub indicators: Vec<Indicator>,
}

/// Lockfile blobs larger than this are not parsed (not evaluated): 128 MiB, beyond any real
/// lockfile seen, and bounded so that a hostile blob cannot exhaust memory.
pub const MAX_BLOB_BYTES: u64 = 128 * 1024 * 1024;

/// `package.json` blobs larger than this are ignored (read as absent): 8 MiB.
pub const MAX_MANIFEST_BYTES: u64 = 8 * 1024 * 1024;

/// How to hunt.
#[derive(Clone, Copy)]
pub struct HuntOptions<'a> {
    /// Walk every branch, tag, remote-tracking and pull-request ref, not only `HEAD`.
    pub all_refs: bool,
    /// Only commits with a committer time at or after this (seconds since the epoch).
    pub since: Option<i64>,
    /// See [`MAX_BLOB_BYTES`].
    pub max_blob_bytes: u64,
    /// Cached code analyses to match indicators against (never downloaded).
    pub analyses: Option<&'a dyn AnalysisCache>,
}

impl Default for HuntOptions<'_> {
    fn default() -> Self {
        HuntOptions {
            all_refs: false,
            since: None,
            max_blob_bytes: MAX_BLOB_BYTES,
            analyses: None,
        }
    }
}

/// Parses `--since`: `YYYY-MM-DD` (midnight UTC) or an RFC 3339 time. Returns seconds.
pub fn parse_since(text: &str) -> Result<i64, HuntError> {
    let t = text.trim();
    let full = if t.len() == 10 {
        format!("{t}T00:00:00Z")
    } else {
        t.to_string()
    };
    diligence_advisory::parse_rfc3339(&full)
        .and_then(|s| i64::try_from(s).ok())
        .ok_or_else(|| HuntError::Since(text.to_string()))
}

/// Hunts every repository in turn. A repository that cannot be read is reported with a
/// not-evaluated record; the others are still hunted.
pub fn hunt(repos: &[PathBuf], query: &HuntQuery, options: &HuntOptions<'_>) -> HuntReport {
    let repositories: Vec<RepositoryReport> = repos
        .iter()
        .map(|r| hunt_repository(r, query, options))
        .collect();
    let summary = Summary {
        repositories: repositories.len(),
        matches: repositories.iter().map(|r| r.matches.len()).sum(),
        commits: repositories.iter().map(|r| r.stats.commits).sum(),
        lockfiles_parsed: repositories.iter().map(|r| r.stats.lockfiles_parsed).sum(),
        not_evaluated: repositories.iter().map(|r| r.not_evaluated.len()).sum(),
    };
    HuntReport {
        schema: report::SCHEMA,
        tool: ToolInfo {
            name: "diligence".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        query: report::Query {
            specs: query
                .specs
                .iter()
                .map(|s| QuerySpec {
                    spec: s.text.clone(),
                    name: s.name.clone(),
                    advisory: s.advisory().cloned(),
                })
                .collect(),
            indicators: query.indicators.clone(),
            all_refs: options.all_refs,
            since: options.since.map(timeline::rfc3339),
        },
        summary,
        repositories,
    }
}

/// Hunts one repository (see the crate docs).
pub fn hunt_repository(
    path: &Path,
    query: &HuntQuery,
    options: &HuntOptions<'_>,
) -> RepositoryReport {
    let mut report = RepositoryReport {
        path: path.display().to_string(),
        head: None,
        refs_walked: Vec::new(),
        shallow: false,
        stats: WalkStats::default(),
        matches: Vec::new(),
        not_evaluated: Vec::new(),
        not_checked: Vec::new(),
    };
    if let Err(e) = hunt_into(path, query, options, &mut report) {
        report.not_evaluated.push(NotEvaluated {
            what: format!("repository {}", path.display()),
            why: e.to_string(),
        });
    }
    report
}

/// A distinct lockfile version to evaluate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum UnitKey {
    /// A regular file: lockfile blob, `package.json` blob beside it, file name.
    Blob {
        lock: u32,
        manifest: Option<u32>,
        name: String,
    },
    /// Known unreadable before reading: why.
    Refused { blob: u32, why: String },
}

struct Units {
    keys: Vec<UnitKey>,
    ids: HashMap<UnitKey, u32>,
    /// Per unit: the first commit and path where it appears, and how many commits hold it.
    first: Vec<(usize, u32)>,
    commits: Vec<usize>,
}

impl Units {
    fn intern(&mut self, key: UnitKey, commit: usize, path: u32) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.ids.insert(key.clone(), id);
        self.keys.push(key);
        self.first.push((commit, path));
        self.commits.push(0);
        id
    }
}

fn hunt_into(
    path: &Path,
    query: &HuntQuery,
    options: &HuntOptions<'_>,
    report: &mut RepositoryReport,
) -> Result<(), HuntError> {
    let git = Git::open(path)?;
    let refs = git.refs()?;
    report.head = git.head_branch();
    let cut = git.shallow_commits()?;
    report.shallow = !cut.is_empty();
    let walked: Vec<&RefTip> = if options.all_refs {
        refs.iter().collect()
    } else {
        refs.iter().filter(|r| r.name == "HEAD").collect()
    };
    if walked.is_empty() {
        return Err(HuntError::Repository {
            path: path.to_path_buf(),
            message: "HEAD names no commit (an empty repository?)".into(),
        });
    }
    report.refs_walked = walked.iter().map(|r| r.name.clone()).collect();
    let mut tips: Vec<String> = walked.iter().map(|r| r.commit.clone()).collect();
    tips.sort();
    tips.dedup();
    let history = history::walk(&git, &tips, options.since, &cut)?;
    if report.shallow {
        report.not_checked.push(
            "history before the shallow clone's cut: introductions at the cut may be older (fetch with --unshallow)".into(),
        );
    }

    let (units, commit_units) = collect_units(&history);
    let matchers = Matchers::new(&query.specs, &query.indicators, options.analyses);
    let (results, parsed) = read_units(&git, &history, &units, &matchers, options)?;

    let mut lock_paths: Vec<u32> = commit_units
        .iter()
        .flat_map(|u| u.iter().map(|&(p, _)| p))
        .collect();
    lock_paths.sort_unstable();
    lock_paths.dedup();
    let mut lock_blobs: Vec<u32> = units
        .keys
        .iter()
        .map(|k| match k {
            UnitKey::Blob { lock, .. } => *lock,
            UnitKey::Refused { blob, .. } => *blob,
        })
        .collect();
    lock_blobs.sort_unstable();
    lock_blobs.dedup();
    let (looked_up, found) = matchers.analysis_counts();
    report.stats = WalkStats {
        commits: history.commits.len(),
        lockfile_paths: lock_paths.len(),
        lockfile_blobs: lock_blobs.len(),
        lockfiles_parsed: parsed,
        lockfiles_not_evaluated: results.iter().filter(|r| r.error.is_some()).count(),
        analyses_looked_up: looked_up,
        analyses_found: found,
    };
    for (u, r) in results.iter().enumerate() {
        if let Some(why) = &r.error {
            let (commit, p) = units.first[u];
            let more = units.commits[u].saturating_sub(1);
            report.not_evaluated.push(NotEvaluated {
                what: format!(
                    "{} at {}{}",
                    history.paths[p as usize],
                    short(&history.commits[commit].id),
                    if more > 0 {
                        format!(
                            " (and {more} more commit{} with this version)",
                            if more == 1 { "" } else { "s" }
                        )
                    } else {
                        String::new()
                    }
                ),
                why: why.clone(),
            });
        }
    }
    if history.commits.is_empty() {
        report
            .not_checked
            .push("no commit in the walk (--since excludes them all)".into());
    }
    note_analyses(query, options, looked_up, found, &mut report.not_checked);

    let n_specs = query.specs.len();
    let matched_by = |key: &HitKey| describe(key, query, n_specs);
    let names = |ids: &[String]| git.name_rev(ids);
    report.matches = timeline::matches(
        &history,
        &commit_units,
        &results,
        &refs,
        &matched_by,
        &names,
    );
    Ok(())
}

fn short(id: &str) -> &str {
    &id[..id.len().min(12)]
}

fn describe(key: &HitKey, query: &HuntQuery, n_specs: usize) -> MatchedBy {
    let m = key.matcher.0 as usize;
    if m < n_specs {
        let spec = &query.specs[m];
        return MatchedBy {
            kind: if spec.advisory().is_some() {
                "advisory"
            } else {
                "spec"
            },
            value: spec.text.clone(),
            indicator: None,
            field: Field::Version.as_str(),
            advisory: spec.advisory().cloned(),
        };
    }
    let ioc = &query.indicators[m - n_specs];
    MatchedBy {
        kind: "indicator",
        value: ioc.value(),
        indicator: Some(ioc.kind()),
        field: key.field.as_str(),
        advisory: None,
    }
}

fn note_analyses(
    query: &HuntQuery,
    options: &HuntOptions<'_>,
    looked_up: usize,
    found: usize,
    notes: &mut Vec<String>,
) {
    let content_iocs = query
        .indicators
        .iter()
        .filter(|i| !matches!(i, Indicator::Hash(_)))
        .count();
    if content_iocs > 0 {
        if options.analyses.is_none() {
            notes.push("tarball contents: no code-scan cache, so host, URL and file-name indicators were matched against lockfiles only".into());
        } else if found < looked_up {
            notes.push(format!(
                "tarball contents: {} of {looked_up} locked tarballs have no cached code analysis (run `diligence audit` on a checkout to fill the cache); their contents were not checked for host, URL and file-name indicators",
                looked_up - found
            ));
        }
    }
    if query
        .indicators
        .iter()
        .any(|i| matches!(i, Indicator::Hash(_)))
    {
        notes.push("file hashes inside tarballs: cached analyses keep none, so hash indicators were matched against lockfile integrity (whole tarballs) only".into());
    }
}

/// Lockfile units per commit, and the distinct units.
fn collect_units(history: &History) -> (Units, Vec<CommitUnits>) {
    let mut units = Units {
        keys: Vec::new(),
        ids: HashMap::new(),
        first: Vec::new(),
        commits: Vec::new(),
    };
    let mut by_files: HashMap<*const BTreeMap<u32, history::FileEntry>, CommitUnits> =
        HashMap::new();
    let mut out: Vec<CommitUnits> = Vec::with_capacity(history.commits.len());
    for (i, files) in history.files.iter().enumerate() {
        let ptr = Arc::as_ptr(files);
        let cu = match by_files.get(&ptr) {
            Some(cu) => cu.clone(),
            None => {
                let cu = Arc::new(commit_units(history, files, &mut units, i));
                by_files.insert(ptr, cu.clone());
                cu
            }
        };
        for &(_, u) in cu.iter() {
            units.commits[u as usize] += 1;
        }
        out.push(cu);
    }
    (units, out)
}

fn commit_units(
    history: &History,
    files: &BTreeMap<u32, history::FileEntry>,
    units: &mut Units,
    commit: usize,
) -> Vec<(u32, u32)> {
    let by_path: HashMap<&str, &history::FileEntry> = files
        .iter()
        .map(|(p, e)| (history.paths[*p as usize].as_str(), e))
        .collect();
    let mut out = Vec::new();
    for (&p, entry) in files {
        let path = history.paths[p as usize].as_str();
        let (dir, name) = match path.rsplit_once('/') {
            Some((d, n)) => (Some(d), n),
            None => (None, path),
        };
        if name == "package.json" {
            continue;
        }
        let sibling = |n: &str| match dir {
            Some(d) => format!("{d}/{n}"),
            None => n.to_string(),
        };
        // bun.lock wins over bun.lockb, as bun does.
        if name == "bun.lockb" && by_path.contains_key(sibling("bun.lock").as_str()) {
            continue;
        }
        let key = if let Some(why) = odd_path(path) {
            UnitKey::Refused {
                blob: entry.blob,
                why,
            }
        } else if entry.mode == 0o120000 {
            UnitKey::Refused {
                blob: entry.blob,
                why: "is a symbolic link in the repository; its target is hunted where it is a lockfile itself".into(),
            }
        } else if entry.mode == 0o160000 {
            UnitKey::Refused {
                blob: entry.blob,
                why: "is a submodule; hunt that repository with --repo".into(),
            }
        } else if name == "bun.lockb" {
            UnitKey::Refused {
                blob: entry.blob,
                why: "bun.lockb is bun's binary lockfile and cannot be read (no bun.lock beside it at this commit)".into(),
            }
        } else {
            let manifest = by_path
                .get(sibling("package.json").as_str())
                .filter(|e| e.mode == 0o100644 || e.mode == 0o100755)
                .map(|e| e.blob);
            UnitKey::Blob {
                lock: entry.blob,
                manifest,
                name: name.to_string(),
            }
        };
        out.push((p, units.intern(key, commit, p)));
    }
    out
}

/// Why a repository path is refused, or `None`. Git never writes `.`/`..`/empty components,
/// but a crafted tree can hold them.
fn odd_path(path: &str) -> Option<String> {
    if path.starts_with('/')
        || path
            .split('/')
            .any(|c| c.is_empty() || c == "." || c == "..")
    {
        return Some(
            "has an empty, `.` or `..` path component, which git never writes: a crafted tree"
                .into(),
        );
    }
    None
}

/// Reads and evaluates every unit: sizes first (one `batch-check`), then manifests, then
/// lockfile blobs streamed in history order and parsed in parallel. Returns the results and
/// how many lockfile versions reached a parser.
fn read_units(
    git: &Git,
    history: &History,
    units: &Units,
    matchers: &Matchers<'_>,
    options: &HuntOptions<'_>,
) -> Result<(Vec<UnitResult>, usize), HuntError> {
    let mut results: Vec<UnitResult> = vec![UnitResult::default(); units.keys.len()];
    // Distinct blobs in first-seen (history) order.
    let mut lock_order: Vec<u32> = Vec::new();
    let mut manifest_order: Vec<u32> = Vec::new();
    let mut units_of_blob: HashMap<u32, Vec<u32>> = HashMap::new();
    for (u, key) in units.keys.iter().enumerate() {
        match key {
            UnitKey::Refused { why, .. } => results[u].error = Some(why.clone()),
            UnitKey::Blob { lock, manifest, .. } => {
                let list = units_of_blob.entry(*lock).or_default();
                if list.is_empty() {
                    lock_order.push(*lock);
                }
                list.push(u as u32);
                if let Some(m) = manifest
                    && !manifest_order.contains(m)
                {
                    manifest_order.push(*m);
                }
            }
        }
    }
    let ids = |blobs: &[u32]| -> Vec<String> {
        blobs
            .iter()
            .map(|&b| history.blobs[b as usize].clone())
            .collect()
    };
    // Sizes and types.
    let mut all: Vec<u32> = lock_order.clone();
    all.extend(&manifest_order);
    let infos: HashMap<u32, ObjectInfo> = all
        .iter()
        .copied()
        .zip(git.object_info(&ids(&all))?)
        .collect();
    // Manifests.
    let readable_manifests: Vec<u32> = manifest_order
        .iter()
        .copied()
        .filter(|m| matches!(infos.get(m), Some(ObjectInfo::Blob { size }) if *size <= MAX_MANIFEST_BYTES))
        .collect();
    let mut manifests: HashMap<u32, Manifest> = HashMap::new();
    let blob_index: HashMap<&str, u32> = history
        .blobs
        .iter()
        .enumerate()
        .map(|(i, b)| (b.as_str(), i as u32))
        .collect();
    for item in git.blobs(ids(&readable_manifests))? {
        let (id, bytes) = item?;
        let (Some(&b), Ok(bytes)) = (blob_index.get(id.as_str()), bytes) else {
            continue;
        };
        // An unreadable package.json is read as absent: the lockfile is still evaluated.
        if let Ok(m) = Manifest::parse(&String::from_utf8_lossy(&bytes)) {
            manifests.insert(b, m);
        }
    }
    // Lockfile blobs.
    let mut readable: Vec<u32> = Vec::new();
    for &b in &lock_order {
        let refuse = match infos.get(&b) {
            Some(ObjectInfo::Blob { size }) if *size > options.max_blob_bytes => Some(format!(
                "is {size} bytes, over the {} byte limit for a lockfile in history",
                options.max_blob_bytes
            )),
            Some(ObjectInfo::Blob { .. }) => None,
            Some(ObjectInfo::Other) => Some("is not a blob".into()),
            Some(ObjectInfo::Missing) | None => Some(
                "blob missing from the repository (a partial or damaged clone); it was not fetched"
                    .into(),
            ),
        };
        match refuse {
            Some(why) => {
                for &u in &units_of_blob[&b] {
                    let (_, p) = units.first[u as usize];
                    results[u as usize].error =
                        Some(format!("{}: {why}", history.paths[p as usize]));
                }
            }
            None => readable.push(b),
        }
    }
    let scratch = tempfile::Builder::new()
        .prefix("diligence-hunt-")
        .tempdir()
        .map_err(|e| HuntError::Git {
            command: "scratch folder".into(),
            message: e.to_string(),
        })?;
    let stream = git.blobs(ids(&readable))?;
    type Evaluated = Result<Vec<(u32, UnitResult, bool)>, HuntError>;
    let evaluated: Vec<Evaluated> = stream
        .par_bridge()
        .map(|item| {
            let (id, bytes) = item?;
            let Some(&b) = blob_index.get(id.as_str()) else {
                return Ok(Vec::new());
            };
            let mut out = Vec::new();
            for &u in &units_of_blob[&b] {
                let (_, p) = units.first[u as usize];
                let display = &history.paths[p as usize];
                let r = match &bytes {
                    Err(why) => (
                        UnitResult {
                            error: Some(format!("{display}: {why}")),
                            ..Default::default()
                        },
                        false,
                    ),
                    Ok(bytes) => {
                        let UnitKey::Blob { manifest, .. } = &units.keys[u as usize] else {
                            continue;
                        };
                        let manifest = manifest.and_then(|m| manifests.get(&m));
                        let scratch_path = scratch.path().join(display);
                        (
                            evaluate::evaluate(bytes, manifest, &scratch_path, display, matchers),
                            true,
                        )
                    }
                };
                out.push((u, r.0, r.1));
            }
            Ok(out)
        })
        .collect();
    let mut parsed = 0;
    for batch in evaluated {
        for (u, r, reached_parser) in batch? {
            parsed += usize::from(reached_parser);
            results[u as usize] = r;
        }
    }
    Ok((results, parsed))
}
