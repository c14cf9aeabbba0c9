//! `code/import-time-dos`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// An unconditional infinite loop at module scope: the package hangs whatever imports it.
    ///
    /// ## What it detects
    /// `while (true)`, `while (1)` or `for (;;)` at the top level of a module with no `break`, `return`, `throw`,
    /// `await`, `yield` or `process.exit` inside. Critical when the loop writes to the console.
    ///
    /// ## Why it matters
    /// colors 1.4.44-liberty-2 (January 2022) hung every consumer with an endless zalgo 'LIBERTY' loop on import:
    /// protestware as denial of service.
    ///
    /// ## Example
    /// `while (true) { console.log('LIBERTY'); }`
    ///
    /// ## Known false positives
    /// Event loops and workers that block on purpose live inside functions or use `await`; a top-level loop that
    /// can never exit has no legitimate use in a library.
    pub static IMPORT_TIME_DOS = { id: "code/import-time-dos", severity: Severity::High };
}

/// One finding per top-level infinite loop.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::InfiniteLoop, |f, s| {
        let sev = if s.detail.contains("console") {
            Severity::Critical
        } else {
            IMPORT_TIME_DOS.default_severity
        };
        Some(finding(
            &IMPORT_TIME_DOS,
            sev,
            f,
            s,
            Locality::Function,
            s.detail.clone(),
            chain(p, f, s, &[]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "l.js",
                "let n = 0;\nwhile (true) {\n  console.log('x' + n++);\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("l.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative_loop_with_break() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "l.js",
                "let n = 0;\nwhile (true) {\n  if (n++ > 3) break;\n}\nfunction f() { for (;;) {} }\n",
            ),
        ]);
        assert!(hits(&s, "code/import-time-dos").is_empty());
    }
}
