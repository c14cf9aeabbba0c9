//! Registry URL arithmetic: where a tarball URL sits relative to a registry base, after WHATWG
//! URL normalisation (dot segments, `%2e%2e`, default ports) and percent-decoding.

/// The path of `url` below `base` (both absolute URLs), percent-decoded, when `url` has the
/// same scheme, host and port as `base` and its normalised path starts with `base`'s path.
/// Query and fragment are ignored (yarn classic appends `#<sha1>`).
///
/// `registry_path("https://registry.npmjs.org/ms/../evil/-/evil-1.0.0.tgz",
/// "https://registry.npmjs.org/")` is `Some("evil/-/evil-1.0.0.tgz")`.
pub fn registry_path(url: &str, base: &str) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    let b = url::Url::parse(base).ok()?;
    if u.scheme() != b.scheme()
        || u.host_str() != b.host_str()
        || u.port_or_known_default() != b.port_or_known_default()
    {
        return None;
    }
    let base_path = if b.path().ends_with('/') {
        b.path().to_string()
    } else {
        format!("{}/", b.path())
    };
    let rest = u.path().strip_prefix(&base_path)?;
    Some(decode(rest))
}

/// `url` normalised (WHATWG) and percent-decoded, without query and fragment; `url` itself
/// when it does not parse.
pub fn normalised(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) => {
            u.set_query(None);
            u.set_fragment(None);
            decode(u.as_str())
        }
        Err(_) => url.to_string(),
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

/// The first base under which `url` sits, and the path below it.
pub fn under_any<'a>(url: &str, bases: &[&'a str]) -> Option<(&'a str, String)> {
    bases
        .iter()
        .find_map(|b| registry_path(url, b).map(|p| (*b, p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_dot_segments_and_encodings() {
        let base = "https://registry.npmjs.org/";
        assert_eq!(
            registry_path(
                "https://registry.npmjs.org/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz",
                base
            )
            .as_deref(),
            Some("evil-pkg/-/evil-pkg-1.0.0.tgz")
        );
        assert_eq!(
            registry_path(
                "https://registry.npmjs.org/debug/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz",
                base
            )
            .as_deref(),
            Some("evil-pkg/-/evil-pkg-1.0.0.tgz")
        );
        assert_eq!(
            registry_path(
                "https://registry.npmjs.org/@types%2fms/-/ms-2.1.0.tgz#abc",
                base
            )
            .as_deref(),
            Some("@types/ms/-/ms-2.1.0.tgz")
        );
        assert_eq!(
            registry_path("http://registry.npmjs.org/ms/-/ms-2.1.3.tgz", base),
            None
        );
        assert_eq!(
            registry_path("https://npm.evil.example/ms/-/ms-2.1.3.tgz", base),
            None
        );
        assert_eq!(
            registry_path(
                "http://127.0.0.1:4873/npm/ms/-/ms-2.1.3.tgz",
                "http://127.0.0.1:4873/npm/"
            )
            .as_deref(),
            Some("ms/-/ms-2.1.3.tgz")
        );
    }
}
