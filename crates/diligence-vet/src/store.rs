//! The `supply-chain/` folder of a project, read strictly into one [`Store`].
//!
//! | file | holds | written by |
//! |---|---|---|
//! | `config.toml` | policy, own criteria, imports | people |
//! | `audits.toml` | audits (full, delta, violation), shareable criteria | `vet certify`, people |
//! | `exemptions.toml` | versions used without review | `vet regenerate-exemptions`, `vet prune` |
//! | `imports.lock` | pinned imported audits | `vet regenerate-imports` |
//!
//! Each file may be absent (empty). Criteria may be defined in `config.toml` (local) or
//! `audits.toml` (shared with importers), not both under one name. Exemptions live in their
//! own file so that regenerating them never rewrites the files people edit.

use crate::VetError;
use crate::config::{self, Config};
use crate::criteria::CriteriaTable;
use crate::format::{self, Audit, Exemption, Parsed, Strictness};
use crate::imports::{self, LockedImport};
use crate::toml_read::Doc;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder name, next to the lockfile.
pub const STORE_DIR: &str = "supply-chain";
/// `config.toml`.
pub const CONFIG_FILE: &str = "config.toml";
/// `audits.toml`.
pub const AUDITS_FILE: &str = "audits.toml";
/// `exemptions.toml`.
pub const EXEMPTIONS_FILE: &str = "exemptions.toml";
/// `imports.lock`.
pub const IMPORTS_LOCK: &str = "imports.lock";

/// Every file of the folder, in reading order.
pub const FILES: [&str; 4] = [CONFIG_FILE, AUDITS_FILE, EXEMPTIONS_FILE, IMPORTS_LOCK];

/// Largest ledger file read (64 MiB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Everything in a `supply-chain/` folder.
#[derive(Debug, Clone)]
pub struct Store {
    /// The folder.
    pub dir: PathBuf,
    pub config: Config,
    /// The project's criteria: built-ins, `config.toml` and `audits.toml` definitions.
    pub criteria: CriteriaTable,
    /// Criteria defined in `audits.toml` (written back unchanged).
    pub audits_criteria: Vec<crate::criteria::CriterionDef>,
    pub audits: Vec<Audit>,
    pub exemptions: Vec<Exemption>,
    pub lock: BTreeMap<String, LockedImport>,
}

impl Store {
    /// An empty store for `dir` (what `regenerate-exemptions` starts from on adoption).
    pub fn empty(dir: impl Into<PathBuf>) -> Store {
        Store {
            dir: dir.into(),
            config: Config::default(),
            criteria: CriteriaTable::builtin(),
            audits_criteria: Vec::new(),
            audits: Vec::new(),
            exemptions: Vec::new(),
            lock: BTreeMap::new(),
        }
    }

    /// Reads `dir`. Errors: the folder does not exist ([`VetError::NoStore`]), a file cannot
    /// be read, or a file is invalid (`file:line:column: …`).
    pub fn load(dir: &Path) -> Result<Store, VetError> {
        if !dir.is_dir() {
            return Err(VetError::NoStore(dir.display().to_string()));
        }
        Store::load_with(dir, |file| read(&dir.join(file)))
    }

    /// Reads a store whose files come from `read(file name)` (the text, or "" when the file
    /// does not exist) — a git revision's tree for `diff`. Messages and finding locations name
    /// the files `dir/FILE` (`dir` may be `REV:path/supply-chain`). Errors as for
    /// [`Store::load`], without the existence check of the folder.
    pub fn load_with(
        dir: &Path,
        read: impl Fn(&str) -> Result<String, VetError>,
    ) -> Result<Store, VetError> {
        let config_text = read(CONFIG_FILE)?;
        let audits_text = read(AUDITS_FILE)?;
        let exemptions_text = read(EXEMPTIONS_FILE)?;
        let lock_text = read(IMPORTS_LOCK)?;
        let config_doc = Doc::new(display(dir, CONFIG_FILE), &config_text);
        let audits_doc = Doc::new(display(dir, AUDITS_FILE), &audits_text);
        let config_root = config_doc.parse()?;
        let audits_root = audits_doc.parse()?;
        audits_doc.only_keys(
            audits_root.get_ref(),
            &["criteria", "audits"],
            "audits.toml",
        )?;

        let mut defs = config::criteria_of(&config_doc, config_root.get_ref())?;
        let audits_criteria = match toml_get(audits_root.get_ref(), "criteria") {
            Some(v) => format::criteria_defs(&audits_doc, v, Strictness::Own)?,
            None => Vec::new(),
        };
        for d in &audits_criteria {
            if defs.iter().any(|c| c.name == d.name) {
                let span = toml_get(audits_root.get_ref(), "criteria")
                    .map(|v| v.span())
                    .unwrap_or(0..0);
                return Err(audits_doc.error(
                    span,
                    format!(
                        "criterion `{}` is defined in both config.toml and audits.toml",
                        d.name
                    ),
                ));
            }
        }
        defs.extend(audits_criteria.iter().cloned());
        let criteria =
            CriteriaTable::new(&defs).map_err(|e| config_doc.error(0..0, e.to_string()))?;

        let config = config::parse(&config_doc, config_root.get_ref(), &criteria)?;
        let mut parsed = Parsed::default();
        format::audits_of(
            &audits_doc,
            audits_root.get_ref(),
            &criteria,
            Strictness::Own,
            &mut parsed,
        )?;
        let exemptions_doc = Doc::new(display(dir, EXEMPTIONS_FILE), &exemptions_text);
        let exemptions_root = exemptions_doc.parse()?;
        let exemptions =
            format::exemptions_of(&exemptions_doc, exemptions_root.get_ref(), &criteria)?;
        let lock_doc = Doc::new(display(dir, IMPORTS_LOCK), &lock_text);
        let lock_root = lock_doc.parse()?;
        let lock = imports::parse_lock(&lock_doc, lock_root.get_ref())?;
        Ok(Store {
            dir: dir.to_path_buf(),
            config,
            criteria,
            audits_criteria,
            audits: parsed.file.audits,
            exemptions,
            lock,
        })
    }

    /// A file of the store, for messages and finding locations.
    pub fn file(&self, name: &str) -> String {
        display(&self.dir, name)
    }
}

fn toml_get<'a, 't>(
    t: &'a toml::de::DeTable<'t>,
    key: &str,
) -> Option<&'a toml::Spanned<toml::de::DeValue<'t>>> {
    t.get(key)
}

fn display(dir: &Path, file: &str) -> String {
    dir.join(file).display().to_string()
}

/// The text of a ledger file, or "" when it does not exist.
fn read(path: &Path) -> Result<String, VetError> {
    match diligence_registry::bounded::read_bounded(path, MAX_FILE_BYTES) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| VetError::Invalid {
            path: path.display().to_string(),
            line: 1,
            column: 1,
            message: "not UTF-8 text".into(),
        }),
        Err(diligence_registry::bounded::BoundedReadError::NotFound) => Ok(String::new()),
        Err(e) => Err(VetError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        }),
    }
}

/// Writes a ledger file atomically (a temporary file in the same folder, then a rename),
/// creating the folder. Errors name the file.
pub fn write_file(path: &Path, text: &str) -> Result<(), VetError> {
    let io = |e: std::io::Error| VetError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let tmp = path.with_extension("tmp-diligence");
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}
