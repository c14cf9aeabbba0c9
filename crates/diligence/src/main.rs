//! `diligence`: the command-line entry point. Parses arguments (clap), runs one subcommand,
//! and maps its outcome to the exit-code contract: 0 clean, 1 findings at or above the
//! threshold, 2 could not evaluate (including every usage or input error).

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // One line, no backtrace: the chain of contexts joined with ": ".
            let msg = format!("{e:#}").replace('\n', " ");
            anstream::eprintln!("error: {msg}");
            ExitCode::from(2)
        }
    }
}
