//! `diligence diff [BASE] [HEAD]`: pull-request review. The lockfile at the base revision and
//! at the head (or the working tree), or two files given with `--base-lockfile` and
//! `--head-lockfile`, go to the engine as a delta: the `diff/…` change findings, the lockfile
//! and advisory findings the base did not have, and every other layer (typosquat, registry
//! cross-checks, metadata, the code delta) on the added and changed entries.
//!
//! Trust boundary: on git revisions the policy is the base revision's `diligence.toml` (or
//! `--config`) and the project `.npmrc` the base revision's, never the head's, and a head that adds, changes or removes `diligence.toml`
//! or `.npmrc` is a `diff/config-changed` finding. The same holds for the audit ledger
//! (`supply-chain/`): the base revision's decides which added or upgraded packages are
//! `vet/unaudited`; entries the head adds are `vet/certified-in-change` (see
//! `diligence_vet::delta`).
//!
//! Exit codes: 2 when something could not be evaluated (or on bad input/config), else 1 when a
//! *new* finding is at or above `--fail-on`, else 0. Findings the base already had never fail
//! the run.

use super::common;
use crate::cli::DiffArgs;
use anyhow::{Result, bail};
use diligence_engine::{Command, Engine, Input};

pub fn run(args: DiffArgs) -> Result<u8> {
    let input = match (&args.base_lockfile, &args.head_lockfile) {
        (Some(b), Some(h)) => {
            if args.base.is_some() || args.head.is_some() {
                bail!(
                    "give either BASE/HEAD revisions or --base-lockfile/--head-lockfile, not both"
                );
            }
            Input::files_delta(b, h)?
        }
        _ => Input::git_delta(
            &args.dir,
            args.lockfile.as_deref(),
            args.base.as_deref(),
            args.head.as_deref(),
        )
        .map_err(|e| {
            // A revision git cannot resolve that names a file: the user meant the file flags.
            let files: Vec<&str> = [&args.base, &args.head]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .filter(|rev| looks_like_lockfile_path(rev, &args.dir))
                .collect();
            if files.is_empty() {
                anyhow::Error::from(e)
            } else {
                anyhow::anyhow!(
                    "`{}` is a file, not a git revision: compare two lockfiles with \
                     --base-lockfile FILE --head-lockfile FILE",
                    files.join(" ")
                )
            }
        })?,
    };
    let mut settings = common::settings(
        Command::Diff,
        input.project_dir(),
        &args.report,
        &args.sources,
    );
    // The base revision's diligence.toml and .npmrc govern the review, never the head's
    // (--config wins for the policy).
    settings.trusted_config = input.trusted_config();
    let run = Engine::new(settings)?.run(input)?;
    common::print_warnings(&run);
    common::write_report(&run, &args.report)?;
    Ok(run.exit_code())
}

/// True when a BASE/HEAD argument names an existing file (relative to the current folder or
/// the project) rather than a revision: the user meant `--base-lockfile`/`--head-lockfile`.
fn looks_like_lockfile_path(rev: &str, dir: &std::path::Path) -> bool {
    let p = std::path::Path::new(rev);
    p.is_file() || dir.join(p).is_file()
}
