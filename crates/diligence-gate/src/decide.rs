//! The install decision: proceed, ask, or refuse — never fail open.
//!
//! 1. Findings at or above the threshold: without `--yes`, ask on a terminal (default no) when
//!    nothing else blocks, else refuse with exit 1 — the exit-code contract of every command
//!    (1 wins over 2).
//! 2. Anything unvetted (a package or layer that could not be checked, a failed planning run:
//!    every not-evaluated record that is not about one rule, see
//!    [`diligence_finding::NotEvaluated::rule`]) refuses with exit 2, unless the user passed
//!    `--force-unvetted`. Rule-level gaps (a mirror that strips `maintainers`) are reported,
//!    not blocking.
//! 3. Otherwise proceed.

use diligence_finding::{Report, Severity};
use std::io::{BufRead, Write};

/// The user's switches and the environment.
#[derive(Debug, Clone, Copy)]
pub struct GateOptions {
    /// Findings at or above this block the install.
    pub fail_on: Severity,
    /// Install despite blocking findings (`--yes`).
    pub yes: bool,
    /// Install even when vetting could not be done (`--force-unvetted`).
    pub force_unvetted: bool,
    /// Standard input and error are a terminal, so the user can be asked.
    pub interactive: bool,
}

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Proceed,
    /// Ask the user (default no); `blocking` findings at or above the threshold.
    Ask {
        blocking: usize,
    },
    /// Do not install; exit with `exit_code`.
    Refuse {
        reason: RefuseReason,
        exit_code: u8,
    },
}

/// Why the gate refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefuseReason {
    /// Vetting could not be done (exit 2).
    Unvetted { gaps: usize },
    /// Findings at or above the threshold and no terminal to ask (exit 1).
    Findings { blocking: usize },
}

/// The not-evaluated records of `report` that block an install (not rule-level).
pub fn unvetted(report: &Report) -> usize {
    report
        .not_evaluated
        .iter()
        .filter(|ne| ne.rule().is_none())
        .count()
}

/// Decides (see the module docs).
pub fn decide(report: &Report, opts: &GateOptions) -> Decision {
    let gaps = unvetted(report);
    let gaps_block = gaps > 0 && !opts.force_unvetted;
    let blocking = report
        .findings
        .iter()
        .filter(|f| f.severity >= opts.fail_on)
        .count();
    if blocking > 0 && !opts.yes {
        if opts.interactive && !gaps_block {
            return Decision::Ask { blocking };
        }
        return Decision::Refuse {
            reason: RefuseReason::Findings { blocking },
            exit_code: 1,
        };
    }
    if gaps_block {
        return Decision::Refuse {
            reason: RefuseReason::Unvetted { gaps },
            exit_code: 2,
        };
    }
    Decision::Proceed
}

/// Asks `question [y/N]` on `out` and reads one line from `input`: only `y` or `yes` (any
/// case) is a yes; an empty line, anything else, end of input or a read error is a no.
pub fn confirm(question: &str, input: &mut dyn BufRead, out: &mut dyn Write) -> bool {
    if write!(out, "{question} [y/N] ")
        .and_then(|_| out.flush())
        .is_err()
    {
        return false;
    }
    let mut line = String::new();
    if input.read_line(&mut line).is_err() {
        return false;
    }
    matches!(line.trim().to_ascii_lowercase().as_str(), "y" | "yes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_finding::{Finding, NotEvaluated, Rule, Target};

    static RULE: Rule = Rule {
        id: "code/demo",
        default_severity: Severity::High,
        summary: "s",
        doc: "d",
    };

    fn vetting(severities: &[Severity], gaps: usize) -> Report {
        let findings = severities
            .iter()
            .map(|s| Finding::new(&RULE, "m").severity(*s))
            .collect();
        let mut not_evaluated: Vec<NotEvaluated> = (0..gaps)
            .map(|i| NotEvaluated::new(format!("code scan of p{i}@1.0.0"), "x"))
            .collect();
        // Rule-level gaps never block.
        not_evaluated.push(NotEvaluated::new(
            "metadata/new-publisher of p@1.0.0",
            "the registry serves no _npmUser",
        ));
        let target = Target {
            path: "p".into(),
            lockfile: None,
        };
        Report::new(target, 1, findings, not_evaluated)
    }

    fn opts(yes: bool, force: bool, tty: bool) -> GateOptions {
        GateOptions {
            fail_on: Severity::High,
            yes,
            force_unvetted: force,
            interactive: tty,
        }
    }

    #[test]
    fn never_fails_open() {
        let v = vetting(&[], 1);
        let refuse = Decision::Refuse {
            reason: RefuseReason::Unvetted { gaps: 1 },
            exit_code: 2,
        };
        assert_eq!(decide(&v, &opts(true, false, true)), refuse);
        assert_eq!(decide(&v, &opts(false, true, false)), Decision::Proceed);
        // Findings at the threshold and a gap: exit 1 like every command; never asked.
        let both = vetting(&[Severity::High], 1);
        let refuse = Decision::Refuse {
            reason: RefuseReason::Findings { blocking: 1 },
            exit_code: 1,
        };
        assert_eq!(decide(&both, &opts(false, false, true)), refuse);
        let unvetted = Decision::Refuse {
            reason: RefuseReason::Unvetted { gaps: 1 },
            exit_code: 2,
        };
        assert_eq!(decide(&both, &opts(true, false, true)), unvetted);
    }

    #[test]
    fn threshold_tty_and_yes() {
        let v = vetting(&[Severity::Medium, Severity::High, Severity::Critical], 0);
        assert_eq!(
            decide(&v, &opts(false, false, true)),
            Decision::Ask { blocking: 2 }
        );
        let refuse = Decision::Refuse {
            reason: RefuseReason::Findings { blocking: 2 },
            exit_code: 1,
        };
        assert_eq!(decide(&v, &opts(false, false, false)), refuse);
        assert_eq!(decide(&v, &opts(true, false, false)), Decision::Proceed);
        let below = vetting(&[Severity::Medium, Severity::Low], 0);
        assert_eq!(
            decide(&below, &opts(false, false, false)),
            Decision::Proceed
        );
    }

    #[test]
    fn confirm_defaults_to_no() {
        let ask = |answer: &str| {
            let mut out = Vec::new();
            let yes = confirm("Install?", &mut answer.as_bytes(), &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), "Install? [y/N] ");
            yes
        };
        assert!(ask("y\n"));
        assert!(ask("YES\n"));
        assert!(!ask("\n"));
        assert!(!ask(""));
        assert!(!ask("no\n"));
        assert!(!ask("yep\n"));
    }
}
