//! Benchmark (not a timed test): a synthetic database of 200,000 records, 150,000
//! malware-style (`MAL-`, exact `versions` lists, typo-style names, many scoped) and 50,000
//! vulnerability-style (`GHSA-` with CVE aliases, SEMVER ranges, names drawn from a pool of
//! popular-looking names that includes every package of the astro lockfile, so matching does
//! real work). The index is built once; then `load` (open the index file) and matching of the
//! 2,155 packages of `shared/corpus/lockfiles/pnpm-9.0-astro-twodocs` are timed.
//!
//! Targets: load < 150 ms, match < 10 ms, index < 40 MB. Run:
//! `cargo bench -p diligence-advisory --bench match` (the index size is printed first).

use diligence_advisory::{Advisory, AdvisoryDb, AdvisoryKind, AffectedPackage, Event};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const RECORDS: usize = 200_000;
const MALWARE: usize = 150_000;

fn main() {
    // Without the shared corpus (a user's clone) the testkit prints one line; nothing to time.
    if diligence_testkit::corpus("lockfiles").is_none() {
        return;
    }
    // Peak-RSS mode: `DILIGENCE_BENCH_LOAD_ONLY=<index file>` opens an index built by a
    // previous run (`DILIGENCE_BENCH_KEEP=<dir>`), matches the astro packages once and exits,
    // so `/usr/bin/time -v` measures what `audit` pays, not the synthetic-data generation.
    if let Some(index) = std::env::var_os("DILIGENCE_BENCH_LOAD_ONLY") {
        load_only(Path::new(&index));
        return;
    }
    let fixture = fixture();
    if let Some(keep) = std::env::var_os("DILIGENCE_BENCH_KEEP") {
        let dest = Path::new(&keep).join(diligence_advisory::INDEX_FILE);
        std::fs::copy(&fixture.index, &dest).expect("copy index");
        eprintln!("index kept at {}", dest.display());
    }
    let size = std::fs::metadata(&fixture.index)
        .map(|m| m.len())
        .unwrap_or(0);
    eprintln!(
        "index: {} records, {} bytes ({:.1} MB), {} npm names; astro packages: {}",
        RECORDS,
        size,
        size as f64 / 1_000_000.0,
        AdvisoryDb::open(&fixture.index)
            .map(|d| d.status().packages)
            .unwrap_or(0),
        fixture.astro.len()
    );
    divan::main();
}

fn load_only(index: &Path) {
    let corpus = diligence_testkit::corpus("").expect("shared corpus: checked in main");
    let astro = astro_registry(&corpus.join("lockfiles/pnpm-9.0-astro-twodocs/expected.json"));
    let started = std::time::Instant::now();
    let db = AdvisoryDb::open(index).expect("open");
    let loaded = started.elapsed();
    let hits: usize = astro
        .iter()
        .map(|(n, v)| db.matches(n, v).map(|m| m.len()).unwrap_or(0))
        .sum();
    eprintln!(
        "load {:?}, match {:?} ({} packages, {hits} hits)",
        loaded,
        started.elapsed() - loaded,
        astro.len()
    );
}

struct Fixture {
    index: PathBuf,
    _dir: tempfile::TempDir,
    db: AdvisoryDb,
    astro: Vec<(String, String)>,
    graph: Option<diligence_graph::DependencyGraph>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let corpus = diligence_testkit::corpus("").expect("shared corpus: checked in main");
        let astro_dir = corpus.join("lockfiles/pnpm-9.0-astro-twodocs");
        let astro = astro_registry(&astro_dir.join("expected.json"));
        let advisories = synthetic(&astro);
        let dir = tempfile::tempdir().expect("tempdir");
        let started = std::time::Instant::now();
        diligence_advisory::write_index(dir.path(), advisories, "synthetic").expect("build");
        eprintln!("index built and written in {:?}", started.elapsed());
        let index = dir.path().join(diligence_advisory::INDEX_FILE);
        let graph = diligence_lockfile::read_lockfile(&astro_dir.join("pnpm-lock.yaml")).ok();
        Fixture {
            db: AdvisoryDb::open(&index).expect("open"),
            index,
            _dir: dir,
            astro,
            graph,
        }
    })
}

fn astro_registry(expected: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(expected).expect("astro expected.json");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    value["registry"]
        .as_array()
        .expect("registry list")
        .iter()
        .filter_map(|v| v.as_str()?.rsplit_once('@'))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

/// Deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "react", "vue", "node", "fetch", "http", "color", "string", "array", "util", "utils", "core",
    "config", "eslint", "plugin", "babel", "preset", "loader", "webpack", "parser", "json", "yaml",
    "stream", "crypto", "auth", "token", "client", "server", "api", "sdk", "cli", "dev", "tools",
    "helper", "logger", "debug", "chalk", "style", "css", "dom", "router", "store", "redux",
    "query", "cache", "file", "path", "glob", "fs", "async", "promise", "event",
];
const SCOPES: &[&str] = &[
    "@types",
    "@babel",
    "@vue",
    "@aws-sdk",
    "@azure",
    "@internal",
    "@corp",
    "@acme",
    "@dev",
];

fn typo_name(rng: &mut Rng, i: usize) -> String {
    let base = format!("{}-{}", rng.pick(WORDS), rng.pick(WORDS));
    match rng.below(4) {
        0 => format!("{}/{base}-{i}", rng.pick(SCOPES)),
        1 => format!("{base}{}", rng.below(1000)),
        _ => format!("{base}-{i}"),
    }
}

fn version(rng: &mut Rng) -> String {
    format!("{}.{}.{}", rng.below(20), rng.below(30), rng.below(40))
}

fn synthetic(astro: &[(String, String)]) -> Vec<Advisory> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut pool: Vec<String> = astro.iter().map(|(n, _)| n.clone()).collect();
    pool.sort();
    pool.dedup();
    for i in 0..20_000 {
        pool.push(format!("{}-{}-{i}", rng.pick(WORDS), rng.pick(WORDS)));
    }
    let mut out = Vec::with_capacity(RECORDS);
    for i in 0..RECORDS {
        let malware = i < MALWARE;
        let (id, name, versions, ranges) = if malware {
            let name = typo_name(&mut rng, i);
            let versions = (0..=rng.below(3)).map(|_| version(&mut rng)).collect();
            (format!("MAL-2025-{i}"), name, versions, Vec::new())
        } else {
            let name = pool[rng.below(pool.len() as u64) as usize].clone();
            let lo = version(&mut rng);
            let hi = format!("{}.0.0", 1 + rng.below(25));
            let ranges = vec![vec![Event::Introduced(lo), Event::Fixed(hi)]];
            (
                format!("GHSA-synt-{i:04x}-{:04x}", rng.below(65536)),
                name,
                Vec::new(),
                ranges,
            )
        };
        out.push(Advisory {
            aliases: if malware {
                Vec::new()
            } else {
                vec![format!("CVE-2024-{i}")]
            },
            kind: if malware {
                AdvisoryKind::Malware
            } else {
                AdvisoryKind::Vulnerability
            },
            severity: None,
            summary: format!("Malicious code in {name} (npm)"),
            url: format!("https://osv.dev/vulnerability/{id}"),
            modified: "2025-09-16T00:34:25Z".into(),
            withdrawn: false,
            affected: vec![AffectedPackage {
                name,
                versions,
                ranges,
            }],
            id,
        });
    }
    out
}

#[divan::bench(sample_count = 20)]
fn load() -> AdvisoryDb {
    AdvisoryDb::open(&fixture().index).expect("open")
}

#[divan::bench(sample_count = 50)]
fn match_astro_packages() -> usize {
    let f = fixture();
    f.astro
        .iter()
        .map(|(n, v)| f.db.matches(n, v).map(|m| m.len()).unwrap_or(0))
        .sum()
}

#[divan::bench(sample_count = 50)]
fn check_astro_graph() -> usize {
    let f = fixture();
    let Some(graph) = &f.graph else { return 0 };
    diligence_advisory::check(graph, &f.db)
        .map(|v| v.len())
        .unwrap_or(0)
}
