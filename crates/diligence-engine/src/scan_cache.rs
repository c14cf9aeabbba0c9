//! Scan results cached by tarball integrity under `<cache>/scans/<key>.json` (written under
//! each verified hash, read only by the strongest algorithm the reader holds), keyed also by
//! the running binary (its version, size and modification time), so a second run is instant
//! and a rebuilt analyser never reads stale verdicts, and by whether the registry manifest was
//! compared (`--metadata`: the analyser's manifest rules ran), so a `--metadata` run after a
//! default run does not reuse a scan that skipped the comparison. `hunt` reads the same files
//! ([`scan_cache_paths`], [`cached_scan`]) without filling them.

use diligence_analyze::PackageScan;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What is cached per tarball: the scan (its fields at the top level, so the file reads as a
/// [`PackageScan`]) and the tarball's `package.json` (for the manifest-confusion comparison).
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct Cached {
    #[serde(flatten)]
    pub scan: PackageScan,
    #[serde(default)]
    pub package_json: Option<serde_json::Value>,
}

/// The scan cache files to read for a tarball with this integrity in the default cache folder
/// (`DILIGENCE_CACHE_DIR` or the platform's): one per hash of its strongest algorithm only
/// (see `read_keys`); `with_manifest` when the registry manifest was compared. Empty
/// without a cache folder.
pub fn scan_cache_paths(
    integrity: &diligence_graph::Integrity,
    with_manifest: bool,
) -> Vec<PathBuf> {
    let Some(cache) = diligence_registry::Cache::default_location() else {
        return Vec::new();
    };
    read_files(Some(cache.root()), &integrity.to_string(), with_manifest)
}

/// The cached scan of a tarball with this integrity (by its strongest hashes), made with or without
/// the registry manifest (either holds the same code facts); `None` when there is none or it
/// is unreadable.
pub fn cached_scan(integrity: &diligence_graph::Integrity) -> Option<PackageScan> {
    [false, true]
        .into_iter()
        .flat_map(|with_manifest| scan_cache_paths(integrity, with_manifest))
        .find_map(|path| read(&path))
        .map(|c| c.scan)
}

/// The cache keys of an integrity: each SRI hash (`sha512-…`, `sha1-…`) on its own, strongest
/// first; an integrity that is not SRI is its own single key.
pub(crate) fn keys(integrity: &str) -> Vec<String> {
    match diligence_graph::Integrity::parse_sri(integrity) {
        Ok(diligence_graph::Integrity::Sri(mut hashes)) if !hashes.is_empty() => {
            hashes.sort_by_key(|h| std::cmp::Reverse(h.algorithm));
            hashes.iter().map(ToString::to_string).collect()
        }
        _ => vec![integrity.to_string()],
    }
}

/// The keys to read an entry by: only those of the strongest algorithm `integrity` has. An
/// entry is written under every hash its bytes were verified against (sha512 and the
/// registry's sha1), so a caller holding only a sha1 finds it, but a caller holding a sha512
/// never falls back to sha1: a SHA-1 collision between a scanned tarball and another must not
/// lend the first one's verdict to the second.
pub(crate) fn read_keys(integrity: &str) -> Vec<String> {
    let keys = keys(integrity);
    let algorithm = |k: &str| k.split_once('-').map(|(a, _)| a.to_string());
    let strongest = keys.first().and_then(|k| algorithm(k));
    keys.iter()
        .filter(|k| algorithm(k) == strongest)
        .cloned()
        .collect()
}

/// The cache files to write for `integrity`, one per key (see [`keys`]); empty without a
/// cache folder.
pub(crate) fn files(cache: Option<&Path>, integrity: &str, with_manifest: bool) -> Vec<PathBuf> {
    keys(integrity)
        .iter()
        .filter_map(|key| file(cache, key, with_manifest))
        .collect()
}

/// The cache files to read for `integrity`, one per key of [`read_keys`]; empty without a
/// cache folder.
pub(crate) fn read_files(
    cache: Option<&Path>,
    integrity: &str,
    with_manifest: bool,
) -> Vec<PathBuf> {
    read_keys(integrity)
        .iter()
        .filter_map(|key| file(cache, key, with_manifest))
        .collect()
}

/// The cache file for `integrity` (with or without the registry manifest compared), or `None`
/// without a cache folder.
pub(crate) fn file(cache: Option<&Path>, integrity: &str, with_manifest: bool) -> Option<PathBuf> {
    let cache = cache?;
    let exe = std::env::current_exe().ok()?;
    let meta = std::fs::metadata(exe).ok()?;
    let mtime = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    let mut h = Sha256::new();
    h.update(integrity.as_bytes());
    h.update(format!("\0{}\0{}\0{mtime}", env!("CARGO_PKG_VERSION"), meta.len()).as_bytes());
    if with_manifest {
        h.update(b"\0registry-manifest");
    }
    let key = hex::encode(h.finalize());
    Some(cache.join("scans").join(format!("{key}.json")))
}

pub(crate) fn read(path: &Path) -> Option<Cached> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes the entry under each of `paths` (the keys of one integrity).
pub(crate) fn write_all(paths: &[PathBuf], cached: &Cached) {
    for path in paths {
        write(path, cached);
    }
}

/// Writes then renames, so readers never see half a file; a cache that cannot be written only
/// costs speed.
pub(crate) fn write(path: &Path, cached: &Cached) {
    let Ok(json) = serde_json::to_vec(cached) else {
        return;
    };
    let tmp = path.with_extension("tmp");
    if std::fs::create_dir_all(path.parent().unwrap_or(path)).is_ok()
        && std::fs::write(&tmp, json).is_ok()
    {
        let _ = std::fs::rename(&tmp, path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scan that compared the registry manifest is cached apart from one that did not.
    #[test]
    fn metadata_scans_have_their_own_cache_key() {
        let dir = Path::new("/cache");
        let sri = "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==";
        let (Some(plain), Some(with)) = (file(Some(dir), sri, false), file(Some(dir), sri, true))
        else {
            panic!("the test binary has an identity to key on");
        };
        assert_ne!(plain, with);
        assert!(plain.starts_with("/cache/scans"));
    }

    /// `audit` keys on the registry's integrity (sha512 plus the sha1 `shasum`), `hunt` looks up
    /// a lockfile's (often sha512 alone, sometimes sha1 alone): each hash is a key of its own,
    /// strongest first, so either finds the other's entry.
    #[test]
    fn every_hash_of_an_integrity_is_a_key() {
        let sha512 = format!("sha512-{}==", "A".repeat(86));
        let sha1 = format!("sha1-{}A=", "B".repeat(26));
        let both = format!("{sha1} {sha512}");
        assert_eq!(keys(&both), [sha512.clone(), sha1.clone()]);
        let dir = Path::new("/cache");
        let written = files(Some(dir), &both, false);
        assert_eq!(written.len(), 2);
        assert_eq!(read_files(Some(dir), &sha512, false), written[..1]);
        assert_eq!(read_files(Some(dir), &sha1, false), written[1..]);
        assert_eq!(keys("10c0/abc"), ["10c0/abc"]);
        // A caller holding a sha512 never falls back to the sha1: another tarball sharing
        // the sha1 (a collision) must not read this entry.
        let other = format!("sha512-{}== {sha1}", "C".repeat(86));
        let reads = read_files(Some(dir), &other, false);
        assert_eq!(reads.len(), 1);
        assert!(!written.contains(&reads[0]));
    }

    /// The file reads as a plain `PackageScan` (what `hunt` and older readers expect), and a
    /// plain `PackageScan` reads as a cache entry without a package.json.
    #[test]
    fn cache_entries_are_package_scans() {
        let scan: PackageScan = serde_json::from_value(serde_json::json!({
            "package": "a@1.0.0", "verdict": "clean", "score": 0, "findings": [],
            "capabilities": [], "files": 1, "bytes": 2, "not_evaluated": []
        }))
        .unwrap();
        let cached = Cached {
            scan: scan.clone(),
            package_json: Some(serde_json::json!({"name": "a"})),
        };
        let text = serde_json::to_vec(&cached).unwrap();
        assert_eq!(serde_json::from_slice::<PackageScan>(&text).unwrap(), scan);
        let plain: Cached = serde_json::from_slice(&serde_json::to_vec(&scan).unwrap()).unwrap();
        assert_eq!(plain.scan, scan);
        assert_eq!(plain.package_json, None);
    }
}
