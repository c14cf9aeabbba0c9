//! `code/import-time-dos`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A loop that never ends when the module loads: the package hangs whatever imports it.
    ///
    /// ## What it detects
    /// `while (true)`, `while (1)`, `do … while (true)`, `for (;;)`, or a counting `for` whose test can never fail
    /// (the counter moves away from a constant bound, `for (n = 0; n >= 0; n++)`, or the body resets it to a value
    /// the test accepts) with no `break`, `return`, `throw`, `await`,
    /// `yield` or `process.exit` inside, in code that runs when the module loads: module scope, an immediately
    /// invoked function, a function of the same file that load-time code calls, or an exported function that
    /// another module calls at load (`require('./custom/liberty')(colors)`). Critical when the loop writes to
    /// the console. Also a `while`/`do … while` whose end depends on data and that prints to the console or stdout
    /// with no way out, in a module a consumer's `require` loads (not a `bin`): high, critical when the code around
    /// it compares the current date with a fixed date (a time bomb).
    ///
    /// ## Why it matters
    /// colors 1.4.44-liberty-2 and faker 6.6.6 (January 2022) hung every consumer with an endless loop on import:
    /// protestware as denial of service, in later copies hidden behind a loop condition that is never met and a
    /// release-date gate.
    ///
    /// ## Example
    /// `while (true) { console.log('LIBERTY'); }`
    ///
    /// ## Known false positives
    /// Event loops and workers that block on purpose live inside functions or use `await`; a top-level loop that
    /// can never exit has no legitimate use in a library. Benchmarks and examples shipped in the tarball
    /// (`bench.js` looping forever to measure throughput) are not loaded by any entry point (`main`, `exports`,
    /// `bin`, a lifecycle script): in such unreachable files the loop is only low and weighs little. A command-line
    /// tool's read-print loop lives in its `bin`, which importing the package does not run: the data-dependent
    /// variant is only reported in modules `main`/`exports` load.
    pub static IMPORT_TIME_DOS = { id: "code/import-time-dos", severity: Severity::High };
}

/// One finding per load-time infinite loop; low (and `alone`) in a file no entry point reaches.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let imported = super::at_load::imported(p);
    per_signal(p, Kind::InfiniteLoop, |f, s| {
        // A loop in an exported function runs at load only when load-time code (of this file
        // or, across files, of an importer: `require('./custom/liberty')(colors)`) calls it.
        if s.func != 0 && !f.of(Kind::LoadTime).any(|l| l.func == s.func) {
            return None;
        }
        let forever = s.detail.starts_with("unconditional");
        let (sev, loc, msg) = if !f.reachable && !f.install_time {
            let msg = format!("{} (in a file no entry point loads)", s.detail);
            (Severity::Low, Locality::Alone, msg)
        } else if !forever {
            if !imported.contains(f.path.as_str()) && !f.install_time {
                return None;
            }
            let dated = f.has_in(Kind::TimeGate, s.func) || f.has_in(Kind::TimeGate, 0);
            let sev = if dated {
                Severity::Critical
            } else {
                IMPORT_TIME_DOS.default_severity
            };
            let msg = if dated {
                format!("{} behind a fixed-date gate", s.detail)
            } else {
                s.detail.clone()
            };
            (sev, Locality::Function, msg)
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
            chain(p, f, s, &[Kind::TimeGate]),
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

    /// Compiled OCaml (js_of_ocaml, prettier 2.5's `parser-flow.js`): an inner `for (;;)` in a
    /// callback run at load leaves through `continue outer`.
    #[test]
    fn negative_inner_loop_left_by_a_labelled_continue() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "p.js",
                "register(function (r) {\n  var n = r;\n  r: for (;;) {\n    if (!n) return n;\n    for (var h = n;;) {\n      if (h) { h = h[2]; continue; }\n      n = [0, n];\n      continue r;\n    }\n  }\n});\n",
            ),
        ]);
        assert!(
            hits(&s, "code/import-time-dos").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A loop that `continue`s to its own label never leaves.
    #[test]
    fn positive_loop_continuing_to_its_own_label() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "p.js",
                "spin: for (;;) {\n  for (let i = 0; i < 9; i++) continue spin;\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("p.js".to_string(), 1)]
        );
    }

    /// A never-met loop condition printing forever, in an IIFE behind a release-date gate.
    #[test]
    fn dated_data_dependent_loop_in_an_iife() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const f = (n) => String(n);
(function prime() {
  const since = Date.UTC(2024, 10, 25);
  if (Date.now() < since) return;
  let n = 0, out;
  do {
    out = f(++n);
    if (n % 1000 === 0) process.stdout.write('pay up\\n');
  } while (out.length !== 0);
})();
module.exports = f;
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("index.js".to_string(), 6)]
        );
        assert_eq!(
            s.findings[0].severity,
            diligence_finding::Severity::Critical
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A function of the same file called at module scope loops forever.
    #[test]
    fn loop_in_a_function_called_at_load() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "function spin() {
  for (;;) { console.log('x'); }
}
spin();
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("index.js".to_string(), 2)]
        );
    }

    /// A CLI's read-print loop in its `bin`, and a parse loop in an exported function.
    #[test]
    fn negative_cli_loop_and_exported_function() {
        let s = scan(&[
            ("package.json", r#"{"name":"t","version":"1.0.0","main":"lib.js","bin":{"t":"cli.js"}}"#),
            ("lib.js", "exports.parse = (s) => { let m; const re = /a/g; while ((m = re.exec(s))) { console.log(m[0]); } };
"),
            ("cli.js", "const lines = require('fs').readFileSync(0, 'utf8').split('\\n');
let i = 0;
while (i < lines.length) {
  console.log(lines[i++]);
}
"),
        ]);
        assert!(hits(&s, "code/import-time-dos").is_empty());
    }

    /// The export of a relative module, called when the entry point loads
    /// (`require('./custom/liberty')(colors)`), loops forever printing: the loop runs at load.
    #[test]
    fn loop_in_an_export_another_module_calls_at_load() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"lib/index.js"}"#,
            ),
            (
                "lib/index.js",
                "var colors = require('./colors');\nmodule.exports = colors;\nrequire('./custom/banner')(colors);\n",
            ),
            (
                "lib/colors.js",
                "module.exports = { red: function (s) { return s; } };\n",
            ),
            (
                "lib/custom/banner.js",
                "module['exports'] = function banner(colors) {\n  for (let n = 1; n < Infinity; n++) {\n    console.log(colors.red('x' + n));\n  }\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("lib/custom/banner.js".to_string(), 2)]
        );
        assert_eq!(
            s.findings[0].severity,
            diligence_finding::Severity::Critical
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// The same exported loop that no module calls at load (a server's `listen` forever loop
    /// exported for the caller to start) is not reported.
    #[test]
    fn negative_loop_in_an_export_nobody_calls_at_load() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"lib/index.js"}"#,
            ),
            (
                "lib/index.js",
                "var banner = require('./custom/banner');\nmodule.exports = { banner: banner };\n",
            ),
            (
                "lib/custom/banner.js",
                "module.exports = function banner() {\n  for (;;) {\n    console.log('x');\n  }\n};\n",
            ),
        ]);
        assert!(
            hits(&s, "code/import-time-dos").is_empty(),
            "{:?}",
            s.findings
        );
    }

    #[test]
    fn constant_true_tests() {
        for src in [
            "for (let i = 0; i < Infinity; i++) {}\n",
            "while (!0) {}\n",
            "do {} while (1 === 1);\n",
        ] {
            let s = scan(&[("package.json", PJ), ("index.js", src)]);
            assert_eq!(
                hits(&s, "code/import-time-dos"),
                vec![("index.js".to_string(), 1)],
                "{src}"
            );
        }
    }

    /// colors/faker 2022 hidden behind a counting loop: `n` only grows, so `n >= 0` never
    /// fails, and a reset keeps it small; called at load from the entry, behind a date.
    #[test]
    fn positive_counter_moving_away_from_its_bound() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "flag.js",
                "module.exports = function (s) {\n  if (Date.now() < Date.UTC(2026, 10, 15)) return;\n  for (let n = 0; n >= 0; n++) {\n    process.stdout.write(s(String(n)));\n    if (n > 1e9) n = 0;\n  }\n};\n",
            ),
            (
                "index.js",
                "require('./flag')(String);\nmodule.exports = {};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("flag.js".to_string(), 3)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A bounded counter reset to a value the test accepts: `i < 8` holds forever.
    #[test]
    fn positive_counter_reset_inside_the_loop() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "for (var i = 0; i < 8; i++) {\n  console.log('LIBERTY'.slice(0, i));\n  if (i === 7) i = 0;\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/import-time-dos"),
            vec![("index.js".to_string(), 1)]
        );
    }

    /// Ordinary counting loops: bounded, counting down to a bound, restarting over data whose
    /// length is not constant.
    #[test]
    fn negative_bounded_counting_loops() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const out = [];\nfor (let i = 0; i < 10; i++) console.log(i);\nfor (let j = 10; j >= 0; j--) console.log(j);\nconst xs = [3, 1, 2];\nfor (let k = 0; k < xs.length - 1; k++) {\n  if (xs[k] > xs[k + 1]) { const t = xs[k]; xs[k] = xs[k + 1]; xs[k + 1] = t; k = -1; }\n  console.log(k);\n}\nfor (let m = 5; m > 0; m++) { if (m > 9) break; console.log(m); }\nmodule.exports = out;\n",
            ),
        ]);
        assert!(
            hits(&s, "code/import-time-dos").is_empty(),
            "{:?}",
            s.findings
        );
    }
}
