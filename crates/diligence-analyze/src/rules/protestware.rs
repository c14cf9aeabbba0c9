//! `code/protestware`.

use super::{chain, finding, locality, per_signal};
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A geolocation lookup combined with destructive file-system operations (protestware).
    ///
    /// ## What it detects
    /// An IP-geolocation service (ip-api, ipapi, ipinfo, geolocation-db, …) in the same package as recursive
    /// deletes or overwrites (`rm -rf`-style `fs.rm*`, `unlink*`).
    ///
    /// ## Why it matters
    /// node-ipc 10.1.1 (March 2022) looked up the machine's country and overwrote files in Russia and Belarus.
    ///
    /// ## Example
    /// `if (geo.country_code === 'XX') fs.rmSync(dir, { recursive: true })`
    ///
    /// ## Known false positives
    /// Cleanup tools delete recursively and analytics tools look up IP locations; the combination is what is
    /// reported.
    pub static PROTESTWARE = { id: "code/protestware", severity: Severity::Critical };
}

/// One finding per geo lookup in a package that deletes or overwrites files.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    per_signal(p, Kind::GeoLookup, |f, s| {
        let loc = locality(p, f, s, &[Kind::DestructiveFs]);
        if loc == Locality::Alone {
            return None;
        }
        let msg = format!(
            "geolocation lookup `{}` with destructive file operations",
            s.detail
        );
        Some(finding(
            &PROTESTWARE,
            PROTESTWARE.default_severity,
            f,
            s,
            loc,
            msg,
            chain(p, f, s, &[Kind::DestructiveFs, Kind::Network]),
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
                "w.js",
                "const fs = require('fs');\nfetch('https://ipapi.co/json').then(r => r.json()).then(g => {\n  if (g.country === 'XX') fs.rmSync('__test_wipe_target__', { recursive: true });\n});\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/protestware"), vec![("w.js".to_string(), 2)]);
    }

    #[test]
    fn negative_geo_only() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "g.js",
                "fetch('https://ipapi.co/json').then(r => r.json()).then(console.log);\n",
            ),
        ]);
        assert!(hits(&s, "code/protestware").is_empty());
    }
}
