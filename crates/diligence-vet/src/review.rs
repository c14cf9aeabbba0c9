//! Reviewing: where tarballs come from, the briefing `vet certify` shows before it records
//! an audit (what to read first), and recording the audit.
//!
//! The briefing puts first what deserves a reader's time: the analyser's findings with file
//! and line (for a delta, only those the old version did not have), what runs at install
//! (lifecycle scripts, the files they start, `node-gyp`), the entry points a consumer loads,
//! and for a delta the files added, removed and changed with their line counts, new binaries,
//! new minified files and new lifecycle scripts. Files are listed flagged first, then
//! install-time, then by size.

use crate::VetError;
use crate::edit::insert_audit;
use crate::format::{self, Audit, AuditKind, Parsed, Strictness};
use crate::size::{Change, FileChanges, ReviewSize, delta_size, full_size};
use crate::store::{AUDITS_FILE, Store, write_file};
use crate::toml_read::Doc;
use diligence_analyze::{CodeFinding, PackageFile, PackageScan, ScanOptions};
use diligence_graph::{HashAlgorithm, Integrity};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

/// One version's tarball, unpacked in memory.
#[derive(Debug, Clone)]
pub struct Tarball {
    pub files: Vec<PackageFile>,
    /// Archive problems that stop analysis of part of it (limits, truncation).
    pub anomalies: Vec<diligence_analyze::archive::Anomaly>,
    /// sha512 and sha1 of the tarball bytes (what an audit records).
    pub integrity: Integrity,
}

/// Where tarballs come from (the registry client, verified and cached; a fixture in tests).
pub trait TarballSource: Sync {
    /// The tarball of `name@version`, verified against the registry's integrity.
    /// Errors: one line naming the package and why.
    fn tarball(&self, name: &str, version: &str) -> Result<Tarball, String>;
}

impl TarballSource for diligence_registry::RegistryClient {
    fn tarball(&self, name: &str, version: &str) -> Result<Tarball, String> {
        let bytes = self
            .fetch_tarball(name, version, None)
            .map_err(|e| e.to_string())?;
        unpack(&bytes).map_err(|e| format!("{name}@{version}: {e}"))
    }
}

/// Unpacks tarball bytes in memory (the analyser's limits) and hashes them.
pub fn unpack(bytes: &[u8]) -> Result<Tarball, String> {
    let limits = diligence_analyze::ArchiveLimits::default();
    let unpacked = diligence_analyze::archive::unpack_tarball(bytes, &limits)?;
    let integrity = Integrity::Sri(vec![
        diligence_registry::verify::hash(HashAlgorithm::Sha512, bytes),
        diligence_registry::verify::hash(HashAlgorithm::Sha1, bytes),
    ]);
    Ok(Tarball {
        files: unpacked.files,
        anomalies: unpacked.anomalies,
        integrity,
    })
}

/// A file in the briefing.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileNote {
    pub path: String,
    /// `None` for a full review.
    pub change: Option<Change>,
    /// Weighted lines (added, for a delta) and removed lines.
    pub lines: u64,
    pub removed: u64,
    /// Analyser findings in this file.
    pub flagged: usize,
    /// Runs at install time.
    pub install_time: bool,
}

/// What `vet certify` shows before recording.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Briefing {
    pub name: String,
    pub from: Option<String>,
    pub to: String,
    pub size: ReviewSize,
    /// Findings to read first (for a delta: new in `to`).
    pub findings: Vec<CodeFinding>,
    pub verdict: String,
    /// Lifecycle scripts that run at install (`name: command`), and `node-gyp rebuild`.
    pub install_scripts: Vec<String>,
    /// Files the install-time scripts start.
    pub install_files: Vec<String>,
    /// `main`, `exports`, `module`, `browser`, `bin` targets.
    pub entry_points: Vec<String>,
    /// Files, most important first (at most [`MAX_FILES`] in the text rendering).
    pub files: Vec<FileNote>,
    /// Delta only: lifecycle scripts added or changed, new binaries, new minified files.
    pub new_lifecycle_scripts: Vec<String>,
    pub new_binaries: Vec<String>,
    pub new_minified: Vec<String>,
    /// Parts the analyser could not read (`what`: the path inside the package).
    pub not_analysed: Vec<diligence_finding::NotEvaluated>,
    /// The integrity of `to`'s tarball (what the audit records).
    #[serde(serialize_with = "ser_integrity")]
    pub integrity: Integrity,
}

fn ser_integrity<S: serde::Serializer>(i: &Integrity, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format::integrity_text(i))
}

/// Files shown in the text rendering of a briefing.
pub const MAX_FILES: usize = 40;

/// Builds the briefing for a full review of `to` (`from` = `None`) or of the delta
/// `from → to`. Errors: a tarball cannot be fetched or unpacked.
pub fn brief(
    source: &dyn TarballSource,
    name: &str,
    from: Option<&str>,
    to: &str,
) -> Result<Briefing, VetError> {
    let (new, old) = rayon::join(
        || source.tarball(name, to),
        || from.map(|f| source.tarball(name, f)),
    );
    let new = new.map_err(VetError::Input)?;
    let old = old.transpose().map_err(VetError::Input)?;
    let opts = ScanOptions::default();
    let scan = |t: &Tarball, v: &str| {
        diligence_analyze::scan_files(
            t.files.clone(),
            t.anomalies.clone(),
            &format!("{name}@{v}"),
            &opts,
        )
    };
    let new_scan = scan(&new, to);
    let manifest: serde_json::Value = new
        .files
        .iter()
        .find(|f| f.path == "package.json")
        .and_then(|f| serde_json::from_slice(&f.bytes).ok())
        .unwrap_or(serde_json::Value::Null);
    let pj = new.files.iter().find(|f| f.path == "package.json");
    let scripts = diligence_analyze::scripts::analyse(&manifest, pj);
    let mut install_scripts: Vec<String> = diligence_analyze::scripts::LIFECYCLE
        .iter()
        .filter_map(|s| {
            let cmd = manifest.get("scripts")?.get(*s)?.as_str()?;
            Some(format!("{s}: {cmd}"))
        })
        .collect();
    if scripts.gyp_at_install && new.files.iter().any(|f| f.path == "binding.gyp") {
        install_scripts.push("node-gyp rebuild (binding.gyp)".into());
    }
    let install_files: Vec<String> = scripts.entry_files.clone();
    let mut b = Briefing {
        name: name.into(),
        from: from.map(String::from),
        to: to.into(),
        size: ReviewSize::default(),
        findings: Vec::new(),
        verdict: new_scan.verdict.as_str().to_string(),
        install_scripts,
        install_files: install_files.clone(),
        entry_points: diligence_analyze::entry::declared(&manifest),
        files: Vec::new(),
        new_lifecycle_scripts: Vec::new(),
        new_binaries: Vec::new(),
        new_minified: Vec::new(),
        not_analysed: new_scan.not_evaluated.clone(),
        integrity: new.integrity.clone(),
    };
    let install_set: BTreeSet<&str> = install_files.iter().map(String::as_str).collect();
    match &old {
        None => {
            b.size = full_size(&new.files);
            b.findings = new_scan.findings.clone();
            b.files = notes_full(&new.files, &new_scan, &install_set);
        }
        Some(old) => {
            let old_scan = scan(old, from.unwrap_or_default());
            b.findings = diligence_diff::delta::new_code_findings(&old_scan, &new_scan);
            let (size, changes) = delta_size(&old.files, &new.files);
            b.size = size;
            b.files = notes_delta(&changes, &b.findings, &new_scan, &install_set);
            let d = diligence_diff::delta::file_delta(&old.files, &new.files);
            b.new_lifecycle_scripts = d
                .new_lifecycle_scripts
                .iter()
                .map(|(n, c)| format!("{n}: {c}"))
                .collect();
            b.new_binaries = d.new_binaries;
            b.new_minified = d.new_minified;
        }
    }
    Ok(b)
}

fn notes_full(
    files: &[PackageFile],
    scan: &PackageScan,
    install: &BTreeSet<&str>,
) -> Vec<FileNote> {
    let mut notes: Vec<FileNote> = files
        .iter()
        .map(|f| {
            let size = full_size(std::slice::from_ref(f));
            FileNote {
                path: f.path.clone(),
                change: None,
                lines: size.lines,
                removed: 0,
                flagged: scan.findings.iter().filter(|x| x.file == f.path).count(),
                install_time: install.contains(f.path.as_str())
                    || scan
                        .findings
                        .iter()
                        .any(|x| x.file == f.path && x.install_time),
            }
        })
        .collect();
    order(&mut notes);
    notes
}

fn notes_delta(
    changes: &FileChanges,
    new_findings: &[CodeFinding],
    scan: &PackageScan,
    install: &BTreeSet<&str>,
) -> Vec<FileNote> {
    let mut notes: Vec<FileNote> = changes
        .iter()
        .map(|(path, (change, added, removed))| FileNote {
            path: path.clone(),
            change: Some(*change),
            lines: *added,
            removed: *removed,
            flagged: new_findings.iter().filter(|x| &x.file == path).count(),
            install_time: install.contains(path.as_str())
                || scan
                    .findings
                    .iter()
                    .any(|x| &x.file == path && x.install_time),
        })
        .collect();
    order(&mut notes);
    notes
}

/// Flagged first, then install-time, then `package.json`, then by size.
fn order(notes: &mut [FileNote]) {
    notes.sort_by(|a, b| {
        b.flagged
            .cmp(&a.flagged)
            .then_with(|| b.install_time.cmp(&a.install_time))
            .then_with(|| (b.path == "package.json").cmp(&(a.path == "package.json")))
            .then_with(|| (b.lines + b.removed).cmp(&(a.lines + a.removed)))
            .then_with(|| a.path.cmp(&b.path))
    });
}

/// The briefing as text for a terminal. Values from the package are escaped (control
/// characters shown as `\u{..}`) so a file name cannot forge terminal output.
pub fn render(b: &Briefing) -> String {
    let e = escape;
    let mut s = String::new();
    match &b.from {
        Some(f) => {
            let _ = writeln!(
                s,
                "Delta review of {} {} -> {}: {} to read (+{} -{}) in {} file(s)",
                e(&b.name),
                e(f),
                e(&b.to),
                b.size.describe(),
                b.size.added,
                b.size.removed,
                b.size.files
            );
        }
        None => {
            let _ = writeln!(
                s,
                "Full review of {}@{}: {} to read in {} file(s)",
                e(&b.name),
                e(&b.to),
                b.size.describe(),
                b.size.files
            );
        }
    }
    let _ = writeln!(s, "Analyser verdict for {}: {}", e(&b.to), b.verdict);
    if !b.not_analysed.is_empty() {
        let _ = writeln!(s, "\nNot analysed (read these yourself):");
        for n in &b.not_analysed {
            let _ = writeln!(s, "  {}: {}", e(&n.what), e(&n.why));
        }
    }
    let title = if b.from.is_some() {
        "Read first — findings new in this version"
    } else {
        "Read first — analyser findings"
    };
    let _ = writeln!(s, "\n{title}:");
    if b.findings.is_empty() {
        let _ = writeln!(s, "  (none)");
    }
    for f in &b.findings {
        let _ = writeln!(
            s,
            "  {}:{}  {} [{}] {}\n      {}",
            e(&f.file),
            f.line,
            f.rule,
            f.severity,
            e(&f.message),
            e(&f.snippet)
        );
    }
    let _ = writeln!(s, "\nRuns at install:");
    if b.install_scripts.is_empty() {
        let _ = writeln!(s, "  (nothing: no lifecycle scripts, no node-gyp)");
    }
    for x in &b.install_scripts {
        let _ = writeln!(s, "  {}", e(x));
    }
    for x in &b.install_files {
        let _ = writeln!(s, "  starts {}", e(x));
    }
    let _ = writeln!(s, "\nEntry points: {}", e(&b.entry_points.join(", ")));
    if b.from.is_some() {
        for (label, list) in [
            ("New or changed lifecycle scripts", &b.new_lifecycle_scripts),
            ("New binaries", &b.new_binaries),
            ("Newly minified files", &b.new_minified),
        ] {
            if !list.is_empty() {
                let _ = writeln!(s, "{label}: {}", e(&list.join(", ")));
            }
        }
    }
    let _ = writeln!(s, "\nFiles (flagged, install-time and largest first):");
    for n in b.files.iter().take(MAX_FILES) {
        let mark = match (n.flagged > 0, n.install_time) {
            (true, _) => "!",
            (false, true) => "i",
            _ => " ",
        };
        let change = match n.change {
            Some(Change::Added) => "added   ",
            Some(Change::Removed) => "removed ",
            Some(Change::Changed) => "changed ",
            None => "",
        };
        let lines = match n.change {
            Some(Change::Removed) => String::new(),
            Some(_) => format!("+{} -{}", n.lines, n.removed),
            None => format!("{} lines", n.lines),
        };
        let _ = writeln!(s, "  {mark} {change}{}  {lines}", e(&n.path));
    }
    if b.files.len() > MAX_FILES {
        let _ = writeln!(s, "  … and {} more", b.files.len() - MAX_FILES);
    }
    s
}

/// Escapes control characters (and DEL) as `\u{..}`.
pub fn escape(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// `Name <email>` from `git config` in `dir`, when both are set.
pub fn git_identity(dir: &std::path::Path) -> Option<String> {
    let get = |key: &str| {
        let out = std::process::Command::new("git")
            .args(["config", "--get", key])
            .current_dir(dir)
            .output()
            .ok()?;
        let v = String::from_utf8(out.stdout).ok()?.trim().to_string();
        (out.status.success() && !v.is_empty()).then_some(v)
    };
    Some(format!("{} <{}>", get("user.name")?, get("user.email")?))
}

/// What `vet certify` records.
#[derive(Debug, Clone)]
pub struct Certification {
    pub name: String,
    pub from: Option<String>,
    pub to: String,
    pub criteria: Vec<String>,
    pub who: String,
    pub notes: Option<String>,
    pub integrity: Integrity,
    /// `YYYY-MM-DD`.
    pub date: String,
}

/// Adds the audit to `audits.toml` (next to the package's other entries) and returns the
/// file. Errors: an unknown criterion, an audit that is already recorded, or a file that
/// cannot be written.
pub fn record(store: &Store, c: &Certification) -> Result<PathBuf, VetError> {
    for name in &c.criteria {
        if store.criteria.index(name).is_none() {
            return Err(VetError::Input(format!(
                "unknown criterion `{name}` (defined: {})",
                store
                    .criteria
                    .defs()
                    .iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    if c.criteria.is_empty() {
        return Err(VetError::Input("no criteria given".into()));
    }
    let kind = match &c.from {
        Some(f) => AuditKind::Delta {
            from: f.clone(),
            to: c.to.clone(),
        },
        None => AuditKind::Full {
            version: c.to.clone(),
        },
    };
    let audit = Audit {
        package: c.name.clone(),
        kind,
        criteria: c.criteria.clone(),
        who: vec![c.who.clone()],
        notes: c.notes.clone(),
        integrity: Some(c.integrity.clone()),
        date: Some(c.date.clone()),
        line: 0,
    };
    let duplicate = store.audits.iter().any(|a| {
        a.package == audit.package
            && a.kind == audit.kind
            && a.integrity == audit.integrity
            && store
                .criteria
                .closure_of(a.criteria.iter().map(String::as_str))
                .contains_all(store.criteria.set_of(c.criteria.iter().map(String::as_str)))
    });
    if duplicate {
        return Err(VetError::Input(format!(
            "{} already records this audit of {} for {}",
            store.file(AUDITS_FILE),
            c.name,
            c.criteria.join(", ")
        )));
    }
    let path = store.dir.join(AUDITS_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => AUDITS_HEADER.to_string(),
        Err(e) => {
            return Err(VetError::Io {
                path: path.display().to_string(),
                message: e.to_string(),
            });
        }
    };
    let new_text = insert_audit(&text, &c.name, &format::audit_text("audits", &audit));
    // The edit must read back as the same entries plus this one.
    let doc = Doc::new(path.display().to_string(), &new_text);
    let root = doc.parse()?;
    let mut parsed = Parsed::default();
    format::audits_of(
        &doc,
        root.get_ref(),
        &store.criteria,
        Strictness::Own,
        &mut parsed,
    )?;
    if parsed.file.audits.len() != store.audits.len() + 1 {
        return Err(VetError::Input(format!(
            "{}: the new entry did not read back; the file was not changed",
            path.display()
        )));
    }
    write_file(&path, &new_text)?;
    Ok(path)
}

/// The header comment of a new `audits.toml`.
pub const AUDITS_HEADER: &str = "\
# Reviews of npm package versions and deltas (diligence vet). `diligence vet certify`
# adds entries; people may edit them. Other projects can import this file.
";
