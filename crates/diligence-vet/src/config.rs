//! `supply-chain/config.toml`: which criteria the project requires where, criteria of its
//! own, and the audit files it imports.
//!
//! ```toml
//! default-criteria = "safe-to-deploy"     # what `vet certify` records without --criteria
//!
//! [policy]
//! criteria = "safe-to-deploy"             # packages production dependencies reach
//! dev-criteria = "safe-to-run"            # packages only dev dependencies reach
//!
//! [policy.importers."packages/docs"]      # a workspace member (path as the lockfile has it)
//! criteria = "safe-to-run"
//!
//! [policy.packages."@corp/ui"]            # every version of one package, wherever it is
//! criteria = []                           # published from this repository: no review
//! notes = "first-party"
//!
//! [criteria.reviewed-binaries]
//! description = "Every native binary was rebuilt from source and compared."
//! implies = "safe-to-deploy"
//!
//! [imports.acme]
//! url = "https://raw.githubusercontent.com/acme/supply-chain/main/audits.toml"
//! criteria-map = { safe-to-deploy = "safe-to-deploy", acme-strict = ["safe-to-deploy"] }
//! exclude = ["left-pad"]
//!
//! [imports.web]
//! path = "../../web/supply-chain/audits.toml"   # relative to this file's folder
//! criteria-map = { safe-to-run = "safe-to-run" }
//! ```

use crate::VetError;
use crate::criteria::{CriteriaTable, CriterionDef, SAFE_TO_DEPLOY, SAFE_TO_RUN};
use crate::format::Strictness;
use crate::toml_read::{Doc, Value, get};
use std::collections::BTreeMap;
use std::ops::Range;
use toml::de::DeTable;

/// Where an import's audits file comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ImportSource {
    /// `https://…` (plain `http://` only for 127.0.0.1, `localhost` and `[::1]`).
    Url(String),
    /// A file path, relative to the `supply-chain` folder when not absolute.
    Path(String),
}

impl ImportSource {
    /// The URL or path as written.
    pub fn as_str(&self) -> &str {
        match self {
            ImportSource::Url(u) | ImportSource::Path(u) => u,
        }
    }
    /// `url` or `path`: the key it is written under.
    pub fn key(&self) -> &'static str {
        match self {
            ImportSource::Url(_) => "url",
            ImportSource::Path(_) => "path",
        }
    }
}

/// One `[imports.NAME]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportConfig {
    pub name: String,
    pub source: ImportSource,
    /// Their criterion → our criteria. Audits for unmapped criteria count for nothing.
    pub criteria_map: BTreeMap<String, Vec<String>>,
    /// Packages whose imported audits are ignored.
    pub exclude: Vec<String>,
    /// 1-based line of `[imports.NAME]`.
    pub line: u32,
}

/// Criteria a part of the tree requires (`None`: not set here, inherit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Requirement {
    pub criteria: Option<Vec<String>>,
    pub dev_criteria: Option<Vec<String>>,
}

/// The `[policy]` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// What packages reached through production dependencies need (default
    /// `safe-to-deploy`).
    pub criteria: Vec<String>,
    /// What packages reached only through dev dependencies need (default `safe-to-run`).
    pub dev_criteria: Vec<String>,
    /// Per workspace member (importer path): overrides of the two above for what it reaches.
    pub importers: BTreeMap<String, Requirement>,
    /// Per package name: the criteria every locked version needs, wherever it sits; replaces
    /// what the importers would require (`[]`: no review needed).
    pub packages: BTreeMap<String, Vec<String>>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            criteria: vec![SAFE_TO_DEPLOY.into()],
            dev_criteria: vec![SAFE_TO_RUN.into()],
            importers: BTreeMap::new(),
            packages: BTreeMap::new(),
        }
    }
}

/// `config.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub default_criteria: Vec<String>,
    pub policy: Policy,
    pub criteria: Vec<CriterionDef>,
    pub imports: BTreeMap<String, ImportConfig>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            default_criteria: vec![SAFE_TO_DEPLOY.into()],
            policy: Policy::default(),
            criteria: Vec::new(),
            imports: BTreeMap::new(),
        }
    }
}

/// Reads the criteria definitions of a parsed `config.toml` (the first pass: the criteria
/// table must exist before names can be checked).
pub(crate) fn criteria_of(
    doc: &Doc<'_>,
    root: &DeTable<'_>,
) -> Result<Vec<CriterionDef>, VetError> {
    match get(root, "criteria") {
        Some(v) => crate::format::criteria_defs(doc, v, Strictness::Own),
        None => Ok(Vec::new()),
    }
}

/// Reads a parsed `config.toml`; criteria names are checked against `table`.
pub(crate) fn parse(
    doc: &Doc<'_>,
    root: &DeTable<'_>,
    table: &CriteriaTable,
) -> Result<Config, VetError> {
    doc.only_keys(
        root,
        &["default-criteria", "policy", "criteria", "imports"],
        "config.toml",
    )?;
    let mut config = Config {
        criteria: criteria_of(doc, root)?,
        ..Config::default()
    };
    if let Some(v) = get(root, "default-criteria") {
        config.default_criteria = names(doc, v, table, "default-criteria")?;
    }
    if let Some(v) = get(root, "policy") {
        config.policy = policy(doc, v, table)?;
    }
    if let Some(v) = get(root, "imports") {
        for (name, entry) in doc.table(v, "imports")? {
            let import = import(doc, name.get_ref(), name.span(), entry, table)?;
            config.imports.insert(import.name.clone(), import);
        }
    }
    Ok(config)
}

/// A criteria list whose names must be defined.
fn names(
    doc: &Doc<'_>,
    v: &Value<'_>,
    table: &CriteriaTable,
    what: &str,
) -> Result<Vec<String>, VetError> {
    let list = doc.strings(v, what)?;
    for (name, span) in &list {
        if table.index(name).is_none() {
            return Err(doc.error(span.clone(), format!("unknown criterion `{name}`")));
        }
    }
    Ok(list.into_iter().map(|(s, _)| s).collect())
}

fn policy(doc: &Doc<'_>, v: &Value<'_>, table: &CriteriaTable) -> Result<Policy, VetError> {
    let t = doc.table(v, "policy")?;
    doc.only_keys(
        t,
        &["criteria", "dev-criteria", "importers", "packages"],
        "[policy]",
    )?;
    let mut p = Policy::default();
    if let Some(v) = get(t, "criteria") {
        p.criteria = names(doc, v, table, "criteria")?;
    }
    if let Some(v) = get(t, "dev-criteria") {
        p.dev_criteria = names(doc, v, table, "dev-criteria")?;
    }
    if let Some(v) = get(t, "importers") {
        for (path, entry) in doc.table(v, "policy.importers")? {
            let e = doc.table(entry, "an importer policy")?;
            doc.only_keys(
                e,
                &["criteria", "dev-criteria", "notes"],
                "[policy.importers]",
            )?;
            let req = Requirement {
                criteria: get(e, "criteria")
                    .map(|v| names(doc, v, table, "criteria"))
                    .transpose()?,
                dev_criteria: get(e, "dev-criteria")
                    .map(|v| names(doc, v, table, "dev-criteria"))
                    .transpose()?,
            };
            p.importers.insert(path.get_ref().to_string(), req);
        }
    }
    if let Some(v) = get(t, "packages") {
        for (name, entry) in doc.table(v, "policy.packages")? {
            let e = doc.table(entry, "a package policy")?;
            doc.only_keys(e, &["criteria", "notes"], "[policy.packages]")?;
            let Some(c) = get(e, "criteria") else {
                return Err(doc.error(
                    name.span(),
                    format!("[policy.packages.{}] needs `criteria`", name.get_ref()),
                ));
            };
            // `[]` is allowed: the package needs no review.
            let list = if c.get_ref().as_array().is_some_and(|a| a.is_empty()) {
                Vec::new()
            } else {
                names(doc, c, table, "criteria")?
            };
            p.packages.insert(name.get_ref().to_string(), list);
        }
    }
    Ok(p)
}

fn import(
    doc: &Doc<'_>,
    name: &str,
    name_span: Range<usize>,
    v: &Value<'_>,
    table: &CriteriaTable,
) -> Result<ImportConfig, VetError> {
    let t = doc.table(v, "an import")?;
    doc.only_keys(
        t,
        &["url", "path", "criteria-map", "exclude", "notes"],
        "[imports]",
    )?;
    let source = match (get(t, "url"), get(t, "path")) {
        (Some(u), None) => {
            let url = doc.string(u, "url")?;
            if let Err(why) = crate::imports::check_url(&url) {
                return Err(doc.error(u.span(), why));
            }
            ImportSource::Url(url)
        }
        (None, Some(p)) => ImportSource::Path(doc.string(p, "path")?),
        (Some(_), Some(p)) => {
            return Err(doc.error(
                p.span(),
                format!("import `{name}` has both `url` and `path`"),
            ));
        }
        (None, None) => {
            return Err(doc.error(name_span, format!("import `{name}` needs `url` or `path`")));
        }
    };
    let mut criteria_map = BTreeMap::new();
    if let Some(m) = get(t, "criteria-map") {
        for (theirs, ours) in doc.table(m, "criteria-map")? {
            let list = if ours.get_ref().as_array().is_some_and(|a| a.is_empty()) {
                Vec::new()
            } else {
                names(doc, ours, table, "criteria-map")?
            };
            criteria_map.insert(theirs.get_ref().to_string(), list);
        }
    }
    let exclude = match get(t, "exclude") {
        Some(e) => doc
            .strings(e, "exclude")?
            .into_iter()
            .map(|(s, _)| s)
            .collect(),
        None => Vec::new(),
    };
    Ok(ImportConfig {
        name: name.to_string(),
        source,
        criteria_map,
        exclude,
        line: doc.line(name_span.start),
    })
}
