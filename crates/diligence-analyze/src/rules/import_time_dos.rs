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
    /// can never exit has no legitimate use in a library. Benchmarks and examples shipped in the tarball
    /// (`bench.js` looping forever to measure throughput) are not loaded by any entry point (`main`, `exports`,
    /// `bin`, a lifecycle script): in such unreachable files the loop is only low and weighs little.
    pub static IMPORT_TIME_DOS = { id: "code/import-time-dos", severity: Severity::High };
}

/// One finding per top-level infinite loop; low (and `alone`) in a file no entry point reaches.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::InfiniteLoop, |f, s| {
        let (sev, loc, msg) = if !f.reachable && !f.install_time {
            let msg = format!("{} (in a file no entry point loads)", s.detail);
            (Severity::Low, Locality::Alone, msg)
        } else if s.detail.contains("console") {
            (Severity::Critical, Locality::Function, s.detail.clone())
        } else {
            let sev = IMPORT_TIME_DOS.default_severity;
            (sev, Locality::Function, s.detail.clone())
        };
        Some(finding(
            &IMPORT_TIME_DOS,
            sev,
            f,
            s,
            loc,
            msg,
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

    /// A benchmark shipped next to the library (jsonparse's `bench.js`): loops forever, but no
    /// entry point loads it.
    #[test]
    fn unreachable_benchmark_is_low() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"parse.js"}"#,
            ),
            (
                "parse.js",
                "module.exports = function parse(s) { return s; };\n",
            ),
            (
                "bench.js",
                "const parse = require('./parse');\nlet n = 0;\nwhile (true) {\n  parse('x');\n  console.log(n++);\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("bench.js".to_string(), 3)]
        );
        assert_eq!(s.findings[0].severity, diligence_finding::Severity::Low);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    #[test]
    fn reachable_loop_stays_critical() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"lib/index.js"}"#,
            ),
            (
                "lib/index.js",
                "require('./extras/l');\nmodule.exports = 1;\n",
            ),
            (
                "lib/extras/l.js",
                "while (true) {\n  console.log('x');\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("lib/extras/l.js".to_string(), 1)]
        );
        assert_eq!(
            s.findings[0].severity,
            diligence_finding::Severity::Critical
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
