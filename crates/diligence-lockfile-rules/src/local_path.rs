//! Lexical resolution of local source paths (`file:`, `link:`, `portal:`, `workspace:`)
//! against the lockfile's folder, without touching the file system (the paths may not exist
//! on the machine that audits, and following symlinks would let the disk decide the answer).

use percent_encoding::percent_decode_str;

/// Where a local path leads, relative to the lockfile's folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Place {
    /// Inside the project: the normalised path relative to the lockfile folder (`.` for the
    /// folder itself), `/`-separated.
    Inside(String),
    /// Outside the project, with the reason (`absolute path`, `leaves the project folder`, …).
    Outside(&'static str),
}

/// The path part of a local source spec: protocol prefix and yarn berry bindings
/// (`::locator=…`) removed.
pub(crate) fn strip_spec(spec: &str) -> &str {
    let spec = spec.trim();
    let spec = spec.split("::").next().unwrap_or(spec);
    ["file:", "link:", "portal:", "workspace:"]
        .iter()
        .find_map(|p| spec.strip_prefix(p))
        .unwrap_or(spec)
}

/// The workspace folder a yarn berry `::locator=<name>@workspace:<path>` binding names: local
/// paths in berry are relative to the workspace that declared them.
pub(crate) fn berry_locator_base(spec: &str) -> Option<String> {
    let (_, binding) = spec.split_once("::locator=")?;
    let binding = binding.split('&').next()?;
    let decoded = percent_decode_str(binding).decode_utf8_lossy();
    let (_, path) = decoded.rsplit_once("@workspace:")?;
    Some(path.to_string())
}

/// Resolves `spec` (a path, possibly with a protocol prefix) against `base` (a folder relative
/// to the lockfile folder, `.` for the folder itself). The path is also read percent-decoded
/// once; it is outside when either reading leaves the project.
pub(crate) fn place(spec: &str, base: &str) -> Place {
    let path = strip_spec(spec);
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    match (resolve(path, base), resolve(&decoded, base)) {
        (Place::Inside(p), Place::Inside(_)) => Place::Inside(p),
        (Place::Outside(why), _) | (_, Place::Outside(why)) => Place::Outside(why),
    }
}

fn resolve(path: &str, base: &str) -> Place {
    if path.starts_with("//") {
        // `file://host/…` or `file:///abs`: a URL naming a host or an absolute path.
        return Place::Outside("absolute path or remote host");
    }
    if path.starts_with(['/', '\\']) || has_drive_letter(path) {
        return Place::Outside("absolute path");
    }
    if path == "~" || path.starts_with("~/") || path.starts_with("~\\") {
        return Place::Outside("home-relative path");
    }
    let mut parts: Vec<&str> = Vec::new();
    for component in base.split(['/', '\\']).chain(path.split(['/', '\\'])) {
        match component {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Place::Outside("leaves the project folder");
                }
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        Place::Inside(".".into())
    } else {
        Place::Inside(parts.join("/"))
    }
}

fn has_drive_letter(path: &str) -> bool {
    let b = path.as_bytes();
    b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inside_and_outside() {
        assert_eq!(
            place("file:packages/about", "."),
            Place::Inside("packages/about".into())
        );
        assert_eq!(
            place("link:../b", "packages/a"),
            Place::Inside("packages/b".into())
        );
        assert_eq!(
            place("link:../b", "."),
            Place::Outside("leaves the project folder")
        );
        assert_eq!(
            place("file:../../../tmp/x/picocolors-1.1.1.tgz", "."),
            Place::Outside("leaves the project folder")
        );
        assert_eq!(
            place("file:///etc/x", "."),
            Place::Outside("absolute path or remote host")
        );
        assert_eq!(place("/tmp/x", "."), Place::Outside("absolute path"));
        assert_eq!(place("C:\\x", "."), Place::Outside("absolute path"));
        assert_eq!(
            place("a/%2e%2e/%2e%2e/x", "."),
            Place::Outside("leaves the project folder")
        );
        assert_eq!(place("workspace:.", "."), Place::Inside(".".into()));
    }

    #[test]
    fn berry_locator() {
        let spec = "link:../scripts/repo-utils::locator=%40babel%2Feslint%40workspace%3Aeslint%2Fx";
        assert_eq!(berry_locator_base(spec).as_deref(), Some("eslint/x"));
        assert_eq!(strip_spec(spec), "../scripts/repo-utils");
    }
}
