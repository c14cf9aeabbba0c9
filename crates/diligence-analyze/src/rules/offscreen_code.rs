//! `code/offscreen-code`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code pushed off-screen: more code after hundreds of blank columns on a line that already holds code.
    ///
    /// ## What it detects
    /// A line of a JavaScript file where at least 300 spaces or tabs follow code and are followed by more code
    /// (20 or more non-blank characters). Indentation does not count. High when the hidden part does something
    /// (the line also carries a capability or an obfuscator fingerprint: network, process, dynamic code, file
    /// writes, environment reads, a string array); medium otherwise.
    ///
    /// ## Why it matters
    /// Editors, diff views and the npm code viewer do not wrap long lines: a payload placed after a wide run of
    /// blanks is invisible unless a reviewer scrolls right. The 2025 rand-user-agent compromise hid its remote
    /// access trojan this way in the compiled `dist` file. No formatter, compiler or minifier leaves such a run
    /// inside a line.
    ///
    /// ## Example
    /// `const pick = (a) => a[0];` followed by 3,000 spaces and `require('child_process').exec(…)` on the same line.
    ///
    /// ## Known false positives
    /// A long run of blanks inside a string or template literal (padding, ASCII art) followed by more code on the
    /// same line. Without a capability on the line it stays medium, a weak signal.
    pub static OFFSCREEN_CODE = { id: "code/offscreen-code", severity: Severity::High };
}

/// Signals on the hidden line that show it does something.
const ACTIVE: &[Kind] = &[
    Kind::Network,
    Kind::Spawn,
    Kind::DynamicCode,
    Kind::FsWrite,
    Kind::EnvRead,
    Kind::Decipher,
    Kind::StringArray,
    Kind::HexIdentifiers,
    Kind::CharCodeDecoder,
];

/// One finding per file with off-screen code.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for f in &p.files {
        let Some(s) = f.signals.iter().find(|s| s.kind == Kind::OffscreenCode) else {
            continue;
        };
        let active: Vec<Kind> = ACTIVE
            .iter()
            .copied()
            .filter(|k| f.signals.iter().any(|o| o.kind == *k && o.line == s.line))
            .collect();
        let (sev, loc) = if active.is_empty() {
            (Severity::Medium, Locality::Alone)
        } else {
            (OFFSCREEN_CODE.default_severity, Locality::File)
        };
        let what: Vec<&str> = active.iter().map(|k| k.as_str()).collect();
        let msg = if what.is_empty() {
            format!("code hidden off-screen: {}", s.detail)
        } else {
            format!("code hidden off-screen ({}): {}", what.join(", "), s.detail)
        };
        out.push(finding(
            &OFFSCREEN_CODE,
            sev,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &active),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, finding, hits, scan};
    use diligence_finding::Severity;

    fn hidden(after: &str) -> String {
        format!(
            "'use strict';\nconst pick = (a) => a[0];{}{after}\nmodule.exports = pick;\n",
            " ".repeat(2000)
        )
    }

    #[test]
    fn positive_exec_after_blanks() {
        let src = hidden("require('child_process').exec('id', () => {});");
        let s = scan(&[("package.json", PJ), ("index.js", &src)]);
        let f = finding(&s, "code/offscreen-code");
        assert_eq!((f.line, f.severity), (2, Severity::High));
        assert!(s.verdict >= crate::Verdict::Suspicious);
    }

    /// Inert code after the blanks is medium: a weak signal, not a verdict.
    #[test]
    fn inert_code_is_medium() {
        let src = hidden("const colours = ['red', 'green', 'blue'];");
        let s = scan(&[("package.json", PJ), ("index.js", &src)]);
        assert_eq!(
            finding(&s, "code/offscreen-code").severity,
            Severity::Medium
        );
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    /// Deep indentation, blank lines of spaces and a short run inside a line are not hiding.
    #[test]
    fn negative_indentation_and_padding() {
        let src = format!(
            "function f() {{\n{}return require('https').get('https://example.com');\n}}\n{}\nconst pad = 'a' + '{}' + 'b';\nmodule.exports = f;\n",
            " ".repeat(400),
            " ".repeat(500),
            " ".repeat(120)
        );
        let s = scan(&[("package.json", PJ), ("index.js", &src)]);
        assert!(hits(&s, "code/offscreen-code").is_empty());
    }

    #[test]
    fn detector_reports_line_column_and_run() {
        let src = format!("a;\nb = 1;{}cccccccccccccccccccccccc\n", "\t".repeat(300));
        assert_eq!(crate::js::offscreen_code(&src), Some((2, 307, 300)));
        assert_eq!(crate::js::offscreen_code("x;\n"), None);
    }
}
