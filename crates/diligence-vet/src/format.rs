//! The entries of the ledger files, as read from `audits.toml`, `exemptions.toml` and
//! `imports.lock` (and from imported audit files), and how they are written back.
//!
//! Entry shapes (every key is kebab-case; unknown keys are errors in the project's own files
//! and ignored in imported ones):
//!
//! ```toml
//! [[audits.lodash]]                     # one entry per review, under the package name
//! who = "Ada <ada@example.com>"         # string or array
//! criteria = "safe-to-deploy"           # string or array of defined criteria
//! version = "4.17.21"                   # a full review of this version …
//! # delta = "4.17.20 -> 4.17.21"        # … or of the change between two versions …
//! # violation = ">=5.6.1 <5.6.2"        # … or: these versions fail the criteria
//! integrity = "sha512-… sha1-…"         # the tarball reviewed (of `to` for a delta)
//! date = 2026-12-07
//! notes = "…"
//!
//! [[exemptions.left-pad]]               # used without review, for now
//! version = "1.3.0"
//! criteria = "safe-to-deploy"
//! integrity = "sha512-…"                # the tarball locked when it was exempted
//! suggest = true                        # false: keep it out of `vet suggest`
//! notes = "…"
//! ```

use crate::VetError;
use crate::criteria::{CriteriaTable, CriterionDef};
use crate::toml_read::{Doc, Value, get, key, quote};
use diligence_graph::Integrity;
use nodejs_semver::Range;
use std::fmt::Write as _;
use toml::de::DeTable;

/// What an audit entry certifies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditKind {
    /// The whole of one version was reviewed.
    Full { version: String },
    /// The change from `from` to `to` was reviewed (either direction in semver order).
    Delta { from: String, to: String },
    /// The versions in this npm range fail the criteria (a compromised release, say).
    Violation { range: String },
}

/// One `[[audits.NAME]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    pub package: String,
    pub kind: AuditKind,
    /// Criteria names as written (in the namespace of the file they come from).
    pub criteria: Vec<String>,
    pub who: Vec<String>,
    pub notes: Option<String>,
    /// Integrity of the reviewed tarball (of `to` for a delta).
    pub integrity: Option<Integrity>,
    /// The day of the review (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// 1-based line of the entry in its file (0 when built in memory).
    pub line: u32,
}

/// One `[[exemptions.NAME]]` entry: a version used without review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    pub package: String,
    pub version: String,
    pub criteria: Vec<String>,
    /// Integrity locked when the exemption was written; a different tarball under the same
    /// version is not exempted.
    pub integrity: Option<Integrity>,
    pub notes: Option<String>,
    /// `false` keeps the entry out of `vet suggest`.
    pub suggest: bool,
    pub line: u32,
}

/// An audits file: its criteria definitions and entries in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditsFile {
    pub criteria: Vec<CriterionDef>,
    pub audits: Vec<Audit>,
}

/// How strictly a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// The project's own files: unknown keys and bad entries are errors.
    Own,
    /// Another organisation's file: unknown keys are ignored, unusable entries skipped
    /// (counted in [`Parsed::skipped`]).
    Foreign,
}

/// The result of reading an audits document.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub file: AuditsFile,
    /// Foreign entries that could not be used, one line each (`lodash: version … is not …`).
    pub skipped: Vec<String>,
}

/// Criteria definitions from a `[criteria]` table (of `audits.toml`, `config.toml` or an
/// import).
pub(crate) fn criteria_defs(
    doc: &Doc<'_>,
    v: &Value<'_>,
    strict: Strictness,
) -> Result<Vec<CriterionDef>, VetError> {
    let table = doc.table(v, "criteria")?;
    let mut out = Vec::new();
    for (name, def) in table {
        let def = doc.table(def, "a criterion")?;
        if strict == Strictness::Own {
            doc.only_keys(
                def,
                &["description", "description-url", "implies"],
                "a criterion",
            )?;
        }
        let description = match (get(def, "description"), get(def, "description-url")) {
            (Some(d), _) => doc.string(d, "description")?,
            (None, Some(u)) => doc.string(u, "description-url")?,
            (None, None) if strict == Strictness::Own => {
                return Err(doc.error(
                    name.span(),
                    format!("criterion `{}` needs a description", name.get_ref()),
                ));
            }
            (None, None) => String::new(),
        };
        let implies = match get(def, "implies") {
            Some(i) => doc
                .strings(i, "implies")?
                .into_iter()
                .map(|(s, _)| s)
                .collect(),
            None => Vec::new(),
        };
        out.push(CriterionDef {
            name: name.get_ref().to_string(),
            description,
            implies,
        });
    }
    Ok(out)
}

/// Reads the `[audits]` entries of a parsed audits document (`root`), checking criteria
/// names against `table`.
pub(crate) fn audits_of(
    doc: &Doc<'_>,
    root: &DeTable<'_>,
    table: &CriteriaTable,
    strict: Strictness,
    out: &mut Parsed,
) -> Result<(), VetError> {
    let Some(audits) = get(root, "audits") else {
        return Ok(());
    };
    for (package, entries) in doc.table(audits, "audits")? {
        let package = package.get_ref().to_string();
        for (entry, span) in doc.tables(entries, &format!("audits.{}", key(&package)))? {
            match audit_entry(doc, &package, entry, span.clone(), table, strict) {
                Ok(a) => out.file.audits.push(a),
                Err(e) if strict == Strictness::Foreign => {
                    out.skipped.push(format!("{package}: {}", message_of(&e)))
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

fn message_of(e: &VetError) -> String {
    match e {
        VetError::Invalid { message, line, .. } => format!("{message} (line {line})"),
        other => other.to_string(),
    }
}

const AUDIT_KEYS: &[&str] = &[
    "who",
    "criteria",
    "version",
    "delta",
    "violation",
    "integrity",
    "date",
    "notes",
];

fn audit_entry(
    doc: &Doc<'_>,
    package: &str,
    t: &DeTable<'_>,
    span: std::ops::Range<usize>,
    table: &CriteriaTable,
    strict: Strictness,
) -> Result<Audit, VetError> {
    let what = format!("[[audits.{}]]", key(package));
    if strict == Strictness::Own {
        doc.only_keys(t, AUDIT_KEYS, &what)?;
    }
    let criteria = criteria_field(doc, t, span.clone(), table, &what)?;
    let kinds: Vec<(&str, &Value<'_>)> = ["version", "delta", "violation"]
        .into_iter()
        .filter_map(|k| get(t, k).map(|v| (k, v)))
        .collect();
    let kind = match kinds.as_slice() {
        [("version", v)] => AuditKind::Full {
            version: exact_version(doc, v, strict)?,
        },
        [("delta", v)] => {
            let text = doc.string(v, "delta")?;
            let Some((from, to)) = text.split_once("->") else {
                return Err(doc.error(
                    v.span(),
                    format!("delta `{text}` must be written `FROM -> TO`"),
                ));
            };
            let (from, to) = (from.trim(), to.trim());
            for x in [from, to] {
                check_version(doc, v, x)?;
            }
            AuditKind::Delta {
                from: from.into(),
                to: to.into(),
            }
        }
        // The only key left is `violation`.
        [(_, v)] => {
            let text = doc.string(v, "violation")?;
            let npm = match strict {
                // cargo-vet writes Cargo's VersionReq (`>=1.2, <2`): a comma is npm's space.
                Strictness::Foreign => text.replace(',', " "),
                Strictness::Own => text.clone(),
            };
            if Range::parse(&npm).is_err() {
                return Err(doc.error(
                    v.span(),
                    format!("violation `{text}` is not an npm version range"),
                ));
            }
            AuditKind::Violation { range: npm }
        }
        [] => {
            return Err(doc.error(
                span,
                format!("{what} needs one of `version`, `delta` or `violation`"),
            ));
        }
        [_, (second, v), ..] => {
            return Err(doc.error(
                v.span(),
                format!("{what} has both `{}` and `{second}`: give one", kinds[0].0),
            ));
        }
    };
    let integrity = match get(t, "integrity") {
        Some(v) if matches!(kind, AuditKind::Violation { .. }) => {
            return Err(doc.error(v.span(), "a violation has no `integrity`"));
        }
        Some(v) => Some(integrity(doc, v)?),
        None => None,
    };
    let who = match get(t, "who") {
        Some(v) => doc.strings(v, "who")?.into_iter().map(|(s, _)| s).collect(),
        None => Vec::new(),
    };
    let notes = get(t, "notes")
        .map(|v| doc.string(v, "notes"))
        .transpose()?;
    let date = get(t, "date").map(|v| doc.date(v, "date")).transpose()?;
    Ok(Audit {
        package: package.to_string(),
        kind,
        criteria,
        who,
        notes,
        integrity,
        date,
        line: doc.line(span.start),
    })
}

/// `criteria`, required and non-empty, every name defined in `table`.
fn criteria_field(
    doc: &Doc<'_>,
    t: &DeTable<'_>,
    span: std::ops::Range<usize>,
    table: &CriteriaTable,
    what: &str,
) -> Result<Vec<String>, VetError> {
    let Some(v) = get(t, "criteria") else {
        return Err(doc.error(span, format!("{what} needs `criteria`")));
    };
    let names = doc.strings(v, "criteria")?;
    if names.is_empty() {
        return Err(doc.error(v.span(), "`criteria` is empty"));
    }
    for (name, span) in &names {
        if table.index(name).is_none() {
            return Err(doc.error(
                span.clone(),
                format!(
                    "unknown criterion `{name}` (defined: {})",
                    table
                        .defs()
                        .iter()
                        .map(|d| d.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    Ok(names.into_iter().map(|(s, _)| s).collect())
}

fn exact_version(doc: &Doc<'_>, v: &Value<'_>, _strict: Strictness) -> Result<String, VetError> {
    let text = doc.string(v, "version")?;
    check_version(doc, v, &text)?;
    Ok(text)
}

fn check_version(doc: &Doc<'_>, v: &Value<'_>, text: &str) -> Result<(), VetError> {
    if crate::is_exact_version(text) {
        return Ok(());
    }
    Err(doc.error(
        v.span(),
        format!("`{text}` is not an exact npm version (like 1.2.3)"),
    ))
}

fn integrity(doc: &Doc<'_>, v: &Value<'_>) -> Result<Integrity, VetError> {
    let text = doc.string(v, "integrity")?;
    if let Some(berry) = text.strip_prefix("berry:") {
        return Ok(Integrity::BerryChecksum(berry.to_string()));
    }
    Integrity::parse_sri(&text).map_err(|e| doc.error(v.span(), format!("integrity: {e}")))
}

const EXEMPTION_KEYS: &[&str] = &["version", "criteria", "integrity", "notes", "suggest"];

/// Reads the `[exemptions]` entries of a parsed `exemptions.toml`.
pub(crate) fn exemptions_of(
    doc: &Doc<'_>,
    root: &DeTable<'_>,
    table: &CriteriaTable,
) -> Result<Vec<Exemption>, VetError> {
    doc.only_keys(root, &["exemptions"], "exemptions.toml")?;
    let Some(all) = get(root, "exemptions") else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for (package, entries) in doc.table(all, "exemptions")? {
        let package = package.get_ref().to_string();
        let what = format!("[[exemptions.{}]]", key(&package));
        for (t, span) in doc.tables(entries, &what)? {
            doc.only_keys(t, EXEMPTION_KEYS, &what)?;
            let Some(v) = get(t, "version") else {
                return Err(doc.error(span, format!("{what} needs `version`")));
            };
            let version = exact_version(doc, v, Strictness::Own)?;
            let criteria = criteria_field(doc, t, span.clone(), table, &what)?;
            let integrity = get(t, "integrity").map(|v| integrity(doc, v)).transpose()?;
            let notes = get(t, "notes")
                .map(|v| doc.string(v, "notes"))
                .transpose()?;
            let suggest = get(t, "suggest")
                .map(|v| doc.boolean(v, "suggest"))
                .transpose()?
                .unwrap_or(true);
            out.push(Exemption {
                package: package.clone(),
                version,
                criteria,
                integrity,
                notes,
                suggest,
                line: doc.line(span.start),
            });
        }
    }
    Ok(out)
}

/// Writes an integrity for a ledger file: SRI as is, a yarn berry checksum as `berry:…`.
pub fn integrity_text(i: &Integrity) -> String {
    match i {
        Integrity::Sri(_) => i.to_string(),
        Integrity::BerryChecksum(c) => format!("berry:{c}"),
    }
}

fn string_or_array(values: &[String]) -> String {
    match values {
        [one] => quote(one),
        many => format!(
            "[{}]",
            many.iter().map(|s| quote(s)).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// What an audit says, whatever line it sits on: its TOML text with the line number cleared.
/// Two entries with the same identity record the same review.
pub fn audit_identity(a: &Audit) -> String {
    audit_text(
        "a",
        &Audit {
            line: 0,
            ..a.clone()
        },
    )
}

/// The TOML text of one audit entry under `[[<table>.NAME]]` (`table` is `audits`, or
/// `imports.X.audits` in the lock), ending with a newline.
pub fn audit_text(table: &str, a: &Audit) -> String {
    let mut s = format!("[[{table}.{}]]\n", key(&a.package));
    if !a.who.is_empty() {
        let _ = writeln!(s, "who = {}", string_or_array(&a.who));
    }
    let _ = writeln!(s, "criteria = {}", string_or_array(&a.criteria));
    match &a.kind {
        AuditKind::Full { version } => {
            let _ = writeln!(s, "version = {}", quote(version));
        }
        AuditKind::Delta { from, to } => {
            let _ = writeln!(s, "delta = {}", quote(&format!("{from} -> {to}")));
        }
        AuditKind::Violation { range } => {
            let _ = writeln!(s, "violation = {}", quote(range));
        }
    }
    if let Some(i) = &a.integrity {
        let _ = writeln!(s, "integrity = {}", quote(&integrity_text(i)));
    }
    if let Some(d) = &a.date {
        let _ = writeln!(s, "date = {d}");
    }
    if let Some(n) = &a.notes {
        let _ = writeln!(s, "notes = {}", quote(n));
    }
    s
}

/// The TOML text of one exemption entry, ending with a newline.
pub fn exemption_text(e: &Exemption) -> String {
    let mut s = format!("[[exemptions.{}]]\n", key(&e.package));
    let _ = writeln!(s, "version = {}", quote(&e.version));
    let _ = writeln!(s, "criteria = {}", string_or_array(&e.criteria));
    if let Some(i) = &e.integrity {
        let _ = writeln!(s, "integrity = {}", quote(&integrity_text(i)));
    }
    if !e.suggest {
        s.push_str("suggest = false\n");
    }
    if let Some(n) = &e.notes {
        let _ = writeln!(s, "notes = {}", quote(n));
    }
    s
}

/// The header comment of a generated `exemptions.toml`.
pub const EXEMPTIONS_HEADER: &str = "\
# Packages this project uses without a review, for now (diligence vet).
# `diligence vet regenerate-exemptions` writes this file for the current lockfile;
# `diligence vet prune` drops entries that audits now cover. Notes and `suggest = false`
# are kept when an entry is rewritten; other comments are not.
";

/// The whole text of an `exemptions.toml` holding `entries` (sorted by name, then version).
pub fn exemptions_file_text(entries: &[Exemption]) -> String {
    let mut sorted: Vec<&Exemption> = entries.iter().collect();
    sorted.sort_by(|a, b| {
        a.package
            .cmp(&b.package)
            .then_with(|| crate::version_cmp(&a.version, &b.version))
    });
    let mut s = String::from(EXEMPTIONS_HEADER);
    for e in sorted {
        s.push('\n');
        s.push_str(&exemption_text(e));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_own(text: &str) -> Result<Parsed, VetError> {
        let doc = Doc::new("supply-chain/audits.toml", text);
        let root = doc.parse()?;
        let table = CriteriaTable::builtin();
        let mut out = Parsed::default();
        audits_of(&doc, root.get_ref(), &table, Strictness::Own, &mut out)?;
        Ok(out)
    }

    #[test]
    fn reads_full_delta_and_violation_entries() {
        let p = parse_own(
            r#"
[[audits.lodash]]
who = "Ada <ada@example.com>"
criteria = "safe-to-deploy"
version = "4.17.20"
date = 2026-12-07

[[audits.lodash]]
who = ["Ada", "Bob"]
criteria = ["safe-to-run"]
delta = "4.17.20 -> 4.17.21"
integrity = "sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M="

[[audits."@scope/x"]]
criteria = "safe-to-run"
violation = ">=1.0.1 <1.0.3"
notes = "compromised release"
"#,
        )
        .unwrap();
        let a = &p.file.audits;
        assert_eq!(a.len(), 3);
        let scoped = a.iter().find(|x| x.package == "@scope/x").unwrap();
        assert_eq!(
            scoped.kind,
            AuditKind::Violation {
                range: ">=1.0.1 <1.0.3".into()
            }
        );
        assert_eq!(scoped.line, 14);
        let delta = a.iter().find(|x| x.line == 8).unwrap();
        assert_eq!(
            delta.kind,
            AuditKind::Delta {
                from: "4.17.20".into(),
                to: "4.17.21".into()
            }
        );
        assert_eq!(delta.who, ["Ada", "Bob"]);
        assert_eq!(
            a.iter().find(|x| x.line == 2).unwrap().date.as_deref(),
            Some("2026-12-07")
        );
    }

    #[test]
    fn errors_name_the_place() {
        let cases = [
            (
                "[[audits.a]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\nvesion = 1\n",
                "supply-chain/audits.toml:4:1: unknown key `vesion` in [[audits.a]]",
            ),
            (
                "[[audits.a]]\ncriteria = \"safe-to-fly\"\nversion = \"1.0.0\"\n",
                "supply-chain/audits.toml:2:12: unknown criterion `safe-to-fly`",
            ),
            (
                "[[audits.a]]\ncriteria = \"safe-to-run\"\nversion = \"^1.0.0\"\n",
                "supply-chain/audits.toml:3:11: `^1.0.0` is not an exact npm version",
            ),
            (
                "[[audits.a]]\ncriteria = \"safe-to-run\"\ndelta = \"1.0.0 => 1.0.1\"\n",
                "supply-chain/audits.toml:3:9: delta `1.0.0 => 1.0.1` must be written",
            ),
            (
                "[[audits.a]]\ncriteria = \"safe-to-run\"\n",
                "supply-chain/audits.toml:1:1: [[audits.a]] needs one of",
            ),
            (
                "[[audits.a]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\ndelta = \"1.0.0 -> 1.0.1\"\n",
                "supply-chain/audits.toml:4:9: [[audits.a]] has both `version` and `delta`",
            ),
            (
                "[[audits.a]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\nintegrity = \"md5-x\"\n",
                "supply-chain/audits.toml:4:13: integrity: unknown integrity algorithm `md5`",
            ),
            ("[audits\n", "supply-chain/audits.toml:1:"),
        ];
        for (text, want) in cases {
            let err = parse_own(text).unwrap_err().to_string();
            assert!(err.starts_with(want), "{err}\n  wanted: {want}");
        }
    }

    #[test]
    fn foreign_entries_are_skipped_not_fatal() {
        let doc = Doc::new(
            "acme",
            "[[audits.a]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0@git:abc\"\nimportable = false\n\n[[audits.a]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\naggregated-from = \"x\"\n\n[[audits.b]]\ncriteria = \"safe-to-run\"\nviolation = \">=1.2, <2\"\n",
        );
        let root = doc.parse().unwrap();
        let mut out = Parsed::default();
        audits_of(
            &doc,
            root.get_ref(),
            &CriteriaTable::builtin(),
            Strictness::Foreign,
            &mut out,
        )
        .unwrap();
        assert_eq!(out.file.audits.len(), 2);
        assert_eq!(out.skipped.len(), 1);
        assert!(out.skipped[0].starts_with("a: `1.0.0@git:abc` is not an exact npm version"));
        assert_eq!(
            out.file.audits[1].kind,
            AuditKind::Violation {
                range: ">=1.2  <2".into()
            }
        );
    }

    #[test]
    fn written_entries_read_back() {
        let a = Audit {
            package: "@scope/pkg".into(),
            kind: AuditKind::Delta {
                from: "1.0.0".into(),
                to: "1.1.0".into(),
            },
            criteria: vec!["safe-to-run".into()],
            who: vec!["Ada \"A\" <a@x>".into()],
            notes: Some("line one\nline two".into()),
            integrity: Some(Integrity::parse_sri("sha1-qUqP5cyxm6YcTAhz05Hph5gvu9M=").unwrap()),
            date: Some("2026-12-07".into()),
            line: 0,
        };
        let text = audit_text("audits", &a);
        let back = parse_own(&text).unwrap().file.audits.remove(0);
        assert_eq!(back, Audit { line: 1, ..a });
    }
}
