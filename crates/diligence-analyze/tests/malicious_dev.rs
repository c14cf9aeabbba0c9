//! The shared malicious-dev corpus: every sample's verdict, and the exact rule/file/line of the
//! key finding of each malicious sample. `scan_dir` skips the `label.json` answer keys.

use diligence_analyze::{PackageScan, ScanOptions, Verdict, scan_dir};
use std::path::PathBuf;

fn corpus() -> PathBuf {
    diligence_testkit::corpus("malicious-dev")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

fn scan(sample: &str) -> PackageScan {
    scan_dir(&corpus().join(sample), &ScanOptions::default()).expect("sample is readable")
}

fn has(s: &PackageScan, rule: &str, file: &str, line: u32) -> bool {
    s.findings
        .iter()
        .any(|f| f.rule == rule && f.file == file && f.line == line)
}

#[test]
fn malicious_samples_are_malicious_at_their_key_lines() {
    diligence_testkit::corpus_or_skip!("malicious-dev");
    let cases = [
        (
            "ansi-hues-1.9.1-liberty.2",
            "code/import-time-dos",
            "lib/extras/liberty.js",
            14,
        ),
        (
            "argv-commander-lite-2.1.1",
            "code/windows-lolbin",
            "compile.js",
            1,
        ),
        (
            "copy-text-helper-2.3.0",
            "code/crypto-clipper",
            "dist/copy-text.min.js",
            2,
        ),
        (
            "corss-env-7.0.4",
            "code/env-exfiltration",
            "package-setup.js",
            15,
        ),
        (
            "desktop-notify-kit-4.0.2",
            "code/download-exec",
            "lib/agent.js",
            16,
        ),
        (
            "desktop-notify-kit-4.0.2",
            "code/persistence",
            "lib/setup.js",
            30,
        ),
        (
            "devforge-devkit-21.5.1",
            "code/ai-agent-abuse",
            "telemetry.js",
            28,
        ),
        (
            "devforge-devkit-21.5.1",
            "code/credential-theft",
            "telemetry.js",
            53,
        ),
        (
            "globex-payments-sdk-99.10.2",
            "code/install-script-network",
            "package.json",
            7,
        ),
        (
            "hot-reload-devserver-1.2.6",
            "code/reverse-shell",
            "scripts/postinstall.js",
            18,
        ),
        (
            "os-info-helper-es6-1.0.8",
            "code/decode-exec",
            "src/index.js",
            35,
        ),
        (
            "os-info-helper-es6-1.0.8",
            "code/hidden-payload",
            "src/index.js",
            6,
        ),
        (
            "rich-presence-kit-1.0.3",
            "code/credential-theft",
            "lib/ipc.js",
            19,
        ),
        (
            "rich-presence-kit-1.0.3",
            "code/suspicious-endpoint",
            "lib/constants.js",
            8,
        ),
        (
            "schema-lint-cli-3.8.0",
            "code/suspicious-endpoint",
            "dist/cli.js",
            846,
        ),
        (
            "text-case-kit-2.4.1",
            "code/credential-theft",
            "lib/cache.js",
            40,
        ),
        (
            "text-case-kit-2.4.1",
            "code/obfuscated-code",
            "lib/cache.js",
            39,
        ),
        (
            "tiny-tooltip-ui-3.2.1",
            "code/browser-data-theft",
            "dist/metrics.js",
            36,
        ),
        (
            "tz-format-lite-0.9.4",
            "code/decode-exec",
            "lib/locale.js",
            12,
        ),
        (
            "tz-format-lite-0.9.4",
            "code/credential-theft",
            "data/locales.json",
            169,
        ),
    ];
    for (sample, rule, file, line) in cases {
        let s = scan(sample);
        assert_eq!(s.verdict, Verdict::Malicious, "{sample}: {:#?}", s.findings);
        assert!(
            has(&s, rule, file, line),
            "{sample}: no {rule} at {file}:{line}: {:#?}",
            s.findings
        );
    }
}

#[test]
fn hard_negatives_are_clean() {
    diligence_testkit::corpus_or_skip!("malicious-dev");
    let benign = [
        "crc32c-native-1.4.0",
        "envfile-loader-2.0.1",
        "git-relnotes-mini-0.8.2",
        "globalthis-shim-1.0.2",
        "hookshot-git-3.1.0",
        "quanta-cli-telemetry-0.6.3",
        "rgx-bin-14.1.0",
        "tiny-pubsub-1.2.0",
    ];
    for sample in benign {
        let s = scan(sample);
        assert_eq!(s.verdict, Verdict::Clean, "{sample}: {:#?}", s.findings);
        assert_eq!(s.score, 0, "{sample}");
    }
}

#[test]
fn package_ids_and_install_script_lines() {
    diligence_testkit::corpus_or_skip!("malicious-dev");
    let s = scan("crc32c-native-1.4.0");
    assert_eq!(s.package, "crc32c-native@1.4.0");
    assert!(has(&s, "code/install-script", "package.json", 9));
    let s = scan("rgx-bin-14.1.0");
    // registry-manifest.json is not package content.
    assert!(
        s.findings
            .iter()
            .all(|f| f.file != "registry-manifest.json")
    );
}

#[test]
fn scan_result_round_trips_through_json() {
    diligence_testkit::corpus_or_skip!("malicious-dev");
    let s = scan("tiny-tooltip-ui-3.2.1");
    let text = serde_json::to_string(&s).unwrap();
    let back: PackageScan = serde_json::from_str(&text).unwrap();
    assert_eq!(back, s);
}

#[test]
fn truncated_tarball_is_not_evaluated_not_clean() {
    diligence_testkit::corpus_or_skip!("malicious-dev");
    // A real sample packed as npm would, then cut in half.
    let dir = corpus().join("tiny-pubsub-1.2.0");
    let mut builder = tar::Builder::new(Vec::new());
    for name in [
        "package.json",
        "dist/tiny-pubsub.umd.min.js",
        "dist/tiny-pubsub.mjs",
    ] {
        builder
            .append_path_with_name(dir.join(name), format!("package/{name}"))
            .unwrap();
    }
    let tar = builder.into_inner().unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut gz, &tar).unwrap();
    let bytes = gz.finish().unwrap();
    let whole = diligence_analyze::scan_tarball(&bytes, "t.tgz", &ScanOptions::default()).unwrap();
    assert!(whole.not_evaluated.is_empty());
    assert_eq!(whole.package, "tiny-pubsub@1.2.0");
    let cut = diligence_analyze::scan_tarball(
        &bytes[..bytes.len() / 2],
        "t.tgz",
        &ScanOptions::default(),
    )
    .unwrap();
    assert_eq!(cut.not_evaluated.len(), 1, "{:?}", cut.not_evaluated);
    assert!(
        cut.findings
            .iter()
            .any(|f| f.rule == "code/archive-anomaly")
    );
}
