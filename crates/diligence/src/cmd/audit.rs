//! `diligence audit`: the main job. Reads the project's lockfile into the graph, then runs the
//! check layers in order and writes one report:
//!
//! 1. lockfile rules (offline tampering: hosts, schemes, names/versions in URLs, integrity,
//!    non-registry sources, orphans) plus the graph-only metadata rules (typosquat,
//!    dependency confusion);
//! 2. advisories (OSV malware and vulnerabilities) from `--db` or the local index, with fix
//!    guidance (`diligence-fix`) resolved against packuments when the registry is used;
//! 3. registry cross-checks (packument integrity, tarball URL, scope registry);
//! 4. with `--metadata`: packument metadata rules (cooldown, new publisher, new install
//!    script, dormancy, provenance …) over full packuments;
//! 5. unless `--no-code`: every registry tarball (downloaded once, verified against the
//!    lockfile and packument integrity, cached) statically analysed; findings of packages whose
//!    verdict is not clean, with results cached by integrity so a second run is instant;
//! 6. the package manager's posture (cooldown and install-script settings), as info findings.
//!
//! Layers that cannot run are reported under "not evaluated" (exit 2), never as clean; a layer
//! the user switches off (`--no-advisories`, `--no-registry`) is simply not run.

use super::wiring;
use crate::cli::AuditArgs;
use crate::cmd::ls::load_graph;
use anyhow::{Context, Result};
use diligence_finding::{Finding, NotEvaluated, Report, Target, TargetLockfile};
use diligence_graph::DependencyGraph;
use diligence_registry::{NpmConfig, PackumentKind, RegistryClient};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::time::SystemTime;

/// Findings and not-evaluated records of one check layer.
#[derive(Default)]
pub(crate) struct Layer {
    pub(crate) findings: Vec<Finding>,
    pub(crate) not_evaluated: Vec<NotEvaluated>,
}

impl Layer {
    fn add(&mut self, other: Layer) {
        self.findings.extend(other.findings);
        self.not_evaluated.extend(other.not_evaluated);
    }
}

pub fn run(args: AuditArgs) -> Result<u8> {
    let graph = load_graph(&args.project)?.omit(args.sources.omit());
    let project_dir = project_dir(&graph);
    let npm_config = NpmConfig::load_allowing(
        &project_dir,
        &args.sources.network.allow_project_credentials,
    )
    .with_context(|| "reading npm configuration")?;
    let mut policy = diligence_policy::Policy::load(&project_dir, args.report.config.as_deref())?;
    let known: Vec<&str> = super::rules::all_rules().iter().map(|r| r.id).collect();
    policy.check_rule_ids(&known)?;
    policy.resolve_integrities(&graph);
    let fail_on = policy.fail_on(args.report.fail_on);
    // Read once: the graph-wide metadata rules and the packument rules share it.
    let meta_policy = wiring::metadata_policy(&policy, &project_dir)?;

    let mut all = Layer::default();
    all.add(lockfile_layer(
        &graph,
        &args,
        &npm_config,
        &policy,
        &meta_policy,
    ));
    // What the project .npmrc asked for and was refused (credentials, ${VAR}s, TLS/proxy).
    all.findings
        .extend(diligence_registry::rules::project_credentials::check(
            &npm_config,
        ));
    let mut advisory_db = None;
    if !args.sources.no_advisories {
        let (layer, db) = advisory_layer(&graph, &args);
        all.add(layer);
        advisory_db = db;
    }
    if !args.sources.no_registry {
        let client = wiring::registry_client(
            args.sources.offline,
            args.sources.prefer_offline,
            npm_config,
            &args.sources.network,
        )?;
        all.add(registry_layer(&graph, &args, &client));
        // Fix guidance for advisory findings, resolved against the packuments just fetched.
        if let Some(db) = &advisory_db {
            diligence_fix::annotate(&mut all.findings, &graph, db, &client);
        }
        if !args.no_code {
            all.add(super::code_layer::scan_graph(
                &graph,
                &client,
                args.sources.metadata,
                !args.quiet,
            ));
        }
        if args.sources.metadata {
            all.add(metadata_layer(&graph, &client, &meta_policy));
        }
    } else if args.sources.metadata {
        anyhow::bail!("--metadata needs the registry: drop --no-registry");
    } else if !args.no_code {
        all.not_evaluated.push(NotEvaluated {
            what: "code scan".into(),
            why: "--no-registry: tarballs cannot be fetched (add --no-code to skip the code scan)"
                .into(),
        });
    }
    // One cause, one finding: the registry's tarball over http:// is the lockfile's finding.
    diligence_lockfile_rules::drop_restated_scheme_findings(&mut all.findings);
    all.findings
        .extend(diligence_metadata::posture(&project_dir, None));
    all.not_evaluated = group_not_evaluated(all.not_evaluated);
    let findings = policy.apply(all.findings, diligence_policy::Date::today());

    let target = Target {
        path: args.project.dir.display().to_string(),
        lockfile: Some(TargetLockfile {
            path: graph.lockfile.path.display().to_string(),
            format: graph.lockfile.format.as_str().to_string(),
            version: graph.lockfile.version.clone(),
        }),
    };
    let report = Report::new(target, graph.packages.len(), findings, all.not_evaluated);
    wiring::write_report(
        &report,
        args.report.format,
        fail_on,
        args.report.output.as_deref(),
    )?;
    Ok(report.exit_code(fail_on) as u8)
}

/// The folder whose `.npmrc` and config apply: DIR, or the lockfile's folder with `--lockfile`.
/// The project folder: the lockfile's (the workspace root's when run in a member folder).
fn project_dir(graph: &DependencyGraph) -> std::path::PathBuf {
    match graph.lockfile.path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => ".".into(),
    }
}

fn lockfile_layer(
    graph: &DependencyGraph,
    args: &AuditArgs,
    npm: &NpmConfig,
    policy: &diligence_policy::Policy,
    meta: &diligence_metadata::MetadataPolicy,
) -> Layer {
    let mut lockfile_policy = wiring::lockfile_policy(policy, npm);
    lockfile_policy
        .allowed_hosts
        .extend(args.allowed_hosts.iter().cloned());
    let mut findings = diligence_lockfile_rules::check(graph, &lockfile_policy);
    findings.extend(diligence_metadata::rules::typosquat::check(
        graph,
        &meta.typosquat_allowlist,
    ));
    let (f, mut not_evaluated) =
        diligence_metadata::rules::dependency_confusion::check(graph, meta);
    findings.extend(f);
    // yarn classic records no importers: without the package.json beside it the reader cannot
    // tell the project's dependencies from an injected entry, so orphans go unseen.
    let beside = graph
        .lockfile
        .path
        .parent()
        .unwrap_or(Path::new("."))
        .join("package.json");
    if graph.lockfile.format == diligence_graph::LockfileFormat::YarnClassic && !beside.is_file() {
        not_evaluated.push(NotEvaluated {
            what: "lockfile/orphan-entry".into(),
            why: format!("{} is missing: a yarn classic lockfile does not record the project's own dependencies", beside.display()),
        });
    }
    Layer {
        findings,
        not_evaluated,
    }
}

/// The advisory findings, and the database (kept for the fix guidance).
fn advisory_layer(
    graph: &DependencyGraph,
    args: &AuditArgs,
) -> (Layer, Option<diligence_advisory::AdvisoryDb>) {
    let db = match wiring::open_advisories(args.sources.db.as_deref()) {
        Ok(db) => db,
        Err(ne) => {
            let layer = Layer {
                findings: Vec::new(),
                not_evaluated: vec![ne],
            };
            return (layer, None);
        }
    };
    if let Some(warning) = diligence_advisory::stale_warning(db.status()) {
        anstream::eprintln!("warning: {warning}");
    }
    let layer = match diligence_advisory::check(graph, &db) {
        Ok(findings) => Layer {
            findings,
            not_evaluated: Vec::new(),
        },
        Err(e) => Layer {
            findings: Vec::new(),
            not_evaluated: vec![diligence_advisory::not_evaluated(&e)],
        },
    };
    (layer, Some(db))
}

fn registry_layer(graph: &DependencyGraph, args: &AuditArgs, client: &RegistryClient) -> Layer {
    // Full packuments when the metadata rules run too (one download serves both), else the
    // smaller abbreviated documents.
    let packument_kind = if args.sources.metadata {
        PackumentKind::Full
    } else {
        PackumentKind::Abbreviated
    };
    let cross = diligence_registry::CrosscheckOptions {
        verify_tarballs: false,
        progress: !args.quiet,
        packument_kind,
    };
    let (findings, not_evaluated) = diligence_registry::crosscheck(graph, client, &cross);
    Layer {
        findings,
        not_evaluated,
    }
}

/// Full packuments for every registry package name (the cross-check already fetched and
/// cached them), then the packument rules. A packument that cannot be had is not evaluated.
fn metadata_layer(
    graph: &DependencyGraph,
    client: &RegistryClient,
    policy: &diligence_metadata::MetadataPolicy,
) -> Layer {
    let mut layer = Layer::default();
    let names: BTreeSet<&str> = graph
        .packages
        .iter()
        .filter(|p| matches!(p.source, diligence_graph::Source::Registry { .. }))
        .map(|p| p.name.as_str())
        .collect();
    let pool = match super::code_layer::network_pool(client) {
        Ok(pool) => pool,
        Err(why) => {
            layer.not_evaluated.push(NotEvaluated {
                what: "metadata checks".into(),
                why,
            });
            return layer;
        }
    };
    let fetched: Vec<(&str, Result<_, _>)> = pool.install(|| {
        names
            .par_iter()
            .map(|n| (*n, client.packument(n)))
            .collect()
    });
    let mut packuments = HashMap::new();
    for (name, result) in fetched {
        match result {
            Ok(p) => {
                packuments.insert(name.to_string(), (*p).clone());
            }
            Err(e) => layer.not_evaluated.push(NotEvaluated {
                what: format!("metadata checks of {name}"),
                why: e.to_string(),
            }),
        }
    }
    let (findings, not_evaluated) =
        diligence_metadata::check_graph(graph, &packuments, SystemTime::now(), policy);
    layer.findings.extend(
        findings.into_iter().filter(|f| {
            f.rule != "metadata/typosquat" && f.rule != "metadata/dependency-confusion"
        }),
    );
    layer.not_evaluated.extend(not_evaluated);
    layer
}

/// Collapses per-package not-evaluated records of one check (`<check> of name@version`) into
/// one line with a count and three examples, so that a registry which strips a field for
/// every package gives one line, not thousands. The first record's reason stands for the
/// group (reasons differ only by the package named in them).
pub(super) fn group_not_evaluated(records: Vec<NotEvaluated>) -> Vec<NotEvaluated> {
    let mut groups: BTreeMap<String, Vec<NotEvaluated>> = BTreeMap::new();
    let mut out = Vec::new();
    for ne in records {
        match ne.what.split_once(" of ") {
            Some((check, _)) => groups.entry(check.to_string()).or_default().push(ne),
            None => out.push(ne),
        }
    }
    for (check, members) in groups {
        if members.len() == 1 {
            out.extend(members);
            continue;
        }
        let subjects: Vec<&str> = members
            .iter()
            .filter_map(|m| m.what.split_once(" of ").map(|(_, s)| s))
            .collect();
        let what = format!(
            "{check} of {} packages (e.g. {})",
            members.len(),
            subjects[..3.min(subjects.len())].join(", ")
        );
        out.push(NotEvaluated {
            what,
            why: members[0].why.clone(),
        });
    }
    out
}
