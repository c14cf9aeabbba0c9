//! [`Engine`]: the configuration read once, then [`Engine::run`] for an [`Input`].

use crate::EngineError;
use crate::code::{self, Job};
use crate::config::ProjectConfig;
use crate::input::{DeltaInput, Input, LockfileInput, PackagesInput, ScanTarget};
use crate::layers::{self, Layer, RegistryFacts};
use crate::settings::{Network, Settings};
use crate::sources::{Code, Obtained, SourceCx};
use diligence_advisory::AdvisoryDb;
use diligence_diff::ChangeKind;
use diligence_finding::{NotEvaluated, PackageVerdict, Report, Severity, Target, TargetLockfile};
use diligence_graph::{DependencyGraph, Package, Source};
use diligence_registry::{Cache, ClientOptions, Mode, PackumentKind, RegistryClient};
use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The engine for one run: settings, the project's configuration, the registry client and
/// the advisory database (opened on first use).
pub struct Engine {
    settings: Settings,
    config: ProjectConfig,
    client: Option<RegistryClient>,
    advisories: OnceLock<Result<AdvisoryDb, NotEvaluated>>,
    warnings: std::sync::Mutex<Vec<String>>,
}

/// The outcome of a run: the report and what the command needs to act on it.
#[derive(Debug)]
pub struct Run {
    pub report: Report,
    /// The effective `--fail-on` (flag, else `diligence.toml`, else high).
    pub fail_on: Severity,
    /// For `install`: the package manager's planning command line.
    pub plan_command: Option<String>,
    /// For `install`: registry packages the plan adds or changes.
    pub planned_packages: usize,
    /// For `install`: the planned files, the vetted lockfile's SHA-256 and the folder they
    /// wait in; [`diligence_gate::Planned::apply`] writes exactly them into the project.
    pub planned: Option<diligence_gate::Planned>,
    /// One-line warnings for stderr (a stale advisory database).
    pub warnings: Vec<String>,
}

impl Run {
    /// The exit code: 1 when a finding is at or above `fail_on`, else 2 when anything was not
    /// evaluated, else 0.
    pub fn exit_code(&self) -> u8 {
        self.report.exit_code(self.fail_on) as u8
    }
}

impl Engine {
    /// Reads the project's configuration and builds the registry client (unless
    /// `--no-registry`). Errors: invalid `diligence.toml` or `.npmrc`, `--metadata` with
    /// `--no-registry`.
    pub fn new(settings: Settings) -> Result<Engine, EngineError> {
        let config = ProjectConfig::load(&settings)?;
        if settings.metadata == Some(true) && !settings.registry {
            return Err(EngineError::Input(
                "--metadata needs the registry: drop --no-registry".into(),
            ));
        }
        let client = match settings.registry {
            true => Some(registry_client(&settings, config.npm.clone())?),
            false => None,
        };
        Ok(Engine {
            settings,
            config,
            client,
            advisories: OnceLock::new(),
            warnings: Default::default(),
        })
    }

    /// The settings of this engine.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The configuration read for the project.
    pub fn config(&self) -> &ProjectConfig {
        &self.config
    }

    /// The effective `--fail-on`.
    pub fn fail_on(&self) -> Severity {
        self.config.policy.fail_on(self.settings.fail_on)
    }

    /// Runs every layer the input calls for and applies the policy. Errors only for inputs
    /// that cannot be read at all (see [`EngineError`]); everything else is in the report.
    pub fn run(&self, input: Input) -> Result<Run, EngineError> {
        let mut plan_command = None;
        let mut planned_packages = 0;
        let mut planned = None;
        let is_lockfile = matches!(input, Input::Lockfile(_));
        let omit = self.settings.omit;
        let (target, packages, collected) = match input {
            Input::Lockfile(l) => self.run_lockfile(l.omit(omit)),
            Input::Delta(d) => {
                let d = *d;
                let delta = DeltaInput {
                    base: d.base.omit(omit),
                    head: d.head.omit(omit),
                    ..d
                };
                self.run_delta(delta, None)
            }
            Input::Specs { specs, .. } => self.run_specs(&specs),
            Input::InstallPlan {
                project_dir,
                pm,
                args,
            } => match diligence_gate::plan(&project_dir, pm, &args) {
                Ok(plan) => {
                    plan_command = Some(plan.command.clone());
                    planned = Some(plan.planned.clone());
                    let before = match plan.before {
                        Some(g) => LockfileInput::on_disk(g, project_dir.clone()),
                        None => LockfileInput::empty(
                            DependencyGraph::new(plan.after.lockfile.clone()),
                            project_dir.clone(),
                        ),
                    };
                    let after = LockfileInput::on_disk(plan.after, project_dir.clone());
                    planned_packages = diligence_diff::compare(&before.graph, &after.graph)
                        .iter()
                        .filter(|c| c.kind != ChangeKind::Removed && c.is_registry())
                        .count();
                    let delta = DeltaInput {
                        label: plan.command.clone(),
                        base: before,
                        head: after,
                        config_changes: Vec::new(),
                        base_config: None,
                        // The plan changes the lockfile, never the ledger.
                        ledger: crate::ledger::DeltaLedger {
                            trusted: crate::ledger::on_disk(&project_dir),
                            proposed: None,
                        },
                    };
                    self.run_delta(delta, Some(plan.command))
                }
                Err(e) => {
                    let label = format!("{} {}", pm.program(), args.join(" "));
                    let mut c = Collected::default();
                    c.layer
                        .not_evaluated
                        .push(NotEvaluated::new("install plan", e.to_string()));
                    // The plan fails on a name the registry does not have: say what was meant.
                    c.layer.findings.extend(self.mistyped(&args));
                    (plain_target(label), 0, c)
                }
            },
            Input::Packages(p) => self.run_packages(p),
        };
        if !is_lockfile {
            // Other commands name the refused .npmrc settings on stderr (audit reports them).
            for w in &self.config.npm.warnings {
                self.warn(w.to_string());
            }
        }
        let report = self.finish(target, packages, collected);
        let warnings =
            std::mem::take(&mut *self.warnings.lock().unwrap_or_else(|e| e.into_inner()));
        Ok(Run {
            report,
            fail_on: self.fail_on(),
            plan_command,
            planned_packages,
            planned,
            warnings,
        })
    }

    /// Typosquat findings for the package specs among an install's arguments (options and
    /// specs that do not parse left out), with whether the registry has each name ("did you
    /// mean …?" for a look-alike it does not have).
    fn mistyped(&self, args: &[String]) -> Vec<diligence_finding::Finding> {
        use diligence_gate::PackumentSource;
        let names: Vec<diligence_metadata::RequestedName> = args
            .iter()
            .filter(|a| !a.starts_with('-'))
            .filter_map(|a| diligence_gate::Spec::parse(a).ok())
            .map(|s| diligence_metadata::RequestedName {
                exists: self.client.as_ref().and_then(|c| c.exists(&s.name)),
                spec: s.name,
                version: None,
            })
            .collect();
        diligence_metadata::check_requested_names(&names, &self.config.metadata.typosquat_allowlist)
    }

    fn advisory_db(&self) -> Result<&AdvisoryDb, &NotEvaluated> {
        self.advisories
            .get_or_init(|| {
                let db = self.settings.db.as_deref();
                let opened = match db {
                    Some(source) => AdvisoryDb::load_source(source),
                    None => AdvisoryDb::open_cache(),
                };
                let db = opened.map_err(|e| {
                    let mut ne = diligence_advisory::not_evaluated(&e);
                    if self.settings.db.is_none() {
                        ne.why.push_str(" (or --no-advisories to skip)");
                    }
                    ne
                })?;
                if let Some(w) = diligence_advisory::stale_warning(db.status()) {
                    self.warn(w);
                }
                Ok(db)
            })
            .as_ref()
    }

    /// Fix guidance on advisory findings (`evidence.fix`, see `diligence-fix`), resolved
    /// against packuments through the registry client; nothing without the registry.
    fn fix_guidance(&self, graph: &DependencyGraph, findings: &mut [diligence_finding::Finding]) {
        if let (Some(client), Ok(db)) = (&self.client, self.advisory_db()) {
            diligence_fix::annotate(findings, graph, db, client);
        }
    }

    fn warn(&self, line: String) {
        self.warnings
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(line);
    }

    fn packument_kind(&self) -> PackumentKind {
        if self.settings.metadata_on() {
            PackumentKind::Full
        } else {
            PackumentKind::Abbreviated
        }
    }

    /// `audit`: every layer over every entry.
    fn run_lockfile(&self, l: LockfileInput) -> (Target, usize, Collected) {
        let mut c = Collected::default();
        let graph = &l.graph;
        c.layer.not_evaluated.extend(l.gaps.iter().cloned());
        let lockfile = layers::lockfile(graph, &l.declared, &self.config);
        c.layer
            .not_evaluated
            .extend(layers::unlocked_gaps(&lockfile.findings));
        c.layer.add(lockfile);
        if self.settings.advisories {
            let mut advisories = layers::advisories(graph, self.advisory_db());
            self.fix_guidance(graph, &mut advisories.findings);
            c.layer.add(advisories);
        }
        let all = |_: &Package| true;
        let facts = self.registry_layers(graph, &all, &mut c);
        let jobs: Vec<Job> = graph
            .packages
            .iter()
            .map(|p| Job {
                package: p,
                change: None,
            })
            .collect();
        self.code_layer(graph, &dedup_jobs(jobs), &facts, &mut c);
        c.layer
            .findings
            .extend(diligence_metadata::posture(&l.project_dir, None));
        // What the project .npmrc asked for and was refused (credentials, ${VAR}s, TLS/proxy).
        c.layer
            .findings
            .extend(diligence_registry::rules::project_credentials::check(
                &self.config.npm,
            ));
        (lockfile_target(&l.label, graph), graph.packages.len(), c)
    }

    /// `diff` and `install`: what the head adds. Lockfile rules and advisories report what the
    /// base did not have; the per-package layers look at added and changed entries only.
    fn run_delta(&self, d: DeltaInput, label: Option<String>) -> (Target, usize, Collected) {
        let (base, head) = (&d.base.graph, &d.head.graph);
        let changes = diligence_diff::compare(base, head);
        let mut c = Collected::default();
        c.layer
            .findings
            .extend(diligence_diff::change_findings(&changes, base, head));
        c.layer
            .findings
            .extend(diligence_diff::config_findings(&d.config_changes));
        c.layer.not_evaluated.extend(d.head.gaps.iter().cloned());
        let old = layers::lockfile(base, &d.base.declared, &self.config);
        let new = layers::lockfile(head, &d.head.declared, &self.config);
        let mut added = diligence_diff::only_new(old.findings, new.findings);
        // A direct dependency the head adds is a name someone typed.
        let requested: BTreeSet<String> = changes
            .iter()
            .filter(|ch| ch.kind == ChangeKind::Added && ch.is_registry() && ch.path.len() == 1)
            .map(|ch| ch.package.name.clone())
            .collect();
        layers::regrade_requested(
            &mut added,
            &requested,
            &self.config.metadata.typosquat_allowlist,
        );
        c.layer.not_evaluated.extend(layers::unlocked_gaps(&added));
        c.layer.findings.extend(added);
        c.layer.not_evaluated.extend(new.not_evaluated);
        if self.settings.advisories {
            let old = layers::advisories(base, self.advisory_db());
            let new = layers::advisories(head, self.advisory_db());
            let mut added = diligence_diff::only_new(old.findings, new.findings);
            self.fix_guidance(head, &mut added);
            c.layer.findings.extend(added);
            c.layer.not_evaluated.extend(new.not_evaluated);
        }
        let changed: BTreeSet<(&str, &str)> = changes
            .iter()
            .filter(|ch| ch.kind != ChangeKind::Removed)
            .map(|ch| (ch.package.name.as_str(), ch.package.version.as_str()))
            .collect();
        let in_scope = |p: &Package| changed.contains(&(p.name.as_str(), p.version.as_str()));
        let facts = self.registry_layers(head, &in_scope, &mut c);
        let jobs: Vec<Job> = changes
            .iter()
            .filter(|ch| ch.kind != ChangeKind::Removed)
            .map(|ch| Job {
                package: &ch.package,
                change: Some(ch),
            })
            .collect();
        let deltas = self.code_layer(head, &jobs, &facts, &mut c);
        for (name, version, delta) in deltas {
            diligence_diff::rules::version_changed::attach_file_delta(
                &mut c.layer.findings,
                &name,
                &version,
                &delta,
            );
        }
        self.ledger_layer(&d, &mut c);
        let target = match label {
            Some(command) => Target {
                path: command,
                lockfile: lockfile_target(&d.label, head).lockfile,
            },
            None => lockfile_target(&d.label, head),
        };
        (target, head.packages.len(), c)
    }

    /// The audit ledger over the change (see [`crate::ledger`]): what the head adds that the
    /// trusted ledger does not cover, sized on the registry's tarballs (not measured with
    /// `--no-registry`); an unreadable ledger is not evaluated.
    fn ledger_layer(&self, d: &DeltaInput, c: &mut Collected) {
        let mut broken = false;
        for (read, which) in [(&d.ledger.trusted, "base"), (&d.ledger.proposed, "head")] {
            if let Some(Err(why)) = read {
                broken = true;
                c.layer.not_evaluated.push(NotEvaluated::new(
                    format!("audit ledger ({which})"),
                    why.clone(),
                ));
            }
        }
        if broken {
            return;
        }
        let trusted = d.ledger.trusted.as_ref().and_then(|r| r.as_ref().ok());
        let proposed = d.ledger.proposed.as_ref().and_then(|r| r.as_ref().ok());
        // No ledger at the base: the head adopts one, and all of it is new.
        let empty;
        let trusted = match (trusted, proposed) {
            (Some(t), _) => t,
            (None, Some(p)) => {
                empty = diligence_vet::Store::empty(p.dir.clone());
                &empty
            }
            // No ledger at either end.
            (None, None) => return,
        };
        let source = self
            .client
            .as_ref()
            .map(|c| c as &dyn diligence_vet::review::TarballSource);
        let (findings, not_evaluated) =
            diligence_vet::vet_change(&d.base.graph, &d.head.graph, trusted, proposed, source);
        c.layer.findings.extend(findings);
        c.layer.not_evaluated.extend(not_evaluated);
    }

    /// `check`: the specs' closure, resolved through packuments.
    fn run_specs(&self, raw: &[String]) -> (Target, usize, Collected) {
        let mut c = Collected::default();
        let mut specs = Vec::new();
        for s in raw {
            match diligence_gate::Spec::parse(s) {
                Ok(spec) => specs.push(spec),
                Err(e) => c
                    .layer
                    .not_evaluated
                    .push(NotEvaluated::new(format!("spec {s}"), e.to_string())),
            }
        }
        let Some(client) = &self.client else {
            c.layer.not_evaluated.push(NotEvaluated::new(
                "dependency resolution",
                "--no-registry: specs are resolved through the registry's packuments",
            ));
            return (plain_target(raw.join(" ")), 0, c);
        };
        let closure_opts =
            diligence_gate::ClosureOptions {
                platform: (!self.settings.all_platforms).then(diligence_gate::Platform::current),
                node: self.settings.node.as_deref().and_then(|v| {
                    nodejs_semver::Version::parse(v.trim().trim_start_matches('v')).ok()
                }),
            };
        let closure = diligence_gate::resolve_closure_with(client, &specs, &closure_opts);
        c.layer
            .not_evaluated
            .extend(closure.not_evaluated.iter().cloned());
        let roots: Vec<String> = closure
            .packages
            .iter()
            .filter(|p| p.depth == 0)
            .map(|p| p.id())
            .collect();
        let label = if roots.is_empty() {
            raw.join(" ")
        } else {
            roots.join(" ")
        };
        let graph = closure.graph(&label);
        let mut names = layers::names(&graph, &self.config);
        let typed: BTreeSet<String> = closure
            .packages
            .iter()
            .filter(|p| p.depth == 0)
            .map(|p| p.name.clone())
            .collect();
        let allowlist = &self.config.metadata.typosquat_allowlist;
        layers::regrade_requested(&mut names.findings, &typed, allowlist);
        c.layer.add(names);
        // A spec that does not resolve is where a user mistyped: "did you mean …?"
        let unresolved = diligence_gate::unresolved_requests(client, &specs, &closure);
        c.layer
            .findings
            .extend(diligence_metadata::check_requested_names(
                &unresolved,
                allowlist,
            ));
        if self.settings.advisories {
            c.layer.add(layers::advisories(&graph, self.advisory_db()));
            // An exact version the registry no longer serves is often one it took down as
            // malware (chalk@5.6.1): still say what the advisories know of it.
            let gone = unresolved_exact(&specs, &closure);
            if !gone.packages.is_empty()
                && let Ok(db) = self.advisory_db()
                && let Ok((findings, _)) = diligence_advisory::check_all(&gone, db)
            {
                c.layer.findings.extend(findings);
            }
        }
        if self.settings.metadata_on() {
            let all = |_: &Package| true;
            c.layer.add(layers::metadata(
                &graph,
                &all,
                client,
                &self.config,
                Some(&closure.packuments),
            ));
        }
        let jobs: Vec<Job> = graph
            .packages
            .iter()
            .map(|p| Job {
                package: p,
                change: None,
            })
            .collect();
        self.code_layer(&graph, &jobs, &RegistryFacts::default(), &mut c);
        (plain_target(label), graph.packages.len(), c)
    }

    /// The registry cross-checks and (when on) the packument rules over the in-scope entries;
    /// with `--no-registry`, nothing (the user's choice).
    fn registry_layers(
        &self,
        graph: &DependencyGraph,
        in_scope: &(dyn Fn(&Package) -> bool + Sync),
        c: &mut Collected,
    ) -> RegistryFacts {
        let Some(client) = &self.client else {
            return RegistryFacts::default();
        };
        let view = registry_view(graph, &self.config.lockfile);
        let graph: &DependencyGraph = &view;
        // A dependency's bundled entry is never fetched: its code is its bundler's tarball.
        let in_scope = &|p: &Package| !p.bundled && in_scope(p);
        let (layer, facts) = layers::registry(
            graph,
            in_scope,
            client,
            self.packument_kind(),
            self.settings.progress,
        );
        c.layer.add(layer);
        if self.settings.metadata_on() {
            c.layer.add(layers::metadata(
                graph,
                in_scope,
                client,
                &self.config,
                None,
            ));
        }
        facts
    }

    /// The code layer over `jobs`; returns the file deltas of version changes.
    fn code_layer(
        &self,
        graph: &DependencyGraph,
        jobs: &[Job<'_>],
        facts: &RegistryFacts,
        c: &mut Collected,
    ) -> Vec<(String, String, diligence_diff::delta::FileDelta)> {
        // A dependency's bundled entry is scanned inside its bundler's tarball (the code npm
        // installs); the registry's copy of that name@version is not what runs.
        let jobs: Vec<Job<'_>> = jobs
            .iter()
            .filter(|j| !j.package.bundled)
            .map(|j| Job {
                package: j.package,
                change: j.change,
            })
            .collect();
        let jobs = &jobs[..];
        if !self.settings.code || jobs.is_empty() {
            return Vec::new();
        }
        let cx = SourceCx {
            client: self.client.as_ref(),
            kind: self.packument_kind(),
            network: self.settings.network,
            cache: Cache::default_location().map(|c| c.root().to_path_buf()),
            lockfile_dir: lockfile_dir(graph),
            file: graph.lockfile.path.display().to_string(),
            integrity_flagged: &facts.integrity_flagged,
        };
        let concurrency = self
            .client
            .as_ref()
            .map_or(4, |client| client.options().concurrency.max(1));
        let pool = match rayon::ThreadPoolBuilder::new()
            .num_threads(concurrency)
            .build()
        {
            Ok(pool) => pool,
            Err(e) => {
                c.layer.not_evaluated.push(NotEvaluated::new(
                    "code scan",
                    format!("cannot start worker threads: {e}"),
                ));
                return Vec::new();
            }
        };
        let results = code::run(&cx, jobs, &pool, self.settings.progress);
        c.layer.findings.extend(results.findings);
        c.layer.not_evaluated.extend(results.not_evaluated);
        c.verdicts.extend(results.verdicts);
        results.deltas
    }

    /// `scan`: the code layer on its own, over the given targets.
    fn run_packages(&self, input: PackagesInput) -> (Target, usize, Collected) {
        let mut c = Collected::default();
        let labels: Vec<String> = input.targets.iter().map(ScanTarget::label).collect();
        for target in &input.targets {
            self.scan_target(target, input.manifest.as_ref(), &mut c);
        }
        let scanned = c.verdicts.len();
        (plain_target(labels.join(" ")), scanned, c)
    }

    fn scan_target(
        &self,
        target: &ScanTarget,
        manifest: Option<&serde_json::Value>,
        c: &mut Collected,
    ) {
        let label = target.label();
        let what = format!("code scan of {label}");
        let (obtained, registry_doc, source) = match target {
            ScanTarget::Unusable { why, .. } => {
                c.layer
                    .not_evaluated
                    .push(NotEvaluated::new(what, why.clone()));
                return;
            }
            ScanTarget::Folder(path) if !path.join("package.json").is_file() => {
                c.layer.not_evaluated.push(NotEvaluated::new(
                    what,
                    "not an npm package: no package.json",
                ));
                return;
            }
            ScanTarget::Folder(path) => {
                let o = Obtained {
                    code: Code::Folder(path.clone()),
                    cache_key: None,
                    registry_manifest: None,
                    listed_manifest: None,
                };
                (o, None, "path")
            }
            ScanTarget::Tarball(path) => match std::fs::read(path) {
                Ok(bytes) => {
                    let o = Obtained {
                        code: Code::Tarball(bytes),
                        cache_key: None,
                        registry_manifest: None,
                        listed_manifest: None,
                    };
                    (o, None, "path")
                }
                Err(e) => {
                    c.layer
                        .not_evaluated
                        .push(NotEvaluated::new(what, format!("cannot read: {e}")));
                    return;
                }
            },
            ScanTarget::Spec { name, version } => match self.fetch_spec(name, version) {
                Ok((o, doc)) => (o, doc, "registry"),
                Err(why) => {
                    c.layer.not_evaluated.push(NotEvaluated::new(what, why));
                    return;
                }
            },
            ScanTarget::Url(url) => {
                let fetched = match &self.client {
                    Some(client) => client.download(url).map_err(|e| e.to_string()),
                    None => Err("--no-registry: a tarball URL is downloaded".to_string()),
                };
                match fetched {
                    Ok(bytes) => {
                        let o = Obtained {
                            code: Code::Tarball(bytes),
                            cache_key: None,
                            registry_manifest: None,
                            listed_manifest: None,
                        };
                        (o, None, "tarball")
                    }
                    Err(why) => {
                        c.layer.not_evaluated.push(NotEvaluated::new(what, why));
                        return;
                    }
                }
            }
        };
        let integrity = match &obtained.code {
            Code::Tarball(bytes) => Some(code::sri_sha512(bytes)),
            Code::Folder(_) => None,
        };
        let scanned = match scan_with_manifest(&obtained, &label, manifest) {
            Ok(s) => s,
            Err(why) => {
                c.layer.not_evaluated.push(NotEvaluated::new(what, why));
                return;
            }
        };
        let (name, version) = split_id(&scanned.scan.package);
        let package = bare_package(&name, &version);
        if let (Some(doc), Some(pj)) = (&registry_doc, &scanned.package_json)
            && let Some(f) = diligence_metadata::check_manifest_confusion(doc, pj)
        {
            c.layer.findings.push(f.at("package.json", 0));
        }
        // `scan` reports every finding of the package: it is the answer to "what does this
        // code do", and the verdict says how much it weighs.
        c.layer.findings.extend(code::to_findings(
            &scanned.scan,
            &scanned.scan.findings,
            &package,
            &label,
        ));
        if !scanned.scan.not_evaluated.is_empty() {
            c.layer.not_evaluated.push(NotEvaluated::new(
                format!("code scan of {}", scanned.scan.package),
                code::partial_reason(&scanned.scan),
            ));
        }
        let mut verdict = code::verdict(&scanned.scan, &package, source);
        verdict.integrity = integrity;
        c.verdicts.push(verdict);
    }

    /// `name@version` from the registry: the verified tarball and the full version document.
    fn fetch_spec(
        &self,
        name: &str,
        version: &str,
    ) -> Result<(Obtained, Option<diligence_packument::VersionManifest>), String> {
        // The full packument: its version document is compared with the tarball's package.json.
        let client = self
            .client
            .as_ref()
            .ok_or("--no-registry: a name@version target is downloaded from the registry")?;
        let packument = client.packument(name).map_err(|e| e.to_string())?;
        // An exact version, else a dist-tag or range resolved as npm picks it.
        let resolved = match packument.version(version) {
            Some(_) => Some(version.to_string()),
            None => diligence_fix::pick(&packument, version),
        };
        let manifest = resolved
            .as_deref()
            .and_then(|v| packument.version(v))
            .ok_or_else(|| format!("no version of {name} matches `{version}` in its packument"))?;
        let bytes = client
            .fetch_tarball_of(name, manifest, None)
            .map_err(|e| e.to_string())?;
        let o = Obtained {
            code: Code::Tarball(bytes),
            cache_key: None,
            registry_manifest: None,
            listed_manifest: None,
        };
        Ok((o, Some(manifest.clone())))
    }

    /// Applies the policy and builds the report.
    fn finish(&self, target: Target, packages: usize, mut c: Collected) -> Report {
        // One cause, one finding in every command: the registry's tarball over http:// is the
        // lockfile's finding (`lockfile/insecure-scheme`), not also a resolved mismatch.
        diligence_lockfile_rules::drop_restated_scheme_findings(&mut c.layer.findings);
        let today = diligence_policy::Date::today();
        let applied = self
            .config
            .policy
            .apply_all(c.layer.findings, c.layer.not_evaluated, today);
        let not_evaluated = layers::group_not_evaluated(applied.not_evaluated);
        let count = applied.suppressed.len();
        let listed = if self.settings.show_suppressed {
            applied.suppressed
        } else {
            Vec::new()
        };
        Report::new(target, packages, applied.findings, not_evaluated)
            .with_suppressed(count, listed)
            .with_verdicts(c.verdicts)
    }
}

/// Findings, not-evaluated records and verdicts collected over the layers of one run.
#[derive(Default)]
struct Collected {
    layer: Layer,
    verdicts: Vec<PackageVerdict>,
}

/// The requested `name@x.y.z` specs (an exact version) that resolved to nothing, as a graph of
/// registry entries for the advisory match (see `run_specs`).
fn unresolved_exact(
    specs: &[diligence_gate::Spec],
    closure: &diligence_gate::Closure,
) -> DependencyGraph {
    let mut graph = DependencyGraph::new(diligence_graph::LockfileInfo {
        path: "requested".into(),
        format: diligence_graph::LockfileFormat::Npm,
        version: "registry".into(),
    });
    for s in specs {
        let diligence_gate::Wanted::Range(v) = &s.wanted else {
            continue;
        };
        let v = v.trim().trim_start_matches('=').trim_start_matches('v');
        if nodejs_semver::Version::parse(v).is_err()
            || closure
                .packages
                .iter()
                .any(|p| p.depth == 0 && p.name == s.name && p.version == v)
        {
            continue;
        }
        graph.add_package(Package::new(
            &s.name,
            v,
            Source::Registry { resolved: None },
            &s.raw,
        ));
    }
    graph
}

/// The graph as the registry layers see it: an entry whose tarball URL is on an allowed
/// registry host but not in the registry's `…/<name>/-/<file>.tgz` shape (the readers call it
/// a remote tarball) claims to come from that registry, so it is checked against what the
/// registry serves for that `name@version`: the registry cross-checks and the packument rules: `registry/resolved-mismatch` compares its
/// URL with the packument's `dist.tarball` (same for GitHub Packages' download paths;
/// different for an edited `resolved`), and its integrity is compared with the packument's.
/// Without this, such an entry skipped both silently (red-team finding).
fn registry_view<'g>(
    graph: &'g DependencyGraph,
    policy: &diligence_lockfile_rules::LockfilePolicy,
) -> std::borrow::Cow<'g, DependencyGraph> {
    let moved: Vec<usize> = (graph.packages.iter().enumerate())
        .filter(
            |(_, p)| matches!(&p.source, Source::Tarball { url } if policy.is_registry_url(url)),
        )
        .map(|(i, _)| i)
        .collect();
    if moved.is_empty() {
        return std::borrow::Cow::Borrowed(graph);
    }
    let mut view = graph.clone();
    for i in moved {
        let p = &mut view.packages[i];
        p.source = Source::Registry {
            resolved: p.source.resolved(),
        };
    }
    std::borrow::Cow::Owned(view)
}

/// One job per distinct source (a `name@version` locked in several folders is scanned once).
fn dedup_jobs(jobs: Vec<Job<'_>>) -> Vec<Job<'_>> {
    let mut seen: HashSet<(String, Option<String>)> = HashSet::new();
    jobs.into_iter()
        .filter(|j| {
            let p = j.package;
            let source = match &p.source {
                Source::Registry { .. } => None,
                other => other.resolved(),
            };
            seen.insert((p.id_string(), source))
        })
        .collect()
}

fn lockfile_dir(graph: &DependencyGraph) -> PathBuf {
    match graph.lockfile.path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn lockfile_target(label: &str, graph: &DependencyGraph) -> Target {
    Target {
        path: label.to_string(),
        lockfile: Some(TargetLockfile {
            path: graph.lockfile.path.display().to_string(),
            format: graph.lockfile.format.as_str().to_string(),
            version: graph.lockfile.version.clone(),
        }),
    }
}

fn plain_target(label: String) -> Target {
    Target {
        path: label,
        lockfile: None,
    }
}

/// A registry client for the npm configuration, caching in the default cache folder, with
/// the network settings (`--offline`/`--prefer-offline`, `--refresh`, `--max-age`,
/// `--fetch-timeout`). Errors: the cache folder or the npm configuration's CA file cannot be
/// used ([`EngineError::Registry`]).
pub fn registry_client(
    settings: &Settings,
    npm: diligence_registry::NpmConfig,
) -> Result<RegistryClient, EngineError> {
    let mode = match settings.network {
        Network::Online => Mode::Online,
        Network::PreferOffline => Mode::PreferOffline,
        Network::Offline => Mode::Offline,
    };
    let defaults = ClientOptions::default();
    let packument_max_age = if settings.refresh_on() {
        std::time::Duration::ZERO
    } else {
        settings.max_age.unwrap_or(defaults.packument_max_age)
    };
    let options = ClientOptions {
        mode,
        packument_max_age,
        deadline: settings.fetch_timeout.unwrap_or(defaults.deadline),
        ..defaults
    };
    RegistryClient::new(npm, Cache::default_location(), options)
        .map_err(|e| EngineError::Registry(e.to_string()))
}

/// A scan with `--manifest` given to the analyser (`code/manifest-confusion`).
fn scan_with_manifest(
    obtained: &Obtained,
    label: &str,
    manifest: Option<&serde_json::Value>,
) -> Result<code::Scanned, String> {
    let Some(manifest) = manifest else {
        return code::scan(obtained, label, false);
    };
    let opts = diligence_analyze::ScanOptions {
        registry_manifest: Some(manifest.clone()),
        ..Default::default()
    };
    let unpacked = match &obtained.code {
        Code::Tarball(bytes) => diligence_analyze::archive::unpack_tarball(bytes, &opts.limits)
            .map_err(|e| format!("not a gzip-compressed tarball ({e})"))?,
        Code::Folder(dir) => diligence_analyze::archive::read_dir(dir, &opts.limits)
            .map_err(|e| format!("{}: {e}", dir.display()))?,
    };
    let package_json = unpacked
        .files
        .iter()
        .find(|f| f.path == "package.json")
        .map(|f| serde_json::from_slice(&f.bytes).unwrap_or(serde_json::Value::Null));
    if package_json.is_none() {
        return Err("not an npm package: no package.json".into());
    }
    let scan = code::analyse(unpacked, label, &opts)?;
    Ok(code::Scanned {
        scan,
        package_json,
        files: None,
    })
}

/// `name@version` → (name, version); an id without a version keeps an empty one.
fn split_id(id: &str) -> (String, String) {
    match id.get(1..).and_then(|t| t.rfind('@')) {
        Some(at) => (id[..at + 1].to_string(), id[at + 2..].to_string()),
        None => (id.to_string(), String::new()),
    }
}

/// A package record for findings about scanned code that has no lockfile entry.
fn bare_package(name: &str, version: &str) -> Package {
    Package {
        name: name.to_string(),
        version: version.to_string(),
        source: Source::File {
            path: String::new(),
        },
        integrity: None,
        dev: false,
        optional: false,
        peer: false,
        has_install_script: false,
        bundled: false,
        dependencies: Vec::new(),
        key: format!("{name}@{version}"),
        location: Default::default(),
    }
}
