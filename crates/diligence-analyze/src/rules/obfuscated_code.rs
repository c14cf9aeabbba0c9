//! `code/obfuscated-code`.

use super::{chain, finding, locality};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Obfuscator fingerprints, as opposed to ordinary minification.
    ///
    /// ## What it detects
    /// Whole-file obfuscator fingerprints: a string array behind a decoder function (found and replayed by the
    /// deobfuscator, rotation included), string-array rotation (`a.push(a.shift())`), control-flow flattening
    /// (`while (!![]) switch (order[i++])`), five or more `_0x…` identifiers; and XOR-ed char-code decoders
    /// (`String.fromCharCode(c ^ k)`) and module or API names (`child_process`, `eval`, `require`) that only exist
    /// in encoded form or are assembled at run time. Two obfuscator fingerprints in one file (an obfuscator.io
    /// output) are high and make a dependency suspicious by themselves, wherever the file sits; one is medium.
    /// Minified code (short names, no encoding) does not match.
    ///
    /// ## Why it matters
    /// Obfuscation is how npm malware hides its strings from review and from string-matching scanners (coa/rc 2021,
    /// the hijacked utility releases); legitimate packages minify but rarely obfuscate.
    ///
    /// ## Example
    /// `var _0x4e1f=['cmVxdWlyZQ=='];(function(a,n){while(--n)a['push'](a['shift']())})(_0x4e1f,0x1a3);`
    ///
    /// ## Known false positives
    /// Some commercial packages ship obfuscated licence checks: they are reported on purpose (a reviewer cannot
    /// read them either). One fingerprint alone (a few `_0x` names, one char-code decoder) is medium, a weak
    /// signal.
    pub static OBFUSCATED_CODE = { id: "code/obfuscated-code", severity: Severity::Medium };
}

const FINGERPRINTS: &[Kind] = &[
    Kind::StringArray,
    Kind::StringArrayRotation,
    Kind::ControlFlowFlattening,
    Kind::HexIdentifiers,
    Kind::CharCodeDecoder,
    Kind::HiddenModuleName,
];

/// Fingerprints only an obfuscator leaves across a whole file.
const WHOLE_FILE: &[Kind] = &[
    Kind::StringArray,
    Kind::StringArrayRotation,
    Kind::ControlFlowFlattening,
    Kind::HexIdentifiers,
];

/// One finding per obfuscated file.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for f in &p.files {
        let kinds: std::collections::BTreeSet<Kind> = f
            .signals
            .iter()
            .filter(|s| FINGERPRINTS.contains(&s.kind))
            .map(|s| s.kind)
            .collect();
        let Some(s) = f.signals.iter().find(|s| FINGERPRINTS.contains(&s.kind)) else {
            continue;
        };
        let whole_file = kinds.iter().filter(|k| WHOLE_FILE.contains(k)).count() >= 2;
        let sev = if kinds.len() >= 2 {
            Severity::High
        } else {
            OBFUSCATED_CODE.default_severity
        };
        let loc = locality(p, f, s, &[Kind::DynamicCode, Kind::Network, Kind::Spawn]);
        let loc = match loc {
            // An obfuscator.io file is suspicious by itself: its capabilities are hidden too.
            _ if whole_file => loc.max(Locality::File),
            Locality::Package => Locality::Alone,
            other => other,
        };
        let names: Vec<&str> = kinds.iter().map(|k| k.as_str()).collect();
        let msg = format!("obfuscated code ({})", names.join(", "));
        out.push(finding(
            &OBFUSCATED_CODE,
            sev,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &kinds.iter().copied().collect::<Vec<_>>()),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "o.js",
                "var _0x1a2b=['a','b'];\n(function(_0x3c4d,_0x5e6f){var _0x7a8b=function(_0x9c0d){while(--_0x9c0d){_0x3c4d['push'](_0x3c4d['shift']());}};_0x7a8b(++_0x5e6f);}(_0x1a2b,0x10));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/obfuscated-code"),
            vec![("o.js".to_string(), 1)]
        );
    }

    /// A generated obfuscator.io file with no visible capability at all is suspicious by
    /// itself.
    #[test]
    fn whole_file_obfuscation_is_suspicious_alone() {
        let src = include_str!("../../tests/fixtures/obfuscator-io/base64.js");
        let s = scan(&[("package.json", PJ), ("lib/x.js", src)]);
        let f = crate::rules::test_util::finding(&s, "code/obfuscated-code");
        assert_eq!(f.severity, diligence_finding::Severity::High);
        assert!(s.verdict >= crate::Verdict::Suspicious);
    }

    #[test]
    fn negative_minified() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "m.js",
                "!function(e,t){\"object\"==typeof exports?module.exports=t():e.x=t()}(this,function(){var n={};return function(e){return n[e]||(n[e]=e.split(\"\").reverse().join(\"\"))}});\n",
            ),
        ]);
        assert!(hits(&s, "code/obfuscated-code").is_empty());
    }
}
