//! pnpm dependency paths (the keys of `packages:`/`snapshots:`) and references (the values of
//! `dependencies:`), after pnpm's `@pnpm/dependency-path` for each lockfile generation:
//!
//! | version | key | reference → key |
//! |---|---|---|
//! | 5.x | `/name/1.2.3_peer@1.0.0+other@2.0.0`, `/@scope/name/1.2.3` | `1.2.3_x` → `/name/1.2.3_x` |
//! | 6.x | `/name@1.2.3(peer@1.0.0)` | `1.2.3(x)` → `/name@1.2.3(x)` |
//! | 9.x | `name@1.2.3(peer@1.0.0)` | `1.2.3(x)` → `name@1.2.3(x)`; `other@1.0.0` (alias) as is |
//!
//! In 5.x/6.x a reference containing `/` before any peer suffix (`/string-width@4.2.3`,
//! `github.com/a/b/<sha>`) and a `file:` reference are keys already; `link:` references point
//! at a folder and name no entry (the reader adds their nodes in `links`).

/// The lockfile generation: it decides the key syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// `lockfileVersion` 5.0 – 5.4.
    V5,
    /// `lockfileVersion` 6.x (pnpm 8).
    V6,
    /// `lockfileVersion` 9.x (pnpm 9, 10, 11).
    V9,
}

impl Generation {
    /// From `lockfileVersion` as written; `None` for versions this reader does not know.
    pub fn from_version(version: &str) -> Option<Generation> {
        let major = version.split('.').next()?;
        match major {
            "5" => Some(Generation::V5),
            "6" => Some(Generation::V6),
            "9" => Some(Generation::V9),
            _ => None,
        }
    }
}

/// The entry key a dependency reference points at, or `None` for `link:` references.
pub fn ref_to_key(generation: Generation, reference: &str, alias: &str) -> Option<String> {
    if reference.starts_with("link:") {
        return None;
    }
    match generation {
        Generation::V9 => Some(ref_to_key_v9(reference, alias)),
        Generation::V5 | Generation::V6 => {
            if reference.starts_with("file:") || reference_has_path(reference) {
                return Some(reference.to_string());
            }
            let sep = if generation == Generation::V5 {
                '/'
            } else {
                '@'
            };
            Some(format!("/{alias}{sep}{reference}"))
        }
    }
}

/// 5.x/6.x: a `/` before the peer suffix makes the reference a dependency path already.
fn reference_has_path(reference: &str) -> bool {
    let head = reference.split('(').next().unwrap_or(reference);
    head.contains('/')
}

fn ref_to_key_v9(reference: &str, alias: &str) -> String {
    if reference.starts_with('@') {
        return reference.to_string();
    }
    let Some(at) = reference.find('@') else {
        return format!("{alias}@{reference}");
    };
    let before_colon = reference.find(':').is_none_or(|c| at < c);
    let before_paren = reference.find('(').is_none_or(|p| at < p);
    if before_colon && before_paren {
        reference.to_string()
    } else {
        format!("{alias}@{reference}")
    }
}

/// The key without its peer-dependency (and `patch_hash=`) suffix: `a@1.0.0(b@2.0.0)(c@1.0.0)`
/// → `a@1.0.0`. Nested parentheses are handled as pnpm's `indexOfPeersSuffix` does.
pub fn strip_peer_suffix(key: &str) -> &str {
    if !key.ends_with(')') {
        return key;
    }
    let bytes = key.as_bytes();
    let mut depth = 0usize;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        match bytes[i] {
            b')' => depth += 1,
            b'(' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && (i == 0 || bytes[i - 1] != b')') {
                    return &key[..i];
                }
            }
            _ if depth == 0 => return &key[..=i],
            _ => {}
        }
    }
    key
}

/// `(name, version)` from an entry key, peer suffix removed; `None` when the key does not have
/// the registry shape (git, tarball and `file:` keys carry `name`/`version` fields instead).
///
/// 5.x/6.x keys of packages from a non-default registry start with the registry host instead
/// of `/` (`registry.example.com/foo/1.0.0`); the host is skipped.
pub fn parse_key(generation: Generation, key: &str) -> Option<(String, String)> {
    let relative = || -> Option<&str> {
        if let Some(rest) = key.strip_prefix('/') {
            return Some(rest);
        }
        let (host, rest) = key.split_once('/')?;
        let host_like = host.contains('.') && !host.contains(':') && !host.starts_with('@');
        host_like.then_some(rest)
    };
    match generation {
        Generation::V5 => parse_key_v5(relative()?),
        Generation::V6 => split_name_version(strip_peer_suffix(relative()?)),
        Generation::V9 => split_name_version(strip_peer_suffix(key)),
    }
}

fn parse_key_v5(rest: &str) -> Option<(String, String)> {
    let mut parts = rest.splitn(3, '/');
    let first = parts.next()?;
    let (name, version) = if first.starts_with('@') {
        let second = parts.next()?;
        (format!("{first}/{second}"), parts.next()?)
    } else {
        let version = rest.get(first.len() + 1..)?;
        (first.to_string(), version)
    };
    if name.is_empty() || version.contains('/') {
        return None;
    }
    let version = version.split('_').next().unwrap_or(version);
    if version.is_empty() {
        return None;
    }
    Some((name, version.to_string()))
}

/// `name@version` split at the `@` that follows the (possibly scoped) name.
pub fn split_name_version(s: &str) -> Option<(String, String)> {
    let at = s.get(1..)?.find('@')? + 1;
    let (name, version) = (&s[..at], &s[at + 1..]);
    if name.is_empty() || version.is_empty() {
        return None;
    }
    Some((name.to_string(), version.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        use Generation::*;
        assert_eq!(
            ref_to_key(V5, "1.2.3_a@1.0.0", "x").as_deref(),
            Some("/x/1.2.3_a@1.0.0")
        );
        assert_eq!(
            ref_to_key(V5, "/string-width/4.2.3", "sw").as_deref(),
            Some("/string-width/4.2.3")
        );
        assert_eq!(
            ref_to_key(V6, "1.2.3(@types/node@20.0.0)", "x").as_deref(),
            Some("/x@1.2.3(@types/node@20.0.0)")
        );
        assert_eq!(
            ref_to_key(V6, "/string-width@4.2.3", "sw").as_deref(),
            Some("/string-width@4.2.3")
        );
        assert_eq!(ref_to_key(V6, "link:../foo", "foo"), None);
        assert_eq!(ref_to_key(V9, "4.2.3", "sw").as_deref(), Some("sw@4.2.3"));
        assert_eq!(
            ref_to_key(V9, "string-width@4.2.3", "sw").as_deref(),
            Some("string-width@4.2.3")
        );
        assert_eq!(
            ref_to_key(V9, "@types/react@19.0.0", "r").as_deref(),
            Some("@types/react@19.0.0")
        );
        assert_eq!(
            ref_to_key(V9, "file:a/b(svelte@5.0.0)", "f").as_deref(),
            Some("f@file:a/b(svelte@5.0.0)")
        );
        assert_eq!(
            ref_to_key(V9, "git+ssh://git@github.com/a/b.git#c", "b").as_deref(),
            Some("b@git+ssh://git@github.com/a/b.git#c")
        );
    }

    #[test]
    fn keys() {
        use Generation::*;
        let nv = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
        assert_eq!(
            parse_key(V5, "/@babel/core/7.16.0_x@1.0.0+y@2.0.0"),
            nv("@babel/core", "7.16.0")
        );
        assert_eq!(parse_key(V5, "/ms/2.1.3"), nv("ms", "2.1.3"));
        assert_eq!(
            parse_key(V6, "/@a/b@1.0.0(c@2.0.0)(d@1.0.0)"),
            nv("@a/b", "1.0.0")
        );
        assert_eq!(parse_key(V9, "a@1.0.0(b@2.0.0(c@1.0.0))"), nv("a", "1.0.0"));
        assert_eq!(
            strip_peer_suffix("a@1.0.0(b@2.0.0(c@1.0.0))(d@1.0.0)"),
            "a@1.0.0"
        );
        assert_eq!(strip_peer_suffix("a@1.0.0"), "a@1.0.0");
        assert_eq!(parse_key(V6, "github.com/a/b/abc"), None);
        assert_eq!(parse_key(V5, "github.com/a/b/abc"), None);
        assert_eq!(
            parse_key(V5, "registry.example.com/@a/b/1.0.0"),
            nv("@a/b", "1.0.0")
        );
        assert_eq!(
            parse_key(V6, "registry.example.com/b@1.0.0"),
            nv("b", "1.0.0")
        );
        assert_eq!(parse_key(V5, "file:../x"), None);
    }
}
