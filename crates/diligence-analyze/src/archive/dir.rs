//! Read-only loading of a package folder with the same limits as tarballs.

use super::{AnomalyLog, ArchiveLimits, Effect, MAX_STRINGS, PackageFile, Unpacked, large::Digest};
use std::io::Read;
use std::path::{Component, Path};

/// Reads a package folder read-only: regular files only, symlinks reported and not followed,
/// files over [`ArchiveLimits::max_file_bytes`] streamed, the same limits as for tarballs
/// (every folder entry counts against [`ArchiveLimits::max_entries`]). `label.json` and
/// `registry-manifest.json` at the root are corpus metadata, not package content: they are
/// skipped. `node_modules` and `.git` at the root are not package content either, except the
/// bundled dependencies that `npm pack` puts in the tarball: `node_modules/<name>` for each name
/// the root `package.json` lists in `bundleDependencies`/`bundledDependencies` (all of
/// `dependencies` and `optionalDependencies` when it is `true`), and the dependencies of those
/// that were hoisted to the root `node_modules` (npm packs a bundled dependency's whole
/// subtree, wherever the installer put it). npm installs those from the tarball and runs
/// their lifecycle scripts, so a folder read must see what a tarball read sees.
pub fn read_dir(root: &Path, limits: &ArchiveLimits) -> std::io::Result<Unpacked> {
    let meta = std::fs::symlink_metadata(root)?;
    if !meta.is_dir() {
        return Err(std::io::Error::other("not a directory"));
    }
    let mut out = Unpacked::default();
    let mut log = AnomalyLog::default();
    let mut memory = 0u64;
    let mut entries_seen = 0u64;
    let mut stack = vec![root.to_path_buf()];
    // Bundled dependencies: real folders only (a symlinked one is reported when the walk
    // reaches it through its parent folder, which it does not here, so check it now).
    let modules = root.join("node_modules");
    let mut bundled = bundled_names(root, limits);
    if !bundled.is_empty() {
        if real_dir(&modules) {
            // Sorted and de-duplicated.
            bundled = with_hoisted(&modules, bundled, limits);
        } else {
            // A symlinked node_modules would lead the read out of the package.
            if std::fs::symlink_metadata(&modules).is_ok_and(|m| m.file_type().is_symlink()) {
                log.push(
                    "node_modules",
                    "symlink (not followed)".to_string(),
                    Effect::Hostile,
                );
            }
            bundled.clear();
        }
    }
    for name in bundled {
        let dir = modules.join(&name);
        if let Some((scope, _)) = name.split_once('/')
            && !real_dir(&modules.join(scope))
        {
            continue;
        }
        match std::fs::symlink_metadata(&dir) {
            Ok(m) if m.is_dir() => stack.push(dir),
            Ok(m) if m.file_type().is_symlink() => log.push(
                &format!("node_modules/{name}"),
                "bundled dependency is a symlink (not followed)".to_string(),
                Effect::Hostile,
            ),
            _ => {}
        }
    }
    'walk: while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            entries_seen += 1;
            if entries_seen > limits.max_entries {
                log.push(
                    "",
                    format!(
                        "more than {} folder entries: reading stopped",
                        limits.max_entries
                    ),
                    Effect::Incomplete,
                );
                break 'walk;
            }
            let path = entry.path();
            let rel = relative(root, &path);
            let ft = entry.file_type()?;
            if ft.is_symlink() {
                let target = std::fs::read_link(&path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                log.push(
                    &rel,
                    format!("symlink to `{target}` (not followed)"),
                    Effect::Hostile,
                );
                continue;
            }
            if ft.is_dir() {
                if rel != "node_modules" && rel != ".git" {
                    stack.push(path);
                }
                continue;
            }
            if !ft.is_file() || is_corpus_metadata(&rel) {
                continue;
            }
            if out.files.len() + out.large.len() >= limits.max_files {
                log.push(
                    "",
                    format!("more than {} files: reading stopped", limits.max_files),
                    Effect::Incomplete,
                );
                break 'walk;
            }
            let size = entry.metadata()?.len();
            if size > limits.max_file_bytes {
                let budget = MAX_STRINGS.min(limits.max_total_bytes.saturating_sub(memory));
                let mut digest = Digest::new(budget as usize);
                let mut file = std::fs::File::open(&path)?;
                let mut chunk = vec![0u8; 64 * 1024];
                loop {
                    let n = file.read(&mut chunk)?;
                    if n == 0 {
                        break;
                    }
                    digest.update(&chunk[..n]);
                }
                memory += digest.strings_len() as u64;
                out.large.push(digest.finish(rel));
                continue;
            }
            if memory + size > limits.max_total_bytes {
                log.push(
                    "",
                    format!(
                        "more than {} bytes: reading stopped",
                        limits.max_total_bytes
                    ),
                    Effect::Incomplete,
                );
                break 'walk;
            }
            let bytes = std::fs::read(&path)?;
            memory += bytes.len() as u64;
            out.files.push(PackageFile { path: rel, bytes });
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out.large.sort_by(|a, b| a.path.cmp(&b.path));
    out.anomalies = log.finish();
    Ok(out)
}

/// Most package folders [`with_hoisted`] reads the manifest of (the walk's own limits bound
/// the files read after it).
const MAX_BUNDLE_MANIFESTS: usize = 10_000;

/// `names` (bundled dependencies, folders of `modules`) plus every root-level `modules/<dep>`
/// that one of their subtrees resolves a dependency to, as Node and npm resolve it: from a
/// package folder up through each enclosing `node_modules` to the root's. Folders are real
/// folders only (no symlink is followed); names are npm-name shaped; sorted, de-duplicated.
fn with_hoisted(modules: &Path, names: Vec<String>, limits: &ArchiveLimits) -> Vec<String> {
    let mut top: std::collections::BTreeSet<String> = names.into_iter().collect();
    // Package folders to read, as paths relative to `modules` (`a`, `a/node_modules/b`).
    let mut queue: Vec<String> = top.iter().cloned().collect();
    let mut read = 0usize;
    while let Some(rel) = queue.pop() {
        read += 1;
        if read > MAX_BUNDLE_MANIFESTS {
            break;
        }
        for dep in manifest_dependencies(&modules.join(&rel), limits) {
            // Nearest `node_modules/<dep>` from `rel` upwards; `None` = not installed.
            let mut base = Some(rel.as_str());
            let found = loop {
                let Some(b) = base else {
                    break (real_dir(&modules.join(&dep))).then(|| dep.clone());
                };
                let candidate = format!("{b}/node_modules/{dep}");
                if real_dir(&modules.join(&candidate)) {
                    break Some(candidate);
                }
                base = b.rfind("/node_modules/").map(|i| &b[..i]);
            };
            let Some(found) = found else { continue };
            if found == dep {
                if top.insert(dep.clone()) {
                    queue.push(dep);
                }
            } else if found.len() > rel.len() {
                // Nested below this folder: read by the walk; its own deps may be hoisted.
                queue.push(found);
            }
        }
    }
    top.into_iter().collect()
}

/// `dir/package.json` parsed; `None` when absent, a symlink, over
/// [`ArchiveLimits::max_file_bytes`], unreadable or not JSON.
fn read_manifest(dir: &Path, limits: &ArchiveLimits) -> Option<serde_json::Value> {
    let path = dir.join("package.json");
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > limits.max_file_bytes {
        return None;
    }
    serde_json::from_slice(&std::fs::read(&path).ok()?).ok()
}

/// The `dependencies` and `optionalDependencies` names of a manifest (unfiltered).
fn dependency_names(doc: &serde_json::Value) -> impl Iterator<Item = String> + '_ {
    ["dependencies", "optionalDependencies"]
        .into_iter()
        .filter_map(|k| doc.get(k).and_then(|d| d.as_object()))
        .flat_map(|d| d.keys().cloned())
}

/// The npm-name-shaped dependency names of `dir/package.json` (see [`read_manifest`]).
fn manifest_dependencies(dir: &Path, limits: &ArchiveLimits) -> Vec<String> {
    read_manifest(dir, limits).map_or_else(Vec::new, |doc| {
        dependency_names(&doc).filter(|n| safe_name(n)).collect()
    })
}

/// The bundled dependency names of the root `package.json` (see [`read_manifest`]); only names
/// that are one folder, or `@scope/name`, with no `.`/`..` segment. An unreadable or invalid
/// manifest bundles nothing (the analyser reports the manifest itself).
fn bundled_names(root: &Path, limits: &ArchiveLimits) -> Vec<String> {
    let Some(doc) = read_manifest(root, limits) else {
        return Vec::new();
    };
    let list = doc
        .get("bundleDependencies")
        .or_else(|| doc.get("bundledDependencies"));
    let names: Vec<String> = match list {
        Some(serde_json::Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(serde_json::Value::Bool(true)) => dependency_names(&doc).collect(),
        _ => Vec::new(),
    };
    names.into_iter().filter(|n| safe_name(n)).collect()
}

/// A real folder (not a symlink to one).
fn real_dir(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir())
}

/// One path segment, or `@scope/name`, of npm name characters (ASCII letters, digits, `-`,
/// `.`, `_`, `~`; no `:` or backslash, so no drive prefix); no empty, `.` or `..` segment.
fn safe_name(name: &str) -> bool {
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~@/".contains(&b))
    {
        return false;
    }
    let segments: Vec<&str> = name.split('/').collect();
    let shape = match segments.as_slice() {
        [one] => !one.starts_with('@'),
        [scope, _] => scope.starts_with('@') && scope.len() > 1,
        _ => false,
    };
    shape
        && segments
            .iter()
            .all(|s| !s.is_empty() && *s != "." && *s != "..")
}

fn is_corpus_metadata(rel: &str) -> bool {
    rel == "label.json" || rel == "registry-manifest.json"
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    fn paths(root: &Path) -> Vec<String> {
        read_dir(root, &ArchiveLimits::default())
            .unwrap()
            .files
            .into_iter()
            .map(|f| f.path)
            .collect()
    }

    #[test]
    fn bundled_dependencies_are_package_content() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        write(
            r,
            "package.json",
            r#"{"name":"a","version":"1.0.0","dependencies":{"b":"1","@s/c":"1","d":"1"},"bundleDependencies":["b","@s/c","../../etc","@s/../x"]}"#,
        );
        write(r, "index.js", "module.exports = 1;\n");
        write(
            r,
            "node_modules/b/package.json",
            r#"{"name":"b","scripts":{"postinstall":"node i.js"}}"#,
        );
        write(r, "node_modules/b/i.js", "1;\n");
        write(r, "node_modules/@s/c/index.js", "2;\n");
        // Installed, not bundled: not in the tarball npm packs.
        write(r, "node_modules/d/index.js", "3;\n");
        write(r, ".git/config", "[core]\n");
        assert_eq!(
            paths(r),
            [
                "index.js",
                "node_modules/@s/c/index.js",
                "node_modules/b/i.js",
                "node_modules/b/package.json",
                "package.json"
            ]
        );
    }

    /// A symlinked `node_modules` (or scope folder) is not followed: `node_modules -> $HOME`
    /// with `"bundleDependencies": [".ssh"]` would read the user's keys as package files.
    #[cfg(unix)]
    #[test]
    fn bundled_names_never_leave_the_package() {
        let outside = tempfile::tempdir().unwrap();
        write(outside.path(), ".ssh/id_rsa", "KEY\n");
        write(outside.path(), "b/index.js", "1;\n");
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        write(
            r,
            "package.json",
            r#"{"name":"a","bundleDependencies":[".ssh","b","C:x","a\\b"]}"#,
        );
        std::os::unix::fs::symlink(outside.path(), r.join("node_modules")).unwrap();
        let u = read_dir(r, &ArchiveLimits::default()).unwrap();
        let files: Vec<_> = u.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(files, ["package.json"]);
        assert!(
            u.anomalies.iter().any(|a| a.path == "node_modules"),
            "{:?}",
            u.anomalies
        );
        assert!(!safe_name("C:x") && !safe_name("a\\b") && safe_name("@s/c.js"));
    }

    #[test]
    fn bundle_all_and_no_bundle() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        write(
            r,
            "package.json",
            r#"{"name":"a","dependencies":{"b":"1"},"bundledDependencies":true}"#,
        );
        write(r, "node_modules/b/index.js", "1;\n");
        assert_eq!(paths(r), ["node_modules/b/index.js", "package.json"]);
        write(
            r,
            "package.json",
            r#"{"name":"a","dependencies":{"b":"1"}}"#,
        );
        assert_eq!(paths(r), ["package.json"]);
    }

    /// npm packs a bundled dependency's subtree wherever the installer hoisted it, and
    /// `bundleDependencies: true` bundles optional dependencies too.
    #[test]
    fn hoisted_dependencies_of_bundled_ones_are_read() {
        let t = tempfile::tempdir().unwrap();
        let r = t.path();
        write(
            r,
            "package.json",
            r#"{"name":"a","dependencies":{"b":"1"},"optionalDependencies":{"o":"1"},"bundleDependencies":true}"#,
        );
        write(
            r,
            "node_modules/b/package.json",
            r#"{"name":"b","dependencies":{"c":"1","n":"1","missing":"1"}}"#,
        );
        write(
            r,
            "node_modules/b/node_modules/n/package.json",
            r#"{"name":"n","dependencies":{"d":"1"}}"#,
        );
        write(
            r,
            "node_modules/c/package.json",
            r#"{"name":"c","dependencies":{"b":"1"}}"#,
        );
        write(r, "node_modules/d/index.js", "1;\n");
        write(r, "node_modules/n/index.js", "not this one;\n");
        write(r, "node_modules/o/index.js", "1;\n");
        write(r, "node_modules/unrelated/index.js", "1;\n");
        assert_eq!(
            paths(r),
            [
                "node_modules/b/node_modules/n/package.json",
                "node_modules/b/package.json",
                "node_modules/c/package.json",
                "node_modules/d/index.js",
                "node_modules/o/index.js",
                "package.json"
            ]
        );
    }
}
