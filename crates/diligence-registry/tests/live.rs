//! Opt-in live check (`DILIGENCE_LIVE=1`): cross-checks real corpus projects against the
//! registry configured on this machine (`~/.npmrc`, `npm_config_*`), with the cache in
//! `DILIGENCE_CACHE_DIR` or a temporary folder. Skipped (passes) without the variable: no
//! test reaches the internet unless asked to.
//!
//! `DILIGENCE_LIVE_PROJECTS` (comma-separated corpus folder names) picks the projects;
//! default: the tamper base project and `npm-v1-lodash`.

use diligence_registry::{
    Cache, ClientOptions, CrosscheckOptions, Mode, NpmConfig, RegistryClient, crosscheck,
};

fn live() -> bool {
    std::env::var("DILIGENCE_LIVE").is_ok_and(|v| v == "1")
}

#[test]
fn live_crosscheck_of_corpus_projects() {
    if !live() {
        eprintln!("skipped: set DILIGENCE_LIVE=1 to cross-check against the live registry");
        return;
    }
    let corpus = diligence_testkit::corpus_or_skip!("");
    let projects = std::env::var("DILIGENCE_LIVE_PROJECTS")
        .unwrap_or_else(|_| "tamper/base-npm-v3,lockfiles/npm-v1-lodash".into());
    let temp = tempfile::tempdir().expect("cache");
    let cache = Cache::default_location()
        .filter(|_| std::env::var_os(diligence_registry::CACHE_DIR_ENV).is_some())
        .unwrap_or_else(|| Cache::new(temp.path()));
    for project in projects.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let dir = corpus.join(project);
        let lockfile = diligence_lockfile::find_lockfile(&dir).expect("lockfile");
        let graph = diligence_lockfile::read_lockfile(&lockfile).expect("read");
        let config = NpmConfig::load(&dir).expect("npm config");
        let options = ClientOptions {
            mode: Mode::PreferOffline,
            ..ClientOptions::default()
        };
        let client = RegistryClient::new(config, Some(cache.clone()), options).expect("client");
        let started = std::time::Instant::now();
        let (findings, not_evaluated) = crosscheck(&graph, &client, &CrosscheckOptions::default());
        eprintln!(
            "{project}: {} packages, {} findings, {} not evaluated, {:.1}s",
            graph.packages.len(),
            findings.len(),
            not_evaluated.len(),
            started.elapsed().as_secs_f64()
        );
        for f in &findings {
            eprintln!("  {} {} {}", f.severity, f.rule, f.message);
        }
        // Everything the registry can answer is answered: only berry checksums may remain.
        let pending: Vec<_> = not_evaluated
            .iter()
            .filter(|n| !n.why.contains("yarn berry checksum"))
            .collect();
        assert!(pending.is_empty(), "{project}: {pending:#?}");
        // The untampered tamper base has no registry finding. Real projects may have real
        // ones (npm-v1-lodash: fsevents@1.2.2 is no longer on the registry, and old
        // `http://registry.npmjs.org` URLs), which are printed above.
        if project.starts_with("tamper/") {
            assert!(findings.is_empty(), "{project}: {findings:#?}");
        }
    }
}
