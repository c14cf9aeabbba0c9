//! What a command asks the engine to judge, and how each input is read.

use crate::EngineError;
use crate::ledger::{self, DeltaLedger};
use crate::settings::{TrustedConfig, TrustedFile};
use diligence_diff::git;
use diligence_finding::NotEvaluated;
use diligence_gate::PackageManager;
use diligence_graph::{DependencyGraph, LockfileFormat};
use diligence_lockfile::Manifest;
use diligence_lockfile_rules::{Declared, DeclaredDependencies};
use std::path::{Path, PathBuf};

/// One project lockfile (`audit`).
#[derive(Debug, Clone)]
pub struct LockfileInput {
    pub graph: DependencyGraph,
    /// The importers' `package.json` files as the project has them.
    pub declared: DeclaredDependencies,
    /// Manifests that could not be read (missing or malformed): the unlocked-dependency
    /// comparison is not evaluated for them.
    pub gaps: Vec<NotEvaluated>,
    /// The folder whose configuration applies (the lockfile's folder).
    pub project_dir: PathBuf,
    /// The project as given on the command line, for the report target.
    pub label: String,
}

/// A change between two lockfiles (`diff`; `install` reviews its plan as one).
#[derive(Debug, Clone)]
pub struct DeltaInput {
    pub base: LockfileInput,
    pub head: LockfileInput,
    /// `base → head` for the report target.
    pub label: String,
    /// The trust-boundary files (`diligence.toml`, `.npmrc`) the head adds, changes or
    /// removes (`diff` on git revisions): each is a `diff/config-changed` finding.
    pub config_changes: Vec<diligence_diff::ConfigChange>,
    /// The base revision's `diligence.toml` and `.npmrc`, which govern the review instead of
    /// the head's (`diff` on git revisions; see [`Input::trusted_config`]).
    pub base_config: Option<TrustedConfig>,
    /// The audit ledgers (`supply-chain/`) the change is reviewed against: the base's decides
    /// coverage, the head's new entries are reported (see [`DeltaLedger`]).
    pub ledger: DeltaLedger,
}

/// What `scan` was given, one entry per command-line target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanTarget {
    /// A package folder (holds `package.json`).
    Folder(PathBuf),
    /// A gzip-compressed npm tarball.
    Tarball(PathBuf),
    /// `name@version`: the registry's tarball, verified against the packument.
    Spec { name: String, version: String },
    /// An `http://` or `https://` tarball URL, downloaded through the registry client (its
    /// proxy, TLS and per-host credentials); nothing to verify it against.
    Url(String),
    /// A target that is none of these (`<target>: <why>`): not evaluated.
    Unusable { target: String, why: String },
}

impl ScanTarget {
    /// Classifies one command-line target.
    pub fn parse(target: &str) -> ScanTarget {
        if target.starts_with("https://") || target.starts_with("http://") {
            return ScanTarget::Url(target.to_string());
        }
        let path = Path::new(target);
        if path.is_dir() {
            return ScanTarget::Folder(path.to_path_buf());
        }
        if path.is_file() {
            return ScanTarget::Tarball(path.to_path_buf());
        }
        match split_spec(target) {
            Some((name, version)) => ScanTarget::Spec {
                name: name.to_string(),
                version: version.to_string(),
            },
            None => ScanTarget::Unusable {
                target: target.to_string(),
                why: "no such file or folder (and not a name@version spec)".into(),
            },
        }
    }

    /// The target as the user wrote it.
    pub fn label(&self) -> String {
        match self {
            ScanTarget::Folder(p) | ScanTarget::Tarball(p) => p.display().to_string(),
            ScanTarget::Spec { name, version } => format!("{name}@{version}"),
            ScanTarget::Url(url) => diligence_registry::client::redact_url(url),
            ScanTarget::Unusable { target, .. } => target.clone(),
        }
    }
}

/// Package code given directly (`scan`).
#[derive(Debug, Clone)]
pub struct PackagesInput {
    pub targets: Vec<ScanTarget>,
    /// `--manifest FILE`: a registry version document to compare with the tarball's
    /// package.json (`code/manifest-confusion`).
    pub manifest: Option<serde_json::Value>,
    pub project_dir: PathBuf,
}

/// What the engine judges. See the crate docs for the layers each input runs.
#[derive(Debug, Clone)]
pub enum Input {
    /// A project's lockfile: every entry (`audit`).
    Lockfile(LockfileInput),
    /// What a head lockfile adds to a base (`diff`).
    Delta(Box<DeltaInput>),
    /// Package specs (`name`, `name@range`, `name@tag`) resolved with their whole dependency
    /// closure through packuments (`check`).
    Specs {
        specs: Vec<String>,
        project_dir: PathBuf,
    },
    /// What `pm install|add <args>` would change (`install`): the package manager's
    /// lockfile-only run in a copy of the project, reviewed as a delta.
    InstallPlan {
        project_dir: PathBuf,
        pm: PackageManager,
        args: Vec<String>,
    },
    /// Package folders, tarballs and `name@version`s (`scan`).
    Packages(PackagesInput),
}

impl Input {
    /// The project's lockfile: `lockfile` when given, else the one discovered in `dir`.
    /// Errors: no lockfile, or one that cannot be read (one line naming the file and place).
    pub fn lockfile(dir: &Path, lockfile: Option<&Path>) -> Result<Input, EngineError> {
        let path = match lockfile {
            Some(p) => p.to_path_buf(),
            None => diligence_lockfile::find_lockfile(dir)?,
        };
        let graph = diligence_lockfile::read_lockfile(&path)?;
        // The lockfile's folder: `dir` itself, or the workspace root when `dir` is a member
        // (`find_lockfile` walks up to it).
        let project_dir = match lockfile {
            None if path.parent() == Some(dir) => dir.to_path_buf(),
            _ => parent_of(&graph.lockfile.path),
        };
        let mut input = LockfileInput::on_disk(graph, project_dir);
        input.label = dir.display().to_string();
        Ok(Input::Lockfile(input))
    }

    /// Two lockfile files (`diff --base-lockfile B --head-lockfile H`); the head's folder is
    /// the project. When the two are in different folders, the base folder's `diligence.toml`
    /// and `.npmrc` govern (as the base revision's do for git revisions) and the head
    /// folder's differences are listed for `diff/config-changed`.
    pub fn files_delta(base: &Path, head: &Path) -> Result<Input, EngineError> {
        let b = diligence_lockfile::read_lockfile(base)?;
        let h = diligence_lockfile::read_lockfile(head)?;
        let (base_dir, head_dir) = (parent_of(base), parent_of(head));
        let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        };
        let (config_changes, base_config) = if same(&base_dir, &head_dir) {
            (Vec::new(), None)
        } else {
            let file = |name: &str| -> Result<TrustedFile, EngineError> {
                let path = base_dir.join(name);
                let text = match diligence_diff::config::read_trust_file(&path)? {
                    Some(bytes) => Some(String::from_utf8(bytes).map_err(|e| {
                        EngineError::Input(format!(
                            "{}: not valid UTF-8 at byte {}",
                            path.display(),
                            e.utf8_error().valid_up_to()
                        ))
                    })?),
                    None => None,
                };
                Ok(TrustedFile { path, text })
            };
            let trusted = TrustedConfig {
                policy: Some(file(diligence_policy::POLICY_FILE)?),
                npmrc: Some(file(".npmrc")?),
            };
            let changes = diligence_diff::config::config_changes_between(&base_dir, &head_dir)?;
            (changes, Some(trusted))
        };
        // One folder: one ledger. Two: the base folder's governs, the head folder's is proposed.
        let ledger = DeltaLedger {
            trusted: ledger::on_disk(&base_dir),
            proposed: match base_config {
                Some(_) => ledger::on_disk(&head_dir),
                None => None,
            },
        };
        let base_input = LockfileInput::on_disk(b, base_dir);
        let head_input = LockfileInput::on_disk(h, head_dir);
        Ok(Input::Delta(Box::new(DeltaInput {
            label: format!("{} → {}", base.display(), head.display()),
            base: base_input,
            head: head_input,
            config_changes,
            base_config,
            ledger,
        })))
    }

    /// The lockfile of the git repository around `dir` at two revisions (`diff [BASE]
    /// [HEAD]`): `base` defaults to the merge base with the upstream branch (else `HEAD~1`),
    /// `head` to the working tree. Manifests are read at the same revisions. A lockfile
    /// missing at the base makes everything in the head "added".
    ///
    /// Trust boundary: the policy and the project `.npmrc` are the base revision's in the
    /// project folder (none there: defaults), never the head's; the head's changes to
    /// `diligence.toml` and `.npmrc` are listed for `diff/config-changed`. With the working
    /// tree as head, a file git does not track is local configuration (a developer's own,
    /// one CI wrote) and applies as it is. Errors also when a base file is over 1 MiB or not
    /// UTF-8.
    pub fn git_delta(
        dir: &Path,
        lockfile: Option<&Path>,
        base: Option<&str>,
        head: Option<&str>,
    ) -> Result<Input, EngineError> {
        let root = git::repo_root(dir)?;
        let path = match lockfile {
            Some(p) => p.to_path_buf(),
            None => diligence_lockfile::find_lockfile(dir)?,
        };
        let rel = git::relative_to(&root, &path)?;
        // A workspace member's lockfile is the root's: the root is the project.
        let project = match lockfile {
            None if path.parent() != Some(dir) => parent_of(&path),
            _ => dir.to_path_buf(),
        };
        let dir = project.as_path();
        let base_rev = match base {
            Some(rev) => rev.to_string(),
            None => git::default_base(dir).map_err(|e| {
                EngineError::Input(format!("finding the base revision (pass BASE): {e}"))
            })?,
        };
        let mut head_input = match head {
            Some(rev) => {
                let mut graph = git::read_at(&root, rev, &rel)?
                    .ok_or_else(|| EngineError::Input(format!("{rel} does not exist at {rev}")))?;
                graph.lockfile.path = PathBuf::from(&rel);
                LockfileInput::at_revision(graph, &root, rev, &rel, dir)
            }
            None => {
                let mut graph = diligence_lockfile::read_lockfile(&path)?;
                let declared = LockfileInput::on_disk(graph.clone(), dir.to_path_buf());
                graph.lockfile.path = PathBuf::from(&rel);
                LockfileInput { graph, ..declared }
            }
        };
        head_input.project_dir = dir.to_path_buf();
        let base_input = match git::read_at(&root, &base_rev, &rel)? {
            Some(mut graph) => {
                graph.lockfile.path = PathBuf::from(&rel);
                LockfileInput::at_revision(graph, &root, &base_rev, &rel, dir)
            }
            None => LockfileInput::empty_like(&head_input),
        };
        let dir_rel = git::relative_to(&root, dir)?;
        let base_file = |name: &str| -> Result<Option<TrustedFile>, EngineError> {
            // A local file git does not track applies as it is (see `config::is_local`).
            if head.is_none() && diligence_diff::config::is_local(&root, &dir_rel, name, dir) {
                return Ok(None);
            }
            let rel = diligence_diff::config::join_rel(&dir_rel, name);
            let bytes = git::show_bounded(
                &root,
                &base_rev,
                &rel,
                diligence_diff::config::MAX_CONFIG_BYTES,
            )?;
            let text = match bytes {
                Some(bytes) => Some(String::from_utf8(bytes).map_err(|e| {
                    EngineError::Input(format!(
                        "{base_rev}:{rel}: not valid UTF-8 at byte {}",
                        e.utf8_error().valid_up_to()
                    ))
                })?),
                None => None,
            };
            Ok(Some(TrustedFile {
                path: PathBuf::from(rel),
                text,
            }))
        };
        let base_config = TrustedConfig {
            policy: base_file(diligence_policy::POLICY_FILE)?,
            npmrc: base_file(".npmrc")?,
        };
        let config_changes = diligence_diff::config_changes(&root, &dir_rel, &base_rev, head, dir)?;
        // The base revision's ledger decides coverage; the head's new entries are reviewable.
        let ledger = DeltaLedger {
            trusted: ledger::at_revision(&root, &base_rev, &dir_rel),
            proposed: match head {
                Some(rev) => ledger::at_revision(&root, rev, &dir_rel),
                None => ledger::on_disk(dir),
            },
        };
        Ok(Input::Delta(Box::new(DeltaInput {
            label: format!("{base_rev} → {}", head.unwrap_or("working tree")),
            base: base_input,
            head: head_input,
            config_changes,
            base_config: Some(base_config),
            ledger,
        })))
    }

    /// Specs to vet with their closure, configured from `dir`.
    pub fn specs(dir: &Path, specs: &[String]) -> Input {
        Input::Specs {
            specs: specs.to_vec(),
            project_dir: dir.to_path_buf(),
        }
    }

    /// An install to plan and vet in `dir`.
    pub fn install(dir: &Path, pm: PackageManager, args: &[String]) -> Input {
        Input::InstallPlan {
            project_dir: dir.to_path_buf(),
            pm,
            args: args.to_vec(),
        }
    }

    /// Scan targets, configured from `dir`.
    pub fn packages(dir: &Path, targets: &[String], manifest: Option<serde_json::Value>) -> Input {
        Input::Packages(PackagesInput {
            targets: targets.iter().map(|t| ScanTarget::parse(t)).collect(),
            manifest,
            project_dir: dir.to_path_buf(),
        })
    }

    /// The configuration that governs this input instead of the project folder's
    /// `diligence.toml` and `.npmrc`: the base revision's for `diff` on git revisions, else
    /// `None`.
    pub fn trusted_config(&self) -> Option<TrustedConfig> {
        match self {
            Input::Delta(d) => d.base_config.clone(),
            _ => None,
        }
    }

    /// The folder whose `diligence.toml` and `.npmrc` apply: the lockfile's folder (`audit`,
    /// `diff --*-lockfile`), `--dir` (`diff` on git revisions, `check`, `install`, `scan`).
    pub fn project_dir(&self) -> &Path {
        match self {
            Input::Lockfile(l) => &l.project_dir,
            Input::Delta(d) => &d.head.project_dir,
            Input::Specs { project_dir, .. }
            | Input::InstallPlan { project_dir, .. }
            | Input::Packages(PackagesInput { project_dir, .. }) => project_dir,
        }
    }
}

impl LockfileInput {
    /// A graph read from disk, with the importers' manifests read beside the lockfile.
    pub fn on_disk(graph: DependencyGraph, project_dir: PathBuf) -> LockfileInput {
        let base = parent_of(&graph.lockfile.path);
        let read = |rel: &str| {
            let dir = if rel == "." {
                base.clone()
            } else {
                base.join(rel)
            };
            let path = dir.join("package.json");
            let shown = path.display().to_string();
            (shown, Manifest::read_optional(&path))
        };
        let (declared, gaps) = read_declared(&graph, read);
        LockfileInput {
            label: project_dir.display().to_string(),
            graph,
            declared,
            gaps,
            project_dir,
        }
    }

    /// A graph read at a git revision, with the manifests at the same revision.
    fn at_revision(
        graph: DependencyGraph,
        root: &Path,
        rev: &str,
        rel: &str,
        project_dir: &Path,
    ) -> LockfileInput {
        let dir = Path::new(rel)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let read = |importer: &str| {
            let mut parts: Vec<&str> = Vec::new();
            for part in [dir.as_str(), importer, "package.json"] {
                if !part.is_empty() && part != "." {
                    parts.push(part);
                }
            }
            let manifest_rel = parts.join("/");
            let shown = format!("{rev}:{manifest_rel}");
            let result = match git::show(root, rev, &manifest_rel) {
                Ok(Some(bytes)) => Manifest::parse(&String::from_utf8_lossy(&bytes))
                    .map(Some)
                    .map_err(|e| format!("invalid package.json: {e}")),
                Ok(None) => Ok(None),
                Err(e) => Err(e.to_string()),
            };
            (shown, result)
        };
        let (declared, gaps) = read_declared(&graph, read);
        LockfileInput {
            label: project_dir.display().to_string(),
            graph,
            declared,
            gaps,
            project_dir: project_dir.to_path_buf(),
        }
    }

    /// An empty lockfile of the same format and path (a base without a lockfile).
    fn empty_like(other: &LockfileInput) -> LockfileInput {
        LockfileInput {
            graph: DependencyGraph::new(other.graph.lockfile.clone()),
            declared: DeclaredDependencies::default(),
            gaps: Vec::new(),
            project_dir: other.project_dir.clone(),
            label: other.label.clone(),
        }
    }

    /// An empty project (an install plan for a project without a lockfile yet).
    pub(crate) fn empty(graph: DependencyGraph, project_dir: PathBuf) -> LockfileInput {
        LockfileInput {
            label: project_dir.display().to_string(),
            graph,
            declared: DeclaredDependencies::default(),
            gaps: Vec::new(),
            project_dir,
        }
    }
}

impl LockfileInput {
    /// The input without what `omit` leaves out: the graph as
    /// [`DependencyGraph::omit`] gives it, and the importers' declared dependencies without
    /// the names whose only importer edges are of omitted kinds (so an omitted dev
    /// dependency is not "unlocked").
    pub fn omit(mut self, omit: diligence_graph::Omit) -> LockfileInput {
        if omit.is_empty() {
            return self;
        }
        for importer in &self.graph.importers {
            let Some(declared) = self.declared.importers.get_mut(&importer.path) else {
                continue;
            };
            // Names the lockfile records for the importer only under omitted kinds.
            let kept = |name: &str| {
                let mut edges = importer
                    .dependencies
                    .iter()
                    .filter(|e| e.name == name)
                    .peekable();
                edges.peek().is_none() || edges.any(|e| !omit.omits(e.kind))
            };
            declared.dependencies.retain(|(name, _)| kept(name));
        }
        self.graph = self.graph.omit(omit);
        self
    }
}

/// Reads every importer's manifest through `read(importer path) -> (shown path, result)`.
/// A missing or unreadable manifest is a gap of `lockfile/unlocked-dependency` (and, for yarn
/// classic's root, of `lockfile/orphan-entry`: yarn classic records no importers).
fn read_declared(
    graph: &DependencyGraph,
    read: impl Fn(&str) -> (String, Result<Option<Manifest>, String>),
) -> (DeclaredDependencies, Vec<NotEvaluated>) {
    let mut declared = DeclaredDependencies::default();
    let mut gaps = Vec::new();
    let mut importers: Vec<&str> = graph.importers.iter().map(|i| i.path.as_str()).collect();
    if importers.is_empty() {
        importers.push(".");
    }
    for importer in importers {
        let (shown, result) = read(importer);
        let why = match result {
            Ok(Some(m)) => {
                let mut dependencies: Vec<(String, String)> = m
                    .dependencies
                    .iter()
                    .chain(m.dev_dependencies.iter())
                    .map(|(n, s)| (n.clone(), s.clone()))
                    .collect();
                dependencies.sort();
                dependencies.dedup_by(|a, b| a.0 == b.0);
                declared.importers.insert(
                    importer.to_string(),
                    Declared {
                        file: shown,
                        dependencies,
                    },
                );
                continue;
            }
            Ok(None) => format!(
                "{shown} is missing: what the project asks for cannot be compared with the lockfile"
            ),
            Err(e) => format!("{shown}: {e}"),
        };
        gaps.push(NotEvaluated::new(
            format!("lockfile/unlocked-dependency of importer `{importer}`"),
            why.clone(),
        ));
        if importer == "." && graph.lockfile.format == LockfileFormat::YarnClassic {
            gaps.push(NotEvaluated::new(
                "lockfile/orphan-entry",
                format!(
                    "{why}; a yarn classic lockfile does not record the project's own dependencies"
                ),
            ));
        }
    }
    (declared, gaps)
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `name@version` or `@scope/name@version` (exact versions only).
fn split_spec(t: &str) -> Option<(&str, &str)> {
    let at = t.get(1..)?.rfind('@')? + 1;
    let (name, version) = (&t[..at], &t[at + 1..]);
    let valid = !name.is_empty()
        && !version.is_empty()
        && name.matches('/').count() == usize::from(name.starts_with('@'))
        && !name.contains('\\')
        && !version.contains(['/', '\\'])
        && version
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || "^~<>=*".contains(c));
    valid.then_some((name, version))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scan_specs() {
        assert_eq!(split_spec("debug@4.4.3"), Some(("debug", "4.4.3")));
        assert_eq!(
            split_spec("@scope/pkg@1.0.0"),
            Some(("@scope/pkg", "1.0.0"))
        );
        assert_eq!(split_spec("@scope/pkg"), None);
        // A dist-tag or a range, resolved as npm picks (see Engine::fetch_spec).
        assert_eq!(split_spec("debug@latest"), Some(("debug", "latest")));
        assert_eq!(split_spec("debug@^4.3.0"), Some(("debug", "^4.3.0")));
        assert_eq!(split_spec("./dir/x@1/y"), None);
        assert_eq!(split_spec("debug@"), None);
    }
}
