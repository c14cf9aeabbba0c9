//! One module per subcommand. Each `run` returns the exit code.

mod audit;
pub mod check;
mod code_layer;
mod db;
pub(crate) mod diff;
pub mod install;
mod ls;
pub mod posture;
mod rules;
mod scan;
pub mod vet;
mod wiring;

use crate::cli::{Cli, Command};

/// Runs the parsed command; `Err` means "could not evaluate" (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Ls(args) => ls::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Db(cmd) => db::run(cmd),
        Command::Scan(args) => scan::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Posture(args) => posture::run(args),
        Command::Check(args) => check::run(args),
        Command::Install(args) => install::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Vet(args) => vet::run(args),
    }
}
