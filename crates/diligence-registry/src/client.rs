//! The npm registry client: packuments (full and abbreviated), tarballs, through the cache.
//!
//! Protocol: `GET <registry>/<escaped name>` (scoped names as `@scope%2fname`) with
//! `Accept: application/json` for the full packument or
//! `application/vnd.npm.install-v1+json` for the abbreviated one (npm registry API,
//! "package metadata"); tarballs by the version's `dist.tarball` URL. Blocking HTTP (ureq 3,
//! TLS roots from the platform verifier so a proxy CA in the system store works); callers get
//! parallelism from [`crate::crosscheck`] or their own rayon pool.
//!
//! ## One fetch per URL per run
//! A client is shared by every layer of a run. Each packument document is fetched (or found
//! fresh in the cache) once, however many layers and threads ask for it at the same time;
//! failures are remembered too, so a dead registry is not asked again by the next layer.
//! Budgets per request (deadline, read timeouts, size limits, host breaker) are in
//! `fetch.rs`.
//!
//! ## Freshness (what a repeat run downloads)
//! - Tarballs are immutable on the npm registry: cached by integrity, verified on read, never
//!   revalidated.
//! - The versions a run needs are immutable too, but a packument also carries dist-tags, new
//!   versions and unpublished ones. A cached packument is used without a request while it
//!   is fresh:
//!   - when the registry sent `ETag` or `Last-Modified`, for its `Cache-Control: max-age`
//!     (capped by [`ClientOptions::packument_max_age`]; none given: revalidated with
//!     `If-None-Match`/`If-Modified-Since` on every run, a `304` costs no body);
//!   - otherwise for [`ClientOptions::packument_max_age`] ([`DEFAULT_PACKUMENT_MAX_AGE`], one
//!     hour), after which it is downloaded again.
//! - A cached packument that lacks a version the caller needs ([`RegistryClient::dists_with`])
//!   is fetched again at once, whatever its age: the version may be newly published.
//! - Cached 404s are never trusted online: a name that did not exist may exist now.
//! - `packument_max_age = 0` (`--refresh`, and `check`/`install`, which resolve ranges and
//!   dist-tags) contacts the registry once per run for every packument.

use crate::cache::{Cache, PackumentMeta};
use crate::config::{NpmConfig, PUBLIC_REGISTRIES};
use crate::fetch::{Fetched, Http};
use crate::verify;
use diligence_graph::{Integrity, SriHash};
use diligence_packument::{Packument, VersionManifest};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, SystemTime};

/// Default [`ClientOptions::max_tarball_bytes`]: 512 MiB.
pub const MAX_TARBALL_BYTES: u64 = 512 * 1024 * 1024;

/// Default [`ClientOptions::max_packument_bytes`]: 256 MiB. Real full packuments reach a
/// few tens of MiB; a 600 MiB one is refused as not evaluated.
pub const MAX_PACKUMENT_BYTES: u64 = 256 * 1024 * 1024;

/// Default [`ClientOptions::packument_max_age`] for registries that send no validators.
pub const DEFAULT_PACKUMENT_MAX_AGE: Duration = Duration::from_secs(60 * 60);

/// Default [`ClientOptions::deadline`]: 30 s per URL, all attempts included.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(30);

const ACCEPT_FULL: &str = "application/json";
const ACCEPT_ABBREVIATED: &str =
    "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

/// Where packuments and tarballs may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Cache while fresh (see the module doc), else the network, revalidating with
    /// `ETag` / `Last-Modified` when the registry sent them.
    #[default]
    Online,
    /// Cache first whatever its age; network only for what is missing (`--prefer-offline`).
    PreferOffline,
    /// Cache only; anything missing is [`RegistryError::Offline`] (`--offline`).
    Offline,
}

/// Which packument document to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PackumentKind {
    /// Everything (`time`, `maintainers`, readme …).
    Full,
    /// `application/vnd.npm.install-v1+json`: versions with `dist`, dependencies, `bin`,
    /// `engines`, `hasInstallScript`; enough for cross-checks and installs.
    Abbreviated,
}

/// Client tuning. `Default`: 16 parallel requests; per URL a 30 s deadline, 10 s to connect,
/// 15 s of silence at most, 3 retries; packuments fresh for an hour (see the module doc);
/// 256 MiB per packument, 512 MiB per tarball, 100,000 versions per packument; a host is
/// skipped after 3 URLs in a row fail on transport.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub mode: Mode,
    /// Parallel requests for batch operations (crosscheck, tarball verification).
    pub concurrency: usize,
    /// Total time for one URL: every attempt, retry and backoff.
    pub deadline: Duration,
    /// Connect timeout of one attempt.
    pub connect_timeout: Duration,
    /// Longest silence in one attempt: waiting for the response head, or for the next bytes
    /// of the body.
    pub read_timeout: Duration,
    /// Retries after a 429, a 5xx or a transport error, with exponential backoff from
    /// `backoff` (a `Retry-After` in seconds is honoured up to 10 s), within `deadline`.
    pub retries: u32,
    pub backoff: Duration,
    /// How long a cached packument from a registry without validators is used without a
    /// request (and the cap on a registry's own `max-age`). `Duration::ZERO`: every
    /// packument is contacted once per run (`--refresh`; `check` and `install`).
    pub packument_max_age: Duration,
    /// Largest packument body accepted; above it the package is not evaluated.
    pub max_packument_bytes: u64,
    /// Largest tarball accepted.
    pub max_tarball_bytes: u64,
    /// Most versions (and `time` entries) read from one packument; above it the package is
    /// not evaluated.
    pub max_versions: usize,
    /// Transport failures in a row (URLs, after their retries) after which a host is skipped
    /// for the rest of the run; 0 never skips.
    pub host_failures: u32,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            mode: Mode::Online,
            concurrency: 16,
            deadline: DEFAULT_DEADLINE,
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(15),
            retries: 3,
            backoff: Duration::from_millis(250),
            packument_max_age: DEFAULT_PACKUMENT_MAX_AGE,
            max_packument_bytes: MAX_PACKUMENT_BYTES,
            max_tarball_bytes: MAX_TARBALL_BYTES,
            max_versions: diligence_packument::DEFAULT_MAX_VERSIONS,
            host_failures: 3,
        }
    }
}

/// A registry operation that failed. Displays as one line naming the package or URL; never
/// contains a credential (URLs lose any `user:pass@`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    /// 404: the registry has no such package (unpublished, never existed, or private).
    #[error("{name}: not found on the registry ({url}: 404)")]
    NotFound { name: String, url: String },
    /// 401/403: credentials missing or refused.
    #[error(
        "{url}: HTTP {status}: authentication required or refused (configure //host/:_authToken in .npmrc)"
    )]
    Unauthorized { url: String, status: u16 },
    /// Any other non-success status, after retries.
    #[error("{url}: HTTP {status}")]
    Http { url: String, status: u16 },
    /// Connection, TLS or timeout failure, after retries (or a host skipped after repeated
    /// failures).
    #[error("{url}: {message}")]
    Transport { url: String, message: String },
    /// Offline mode and the document is not cached.
    #[error("{what}: not in the cache (offline)")]
    Offline { what: String },
    /// The body is not a packument.
    #[error("{url}: not a packument: {message}")]
    Parse { url: String, message: String },
    /// A response or document over a size or count limit ([`ClientOptions`]): not evaluated.
    #[error("{what}: {detail}")]
    Limit { what: String, detail: String },
    /// The packument has no such version.
    #[error("{name}@{version}: version not in the packument")]
    VersionMissing { name: String, version: String },
    /// Neither the caller nor the packument gives an integrity to check the tarball against.
    #[error("{name}@{version}: no integrity to verify the tarball against")]
    Unverifiable { name: String, version: String },
    /// Downloaded bytes do not match the expected integrity: a tampered tarball or lockfile.
    #[error("{0}")]
    TarballIntegrity(Box<TarballMismatch>),
    /// Bad `cafile`/`ca`/`proxy` configuration.
    #[error("npm config: {0}")]
    Config(String),
}

/// Tarball bytes that do not hash to what the lockfile or the packument says.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{name}@{version}: tarball from {url} is {actual}, but the {against} says {expected}")]
pub struct TarballMismatch {
    pub name: String,
    pub version: String,
    /// Where the bytes came from (without credentials).
    pub url: String,
    /// `lockfile` or `packument`.
    pub against: &'static str,
    /// The expected SRI hash.
    pub expected: String,
    /// The SRI hash of the bytes, same algorithm.
    pub actual: String,
}

/// Values computed once per key, however many threads ask at the same time (the others
/// wait for the first).
struct OnceMap<K, V> {
    cells: Mutex<HashMap<K, Arc<OnceLock<V>>>>,
}

impl<K: Hash + Eq, V: Clone> OnceMap<K, V> {
    fn new() -> Self {
        OnceMap {
            cells: Mutex::new(HashMap::new()),
        }
    }

    fn get_or_init(&self, key: K, init: impl FnOnce() -> V) -> V {
        let cell = {
            let mut cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
            cells.entry(key).or_default().clone()
        };
        cell.get_or_init(init).clone()
    }

    fn get(&self, key: &K) -> Option<V> {
        let cells = self.cells.lock().unwrap_or_else(|e| e.into_inner());
        cells.get(key).and_then(|c| c.get().cloned())
    }
}

/// One packument document as this run got it.
struct Doc {
    /// Downloaded (or revalidated) in this run, as opposed to used fresh from the cache.
    from_network: bool,
    /// The body when it is not in the cache (no cache, or the write failed).
    body: Option<Arc<Vec<u8>>>,
}

type DocResult = Result<Arc<Doc>, RegistryError>;
type ParsedResult = Result<Arc<Packument>, RegistryError>;

/// A blocking npm registry client with a cache. `Sync`: share one across threads and layers.
pub struct RegistryClient {
    config: NpmConfig,
    cache: Option<Cache>,
    http: Http,
    /// (cache key, refetch) → the document.
    docs: OnceMap<(String, bool), DocResult>,
    /// (name, what, refetch) → the parsed document.
    parsed: OnceMap<(String, MemoKind, bool), ParsedResult>,
    /// Tarball URLs whose download failed in this run, and why.
    failed_downloads: Mutex<HashMap<String, RegistryError>>,
}

/// What a memoised packument holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum MemoKind {
    Document(PackumentKind),
    Dists(PackumentKind),
}

impl std::fmt::Debug for RegistryClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistryClient")
            .field("config", &self.config)
            .field("cache", &self.cache)
            .field("options", &self.http.options)
            .finish_non_exhaustive()
    }
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl RegistryClient {
    /// A client for `config`, caching in `cache` (`None`: no cache, so `Offline` finds nothing).
    /// Errors: unreadable, oversized or invalid `cafile`/`ca`, an invalid proxy URL.
    pub fn new(
        config: NpmConfig,
        cache: Option<Cache>,
        options: ClientOptions,
    ) -> Result<RegistryClient, RegistryError> {
        let agent = crate::agent::build_agent(&config, &options)?;
        Ok(RegistryClient {
            config,
            cache,
            http: Http {
                agent,
                options,
                hosts: Default::default(),
                requests: AtomicU64::new(0),
            },
            docs: OnceMap::new(),
            parsed: OnceMap::new(),
            failed_downloads: Mutex::new(HashMap::new()),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &NpmConfig {
        &self.config
    }

    /// The options in use.
    pub fn options(&self) -> &ClientOptions {
        &self.http.options
    }

    /// HTTP requests sent so far (every attempt counts).
    pub fn requests_sent(&self) -> u64 {
        self.http.requests.load(Ordering::Relaxed)
    }

    /// The packument URL of a package on the registry configured for its scope:
    /// `<registry>/<name>`, scoped names escaped as `@scope%2fname`.
    pub fn packument_url(&self, name: &str) -> String {
        format!("{}{}", self.config.registry_for(name), escape_name(name))
    }

    /// The full packument of `name` (with `time`, `maintainers` when the registry serves them).
    pub fn packument(&self, name: &str) -> Result<Arc<Packument>, RegistryError> {
        self.fetch_packument(name, PackumentKind::Full)
    }

    /// The document of `version` as the packument of `kind` lists it (abbreviated: no
    /// `scripts`, but `dependencies`, `bin`, `hasInstallScript`), read from the same cached
    /// bytes as [`RegistryClient::dists_with`] with every other version skipped unparsed.
    /// `Ok(None)` when the version is absent or its document does not read as a version
    /// manifest (decade-old shapes). Errors: as fetching the packument.
    pub fn listed_version(
        &self,
        name: &str,
        kind: PackumentKind,
        version: &str,
    ) -> Result<Option<diligence_packument::VersionManifest>, RegistryError> {
        let body = self.document_bytes(name, kind, false)?;
        let value =
            crate::lean::parse_version(&body, version).map_err(|e| RegistryError::Parse {
                url: redact_url(&self.packument_url(name)),
                message: e.to_string(),
            })?;
        Ok(value.and_then(|v| serde_json::from_value(v).ok()))
    }

    /// The abbreviated packument of `name` (`application/vnd.npm.install-v1+json`).
    pub fn abbreviated_packument(&self, name: &str) -> Result<Arc<Packument>, RegistryError> {
        self.fetch_packument(name, PackumentKind::Abbreviated)
    }

    /// The versions and their `dist` (tarball URL, integrity, shasum) of `name`, read
    /// leniently from the document of `kind` (see [`crate::lean`]): other fields are left
    /// empty, and odd shapes elsewhere in the document are no error. What cross-checks and
    /// tarball downloads use. Shares the cache entry of [`RegistryClient::fetch_packument`]
    /// with the same `kind`.
    pub fn dists(&self, name: &str, kind: PackumentKind) -> Result<Arc<Packument>, RegistryError> {
        self.dists_with(name, kind, &[])
    }

    /// [`RegistryClient::dists`] that must contain `versions`: a cached packument without
    /// one of them is fetched again (unless this run already did, or the mode is offline),
    /// since the version may be newer than the cache. A version still missing afterwards is
    /// the caller's finding.
    pub fn dists_with(
        &self,
        name: &str,
        kind: PackumentKind,
        versions: &[&str],
    ) -> Result<Arc<Packument>, RegistryError> {
        self.parsed_with(name, MemoKind::Dists(kind), versions)
    }

    /// A packument of either kind, from memory, the cache or the network per [`Mode`] and
    /// the freshness rules of the module doc.
    pub fn fetch_packument(
        &self,
        name: &str,
        kind: PackumentKind,
    ) -> Result<Arc<Packument>, RegistryError> {
        self.fetch_packument_with(name, kind, &[])
    }

    /// [`RegistryClient::fetch_packument`] that must contain `versions` (see
    /// [`RegistryClient::dists_with`]).
    pub fn fetch_packument_with(
        &self,
        name: &str,
        kind: PackumentKind,
        versions: &[&str],
    ) -> Result<Arc<Packument>, RegistryError> {
        self.parsed_with(name, MemoKind::Document(kind), versions)
    }

    fn parsed_with(
        &self,
        name: &str,
        memo: MemoKind,
        versions: &[&str],
    ) -> Result<Arc<Packument>, RegistryError> {
        // A document already fetched again in this run is the newest there is.
        if let Some(p) = self.parsed.get(&(name.to_string(), memo, true)) {
            return p;
        }
        let p = self.parsed(name, memo, false)?;
        let complete = versions.iter().all(|v| p.versions.contains_key(*v));
        if complete || self.http.options.mode == Mode::Offline {
            return Ok(p);
        }
        let kind = match memo {
            MemoKind::Document(k) | MemoKind::Dists(k) => k,
        };
        let (_, key) = self.request_of(name, kind);
        let from_network = matches!(
            self.docs.get(&(key, false)),
            Some(Ok(doc)) if doc.from_network
        );
        if from_network {
            return Ok(p);
        }
        self.parsed(name, memo, true)
    }

    fn parsed(&self, name: &str, memo: MemoKind, refetch: bool) -> ParsedResult {
        self.parsed
            .get_or_init((name.to_string(), memo, refetch), || {
                let kind = match memo {
                    MemoKind::Document(k) | MemoKind::Dists(k) => k,
                };
                let url = self.packument_url(name);
                let body = self.document_bytes(name, kind, refetch)?;
                let limit = self.http.options.max_versions;
                let over = |detail: String| RegistryError::Limit {
                    what: format!("packument of {name}"),
                    detail,
                };
                let bad = |message: String| RegistryError::Parse {
                    url: redact_url(&url),
                    message,
                };
                let parsed =
                    match memo {
                        MemoKind::Dists(_) => crate::lean::parse_dists_limited(&body, limit)
                            .map_err(|e| match e {
                                crate::lean::LeanError::Json(e) => bad(e.to_string()),
                                e => over(e.to_string()),
                            }),
                        MemoKind::Document(_) => Packument::from_slice_limited(&body, limit)
                            .map_err(|e| match e {
                                diligence_packument::ReadError::Json(e) => bad(e.to_string()),
                                e => over(e.to_string()),
                            }),
                    };
                parsed.map(Arc::new)
            })
    }

    /// The request URL and cache key of a packument document.
    fn request_of(&self, name: &str, kind: PackumentKind) -> (String, String) {
        let url = self.packument_url(name);
        let accept = accept_of(kind);
        let key = format!("{url}\n{accept}");
        (url, key)
    }

    /// The bytes of a packument document, fetched at most once per run (twice when
    /// `refetch` asks for a newer copy than the cache's).
    fn document_bytes(
        &self,
        name: &str,
        kind: PackumentKind,
        refetch: bool,
    ) -> Result<Arc<Vec<u8>>, RegistryError> {
        let (url, key) = self.request_of(name, kind);
        let doc = self.docs.get_or_init((key.clone(), refetch), || {
            self.load_document(name, &url, kind, &key, refetch)
        })?;
        if let Some(body) = &doc.body {
            return Ok(body.clone());
        }
        match self.cache.as_ref().and_then(|c| c.packument_body(&key)) {
            Some(body) => Ok(Arc::new(body)),
            // The cache entry vanished under us (another process): ask once more.
            None if !refetch => self.document_bytes(name, kind, true),
            None => Err(RegistryError::Offline {
                what: format!("packument of {name}"),
            }),
        }
    }

    fn load_document(
        &self,
        name: &str,
        url: &str,
        kind: PackumentKind,
        key: &str,
        refetch: bool,
    ) -> DocResult {
        let not_found = || RegistryError::NotFound {
            name: name.to_string(),
            url: redact_url(url),
        };
        let meta = self.cache.as_ref().and_then(|c| c.packument_meta(key));
        let cached = Ok(Arc::new(Doc {
            from_network: false,
            body: None,
        }));
        match (self.http.options.mode, &meta) {
            (Mode::Offline, None) => {
                return Err(RegistryError::Offline {
                    what: format!("packument of {name}"),
                });
            }
            (Mode::Offline, Some(m)) if m.not_found => return Err(not_found()),
            (Mode::Offline, Some(_)) => return cached,
            (Mode::PreferOffline, Some(m)) if m.not_found && !refetch => return Err(not_found()),
            (Mode::PreferOffline, Some(_)) if !refetch => return cached,
            (Mode::Online, Some(m)) if !refetch && !m.not_found && self.is_fresh(m) => {
                return cached;
            }
            _ => {}
        }
        // Validators only when the body they describe is still there.
        let validators = meta.filter(|m| {
            !m.not_found
                && self
                    .cache
                    .as_ref()
                    .is_some_and(|c| c.packument_path_exists(key))
        });
        let fetched: Fetched = self.http.get(
            &self.config,
            url,
            accept_of(kind),
            validators.as_ref(),
            self.http.options.max_packument_bytes,
        )?;
        let now = Some(now_secs());
        if fetched.status == 304 {
            let Some(mut meta) = validators else {
                return Err(RegistryError::Http {
                    url: redact_url(url),
                    status: 304,
                });
            };
            meta.fetched_at = now;
            meta.max_age = fetched.max_age.or(meta.max_age);
            if let Some(cache) = &self.cache {
                let _ = cache.put_packument_meta(key, &meta);
            }
            return Ok(Arc::new(Doc {
                from_network: true,
                body: None,
            }));
        }
        let meta = PackumentMeta {
            url: redact_url(url),
            etag: fetched.etag,
            last_modified: fetched.last_modified,
            not_found: fetched.status == 404,
            fetched_at: now,
            max_age: fetched.max_age,
        };
        // A cache that cannot be written only costs speed: keep the body in memory then.
        let stored = self
            .cache
            .as_ref()
            .is_some_and(|c| c.put_packument(key, &fetched.body, &meta).is_ok());
        if fetched.status == 404 {
            return Err(not_found());
        }
        Ok(Arc::new(Doc {
            from_network: true,
            body: (!stored).then(|| Arc::new(fetched.body)),
        }))
    }

    /// Whether a cached packument may be used without a request (module doc).
    fn is_fresh(&self, meta: &PackumentMeta) -> bool {
        let Some(at) = meta.fetched_at else {
            return false;
        };
        let now = now_secs();
        if at > now + 60 {
            return false; // written in the future: the clock moved; do not trust it
        }
        let ours = self.http.options.packument_max_age.as_secs();
        let lifetime = if meta.etag.is_some() || meta.last_modified.is_some() {
            meta.max_age.unwrap_or(0).min(ours)
        } else {
            ours
        };
        now.saturating_sub(at) < lifetime
    }

    /// The URL to download a version's tarball from: `dist.tarball`, with the public
    /// registry's host replaced by the configured registry (npm's default
    /// `replace-registry-host=npmjs`).
    pub fn tarball_url(&self, name: &str, dist_tarball: &str) -> String {
        let registry = self.config.registry_for(name);
        for public in PUBLIC_REGISTRIES {
            if let Some(rest) = dist_tarball.strip_prefix(public)
                && registry != public
            {
                return format!("{registry}{rest}");
            }
        }
        dist_tarball.to_string()
    }

    /// The tarball of `name@version`, verified against `integrity` (the lockfile's, when
    /// given) and against the packument's `dist.integrity`/`shasum`. Served from the cache
    /// (content-addressed by integrity, verified on read) when possible.
    ///
    /// Errors: [`RegistryError::TarballIntegrity`] when the bytes match either side not (a
    /// security finding, not a transport problem), [`RegistryError::VersionMissing`],
    /// [`RegistryError::Unverifiable`] when no integrity is known, [`RegistryError::Offline`],
    /// and the packument/download errors.
    pub fn fetch_tarball(
        &self,
        name: &str,
        version: &str,
        integrity: Option<&Integrity>,
    ) -> Result<Vec<u8>, RegistryError> {
        let packument = self.dists_with(name, PackumentKind::Full, &[version])?;
        let manifest = packument
            .version(version)
            .ok_or_else(|| RegistryError::VersionMissing {
                name: name.into(),
                version: version.into(),
            })?;
        self.fetch_tarball_of(name, manifest, integrity)
    }

    /// [`RegistryClient::fetch_tarball`] for a version manifest already at hand.
    pub fn fetch_tarball_of(
        &self,
        name: &str,
        manifest: &VersionManifest,
        integrity: Option<&Integrity>,
    ) -> Result<Vec<u8>, RegistryError> {
        let version = manifest.version.as_str();
        let lockfile = integrity.filter(|i| matches!(i, Integrity::Sri(_)));
        let registry = verify::registry_integrity(&manifest.dist);
        let Some(key) = lockfile.or(registry.as_ref()) else {
            return Err(RegistryError::Unverifiable {
                name: name.into(),
                version: version.into(),
            });
        };
        let url = self.tarball_url(name, &manifest.dist.tarball);
        let mismatch = |against: &'static str, (expected, actual): (_, _)| {
            let (expected, actual): (SriHash, SriHash) = (expected, actual);
            RegistryError::TarballIntegrity(Box::new(TarballMismatch {
                name: name.into(),
                version: version.into(),
                url: redact_url(&url),
                against,
                expected: expected.to_string(),
                actual: actual.to_string(),
            }))
        };
        let cached = self.cache.as_ref().and_then(|c| c.tarball(key));
        let from_cache = cached.is_some();
        let bytes = match cached {
            Some(b) => b,
            None if self.http.options.mode == Mode::Offline => {
                return Err(RegistryError::Offline {
                    what: format!("tarball of {name}@{version}"),
                });
            }
            None => self.download(&url)?,
        };
        // Hashes already checked: the cache verified `key` on read.
        let mut verified: Vec<SriHash> = Vec::new();
        if from_cache && let Integrity::Sri(h) = key {
            verified.extend(h.iter().cloned());
        }
        if let Some(l) = lockfile {
            verify::check_bytes_except(l, &bytes, &verified)
                .map_err(|e| mismatch("lockfile", e))?;
            if let Integrity::Sri(h) = l {
                verified.extend(h.iter().cloned());
            }
        }
        if let Some(r) = &registry {
            verify::check_bytes_except(r, &bytes, &verified)
                .map_err(|e| mismatch("packument", e))?;
        }
        if !from_cache && let Some(cache) = &self.cache {
            let _ = cache.put_tarball(key, &bytes);
        }
        Ok(bytes)
    }

    /// Downloads a URL's body (tarballs), with retries, up to
    /// [`ClientOptions::max_tarball_bytes`]; non-2xx is an error. A URL that failed once in
    /// this run fails again at once with the same error, without a request.
    pub fn download(&self, url: &str) -> Result<Vec<u8>, RegistryError> {
        if let Some(e) = self
            .failed_downloads
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(url)
        {
            return Err(e.clone());
        }
        let result = self
            .http
            .get(
                &self.config,
                url,
                "*/*",
                None,
                self.http.options.max_tarball_bytes,
            )
            .and_then(|fetched| match fetched.status {
                200..=299 => Ok(fetched.body),
                404 => Err(RegistryError::NotFound {
                    name: url.rsplit('/').next().unwrap_or(url).to_string(),
                    url: redact_url(url),
                }),
                status => Err(RegistryError::Http {
                    url: redact_url(url),
                    status,
                }),
            });
        if let Err(e) = &result {
            self.failed_downloads
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(url.to_string(), e.clone());
        }
        result
    }
}

fn accept_of(kind: PackumentKind) -> &'static str {
    match kind {
        PackumentKind::Full => ACCEPT_FULL,
        PackumentKind::Abbreviated => ACCEPT_ABBREVIATED,
    }
}

/// Escapes a package name for a registry URL path: `@scope/name` → `@scope%2fname`; other
/// bytes outside the URL-safe set are percent-encoded.
pub fn escape_name(name: &str) -> String {
    const SET: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'@')
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b'!')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    percent_encoding::utf8_percent_encode(name, SET)
        .to_string()
        .replace("%2F", "%2f")
}

/// A URL without `user:password@`, for messages.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if !u.username().is_empty() || u.password().is_some() => {
            let _ = u.set_username("");
            let _ = u.set_password(None);
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// Parses a duration for the command line: a number with a unit, `500ms`, `30s`, `15m`,
/// `12h`, `1d` (a bare number is seconds; `0` is zero). Errors name the input.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let bad = || format!("`{text}`: expected a duration such as 30s, 15m, 12h or 1d");
    let n: f64 = number.parse().map_err(|_| bad())?;
    let unit_secs = match unit.trim() {
        "ms" => 0.001,
        "" | "s" => 1.0,
        "m" | "min" => 60.0,
        "h" => 3600.0,
        "d" => 86400.0,
        _ => return Err(bad()),
    };
    let secs = n * unit_secs;
    if !secs.is_finite() || !(0.0..=10.0 * 365.0 * 86400.0).contains(&secs) {
        return Err(bad());
    }
    Ok(Duration::from_secs_f64(secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_cafile_is_a_config_error() {
        let config = NpmConfig::from_npmrc(".npmrc", "cafile=/nonexistent/ca.pem\n", &[]).unwrap();
        let err = RegistryClient::new(config, None, ClientOptions::default()).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("npm config: cafile /nonexistent/ca.pem: cannot read"),
            "{err}"
        );
        let dir = tempfile::tempdir().unwrap();
        let pem = dir.path().join("ca.pem");
        std::fs::write(
            &pem,
            "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n",
        )
        .unwrap();
        let config =
            NpmConfig::from_npmrc(".npmrc", &format!("cafile={}", pem.display()), &[]).unwrap();
        assert!(RegistryClient::new(config, None, ClientOptions::default()).is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("12h"), Ok(Duration::from_secs(12 * 3600)));
        assert_eq!(parse_duration("1d"), Ok(Duration::from_secs(86400)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("-1s").is_err());
    }

    #[test]
    fn escapes_names() {
        assert_eq!(escape_name("@types/node"), "@types%2fnode");
        assert_eq!(escape_name("lodash.merge"), "lodash.merge");
    }

    #[test]
    fn redacts_userinfo() {
        assert_eq!(redact_url("https://u:p@r.example/x"), "https://r.example/x");
    }

    #[test]
    fn maps_public_tarball_host_to_configured_registry() {
        let config =
            NpmConfig::from_npmrc(".npmrc", "registry=http://127.0.0.1:9/npm/", &[]).unwrap();
        let c = RegistryClient::new(config, None, ClientOptions::default()).unwrap();
        assert_eq!(
            c.tarball_url("ms", "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz"),
            "http://127.0.0.1:9/npm/ms/-/ms-2.1.3.tgz"
        );
        assert_eq!(
            c.packument_url("@types/ms"),
            "http://127.0.0.1:9/npm/@types%2fms"
        );
    }
}
