//! Reading advisory sources: a folder of OSV `*.json` (searched recursively, like a clone of
//! ossf/malicious-packages or github/advisory-database), a `.zip` of them (the OSV export
//! `npm/all.zip`: one record per entry), a single OSV record, a Datadog manifest, or a URL
//! serving a zip or JSON document.
//!
//! The kind of a file is decided by content, not extension: `PK\x03\x04` is a zip; a JSON
//! object with any of `id`, `affected`, `modified`, `schema_version` is an OSV record; a JSON
//! object of name → versions-or-null is a Datadog manifest. A single-file source that is
//! anything else is an error naming the file. Inside a folder or zip, a document that cannot be
//! read (cut, malformed, too large, neither kind) is kept as an [`UnreadableRecord`] and the
//! rest is read: the database lists it, and every check that uses the database reports it as
//! not evaluated (fail closed: a source is never silently half-read, and one bad record does
//! not hide the matches of every good one).

use crate::advisory::Advisory;
use crate::datadog;
use crate::error::AdvisoryError;
use crate::osv::OsvRecord;
use rayon::prelude::*;
use serde_json::Value;
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Largest download accepted (bytes): 2 GiB. The OSV npm export is a few hundred MB.
pub const MAX_DOWNLOAD_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Largest single record or manifest accepted (bytes): 64 MiB.
const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Documents parsed per parallel batch (bounds memory while reading a large zip).
const BATCH: usize = 4096;

/// Most [`UnreadableRecord`]s kept per database; later ones are counted in the last kept
/// record's message, so a folder of unrelated JSON cannot grow the index header without bound.
pub const MAX_UNREADABLE_KEPT: usize = 100;

/// A document inside a folder or zip source that could not be read as an advisory.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct UnreadableRecord {
    /// Where it is: the file path, or `zip path:entry name`.
    pub place: String,
    /// Why, one line (the parser's message).
    pub message: String,
}

/// What a source held: the advisories read and the documents that could not be read.
#[derive(Debug, Default)]
pub struct SourceRead {
    pub advisories: Vec<Advisory>,
    /// At most [`MAX_UNREADABLE_KEPT`] of them (memory stays bounded)…
    pub unreadable: Vec<UnreadableRecord>,
    /// …and how many more there were.
    pub more_unreadable: usize,
}

impl SourceRead {
    fn skip(&mut self, error: AdvisoryError) {
        let (place, message) = match error {
            AdvisoryError::Parse { place, message } | AdvisoryError::Zip { place, message } => {
                (place, message)
            }
            other => (String::new(), other.to_string()),
        };
        if self.unreadable.len() < MAX_UNREADABLE_KEPT {
            self.unreadable.push(UnreadableRecord { place, message });
        } else {
            self.more_unreadable += 1;
        }
    }
}

/// `records` cut to [`MAX_UNREADABLE_KEPT`], the last kept one saying how many more there
/// were (`more`: those already dropped while reading).
pub fn cap_unreadable(mut records: Vec<UnreadableRecord>, more: usize) -> Vec<UnreadableRecord> {
    let more = more + records.len().saturating_sub(MAX_UNREADABLE_KEPT);
    records.truncate(MAX_UNREADABLE_KEPT);
    if more > 0
        && let Some(last) = records.last_mut()
    {
        last.message = format!("{} (and {more} more unreadable)", last.message);
    }
    records
}

/// True when `source` is an `http://` or `https://` URL.
pub fn is_url(source: &str) -> bool {
    source.starts_with("https://") || source.starts_with("http://")
}

/// The URL with any `user:password@` part replaced by `***@`, for messages and the status
/// (never print credentials).
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://***@{}", &rest[at + 1..]),
        None => url.to_string(),
    }
}

/// Reads every advisory from a local path (folder, zip, or JSON file).
///
/// Errors: unreadable path, a zip that is not readable, a single JSON file that is malformed
/// or is neither an OSV record nor a Datadog manifest. A bad document inside a folder or zip is
/// not an error: it is listed in [`SourceRead::unreadable`].
pub fn read_path(path: &Path) -> Result<SourceRead, AdvisoryError> {
    let meta = std::fs::metadata(path).map_err(|e| AdvisoryError::io(path, e))?;
    if meta.is_dir() {
        return read_dir(path);
    }
    let mut head = [0u8; 4];
    let mut file = File::open(path).map_err(|e| AdvisoryError::io(path, e))?;
    let n = file
        .read(&mut head)
        .map_err(|e| AdvisoryError::io(path, e))?;
    if n == 4 && &head == b"PK\x03\x04" || path.extension().is_some_and(|e| e == "zip") {
        return read_zip(path);
    }
    let bytes = read_limited(path)?;
    Ok(SourceRead {
        advisories: parse_document(&bytes, &path.display().to_string(), &file_stem(path))?,
        ..SourceRead::default()
    })
}

/// Downloads `url` to `dest` (created or truncated), streaming, with the platform's
/// certificate verifier, a 30 s connect and 10-minute overall timeout, and the
/// [`MAX_DOWNLOAD_BYTES`] limit. Proxies come from the usual environment variables. Any HTTP status other than 2xx, a connection
/// that ends before `Content-Length`, or a write error is an error; `dest` may then hold a
/// partial file, which the caller discards.
pub fn download(url: &str, dest: &Path) -> Result<(), AdvisoryError> {
    let fail = |message: String| AdvisoryError::Download {
        url: redact(url),
        message,
    };
    let tls = ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::PlatformVerifier)
        .build();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .tls_config(tls)
        .timeout_global(Some(Duration::from_secs(600)))
        .timeout_connect(Some(Duration::from_secs(30)))
        .user_agent(concat!("diligence/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let mut response = agent.get(url).call().map_err(|e| fail(e.to_string()))?;
    let mut file = File::create(dest).map_err(|e| AdvisoryError::io(dest, e))?;
    let mut reader = response
        .body_mut()
        .with_config()
        .limit(MAX_DOWNLOAD_BYTES)
        .reader();
    std::io::copy(&mut reader, &mut file).map_err(|e| fail(e.to_string()))?;
    file.flush().map_err(|e| AdvisoryError::io(dest, e))?;
    Ok(())
}

/// Reads a source given as a path or URL. URLs are downloaded into `scratch` (a folder the
/// caller owns and removes) first.
pub fn read_source(source: &str, scratch: &Path) -> Result<SourceRead, AdvisoryError> {
    if !is_url(source) {
        return read_path(Path::new(source));
    }
    let dest = scratch.join("download");
    download(source, &dest)?;
    let mut read = read_path(&dest).map_err(|e| match e {
        AdvisoryError::Zip { message, .. } => AdvisoryError::Zip {
            place: redact(source),
            message,
        },
        AdvisoryError::Parse { message, .. } => AdvisoryError::Parse {
            place: redact(source),
            message,
        },
        other => other,
    })?;
    let shown = redact(source);
    let local = dest.display().to_string();
    for record in &mut read.unreadable {
        if let Some(rest) = record.place.strip_prefix(&local) {
            record.place = format!("{shown}{rest}");
        }
    }
    Ok(read)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, AdvisoryError> {
    let file = File::open(path).map_err(|e| AdvisoryError::io(path, e))?;
    let mut bytes = Vec::new();
    file.take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| AdvisoryError::io(path, e))?;
    if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
        return Err(AdvisoryError::parse(
            path.display().to_string(),
            format!("larger than {MAX_DOCUMENT_BYTES} bytes"),
        ));
    }
    Ok(bytes)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// One document waiting to be parsed: where it came from, the fallback id, the bytes.
struct Pending {
    place: String,
    stem: String,
    bytes: Vec<u8>,
}

/// Parses a batch in parallel; a document that fails is kept as unreadable, in input order.
fn parse_batch(batch: &mut Vec<Pending>, out: &mut SourceRead) {
    let parsed: Vec<Result<Vec<Advisory>, AdvisoryError>> = batch
        .par_iter()
        .map(|p| parse_document(&p.bytes, &p.place, &p.stem))
        .collect();
    for result in parsed {
        match result {
            Ok(advisories) => out.advisories.extend(advisories),
            Err(e) => out.skip(e),
        }
    }
    batch.clear();
}

fn read_dir(root: &Path) -> Result<SourceRead, AdvisoryError> {
    let mut files = Vec::new();
    collect_json_files(root, &mut files)?;
    files.sort();
    let mut out = SourceRead::default();
    let mut batch = Vec::with_capacity(BATCH);
    for path in files {
        match read_limited(&path) {
            Ok(bytes) => batch.push(Pending {
                place: path.display().to_string(),
                stem: file_stem(&path),
                bytes,
            }),
            // Too large: one bad record. An I/O error is the source's, not the record's.
            Err(e @ AdvisoryError::Parse { .. }) => out.skip(e),
            Err(e) => return Err(e),
        }
        if batch.len() >= BATCH {
            parse_batch(&mut batch, &mut out);
        }
    }
    parse_batch(&mut batch, &mut out);
    Ok(out)
}

/// Every `*.json` file (extension in any case) below `dir`, following symbolic links to
/// folders (a clone may link `npm` to another folder; red-team: a linked folder was skipped
/// silently) once each by canonical path, so a link cycle ends.
fn collect_json_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), AdvisoryError> {
    let mut seen = std::collections::HashSet::new();
    collect_json_files_in(dir, out, &mut seen)
}

fn collect_json_files_in(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut std::collections::HashSet<PathBuf>,
) -> Result<(), AdvisoryError> {
    let canonical = std::fs::canonicalize(dir).map_err(|e| AdvisoryError::io(dir, e))?;
    if !seen.insert(canonical) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| AdvisoryError::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| AdvisoryError::io(dir, e))?;
        let path = entry.path();
        let mut kind = entry.file_type().map_err(|e| AdvisoryError::io(&path, e))?;
        if kind.is_symlink() {
            // Follow it; a broken link is an I/O error (the source is not fully readable).
            kind = std::fs::metadata(&path)
                .map_err(|e| AdvisoryError::io(&path, e))?
                .file_type();
        }
        if kind.is_dir() {
            collect_json_files_in(&path, out, seen)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn read_zip(path: &Path) -> Result<SourceRead, AdvisoryError> {
    let place = path.display().to_string();
    let zip_err = |e: zip::result::ZipError| AdvisoryError::Zip {
        place: place.clone(),
        message: e.to_string(),
    };
    let file = File::open(path).map_err(|e| AdvisoryError::io(path, e))?;
    let mut archive = zip::ZipArchive::new(file).map_err(zip_err)?;
    let mut out = SourceRead::default();
    let mut batch = Vec::with_capacity(BATCH);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(zip_err)?;
        let name = entry.name().map_err(zip_err)?.to_string();
        if entry.is_dir() || !name.ends_with(".json") {
            continue;
        }
        let entry_place = format!("{place}:{name}");
        if entry.size() > MAX_DOCUMENT_BYTES {
            out.skip(AdvisoryError::parse(entry_place, "entry too large"));
            continue;
        }
        let mut bytes = Vec::with_capacity(entry.size() as usize);
        entry
            .read_to_end(&mut bytes)
            .map_err(|e| AdvisoryError::Zip {
                place: entry_place.clone(),
                message: e.to_string(),
            })?;
        let stem = name.rsplit('/').next().unwrap_or(&name);
        batch.push(Pending {
            stem: stem.trim_end_matches(".json").to_string(),
            place: entry_place,
            bytes,
        });
        if batch.len() >= BATCH {
            parse_batch(&mut batch, &mut out);
        }
    }
    parse_batch(&mut batch, &mut out);
    Ok(out)
}

/// Parses one JSON document: an OSV record or a Datadog manifest.
fn parse_document(bytes: &[u8], place: &str, stem: &str) -> Result<Vec<Advisory>, AdvisoryError> {
    let value: Value = serde_json::from_slice(bytes).map_err(|e| AdvisoryError::parse(place, e))?;
    let Value::Object(object) = value else {
        return Err(AdvisoryError::parse(
            place,
            "expected a JSON object (an OSV record or a Datadog manifest)",
        ));
    };
    let is_osv = ["id", "affected", "modified", "schema_version"]
        .iter()
        .any(|k| object.contains_key(*k));
    if is_osv {
        let record: OsvRecord = serde_json::from_value(Value::Object(object))
            .map_err(|e| AdvisoryError::parse(place, format!("not a valid OSV record: {e}")))?;
        return Ok(vec![Advisory::from_osv(&record, stem)]);
    }
    if datadog::looks_like_manifest(&object) {
        return datadog::from_manifest(&object, place);
    }
    Err(AdvisoryError::parse(
        place,
        "neither an OSV record nor a Datadog manifest (name -> versions or null)",
    ))
}

#[cfg(test)]
mod tests {
    use super::redact;

    /// 150 unreadable records: 100 kept, the last one counting the 50 dropped (while reading
    /// and when merging sources alike).
    #[test]
    fn unreadable_records_are_capped_and_counted() {
        let rec = |i: usize| super::UnreadableRecord {
            place: format!("r{i}.json"),
            message: "cut".into(),
        };
        let kept = super::cap_unreadable((0..120).map(rec).collect(), 30);
        assert_eq!(kept.len(), 100);
        assert_eq!(kept[99].message, "cut (and 50 more unreadable)");
        let few = super::cap_unreadable((0..3).map(rec).collect(), 0);
        assert_eq!(few[2].message, "cut");
    }

    #[test]
    fn redacts_credentials() {
        assert_eq!(
            redact("https://user:s3cret@mirror.example/npm/all.zip"),
            "https://***@mirror.example/npm/all.zip"
        );
        assert_eq!(redact("https://osv.dev/a@b"), "https://osv.dev/a@b");
        assert_eq!(redact("/local/path"), "/local/path");
    }
}
