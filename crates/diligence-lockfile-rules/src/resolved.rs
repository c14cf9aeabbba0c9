//! Parsing and normalising a lockfile's `resolved` URL the way a package manager would fetch it.
//!
//! lockfile-lint compared the raw `resolved` string with `<origin>/<name>` (GHSA-f2p3-vh47-jhg6):
//! `https://registry.npmjs.org/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz` starts with
//! `https://registry.npmjs.org/ms`, but npm parses it with the WHATWG URL Standard and requests
//! `/evil-pkg/-/evil-pkg-1.0.0.tgz`. Here the URL is parsed with the `url` crate (WHATWG URL
//! Standard: dot segments and their encoded forms `%2e%2e` / `.%2e` are resolved, `\` is `/`
//! for special schemes, userinfo is split off the host), and the path is read in two ways:
//!
//! - **as requested**: the WHATWG path segments, each percent-decoded once (so `@babel%2fcore`
//!   is `@babel/core`), empty segments (double slashes) dropped;
//! - **as a decoding server might route it**: the whole WHATWG path percent-decoded once, split
//!   again on `/`, empty and `.` segments dropped and `..` resolved again (catches `..%2f`).
//!
//! A check passes only if every reading names the expected package.

use percent_encoding::percent_decode_str;
use url::Url;

/// A parsed `resolved` URL.
#[derive(Debug, Clone)]
pub(crate) struct ResolvedUrl {
    /// Lowercase scheme without `:` (`https`, `http`, `git+ssh`, …).
    pub scheme: String,
    /// Lowercase host without a trailing dot (`registry.npmjs.org`, `203.0.113.7`, `[::1]`);
    /// `None` for URLs without a host.
    pub host: Option<String>,
    /// Explicit port, when one is written and differs from the scheme's default.
    pub port: Option<u16>,
    /// The explicit port, else the scheme's default (443 for `https`).
    pub effective_port: Option<u16>,
    /// The WHATWG path segments (still percent-encoded, dot segments resolved).
    segments: Vec<String>,
}

/// A registry tarball path `…/<name>/-/<basename>-<version>.tgz` read from a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TarballPath {
    /// The package name the path addresses (`ms`, `@types/node`).
    pub name: String,
    /// The last path segment, e.g. `node-20.1.0.tgz`.
    pub file: String,
}

impl TarballPath {
    /// The version in the file name: the file must be `<basename>-<version>.tgz` where
    /// `basename` is the name without its scope. `None` when the file name does not start with
    /// the basename (a name mismatch in the file name itself).
    pub fn version(&self) -> Option<&str> {
        let basename = self.name.rsplit('/').next().unwrap_or(&self.name);
        let rest = self.file.strip_prefix(basename)?.strip_prefix('-')?;
        let version = rest.strip_suffix(".tgz")?;
        (!version.is_empty()).then_some(version)
    }
}

impl ResolvedUrl {
    /// Parses an absolute URL per the WHATWG URL Standard. Errors with the parser's reason
    /// (e.g. `relative URL without a base`, `invalid port number`).
    pub fn parse(raw: &str) -> Result<ResolvedUrl, String> {
        let url = Url::parse(raw.trim()).map_err(|e| e.to_string())?;
        let host = url
            .host_str()
            .map(|h| h.trim_end_matches('.').to_ascii_lowercase());
        let segments = match url.path_segments() {
            Some(s) => s.map(str::to_string).collect(),
            None => Vec::new(),
        };
        Ok(ResolvedUrl {
            scheme: url.scheme().to_ascii_lowercase(),
            host,
            port: url.port(),
            effective_port: url.port_or_known_default(),
            segments,
        })
    }

    /// `host` or `host:port`, for messages and allow-list matching.
    pub fn authority(&self) -> String {
        match (&self.host, self.port) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.clone(),
            (None, _) => String::new(),
        }
    }

    /// The tarball path under each reading (see the module docs); `None` in a slot when that
    /// reading has no registry tarball shape.
    pub fn tarball_readings(&self) -> [Option<TarballPath>; 2] {
        // Nothing percent-encoded: decoding changes nothing, and the WHATWG segments hold no
        // `.`/`..` (resolved) nor `/`, so both readings are the same (the common case).
        if !self.segments.iter().any(|s| s.contains('%')) {
            let plain: Vec<String> = self
                .segments
                .iter()
                .filter(|s| !s.is_empty())
                .cloned()
                .collect();
            let shape = tarball_shape(&plain);
            return [shape.clone(), shape];
        }
        let requested: Vec<String> = self
            .segments
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| decode(s))
            .collect();
        let joined = decode(&self.segments.join("/"));
        let mut routed: Vec<String> = Vec::new();
        for seg in joined.split('/') {
            match seg {
                "" | "." => {}
                ".." => {
                    routed.pop();
                }
                other => routed.push(other.to_string()),
            }
        }
        [tarball_shape(&requested), tarball_shape(&routed)]
    }
}

fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Finds `<name>/-/<file>.tgz` at the end of decoded segments. `name` is one segment, or two
/// when the first starts with `@` (a scope), or one decoded segment `@scope/name`. The file
/// may be preceded by the scope (`/-/@scope/name-1.0.0.tgz`, as some registries write it).
fn tarball_shape(segments: &[String]) -> Option<TarballPath> {
    let dash = segments.iter().rposition(|s| s == "-")?;
    let after = &segments[dash + 1..];
    let file = match after {
        [file] => file,
        [scope, file] if scope.starts_with('@') => file,
        _ => return None,
    };
    if !file.ends_with(".tgz") {
        return None;
    }
    let before = &segments[..dash];
    let name = match before {
        [.., scope, name] if scope.starts_with('@') && !name.contains('/') => {
            format!("{scope}/{name}")
        }
        [.., name] if !name.is_empty() => name.clone(),
        _ => return None,
    };
    Some(TarballPath {
        name,
        file: file.clone(),
    })
}

/// The scheme of a URL-like source string, lowercase without `:` (`git+ssh`, `github`), or
/// `None` when it has none. Lenient on purpose: scp-like git URLs (`git@host:a/b`) are not
/// WHATWG URLs but still have a transport (`ssh`).
pub(crate) fn scheme_of(text: &str) -> Option<String> {
    let text = text.trim();
    let (head, _) = text.split_once(':')?;
    if head.is_empty()
        || !head.starts_with(|c: char| c.is_ascii_alphabetic())
        || !head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        // `git@github.com:a/b.git` (scp-like ssh).
        if head.contains('@') && !head.contains('/') {
            return Some("ssh".into());
        }
        return None;
    }
    Some(head.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &str) -> [Option<String>; 2] {
        ResolvedUrl::parse(raw)
            .unwrap()
            .tarball_readings()
            .map(|t| t.map(|t| t.name))
    }

    #[test]
    fn plain_and_scoped() {
        let n = names("https://registry.npmjs.org/ms/-/ms-2.1.3.tgz");
        assert_eq!(n, [Some("ms".into()), Some("ms".into())]);
        let n = names("https://registry.npmjs.org/@types/node/-/node-20.1.0.tgz");
        assert_eq!(n, [Some("@types/node".into()), Some("@types/node".into())]);
        let n = names("https://r.example/npm/@babel%2fcore/-/core-7.0.0.tgz#abc");
        assert_eq!(n, [Some("@babel/core".into()), Some("@babel/core".into())]);
    }

    #[test]
    fn dot_segments_are_resolved() {
        let evil = Some("evil-pkg".to_string());
        for raw in [
            "https://registry.npmjs.org/ms/../evil-pkg/-/evil-pkg-1.0.0.tgz",
            "https://registry.npmjs.org/ms/%2e%2e/evil-pkg/-/evil-pkg-1.0.0.tgz",
            "https://registry.npmjs.org/ms/%2E./evil-pkg/-/evil-pkg-1.0.0.tgz",
            "https://registry.npmjs.org//ms/.%2e//evil-pkg/-/evil-pkg-1.0.0.tgz",
            "https://registry.npmjs.org/ms\\..\\evil-pkg/-/evil-pkg-1.0.0.tgz",
        ] {
            assert_eq!(names(raw), [evil.clone(), evil.clone()], "{raw}");
        }
        // Only a decoding server sees the `..`.
        let n = names("https://registry.npmjs.org/ms/..%2fevil-pkg/-/evil-pkg-1.0.0.tgz");
        assert_eq!(n, [Some("..%2fevil-pkg".replace("%2f", "/")), evil]);
    }

    #[test]
    fn userinfo_is_not_the_host() {
        let u = ResolvedUrl::parse("https://registry.npmjs.org@evil.example/ms/-/ms-2.1.3.tgz")
            .unwrap();
        assert_eq!(u.host.as_deref(), Some("evil.example"));
        let u = ResolvedUrl::parse("https://REGISTRY.npmjs.org./ms/-/ms-2.1.3.tgz").unwrap();
        assert_eq!(u.host.as_deref(), Some("registry.npmjs.org"));
        assert_eq!(u.port, None);
    }

    #[test]
    fn file_version() {
        let t = TarballPath {
            name: "@types/node".into(),
            file: "node-20.1.0-beta.1.tgz".into(),
        };
        assert_eq!(t.version(), Some("20.1.0-beta.1"));
        let t = TarballPath {
            name: "ms".into(),
            file: "evil-1.0.0.tgz".into(),
        };
        assert_eq!(t.version(), None);
    }

    #[test]
    fn schemes() {
        assert_eq!(
            scheme_of("git+ssh://git@github.com/a/b.git").as_deref(),
            Some("git+ssh")
        );
        assert_eq!(scheme_of("git@github.com:a/b.git").as_deref(), Some("ssh"));
        assert_eq!(scheme_of("github:a/b").as_deref(), Some("github"));
        assert_eq!(scheme_of("a/b"), None);
    }
}
