//! Yarn berry `checksum`s, verified against the registry.
//!
//! A berry lockfile does not record the registry tarball's hash: its `checksum` is
//! `<cacheKey>/<sha512 hex>` of the zip archive yarn stores in its cache. Yarn builds that zip
//! from the registry tarball deterministically ([`cache_zip`]): the tar entries under the
//! first path component, in tar order, below `node_modules/<name>/`, each parent folder as
//! its own entry before its first file, every timestamp 1984-06-22 21:50:00 (DOS), mode
//! `0644` or `0755`, Unix "version made by" 6.3, no extra fields, no comment. With the
//! compression level of Yarn 4's default (`compressionLevel: 0`, cache keys ending in `c0`,
//! e.g. `10c0`) every entry is stored, so the archive depends on nothing but the tarball.
//!
//! Measured (2026-12, yarn 4.9.2): the rebuilt zip is byte-identical to yarn's cache file for
//! 475 of 475 registry packages of a webpack + jest + eslint + babel + typescript + esbuild +
//! sharp + node-gyp project, and for the 6 of the tamper corpus base; so a `c0` checksum is
//! verified exactly ([`BERRY_CHECKSUM`]). Other cache keys (`10` = `compressionLevel: mixed`,
//! `10c9` …) deflate the entries with yarn's zlib build, which is not reproduced: they are
//! reported as not evaluated with what was verified instead ([`unreproducible_reason`]).

use diligence_finding::{Finding, NotEvaluated, Outcome, Severity, declare_rule};
use diligence_graph::Package;
use serde_json::json;
use sha2::{Digest, Sha512};
use std::io::Read;

declare_rule! {
    /// A yarn berry `checksum` that does not match yarn's cache zip of the registry tarball.
    ///
    /// ## What it detects
    /// A berry lockfile entry (cache key ending in `c0`, Yarn 4's default) whose `checksum`
    /// differs from the sha512 of the zip yarn builds from the registry's tarball of that
    /// version (the tarball itself verified against the packument's `dist.integrity`).
    /// Evidence: `{"expected", "computed", "cache_key"}`.
    ///
    /// ## Why it matters
    /// Lockfile injection against yarn (tamper kind T4): a pull request swaps the checksum for
    /// that of another version, or of an attacker's archive served from a poisoned cache or
    /// mirror. Yarn refuses a mismatching download by default, but `checksumBehavior: update`
    /// or a pre-populated cache (zero-installs) would accept the attacker's archive; and a
    /// mismatch with the registry is never an honest edit.
    ///
    /// ## Example
    /// `checksum: 10c0/5ce692ff…` on `ms@npm:2.1.3`, where the registry tarball of ms 2.1.3
    /// gives `10c0/d924b57e…`.
    ///
    /// ## Known false positives
    /// A registry or mirror that repacks tarballs serves other bytes for the same version;
    /// `registry/tarball-integrity` then tells which side the bytes match.
    pub static BERRY_CHECKSUM = { id: "registry/berry-checksum", severity: Severity::Critical };
}

/// This crate's rules.
pub fn rules() -> Vec<&'static diligence_finding::Rule> {
    vec![&BERRY_CHECKSUM]
}

/// `registry/berry-checksum`'s check: the entry, the lockfile path, the locked checksum, and
/// the registry tarball's bytes or why there are none (see [`check`]).
pub type ChecksumCheck = fn(&Package, &str, &str, Result<&[u8], String>) -> Outcome;

/// The family's one rule with the check that runs it; callers run [`CHECK`]`.1` and record its
/// outcome under [`CHECK`]`.0`, so the rule that is documented is the rule that runs.
pub static CHECK: (&diligence_finding::Rule, ChecksumCheck) = (&BERRY_CHECKSUM, check);

/// The rules this crate's checks run ([`CHECK`]).
pub fn checked_rules() -> Vec<&'static diligence_finding::Rule> {
    vec![CHECK.0]
}

/// DOS date of 1984-06-22 (yarn's fixed mtime, 456789000 s after the epoch).
const DOS_DATE: u16 = 0x08d6;
/// DOS time 21:50:00.
const DOS_TIME: u16 = 0xae40;
/// "Version made by": Unix (3), zip spec 6.3.
const MADE_BY: u16 = 0x033f;
/// Most entries and bytes a rebuilt zip may hold (no zip64).
const MAX_ENTRIES: usize = 65_000;
const MAX_BYTES: u64 = 1 << 31;

/// A berry checksum split into its cache key and hex digest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checksum<'a> {
    /// `10c0`, `10`, `8`, … (empty for pre-cache-key lockfiles).
    pub cache_key: &'a str,
    pub hex: &'a str,
}

impl<'a> Checksum<'a> {
    /// `10c0/abc…` → (`10c0`, `abc…`); a bare digest has an empty cache key.
    pub fn parse(text: &'a str) -> Checksum<'a> {
        match text.split_once('/') {
            Some((cache_key, hex)) => Checksum { cache_key, hex },
            None => Checksum {
                cache_key: "",
                hex: text,
            },
        }
    }

    /// True when the cache key's compression level is 0 (`…c0`): stored entries, which
    /// [`cache_zip`] reproduces.
    pub fn reproducible(&self) -> bool {
        self.cache_key
            .split_once('c')
            .is_some_and(|(v, level)| level == "0" && v.bytes().all(|b| b.is_ascii_digit()))
    }
}

/// Why a checksum with this cache key is not compared, and what is verified instead.
pub fn unreproducible_reason(cache_key: &str) -> String {
    format!(
        "the berry checksum (cache key `{cache_key}`) hashes yarn's compressed zip, which is not \
         rebuilt (only compressionLevel 0, Yarn 4's default, is); verified instead: the locked \
         version exists on the registry and its tarball matches the packument's integrity; yarn \
         itself checks this checksum at install (checksumBehavior: throw)"
    )
}

/// Yarn's cache zip of the npm tarball `tgz` (gzip'd tar) for package `ident`
/// (`name` or `@scope/name`), as yarn builds it with compression level 0.
///
/// Errors (one line): not gzip/tar, a path leaving the package, a link entry (yarn stores
/// links in a way not reproduced here), more than 65,000 entries or 2 GiB.
pub fn cache_zip(tgz: &[u8], ident: &str) -> Result<Vec<u8>, String> {
    let gz = flate2::read::MultiGzDecoder::new(tgz);
    let mut archive = tar::Archive::new(gz);
    let prefix = format!("node_modules/{ident}/");
    let mut entries: Vec<ZipEntry> = Vec::new();
    let mut total: u64 = 0;
    let iter = archive
        .entries()
        .map_err(|e| format!("not a tarball: {e}"))?;
    for entry in iter {
        let mut entry = entry.map_err(|e| format!("unreadable tar entry: {e}"))?;
        let kind = entry.header().entry_type();
        let raw = entry
            .path()
            .map_err(|e| format!("bad tar path: {e}"))?
            .to_string_lossy()
            .into_owned();
        let Some(rel) = relative(&raw)? else {
            continue;
        };
        let path = format!("{prefix}{rel}");
        if kind.is_dir() {
            mkdirp(&mut entries, &format!("{path}/"));
            continue;
        }
        if kind.is_symlink() || kind.is_hard_link() {
            return Err(format!("{raw}: link entries are not reproduced"));
        }
        if !kind.is_file() {
            continue;
        }
        let mode = entry.header().mode().unwrap_or(0o644);
        let mut data = Vec::new();
        entry
            .read_to_end(&mut data)
            .map_err(|e| format!("{raw}: {e}"))?;
        total += data.len() as u64;
        if total > MAX_BYTES {
            return Err("more than 2 GiB of content".into());
        }
        if let Some((parent, _)) = path.rsplit_once('/') {
            mkdirp(&mut entries, &format!("{parent}/"));
        }
        let mode = if mode & 0o111 != 0 {
            0o100_755
        } else {
            0o100_644
        };
        match entries.iter_mut().find(|e| e.name == path) {
            // A duplicate replaces the content in place, as ZipFS does.
            Some(existing) => {
                existing.data = data;
                existing.mode = mode;
            }
            None => entries.push(ZipEntry {
                name: path,
                data,
                mode,
                dir: false,
            }),
        }
        if entries.len() > MAX_ENTRIES {
            return Err("more than 65,000 entries".into());
        }
    }
    if entries.is_empty() {
        mkdirp(&mut entries, &prefix);
    }
    Ok(write_zip(&entries))
}

/// The sha512 hex digest of [`cache_zip`] — the part of a berry checksum after the `/`.
pub fn checksum_hex(tgz: &[u8], ident: &str) -> Result<String, String> {
    let zip = cache_zip(tgz, ident)?;
    Ok(hex::encode(Sha512::digest(&zip)))
}

/// Judges one berry entry: `expected` is its lockfile checksum, `tarball` the registry's
/// tarball bytes (already verified against the packument) or why they could not be had.
/// Clean when the rebuilt checksum matches; a finding when it differs; not evaluated when the
/// cache key is not reproducible or the tarball could not be had or rebuilt.
pub fn check(
    package: &Package,
    file: &str,
    expected: &str,
    tarball: Result<&[u8], String>,
) -> Outcome {
    let subject = package.id_string();
    let sum = Checksum::parse(expected);
    if !sum.reproducible() {
        return Outcome::NotEvaluated(NotEvaluated::for_rule(
            &BERRY_CHECKSUM,
            &subject,
            unreproducible_reason(sum.cache_key),
        ));
    }
    let computed = match tarball.and_then(|bytes| checksum_hex(bytes, &package.name)) {
        Ok(c) => c,
        Err(why) => {
            return Outcome::NotEvaluated(NotEvaluated::for_rule(&BERRY_CHECKSUM, &subject, why));
        }
    };
    if computed.eq_ignore_ascii_case(sum.hex) {
        return Outcome::Clean;
    }
    let message = format!(
        "{subject}: the lockfile checksum {}/{}… is not yarn's archive of the registry tarball ({}/{}…)",
        sum.cache_key,
        &sum.hex[..sum.hex.len().min(16)],
        sum.cache_key,
        &computed[..16]
    );
    Outcome::found(
        Finding::new(&BERRY_CHECKSUM, message)
            .package(&package.name, &package.version)
            .at(file, package.location.for_integrity())
            .evidence(json!({
                "expected": expected,
                "computed": format!("{}/{computed}", sum.cache_key),
                "cache_key": sum.cache_key,
            })),
    )
}

struct ZipEntry {
    name: String,
    data: Vec<u8>,
    mode: u32,
    dir: bool,
}

/// The path below the tarball's first component, `.` and empty parts dropped; `None` for the
/// first component itself. A `..` part is an error.
fn relative(raw: &str) -> Result<Option<String>, String> {
    let mut parts = raw.split('/');
    parts.next();
    let mut kept = Vec::new();
    for part in parts {
        match part {
            "" | "." => {}
            ".." => return Err(format!("{raw}: path leaves the package")),
            p => kept.push(p),
        }
    }
    Ok((!kept.is_empty()).then(|| kept.join("/")))
}

/// Adds a folder entry for `dir` (ending in `/`) and each of its parents not yet present.
fn mkdirp(entries: &mut Vec<ZipEntry>, dir: &str) {
    let mut end = 0;
    while let Some(i) = dir[end..].find('/') {
        end += i + 1;
        let name = &dir[..end];
        if !entries.iter().any(|e| e.dir && e.name == name) {
            entries.push(ZipEntry {
                name: name.to_string(),
                data: Vec::new(),
                mode: 0o40_755,
                dir: true,
            });
        }
    }
}

fn write_zip(entries: &[ZipEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let name = e.name.as_bytes();
        let mut crc = flate2::Crc::new();
        crc.update(&e.data);
        let crc = crc.sum();
        let needed: u16 = if e.dir { 20 } else { 10 };
        let size = e.data.len() as u32;
        let offset = out.len() as u32;
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for v in [needed, 0, 0, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name);
        out.extend_from_slice(&e.data);
        // Central directory header.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for v in [MADE_BY, needed, 0, 0, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [crc, size, size] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            central.extend_from_slice(&v.to_le_bytes());
        }
        central.extend_from_slice(&(e.mode << 16).to_le_bytes());
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name);
    }
    let cd_offset = out.len() as u32;
    let count = entries.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, count, count] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&cd_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_keys() {
        assert!(Checksum::parse("10c0/ab").reproducible());
        assert!(!Checksum::parse("10/ab").reproducible());
        assert!(!Checksum::parse("10c9/ab").reproducible());
        assert!(!Checksum::parse("ab").reproducible());
        assert_eq!(Checksum::parse("8/ab").cache_key, "8");
    }

    #[test]
    fn folders_come_before_their_first_file() {
        let mut entries = Vec::new();
        mkdirp(&mut entries, "node_modules/@types/debug/");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "node_modules/",
                "node_modules/@types/",
                "node_modules/@types/debug/"
            ]
        );
        assert_eq!(
            relative("package/./lib//a.js").unwrap().as_deref(),
            Some("lib/a.js")
        );
        assert_eq!(relative("package/").unwrap(), None);
        assert!(relative("package/../x").is_err());
    }
}
