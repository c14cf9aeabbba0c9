//! Test support shared by the diligence crates.
//!
//! The tests read real inputs from the shared corpus that sits beside the checkout
//! (`../shared/corpus`: real lockfiles, the tamper set, advisories, the malicious development
//! set, the benign top 1,000). A user's clone has no such folder, so every test that needs it
//! asks [`corpus`] (or the [`corpus_or_skip!`] macro) and skips when it is absent:
//!
//! - `DILIGENCE_CORPUS=DIR` points at another corpus folder;
//! - where the folder is absent, the test returns early and the test process prints one line
//!   on stderr (once per test binary, not captured by the test harness) naming the path;
//! - with `DILIGENCE_REQUIRE_CORPUS=1` (set by `.ci/run`) a missing corpus is a failure
//!   instead, so CI never passes by skipping.

pub mod git;
pub mod modules;
pub mod tools;

use std::io::Write;
use std::path::PathBuf;
use std::sync::Once;

/// The corpus root: `$DILIGENCE_CORPUS`, else `<workspace>/../shared/corpus`. It may not
/// exist; see [`corpus`].
pub fn corpus_root() -> PathBuf {
    match std::env::var_os("DILIGENCE_CORPUS") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus"),
    }
}

/// `<corpus root>/<sub>` (e.g. `"lockfiles"`, `"tamper/base-npm-v3"`, `""` for the root) when
/// it exists. When it does not: panics if `DILIGENCE_REQUIRE_CORPUS` is set to anything but
/// `0` or empty (CI), else prints the one skip line (once per process) and returns `None`.
pub fn corpus(sub: &str) -> Option<PathBuf> {
    let root = corpus_root();
    let path = if sub.is_empty() {
        root.clone()
    } else {
        root.join(sub)
    };
    if path.exists() {
        return Some(path);
    }
    let required = std::env::var("DILIGENCE_REQUIRE_CORPUS")
        .map(|v| !v.is_empty() && v != "0")
        .unwrap_or(false);
    if required {
        panic!(
            "{}: the shared test corpus is missing and DILIGENCE_REQUIRE_CORPUS is set",
            path.display()
        );
    }
    static SKIP_LINE: Once = Once::new();
    SKIP_LINE.call_once(|| {
        // Written to the stderr handle directly: the test harness captures only the print
        // macros, and this line must be seen once.
        let _ = writeln!(
            std::io::stderr(),
            "note: {} not found: tests that need the shared corpus are skipped (set DILIGENCE_CORPUS=DIR)",
            root.display()
        );
    });
    None
}

/// `corpus_or_skip!("lockfiles")` evaluates to the corpus path, or returns from the calling
/// test (which must return `()`) when the corpus is absent; see [`corpus`].
#[macro_export]
macro_rules! corpus_or_skip {
    ($sub:expr) => {
        match $crate::corpus($sub) {
            Some(path) => path,
            None => return,
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_beside_the_checkout() {
        let root = corpus_root();
        assert!(root.ends_with("shared/corpus") || std::env::var_os("DILIGENCE_CORPUS").is_some());
    }

    #[test]
    fn a_missing_sub_folder_is_none_or_required() {
        if std::env::var("DILIGENCE_REQUIRE_CORPUS").is_ok_and(|v| !v.is_empty() && v != "0") {
            return;
        }
        assert_eq!(corpus("no-such-folder-in-any-corpus"), None);
    }
}
