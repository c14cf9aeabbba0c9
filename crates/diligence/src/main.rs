//! `diligence`: the command-line entry point. Parses arguments (clap), runs one subcommand,
//! and maps its outcome to the exit-code contract: 0 clean, 1 findings at or above the
//! threshold, 2 could not evaluate (including every usage or input error).

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    reset_sigpipe();
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
            // One line, no backtrace: the chain of contexts joined with ": ". Values quoted
            // from inputs (paths, lockfile text) cannot add a line, terminal escapes or a CI
            // workflow command.
            let msg = format!("{e:#}").replace('\n', " ");
            anstream::eprintln!("error: {}", diligence_report::escape::terminal_safe(&msg));
            ExitCode::from(2)
        }
    }
}

/// Restores the default SIGPIPE action (Rust ignores it, which turns `diligence … | head` into
/// a "Broken pipe" panic or error): the process then ends quietly when the reader goes away,
/// as other Unix command-line tools do.
#[cfg(unix)]
fn reset_sigpipe() {
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn reset_sigpipe() {}
