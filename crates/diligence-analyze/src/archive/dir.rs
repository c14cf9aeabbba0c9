//! Read-only loading of a package folder with the same limits as tarballs.

use super::{AnomalyLog, ArchiveLimits, Effect, MAX_STRINGS, PackageFile, Unpacked, large::Digest};
use std::io::Read;
use std::path::{Component, Path};

/// Reads a package folder read-only: regular files only, symlinks reported and not followed,
/// files over [`ArchiveLimits::max_file_bytes`] streamed, the same limits as for tarballs
/// (every folder entry counts against [`ArchiveLimits::max_entries`]). `label.json` and
/// `registry-manifest.json` at the root are corpus metadata, not package content: they are
/// skipped. `node_modules` and `.git` at the root are not package content either.
pub fn read_dir(root: &Path, limits: &ArchiveLimits) -> std::io::Result<Unpacked> {
    let meta = std::fs::symlink_metadata(root)?;
    if !meta.is_dir() {
        return Err(std::io::Error::other("not a directory"));
    }
    let mut out = Unpacked::default();
    let mut log = AnomalyLog::default();
    let mut memory = 0u64;
    let mut entries_seen = 0u64;
    let mut stack = vec![root.to_path_buf()];
    'walk: while let Some(dir) = stack.pop() {
        let mut entries: Vec<_> = std::fs::read_dir(&dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            entries_seen += 1;
            if entries_seen > limits.max_entries {
                log.push(
                    "",
                    format!(
                        "more than {} folder entries: reading stopped",
                        limits.max_entries
                    ),
                    Effect::Incomplete,
                );
                break 'walk;
            }
            let path = entry.path();
            let rel = relative(root, &path);
            let ft = entry.file_type()?;
            if ft.is_symlink() {
                let target = std::fs::read_link(&path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                log.push(
                    &rel,
                    format!("symlink to `{target}` (not followed)"),
                    Effect::Hostile,
                );
                continue;
            }
            if ft.is_dir() {
                if rel != "node_modules" && rel != ".git" {
                    stack.push(path);
                }
                continue;
            }
            if !ft.is_file() || is_corpus_metadata(&rel) {
                continue;
            }
            if out.files.len() + out.large.len() >= limits.max_files {
                log.push(
                    "",
                    format!("more than {} files: reading stopped", limits.max_files),
                    Effect::Incomplete,
                );
                break 'walk;
            }
            let size = entry.metadata()?.len();
            if size > limits.max_file_bytes {
                let budget = MAX_STRINGS.min(limits.max_total_bytes.saturating_sub(memory));
                let mut digest = Digest::new(budget as usize);
                let mut file = std::fs::File::open(&path)?;
                let mut chunk = vec![0u8; 64 * 1024];
                loop {
                    let n = file.read(&mut chunk)?;
                    if n == 0 {
                        break;
                    }
                    digest.update(&chunk[..n]);
                }
                memory += digest.strings_len() as u64;
                out.large.push(digest.finish(rel));
                continue;
            }
            if memory + size > limits.max_total_bytes {
                log.push(
                    "",
                    format!(
                        "more than {} bytes: reading stopped",
                        limits.max_total_bytes
                    ),
                    Effect::Incomplete,
                );
                break 'walk;
            }
            let bytes = std::fs::read(&path)?;
            memory += bytes.len() as u64;
            out.files.push(PackageFile { path: rel, bytes });
        }
    }
    out.files.sort_by(|a, b| a.path.cmp(&b.path));
    out.large.sort_by(|a, b| a.path.cmp(&b.path));
    out.anomalies = log.finish();
    Ok(out)
}

fn is_corpus_metadata(rel: &str) -> bool {
    rel == "label.json" || rel == "registry-manifest.json"
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("/")
}
