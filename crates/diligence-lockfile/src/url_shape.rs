//! Registry tarball URL shapes shared by the readers (and by the lockfile rules).

/// If `url` has the registry tarball shape `<scheme>://<host>[/<prefix>]/<name>/-/<file>.tgz`,
/// returns the package name (percent-decoded; `@scope/name` for scoped packages, also when
/// written `@scope%2fname`). Query and fragment are ignored. Host and prefix are not judged.
pub fn registry_tarball_name(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let path_start = rest.find('/')?;
    let path = &rest[path_start..];
    let path = path.split(['?', '#']).next()?;
    let (before, file) = path.rsplit_once("/-/")?;
    if !file.ends_with(".tgz") || file.contains('/') {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(before)
        .decode_utf8()
        .ok()?;
    let segments: Vec<&str> = decoded.trim_start_matches('/').split('/').collect();
    let n = segments.len();
    if n >= 2 && segments[n - 2].starts_with('@') {
        Some(format!("{}/{}", segments[n - 2], segments[n - 1]))
    } else if n >= 1 && !segments[n - 1].is_empty() {
        Some(segments[n - 1].to_string())
    } else {
        None
    }
}

/// True when `url` has the registry tarball shape (see [`registry_tarball_name`]).
pub fn is_registry_tarball(url: &str) -> bool {
    url.starts_with("http") && registry_tarball_name(url).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(
            registry_tarball_name("https://registry.npmjs.org/ms/-/ms-2.1.3.tgz").as_deref(),
            Some("ms")
        );
        assert_eq!(
            registry_tarball_name("https://registry.npmjs.org/@types/node/-/node-20.1.0.tgz")
                .as_deref(),
            Some("@types/node")
        );
        assert_eq!(
            registry_tarball_name("https://r.example/npm/@babel%2fcore/-/core-7.0.0.tgz#abc")
                .as_deref(),
            Some("@babel/core")
        );
        assert_eq!(
            registry_tarball_name("https://codeload.github.com/a/b/tar.gz/abc"),
            None
        );
    }
}
