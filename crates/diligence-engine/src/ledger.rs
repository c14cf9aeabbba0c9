//! The audit ledger (`supply-chain/`, crate `diligence-vet`) in the review of a change: which
//! ledgers a delta input is checked against, read from the same places as the rest of the
//! configuration, and the layer that runs [`diligence_vet::vet_change`] on them.
//!
//! | input | trusted ledger (decides coverage) | proposed ledger (its new entries are reviewable data) |
//! |---|---|---|
//! | `diff` on git revisions | the base revision's `supply-chain/` | the head revision's, or the working tree's |
//! | `diff --base-lockfile --head-lockfile`, one folder | that folder's | — |
//! | the same, two folders | the base folder's | the head folder's |
//! | `install` | the project folder's | — |
//!
//! Why the base governs: see [`diligence_vet::delta`]. A project with no ledger at either end
//! gets no ledger findings; an unreadable ledger file is "not evaluated" (exit 2), never a
//! silent pass.

use diligence_diff::git;
use diligence_vet::Store;
use diligence_vet::store::{FILES, MAX_FILE_BYTES, STORE_DIR};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A ledger as read: `None` when there is none, `Some(Err(line))` when it cannot be used.
pub type ReadLedger = Option<Result<Store, String>>;

/// The audit ledgers a delta input is reviewed against (see the module table).
#[derive(Debug, Clone, Default)]
pub struct DeltaLedger {
    /// The ledger that decides coverage (the base's).
    pub trusted: ReadLedger,
    /// The head's ledger, when it may differ from the trusted one: entries only it has
    /// cover nothing by themselves and are reported as `vet/certified-in-change`.
    pub proposed: ReadLedger,
}

/// The ledger in `project_dir/supply-chain` on disk.
pub fn on_disk(project_dir: &Path) -> ReadLedger {
    let dir = project_dir.join(STORE_DIR);
    if !dir.is_dir() {
        return None;
    }
    Some(Store::load(&dir).map_err(|e| e.to_string()))
}

/// The ledger in `dir_rel/supply-chain` of the repository at `root` at revision `rev`
/// (files named `REV:path`); `None` when the revision has none of its files.
pub fn at_revision(root: &Path, rev: &str, dir_rel: &str) -> ReadLedger {
    let store_rel = diligence_diff::config::join_rel(dir_rel, STORE_DIR);
    let mut texts: HashMap<&str, String> = HashMap::new();
    for file in FILES {
        let rel = format!("{store_rel}/{file}");
        match git::show_bounded(root, rev, &rel, MAX_FILE_BYTES) {
            Ok(Some(bytes)) => match String::from_utf8(bytes) {
                Ok(text) => {
                    texts.insert(file, text);
                }
                Err(e) => {
                    return Some(Err(format!(
                        "{rev}:{rel}: not valid UTF-8 at byte {}",
                        e.utf8_error().valid_up_to()
                    )));
                }
            },
            Ok(None) => {}
            Err(e) => return Some(Err(format!("{rev}:{rel}: {e}"))),
        }
    }
    if texts.is_empty() {
        return None;
    }
    let dir = PathBuf::from(format!("{rev}:{store_rel}"));
    let read = |file: &str| Ok(texts.get(file).cloned().unwrap_or_default());
    Some(Store::load_with(&dir, read).map_err(|e| e.to_string()))
}
