//! Behaviour with no data flow (issue 10, item 4) on last round's blind samples, now
//! development data in `eval/dev/blind-round-1`: each malicious sample's key finding (rule,
//! file, line, severity) and verdict, and the benign look-alikes that must stay clean (a cloud
//! credential provider, a PATH installer run by hand, a rimraf-style CLI, a release tool, a
//! daemon manager). The samples live in the repository, so this test needs no shared corpus.

#[path = "support/dev_samples.rs"]
mod dev_samples;

use diligence_analyze::{PackageScan, Verdict};
use diligence_finding::Severity;

const SET: &str = "blind-round-1";

fn scan(sample: &str) -> PackageScan {
    dev_samples::scan(SET, sample)
}

#[track_caller]
fn key(sample: &str, rule: &str, file: &str, line: u32, severity: Severity) {
    dev_samples::key(
        SET,
        sample,
        (rule, file, line, severity),
        Verdict::Malicious,
    );
}

#[test]
fn logic_bombs_gated_on_date_and_chance() {
    // A Vite plugin hook truncating project files after a fixed date, on a share of runs.
    key(
        "vite-plugin-react-hmr-3.0.2",
        "code/logic-bomb",
        "dist/index.js",
        24,
        Severity::Critical,
    );
    // node-ipc style: a random draw and a geolocation answer before overwriting every file.
    key(
        "ipc-channel-kit-10.1.2",
        "code/logic-bomb",
        "dao/ssl-geospec.js",
        48,
        Severity::Critical,
    );
}

#[test]
fn self_publish_tamper_and_backdoor_route() {
    key(
        "kopi-susu-gula-aren-1.0.4",
        "code/self-publish",
        "index.js",
        32,
        Severity::Critical,
    );
    key(
        "ethers-rpc-providers-6.13.1",
        "code/package-tamper",
        "scripts/install.js",
        24,
        Severity::Critical,
    );
    key(
        "ethers-rpc-providers-6.13.1",
        "code/install-self-delete",
        "scripts/install.js",
        36,
        Severity::High,
    );
    key(
        "express-api-health-1.2.0",
        "code/backdoor-route",
        "lib/index.js",
        24,
        Severity::Critical,
    );
}

#[test]
fn look_alikes_are_clean() {
    for (sample, score) in [
        ("aws-profile-loader-3.0.1", 6),
        ("shell-path-setup-1.4.0", 6),
        ("rimraf-lite-cli-4.1.0", 0),
        ("release-kit-lite-2.3.0", 8),
        ("procwatch-daemon-2.2.0", 0),
    ] {
        let s = scan(sample);
        assert_eq!(
            (sample, s.verdict, s.score),
            (sample, Verdict::Clean, score),
            "{:#?}",
            s.findings
        );
    }
}
