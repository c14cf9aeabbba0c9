//! `code/decode-exec`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Data decoded at run time (base64, hex, char codes, decipher) is executed with eval, Function, vm or module._compile.
    ///
    /// ## What it detects
    /// A call to `eval`, `Function`/`new Function`, `vm.run*`/`vm.Script` or `module._compile` whose argument comes from
    /// `atob`, `Buffer.from(…, 'base64'|'hex')`, `Buffer.from(array)`, `String.fromCharCode`, a decipher, or a variable
    /// holding such data (tracked by symbol through oxc semantic).
    ///
    /// ## Why it matters
    /// Every layered npm dropper ends in this chain (os-info-checker-es6, GlassWorm, the tz/locale payload-in-JSON
    /// samples); legitimate code compiles source it can read, not source it had to hide.
    ///
    /// ## Example
    /// `eval(Buffer.from(blob, 'base64').toString())`
    ///
    /// ## Known false positives
    /// Build tools that ship precompiled templates as base64 and compile them at run time. Reported as high
    /// (suspicious) unless the package also hides code, is obfuscated or networks in the same file.
    pub static DECODE_EXEC = { id: "code/decode-exec", severity: Severity::High };
}

/// One finding per decode→exec site.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = decoded(p);
    out.extend(per_signal(p, Kind::ComputedCode, |f, s| {
        // Code computed at run time next to a char-code/XOR decoder or a decipher in the same
        // function, or in a file with obfuscator fingerprints, or read from a data file.
        let near = |k: Kind| f.signals.iter().any(|o| o.kind == k && o.func == s.func);
        let obfuscated = f.has(Kind::StringArrayRotation) || f.has(Kind::HexIdentifiers);
        let why = if f.has(Kind::CharCodeDecoder) || near(Kind::Decipher) {
            "char-code/decipher output executed"
        } else if obfuscated {
            "computed code executed in obfuscated code"
        } else if near(Kind::DataFileRead) || near(Kind::ImageRead) {
            "a package data file read and executed"
        } else {
            return None;
        };
        if out_has(f, s) {
            return None;
        }
        let msg = format!("{why}: {}", s.detail);
        Some(finding(
            &DECODE_EXEC,
            DECODE_EXEC.default_severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(
                p,
                f,
                s,
                &[Kind::CharCodeDecoder, Kind::Decipher, Kind::DataFileRead],
            ),
        ))
    }));
    out
}

/// True when a decode→exec signal already covers this line.
fn out_has(f: &crate::signal::FileFacts, s: &crate::signal::Signal) -> bool {
    f.of(Kind::DecodeExec).any(|d| d.line == s.line)
}

fn decoded(p: &PackageFacts) -> Vec<CodeFinding> {
    let corroborated = p.has(Kind::HiddenCode)
        || p.has(Kind::InvisibleUnicode)
        || p.has(Kind::StringArrayRotation);
    per_signal(p, Kind::DecodeExec, |f, s| {
        let sev = if corroborated || f.has(Kind::Network) {
            Severity::Critical
        } else {
            DECODE_EXEC.default_severity
        };
        let msg = format!("run-time decoded data executed: {}", s.detail);
        Some(finding(
            &DECODE_EXEC,
            sev,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::DynamicCode, Kind::HiddenCode]),
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
                "a.js",
                "const b = 'Y29uc29sZS5sb2coMSk=';\nconst src = Buffer.from(b, 'base64').toString('utf8');\nnew Function('require', src)(require);\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/decode-exec"), vec![("a.js".to_string(), 3)]);
    }

    #[test]
    fn negative_constant_function() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "var g = Function('return this')();\nmodule.exports = g;\n",
            ),
        ]);
        assert!(hits(&s, "code/decode-exec").is_empty());
    }

    #[test]
    fn positive_xor_char_codes() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "x.js",
                "function run(a, k) {\n  const src = a.map((c) => String.fromCharCode(c ^ k)).join('');\n  return eval(src);\n}\nmodule.exports = run;\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/decode-exec"), vec![("x.js".to_string(), 3)]);
    }

    #[test]
    fn positive_data_file_evaluated() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "x.js",
                "const fs = require('fs');\nfunction load() {\n  const t = fs.readFileSync(__dirname + '/notes.md', 'utf8');\n  return new Function(t.split('<!--')[1])();\n}\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/decode-exec"), vec![("x.js".to_string(), 4)]);
    }
}
