//! Indicator search over text: every text file whatever its extension, every JavaScript string
//! (literal, folded or decoded), every lifecycle script and spawned command line.
//!
//! One aho-corasick automaton (ASCII case-insensitive) holds the substring indicators; a few
//! regexes cover shapes (raw-IP URLs, wallet addresses). Indicators are ingredients: a rule
//! decides whether they matter (a `.npmrc` in a README is not a credential read).

use crate::classify::FileKind;
use crate::signal::{DecodedCode, Kind, Signal, truncate};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::sync::LazyLock;

/// (pattern, kind). Patterns are matched ASCII case-insensitively.
const INDICATORS: &[(&str, Kind)] = &[
    // Out-of-band and exfiltration endpoints.
    ("oastify.com", Kind::Endpoint),
    ("burpcollaborator.net", Kind::Endpoint),
    ("interact.sh", Kind::Endpoint),
    ("oast.fun", Kind::Endpoint),
    ("oast.pro", Kind::Endpoint),
    ("oast.live", Kind::Endpoint),
    ("oast.site", Kind::Endpoint),
    ("oast.online", Kind::Endpoint),
    ("oast.me", Kind::Endpoint),
    ("dnslog.cn", Kind::Endpoint),
    ("ceye.io", Kind::Endpoint),
    ("canarytokens.com", Kind::Endpoint),
    ("pipedream.net", Kind::Endpoint),
    ("requestbin", Kind::Endpoint),
    ("webhook.site", Kind::Endpoint),
    ("beeceptor.com", Kind::Endpoint),
    ("hookbin.com", Kind::Endpoint),
    ("requestcatcher.com", Kind::Endpoint),
    ("pastebin.com", Kind::Endpoint),
    ("paste.ee", Kind::Endpoint),
    ("hastebin.com", Kind::Endpoint),
    ("ghostbin", Kind::Endpoint),
    ("rentry.co", Kind::Endpoint),
    ("discord.com/api/webhooks", Kind::Endpoint),
    ("discordapp.com/api/webhooks", Kind::Endpoint),
    ("api.telegram.org", Kind::Endpoint),
    ("ngrok.io", Kind::Endpoint),
    ("ngrok-free.app", Kind::Endpoint),
    ("ngrok.app", Kind::Endpoint),
    ("trycloudflare.com", Kind::Endpoint),
    ("serveo.net", Kind::Endpoint),
    ("loca.lt", Kind::Endpoint),
    ("localtunnel.me", Kind::Endpoint),
    ("bore.pub", Kind::Endpoint),
    ("transfer.sh", Kind::Endpoint),
    // Credential stores.
    (".npmrc", Kind::CredentialPath),
    (".ssh/id_", Kind::CredentialPath),
    (".ssh\\id_", Kind::CredentialPath),
    ("id_rsa", Kind::CredentialPath),
    ("id_ed25519", Kind::CredentialPath),
    (".aws/credentials", Kind::CredentialPath),
    (".docker/config.json", Kind::CredentialPath),
    (".kube/config", Kind::CredentialPath),
    (".git-credentials", Kind::CredentialPath),
    (".pypirc", Kind::CredentialPath),
    ("login data", Kind::CredentialPath),
    ("local storage/leveldb", Kind::CredentialPath),
    ("local storage\\leveldb", Kind::CredentialPath),
    ("wallet.dat", Kind::CredentialPath),
    ("solana/id.json", Kind::CredentialPath),
    ("nkbihfbeogaeaoehlefnkodbefgpgknn", Kind::CredentialPath),
    ("_authtoken", Kind::NpmToken),
    ("npm_token", Kind::NpmToken),
    // Persistence locations.
    (".bashrc", Kind::PersistencePath),
    (".zshrc", Kind::PersistencePath),
    (".bash_profile", Kind::PersistencePath),
    ("crontab", Kind::PersistencePath),
    ("launchagents", Kind::PersistencePath),
    ("launchdaemons", Kind::PersistencePath),
    ("currentversion\\run", Kind::PersistencePath),
    ("currentversion\\\\run", Kind::PersistencePath),
    ("schtasks", Kind::PersistencePath),
    ("systemd/user", Kind::PersistencePath),
    (".config/autostart", Kind::PersistencePath),
    ("programs\\startup", Kind::PersistencePath),
    (".github/workflows", Kind::PersistencePath),
    // IDE tasks that run when a folder is opened (VS Code `runOptions.runOn: folderOpen`,
    // DPRK "Contagious Interview" 2025): the project re-infects whoever opens it.
    ("folderopen", Kind::PersistencePath),
    (".vscode/tasks.json", Kind::PersistencePath),
    // AI assistants' MCP server and agent configuration.
    ("mcp.json", Kind::AiConfigPath),
    ("mcp_config.json", Kind::AiConfigPath),
    (".claude.json", Kind::AiConfigPath),
    ("claude_desktop_config.json", Kind::AiConfigPath),
    // Reverse shells.
    ("/dev/tcp/", Kind::ReverseShell),
    ("bash -i", Kind::ReverseShell),
    ("sh -i >", Kind::ReverseShell),
    ("nc -e ", Kind::ReverseShell),
    ("ncat -e ", Kind::ReverseShell),
    ("nc -c ", Kind::ReverseShell),
    ("mkfifo /tmp/", Kind::ReverseShell),
    (" -e /bin/sh", Kind::ReverseShell),
    (" -e /bin/bash", Kind::ReverseShell),
    (" -e cmd.exe", Kind::ReverseShell),
    ("socat exec:", Kind::ReverseShell),
    // Windows living-off-the-land binaries and encoded PowerShell.
    ("regsvr32", Kind::LolBin),
    ("mshta", Kind::LolBin),
    ("rundll32", Kind::LolBin),
    ("certutil -urlcache", Kind::LolBin),
    ("certutil -decode", Kind::LolBin),
    ("certutil.exe -urlcache", Kind::LolBin),
    ("certutil.exe -decode", Kind::LolBin),
    ("bitsadmin /transfer", Kind::LolBin),
    ("-encodedcommand", Kind::LolBin),
    ("powershell -enc", Kind::LolBin),
    ("powershell.exe -enc", Kind::LolBin),
    ("-windowstyle hidden", Kind::LolBin),
    ("-w hidden", Kind::LolBin),
    ("invoke-expression", Kind::LolBin),
    ("downloadstring(", Kind::LolBin),
    ("iex(", Kind::LolBin),
    // AI coding agents driven with their safety prompts disabled.
    ("--dangerously-skip-permissions", Kind::AiAgentBypass),
    ("--yolo", Kind::AiAgentBypass),
    ("--trust-all-tools", Kind::AiAgentBypass),
    (
        "--dangerously-bypass-approvals-and-sandbox",
        Kind::AiAgentBypass,
    ),
    // Geo lookups (protestware targeting).
    ("ip-api.com", Kind::GeoLookup),
    ("ipapi.co", Kind::GeoLookup),
    ("ipinfo.io", Kind::GeoLookup),
    ("geolocation-db.com", Kind::GeoLookup),
    ("ipgeolocation", Kind::GeoLookup),
    ("freegeoip", Kind::GeoLookup),
    ("ipwho.is", Kind::GeoLookup),
    ("npm publish", Kind::NpmPublish),
    // Cryptocurrency miners: pool protocol and XMRig-style arguments.
    ("stratum+tcp://", Kind::MinerPool),
    ("stratum+ssl://", Kind::MinerPool),
    ("stratum+tls://", Kind::MinerPool),
    ("stratum2+tcp://", Kind::MinerPool),
    ("--donate-level", Kind::MinerPool),
    ("--cpu-max-threads-hint", Kind::MinerPool),
];

static AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(INDICATORS.iter().map(|(p, _)| *p))
        .expect("static indicator patterns build")
});

/// URLs or `/dev/tcp/` paths whose host is a literal IPv4 address.
static RAW_IP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:https?|wss?|ftp|tcp)://|/dev/tcp/|\\\\)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})",
    )
    .expect("static regex")
});

/// Download locations of a JavaScript runtime: the bun and deno install scripts and release
/// assets (any GitHub owner: forks and look-alike owners serve the same files), Node.js
/// binary tarballs (`node-v22.1.0-linux-x64`; not the `-headers` archives node-gyp fetches).
static RUNTIME_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)bun\.sh/install|/bun/releases/|/bun-(?:linux|darwin|windows)-(?:x64|aarch64)|deno\.land/(?:x/)?install|/deno/releases/|/deno-(?:x86_64|aarch64)-|/node-v\d+\.\d+\.\d+-(?:linux|darwin|win)-",
    )
    .expect("static regex")
});

/// Words every [`RUNTIME_URL`] match contains: a cheap test before the regex runs on every
/// string literal.
static RUNTIME_HINT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(["bun", "deno", "/node-v"])
        .expect("static patterns build")
});

/// Folder names [`is_user_folder`] looks for, and `../..`.
static USER_FOLDER_HINT: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new([
        "Desktop",
        "Documents",
        "OneDrive",
        "Downloads",
        "Pictures",
        "../..",
    ])
    .expect("static patterns build")
});

static WALLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:0x[a-fA-F0-9]{40}|bc1[a-z0-9]{38,58}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|T[A-Za-z1-9]{33})$")
        .expect("static regex")
});

/// Exact path segments that name a credential store when they appear as a whole string
/// (`path.join(home, '.aws', 'credentials')`).
const CREDENTIAL_SEGMENTS: &[&str] = &[
    ".npmrc",
    ".ssh",
    ".aws",
    ".docker",
    ".kube",
    ".gnupg",
    ".git-credentials",
    ".netrc",
    ".pypirc",
    "id_rsa",
    "id_ed25519",
    "Login Data",
    "Local Storage",
    "Local State",
    "wallet.dat",
    "keystore",
    "Exodus",
    "Electrum",
    "MetaMask",
    ".config/solana",
];

/// Whether a private or loopback IPv4 address (not an exfiltration endpoint).
fn is_private(a: u8, b: u8) -> bool {
    a == 127
        || a == 10
        || a == 0
        || (a == 192 && b == 168)
        || (a == 172 && (16..=31).contains(&b))
        || (a == 169 && b == 254)
        || a >= 224
}

/// True when `s` is exactly a dotted IPv4 address outside private, loopback, link-local and
/// multicast ranges (a bare public IP given as a host: `{ hostname: '198.51.100.7' }`).
pub fn is_public_ipv4(s: &str) -> bool {
    let oct: Vec<u32> = s.split('.').filter_map(|p| p.parse().ok()).collect();
    s.split('.').count() == 4
        && s.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && oct.len() == 4
        && oct.iter().all(|o| *o <= 255)
        && !is_private(oct[0] as u8, oct[1] as u8)
}

/// Searches one string (placed at `line`, `func`) for indicators.
pub fn scan_str(s: &str, line: u32, func: u32, out: &mut Vec<Signal>) {
    for m in AC.find_iter(s) {
        let kind = INDICATORS[m.pattern().as_usize()].1;
        let mut detail = word_around(s, m.start(), m.end());
        if INDICATORS[m.pattern().as_usize()]
            .0
            .ends_with("-encodedcommand")
        {
            // The payload that follows, if this string carries one (a lone flag does not).
            if let Some(next) = s[m.end()..].split_whitespace().next() {
                detail = truncate(&format!("{detail} {next}"), 100);
            }
        }
        out.push(Signal {
            kind,
            line,
            func,
            detail,
        });
    }
    raw_ips(s, |_, detail| {
        out.push(Signal {
            kind: Kind::Endpoint,
            line,
            func,
            detail,
        })
    });
    if memchr::memchr(b'/', s.as_bytes()).is_some()
        && RUNTIME_HINT.is_match(s)
        && let Some(m) = RUNTIME_URL.find(s)
    {
        out.push(Signal {
            kind: Kind::RuntimeDropper,
            line,
            func,
            detail: word_around(s, m.start(), m.end()),
        });
    }
}

fn raw_ips(s: &str, mut f: impl FnMut(usize, String)) {
    if !s.contains("://") && !s.contains("/dev/tcp/") && !s.contains("\\\\") {
        return;
    }
    for c in RAW_IP.captures_iter(s) {
        let oct: Vec<u32> = (1..=4)
            .filter_map(|i| c.get(i)?.as_str().parse().ok())
            .collect();
        if oct.len() != 4 || oct.iter().any(|o| *o > 255) || is_private(oct[0] as u8, oct[1] as u8)
        {
            continue;
        }
        let m = c.get(0).map_or(0..0, |m| m.range());
        f(
            m.start,
            format!("raw IP {}", word_around(s, m.start, m.end)),
        );
    }
}

/// Searches a constant string: indicators, credential path segments, wallet addresses.
pub fn scan_literal(s: &str, line: u32, func: u32, out: &mut Vec<Signal>) {
    scan_str(s, line, func, out);
    let t = s.trim_start_matches("~/").trim_matches('/');
    if CREDENTIAL_SEGMENTS.contains(&t) {
        out.push(Signal {
            kind: Kind::CredentialPath,
            line,
            func,
            detail: t.to_string(),
        });
    }
    if is_user_folder(t) {
        out.push(Signal {
            kind: Kind::UserFolder,
            line,
            func,
            detail: t.to_string(),
        });
    }
    if matches!(t, ".env" | ".env.local" | ".env.production") {
        out.push(Signal {
            kind: Kind::DotenvPath,
            line,
            func,
            detail: t.to_string(),
        });
    }
    if s.len() <= 64 && WALLET.is_match(s) && s.bytes().any(|b| b.is_ascii_digit()) {
        out.push(Signal {
            kind: Kind::WalletAddress,
            line,
            func,
            detail: s.to_string(),
        });
    }
}

/// Folders of a user's own documents (not configuration or cache folders), as a path segment
/// of a string (`'Desktop'`, `'/Desktop/x.txt'`, not in URLs): where nothing a package installs
/// belongs. Also the
/// file-system root and two or more parent levels (`../..`): places outside any package.
fn is_user_folder(t: &str) -> bool {
    const FOLDERS: &[&str] = &["Desktop", "Documents", "OneDrive", "Downloads", "Pictures"];
    if memchr::memchr2(b'/', b'\\', t.as_bytes()).is_none() {
        return FOLDERS.contains(&t);
    }
    if !USER_FOLDER_HINT.is_match(t) || t.contains("://") || t.contains(' ') {
        return false;
    }
    t.split(['/', '\\']).any(|seg| FOLDERS.contains(&seg))
        || matches!(t.trim_end_matches('/'), "../.." | "../../..")
}

/// Searches a regular-expression pattern: wallet-address shapes and secret-name filters.
pub fn scan_regex(pat: &str, line: u32, func: u32, out: &mut Vec<Signal>) {
    let wallet = pat.contains("0x[a-fA-F0-9]{40}")
        || pat.contains("0x[0-9a-fA-F]{40}")
        || pat.contains("0x[a-f0-9]{40}")
        || pat.contains("bc1[")
        || pat.contains("[13][a-km-zA-HJ-NP-Z1-9]")
        || pat.contains("[a-km-zA-HJ-NP-Z1-9]{")
        || pat.contains("T[A-Za-z1-9]{33}");
    if wallet {
        out.push(Signal {
            kind: Kind::WalletRegex,
            line,
            func,
            detail: truncate(pat, 80),
        });
    }
    let upper = pat.to_ascii_uppercase();
    let secrets = [
        "TOKEN",
        "SECRET",
        "PASSW",
        "API_?KEY",
        "APIKEY",
        "PRIVATE",
        "CREDENTIAL",
        "AUTH",
        "JWT",
        "BEARER",
        "MNEMONIC",
    ]
    .iter()
    .filter(|w| upper.contains(*w))
    .count();
    if secrets >= 2 && upper.contains('|') {
        out.push(Signal {
            kind: Kind::EnvSecretFilter,
            line,
            func,
            detail: truncate(pat, 80),
        });
    }
}

/// Searches a whole text file (non-JavaScript) line by line. Returns the code found encoded
/// inside it (base64/hex string values of a JSON document), which the driver analyses as
/// JavaScript.
pub fn scan_text(text: &str, kind: FileKind, out: &mut Vec<Signal>) -> Vec<DecodedCode> {
    let mut code = Vec::new();
    if kind == FileKind::JavaScript || (kind == FileKind::Json && is_source_map(text)) {
        return code;
    }
    let line_of = line_index(text);
    for m in AC.find_iter(text) {
        let k = INDICATORS[m.pattern().as_usize()].1;
        out.push(Signal {
            kind: k,
            line: line_of(m.start()),
            func: 0,
            detail: word_around(text, m.start(), m.end()),
        });
    }
    raw_ips(text, |at, detail| {
        out.push(Signal {
            kind: Kind::Endpoint,
            line: line_of(at),
            func: 0,
            detail,
        })
    });
    for m in RUNTIME_HINT
        .is_match(text)
        .then(|| RUNTIME_URL.find_iter(text).take(20))
        .into_iter()
        .flatten()
    {
        out.push(Signal {
            kind: Kind::RuntimeDropper,
            line: line_of(m.start()),
            func: 0,
            detail: word_around(text, m.start(), m.end()),
        });
    }
    let invisible = crate::decode::invisible_count(text);
    if invisible >= 16 {
        out.push(Signal {
            kind: Kind::InvisibleUnicode,
            line: 0,
            func: 0,
            detail: format!("run of {invisible} invisible characters"),
        });
    }
    if kind == FileKind::Json {
        json_payloads(text, &line_of, &mut code);
    }
    code
}

/// True for an HTML page's path (`.html`, `.htm`, any case).
pub(crate) fn is_html_path(path: &str) -> bool {
    let dot = path.rfind('.').map_or("", |i| &path[i + 1..]);
    dot.eq_ignore_ascii_case("html") || dot.eq_ignore_ascii_case("htm")
}

/// The inline scripts of an HTML page as one JavaScript program laid over the page's lines:
/// every byte outside a `<script>` element's content becomes a space (line breaks stay), so
/// signals and flows carry the page's own line numbers, and the scripts share one global scope
/// as a browser runs them. Scripts with a `src` attribute (loaded from elsewhere) and data
/// blocks (`type="application/json"`, templates) are left out. `None` when the page has no
/// inline script.
pub fn html_scripts(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let mut keep: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(i) = lower[at..].find("<script") {
        let open = at + i;
        let Some(gt) = lower[open..].find('>') else {
            break;
        };
        let attrs = &lower[open + 7..open + gt];
        let body = open + gt + 1;
        let end = lower[body..]
            .find("</script")
            .map_or(text.len(), |e| body + e);
        let runs = attrs.is_empty() || attrs.starts_with(|c: char| c.is_ascii_whitespace());
        let ty = attrs
            .split_once("type=")
            .map(|(_, t)| t.trim_start_matches(['"', '\'']).to_string())
            .unwrap_or_default();
        let code_type = ty.is_empty()
            || ty.starts_with("text/javascript")
            || ty.starts_with("module")
            || ty.starts_with("application/javascript")
            || ty.starts_with("text/ecmascript");
        if runs && code_type && !attrs.contains("src=") {
            keep.push((body, end));
        }
        at = end;
    }
    if keep.iter().all(|(a, b)| text[*a..*b].trim().is_empty()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let blank = |s: &str, out: &mut String| {
        for c in s.chars() {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    for (a, b) in keep {
        blank(&text[last..a], &mut out);
        // Each block ends its own statement (a missing semicolon before the next block).
        out.push_str(&text[a..b]);
        last = b;
        if last < text.len() {
            out.push(';');
            last += 1;
            // The replaced byte was `<` of `</script>`: one character for one byte.
        }
    }
    blank(&text[last.min(text.len())..], &mut out);
    Some(out)
}

/// True for a source map (Source Map Revision 3: a JSON object with `version`, `sources` and
/// `mappings`). Nothing loads or runs it: its `sourcesContent` repeats the package's own
/// sources (analysed as code where they ship) and the bundled dependencies' (tables of host
/// names and all), so its text is not searched for indicators.
fn is_source_map(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Head {
        version: Option<serde::de::IgnoredAny>,
        sources: Option<serde::de::IgnoredAny>,
        mappings: Option<serde::de::IgnoredAny>,
    }
    serde_json::from_str::<Head>(text)
        .is_ok_and(|h| h.version.is_some() && h.sources.is_some() && h.mappings.is_some())
}

fn line_index(text: &str) -> impl Fn(usize) -> u32 + '_ {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect();
    move |at| starts.partition_point(|&s| s <= at) as u32
}

/// Decodes long base64/hex string values of a JSON document; values that decode to code are
/// returned with their line, to be analysed as JavaScript.
fn json_payloads(text: &str, line_of: &dyn Fn(usize) -> u32, out: &mut Vec<DecodedCode>) {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let mut stack = vec![&doc];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) if s.len() >= 24 => {
                let Some(decoded) =
                    crate::decode::base64_text(s).or_else(|| crate::decode::hex_text(s))
                else {
                    continue;
                };
                if !crate::decode::looks_like_code(&decoded) {
                    continue;
                }
                let at = text.find(&s[..s.len().min(40)]).unwrap_or(0);
                out.push(DecodedCode {
                    line: line_of(at),
                    code: decoded,
                });
            }
            serde_json::Value::Array(a) => stack.extend(a.iter()),
            serde_json::Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
}

/// The token around a match: expands to quotes, whitespace and brackets (at most 100 chars).
fn word_around(s: &str, start: usize, end: usize) -> String {
    let stop = |c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '(' | ')' | '<' | '>' | ',' | ';')
    };
    let b = s.as_bytes();
    let mut a = start;
    while a > 0 && start - a < 60 && !stop(b[a - 1] as char) {
        a -= 1;
    }
    let mut z = end;
    while z < b.len() && z - end < 60 && !stop(b[z] as char) {
        z += 1;
    }
    while !s.is_char_boundary(a) {
        a += 1;
    }
    while !s.is_char_boundary(z) {
        z -= 1;
    }
    truncate(s.get(a..z).unwrap_or(""), 100)
}

/// The lowercase host of `url` (a URL, or a bare host with an optional port and path): no
/// scheme, user info, port, path, query or trailing dot.
pub(crate) fn url_host(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("");
    host.split(':')
        .next()
        .unwrap_or("")
        .trim_end_matches('.')
        .to_string()
}

/// True when `host` is `domain` or one of its subdomains (`api.github.com` is `github.com`;
/// `github.com.example.net` and `evilgithub.com` are not).
pub(crate) fn host_is(host: &str, domain: &str) -> bool {
    host == domain
        || host
            .strip_suffix(domain)
            .is_some_and(|sub| sub.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicators_and_raw_ips() {
        let mut out = Vec::new();
        scan_str(
            "curl https://x.c9fake.oastify.com/ http://203.0.113.9:80/a http://127.0.0.1/",
            3,
            0,
            &mut out,
        );
        let kinds: Vec<_> = out.iter().map(|s| (s.kind, s.detail.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (Kind::Endpoint, "https://x.c9fake.oastify.com/"),
                (Kind::Endpoint, "raw IP http://203.0.113.9:80/a")
            ]
        );
    }

    /// msw ships `lib/iife/index.js.map`, whose `sourcesContent` holds a bundled public suffix
    /// list (`"ngrok.io"`, `"trycloudflare.com"`): a source map is never run.
    #[test]
    fn source_map_text_is_not_searched() {
        let map = r#"{"version":3,"sources":["psl.js"],"sourcesContent":["var rules = [\"ngrok.io\", \"trycloudflare.com\"];"],"mappings":"AAAA"}"#;
        let mut out = Vec::new();
        scan_text(map, FileKind::Json, &mut out);
        assert!(out.is_empty());
        let config = r#"{"version":3,"hook":"https://x.ngrok.io/c"}"#;
        scan_text(config, FileKind::Json, &mut out);
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn regex_shapes() {
        let mut out = Vec::new();
        scan_regex(r"\b0x[a-fA-F0-9]{40}\b", 1, 0, &mut out);
        scan_regex("TOKEN|SECRET|PASSW", 2, 0, &mut out);
        scan_regex("^[a-z]+$", 3, 0, &mut out);
        assert_eq!(
            out.iter().map(|s| s.kind).collect::<Vec<_>>(),
            vec![Kind::WalletRegex, Kind::EnvSecretFilter]
        );
    }
}
