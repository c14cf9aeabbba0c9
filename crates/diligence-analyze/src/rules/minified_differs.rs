//! `code/minified-differs`.

use super::{ev, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{FileFacts, Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A minified file does something its own unminified source, shipped beside it, does not.
    ///
    /// ## What it detects
    /// A `name.min.js` (`.min.cjs`, `.min.mjs`) whose source `name.js` ships in the same folder, the package
    /// root, `src/` or `lib/`, and which is at most half again as large as that source (a minified build of it, not
    /// a bundle that adds dependencies), yet has capabilities the source lacks: executing computed code, decoding
    /// or deciphering and running it, hidden module names or hidden code (critical), or spawning processes,
    /// networking, reading credentials or dumping the environment (high).
    ///
    /// ## Why it matters
    /// Reviewers read the source; Node runs `main`. The event-stream / flatmap-stream hijack (2018) shipped a
    /// readable `index.js` and a `main` pointing at `index.min.js` with an appended payload that decrypted a data
    /// file with the package's own metadata and ran it — the minified file was the only place it existed.
    ///
    /// ## Example
    /// `index.js` batches items; `index.min.js` batches items and ends with
    /// `!function(){…new Function("require", a)(require)}()`.
    ///
    /// ## Known false positives
    /// A minified build made with different flags than the shipped source (polyfills injected by a bundler) can gain
    /// `Function`-based global detection; constant `Function("return this")` is not computed code and does not
    /// count. Bundles that inline dependencies are larger than the source and are not compared.
    pub static MINIFIED_DIFFERS = { id: "code/minified-differs", severity: Severity::High };
}

/// Capabilities whose appearance in the minified build alone is critical.
const HIDDEN_EXEC: &[Kind] = &[
    Kind::ComputedCode,
    Kind::DecodeExec,
    Kind::HiddenCode,
    Kind::HiddenModuleName,
    Kind::Decipher,
    Kind::RemoteExec,
    Kind::ReverseShell,
];

/// Capabilities whose appearance in the minified build alone is high.
const OTHER: &[Kind] = &[
    Kind::Spawn,
    Kind::Network,
    Kind::CredentialPath,
    Kind::EnvDump,
    Kind::DataFileRead,
];

/// Most a minified build may exceed its source by (bytes ratio).
const MAX_GROWTH: f64 = 1.5;

/// The unminified source of `min` (`dir/name.min.js`): `dir/name.js`, `name.js`,
/// `src/name.js` or `lib/name.js` (same extension family).
fn source_of<'p>(p: &'p PackageFacts, min: &FileFacts) -> Option<&'p FileFacts> {
    let (dir, file) = match min.path.rsplit_once('/') {
        Some((d, f)) => (Some(d), f),
        None => (None, min.path.as_str()),
    };
    let (name, ext) = [".min.js", ".min.cjs", ".min.mjs"]
        .iter()
        .find_map(|e| file.strip_suffix(e).map(|n| (n, &e[4..])))?;
    let mut candidates = Vec::new();
    if let Some(d) = dir {
        candidates.push(format!("{d}/{name}{ext}"));
    }
    for d in ["", "src/", "lib/"] {
        candidates.push(format!("{d}{name}{ext}"));
    }
    candidates.iter().find_map(|c| {
        p.files
            .iter()
            .find(|f| &f.path == c && f.kind == FileKind::JavaScript && !f.has(Kind::Unparsed))
    })
}

/// One finding per minified file that gained capabilities over its source.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for min in &p.files {
        if min.kind != FileKind::JavaScript {
            continue;
        }
        let Some(src) = source_of(p, min) else {
            continue;
        };
        let (Some(min_text), Some(src_text)) = (&min.text, &src.text) else {
            continue;
        };
        if min_text.len() as f64 > src_text.len() as f64 * MAX_GROWTH {
            continue;
        }
        let gained: Vec<Kind> = HIDDEN_EXEC
            .iter()
            .chain(OTHER)
            .copied()
            .filter(|k| min.has(*k) && !src.has(*k))
            .collect();
        let Some(s) = min.signals.iter().find(|s| gained.contains(&s.kind)) else {
            continue;
        };
        let sev = if gained.iter().any(|k| HIDDEN_EXEC.contains(k)) {
            Severity::Critical
        } else {
            MINIFIED_DIFFERS.default_severity
        };
        let names: Vec<&str> = gained.iter().map(|k| k.as_str()).collect();
        let msg = format!(
            "`{}` does what its source `{}` does not ({})",
            min.path,
            src.path,
            names.join(", ")
        );
        let evidence = min
            .signals
            .iter()
            .filter(|o| gained.contains(&o.kind))
            .take(6)
            .map(|o| ev(min, o))
            .collect();
        out.push(finding(
            &MINIFIED_DIFFERS,
            sev,
            min,
            s,
            Locality::Function,
            msg,
            evidence,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};

    const PJ: &str = r#"{"name":"batch","version":"1.0.0","main":"index.min.js"}"#;
    const SRC: &str = "'use strict';\nvar Transform = require('stream').Transform;\nfunction Batch(opts) {\n  if (!(this instanceof Batch)) return new Batch(opts);\n  opts = opts || {};\n  Transform.call(this, { objectMode: true });\n  this.size = opts.size || 100;\n  this.items = [];\n}\nBatch.prototype._transform = function (item, enc, cb) {\n  this.items.push(item);\n  if (this.items.length >= this.size) { this.push(this.items); this.items = []; }\n  cb();\n};\nmodule.exports = Batch;\n";
    const MIN: &str = "\"use strict\";var Transform=require(\"stream\").Transform;function Batch(t){if(!(this instanceof Batch))return new Batch(t);t=t||{},Transform.call(this,{objectMode:!0}),this.size=t.size||100,this.items=[]}Batch.prototype._transform=function(t,s,i){this.items.push(t),this.items.length>=this.size&&(this.push(this.items),this.items=[]),i()},module.exports=Batch;\n";

    #[test]
    fn positive_payload_appended_to_the_minified_main() {
        let payload = "!function(){try{var r=require,d=r(\"./test/fixture.json\");new Function(\"require\",Buffer.from(d[0],\"hex\").toString())(r)}catch(e){}}();\n";
        let min = format!("{MIN}{payload}");
        let s = scan(&[
            ("package.json", PJ),
            ("index.js", SRC),
            ("index.min.js", &min),
            ("test/fixture.json", "[\"00\"]"),
        ]);
        assert_eq!(
            hits(&s, "code/minified-differs"),
            vec![("index.min.js".to_string(), 2)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// The minified build of the same source: nothing gained.
    #[test]
    fn negative_faithful_minified_build() {
        let s = scan(&[
            ("package.json", PJ),
            ("index.js", SRC),
            ("index.min.js", MIN),
        ]);
        assert!(hits(&s, "code/minified-differs").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// A UMD bundle that inlines an HTTP client is much larger than the source: not compared.
    #[test]
    fn negative_bundle_with_dependencies() {
        let client = "var https=require(\"https\");function get(u,c){https.get(u,function(r){var b=\"\";r.on(\"data\",function(d){b+=d}),r.on(\"end\",function(){c(b)})})}".repeat(4);
        let min = format!("{client}{MIN}");
        let s = scan(&[
            ("package.json", PJ),
            ("index.js", SRC),
            ("dist/index.min.js", &min),
        ]);
        assert!(hits(&s, "code/minified-differs").is_empty());
    }
}
