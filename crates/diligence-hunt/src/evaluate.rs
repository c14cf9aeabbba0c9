//! One lockfile version (a blob, with the `package.json` blob beside it) read into a
//! [`DependencyGraph`] by `diligence-lockfile` and matched against the hunt's specs and
//! indicators. History repeats versions heavily, so the walk evaluates each distinct
//! (lockfile blob, manifest blob, file name) once.

use crate::ioc::{AnalysisCache, Indicator, TarballFacts};
use crate::spec::PackageSpec;
use diligence_graph::{DependencyGraph, Integrity, PackageId, Source};
use diligence_lockfile::{LineIndex, Manifest};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

/// What matched, as an index: specs first, then indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MatcherId(pub u32);

/// Which field of the lockfile entry matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The name and version (a spec).
    Version,
    /// The `resolved` URL (a host, URL or file-name indicator).
    Resolved,
    /// The integrity (a hash indicator).
    Integrity,
    /// The cached code analysis of the tarball (a host, URL or file-name indicator).
    CodeAnalysis,
}

impl Field {
    /// `version`, `resolved`, `integrity` or `code-analysis`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Version => "version",
            Field::Resolved => "resolved",
            Field::Integrity => "integrity",
            Field::CodeAnalysis => "code-analysis",
        }
    }
}

/// The identity of a hit across history: a package version, and what matched it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HitKey {
    pub name: String,
    pub version: String,
    pub matcher: MatcherId,
    pub field: Field,
}

/// Where a hit sits in one lockfile version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitDetail {
    /// The importer (`.` or a workspace path) and the chain from its direct dependency to the
    /// package (`name@version` each); `None` when no importer reaches the entry.
    pub path: Option<(String, Vec<String>)>,
    pub resolved: Option<String>,
    pub integrity: Option<String>,
}

/// The outcome of evaluating one lockfile version.
#[derive(Debug, Clone, Default)]
pub struct UnitResult {
    /// Hits, one per key (the shortest dependency path when several copies match).
    pub hits: Vec<(HitKey, HitDetail)>,
    /// Locked packages (graph nodes); 0 when not evaluated.
    pub packages: usize,
    /// Why the lockfile could not be evaluated (one line), or `None`.
    pub error: Option<String>,
}

/// The hunt's matchers and the shared analysis lookups.
pub struct Matchers<'a> {
    pub specs: &'a [PackageSpec],
    pub indicators: &'a [Indicator],
    pub analyses: Option<&'a dyn AnalysisCache>,
    /// Cached analyses by integrity (`None`: none cached), so each tarball is looked up once.
    memo: Mutex<HashMap<String, Option<Vec<usize>>>>,
}

impl<'a> Matchers<'a> {
    pub fn new(
        specs: &'a [PackageSpec],
        indicators: &'a [Indicator],
        analyses: Option<&'a dyn AnalysisCache>,
    ) -> Self {
        Matchers {
            specs,
            indicators,
            analyses,
            memo: Mutex::new(HashMap::new()),
        }
    }

    /// Whether any indicator is matched against cached analyses.
    fn wants_analyses(&self) -> bool {
        self.analyses.is_some()
            && self
                .indicators
                .iter()
                .any(|i| !matches!(i, Indicator::Hash(_)))
    }

    /// Indices of the indicators a tarball's cached analysis matches; `None` when there is
    /// no cached analysis.
    fn analysis_hits(
        &self,
        name: &str,
        version: &str,
        integrity: &Integrity,
    ) -> Option<Vec<usize>> {
        let key = integrity.to_string();
        if let Some(hit) = self.memo.lock().ok()?.get(&key) {
            return hit.clone();
        }
        let facts: Option<TarballFacts> = self.analyses?.lookup(name, version, integrity);
        let hits = facts.map(|f| {
            self.indicators
                .iter()
                .enumerate()
                .filter(|(_, i)| i.matches_facts(&f))
                .map(|(n, _)| n)
                .collect::<Vec<_>>()
        });
        if let Ok(mut memo) = self.memo.lock() {
            memo.insert(key, hits.clone());
        }
        hits
    }

    /// `(tarballs looked up, of which with a cached analysis)` so far.
    pub fn analysis_counts(&self) -> (usize, usize) {
        let memo = match self.memo.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        };
        (memo.len(), memo.values().filter(|v| v.is_some()).count())
    }
}

/// Decodes a lockfile blob as the readers require: UTF-8, no NUL byte, BOM stripped. `Err` is
/// one line with the 1-based line and column.
pub fn decode(bytes: &[u8]) -> Result<&str, String> {
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = LineIndex::new_bytes(bytes).line_col(e.valid_up_to());
            return Err(format!("{line}:{col}: not valid UTF-8"));
        }
    };
    if let Some(pos) = bytes.iter().position(|&b| b == 0) {
        let (line, col) = LineIndex::new(text).line_col(pos);
        return Err(format!("{line}:{col}: NUL byte in a text lockfile"));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Parses a lockfile version and matches it. `scratch_path` is where the readers believe the
/// file lives: inside an empty folder, so that readers which look beside the lockfile
/// (workspace manifests, `.yarnrc.yml`) find nothing rather than the caller's files.
/// `display_path` is the repository path used in errors.
pub fn evaluate(
    bytes: &[u8],
    manifest: Option<&Manifest>,
    scratch_path: &Path,
    display_path: &str,
    matchers: &Matchers<'_>,
) -> UnitResult {
    let text = match decode(bytes) {
        Ok(t) => t,
        Err(e) => {
            return UnitResult {
                error: Some(format!("{display_path}:{e}")),
                ..Default::default()
            };
        }
    };
    let graph = match diligence_lockfile::parse_lockfile(scratch_path, text, manifest) {
        Ok(g) => g,
        Err(e) => {
            let at = match (e.line, e.column) {
                (0, _) => String::new(),
                (l, 0) => format!(":{l}"),
                (l, c) => format!(":{l}:{c}"),
            };
            return UnitResult {
                error: Some(format!("{display_path}{at}: {}", e.message)),
                ..Default::default()
            };
        }
    };
    match_graph(&graph, matchers)
}

/// Matches every node of a graph.
pub fn match_graph(graph: &DependencyGraph, matchers: &Matchers<'_>) -> UnitResult {
    let mut found: Vec<(HitKey, PackageId)> = Vec::new();
    let n_specs = matchers.specs.len() as u32;
    for (id, p) in graph.iter() {
        let local = matches!(p.source, Source::Workspace { .. } | Source::Link { .. });
        let key = |matcher: u32, field: Field| HitKey {
            name: p.name.clone(),
            version: p.version.clone(),
            matcher: MatcherId(matcher),
            field,
        };
        if !local {
            for (i, spec) in matchers.specs.iter().enumerate() {
                if spec.matches(&p.name, &p.version) {
                    found.push((key(i as u32, Field::Version), id));
                }
            }
        }
        let resolved = p.source.resolved();
        for (i, ioc) in matchers.indicators.iter().enumerate() {
            let m = n_specs + i as u32;
            if resolved.as_deref().is_some_and(|r| ioc.matches_resolved(r)) {
                found.push((key(m, Field::Resolved), id));
            }
            if p.integrity
                .as_ref()
                .is_some_and(|x| ioc.matches_integrity(x))
            {
                found.push((key(m, Field::Integrity), id));
            }
        }
        if matchers.wants_analyses()
            && !local
            && let Some(integrity) = &p.integrity
        {
            for i in matchers
                .analysis_hits(&p.name, &p.version, integrity)
                .unwrap_or_default()
            {
                found.push((key(n_specs + i as u32, Field::CodeAnalysis), id));
            }
        }
    }
    let packages = graph.packages.len();
    if found.is_empty() {
        return UnitResult {
            packages,
            ..Default::default()
        };
    }
    let paths = graph.shortest_paths();
    let mut best: HashMap<HitKey, (usize, HitDetail)> = HashMap::new();
    for (key, id) in found {
        let p = graph.package(id);
        let path = paths[id.index()].as_ref().map(|(imp, chain)| {
            let importer = graph
                .importers
                .get(*imp)
                .map_or_else(|| ".".to_string(), |i| i.path.clone());
            let chain: Vec<String> = chain
                .iter()
                .map(|c| graph.package(*c).id_string())
                .collect();
            (importer, chain)
        });
        let len = path.as_ref().map_or(usize::MAX, |(_, c)| c.len());
        let detail = HitDetail {
            path,
            resolved: p.source.resolved(),
            integrity: p.integrity.as_ref().map(|i| i.to_string()),
        };
        match best.get(&key) {
            Some((l, _)) if *l <= len => {}
            _ => {
                best.insert(key, (len, detail));
            }
        }
    }
    let mut hits: Vec<(HitKey, HitDetail)> = best.into_iter().map(|(k, (_, d))| (k, d)).collect();
    hits.sort_by(|a, b| a.0.cmp(&b.0));
    UnitResult {
        hits,
        packages,
        error: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_refuses_nul_and_bad_utf8_with_position() {
        assert_eq!(decode(b"\xef\xbb\xbf{}").unwrap(), "{}");
        assert_eq!(
            decode(b"{\n\"a\": \0}").unwrap_err(),
            "2:6: NUL byte in a text lockfile"
        );
        assert_eq!(decode(b"{\n\xff}").unwrap_err(), "2:1: not valid UTF-8");
    }
}
