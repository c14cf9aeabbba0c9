//! Scan results cached by tarball integrity under `<cache>/scans/<key>.json`, keyed also by
//! the running binary (its version, size and modification time), so a second run is instant
//! and a rebuilt analyser never reads stale verdicts.

use diligence_analyze::PackageScan;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// What is cached per tarball: the scan and the tarball's `package.json` (for the
/// manifest-confusion comparison).
#[derive(serde::Serialize, serde::Deserialize)]
pub(crate) struct Cached {
    pub scan: PackageScan,
    pub package_json: Option<serde_json::Value>,
}

/// The cache file for `integrity`, or `None` without a cache folder.
pub(crate) fn file(cache: Option<&Path>, integrity: &str) -> Option<PathBuf> {
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
    let key = hex::encode(h.finalize());
    Some(cache.join("scans").join(format!("{key}.json")))
}

pub(crate) fn read(path: &Path) -> Option<Cached> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
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
