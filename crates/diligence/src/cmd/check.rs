//! `diligence check <spec>…`: vet packages before adding them. Each spec (`name`,
//! `name@range`, `name@tag`) is resolved through its packument with npm's semantics, and the
//! version with its whole dependency closure (resolved the way npm builds its tree: optional
//! peers left out, optional packages of other platforms skipped unless `--all-platforms`) goes
//! through the engine: typosquat (names typed judged as requested; a spec that does not
//! resolve gets "did you mean …?"), advisories, packument metadata rules, and the static
//! analysis of each verified tarball. Ranges and bare names prefer versions whose
//! `engines.node` accepts the Node.js the install runs with (`--node`, else `node --version`).
//!
//! Exit codes: 2 when anything could not be evaluated (a spec that does not resolve, a
//! dependency without a packument, no advisory data); else 1 when a finding is at or above
//! `--fail-on`; else 0.

use super::common;
use crate::cli::CheckArgs;
use anyhow::Result;
use diligence_engine::{Command, Engine, Input};

pub fn run(args: CheckArgs) -> Result<u8> {
    let input = Input::specs(&args.dir, &args.specs);
    let mut settings = common::settings(Command::Check, &args.dir, &args.report, &args.sources);
    settings.all_platforms = args.all_platforms;
    settings.node = args.node.or_else(common::node_version);
    let run = Engine::new(settings)?.run(input)?;
    common::print_warnings(&run);
    common::write_report(&run, &args.report)?;
    Ok(run.exit_code())
}
