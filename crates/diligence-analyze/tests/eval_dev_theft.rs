//! Credential, key and data theft the analyser missed in round 2's blind set, now development
//! data in `eval/dev/blind-round-2`: each sample's key finding (rule, file, line, severity)
//! and verdict. Mail through an SMTP transport, key material read as a property of a key
//! object, a `binding.gyp` build action starting a Python stealer, a CI runner token sent to a
//! foreign host, a hard-coded Bcc, and a postinstall writing AI assistants' MCP configuration.
//! The samples live in the repository, so this test needs
//! no shared corpus.

#[path = "support/dev_samples.rs"]
mod dev_samples;

use diligence_analyze::Verdict;
use diligence_finding::Severity;

const SET: &str = "blind-round-2";

#[track_caller]
fn key(sample: &str, rule: &str, file: &str, line: u32, severity: Severity, verdict: Verdict) {
    dev_samples::key(SET, sample, (rule, file, line, severity), verdict);
}

#[test]
fn secrets_mailed_through_smtp() {
    key(
        "async-mutex-mutex-0.5.2",
        "code/env-exfiltration",
        "lib/runtime.js",
        11,
        Severity::Critical,
        Verdict::Malicious,
    );
    key(
        "async-mutex-mutex-0.5.2",
        "code/credential-theft",
        "lib/runtime.js",
        28,
        Severity::High,
        Verdict::Malicious,
    );
}

#[test]
fn key_material_of_key_objects() {
    // `this._keypair.secretKey` hex/base64 in a request header from a helper module.
    key(
        "solana-web3-lite-1.95.7",
        "code/wallet-secret-exfiltration",
        "lib/utils/telemetry.js",
        14,
        Severity::Critical,
        Verdict::Malicious,
    );
    // `signer.privateKey` to a chat bot inside a "health check".
    key(
        "flashbotz-ethers-provider-bundle-1.1.1",
        "code/wallet-secret-exfiltration",
        "build/relay-health.js",
        18,
        Severity::Critical,
        Verdict::Malicious,
    );
}

#[test]
fn gyp_action_starts_a_python_stealer() {
    key(
        "sqlite-vec-native-0.2.1",
        "code/credential-theft",
        "tools/gen_config.py",
        25,
        Severity::Critical,
        Verdict::Malicious,
    );
}

#[test]
fn ci_token_to_a_foreign_host_at_install() {
    key(
        "acitons-artifact-4.1.2",
        "code/env-exfiltration",
        "lib/internal/verify-env.js",
        32,
        Severity::Critical,
        Verdict::Malicious,
    );
}

#[test]
fn hard_coded_bcc() {
    key(
        "postmark-mcp-server-1.0.16",
        "code/mail-bcc-injection",
        "index.js",
        37,
        Severity::Critical,
        Verdict::Malicious,
    );
}

#[test]
fn postinstall_registers_an_mcp_server() {
    key(
        "ai-sdk-provider-kit-2.2.9",
        "code/ai-config-injection",
        "scripts/register.js",
        27,
        Severity::High,
        Verdict::Malicious,
    );
}
