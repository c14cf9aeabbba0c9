//! One module per subcommand. Each `run` returns the exit code. The report commands share
//! [`common`] (settings from the common flags, the writers) and depend on nothing else in
//! `cmd`; the checks themselves are `diligence_engine`'s.

mod audit;
mod check;
mod common;
mod db;
mod diff;
pub(crate) mod hunt;
mod install;
mod ls;
mod posture;
mod rules;
mod scan;
mod scan_stream;
pub mod vet;

use crate::cli::{Cli, Command};

/// Runs the parsed command; `Err` means "could not evaluate" (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Ls(args) => ls::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Db(cmd) => db::run(cmd),
        Command::Scan(args) if args.stdin => scan_stream::run(&args),
        Command::Scan(args) => scan::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Posture(args) => posture::run(args),
        Command::Check(args) => check::run(args),
        Command::Install(args) => install::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Vet(args) => vet::run(args),
        Command::Hunt(args) => hunt::run(args),
    }
}
