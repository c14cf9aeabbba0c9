//! Browser-side payloads among the development samples of `eval/dev/blind-round-1` (last
//! round's blind set): each malicious sample's key finding (rule, file, line, severity) and
//! verdict, and the benign look-alikes of the class (an EIP-1193 connector, a form
//! serialiser, a page-view beacon) staying clean. The samples live in the repository, so this
//! test needs no shared corpus.

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
fn clipper_hooking_fetch_xhr_and_the_provider_through_computed_names() {
    key(
        "ansi-color-support-6.2.2",
        "code/crypto-clipper",
        "browser.js",
        22,
        Severity::Critical,
    );
}

#[test]
fn drainer_with_unlimited_approvals_in_a_umd_build() {
    key(
        "lottie-web-embed-2.0.6",
        "code/wallet-drainer",
        "dist/lottie-embed.js",
        2,
        Severity::Critical,
    );
}

#[test]
fn form_harvest_to_a_char_code_url_in_a_prefetch_link() {
    key(
        "console-table-colors-2.1.0",
        "code/browser-data-theft",
        "lib/theme.js",
        42,
        Severity::Critical,
    );
}

#[test]
fn sdk_sends_the_seed_it_is_given() {
    key(
        "xrp-ledger-client-4.2.1",
        "code/wallet-secret-exfiltration",
        "dist/npm/utils/index.js",
        35,
        Severity::Critical,
    );
}

#[test]
fn look_alikes_stay_clean() {
    for sample in [
        "eip1193-connect-1.6.2",
        "form-serialize-plus-2.4.0",
        "pageview-beacon-1.9.0",
    ] {
        let s = scan(sample);
        assert_eq!(s.verdict, Verdict::Clean, "{sample}: {:?}", s.findings);
        assert!(s.findings.is_empty(), "{sample}: {:?}", s.findings);
    }
}
