//! `code/steganography`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code reads an image file, decodes data from it and executes it.
    ///
    /// ## What it detects
    /// An image read (`fs.readFile*` of a `.png`/`.jpg`/`.gif`/…) in a file that also decodes and executes data
    /// (decode-exec) or runs code computed at run time (`eval`/`Function` of a non-constant string); a constant
    /// `new Function('return this')` does not count. The path itself (pixels → `Function`, across functions) is
    /// `code/decode-exec`'s.
    ///
    /// ## Why it matters
    /// Image-hidden payloads (the 2024 npm "steganography" droppers) pass review because the code only "loads a
    /// logo".
    ///
    /// ## Example
    /// `eval(decode(fs.readFileSync(__dirname + '/logo.png')))`
    ///
    /// ## Known false positives
    /// Image processing libraries read images and some evaluate templates; both in one file with decode→exec is
    /// rare. Reported only with computed dynamic code in the same file.
    pub static STEGANOGRAPHY = { id: "code/steganography", severity: Severity::Critical };
}

/// One finding per image read in a file that executes dynamic code.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::ImageRead, |f, s| {
        let loc = locality(p, f, s, &[Kind::DecodeExec, Kind::ComputedCode]);
        if loc < Locality::File {
            return None;
        }
        let msg = format!(
            "image `{}` read in a file that executes dynamic code",
            s.detail
        );
        Some(finding(
            &STEGANOGRAPHY,
            STEGANOGRAPHY.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::DecodeExec, Kind::ComputedCode]),
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
                "s.js",
                "const fs = require('fs');\nconst b = fs.readFileSync('logo.png');\neval(b.slice(100).toString());\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/steganography"),
            vec![("s.js".to_string(), 2)]
        );
    }

    #[test]
    fn negative() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "s.js",
                "const fs = require('fs');\nmodule.exports = fs.readFileSync('logo.png');\n",
            ),
        ]);
        assert!(hits(&s, "code/steganography").is_empty());
    }
}
