//! Audit criteria: named properties an auditor certifies (`safe-to-run`, `safe-to-deploy`,
//! a team's own), and `implies` between them.
//!
//! A [`CriteriaTable`] numbers the criteria of one namespace (the project's, or one import's)
//! so that a set of criteria is a 64-bit [`CriteriaSet`]. Each criterion's *closure* is itself
//! plus everything it implies, transitively: an audit for `safe-to-deploy` also certifies
//! `safe-to-run`. Coverage works on closures, so `implies` costs nothing at check time.

use std::collections::HashMap;
use std::fmt;

/// The built-in criterion for code that runs on developer and CI machines.
pub const SAFE_TO_RUN: &str = "safe-to-run";
/// The built-in criterion for code that ships to production; implies [`SAFE_TO_RUN`].
pub const SAFE_TO_DEPLOY: &str = "safe-to-deploy";

/// What [`SAFE_TO_RUN`] means for an npm package (shown by `vet certify`).
pub const SAFE_TO_RUN_DESCRIPTION: &str = "\
Installing this package and running its code on a developer or CI machine — its lifecycle \
scripts (preinstall, install, postinstall, node-gyp), its bin commands, its tests and build \
tools — does not harm the machine or its user: it reads no credentials, tokens, wallets, \
browser or SSH data it is not asked for, sends nothing to hosts it does not need, starts no \
hidden or detached processes, writes nothing outside the project and its own folder, does \
not modify other installed packages, and hides none of this (no obfuscated, encoded or \
remotely fetched code). It need not be correct on untrusted input.";

/// What [`SAFE_TO_DEPLOY`] means for an npm package (shown by `vet certify`).
pub const SAFE_TO_DEPLOY_DESCRIPTION: &str = "\
Everything safe-to-run asks, and the package can ship to production — a server, a CLI or a \
browser bundle — handling untrusted input: no code that harvests forms, cards, cookies or \
storage, swaps wallet addresses, hides from devtools or triggers on dates, locales or hosts; \
network, file, process and eval use matches its documented purpose; and the reviewer found \
no vulnerability a reasonable reading would catch. Minified or generated files were checked \
against their sources or read in full.";

/// The most criteria one namespace may define (a [`CriteriaSet`] is 64 bits).
pub const MAX_CRITERIA: usize = 64;

/// A set of criteria of one [`CriteriaTable`], as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct CriteriaSet(pub u64);

impl CriteriaSet {
    /// No criteria.
    pub const EMPTY: CriteriaSet = CriteriaSet(0);

    /// The set holding only the criterion numbered `index`.
    pub fn single(index: usize) -> CriteriaSet {
        CriteriaSet(1u64 << index)
    }
    /// True when no criterion is in the set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// True when every criterion of `other` is in `self`.
    pub fn contains_all(self, other: CriteriaSet) -> bool {
        self.0 & other.0 == other.0
    }
    /// True when the criterion numbered `index` is in the set.
    pub fn has(self, index: usize) -> bool {
        self.0 & (1u64 << index) != 0
    }
    /// Union.
    pub fn union(self, other: CriteriaSet) -> CriteriaSet {
        CriteriaSet(self.0 | other.0)
    }
    /// Intersection.
    pub fn intersection(self, other: CriteriaSet) -> CriteriaSet {
        CriteriaSet(self.0 & other.0)
    }
    /// The criteria of `self` that are not in `other`.
    pub fn minus(self, other: CriteriaSet) -> CriteriaSet {
        CriteriaSet(self.0 & !other.0)
    }
    /// The criterion numbers in the set, ascending.
    pub fn indices(self) -> impl Iterator<Item = usize> {
        (0..64).filter(move |i| self.has(*i))
    }
}

/// One criterion as defined in `[criteria.NAME]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionDef {
    pub name: String,
    /// What an auditor certifies (required for user-defined criteria; `description-url` is
    /// accepted instead and kept here as the URL).
    pub description: String,
    /// Criteria this one implies, by name, as written.
    pub implies: Vec<String>,
}

/// Why criteria definitions are unusable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CriteriaError {
    /// `implies` names a criterion nobody defined: (criterion, unknown name).
    UnknownImplied(String, String),
    /// More than [`MAX_CRITERIA`] criteria.
    TooMany(usize),
    /// A built-in name is redefined with different `implies`.
    BuiltinRedefined(String),
}

impl fmt::Display for CriteriaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CriteriaError::UnknownImplied(c, u) => {
                write!(f, "criterion `{c}` implies `{u}`, which is not defined")
            }
            CriteriaError::TooMany(n) => {
                write!(
                    f,
                    "{n} criteria defined; at most {MAX_CRITERIA} are supported"
                )
            }
            CriteriaError::BuiltinRedefined(c) => write!(
                f,
                "`{c}` is built in; it cannot be redefined with other `implies`"
            ),
        }
    }
}

/// The criteria of one namespace, numbered, with their closures under `implies`.
#[derive(Debug, Clone)]
pub struct CriteriaTable {
    defs: Vec<CriterionDef>,
    closure: Vec<CriteriaSet>,
    index: HashMap<String, usize>,
}

impl Default for CriteriaTable {
    fn default() -> Self {
        CriteriaTable::builtin()
    }
}

impl CriteriaTable {
    /// The built-in criteria only: `safe-to-run` (0) and `safe-to-deploy` (1), which implies
    /// `safe-to-run`.
    pub fn builtin() -> CriteriaTable {
        CriteriaTable::new(&[]).expect("built-in criteria are consistent")
    }

    /// The built-in criteria plus `defs`. Redefining a built-in with its own description is
    /// allowed (cargo-vet files do it), with other `implies` it is an error.
    pub fn new(defs: &[CriterionDef]) -> Result<CriteriaTable, CriteriaError> {
        let mut all = vec![
            CriterionDef {
                name: SAFE_TO_RUN.into(),
                description: SAFE_TO_RUN_DESCRIPTION.into(),
                implies: vec![],
            },
            CriterionDef {
                name: SAFE_TO_DEPLOY.into(),
                description: SAFE_TO_DEPLOY_DESCRIPTION.into(),
                implies: vec![SAFE_TO_RUN.into()],
            },
        ];
        for d in defs {
            if let Some(b) = all.iter().take(2).position(|b| b.name == d.name) {
                let same = match b {
                    0 => d.implies.is_empty(),
                    _ => d.implies.iter().all(|i| i == SAFE_TO_RUN),
                };
                if !same {
                    return Err(CriteriaError::BuiltinRedefined(d.name.clone()));
                }
                continue;
            }
            all.push(d.clone());
        }
        if all.len() > MAX_CRITERIA {
            return Err(CriteriaError::TooMany(all.len()));
        }
        let index: HashMap<String, usize> = all
            .iter()
            .enumerate()
            .map(|(i, d)| (d.name.clone(), i))
            .collect();
        let mut direct = vec![CriteriaSet::EMPTY; all.len()];
        for (i, d) in all.iter().enumerate() {
            direct[i] = CriteriaSet::single(i);
            for name in &d.implies {
                let j = *index
                    .get(name)
                    .ok_or_else(|| CriteriaError::UnknownImplied(d.name.clone(), name.clone()))?;
                direct[i] = direct[i].union(CriteriaSet::single(j));
            }
        }
        // Transitive closure by repeated expansion (at most 64 rounds; cycles are harmless).
        let mut closure = direct.clone();
        loop {
            let mut changed = false;
            for set in closure.iter_mut() {
                let mut next = *set;
                for j in set.indices() {
                    next = next.union(direct[j]);
                }
                if next != *set {
                    *set = next;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        Ok(CriteriaTable {
            defs: all,
            closure,
            index,
        })
    }

    /// The number of a criterion by name.
    pub fn index(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// The definition of a criterion by name.
    pub fn def(&self, name: &str) -> Option<&CriterionDef> {
        self.index(name).map(|i| &self.defs[i])
    }

    /// All definitions, built-ins first.
    pub fn defs(&self) -> &[CriterionDef] {
        &self.defs
    }

    /// The closure of the named criteria (each name, plus all it implies). Unknown names are
    /// ignored (callers validate names when they read files).
    pub fn closure_of<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> CriteriaSet {
        names
            .into_iter()
            .filter_map(|n| self.index(n))
            .fold(CriteriaSet::EMPTY, |acc, i| acc.union(self.closure[i]))
    }

    /// The named criteria as a set, without closure (what a policy requires).
    pub fn set_of<'a>(&self, names: impl IntoIterator<Item = &'a str>) -> CriteriaSet {
        names
            .into_iter()
            .filter_map(|n| self.index(n))
            .fold(CriteriaSet::EMPTY, |acc, i| {
                acc.union(CriteriaSet::single(i))
            })
    }

    /// The closure of one criterion by number.
    pub fn closure(&self, index: usize) -> CriteriaSet {
        self.closure[index]
    }

    /// The closure of every criterion in `set`.
    pub fn expand(&self, set: CriteriaSet) -> CriteriaSet {
        set.indices()
            .fold(CriteriaSet::EMPTY, |acc, i| acc.union(self.closure[i]))
    }

    /// The names in `set`, in table order.
    pub fn names(&self, set: CriteriaSet) -> Vec<&str> {
        set.indices()
            .filter(|i| *i < self.defs.len())
            .map(|i| self.defs[i].name.as_str())
            .collect()
    }

    /// The smallest list of names whose closure is the closure of `set`: drops a name that
    /// another name of the set implies (`[safe-to-deploy, safe-to-run]` → `[safe-to-deploy]`).
    pub fn minimal_names(&self, set: CriteriaSet) -> Vec<&str> {
        let members: Vec<usize> = set.indices().filter(|i| *i < self.defs.len()).collect();
        members
            .iter()
            .filter(|&&i| {
                !members
                    .iter()
                    .any(|&j| j != i && self.closure[j].has(i) && !self.closure[i].has(j))
            })
            .map(|&i| self.defs[i].name.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(name: &str, implies: &[&str]) -> CriterionDef {
        CriterionDef {
            name: name.into(),
            description: "d".into(),
            implies: implies.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn builtins_and_transitive_implies() {
        let t = CriteriaTable::new(&[
            def("crypto-reviewed", &["strict"]),
            def("strict", &[SAFE_TO_DEPLOY]),
        ])
        .unwrap();
        let c = t.closure_of(["crypto-reviewed"]);
        assert_eq!(
            t.names(c),
            ["safe-to-run", "safe-to-deploy", "crypto-reviewed", "strict"]
        );
        assert!(
            t.closure_of([SAFE_TO_DEPLOY])
                .contains_all(t.set_of([SAFE_TO_RUN]))
        );
        assert!(
            !t.closure_of([SAFE_TO_RUN])
                .contains_all(t.set_of([SAFE_TO_DEPLOY]))
        );
        assert_eq!(
            t.minimal_names(t.set_of(["safe-to-run", "safe-to-deploy"])),
            ["safe-to-deploy"]
        );
    }

    #[test]
    fn unknown_implied_and_builtin_redefinition() {
        assert_eq!(
            CriteriaTable::new(&[def("a", &["nope"])]).unwrap_err(),
            CriteriaError::UnknownImplied("a".into(), "nope".into())
        );
        assert!(CriteriaTable::new(&[def(SAFE_TO_DEPLOY, &[SAFE_TO_RUN])]).is_ok());
        assert_eq!(
            CriteriaTable::new(&[def(SAFE_TO_RUN, &[SAFE_TO_DEPLOY])]).unwrap_err(),
            CriteriaError::BuiltinRedefined(SAFE_TO_RUN.into())
        );
    }

    #[test]
    fn cycles_close() {
        let t = CriteriaTable::new(&[def("a", &["b"]), def("b", &["a"])]).unwrap();
        assert_eq!(t.closure_of(["a"]), t.closure_of(["b"]));
    }
}
