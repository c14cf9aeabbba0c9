//! The compact advisory index and [`AdvisoryDb`].
//!
//! # File format (`advisories.idx`, version 1)
//!
//! ```text
//! magic   8 bytes   b"DLGADV\0\x03"
//! u64 LE            checksum of everything after this field (see `checksum`)
//! u32 LE            length of the header
//! header            postcard-encoded [`DbStatus`]
//! u64 LE            length of the name map
//! name map          an `fst::Map`: npm package name -> byte offset into the blob
//! blob              per name, a postcard-encoded `Vec<IndexedAdvisory>`
//! ```
//!
//! Why this shape: loading reads the file, verifies the checksum and validates the header and
//! the fst (no record is decoded), so load time is the time to read and hash the file; a
//! truncated or bit-flipped file is refused at load, never half-used; a lookup is one fst probe plus
//! decoding only the advisories of that name. postcard (varint integers, length-prefixed
//! strings, no field names) keeps a 200,000-record database at a few tens of bytes per
//! record beyond its strings, and its wire format is stable across 1.x. An index written by
//! another format version is refused (`CorruptIndex`), never half-read.

use crate::advisory::{Advisory, AdvisoryKind, AffectedPackage};
use crate::error::AdvisoryError;
use crate::range;
use crate::source;
use diligence_finding::Severity;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

const MAGIC: &[u8; 8] = b"DLGADV\0\x03";

/// Bytes before the header: magic and checksum.
const PREFIX: usize = 16;

/// File name of the index inside the cache directory.
pub const INDEX_FILE: &str = "advisories.idx";

/// Environment variable overriding the cache directory.
pub const CACHE_DIR_ENV: &str = "DILIGENCE_CACHE_DIR";

/// A database older than this many days (since its newest `modified`) is stale.
pub const STALE_AFTER_DAYS: u64 = 7;

/// The cache directory: `$DILIGENCE_CACHE_DIR`, else `dirs::cache_dir()/diligence`
/// (`~/.cache/diligence` on Linux).
pub fn cache_dir() -> Result<PathBuf, AdvisoryError> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_ENV).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::cache_dir()
        .map(|d| d.join("diligence"))
        .ok_or(AdvisoryError::NoCacheDir)
}

/// What `diligence db status` prints and audit's staleness warning uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DbStatus {
    /// The source as given (path or URL).
    pub source: String,
    /// When the index was built, seconds since the Unix epoch.
    pub built_unix: u64,
    /// Non-withdrawn malware advisories with npm entries.
    pub malware: u64,
    /// Non-withdrawn vulnerability advisories with npm entries.
    pub vulnerability: u64,
    /// Withdrawn records (ignored by matching).
    pub withdrawn: u64,
    /// Records with no npm entry (other ecosystems), not indexed.
    pub other_ecosystems: u64,
    /// Distinct npm package names in the index.
    pub packages: u64,
    /// The newest `modified` timestamp of any record (RFC 3339 as written), if any.
    pub newest_modified: Option<String>,
    /// Documents of the source that could not be read (cut, malformed, too large), at most
    /// [`source::MAX_UNREADABLE_KEPT`]. Each makes every check that uses this database list
    /// a not-evaluated record (the advisories it held are unknown).
    pub unreadable: Vec<source::UnreadableRecord>,
}

impl DbStatus {
    /// Age of the data in whole days at `now_unix` (seconds): since the newest `modified`,
    /// or since the build when no record has a parsable `modified` (Datadog manifest).
    pub fn age_days_at(&self, now_unix: u64) -> u64 {
        let reference = self
            .newest_modified
            .as_deref()
            .and_then(crate::time::parse_rfc3339)
            .unwrap_or(self.built_unix);
        now_unix.saturating_sub(reference) / 86_400
    }

    /// Age in days now (see [`DbStatus::age_days_at`]).
    pub fn age_days(&self) -> u64 {
        self.age_days_at(now_unix())
    }

    /// `Some(age in days)` when the data is older than [`STALE_AFTER_DAYS`], for audit's
    /// warning line; `None` when fresh.
    pub fn stale_days(&self) -> Option<u64> {
        let age = self.age_days();
        (age > STALE_AFTER_DAYS).then_some(age)
    }
}

pub(crate) fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// What the index stores per (advisory, package name): the advisory's identity and the
/// affected data for that one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexedAdvisory {
    pub id: String,
    pub aliases: Vec<String>,
    pub kind: AdvisoryKind,
    pub severity: Option<Severity>,
    pub summary: String,
    pub url: String,
    pub affected: AffectedPackage,
}

impl IndexedAdvisory {
    /// The id followed by the aliases, without duplicates.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = vec![self.id.clone()];
        for alias in &self.aliases {
            if !ids.contains(alias) {
                ids.push(alias.clone());
            }
        }
        ids
    }
}

/// One advisory that affects a locked `name@version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdvisoryMatch {
    pub advisory: IndexedAdvisory,
    /// The lowest `fixed` version above the locked one, when the advisory names one.
    pub fixed: Option<String>,
}

/// A loaded advisory database: the header plus the name map and blob, records decoded on
/// lookup.
pub struct AdvisoryDb {
    status: DbStatus,
    names: fst::Map<Vec<u8>>,
    blob: Vec<u8>,
    /// Where it was loaded from, for errors.
    origin: PathBuf,
}

impl std::fmt::Debug for AdvisoryDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AdvisoryDb")
            .field("status", &self.status)
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

impl AdvisoryDb {
    /// Opens the index in [`cache_dir`]. Errors: `NoDatabase` when absent, `CorruptIndex`
    /// when unreadable as an index.
    pub fn open_cache() -> Result<AdvisoryDb, AdvisoryError> {
        Self::open_dir(&cache_dir()?)
    }

    /// Opens `dir/advisories.idx`.
    pub fn open_dir(dir: &Path) -> Result<AdvisoryDb, AdvisoryError> {
        Self::open(&dir.join(INDEX_FILE))
    }

    /// Opens an index file.
    pub fn open(path: &Path) -> Result<AdvisoryDb, AdvisoryError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(AdvisoryError::NoDatabase {
                    path: path.to_path_buf(),
                });
            }
            Err(e) => return Err(AdvisoryError::io(path, e)),
        };
        Self::from_index_bytes(bytes, path)
    }

    /// Reads a source (folder, zip, JSON file or URL) into an in-memory database without
    /// touching the cache (`audit --db`). URLs are downloaded to a temporary folder.
    pub fn load_source(source: &str) -> Result<AdvisoryDb, AdvisoryError> {
        Self::load_sources(&[source])
    }

    /// Like [`AdvisoryDb::load_source`] for several sources merged (e.g. the OSV export plus
    /// the Datadog manifest).
    pub fn load_sources(sources: &[&str]) -> Result<AdvisoryDb, AdvisoryError> {
        let bytes = build_from_sources(sources)?;
        Self::from_index_bytes(bytes, Path::new(&sources.join(",")))
    }

    /// Builds an in-memory database from already-normalised advisories.
    pub fn from_advisories(
        advisories: Vec<Advisory>,
        source: &str,
    ) -> Result<AdvisoryDb, AdvisoryError> {
        let bytes = build_index(advisories, source)?;
        Self::from_index_bytes(bytes, Path::new(source))
    }

    /// Parses index bytes (the file format above).
    pub fn from_index_bytes(bytes: Vec<u8>, origin: &Path) -> Result<AdvisoryDb, AdvisoryError> {
        let corrupt = |m: &str| AdvisoryError::CorruptIndex {
            path: origin.to_path_buf(),
            message: m.to_string(),
        };
        if bytes.len() < PREFIX + 4 || &bytes[..8] != MAGIC {
            return Err(corrupt(
                "bad magic (not a diligence index, or another version)",
            ));
        }
        let stored = u64::from_le_bytes(read_array(&bytes, 8).ok_or_else(|| corrupt("truncated"))?);
        if stored != checksum(&bytes[PREFIX..]) {
            return Err(corrupt("checksum mismatch (truncated or damaged)"));
        }
        let header_len =
            u32::from_le_bytes(read_array(&bytes, PREFIX).ok_or_else(|| corrupt("truncated"))?);
        let header_start = PREFIX + 4;
        let header_end = header_start
            .checked_add(header_len as usize)
            .filter(|&e| e + 8 <= bytes.len())
            .ok_or_else(|| corrupt("truncated header"))?;
        let status: DbStatus = postcard::from_bytes(&bytes[header_start..header_end])
            .map_err(|e| corrupt(&e.to_string()))?;
        let fst_len =
            u64::from_le_bytes(read_array(&bytes, header_end).ok_or_else(|| corrupt("truncated"))?);
        let fst_start = header_end + 8;
        let fst_end = usize::try_from(fst_len)
            .ok()
            .and_then(|l| fst_start.checked_add(l))
            .filter(|&e| e <= bytes.len())
            .ok_or_else(|| corrupt("truncated name map"))?;
        let names = fst::Map::new(bytes[fst_start..fst_end].to_vec())
            .map_err(|e| corrupt(&format!("name map: {e}")))?;
        let mut blob = bytes;
        blob.drain(..fst_end);
        Ok(AdvisoryDb {
            status,
            names,
            blob,
            origin: origin.to_path_buf(),
        })
    }

    /// Source, counts and age.
    pub fn status(&self) -> &DbStatus {
        &self.status
    }

    /// Every advisory indexed under `name` (exact, case-sensitive). Errors only on a corrupt
    /// blob.
    pub fn lookup(&self, name: &str) -> Result<Vec<IndexedAdvisory>, AdvisoryError> {
        let Some(offset) = self.names.get(name) else {
            return Ok(Vec::new());
        };
        let corrupt = |m: String| AdvisoryError::CorruptIndex {
            path: self.origin.clone(),
            message: m,
        };
        let slice = usize::try_from(offset)
            .ok()
            .and_then(|o| self.blob.get(o..))
            .ok_or_else(|| corrupt(format!("offset {offset} of `{name}` out of range")))?;
        let (entries, _) = postcard::take_from_bytes::<Vec<IndexedAdvisory>>(slice)
            .map_err(|e| corrupt(format!("entries of `{name}`: {e}")))?;
        Ok(entries)
    }

    /// Every advisory whose id or one of whose aliases is exactly `id` (OSV ids are
    /// case-sensitive), once per affected npm package name, in name order. Empty when the
    /// database does not hold it.
    ///
    /// The index has no id map: the id's bytes are searched in the blob (postcard stores
    /// strings as written), and only the names whose records contain them are decoded, so a
    /// lookup costs one pass over the blob (tens of milliseconds for 200,000 records).
    pub fn find_id(&self, id: &str) -> Result<Vec<IndexedAdvisory>, AdvisoryError> {
        use fst::Streamer;
        if id.is_empty() {
            return Ok(Vec::new());
        }
        let hits: Vec<usize> = memchr::memmem::find_iter(&self.blob, id.as_bytes()).collect();
        if hits.is_empty() {
            return Ok(Vec::new());
        }
        let mut starts: Vec<(u64, String)> = Vec::new();
        let mut stream = self.names.stream();
        while let Some((name, offset)) = stream.next() {
            starts.push((offset, String::from_utf8_lossy(name).into_owned()));
        }
        starts.sort();
        let mut names: Vec<&str> = hits
            .iter()
            .filter_map(|&at| {
                let i = starts.partition_point(|(o, _)| *o as usize <= at);
                i.checked_sub(1).map(|i| starts[i].1.as_str())
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        let mut out = Vec::new();
        for name in names {
            out.extend(
                self.lookup(name)?
                    .into_iter()
                    .filter(|a| a.id == id || a.aliases.iter().any(|x| x == id)),
            );
        }
        Ok(out)
    }

    /// The advisories that affect `name@version`, in index order (sorted by id).
    pub fn matches(&self, name: &str, version: &str) -> Result<Vec<AdvisoryMatch>, AdvisoryError> {
        Ok(self
            .lookup(name)?
            .into_iter()
            .filter(|a| range::affects(&a.affected, version))
            .map(|a| AdvisoryMatch {
                fixed: range::lowest_fixed_above(&a.affected, version),
                advisory: a,
            })
            .collect())
    }
}

fn read_array<const N: usize>(bytes: &[u8], at: usize) -> Option<[u8; N]> {
    bytes.get(at..at.checked_add(N)?)?.try_into().ok()
}

/// Reads and merges sources, then builds index bytes. Refuses an empty result.
pub fn build_from_sources(sources: &[&str]) -> Result<Vec<u8>, AdvisoryError> {
    let scratch = scratch_dir()?;
    let mut all = Vec::new();
    let mut unreadable = Vec::new();
    let mut more = 0;
    let mut result = Ok(());
    for source in sources {
        match source::read_source(source, &scratch) {
            Ok(read) => {
                all.extend(read.advisories);
                unreadable.extend(read.unreadable);
                more += read.more_unreadable;
            }
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    result?;
    let names: Vec<String> = sources.iter().map(|s| source_name(s)).collect();
    build_index_with(
        all,
        source::cap_unreadable(unreadable, more),
        &names.join(","),
    )
}

/// How a source is recorded in the status: URLs without credentials, paths made absolute.
fn source_name(source: &str) -> String {
    if source::is_url(source) {
        return source::redact(source);
    }
    std::fs::canonicalize(source)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| source.to_string())
}

fn scratch_dir() -> Result<PathBuf, AdvisoryError> {
    let base = std::env::temp_dir();
    let dir = base.join(format!(
        "diligence-advisory-{}-{}",
        std::process::id(),
        now_nanos()
    ));
    std::fs::create_dir_all(&dir).map_err(|e| AdvisoryError::io(&dir, e))?;
    Ok(dir)
}

fn now_nanos() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0)
}

/// Builds index bytes from advisories. Duplicated ids keep the record with the newest
/// `modified`. Errors with `Empty` when no non-withdrawn npm advisory remains.
pub fn build_index(advisories: Vec<Advisory>, source: &str) -> Result<Vec<u8>, AdvisoryError> {
    build_index_with(advisories, Vec::new(), source)
}

/// [`build_index`] recording the source's unreadable documents in the header. When nothing
/// readable remains, the first unreadable document is the error (it says more than `Empty`).
fn build_index_with(
    advisories: Vec<Advisory>,
    unreadable: Vec<source::UnreadableRecord>,
    source: &str,
) -> Result<Vec<u8>, AdvisoryError> {
    let mut by_id: HashMap<String, Advisory> = HashMap::with_capacity(advisories.len());
    for advisory in advisories {
        match by_id.get(&advisory.id) {
            Some(existing) if existing.modified >= advisory.modified => {}
            _ => {
                by_id.insert(advisory.id.clone(), advisory);
            }
        }
    }
    let mut status = DbStatus {
        source: source.to_string(),
        built_unix: now_unix(),
        malware: 0,
        vulnerability: 0,
        withdrawn: 0,
        other_ecosystems: 0,
        packages: 0,
        newest_modified: None,
        unreadable,
    };
    let mut per_name: BTreeMap<String, Vec<IndexedAdvisory>> = BTreeMap::new();
    let mut ids: Vec<String> = by_id.keys().cloned().collect();
    ids.sort();
    for id in ids {
        let Some(advisory) = by_id.remove(&id) else {
            continue;
        };
        count(&mut status, &advisory);
        if advisory.withdrawn || advisory.affected.is_empty() {
            continue;
        }
        for affected in advisory.affected.iter().cloned() {
            per_name
                .entry(affected.name.clone())
                .or_default()
                .push(IndexedAdvisory {
                    id: advisory.id.clone(),
                    aliases: advisory.aliases.clone(),
                    kind: advisory.kind,
                    severity: advisory.severity,
                    summary: advisory.summary.clone(),
                    url: advisory.url.clone(),
                    affected,
                });
        }
    }
    if per_name.is_empty() {
        if let Some(first) = status.unreadable.first() {
            return Err(AdvisoryError::parse(
                first.place.clone(),
                format!(
                    "{} (and no readable npm advisory in {source})",
                    first.message
                ),
            ));
        }
        return Err(AdvisoryError::Empty {
            source_name: source.to_string(),
        });
    }
    status.packages = per_name.len() as u64;
    encode(&status, &per_name)
}

fn count(status: &mut DbStatus, advisory: &Advisory) {
    if !advisory.modified.is_empty()
        && status
            .newest_modified
            .as_deref()
            .is_none_or(|n| crate::time::newer(&advisory.modified, n))
    {
        status.newest_modified = Some(advisory.modified.clone());
    }
    if advisory.withdrawn {
        status.withdrawn += 1;
    } else if advisory.affected.is_empty() {
        status.other_ecosystems += 1;
    } else if advisory.kind == AdvisoryKind::Malware {
        status.malware += 1;
    } else {
        status.vulnerability += 1;
    }
}

fn encode(
    status: &DbStatus,
    per_name: &BTreeMap<String, Vec<IndexedAdvisory>>,
) -> Result<Vec<u8>, AdvisoryError> {
    let encode_err = |e: String| AdvisoryError::CorruptIndex {
        path: PathBuf::from("<building>"),
        message: e,
    };
    let mut blob = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (name, entries) in per_name {
        builder
            .insert(name, blob.len() as u64)
            .map_err(|e| encode_err(e.to_string()))?;
        blob = postcard::to_extend(entries, blob).map_err(|e| encode_err(e.to_string()))?;
    }
    let names = builder
        .into_inner()
        .map_err(|e| encode_err(e.to_string()))?;
    let header = postcard::to_allocvec(status).map_err(|e| encode_err(e.to_string()))?;
    let mut out = Vec::with_capacity(PREFIX + 4 + header.len() + 8 + names.len() + blob.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&(names.len() as u64).to_le_bytes());
    out.extend_from_slice(&names);
    out.extend_from_slice(&blob);
    let sum = checksum(&out[PREFIX..]);
    out[8..PREFIX].copy_from_slice(&sum.to_le_bytes());
    Ok(out)
}

/// A fast 64-bit integrity checksum (multiply-xor over 8-byte words, plus the length).
/// It detects truncation and accidental damage; it is not a defence against tampering (the
/// cache directory is the user's own).
fn checksum(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(K);
        h ^= h >> 29;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// Reads `sources`, builds the index and replaces `dir/advisories.idx` atomically (write to
/// a temporary file in `dir`, fsync, rename). On any error the previous index is untouched.
/// Returns the new status.
pub fn update_dir(dir: &Path, sources: &[&str]) -> Result<DbStatus, AdvisoryError> {
    let bytes = build_from_sources(sources)?;
    let db = AdvisoryDb::from_index_bytes(bytes.clone(), &dir.join(INDEX_FILE))?;
    write_atomically(dir, &bytes)?;
    Ok(db.status)
}

/// Builds an index from already-normalised advisories and writes it atomically to
/// `dir/advisories.idx` (same guarantees as [`update_dir`]).
pub fn write_index(
    dir: &Path,
    advisories: Vec<Advisory>,
    source: &str,
) -> Result<DbStatus, AdvisoryError> {
    let bytes = build_index(advisories, source)?;
    let db = AdvisoryDb::from_index_bytes(bytes.clone(), &dir.join(INDEX_FILE))?;
    write_atomically(dir, &bytes)?;
    Ok(db.status)
}

/// [`update_dir`] on [`cache_dir`].
pub fn update_cache(sources: &[&str]) -> Result<DbStatus, AdvisoryError> {
    update_dir(&cache_dir()?, sources)
}

fn write_atomically(dir: &Path, bytes: &[u8]) -> Result<(), AdvisoryError> {
    use std::io::Write;
    std::fs::create_dir_all(dir).map_err(|e| AdvisoryError::io(dir, e))?;
    let tmp = dir.join(format!(
        "{INDEX_FILE}.tmp-{}-{}",
        std::process::id(),
        now_nanos()
    ));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, dir.join(INDEX_FILE))
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(AdvisoryError::io(dir.join(INDEX_FILE), e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::advisory;

    #[test]
    fn find_id_by_id_and_alias_across_names() {
        let mut mal = advisory("MAL-2025-46969", AdvisoryKind::Malware, "chalk", &["5.6.1"]);
        mal.affected.push(AffectedPackage {
            name: "debug".into(),
            versions: vec!["4.4.2".into()],
            ranges: Vec::new(),
        });
        mal.aliases = vec!["GHSA-2v46-p5h4-248w".into()];
        let other = advisory(
            "GHSA-aaaa-bbbb-cccc",
            AdvisoryKind::Vulnerability,
            "axios",
            &["1.0.0"],
        );
        let db = AdvisoryDb::from_advisories(vec![mal, other], "test").expect("db");

        let by_id: Vec<(String, String)> = db
            .find_id("MAL-2025-46969")
            .unwrap()
            .into_iter()
            .map(|a| (a.id, a.affected.name))
            .collect();
        assert_eq!(
            by_id,
            vec![
                ("MAL-2025-46969".to_string(), "chalk".to_string()),
                ("MAL-2025-46969".to_string(), "debug".to_string())
            ]
        );
        assert_eq!(db.find_id("GHSA-2v46-p5h4-248w").unwrap().len(), 2);
        assert_eq!(
            db.find_id("GHSA-aaaa-bbbb-cccc").unwrap()[0].affected.name,
            "axios"
        );
        // A prefix of an id is not the id; nor is a package name.
        assert!(db.find_id("MAL-2025-4696").unwrap().is_empty());
        assert!(db.find_id("chalk").unwrap().is_empty());
        assert!(db.find_id("").unwrap().is_empty());
    }
}
