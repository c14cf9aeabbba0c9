//! `diligence`: the command-line entry point. Parses arguments (clap), runs one subcommand,
//! and maps its outcome to the exit-code contract: 0 clean, 1 findings at or above the
//! threshold, 2 could not evaluate (including every usage or input error).

mod cli;
mod cmd;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    reset_sigpipe();
    // A panic the engine catches (one package's analysis; the run goes on) must not print
    // package text raw: its message can quote an input (a slice of a file), so it is escaped
    // like every other value and kept to one line.
    std::panic::set_hook(Box::new(|info| {
        let msg = diligence_engine::panic_message(info.payload());
        let msg: String = msg.chars().take(300).collect::<String>().replace('\n', " ");
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        anstream::eprintln!(
            "internal error{at}: {}",
            diligence_report::escape::terminal_safe(&msg)
        );
    }));
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
