//! Outside programs some tests drive (Chromium, actionlint, pre-commit). Like the corpus, a
//! tool that is absent makes its test skip with one line naming it, and fails the test when
//! `DILIGENCE_REQUIRE_TOOLS` or `DILIGENCE_REQUIRE_CORPUS` is set (CI; `scripts/test`
//! installs them with `scripts/install-test-tools.sh`).

use std::io::Write;
use std::path::{Path, PathBuf};

/// The first of `names` found as an executable in `$DILIGENCE_TOOLS_DIR/venv/bin`, the
/// workspace's `.tools/venv/bin`, or on `PATH`. When none is: panics if
/// `DILIGENCE_REQUIRE_TOOLS` or `DILIGENCE_REQUIRE_CORPUS` (both set by `.ci/run`) is set to
/// anything but `0` or empty, else prints one skip line
/// for `test` and returns `None`.
pub fn tool(test: &str, names: &[&str]) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    if let Some(d) = std::env::var_os("DILIGENCE_TOOLS_DIR").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(d).join("venv/bin"));
    }
    dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools/venv/bin"));
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    for name in names {
        for dir in &dirs {
            let candidate = dir.join(name);
            if is_executable(&candidate) {
                return Some(candidate);
            }
        }
    }
    // CI sets both; either makes a missing tool a failure.
    let required = ["DILIGENCE_REQUIRE_TOOLS", "DILIGENCE_REQUIRE_CORPUS"]
        .iter()
        .any(|var| std::env::var(var).is_ok_and(|v| !v.is_empty() && v != "0"));
    if required {
        panic!(
            "{test}: {} not found and DILIGENCE_REQUIRE_TOOLS is set (scripts/install-test-tools.sh installs it)",
            names.join(" or ")
        );
    }
    let _ = writeln!(
        std::io::stderr(),
        "note: {test} skipped: {} not found (scripts/install-test-tools.sh installs it)",
        names.join(" or ")
    );
    None
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// `tool_or_skip!("test name", "chromium", "chromium-browser")` evaluates to the tool's path,
/// or returns from the calling test when it is absent; see [`tool`].
#[macro_export]
macro_rules! tool_or_skip {
    ($test:expr, $($name:expr),+ $(,)?) => {
        match $crate::tools::tool($test, &[$($name),+]) {
            Some(path) => path,
            None => return,
        }
    };
}
