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
//! The wiring shared with `audit` (policies, clients, writers) is in [`super::wiring`].

use super::wiring;
use crate::cli::DiffArgs;
use anyhow::{Context, Result, bail};
use diligence_diff::{ReviewOptions, git};
use diligence_finding::{NotEvaluated, Report, Target, TargetLockfile};
use diligence_graph::DependencyGraph;
use diligence_policy::{Date, Policy};
use diligence_registry::NpmConfig;
use std::path::{Path, PathBuf};

/// The two graphs, the folder whose `.npmrc`/`diligence.toml` apply, and a label per side.
struct Sides {
    base: DependencyGraph,
    head: DependencyGraph,
    project_dir: PathBuf,
    base_label: String,
}

pub fn run(args: DiffArgs) -> Result<u8> {
    let sides = load_sides(&args)?;
    let mut policy = Policy::load(&sides.project_dir, args.report.config.as_deref())?;
    policy.check_rule_ids(
        &super::rules::all_rules()
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>(),
    )?;
    policy.resolve_integrities(&sides.head);
    let fail_on = policy.fail_on(args.report.fail_on);
    let npm = NpmConfig::load_allowing(
        &sides.project_dir,
        &args.sources.network.allow_project_credentials,
    )
    .context("reading npm configuration")?;
    wiring::warn_config(&npm);

    let lockfile_policy = wiring::lockfile_policy(&policy, &npm);

    let mut not_evaluated: Vec<NotEvaluated> = Vec::new();
    let db = match args.sources.no_advisories {
        true => None,
        false => match wiring::open_advisories(args.sources.db.as_deref()) {
            Ok(db) => Some(db),
            Err(ne) => {
                not_evaluated.push(ne);
                None
            }
        },
    };
    let client = match args.sources.no_registry {
        true => None,
        false => Some(wiring::registry_client(
            args.sources.offline,
            args.sources.prefer_offline,
            npm,
            &args.sources.network,
        )?),
    };
    if args.sources.metadata && client.is_none() {
        bail!("--metadata needs the registry: drop --no-registry");
    }
    let metadata_policy = wiring::metadata_policy(&policy, &sides.project_dir)?;
    let opts = ReviewOptions {
        lockfile_policy: Some(&lockfile_policy),
        advisories: db.as_ref(),
        registry: client.as_ref(),
        metadata: args.sources.metadata.then_some(&metadata_policy),
        typosquat_allowlist: Some(&metadata_policy.typosquat_allowlist),
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
    wiring::write_report(
        &report,
        args.report.format,
        fail_on,
        args.report.output.as_deref(),
    )?;
    Ok(report.exit_code(fail_on) as u8)
}

fn load_sides(args: &DiffArgs) -> Result<Sides> {
    if let (Some(b), Some(h)) = (&args.base_lockfile, &args.head_lockfile) {
        if args.base.is_some() || args.head.is_some() {
            bail!("give either BASE/HEAD revisions or --base-lockfile/--head-lockfile, not both");
        }
        let omit = args.sources.omit();
        let base = diligence_lockfile::read_lockfile(b)?.omit(omit);
        let head = diligence_lockfile::read_lockfile(h)?.omit(omit);
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
    let omit = args.sources.omit();
    Ok(Sides {
        base: base.omit(omit),
        head: head.omit(omit),
        // The lockfile's folder: the workspace root's when run in a member folder.
        project_dir: path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| dir.clone(), Path::to_path_buf),
        base_label: base_rev,
    })
}
