//! `diligence audit`: the project's lockfile through every layer of the engine (lockfile
//! rules, advisories, registry cross-checks, `--metadata` packument rules, code, posture),
//! then one report. See `diligence_engine` for what each layer does and how it fails closed.

use super::common;
use crate::cli::AuditArgs;
use anyhow::Result;
use diligence_engine::{Command, Engine, Input};

pub fn run(args: AuditArgs) -> Result<u8> {
    let input = Input::lockfile(&args.project.dir, args.project.lockfile.as_deref())?;
    let settings = common::settings(
        Command::Audit,
        input.project_dir(),
        &args.report,
        &args.sources,
    );
    let run = Engine::new(settings)?.run(input)?;
    common::print_warnings(&run);
    common::write_report(&run, &args.report)?;
    Ok(run.exit_code())
}
