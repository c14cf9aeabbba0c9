//! The code layer of `audit`: fetch every registry tarball through the registry client
//! (cached, verified), scan it with `diligence-analyze`, and keep the findings of packages whose
//! verdict is not clean. Scan results are cached by integrity under
//! `<cache>/scans/<key>.json`, keyed also by the running binary (its size and mtime), so a
//! second run is instant and a rebuilt analyser never reads stale verdicts.

use super::audit::Layer;
use diligence_analyze::{PackageScan, ScanOptions, Verdict};
use diligence_finding::{Finding, NotEvaluated, Severity};
use diligence_graph::{DependencyGraph, Package, Source};
use diligence_registry::{PackumentKind, RegistryClient, RegistryError};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Scans each distinct registry `name@version` of the graph. `full_packuments`: compare the
/// tarball's package.json with the registry's version document (manifest confusion); only
/// meaningful with full packuments (abbreviated ones omit `scripts`).
pub fn scan_graph(
    graph: &DependencyGraph,
    client: &RegistryClient,
    full_packuments: bool,
    progress: bool,
) -> Layer {
    let mut distinct: BTreeMap<(&str, &str), &Package> = BTreeMap::new();
    for p in &graph.packages {
        if matches!(p.source, Source::Registry { .. }) {
            distinct
                .entry((p.name.as_str(), p.version.as_str()))
                .or_insert(p);
        }
    }
    let file = graph.lockfile.path.display().to_string();
    let bar = diligence_registry::progress::bar(distinct.len() as u64, "tarballs", progress);
    let mut layer = Layer::default();
    // Downloads dominate a cold run: use as many threads as the client allows requests.
    let pool = match network_pool(client) {
        Ok(pool) => pool,
        Err(why) => {
            layer.not_evaluated.push(NotEvaluated {
                what: "code scan".into(),
                why,
            });
            return layer;
        }
    };
    let results: Vec<(&Package, Result<Option<PackageScan>, String>)> = pool.install(|| {
        distinct
            .par_iter()
            .map(|(_, p)| {
                let r = scan_one(client, p, full_packuments);
                bar.inc(1);
                (*p, r)
            })
            .collect()
    });
    bar.finish_and_clear();
    for (p, result) in results {
        match result {
            Ok(Some(scan)) => layer.findings.extend(package_findings(&scan, p, &file)),
            Ok(None) => {}
            Err(why) => layer.not_evaluated.push(NotEvaluated {
                what: format!("code scan of {}", p.id_string()),
                why,
            }),
        }
    }
    layer
}

/// A thread pool sized to the registry client's request concurrency, for work that mostly
/// waits on the network.
pub fn network_pool(client: &RegistryClient) -> Result<rayon::ThreadPool, String> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(client.options().concurrency.max(1))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))
}

/// The report findings of one scanned package: all of them when the verdict is not clean,
/// else only high and critical ones (a clean verdict with such a finding should not hide it).
fn package_findings(scan: &PackageScan, p: &Package, lockfile: &str) -> Vec<Finding> {
    let keep_all = scan.verdict != Verdict::Clean;
    scan.to_findings(&p.name, &p.version)
        .into_iter()
        .filter(|f| keep_all || f.severity >= Severity::High)
        .map(|mut f| {
            // Point at the file inside the package, named so a reader can find it.
            if let Some(loc) = f.location.as_mut() {
                loc.file = format!("{}@{}/{}", p.name, p.version, loc.file);
            } else {
                f.location = Some(diligence_finding::FindingLocation {
                    file: lockfile.to_string(),
                    line: p.location.line,
                });
            }
            if let serde_json::Value::Object(map) = &mut f.evidence {
                map.insert("verdict".into(), scan.verdict.as_str().into());
                map.insert("score".into(), scan.score.into());
            }
            f
        })
        .collect()
}

/// `Ok(None)`: the tarball does not match its integrity, which the registry cross-check
/// reports as a critical finding; its code is not scanned (the bytes are not what the
/// lockfile pins).
fn scan_one(
    client: &RegistryClient,
    p: &Package,
    full_packuments: bool,
) -> Result<Option<PackageScan>, String> {
    let cache_file = scan_cache_file(p, full_packuments);
    if let Some(path) = &cache_file
        && let Ok(bytes) = std::fs::read(path)
        && let Ok(scan) = serde_json::from_slice::<PackageScan>(&bytes)
    {
        return Ok(Some(scan));
    }
    let kind = if full_packuments {
        PackumentKind::Full
    } else {
        PackumentKind::Abbreviated
    };
    let packument = client
        .dists_with(&p.name, kind, &[&p.version])
        .map_err(|e| e.to_string())?;
    let manifest = packument
        .version(&p.version)
        .ok_or_else(|| format!("{} is not in the packument", p.id_string()))?;
    let bytes = match client.fetch_tarball_of(&p.name, manifest, p.integrity.as_ref()) {
        Ok(b) => b,
        // Reported by the registry cross-check as `registry/tarball-integrity`.
        Err(RegistryError::TarballIntegrity(_)) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let registry_manifest = if full_packuments {
        full_manifest(client, p)
    } else {
        None
    };
    let opts = ScanOptions {
        registry_manifest,
        ..Default::default()
    };
    let scan = diligence_analyze::scan_tarball(&bytes, &p.id_string(), &opts)
        .map_err(|e| e.to_string())?;
    if let Some(path) = cache_file
        && let Ok(json) = serde_json::to_vec(&scan)
    {
        // A cache that cannot be written only costs speed; write then rename so readers
        // never see half a file.
        let tmp = path.with_extension("tmp");
        if std::fs::create_dir_all(path.parent().unwrap_or(&path)).is_ok()
            && std::fs::write(&tmp, json).is_ok()
        {
            let _ = std::fs::rename(&tmp, &path);
        }
    }
    Ok(Some(scan))
}

fn full_manifest(client: &RegistryClient, p: &Package) -> Option<serde_json::Value> {
    let packument = client.packument(&p.name).ok()?;
    serde_json::to_value(packument.version(&p.version)?).ok()
}

/// `<cache>/scans/<sha256(integrity, binary identity, with manifest)>.json`, or `None`
/// without a cache directory or an integrity to key on. A scan with the registry manifest
/// (`--metadata`: the manifest-confusion comparison ran) is keyed apart from one without, so a
/// `--metadata` run after a default run does not reuse a scan that skipped the comparison.
fn scan_cache_file(p: &Package, with_manifest: bool) -> Option<PathBuf> {
    scan_cache_path(p.integrity.as_ref()?, with_manifest)
}

/// The scan cache file of a tarball with this integrity (see [`scan_cache_file`]); `hunt`
/// reads it without filling it.
pub(crate) fn scan_cache_path(
    integrity: &diligence_graph::Integrity,
    with_manifest: bool,
) -> Option<PathBuf> {
    let integrity = integrity.to_string();
    let cache = diligence_registry::Cache::default_location()?;
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
    Some(cache.root().join("scans").join(format!("{key}.json")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A scan that compared the registry manifest is cached apart from one that did not.
    #[test]
    fn metadata_scans_have_their_own_cache_key() {
        let p = Package {
            name: "left-pad".into(),
            version: "1.3.0".into(),
            source: diligence_graph::Source::Registry { resolved: None },
            integrity: diligence_graph::Integrity::parse_sri("sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==").ok(),
            dev: false,
            optional: false,
            peer: false,
            has_install_script: false,
            dependencies: Vec::new(),
            key: "left-pad@1.3.0".into(),
            location: Default::default(),
        };
        let (Some(plain), Some(with)) = (scan_cache_file(&p, false), scan_cache_file(&p, true))
        else {
            eprintln!("skipped: no cache directory or integrity");
            return;
        };
        assert_ne!(plain, with);
    }
}
