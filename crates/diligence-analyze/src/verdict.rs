//! The scoring model: one place that turns a package's findings into `malicious |
//! suspicious | clean` and a score.
//!
//! 1. **Each finding** contributes `weight(severity) × locality × install × reach`:
//!
//!    | severity | weight |   | locality  | factor |   | install-time | factor |
//!    |----------|--------|---|-----------|--------|---|--------------|--------|
//!    | critical | 20     |   | function  | 1.5    |   | yes          | 1.5    |
//!    | high     | 10     |   | file      | 1.25   |   | no           | 1.0    |
//!    | medium   | 5      |   | package   | 1.0    |   |              |        |
//!    | low      | 2      |   | alone     | 0.5    |   |              |        |
//!    | info     | 0      |   |           |        |   |              |        |
//!
//!    *Locality* is where the threat sits relative to the capability it needs (a credential
//!    path and a network call in the same function, the same file, only the same package, or
//!    no such capability at all); a proven source → sink path ([`crate::flow`]) is `function`.
//!    *Install-time* (the code runs from a lifecycle script, no user action needed) raises.
//!    *Reach* is 0.5 for a file no entry point (`main`, `exports`, `bin`, `module`, `browser`,
//!    lifecycle script) loads through static requires — a benchmark, an example, a test shipped
//!    in the tarball — and 1.0 otherwise.
//! 2. **A rule counts once**: its strongest finding, so one rule repeated over many lines
//!    cannot add up on its own. Different rules add up, except that rules of one category
//!    whose strongest findings sit at the same place (one send seen by two rules) count once.
//! 3. **Independent signals**: findings of at least `medium` severity in two different threat
//!    [`Category`]s (say, obfuscated code and a credential read) make the package at least
//!    suspicious, however far apart they sit: each alone is weak, together they are what a
//!    reviewer must look at.
//! 4. **Evasion raises, never lowers**: when the package hides from analysis (devtools,
//!    localhost, CI, time-of-day or sandbox checks: `code/analysis-evasion`; an install script
//!    deleting itself: `code/install-self-delete`) and anything else scores, the total is
//!    multiplied by 1.5; evasion alone scores only its own weight.
//!
//! 5. **Proof needs a short path**: value flow returns a function's argument only to its own
//!    call, but objects and shared variables are field- and flow-insensitive, so a path
//!    crossing more than [`MAX_HOPS`](crate::rules::MAX_HOPS) call or module boundaries (the
//!    whole path across files, the steps shown inside one), or more than
//!    [`MAX_BUNDLE_HOPS`](crate::rules::MAX_BUNDLE_HOPS) with an end in a bundle (a file of
//!    512 KiB or more), is a medium finding, not proof (playwright-core's bundles and knip's
//!    `dist/` chunks join unrelated callers of shared helpers).
//!
//! 6. **Malicious needs a strong finding**: without a finding at `high` or above, the verdict
//!    is at most suspicious however the medium signals add up (vite-plus-core's 4 MB of tooling
//!    chunks gives a dozen medium paths in three categories).
//!
//! Thresholds: `score >= 25` is **malicious**, `score >= 10` is **suspicious**, else
//! **clean**. Consequences: a capability alone (an `info` finding) never moves a package off
//! clean; a complete source → sink path at `critical` (`20 × 1.5 = 30`) is malicious; a single
//! `critical` threat next to its capability in one file is malicious; a single `high` threat is
//! suspicious at most unless install-time, evasive or corroborated by a second rule; a single
//! `medium` or `low` finding is a weak signal (clean, reported as such).

use crate::finding::CodeFinding;
pub use crate::finding::Locality;
use diligence_finding::Severity;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The package verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Clean,
    Suspicious,
    Malicious,
}

impl Verdict {
    /// `clean`, `suspicious` or `malicious`.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Suspicious => "suspicious",
            Verdict::Malicious => "malicious",
        }
    }
}

/// Score at or above which a package is suspicious.
pub const SUSPICIOUS: u32 = 10;
/// Score at or above which a package is malicious.
pub const MALICIOUS: u32 = 25;

fn weight(s: Severity) -> f64 {
    match s {
        Severity::Critical => 20.0,
        Severity::High => 10.0,
        Severity::Medium => 5.0,
        Severity::Low => 2.0,
        Severity::Info => 0.0,
    }
}

fn locality_factor(l: Locality) -> f64 {
    match l {
        Locality::Function => 1.5,
        Locality::File => 1.25,
        Locality::Package => 1.0,
        Locality::Alone => 0.5,
    }
}

/// The contribution of one finding.
pub fn finding_score(f: &CodeFinding) -> f64 {
    let install = if f.install_time { 1.5 } else { 1.0 };
    let reach = if f.reachable || f.install_time {
        1.0
    } else {
        0.5
    };
    weight(f.severity) * locality_factor(f.locality) * install * reach
}

/// Threat categories: rules that look at the same kind of behaviour. Two findings are
/// independent when their categories differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category<'a> {
    /// Data leaving the machine: environment, credentials, browser data, host data, endpoints.
    Exfiltration,
    /// Running code or commands the package did not ship in the clear, or on a remote trigger
    /// (a request-keyed backdoor route).
    Execution,
    /// Hiding code: obfuscation, encoded payloads, steganography.
    Concealment,
    /// Hiding from analysis: devtools, CI, localhost, time or sandbox checks; install scripts
    /// that delete themselves.
    Evasion,
    /// Staying on the machine or spreading: persistence, worms, AI-agent abuse.
    Persistence,
    /// Damage: protestware, logic bombs, import-time denial of service.
    Sabotage,
    /// Tampering with other code's traffic or wallets: clippers, monkey-patching.
    Interception,
    /// What install scripts do.
    Install,
    /// The package itself: manifest confusion, archive anomalies.
    Integrity,
    /// A rule this table does not list: its own category.
    Other(&'a str),
}

/// The category of a rule id (unknown rules are each their own category).
pub fn category(rule: &str) -> Category<'_> {
    match rule.strip_prefix("code/").unwrap_or(rule) {
        "env-exfiltration"
        | "credential-theft"
        | "browser-data-theft"
        | "host-data-exfiltration"
        | "wallet-secret-exfiltration"
        | "mail-bcc-injection"
        | "process-memory-read"
        | "suspicious-endpoint" => Category::Exfiltration,
        "download-exec"
        | "decode-exec"
        | "reverse-shell"
        | "windows-lolbin"
        | "backdoor-route"
        | "blockchain-dead-drop" => Category::Execution,
        "obfuscated-code" | "hidden-payload" | "steganography" | "minified-differs"
        | "offscreen-code" => Category::Concealment,
        "analysis-evasion" | "install-self-delete" => Category::Evasion,
        "persistence" | "worm-propagation" | "ai-agent-abuse" | "ai-config-injection" => {
            Category::Persistence
        }
        "protestware" | "import-time-dos" | "logic-bomb" | "targeted-page-takeover" => {
            Category::Sabotage
        }
        "crypto-clipper" | "network-monkey-patch" | "wallet-drainer" => Category::Interception,
        "install-script" | "install-script-network" | "native-binary" => Category::Install,
        "manifest-confusion" | "archive-anomaly" => Category::Integrity,
        _ => Category::Other(rule),
    }
}

/// Combines findings into a verdict and a score (see the module docs).
pub fn combine(findings: &[CodeFinding]) -> (Verdict, u32) {
    // The strongest finding of each rule…
    let mut best: BTreeMap<&str, (f64, &CodeFinding)> = BTreeMap::new();
    for f in findings {
        let s = finding_score(f);
        let e = best.entry(f.rule.as_str()).or_insert((0.0, f));
        if s > e.0 {
            *e = (s, f);
        }
    }
    // …and rules of one category that report the same place (two rules seeing one send)
    // count once.
    let mut places: BTreeMap<(Category, &str, u32), f64> = BTreeMap::new();
    for (rule, (s, f)) in &best {
        let e = places
            .entry((category(rule), f.file.as_str(), f.line))
            .or_insert(0.0);
        *e = e.max(*s);
    }
    let mut score: f64 = places.values().sum();
    let best: BTreeMap<&str, f64> = best.into_iter().map(|(r, (s, _))| (r, s)).collect();
    let evasive = findings
        .iter()
        .any(|f| category(&f.rule) == Category::Evasion && f.severity > Severity::Info);
    let others: f64 = best
        .iter()
        .filter(|(r, _)| category(r) != Category::Evasion)
        .map(|(_, s)| s)
        .sum();
    if evasive && others > 0.0 {
        score *= 1.5;
    }
    let independent: std::collections::BTreeSet<Category> = findings
        .iter()
        .filter(|f| f.severity >= Severity::Medium)
        .map(|f| category(&f.rule))
        .collect();
    if independent.len() >= 2 {
        score = score.max(f64::from(SUSPICIOUS));
    }
    let score = score.round() as u32;
    // Proof needs one strong finding: medium signals alone, however many, are what a reviewer
    // must look at, not a verdict (rule 6).
    let strong = findings.iter().any(|f| f.severity >= Severity::High);
    let verdict = if score >= MALICIOUS && strong {
        Verdict::Malicious
    } else if score >= SUSPICIOUS {
        Verdict::Suspicious
    } else {
        Verdict::Clean
    };
    (verdict, score)
}

/// Findings that are weak signals on their own: `medium` and `low` severity.
pub fn weak_signals(findings: &[CodeFinding]) -> usize {
    findings
        .iter()
        .filter(|f| matches!(f.severity, Severity::Medium | Severity::Low))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(rule: &str, severity: Severity, locality: Locality, install_time: bool) -> CodeFinding {
        CodeFinding {
            rule: rule.into(),
            severity,
            file: "index.js".into(),
            line: 1,
            snippet: String::new(),
            message: String::new(),
            locality,
            install_time,
            reachable: true,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn capability_alone_is_clean() {
        let caps = vec![
            f(
                "code/install-script",
                Severity::Info,
                Locality::Function,
                true
            );
            5
        ];
        assert_eq!(combine(&caps), (Verdict::Clean, 0));
    }

    #[test]
    fn same_function_beats_same_package() {
        let near = [f(
            "code/env-exfiltration",
            Severity::High,
            Locality::Function,
            false,
        )];
        let far = [f(
            "code/env-exfiltration",
            Severity::High,
            Locality::Package,
            false,
        )];
        assert_eq!(combine(&near), (Verdict::Suspicious, 15));
        assert_eq!(combine(&far), (Verdict::Suspicious, 10));
        let alone = [f(
            "code/env-exfiltration",
            Severity::High,
            Locality::Alone,
            false,
        )];
        assert_eq!(combine(&alone), (Verdict::Clean, 5));
    }

    /// Rule 6: medium findings of many rules and categories add up past the malicious
    /// threshold, but without a high or critical one the verdict stays suspicious.
    #[test]
    fn malicious_needs_a_strong_finding() {
        let mediums = [
            f(
                "code/download-exec",
                Severity::Medium,
                Locality::Function,
                true,
            ),
            f(
                "code/env-exfiltration",
                Severity::Medium,
                Locality::Function,
                true,
            ),
            f(
                "code/decode-exec",
                Severity::Medium,
                Locality::Function,
                true,
            ),
            f(
                "code/credential-theft",
                Severity::Medium,
                Locality::Function,
                true,
            ),
            f(
                "code/obfuscated-code",
                Severity::Medium,
                Locality::Function,
                true,
            ),
            f(
                "code/persistence",
                Severity::Medium,
                Locality::Function,
                true,
            ),
        ];
        let (v, score) = combine(&mediums);
        assert!(score >= MALICIOUS, "{score}");
        assert_eq!(v, Verdict::Suspicious);
        let mut strong = mediums.to_vec();
        strong[0].severity = Severity::High;
        assert_eq!(combine(&strong).0, Verdict::Malicious);
    }

    #[test]
    fn install_time_raises() {
        let plain = [f("code/persistence", Severity::High, Locality::File, false)];
        let install = [f("code/persistence", Severity::High, Locality::File, true)];
        assert_eq!(combine(&plain).1, 13);
        assert_eq!(combine(&install).1, 19);
        let critical = [f(
            "code/reverse-shell",
            Severity::Critical,
            Locality::Function,
            true,
        )];
        assert_eq!(combine(&critical), (Verdict::Malicious, 45));
    }

    #[test]
    fn unreachable_file_weighs_half() {
        let mut loaded = f("code/persistence", Severity::High, Locality::File, false);
        assert_eq!(combine(std::slice::from_ref(&loaded)).1, 13);
        loaded.reachable = false;
        assert_eq!(combine(std::slice::from_ref(&loaded)), (Verdict::Clean, 6));
        loaded.install_time = true;
        assert_eq!(combine(std::slice::from_ref(&loaded)).1, 19);
    }

    #[test]
    fn two_independent_medium_signals_are_suspicious_far_apart() {
        let one = [f(
            "code/obfuscated-code",
            Severity::Medium,
            Locality::Alone,
            false,
        )];
        assert_eq!(combine(&one), (Verdict::Clean, 3));
        let two = [
            f(
                "code/obfuscated-code",
                Severity::Medium,
                Locality::Alone,
                false,
            ),
            f(
                "code/credential-theft",
                Severity::Medium,
                Locality::Package,
                false,
            ),
        ];
        assert_eq!(combine(&two), (Verdict::Suspicious, 10));
        // Two rules of one category are not independent.
        let same = [
            f(
                "code/env-exfiltration",
                Severity::Medium,
                Locality::Alone,
                false,
            ),
            f(
                "code/credential-theft",
                Severity::Medium,
                Locality::Alone,
                false,
            ),
        ];
        assert_eq!(combine(&same), (Verdict::Clean, 3));
    }

    #[test]
    fn evasion_raises_and_never_lowers() {
        let threat = [f(
            "code/credential-theft",
            Severity::High,
            Locality::File,
            false,
        )];
        assert_eq!(combine(&threat), (Verdict::Suspicious, 13));
        let evasive = [
            f(
                "code/credential-theft",
                Severity::High,
                Locality::File,
                false,
            ),
            f(
                "code/analysis-evasion",
                Severity::Low,
                Locality::File,
                false,
            ),
        ];
        assert_eq!(combine(&evasive), (Verdict::Suspicious, 23));
        let alone = [f(
            "code/analysis-evasion",
            Severity::Low,
            Locality::File,
            false,
        )];
        assert_eq!(combine(&alone), (Verdict::Clean, 3));
    }

    #[test]
    fn a_complete_path_is_malicious() {
        let path = [f(
            "code/env-exfiltration",
            Severity::Critical,
            Locality::Function,
            false,
        )];
        assert_eq!(combine(&path), (Verdict::Malicious, 30));
    }

    #[test]
    fn two_rules_at_one_place_count_once() {
        let one_send = [
            f(
                "code/env-exfiltration",
                Severity::Medium,
                Locality::Function,
                false,
            ),
            f(
                "code/credential-theft",
                Severity::Medium,
                Locality::Function,
                false,
            ),
        ];
        assert_eq!(combine(&one_send), (Verdict::Clean, 8));
    }

    /// The behaviour rules' categories: a self-deleting install script is evasion (it raises
    /// what it sits next to), a logic bomb sabotage, a keyed route execution.
    #[test]
    fn behaviour_rule_categories() {
        assert_eq!(category("code/install-self-delete"), Category::Evasion);
        assert_eq!(category("code/logic-bomb"), Category::Sabotage);
        assert_eq!(category("code/backdoor-route"), Category::Execution);
        let tamper_and_self_delete = [
            f(
                "code/hidden-payload",
                Severity::Medium,
                Locality::Alone,
                true,
            ),
            f(
                "code/install-self-delete",
                Severity::High,
                Locality::Function,
                true,
            ),
        ];
        // (3.75 + 22.5) × 1.5 for evasion next to another finding.
        assert_eq!(combine(&tamper_and_self_delete), (Verdict::Malicious, 39));
    }

    #[test]
    fn weak_signals_are_medium_and_low() {
        let v = [
            f("a", Severity::Medium, Locality::Alone, false),
            f("b", Severity::Low, Locality::Alone, false),
            f("c", Severity::Info, Locality::Alone, false),
            f("d", Severity::High, Locality::Alone, false),
        ];
        assert_eq!(weak_signals(&v), 2);
    }

    #[test]
    fn one_rule_does_not_add_up() {
        let many = vec![
            f(
                "code/obfuscated-code",
                Severity::Medium,
                Locality::File,
                false
            );
            50
        ];
        assert_eq!(combine(&many), (Verdict::Clean, 6));
    }
}
