//! `diligence diff [BASE] [HEAD]`: pull-request review. Compares the lockfile at the base
//! revision with the one at the head revision (or the working tree), or two files given with
//! `--base-lockfile`/`--head-lockfile`, and reports what the head adds: changed packages with
//! their dependency paths, same-version integrity/resolved edits, new non-registry sources,
//! new lockfile and advisory findings, and the code delta of every added or changed registry
//! package (see `diligence_diff`). The `diligence.toml` policy applies to the result.
//!
//! Exit codes: 2 when something could not be evaluated (or on bad input/config), else 1 when a
//! *new* finding is at or above `--fail-on` (default: the policy's `fail-on`, else high), else
//! 0. Findings the base already had never fail the run.
//!
//! The report writers are shared with `audit`/`scan` through [`write_report`] and
//! [`all_rules`].

use crate::cli::{DiffArgs, ReportFormat};
use anyhow::{Context, Result, bail};
use diligence_diff::{ReviewOptions, git};
use diligence_finding::{NotEvaluated, Report, Rule, Severity, Target, TargetLockfile};
use diligence_graph::DependencyGraph;
use diligence_policy::{Date, Policy};
use diligence_registry::{Cache, ClientOptions, Mode, NpmConfig, RegistryClient};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Every rule diligence knows, for SARIF `tool.driver.rules`.
pub(crate) fn all_rules() -> Vec<&'static Rule> {
    let mut rules = diligence_lockfile_rules::rules();
    rules.extend(diligence_advisory::rules());
    rules.extend(diligence_registry::rules());
    rules.extend(diligence_metadata::rules());
    rules.extend(diligence_analyze::rules());
    rules.extend(diligence_policy::rules());
    rules.extend(diligence_diff::rules());
    let mut seen = std::collections::HashSet::new();
    rules.retain(|r| seen.insert(r.id));
    rules
}

/// Writes `report` in `format` to `output` (a file, created or truncated) or to stdout.
/// Errors: the output file cannot be written (one line naming it).
pub(crate) fn write_report(
    report: &Report,
    format: ReportFormat,
    fail_on: Severity,
    output: Option<&Path>,
) -> Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    match format {
        ReportFormat::Human => diligence_report::human::write(report, fail_on, &mut buf)?,
        ReportFormat::Json => diligence_report::json::write(report, &mut buf)?,
        ReportFormat::Sarif => diligence_report::sarif::write(report, &all_rules(), &mut buf)?,
        ReportFormat::Markdown => diligence_report::markdown::write(report, fail_on, &mut buf)?,
    }
    match output {
        Some(path) => std::fs::write(path, &buf)
            .with_context(|| format!("{}: cannot write the report", path.display()))?,
        None => {
            let mut stdout = anstream::stdout();
            stdout.write_all(&buf)?;
            stdout.flush()?;
        }
    }
    Ok(())
}

/// The two graphs, the folder whose `.npmrc`/`diligence.toml` apply, and a label per side.
struct Sides {
    base: DependencyGraph,
    head: DependencyGraph,
    project_dir: PathBuf,
    base_label: String,
}

pub fn run(args: DiffArgs) -> Result<u8> {
    let sides = load_sides(&args)?;
    let mut policy = Policy::load(&sides.project_dir, args.config.as_deref())?;
    policy.resolve_integrities(&sides.head);
    let fail_on = policy.fail_on(args.fail_on);
    let npm = NpmConfig::load(&sides.project_dir).context("reading npm configuration")?;

    let lockfile_policy = lockfile_policy(&policy, &npm);

    let mut not_evaluated: Vec<NotEvaluated> = Vec::new();
    let db = match args.no_advisories {
        true => None,
        false => open_advisories(&args, &mut not_evaluated),
    };
    let client = match args.no_registry {
        true => None,
        false => Some(registry_client(&args, npm)?),
    };
    if args.metadata && client.is_none() {
        bail!("--metadata needs the registry: drop --no-registry");
    }
    let metadata_policy = metadata_policy(&policy, &sides.project_dir)?;
    let opts = ReviewOptions {
        lockfile_policy: Some(&lockfile_policy),
        advisories: db.as_ref(),
        registry: client.as_ref(),
        metadata: args.metadata.then_some(&metadata_policy),
    };
    let review = diligence_diff::review(&sides.base, &sides.head, &opts);
    not_evaluated.extend(review.not_evaluated);
    let findings = policy.apply(review.findings, Date::today());

    let head = &sides.head;
    let target = Target {
        path: format!(
            "{} → {}",
            sides.base_label,
            args.head.as_deref().unwrap_or("working tree")
        ),
        lockfile: Some(TargetLockfile {
            path: head.lockfile.path.display().to_string(),
            format: head.lockfile.format.as_str().to_string(),
            version: head.lockfile.version.clone(),
        }),
    };
    let report = Report::new(target, head.packages.len(), findings, not_evaluated);
    write_report(&report, args.format, fail_on, args.output.as_deref())?;
    Ok(report.exit_code(fail_on) as u8)
}

fn load_sides(args: &DiffArgs) -> Result<Sides> {
    if let (Some(b), Some(h)) = (&args.base_lockfile, &args.head_lockfile) {
        if args.base.is_some() || args.head.is_some() {
            bail!("give either BASE/HEAD revisions or --base-lockfile/--head-lockfile, not both");
        }
        let base = diligence_lockfile::read_lockfile(b)?;
        let head = diligence_lockfile::read_lockfile(h)?;
        let project_dir = h
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        return Ok(Sides {
            base,
            head,
            project_dir,
            base_label: b.display().to_string(),
        });
    }
    let dir = &args.dir;
    let root = git::repo_root(dir)?;
    let path = match &args.lockfile {
        Some(p) => p.clone(),
        None => diligence_lockfile::find_lockfile(dir)?,
    };
    let rel = git::relative_to(&root, &path)?;
    let base_rev = match &args.base {
        Some(rev) => rev.clone(),
        None => git::default_base(dir).context("finding the base revision (pass BASE)")?,
    };
    let mut head = match &args.head {
        Some(rev) => git::read_at(&root, rev, &rel)?
            .with_context(|| format!("{rel} does not exist at {rev}"))?,
        None => diligence_lockfile::read_lockfile(&path)?,
    };
    head.lockfile.path = PathBuf::from(&rel);
    let base = match git::read_at(&root, &base_rev, &rel)? {
        Some(g) => g,
        // The pull request adds the lockfile: everything in it is new.
        None => DependencyGraph::new(head.lockfile.clone()),
    };
    Ok(Sides {
        base,
        head,
        project_dir: dir.clone(),
        base_label: base_rev,
    })
}

/// The lockfile rules' policy: defaults, the `.npmrc` registry and scope registries, then
/// diligence.toml's `allowed-hosts`, `allowed-schemes` and `[scope-registries]`.
pub(crate) fn lockfile_policy(
    policy: &Policy,
    npm: &NpmConfig,
) -> diligence_lockfile_rules::LockfilePolicy {
    let mut out = diligence_lockfile_rules::LockfilePolicy::default().with_registry(&npm.registry);
    for registry in npm.scopes.values().chain(policy.scope_registries.values()) {
        out = out.with_registry(registry);
    }
    out.allowed_hosts
        .extend(policy.allowed_hosts.iter().cloned());
    out.allowed_schemes
        .extend(policy.allowed_schemes.iter().cloned());
    out
}

/// The metadata thresholds and lists: defaults, then `.npmrc` registries, then diligence.toml.
pub(crate) fn metadata_policy(
    policy: &Policy,
    project_dir: &Path,
) -> Result<diligence_metadata::MetadataPolicy> {
    let mut m = diligence_metadata::MetadataPolicy::default()
        .with_npmrc(project_dir)
        .map_err(|why| anyhow::anyhow!(why))?;
    let t = &policy.thresholds;
    m.cooldown_days = t.cooldown_days.unwrap_or(m.cooldown_days);
    m.new_package_days = t.new_package_days.unwrap_or(m.new_package_days);
    m.dormancy_days = t.dormancy_days.unwrap_or(m.dormancy_days);
    m.version_jump_major = t.version_jump_major.unwrap_or(m.version_jump_major);
    m.typosquat_allowlist
        .extend(policy.typosquat_allowlist.iter().cloned());
    m.internal_scopes
        .extend(policy.internal_scopes.iter().cloned());
    m.internal_names
        .extend(policy.internal_names.iter().cloned());
    for (scope, registry) in &policy.scope_registries {
        m.scope_registries
            .entry(scope.clone())
            .or_insert_with(|| registry.clone());
    }
    Ok(m)
}

fn open_advisories(
    args: &DiffArgs,
    not_evaluated: &mut Vec<NotEvaluated>,
) -> Option<diligence_advisory::AdvisoryDb> {
    let db = match &args.db {
        Some(source) => diligence_advisory::AdvisoryDb::load_source(source),
        None => diligence_advisory::AdvisoryDb::open_cache(),
    };
    match db {
        Ok(db) => Some(db),
        Err(e) => {
            let mut ne = diligence_advisory::not_evaluated(&e);
            if args.db.is_none() {
                ne.why.push_str(
                    " (run `diligence db update`, pass --db, or --no-advisories to skip)",
                );
            }
            not_evaluated.push(ne);
            None
        }
    }
}

fn registry_client(args: &DiffArgs, npm: NpmConfig) -> Result<RegistryClient> {
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
    Ok(RegistryClient::new(
        npm,
        Cache::default_location(),
        options,
    )?)
}
