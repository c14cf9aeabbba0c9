//! `diligence audit`: the main job. Reads the project's lockfile into the graph, then runs the
//! check layers in order and writes one report:
//!
//! 1. lockfile rules (offline tampering: hosts, schemes, names/versions in URLs, integrity,
//!    non-registry sources, orphans) plus the graph-only metadata rules (typosquat,
//!    dependency confusion);
//! 2. advisories (OSV malware and vulnerabilities) from `--db` or the local index;
//! 3. registry cross-checks (packument integrity, tarball URL, scope registry);
//!
//! Layers that cannot run are reported under "not evaluated" (exit 2), never as clean; a layer
//! the user switches off (`--no-advisories`, `--no-registry`) is simply not run.

use crate::cli::{AuditArgs, Format};
use crate::cmd::ls::load_graph;
use anyhow::{Context, Result};
use diligence_finding::{Finding, NotEvaluated, Report, Target, TargetLockfile};
use diligence_graph::DependencyGraph;
use diligence_registry::{Cache, ClientOptions, Mode, NpmConfig, RegistryClient};

/// Findings and not-evaluated records of one check layer.
#[derive(Default)]
struct Layer {
    findings: Vec<Finding>,
    not_evaluated: Vec<NotEvaluated>,
}

impl Layer {
    fn add(&mut self, other: Layer) {
        self.findings.extend(other.findings);
        self.not_evaluated.extend(other.not_evaluated);
    }
}

pub fn run(args: AuditArgs) -> Result<u8> {
    let graph = load_graph(&args.project)?;
    let project_dir = project_dir(&args, &graph);
    let npm_config = NpmConfig::load(&project_dir).with_context(|| "reading npm configuration")?;

    let mut all = Layer::default();
    all.add(lockfile_layer(&graph, &args, &npm_config));
    if !args.no_advisories {
        all.add(advisory_layer(&graph, &args));
    }
    if !args.no_registry {
        all.add(registry_layer(&graph, &args, npm_config)?);
    }

    let target = Target {
        path: args.project.dir.display().to_string(),
        lockfile: Some(TargetLockfile {
            path: graph.lockfile.path.display().to_string(),
            format: graph.lockfile.format.as_str().to_string(),
            version: graph.lockfile.version.clone(),
        }),
    };
    let report = Report::new(
        target,
        graph.packages.len(),
        all.findings,
        all.not_evaluated,
    );
    write_report(&report, &args)?;
    Ok(report.exit_code(args.fail_on) as u8)
}

/// The folder whose `.npmrc` and config apply: DIR, or the lockfile's folder with `--lockfile`.
fn project_dir(args: &AuditArgs, graph: &DependencyGraph) -> std::path::PathBuf {
    match &args.project.lockfile {
        Some(_) => graph
            .lockfile
            .path
            .parent()
            .map(|p| p.to_path_buf())
            .unwrap_or_else(|| ".".into()),
        None => args.project.dir.clone(),
    }
}

fn lockfile_layer(graph: &DependencyGraph, args: &AuditArgs, npm: &NpmConfig) -> Layer {
    let mut policy =
        diligence_lockfile_rules::LockfilePolicy::default().with_registry(&npm.registry);
    for registry in npm.scopes.values() {
        policy = policy.with_registry(registry);
    }
    policy
        .allowed_hosts
        .extend(args.allowed_hosts.iter().cloned());
    let mut findings = diligence_lockfile_rules::check(graph, &policy);

    let mut meta = diligence_metadata::MetadataPolicy {
        scope_registries: npm.scopes.clone(),
        registry: Some(npm.registry.clone()),
        ..Default::default()
    };
    meta.public_registry_hosts.sort();
    findings.extend(diligence_metadata::rules::typosquat::check(
        graph,
        &meta.typosquat_allowlist,
    ));
    let (f, not_evaluated) = diligence_metadata::rules::dependency_confusion::check(graph, &meta);
    findings.extend(f);
    Layer {
        findings,
        not_evaluated,
    }
}

fn advisory_layer(graph: &DependencyGraph, args: &AuditArgs) -> Layer {
    let db = match &args.db {
        Some(source) => diligence_advisory::AdvisoryDb::load_source(source),
        None => diligence_advisory::AdvisoryDb::open_cache(),
    };
    let db = match db {
        Ok(db) => db,
        Err(e) => {
            let mut ne = diligence_advisory::not_evaluated(&e);
            if args.db.is_none() {
                ne.why.push_str(
                    " (run `diligence db update`, pass --db, or --no-advisories to skip)",
                );
            }
            return Layer {
                findings: Vec::new(),
                not_evaluated: vec![ne],
            };
        }
    };
    if let Some(warning) = diligence_advisory::stale_warning(db.status()) {
        anstream::eprintln!("warning: {warning}");
    }
    match diligence_advisory::check(graph, &db) {
        Ok(findings) => Layer {
            findings,
            not_evaluated: Vec::new(),
        },
        Err(e) => Layer {
            findings: Vec::new(),
            not_evaluated: vec![diligence_advisory::not_evaluated(&e)],
        },
    }
}

fn registry_layer(graph: &DependencyGraph, args: &AuditArgs, npm: NpmConfig) -> Result<Layer> {
    let mode = if args.offline {
        Mode::Offline
    } else if args.prefer_offline {
        Mode::PreferOffline
    } else {
        Mode::Online
    };
    let options = ClientOptions {
        mode,
        ..Default::default()
    };
    let client = RegistryClient::new(npm, Cache::default_location(), options)?;
    let cross = diligence_registry::CrosscheckOptions {
        verify_tarballs: false,
        progress: !args.quiet,
    };
    let (findings, not_evaluated) = diligence_registry::crosscheck(graph, &client, &cross);
    Ok(Layer {
        findings,
        not_evaluated,
    })
}

fn write_report(report: &Report, args: &AuditArgs) -> Result<()> {
    let mut stdout = anstream::stdout();
    match args.format {
        Format::Human => diligence_report::human::write(report, args.fail_on, &mut stdout)?,
        Format::Json => diligence_report::json::write(report, &mut stdout)?,
    }
    Ok(())
}
