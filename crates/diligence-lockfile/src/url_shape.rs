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

/// True when `url` has the registry tarball shape (see [`registry_tarball_name`]) with an
/// `http`/`https` scheme in any letter case (URL schemes are case-insensitive, WHATWG URL).
pub fn is_registry_tarball(url: &str) -> bool {
    is_http_url(url) && registry_tarball_name(url).is_some()
}

/// True when `s` starts with `prefix` compared ASCII case-insensitively (URL schemes and
/// npm spec prefixes such as `git+`, `github:` are case-insensitive).
pub fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// True when `s` is an `http://` or `https://` URL, scheme in any letter case.
pub fn is_http_url(s: &str) -> bool {
    starts_with_ci(s, "http://") || starts_with_ci(s, "https://")
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

    #[test]
    fn scheme_case_is_ignored() {
        assert!(is_registry_tarball("HTTPS://EVIL.EXAMPLE/a/-/a-1.0.0.tgz"));
        assert!(is_registry_tarball("Http://r.example/a/-/a-1.0.0.tgz"));
        assert!(!is_registry_tarball("ftp://r.example/a/-/a-1.0.0.tgz"));
        assert!(is_http_url("hTtPs://x"));
        assert!(!is_http_url("httpx://x"));
        assert!(starts_with_ci("GIT+SSH://h/a.git", "git+"));
        assert!(!starts_with_ci("gi", "git+"));
        assert!(!starts_with_ci("é", "e"));
    }
}
