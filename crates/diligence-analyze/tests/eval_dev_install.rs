//! The development samples of `eval/dev/missed-classes` for install-time execution beyond
//! `scripts` and behaviour with no flow (issue 10, items 3 and 4): each malicious sample's key
//! finding (rule, file, line, severity) and verdict, and the benign look-alikes staying clean.
//! The samples live in the repository, so this test needs no shared corpus.

#[path = "support/dev_samples.rs"]
mod dev_samples;

use diligence_analyze::{PackageScan, Verdict};
use diligence_finding::Severity;

const SET: &str = "missed-classes";

fn scan(sample: &str) -> PackageScan {
    dev_samples::scan(SET, sample)
}

#[track_caller]
fn key(sample: &str, rule: &str, file: &str, line: u32, severity: Severity, verdict: Verdict) {
    dev_samples::key(SET, sample, (rule, file, line, severity), verdict);
}

#[test]
fn shell_and_batch_files_started_at_install() {
    // ua-parser-js 0.7.29: preinstall.js starts preinstall.sh / preinstall.bat.
    let m = Verdict::Malicious;
    key(
        "ua-device-sniff-1.0.1",
        "code/script-dropper",
        "preinstall.sh",
        12,
        Severity::Critical,
        m,
    );
    key(
        "ua-device-sniff-1.0.1",
        "code/cryptominer",
        "preinstall.sh",
        12,
        Severity::Critical,
        m,
    );
    key(
        "ua-device-sniff-1.0.1",
        "code/windows-lolbin",
        "preinstall.bat",
        21,
        Severity::Critical,
        m,
    );
    key(
        "ua-device-sniff-1.0.1",
        "code/script-dropper",
        "preinstall.bat",
        21,
        Severity::Critical,
        m,
    );
}

#[test]
fn binding_gyp_expansion_is_install_time() {
    let s = scan("xxhash-addon-lite-2.1.3");
    let gyp: Vec<_> = s
        .findings
        .iter()
        .filter(|f| f.rule == "code/gyp-command")
        .collect();
    assert_eq!(gyp.len(), 1);
    assert_eq!((gyp[0].file.as_str(), gyp[0].line), ("binding.gyp", 7));
    assert!(
        s.findings
            .iter()
            .filter(|f| f.file == "scripts/cpu-features.js")
            .all(|f| f.install_time)
    );
    assert_eq!(s.verdict, Verdict::Malicious);
}

#[test]
fn detached_bundled_binary_second_runtime_self_publish_remote_dependency() {
    let m = Verdict::Malicious;
    key(
        "png-squash-2.4.0",
        "code/detached-install-spawn",
        "lib/install.js",
        29,
        Severity::Critical,
        m,
    );
    key(
        "fluxgrid-config-loader-2.11.4",
        "code/second-runtime",
        "setup_bun.js",
        40,
        Severity::Critical,
        m,
    );
    key(
        "sprout-utils-9kx-1.0.3",
        "code/self-publish",
        "auto.js",
        41,
        Severity::Critical,
        m,
    );
    key(
        "eslint-plugin-unused-imports-fix-2.1.0",
        "code/remote-dependency",
        "package.json",
        21,
        Severity::Critical,
        m,
    );
    key(
        "eslint-plugin-unused-imports-fix-2.1.0",
        "code/remote-dependency",
        "package.json",
        22,
        Severity::Critical,
        m,
    );
    // A payload respawning itself detached and silent at install: suspicious on that alone
    // (its reverse shell is the value-flow rules' part).
    let s = scan("jest-reporter-compact-3.4.0");
    assert!(
        s.findings
            .iter()
            .any(|f| f.rule == "code/detached-install-spawn"
                && (f.file.as_str(), f.line, f.severity)
                    == ("scripts/postinstall.js", 35, Severity::High))
    );
    assert!(s.verdict >= Verdict::Suspicious);
}

#[test]
fn wiper_file_drop_and_sabotage_loop_at_import() {
    let m = Verdict::Malicious;
    key(
        "ipc-channel-bridge-10.1.2",
        "code/wiper",
        "lib/geo-spec.js",
        45,
        Severity::Critical,
        m,
    );
    key(
        "loglevel-plus-9.2.2",
        "code/file-drop",
        "lib/notice.js",
        37,
        Severity::Critical,
        m,
    );
    key(
        "humanize-duration-lite-3.4.1",
        "code/import-time-dos",
        "src/index.js",
        81,
        Severity::Critical,
        m,
    );
}

/// The look-alikes: a node-addon-api addon, a rimraf-style tool, a daemon manager, a
/// checksum-verifying prebuilt-binary installer, a release tool.
#[test]
fn look_alikes_are_clean() {
    for sample in [
        "snappy-napi-7.2.2",
        "rmrf-safe-4.1.0",
        "procvisor-2.3.0",
        "protoc-prebuilt-25.1.0",
        "release-pilot-2.0.4",
    ] {
        let s = scan(sample);
        assert_eq!(
            (sample, s.verdict, s.score),
            (sample, Verdict::Clean, 0),
            "{:#?}",
            s.findings
        );
    }
}
