//! The Ray job of `deploy/ray/` end to end: `deploy/ray/tests/test_job.py` on a local Ray
//! cluster with 2 workers, a fixture registry and `_changes` feed on 127.0.0.1, and this
//! build's `diligence` as the scanner (every spec scanned exactly once across an actor kill and
//! a job restart; the Parquet rows equal `diligence scan` run directly).
//!
//! Needs the Python venv of `scripts/install-test-ray.sh` (Ray and pyarrow, pinned in
//! `deploy/ray/requirements.txt`; `scripts/test` runs it) at `target/ray-venv`, or
//! `$DILIGENCE_RAY_VENV`. Without it the test skips with one line, unless
//! `DILIGENCE_REQUIRE_CORPUS` is set (CI), where a missing venv is a failure.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn ray_job_scans_every_spec_exactly_once() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let venv = std::env::var_os("DILIGENCE_RAY_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target/ray-venv"));
    let python = venv.join("bin/python");
    if !python.is_file() {
        let required =
            std::env::var("DILIGENCE_REQUIRE_CORPUS").is_ok_and(|v| !v.is_empty() && v != "0");
        assert!(
            !required,
            "{}: no Ray venv and DILIGENCE_REQUIRE_CORPUS is set: run scripts/install-test-ray.sh",
            venv.display()
        );
        eprintln!(
            "skipped: no Ray venv at {} (run scripts/install-test-ray.sh)",
            venv.display()
        );
        return;
    }
    let out = Command::new(&python)
        .args(["-m", "unittest", "discover", "-s", "deploy/ray/tests", "-v"])
        .current_dir(&root)
        .env("DILIGENCE_BIN", env!("CARGO_BIN_EXE_diligence"))
        .env("RAY_USAGE_STATS_ENABLED", "0")
        .output()
        .expect("run python");
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stderr}");
    assert!(out.status.success(), "the Ray job test failed");
    assert!(!stderr.contains("skipped"), "a Ray test was skipped");
}
