//! `code/native-binary`.

use super::{chain, finding, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// The package ships a native executable or addon (ELF, PE, Mach-O, `.node`).
    ///
    /// ## What it detects
    /// Files whose bytes start with an ELF, PE (`MZ`) or Mach-O header, whatever their name.
    ///
    /// ## Why it matters
    /// Native code cannot be read like JavaScript; droppers hide binaries under image or text names. This is a
    /// capability: it never makes a package suspicious on its own.
    ///
    /// ## Example
    /// `prebuilds/linux-x64/addon.node`
    ///
    /// ## Known false positives
    /// Prebuilt addons (esbuild, swc, sharp) are normal; info severity only.
    pub static NATIVE_BINARY = { id: "code/native-binary", severity: Severity::Info };
}

/// One info finding per native binary (at most 20).
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::NativeBinary, |f, s| {
        let msg = format!("native binary ({})", s.detail);
        Some(finding(
            &NATIVE_BINARY,
            NATIVE_BINARY.default_severity,
            f,
            s,
            Locality::Alone,
            msg,
            chain(p, f, s, &[]),
        ))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive_by_content() {
        let s = scan(&[
            ("package.json", PJ),
            ("logo.png", "\u{7f}ELF\u{2}\u{1}\u{1}\u{0}\u{0}"),
        ]);
        assert_eq!(
            hits(&s, "code/native-binary"),
            vec![("logo.png".to_string(), 0)]
        );
    }

    #[test]
    fn negative_text() {
        let s = scan(&[("package.json", PJ), ("a.node", "just text\n")]);
        assert!(hits(&s, "code/native-binary").is_empty());
    }
}
