//! `diligence hunt`: which commits, branches and tags of one or many repositories ever locked
//! a compromised version or contained an indicator. The walk and matching live in
//! `diligence-hunt`; this module parses arguments, expands advisory ids from the advisory
//! database, lends the code-scan cache, and writes the report.

use crate::cli::{HuntArgs, HuntFormat};
use anyhow::{Context, Result, bail};
use diligence_engine::PackageScan;
use diligence_graph::Integrity;
use diligence_hunt::ioc::{AnalysisCache, TarballFacts};
use diligence_hunt::spec::{self, PackageSpec};
use diligence_hunt::{HuntOptions, HuntQuery};
use std::io::Write;
use std::path::PathBuf;

/// Runs the hunt; returns the exit code (0 no match, 1 a match, 2 not evaluated).
pub fn run(args: HuntArgs) -> Result<u8> {
    let query = query(&args)?;
    let since = args
        .since
        .as_deref()
        .map(diligence_hunt::parse_since)
        .transpose()?;
    let repos = if args.repos.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.repos.clone()
    };
    let cache = ScanCache::open();
    let options = HuntOptions {
        all_refs: args.all_refs,
        since,
        analyses: cache.as_ref().map(|c| c as &dyn AnalysisCache),
        ..Default::default()
    };
    let report = diligence_hunt::hunt(&repos, &query, &options);
    let mut buf: Vec<u8> = Vec::new();
    let w = diligence_hunt::write::human::write;
    match args.format {
        HuntFormat::Human => w(&report, &mut buf)?,
        HuntFormat::Json => diligence_hunt::write::json::write(&report, &mut buf)?,
        HuntFormat::Markdown => diligence_hunt::write::markdown::write(&report, &mut buf)?,
        HuntFormat::Csv => diligence_hunt::write::csv::write(&report, &mut buf)?,
    }
    match &args.output {
        // A file gets no colour codes, whatever the terminal.
        Some(path) => std::fs::write(path, anstream::adapter::strip_bytes(&buf).into_vec())
            .with_context(|| format!("{}: cannot write the report", path.display()))?,
        None => {
            let mut stdout = anstream::stdout();
            stdout.write_all(&buf)?;
            stdout.flush()?;
        }
    }
    Ok(report.exit_code())
}

/// Specs (advisory ids expanded) and indicators. Errors: a malformed spec, an advisory id the
/// database does not hold (or no database), an unreadable or malformed indicator file.
fn query(args: &HuntArgs) -> Result<HuntQuery> {
    let mut specs: Vec<PackageSpec> = Vec::new();
    let ids: Vec<&String> = args
        .specs
        .iter()
        .filter(|s| spec::is_advisory_id(s))
        .collect();
    if !ids.is_empty() {
        let db = open_advisories(args.db.as_deref())
            .map_err(|ne| anyhow::anyhow!("{}: {}", ne.what, ne.why))?;
        if let Some(warning) = diligence_advisory::stale_warning(db.status()) {
            anstream::eprintln!("warning: {warning}");
        }
        for text in &args.specs {
            if spec::is_advisory_id(text) {
                specs.extend(spec::expand_advisory(text, &db)?);
            } else {
                specs.push(PackageSpec::parse(text)?);
            }
        }
    } else {
        for text in &args.specs {
            specs.push(PackageSpec::parse(text)?);
        }
    }
    let indicators = match &args.ioc {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{}: cannot read the indicator file", path.display()))?;
            let iocs = diligence_hunt::ioc::parse_file(&path.display().to_string(), &text)?;
            if iocs.is_empty() {
                bail!("{}: no indicator in the file", path.display());
            }
            iocs
        }
        None => Vec::new(),
    };
    Ok(HuntQuery { specs, indicators })
}

/// The code-scan cache `audit` fills (`<cache>/scans/`, keyed by integrity and this binary):
/// read only, never filled by a hunt.
struct ScanCache;

impl ScanCache {
    fn open() -> Option<ScanCache> {
        diligence_registry::Cache::default_location().map(|_| ScanCache)
    }
}

impl AnalysisCache for ScanCache {
    fn lookup(&self, _name: &str, _version: &str, integrity: &Integrity) -> Option<TarballFacts> {
        // A scan made with `--metadata` is keyed apart; either one holds the same code facts.
        let scan: PackageScan = diligence_engine::cached_scan(integrity)?;
        Some(facts(&scan))
    }
}

/// What indicators are matched against in a scan: the files it names and the strings it
/// recorded (evidence details, snippets, messages).
fn facts(scan: &PackageScan) -> TarballFacts {
    let mut f = TarballFacts::default();
    for finding in &scan.findings {
        f.files.push(finding.file.clone());
        f.texts.push(finding.snippet.clone());
        f.texts.push(finding.message.clone());
        for e in &finding.evidence {
            f.files.push(e.file.clone());
            f.texts.push(e.detail.clone());
        }
    }
    f.files
        .extend(scan.capabilities.iter().map(|c| c.file.clone()));
    f.files.sort();
    f.files.dedup();
    f
}

/// The advisory database from `--db` or the local index; the error is the not-evaluated
/// record `audit` would list.
fn open_advisories(
    db: Option<&str>,
) -> Result<diligence_advisory::AdvisoryDb, diligence_finding::NotEvaluated> {
    let opened = match db {
        Some(source) => diligence_advisory::AdvisoryDb::load_source(source),
        None => diligence_advisory::AdvisoryDb::open_cache(),
    };
    opened.map_err(|e| {
        let mut ne = diligence_advisory::not_evaluated(&e);
        if db.is_none() {
            ne.why.push_str(" (or --no-advisories to skip)");
        }
        ne
    })
}
