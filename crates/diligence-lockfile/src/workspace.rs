//! Finding the lockfile of a workspace member: run in `packages/web` of a monorepo, the
//! lockfile is the workspace root's, as npm, yarn, pnpm and bun keep one lockfile per
//! workspace root.
//!
//! Walking up from the folder, the first ancestor that holds a lockfile is taken when it is
//! the folder's own project (no `package.json` in between: the folder is a plain sub-folder
//! such as `src/`) or a workspace root whose globs (`package.json` `workspaces`, array or
//! `{"packages": [...]}`, or `pnpm-workspace.yaml` `packages`) include the nearest package
//! folder on the way. Any other lockfile is another project's: the walk stops there.

use crate::manifest::Manifest;
use std::path::{Component, Path, PathBuf};

/// Most folders walked up from the starting folder.
const MAX_DEPTH: usize = 64;

/// The workspace root above `dir` (a folder holding no lockfile) and the lockfile names it
/// holds, as a path written from `dir` (`../..` for `packages/web`, lexically normalised so a
/// relative `dir` gives a relative root). `None` when no ancestor qualifies.
pub(crate) fn find_root(dir: &Path, names: &[&str]) -> Option<PathBuf> {
    let start = dir.canonicalize().ok()?;
    // The nearest package folder at or above `dir`, relative to each ancestor when checked.
    let mut member: Option<PathBuf> = start.join("package.json").is_file().then(|| start.clone());
    let mut up = 0usize;
    let mut current = start.as_path();
    while let Some(parent) = current.parent() {
        up += 1;
        if up > MAX_DEPTH {
            return None;
        }
        if names.iter().any(|n| parent.join(n).is_file()) {
            let ok = match &member {
                // A plain sub-folder of the project that holds the lockfile.
                None => true,
                Some(m) => {
                    let rel = m.strip_prefix(parent).ok()?;
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    workspace_globs(parent).is_some_and(|globs| is_member(&rel, &globs))
                }
            };
            return ok.then(|| written_from(dir, up));
        }
        if member.is_none() && parent.join("package.json").is_file() {
            member = Some(parent.to_path_buf());
        }
        current = parent;
    }
    None
}

/// `dir` followed by `up` `..`, lexically normalised (`packages/web` + 2 → `.`).
fn written_from(dir: &Path, up: usize) -> PathBuf {
    let mut parts: Vec<Component<'_>> = Vec::new();
    for c in dir.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(parts.last(), Some(Component::Normal(_))) => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    for _ in 0..up {
        match parts.last() {
            Some(Component::Normal(_)) => {
                parts.pop();
            }
            // Above the root is the root.
            Some(Component::RootDir | Component::Prefix(_)) => {}
            _ => parts.push(Component::ParentDir),
        }
    }
    if parts.is_empty() {
        PathBuf::from(".")
    } else {
        parts.iter().collect()
    }
}

/// The workspace globs a folder declares, `None` when it declares none.
fn workspace_globs(root: &Path) -> Option<Vec<String>> {
    let mut globs = Vec::new();
    if let Ok(Some(m)) = Manifest::read_optional(&root.join("package.json"))
        && let Some(ws) = &m.workspaces
    {
        let list = ws.as_array().or_else(|| ws.get("packages")?.as_array());
        globs.extend(
            list.into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(String::from)),
        );
    }
    if let Ok(text) = read_small(&root.join("pnpm-workspace.yaml"))
        && let Ok(doc) = yaml_serde::from_str::<serde_json::Value>(&text)
        && let Some(list) = doc.get("packages").and_then(|p| p.as_array())
    {
        globs.extend(list.iter().filter_map(|v| v.as_str().map(String::from)));
    }
    (!globs.is_empty()).then_some(globs)
}

/// A config file up to 1 MiB, regular files only ([`crate::bounded`]): a larger one, a FIFO
/// or a device is an error, never a blocked or truncated read.
fn read_small(path: &Path) -> std::io::Result<String> {
    match crate::bounded::read_text_bounded(path, crate::bounded::MAX_CONFIG_BYTES) {
        Ok(Some(text)) => Ok(text),
        Ok(None) => Err(std::io::ErrorKind::NotFound.into()),
        Err(why) => Err(std::io::Error::other(why)),
    }
}

/// Whether the folder `rel` (`packages/web`) matches the globs: included by one and excluded
/// by no `!` pattern.
fn is_member(rel: &str, globs: &[String]) -> bool {
    let norm = |g: &str| g.trim_start_matches("./").trim_end_matches('/').to_string();
    let included = globs
        .iter()
        .filter(|g| !g.starts_with('!'))
        .any(|g| glob_match(&norm(g), rel));
    let excluded = globs
        .iter()
        .filter_map(|g| g.strip_prefix('!'))
        .any(|g| glob_match(&norm(g), rel));
    included && !excluded
}

/// Path glob: `**` matches any number of segments, `*` and `?` within one segment.
fn glob_match(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('/').filter(|s| !s.is_empty()).collect();
    let s: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segments(&p, &s)
}

fn segments(p: &[&str], s: &[&str]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some(&"**") => (0..=s.len()).any(|i| segments(&p[1..], &s[i..])),
        Some(seg) => {
            !s.is_empty() && segment(seg.as_bytes(), s[0].as_bytes()) && segments(&p[1..], &s[1..])
        }
    }
}

fn segment(p: &[u8], s: &[u8]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some(b'*') => (0..=s.len()).any(|i| segment(&p[1..], &s[i..])),
        Some(b'?') => !s.is_empty() && segment(&p[1..], &s[1..]),
        Some(c) => s.first() == Some(c) && segment(&p[1..], &s[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        let globs = vec![
            "packages/*".to_string(),
            "apps/**".into(),
            "!packages/skip".into(),
        ];
        assert!(is_member("packages/web", &globs));
        assert!(is_member("apps/a/b", &globs));
        assert!(!is_member("packages/skip", &globs));
        assert!(!is_member("packages/web/sub", &globs));
        assert!(!is_member("tools/x", &globs));
        assert!(glob_match("pkg-*", "pkg-a") && !glob_match("pkg-*", "lib-a"));
        assert!(is_member("packages/web", &["./packages/web/".to_string()]));
    }

    #[test]
    fn paths_written_from_the_start() {
        assert_eq!(
            written_from(Path::new("packages/web"), 2),
            PathBuf::from(".")
        );
        assert_eq!(written_from(Path::new("."), 2), PathBuf::from("../.."));
        assert_eq!(written_from(Path::new("a/b/c"), 1), PathBuf::from("a/b"));
        assert_eq!(written_from(Path::new("a"), 2), PathBuf::from(".."));
        assert_eq!(written_from(Path::new("/w/p/web"), 2), PathBuf::from("/w"));
    }
}
