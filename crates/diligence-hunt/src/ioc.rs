//! Indicators of compromise: hosts, URLs, hashes and file names from an incident write-up,
//! matched against what lockfiles record (`resolved` URLs, integrity) and against cached code
//! analyses of the locked tarballs.
//!
//! # File format (`--ioc FILE`)
//! One indicator per line; blank lines and lines starting with `#` are skipped; text after
//! ` #` is a comment. A line may say what it is with a prefix (`host:`, `url:`, `hash:`,
//! `file:`); otherwise:
//! - `scheme://…` is a URL;
//! - an SRI string (`sha512-…`), `sha256:<hex>`-style, or 40/64/96/128 hex digits is a hash
//!   (sha1, sha256, sha384, sha512 by length);
//! - a name with a `/`, or ending in a file extension (`.js`, `.sh`, `.json`, `.tgz`, …), is a
//!   file name;
//! - a dotted name of letters, digits and dashes (or an IPv4 address) is a host;
//! - anything else is an error naming the line.
//!
//! # Matching
//! - host: the host of a `resolved` URL equals it or is a subdomain of it (case-insensitive);
//!   in a cached analysis, any recorded string naming it as a host.
//! - URL: a `resolved` URL that starts with it (scheme and host compared case-insensitively);
//!   in a cached analysis, any recorded string containing it.
//! - hash: a lockfile integrity with the same digest (hex or base64; a yarn berry checksum
//!   by its hex). Cached analyses keep no file hashes, so file-level hashes are matched only
//!   against tarball integrity, and the report says so.
//! - file name: the last path segment of a `resolved` URL; in a cached analysis, a file of the
//!   package whose path ends with it.

use crate::HuntError;
use base64::Engine;
use diligence_graph::{HashAlgorithm, Integrity};
use serde::Serialize;

/// One indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Indicator {
    /// Lower-case host name or IP address.
    Host(String),
    /// A URL as parsed and normalised (`url::Url::as_str`).
    Url(String),
    /// A digest, written back as `algorithm-base64` (SRI).
    Hash(HashIoc),
    /// A file name or path suffix, `/`-separated.
    File(String),
}

/// A hash indicator: the digest and, when the input said or its length tells, the algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashIoc {
    pub algorithm: HashAlgorithm,
    pub digest: Vec<u8>,
}

impl Serialize for HashIoc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.to_string())
    }
}

impl std::fmt::Display for HashIoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}-{}",
            self.algorithm.as_str(),
            base64::engine::general_purpose::STANDARD.encode(&self.digest)
        )
    }
}

impl Indicator {
    /// `host`, `url`, `hash` or `file`.
    pub fn kind(&self) -> &'static str {
        match self {
            Indicator::Host(_) => "host",
            Indicator::Url(_) => "url",
            Indicator::Hash(_) => "hash",
            Indicator::File(_) => "file",
        }
    }

    /// The value as reported (`hash` as SRI).
    pub fn value(&self) -> String {
        match self {
            Indicator::Host(v) | Indicator::Url(v) | Indicator::File(v) => v.clone(),
            Indicator::Hash(h) => h.to_string(),
        }
    }

    /// True when a `resolved` URL (or git URL, or path) of a lockfile entry matches.
    pub fn matches_resolved(&self, resolved: &str) -> bool {
        match self {
            Indicator::Host(host) => url_host(resolved).is_some_and(|h| host_matches(&h, host)),
            Indicator::Url(u) => normalise_url(resolved).is_some_and(|r| r.starts_with(u.as_str())),
            Indicator::File(f) => {
                let path = resolved.split(['#', '?']).next().unwrap_or(resolved);
                let last = path.rsplit('/').next().unwrap_or(path);
                let want = f.rsplit('/').next().unwrap_or(f);
                !last.is_empty() && last == want
            }
            Indicator::Hash(_) => false,
        }
    }

    /// True when a lockfile integrity matches a hash indicator.
    pub fn matches_integrity(&self, integrity: &Integrity) -> bool {
        let Indicator::Hash(h) = self else {
            return false;
        };
        match integrity {
            Integrity::Sri(hashes) => hashes
                .iter()
                .any(|x| x.algorithm == h.algorithm && x.digest == h.digest),
            Integrity::BerryChecksum(c) => {
                let hex_part = c.rsplit('/').next().unwrap_or(c);
                hex::decode(hex_part).is_ok_and(|d| d == h.digest)
            }
        }
    }

    /// True when a cached analysis of a tarball matches: its files for a file name, its
    /// recorded strings (evidence, snippets) for a host or URL. Hashes never match here.
    pub fn matches_facts(&self, facts: &TarballFacts) -> bool {
        match self {
            Indicator::Host(host) => facts.texts.iter().any(|t| text_names_host(t, host)),
            Indicator::Url(u) => {
                let u = u.to_ascii_lowercase();
                facts
                    .texts
                    .iter()
                    .any(|t| t.to_ascii_lowercase().contains(&u))
            }
            Indicator::File(f) => facts.files.iter().any(|p| path_ends_with(p, f)),
            Indicator::Hash(_) => false,
        }
    }
}

/// What a cached code analysis says about one tarball, reduced to what indicators are matched
/// against: the package files it names (findings, evidence, capabilities) and the strings it
/// recorded (evidence details such as hosts and URLs, code snippets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TarballFacts {
    pub files: Vec<String>,
    pub texts: Vec<String>,
}

/// Where cached code analyses come from (the CLI's scan cache, keyed by integrity). A hunt
/// never downloads: a tarball without a cached analysis is counted as not checked.
pub trait AnalysisCache: Sync {
    /// The cached analysis of the tarball with this integrity, if there is one.
    fn lookup(&self, name: &str, version: &str, integrity: &Integrity) -> Option<TarballFacts>;
}

/// Parses an indicator file. Errors name the file and line.
pub fn parse_file(path: &str, text: &str) -> Result<Vec<Indicator>, HuntError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split(" #").next().unwrap_or(raw).trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let ioc = parse_line(line).map_err(|message| HuntError::Ioc {
            path: path.to_string(),
            line: i + 1,
            message,
        })?;
        if !out.contains(&ioc) {
            out.push(ioc);
        }
    }
    Ok(out)
}

/// Parses one indicator (see the module docs). `Err` is the reason, for one line.
pub fn parse_line(line: &str) -> Result<Indicator, String> {
    if line.chars().any(char::is_control) {
        return Err("control characters in an indicator".into());
    }
    if let Some((prefix, rest)) = line.split_once(':') {
        let rest = rest.trim();
        match prefix.to_ascii_lowercase().as_str() {
            "host" | "domain" | "ip" => return parse_host(rest),
            "url" => return parse_url(rest),
            "hash" => {
                return parse_hash(rest)
                    .map(Indicator::Hash)
                    .ok_or_else(|| format!("`{rest}` is not a hash"));
            }
            "file" | "filename" => return parse_file_name(rest),
            _ => {}
        }
    }
    if line.contains("://") {
        return parse_url(line);
    }
    if let Some(h) = parse_hash(line) {
        return Ok(Indicator::Hash(h));
    }
    if line.contains('/') || has_file_extension(line) {
        return parse_file_name(line);
    }
    parse_host(line).map_err(|_| {
        format!("cannot tell whether `{line}` is a host, URL, hash or file name; prefix it with host:, url:, hash: or file:")
    })
}

fn parse_url(text: &str) -> Result<Indicator, String> {
    normalise_url(text)
        .map(Indicator::Url)
        .ok_or_else(|| format!("`{text}` is not a URL"))
}

fn parse_host(text: &str) -> Result<Indicator, String> {
    let host = text.trim_end_matches('.').to_ascii_lowercase();
    let ok = !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && (host.contains('.') || host == "localhost");
    if ok {
        Ok(Indicator::Host(host))
    } else {
        Err(format!("`{text}` is not a host name"))
    }
}

fn parse_file_name(text: &str) -> Result<Indicator, String> {
    let f = text.trim().trim_start_matches("./").replace('\\', "/");
    if f.is_empty() || f.ends_with('/') {
        return Err(format!("`{text}` is not a file name"));
    }
    Ok(Indicator::File(f))
}

/// Hex (by length), `algo:hex`, `algo-hex`, or SRI base64.
fn parse_hash(text: &str) -> Option<HashIoc> {
    let t = text.trim();
    let (algo, body) = match t.split_once([':', '-']) {
        Some((a, b)) if algorithm(a).is_some() => (algorithm(a), b),
        _ => (None, t),
    };
    let by_len = |n: usize| match n {
        20 => Some(HashAlgorithm::Sha1),
        32 => Some(HashAlgorithm::Sha256),
        48 => Some(HashAlgorithm::Sha384),
        64 => Some(HashAlgorithm::Sha512),
        _ => None,
    };
    let hexlike = body.len() % 2 == 0 && body.bytes().all(|b| b.is_ascii_hexdigit());
    let digest = if hexlike {
        hex::decode(body).ok()?
    } else if algo.is_some() {
        base64::engine::general_purpose::STANDARD
            .decode(body)
            .ok()?
    } else {
        return None;
    };
    let algorithm = algo.or_else(|| by_len(digest.len()))?;
    (digest.len() == algorithm.digest_len()).then_some(HashIoc { algorithm, digest })
}

fn algorithm(name: &str) -> Option<HashAlgorithm> {
    match name.to_ascii_lowercase().as_str() {
        "sha1" => Some(HashAlgorithm::Sha1),
        "sha256" => Some(HashAlgorithm::Sha256),
        "sha384" => Some(HashAlgorithm::Sha384),
        "sha512" => Some(HashAlgorithm::Sha512),
        _ => None,
    }
}

/// Extensions that make a dotted word a file name rather than a host (`.sh`, `.zip` are
/// also top-level domains: write `host:` for such hosts).
const FILE_EXTENSIONS: [&str; 24] = [
    "js", "mjs", "cjs", "ts", "jsx", "tsx", "json", "node", "wasm", "sh", "bash", "ps1", "bat",
    "cmd", "exe", "dll", "so", "dylib", "py", "zip", "tgz", "gz", "tar", "txt",
];

fn has_file_extension(text: &str) -> bool {
    text.rsplit_once('.')
        .is_some_and(|(_, ext)| FILE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

/// A URL normalised by the `url` crate (lower-case scheme and host); `git+ssh://…` keeps its
/// scheme. `None` when it does not parse.
fn normalise_url(text: &str) -> Option<String> {
    url::Url::parse(text.trim())
        .ok()
        .map(|u| u.as_str().to_string())
}

/// The host of a URL, including scp-like git addresses (`git@github.com:a/b.git`).
fn url_host(resolved: &str) -> Option<String> {
    if let Ok(u) = url::Url::parse(resolved)
        && let Some(h) = u.host_str()
    {
        return Some(h.trim_matches(['[', ']']).to_ascii_lowercase());
    }
    let rest = resolved.strip_prefix("git+").unwrap_or(resolved);
    let (user_host, _) = rest.split_once(':')?;
    let host = user_host.rsplit('@').next()?;
    (!host.is_empty() && !host.contains('/')).then(|| host.to_ascii_lowercase())
}

fn host_matches(host: &str, ioc: &str) -> bool {
    host == ioc
        || host
            .strip_suffix(ioc)
            .is_some_and(|prefix| prefix.ends_with('.'))
}

/// True when `text` contains `host` as a whole host name (or a subdomain of it).
fn text_names_host(text: &str, host: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let is_label = |b: u8| b.is_ascii_alphanumeric() || b == b'-';
    let mut from = 0;
    while let Some(i) = lower[from..].find(host) {
        let start = from + i;
        let end = start + host.len();
        let before_ok = start == 0 || !is_label(bytes[start - 1]);
        let after_ok = match bytes.get(end) {
            None => true,
            Some(b'.') => !bytes.get(end + 1).is_some_and(|&b| is_label(b)),
            Some(&b) => !is_label(b),
        };
        if before_ok && after_ok {
            return true;
        }
        from = start + 1;
        while !lower.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

fn path_ends_with(path: &str, suffix: &str) -> bool {
    let path = path.trim_start_matches("package/");
    path == suffix
        || path
            .strip_suffix(suffix)
            .is_some_and(|prefix| prefix.ends_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_lines() {
        assert_eq!(
            parse_line("Evil.Example.").unwrap(),
            Indicator::Host("evil.example".into())
        );
        assert_eq!(
            parse_line("203.0.113.9").unwrap(),
            Indicator::Host("203.0.113.9".into())
        );
        assert_eq!(
            parse_line("HTTPS://Evil.Example/x.tgz").unwrap(),
            Indicator::Url("https://evil.example/x.tgz".into())
        );
        assert_eq!(
            parse_line("bundle.js").unwrap(),
            Indicator::File("bundle.js".into())
        );
        assert_eq!(
            parse_line("lib/setup_bun.js").unwrap(),
            Indicator::File("lib/setup_bun.js".into())
        );
        assert_eq!(
            parse_line("host:payload.sh").unwrap(),
            Indicator::Host("payload.sh".into())
        );
        let sha1 = parse_line("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3").unwrap();
        assert_eq!(sha1.value(), "sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M=");
        let sha256 = parse_line(&format!("sha256:{}", "ab".repeat(32))).unwrap();
        assert_eq!(sha256.kind(), "hash");
        assert!(parse_line("sha512-AAAA").is_err(), "short digest");
        assert!(parse_line("not an indicator").is_err());
        assert!(parse_line("evil\u{1b}[2J.example").is_err());
    }

    #[test]
    fn file_parsing_skips_comments_and_names_lines() {
        let iocs = parse_file(
            "iocs.txt",
            "# Shai-Hulud\n\nevil.example # C2\nevil.example\n",
        )
        .unwrap();
        assert_eq!(iocs, vec![Indicator::Host("evil.example".into())]);
        let err = parse_file("iocs.txt", "evil.example\n???\n").unwrap_err();
        assert!(
            err.to_string().starts_with("iocs.txt:2: cannot tell"),
            "{err}"
        );
    }

    #[test]
    fn matches_resolved_urls() {
        let host = Indicator::Host("evil.example".into());
        assert!(host.matches_resolved("https://EVIL.example/a/-/a-1.0.0.tgz"));
        assert!(host.matches_resolved("https://cdn.evil.example/a.tgz"));
        assert!(host.matches_resolved("git+ssh://git@evil.example/a/b.git#abc"));
        assert!(host.matches_resolved("git@evil.example:a/b.git"));
        assert!(!host.matches_resolved("https://notevil.example/a.tgz"));
        assert!(!host.matches_resolved("https://evil.example.com/a.tgz"));
        let url = Indicator::Url("https://evil.example/pkgs/".into());
        assert!(url.matches_resolved("https://EVIL.EXAMPLE/pkgs/a-1.0.0.tgz"));
        assert!(!url.matches_resolved("https://evil.example/other/a.tgz"));
        let file = parse_line("a-1.0.0.tgz").unwrap();
        assert!(file.matches_resolved("https://registry.npmjs.org/a/-/a-1.0.0.tgz#sha1"));
        assert!(!file.matches_resolved("https://registry.npmjs.org/a/-/a-1.0.1.tgz"));
    }

    #[test]
    fn matches_integrity_hex_and_base64() {
        let sri = Integrity::parse_sri("sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M=").unwrap();
        assert!(
            parse_line("a94a8fe5ccb19ba61c4c0873d391e987982fbbd3")
                .unwrap()
                .matches_integrity(&sri)
        );
        assert!(
            parse_line("sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M=")
                .unwrap()
                .matches_integrity(&sri)
        );
        assert!(
            !parse_line(&"ab".repeat(20))
                .unwrap()
                .matches_integrity(&sri)
        );
        let berry = Integrity::BerryChecksum(format!("10c0/{}", "cd".repeat(64)));
        assert!(
            parse_line(&"CD".repeat(64))
                .unwrap()
                .matches_integrity(&berry)
        );
    }

    #[test]
    fn matches_cached_facts() {
        let facts = TarballFacts {
            files: vec!["lib/setup_bun.js".into(), "index.js".into()],
            texts: vec![
                "fetch('https://webhook.evil.example/x')".into(),
                "api.github.com".into(),
            ],
        };
        assert!(Indicator::Host("evil.example".into()).matches_facts(&facts));
        assert!(!Indicator::Host("github.co".into()).matches_facts(&facts));
        assert!(Indicator::Host("github.com".into()).matches_facts(&facts));
        assert!(
            parse_line("https://webhook.evil.example/")
                .unwrap()
                .matches_facts(&facts)
        );
        assert!(parse_line("setup_bun.js").unwrap().matches_facts(&facts));
        assert!(!parse_line("bun.js").unwrap().matches_facts(&facts));
    }
}
