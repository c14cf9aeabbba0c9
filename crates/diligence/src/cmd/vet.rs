//! `diligence vet`: the audit ledger (`supply-chain/`, see the README section "Audit ledger"
//! and the `diligence_vet` crate).
//!
//! - `vet [DIR]`: every locked registry package must be covered by an audit, a delta chain,
//!   a pinned import or an exemption; a report like `audit`'s (every format, same exit codes);
//! - `vet certify NAME VERSION` / `NAME FROM TO`: what to read first, then the audit recorded;
//! - `vet suggest`: the smallest reviews that would cover what is unaudited;
//! - `vet prune`, `vet regenerate-exemptions`, `vet regenerate-imports`: ledger upkeep.

use super::common;
use crate::cli::{
    CertifyArgs, LedgerArgs, SuggestArgs, VetArgs, VetCheckArgs, VetCommand, VetProject, VetSources,
};
use anyhow::{Context, Result, bail};
use diligence_finding::{Report, Target, TargetLockfile};
use diligence_graph::DependencyGraph;
use diligence_registry::{NpmConfig, RegistryClient};
use diligence_vet::imports::Fetch;
use diligence_vet::{STORE_DIR, Store};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn run(args: VetArgs) -> Result<u8> {
    match args.command {
        None => check(args.check),
        Some(VetCommand::Certify(a)) => certify(a),
        Some(VetCommand::Suggest(a)) => suggest(a),
        Some(VetCommand::Prune(a)) => prune(a),
        Some(VetCommand::RegenerateExemptions(a)) => regenerate_exemptions(a),
        Some(VetCommand::RegenerateImports(a)) => regenerate_imports(a),
    }
}

/// The lockfile's graph and the folder the ledger and configuration belong to (DIR, or the
/// lockfile's folder with `--lockfile`).
fn load(project: &VetProject) -> Result<(DependencyGraph, PathBuf)> {
    let path = match &project.lockfile {
        Some(p) => p.clone(),
        None => diligence_lockfile::find_lockfile(&project.dir)?,
    };
    let graph = diligence_lockfile::read_lockfile(&path)?;
    let dir = match &project.lockfile {
        Some(_) => path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => project.dir.clone(),
    };
    Ok((graph, dir))
}

fn store_dir(project_dir: &Path) -> PathBuf {
    project_dir.join(STORE_DIR)
}

/// A registry client for the project's `.npmrc` (tarballs and URL imports).
fn client(project_dir: &Path, sources: &VetSources) -> Result<RegistryClient> {
    let npm = NpmConfig::load_allowing(project_dir, &sources.network.allow_project_credentials)
        .with_context(|| "reading npm configuration")?;
    for w in &npm.warnings {
        anstream::eprintln!("warning: {w}");
    }
    let network = if sources.offline {
        diligence_engine::Network::Offline
    } else if sources.prefer_offline {
        diligence_engine::Network::PreferOffline
    } else {
        diligence_engine::Network::Online
    };
    let settings = diligence_engine::Settings {
        network,
        refresh: sources.network.refresh,
        max_age: sources.network.max_age,
        fetch_timeout: sources.network.fetch_timeout,
        allow_project_credentials: sources.network.allow_project_credentials.clone(),
        ..diligence_engine::Settings::for_project(project_dir)
    };
    Ok(diligence_engine::registry_client(&settings, npm)?)
}

/// A client only when the ledger imports a URL and the network may be used: `vet` on a
/// ledger without URL imports never starts one (it runs in milliseconds).
fn import_fetcher(
    store: &Store,
    project_dir: &Path,
    sources: &VetSources,
) -> Result<Option<RegistryClient>> {
    let urls = store
        .config
        .imports
        .values()
        .any(|i| matches!(i.source, diligence_vet::config::ImportSource::Url(_)));
    if !urls || sources.offline {
        return Ok(None);
    }
    Ok(Some(client(project_dir, sources)?))
}

fn check(args: VetCheckArgs) -> Result<u8> {
    let (graph, project_dir) = load(&args.project)?;
    let store = Store::load(&store_dir(&project_dir))?;
    let mut policy = diligence_policy::Policy::load(&project_dir, args.sources.config.as_deref())?;
    let known: Vec<&str> = diligence_engine::all_rules().iter().map(|r| r.id).collect();
    policy.check_rule_ids(&known)?;
    policy.resolve_integrities(&graph);
    let fail_on = policy.fail_on(args.report.fail_on);
    let fetcher = import_fetcher(&store, &project_dir, &args.sources)?;
    let vetting = diligence_vet::vet(&graph, &store, fetcher.as_ref().map(|c| c as &dyn Fetch));
    for w in &vetting.warnings {
        anstream::eprintln!("warning: {w}");
    }
    if !args.report.quiet {
        anstream::eprintln!("{}", summary(&vetting.coverage));
    }
    let findings = policy.apply(vetting.findings, diligence_policy::Date::today());
    let target = Target {
        path: project_dir.display().to_string(),
        lockfile: Some(TargetLockfile {
            path: graph.lockfile.path.display().to_string(),
            format: graph.lockfile.format.as_str().to_string(),
            version: graph.lockfile.version.clone(),
        }),
    };
    let report = Report::new(
        target,
        graph.packages.len(),
        findings,
        vetting.not_evaluated,
    );
    let mut buf = Vec::new();
    common::render(&report, args.report.format, fail_on, &mut buf)?;
    common::emit(&buf, args.report.output.as_deref(), common::Stream::Stdout)?;
    Ok(report.exit_code(fail_on) as u8)
}

/// `vet: 1,234 registry packages: 10 audited (7 full, 2 delta, 1 imported), 1,200 exempted,
/// 24 unaudited, 0 not required; 3 outside the ledger (git 2, file 1)`.
fn summary(c: &diligence_vet::Coverage) -> String {
    let n = c.counts();
    let th = |x: usize| diligence_vet::size::thousands(x as u64);
    let mut s = format!(
        "vet: {} registry packages: {} audited ({} full, {} delta, {} imported), {} exempted, {} unaudited, {} not required",
        th(c.packages.len()),
        th(n.full + n.delta + n.imported),
        th(n.full),
        th(n.delta),
        th(n.imported),
        th(n.exempted),
        th(n.unaudited),
        th(n.not_required),
    );
    let outside: usize = c.outside.values().sum();
    if outside > 0 {
        let kinds: Vec<String> = c.outside.iter().map(|(k, v)| format!("{k} {v}")).collect();
        s.push_str(&format!(
            "; {} outside the ledger ({})",
            th(outside),
            kinds.join(", ")
        ));
    }
    s
}

fn certify(args: CertifyArgs) -> Result<u8> {
    let (from, to) = match args.versions.as_slice() {
        [to] => (None, to.clone()),
        [from, to] => (Some(from.clone()), to.clone()),
        _ => bail!("give VERSION, or FROM TO"),
    };
    for v in from.iter().chain([&to]) {
        if !diligence_vet::is_exact_version(v) {
            bail!("`{v}` is not an exact npm version");
        }
    }
    let project = VetProject {
        dir: args.dir.clone(),
        lockfile: args.lockfile.clone(),
    };
    // The lockfile is optional here (a version can be certified before it is locked); the
    // project folder is then --dir.
    let (graph, project_dir) = match load(&project) {
        Ok((g, d)) => (Some(g), d),
        Err(_) if args.lockfile.is_none() => (None, args.dir.clone()),
        Err(e) => return Err(e),
    };
    let store = Store::load(&store_dir(&project_dir))?;
    let client = client(&project_dir, &args.sources)?;
    let briefing = diligence_vet::review::brief(&client, &args.name, from.as_deref(), &to)?;
    let mut out = anstream::stdout();
    if args.json {
        diligence_report::escape::write_json_pretty(&briefing, &mut out)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", diligence_vet::review::render(&briefing))?;
    }
    out.flush()?;
    if args.show {
        return Ok(0);
    }
    // The audit records the registry's tarball: it must be the one the lockfile locks.
    if let Some(g) = &graph {
        for p in g
            .packages
            .iter()
            .filter(|p| p.name == args.name && p.version == to)
        {
            let Some(locked) = &p.integrity else { continue };
            if let diligence_registry::verify::Comparison::Mismatch { .. } =
                diligence_registry::verify::compare(locked, &briefing.integrity)
            {
                bail!(
                    "{}:{}: {}@{to} locks {locked}, the registry serves another tarball ({}): nothing recorded",
                    g.lockfile.path.display(),
                    p.location.line,
                    args.name,
                    diligence_vet::format::integrity_text(&briefing.integrity)
                );
            }
        }
    }
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let criteria = if !args.criteria.is_empty() {
        args.criteria.clone()
    } else if interactive && args.who.is_none() {
        let default = store.config.default_criteria.join(",");
        let answer = ask(&format!("Criteria to record [{default}]: "))?;
        if answer.is_empty() {
            store.config.default_criteria.clone()
        } else {
            answer.split(',').map(|s| s.trim().to_string()).collect()
        }
    } else {
        store.config.default_criteria.clone()
    };
    let who = match &args.who {
        Some(w) => w.clone(),
        None => match diligence_vet::review::git_identity(&project_dir) {
            Some(w) => w,
            None => bail!(
                "who reviewed? pass --who \"Name <email>\" (git user.name/user.email are not set)"
            ),
        },
    };
    if interactive && args.criteria.is_empty() && args.who.is_none() {
        let answer = ask(&format!(
            "Record that {who} audited {} for {}? [y/N]: ",
            what(&args.name, from.as_deref(), &to),
            criteria.join(", ")
        ))?;
        if !matches!(answer.as_str(), "y" | "Y" | "yes") {
            anstream::eprintln!("nothing recorded");
            return Ok(0);
        }
    } else if !interactive && args.criteria.is_empty() && args.who.is_none() {
        bail!(
            "not recorded: pass --criteria and --who to record without a terminal (or --show to only read)"
        );
    }
    let path = diligence_vet::review::record(
        &store,
        &diligence_vet::review::Certification {
            name: args.name.clone(),
            from: from.clone(),
            to: to.clone(),
            criteria: criteria.clone(),
            who,
            notes: args.notes.clone(),
            integrity: briefing.integrity.clone(),
            date: diligence_policy::Date::today().to_string(),
        },
    )?;
    anstream::eprintln!(
        "recorded: {} for {} in {}",
        what(&args.name, from.as_deref(), &to),
        criteria.join(", "),
        path.display()
    );
    Ok(0)
}

fn what(name: &str, from: Option<&str>, to: &str) -> String {
    match from {
        Some(f) => format!("{name} {f} -> {to}"),
        None => format!("{name}@{to}"),
    }
}

/// One line from the terminal (stderr prompt).
fn ask(prompt: &str) -> Result<String> {
    anstream::eprint!("{prompt}");
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim().to_string())
}

fn suggest(args: SuggestArgs) -> Result<u8> {
    let (graph, project_dir) = load(&args.project)?;
    let store = Store::load(&store_dir(&project_dir))?;
    let client = client(&project_dir, &args.sources)?;
    let fetcher = (!args.sources.offline).then_some(&client as &dyn Fetch);
    let vetting = diligence_vet::vet(&graph, &store, fetcher);
    for w in &vetting.warnings {
        anstream::eprintln!("warning: {w}");
    }
    let opts = diligence_vet::suggest::SuggestOptions {
        exempted: args.exempted,
        limit: args.limit,
    };
    let suggestions = diligence_vet::suggest::suggest(
        &graph,
        &store,
        &vetting.imports,
        &vetting.coverage,
        &vetting.ledger,
        Some(&client),
        &opts,
    );
    let mut out = anstream::stdout();
    if args.json {
        diligence_report::escape::write_json_pretty(&suggestions, &mut out)?;
        writeln!(out)?;
    } else {
        write!(out, "{}", diligence_vet::suggest::render(&suggestions))?;
    }
    out.flush()?;
    Ok(0)
}

fn prune(args: LedgerArgs) -> Result<u8> {
    let (graph, project_dir) = load(&args.project)?;
    let dir = store_dir(&project_dir);
    let store = Store::load(&dir)?;
    let fetcher = import_fetcher(&store, &project_dir, &args.sources)?;
    let gone =
        diligence_vet::ops::prune_in(&dir, &graph, fetcher.as_ref().map(|c| c as &dyn Fetch))?;
    if gone.is_empty() {
        anstream::eprintln!("nothing to prune");
    } else {
        anstream::eprintln!(
            "{}: dropped {} exemption(s): {}",
            dir.join(diligence_vet::store::EXEMPTIONS_FILE).display(),
            gone.len(),
            gone.join(", ")
        );
    }
    Ok(0)
}

fn regenerate_exemptions(args: LedgerArgs) -> Result<u8> {
    let (graph, project_dir) = load(&args.project)?;
    let dir = store_dir(&project_dir);
    let fetcher = match Store::load(&dir) {
        Ok(store) => import_fetcher(&store, &project_dir, &args.sources)?,
        Err(_) => None,
    };
    let out = diligence_vet::ops::regenerate_exemptions_in(
        &dir,
        &graph,
        fetcher.as_ref().map(|c| c as &dyn Fetch),
    )?;
    anstream::eprintln!(
        "{}: {} exemption(s), {} added, {} removed",
        dir.join(diligence_vet::store::EXEMPTIONS_FILE).display(),
        out.exemptions.len(),
        out.added,
        out.removed
    );
    if !out.kept_mismatched.is_empty() {
        anstream::eprintln!(
            "warning: kept exemption(s) whose integrity differs from the lockfile's (republished or edited; `diligence vet` reports them): {}",
            out.kept_mismatched.join(", ")
        );
    }
    if !out.violations.is_empty() {
        anstream::eprintln!(
            "warning: not exempted because a violation entry fails them: {}",
            out.violations.join(", ")
        );
    }
    Ok(0)
}

fn regenerate_imports(args: LedgerArgs) -> Result<u8> {
    let project_dir = match &args.project.lockfile {
        Some(p) => p
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        None => args.project.dir.clone(),
    };
    let dir = store_dir(&project_dir);
    let client = if args.sources.offline {
        None
    } else {
        Some(client(&project_dir, &args.sources)?)
    };
    let pinned =
        diligence_vet::ops::regenerate_imports_in(&dir, client.as_ref().map(|c| c as &dyn Fetch))?;
    for p in &pinned {
        let change = match p.change {
            None => "newly pinned".to_string(),
            Some((0, 0)) => "unchanged".to_string(),
            Some((a, r)) => format!("{a} audit(s) added, {r} removed or rewritten"),
        };
        anstream::eprintln!(
            "import `{}`: {} audit(s), sha256 {} ({change})",
            p.name,
            p.audits,
            p.sha256
        );
        for s in &p.skipped {
            anstream::eprintln!("  skipped: {}", diligence_vet::review::escape(s));
        }
    }
    anstream::eprintln!(
        "{}: {} import(s) pinned",
        dir.join(diligence_vet::store::IMPORTS_LOCK).display(),
        pinned.len()
    );
    Ok(0)
}
