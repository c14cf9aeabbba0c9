//! The npm registry client: packuments (full and abbreviated), tarballs, through the cache.
//!
//! Protocol: `GET <registry>/<escaped name>` (scoped names as `@scope%2fname`) with
//! `Accept: application/json` for the full packument or
//! `application/vnd.npm.install-v1+json` for the abbreviated one (npm registry API,
//! "package metadata"); tarballs by the version's `dist.tarball` URL. Blocking HTTP (ureq 3,
//! TLS roots from the platform verifier so a proxy CA in the system store works); callers get
//! parallelism from [`crate::crosscheck`] or their own rayon pool.

use crate::cache::{Cache, PackumentMeta};
use crate::config::{NpmConfig, PUBLIC_REGISTRIES};
use crate::verify;
use diligence_graph::{Integrity, SriHash};
use diligence_packument::{Packument, VersionManifest};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Largest response body accepted (bytes): 512 MiB. Some full packuments exceed 100 MiB.
pub const MAX_BODY_BYTES: u64 = 512 * 1024 * 1024;

const ACCEPT_FULL: &str = "application/json";
const ACCEPT_ABBREVIATED: &str =
    "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*";

/// Where packuments and tarballs may come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Network, revalidating cached packuments with `ETag` / `Last-Modified`.
    #[default]
    Online,
    /// Cache first without revalidation; network only for what is missing (`--prefer-offline`).
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

/// Client tuning. `Default` gives 16 parallel requests, 60 s per request, 3 retries.
#[derive(Debug, Clone)]
pub struct ClientOptions {
    pub mode: Mode,
    /// Parallel requests for batch operations (crosscheck, tarball verification).
    pub concurrency: usize,
    /// Whole-request timeout (connect, send, receive body).
    pub timeout: Duration,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Retries after a 429, a 5xx or a transport error, with exponential backoff from
    /// `backoff` (a `Retry-After` in seconds is honoured up to 10 s).
    pub retries: u32,
    pub backoff: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            mode: Mode::Online,
            concurrency: 16,
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retries: 3,
            backoff: Duration::from_millis(250),
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
    /// Connection, TLS or timeout failure, after retries.
    #[error("{url}: {message}")]
    Transport { url: String, message: String },
    /// Offline mode and the document is not cached.
    #[error("{what}: not in the cache (offline)")]
    Offline { what: String },
    /// The body is not a packument.
    #[error("{url}: not a packument: {message}")]
    Parse { url: String, message: String },
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

struct Fetched {
    status: u16,
    body: Vec<u8>,
    etag: Option<String>,
    last_modified: Option<String>,
    /// `Retry-After` in seconds.
    retry_after: Option<u64>,
}

/// A blocking npm registry client with a cache. `Sync`: share one across threads.
pub struct RegistryClient {
    config: NpmConfig,
    cache: Option<Cache>,
    agent: ureq::Agent,
    options: ClientOptions,
    memo: Mutex<HashMap<(String, MemoKind), Arc<Packument>>>,
    /// Cache keys fetched or revalidated by this client: fresh for the rest of the run, so
    /// an audit that reads a packument twice (cross-check, metadata) downloads it once.
    fresh: Mutex<HashSet<String>>,
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
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl RegistryClient {
    /// A client for `config`, caching in `cache` (`None`: no cache, so `Offline` finds nothing).
    /// Errors: unreadable or invalid `cafile`/`ca`, an invalid proxy URL.
    pub fn new(
        config: NpmConfig,
        cache: Option<Cache>,
        options: ClientOptions,
    ) -> Result<RegistryClient, RegistryError> {
        let agent = crate::agent::build_agent(&config, &options)?;
        Ok(RegistryClient {
            config,
            cache,
            agent,
            options,
            memo: Mutex::new(HashMap::new()),
            fresh: Mutex::new(HashSet::new()),
        })
    }

    /// The configuration in use.
    pub fn config(&self) -> &NpmConfig {
        &self.config
    }

    /// The options in use.
    pub fn options(&self) -> &ClientOptions {
        &self.options
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
        let memo_key = (name.to_string(), MemoKind::Dists(kind));
        if let Some(p) = self
            .memo
            .lock()
            .ok()
            .and_then(|m| m.get(&memo_key).cloned())
        {
            return Ok(p);
        }
        let url = self.packument_url(name);
        let body = self.packument_bytes(name, &url, kind)?;
        let packument = crate::lean::parse_dists(&body).map_err(|e| RegistryError::Parse {
            url: redact_url(&url),
            message: e.to_string(),
        })?;
        let packument = Arc::new(packument);
        if let Ok(mut memo) = self.memo.lock() {
            memo.insert(memo_key, packument.clone());
        }
        Ok(packument)
    }

    /// A packument of either kind, from memory, the cache or the network per [`Mode`].
    pub fn fetch_packument(
        &self,
        name: &str,
        kind: PackumentKind,
    ) -> Result<Arc<Packument>, RegistryError> {
        let memo_key = (name.to_string(), MemoKind::Document(kind));
        if let Some(p) = self
            .memo
            .lock()
            .ok()
            .and_then(|m| m.get(&memo_key).cloned())
        {
            return Ok(p);
        }
        let url = self.packument_url(name);
        let body = self.packument_bytes(name, &url, kind)?;
        let packument = Packument::from_slice(&body).map_err(|e| RegistryError::Parse {
            url: redact_url(&url),
            message: e.to_string(),
        })?;
        let packument = Arc::new(packument);
        if let Ok(mut memo) = self.memo.lock() {
            memo.insert(memo_key, packument.clone());
        }
        Ok(packument)
    }

    fn packument_bytes(
        &self,
        name: &str,
        url: &str,
        kind: PackumentKind,
    ) -> Result<Vec<u8>, RegistryError> {
        let accept = match kind {
            PackumentKind::Full => ACCEPT_FULL,
            PackumentKind::Abbreviated => ACCEPT_ABBREVIATED,
        };
        let key = format!("{url}\n{accept}");
        let cached = self.cache.as_ref().and_then(|c| c.packument(&key));
        let not_found = || RegistryError::NotFound {
            name: name.to_string(),
            url: redact_url(url),
        };
        let fresh = cached.is_some() && self.fresh.lock().is_ok_and(|f| f.contains(&key));
        let mode = if fresh {
            Mode::PreferOffline
        } else {
            self.options.mode
        };
        match (mode, cached) {
            (Mode::Offline, None) => Err(RegistryError::Offline {
                what: format!("packument of {name}"),
            }),
            (Mode::Offline | Mode::PreferOffline, Some((_, meta))) if meta.not_found => {
                Err(not_found())
            }
            (Mode::Offline | Mode::PreferOffline, Some((body, _))) => Ok(body),
            (_, cached) => {
                let cached = cached.filter(|(_, meta)| !meta.not_found);
                let fetched = self.get(url, accept, cached.as_ref().map(|c| &c.1))?;
                let status = fetched.status;
                if let Ok(mut f) = self.fresh.lock() {
                    f.insert(key.clone());
                }
                if status == 304 {
                    return cached.map(|c| c.0).ok_or_else(|| RegistryError::Http {
                        url: redact_url(url),
                        status,
                    });
                }
                let meta = PackumentMeta {
                    url: redact_url(url),
                    etag: fetched.etag,
                    last_modified: fetched.last_modified,
                    not_found: status == 404,
                };
                if let Some(cache) = &self.cache {
                    // A cache that cannot be written only costs speed.
                    let _ = cache.put_packument(&key, &fetched.body, &meta);
                }
                if status == 404 {
                    return Err(not_found());
                }
                Ok(fetched.body)
            }
        }
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
        let packument = self.dists(name, PackumentKind::Full)?;
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
            None if self.options.mode == Mode::Offline => {
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

    /// Downloads a URL's body (tarballs), with retries; non-2xx is an error.
    pub fn download(&self, url: &str) -> Result<Vec<u8>, RegistryError> {
        let fetched = self.get(url, "*/*", None)?;
        match fetched.status {
            200..=299 => Ok(fetched.body),
            404 => Err(RegistryError::NotFound {
                name: url.rsplit('/').next().unwrap_or(url).to_string(),
                url: redact_url(url),
            }),
            status => Err(RegistryError::Http {
                url: redact_url(url),
                status,
            }),
        }
    }

    /// One GET with retries. Returns 2xx, 304 and 404 to the caller; maps 401/403 and other
    /// statuses (after retries for 429/5xx) to errors.
    fn get(
        &self,
        url: &str,
        accept: &str,
        validators: Option<&PackumentMeta>,
    ) -> Result<Fetched, RegistryError> {
        let mut attempt = 0;
        loop {
            let result = self.get_once(url, accept, validators);
            let retryable = match &result {
                Ok(f) => f.status == 429 || f.status >= 500,
                Err(e) => matches!(e, RegistryError::Transport { .. }),
            };
            if !retryable || attempt >= self.options.retries {
                return self.classify(url, result?);
            }
            let hinted = result
                .as_ref()
                .ok()
                .and_then(|f| f.retry_after)
                .map(|s| Duration::from_secs(s.min(10)));
            let wait = hinted.unwrap_or(self.options.backoff * 2u32.pow(attempt));
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn classify(&self, url: &str, fetched: Fetched) -> Result<Fetched, RegistryError> {
        match fetched.status {
            200..=299 | 304 | 404 => Ok(fetched),
            401 | 403 => Err(RegistryError::Unauthorized {
                url: redact_url(url),
                status: fetched.status,
            }),
            status => Err(RegistryError::Http {
                url: redact_url(url),
                status,
            }),
        }
    }

    fn get_once(
        &self,
        url: &str,
        accept: &str,
        validators: Option<&PackumentMeta>,
    ) -> Result<Fetched, RegistryError> {
        let mut request = self.agent.get(url).header("accept", accept);
        if let Some(credential) = self.config.credential_for(url) {
            request = request.header("authorization", credential.header_value());
        }
        if let Some(v) = validators {
            if let Some(etag) = &v.etag {
                request = request.header("if-none-match", etag);
            }
            if let Some(lm) = &v.last_modified {
                request = request.header("if-modified-since", lm);
            }
        }
        let transport = |e: ureq::Error| RegistryError::Transport {
            url: redact_url(url),
            message: e.to_string(),
        };
        let mut response = request.call().map_err(transport)?;
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let etag = header("etag");
        let last_modified = header("last-modified");
        let retry_after = header("retry-after").and_then(|v| v.trim().parse().ok());
        let status = response.status().as_u16();
        let body = if status == 200 || status == 203 {
            response
                .body_mut()
                .with_config()
                .limit(MAX_BODY_BYTES)
                .read_to_vec()
                .map_err(transport)?
        } else {
            Vec::new()
        };
        Ok(Fetched {
            status,
            body,
            etag,
            last_modified,
            retry_after,
        })
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
