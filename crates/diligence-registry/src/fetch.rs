//! One HTTP GET under the client's budgets.
//!
//! - **Deadline per URL** ([`ClientOptions::deadline`], 30 s by default): every attempt,
//!   retry and backoff of one URL fits in it, so a registry that accepts and never answers,
//!   or answers one byte every few seconds (slow-loris), costs at most the deadline, never
//!   `timeout × tries`. Each attempt also has a connect timeout and a read timeout (for the
//!   response head and between body bytes), so a stalled connection leaves time for a retry.
//! - **Size limit per response**: a `Content-Length` above the limit is refused before the
//!   body is read; a body that grows past it is cut off there. Neither is retried.
//! - **Host breaker**: after [`ClientOptions::host_failures`] URLs of one host in a row end
//!   in a transport failure (timeout, refused connection, TLS), the host is skipped for the
//!   rest of the run, so a dead registry costs about one deadline in all, not one per package.

use crate::cache::PackumentMeta;
use crate::client::{ClientOptions, RegistryError, redact_url};
use crate::config::NpmConfig;
use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A response: status, body (2xx only), validators and hints.
pub(crate) struct Fetched {
    pub status: u16,
    pub body: Vec<u8>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// `Retry-After` in seconds.
    pub retry_after: Option<u64>,
    /// `Cache-Control: max-age` in seconds; 0 for `no-cache` / `no-store`.
    pub max_age: Option<u64>,
}

/// Consecutive transport failures per host (`host[:port]`).
#[derive(Default)]
pub(crate) struct Hosts {
    state: Mutex<HashMap<String, HostState>>,
}

#[derive(Default)]
struct HostState {
    failures: u32,
    last: String,
}

impl Hosts {
    /// Why requests to `host` are skipped, when its breaker is open.
    fn skip(&self, host: &str, trip_after: u32) -> Option<String> {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let s = state.get(host)?;
        (trip_after > 0 && s.failures >= trip_after).then(|| {
            format!(
                "skipped: {host} failed {} requests in a row this run (last: {})",
                s.failures, s.last
            )
        })
    }

    fn record(&self, host: &str, failure: Option<&str>) {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        match failure {
            None => {
                state.remove(host);
            }
            Some(message) => {
                let s = state.entry(host.to_string()).or_default();
                s.failures += 1;
                s.last = message.to_string();
            }
        }
    }
}

/// The HTTP side of the client: agent, options, host breaker, request counter.
pub(crate) struct Http {
    pub agent: ureq::Agent,
    pub options: ClientOptions,
    pub hosts: Hosts,
    /// Requests sent (attempts, including retries).
    pub requests: AtomicU64,
}

/// `host[:port]` of a URL, lowercase; the URL itself when it does not parse.
fn authority(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            _ => url.to_string(),
        },
        Err(_) => url.to_string(),
    }
}

/// Shortest time worth starting another attempt with.
const MIN_ATTEMPT: Duration = Duration::from_millis(500);

impl Http {
    /// GET `url` with retries within the deadline. Returns 2xx, 304 and 404 to the caller;
    /// maps 401/403 and other statuses (after retries for 429/5xx) to errors. A body over
    /// `limit` bytes is [`RegistryError::Limit`].
    pub fn get(
        &self,
        config: &NpmConfig,
        url: &str,
        accept: &str,
        validators: Option<&PackumentMeta>,
        limit: u64,
    ) -> Result<Fetched, RegistryError> {
        let host = authority(url);
        let started = Instant::now();
        let deadline = started + self.options.deadline;
        let mut attempt = 0u32;
        loop {
            if let Some(why) = self.hosts.skip(&host, self.options.host_failures) {
                return Err(RegistryError::Transport {
                    url: redact_url(url),
                    message: why,
                });
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            let result = self.get_once(config, url, accept, validators, limit, remaining);
            let retryable = match &result {
                Ok(f) => f.status == 429 || f.status >= 500,
                Err(e) => matches!(e, RegistryError::Transport { .. }),
            };
            let hinted = result
                .as_ref()
                .ok()
                .and_then(|f| f.retry_after)
                .map(|s| Duration::from_secs(s.min(10)));
            let wait = hinted.unwrap_or(self.options.backoff * 2u32.pow(attempt.min(16)));
            let time_left = Instant::now() + wait + MIN_ATTEMPT < deadline;
            if !retryable || attempt >= self.options.retries || !time_left {
                return match result {
                    Ok(f) => {
                        self.hosts.record(&host, None);
                        classify(url, f)
                    }
                    Err(RegistryError::Transport { url, message }) => {
                        self.hosts.record(&host, Some(&message));
                        let tries = attempt + 1;
                        let secs = started.elapsed().as_secs_f64();
                        Err(RegistryError::Transport {
                            url,
                            message: format!(
                                "{message} ({tries} {} in {secs:.1} s)",
                                if tries == 1 { "attempt" } else { "attempts" }
                            ),
                        })
                    }
                    Err(e) => Err(e),
                };
            }
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn get_once(
        &self,
        config: &NpmConfig,
        url: &str,
        accept: &str,
        validators: Option<&PackumentMeta>,
        limit: u64,
        remaining: Duration,
    ) -> Result<Fetched, RegistryError> {
        self.requests.fetch_add(1, Ordering::Relaxed);
        let mut request = self
            .agent
            .get(url)
            .config()
            .timeout_global(Some(remaining))
            .build()
            .header("accept", accept);
        if let Some(credential) = config.credential_for(url) {
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
        let transport = |e: ureq::Error| match e {
            ureq::Error::BodyExceedsLimit(_) => too_large(url, limit),
            e => RegistryError::Transport {
                url: redact_url(url),
                message: e.to_string(),
            },
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
        let max_age = header("cache-control").and_then(|v| parse_max_age(&v));
        let length: Option<u64> = header("content-length").and_then(|v| v.trim().parse().ok());
        let status = response.status().as_u16();
        let body = if status == 200 || status == 203 {
            if length.is_some_and(|n| n > limit) {
                return Err(too_large(url, limit));
            }
            response
                .body_mut()
                .with_config()
                .limit(limit)
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
            max_age,
        })
    }
}

fn too_large(url: &str, limit: u64) -> RegistryError {
    RegistryError::Limit {
        what: redact_url(url),
        detail: format!(
            "response larger than {} (limit)",
            crate::bounded::human_bytes(limit)
        ),
    }
}

fn classify(url: &str, fetched: Fetched) -> Result<Fetched, RegistryError> {
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

/// `Cache-Control` → freshness lifetime in seconds: `max-age=N`, or 0 when `no-cache` or
/// `no-store` is present. `None` when neither is given.
pub(crate) fn parse_max_age(value: &str) -> Option<u64> {
    let mut max_age = None;
    for directive in value.split(',') {
        let d = directive.trim().to_ascii_lowercase();
        if d == "no-cache" || d == "no-store" {
            return Some(0);
        }
        if let Some(n) = d.strip_prefix("max-age=") {
            max_age = n.trim_matches('"').parse().ok();
        }
    }
    max_age
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_control() {
        assert_eq!(parse_max_age("public, max-age=300"), Some(300));
        assert_eq!(parse_max_age("max-age=300, no-cache"), Some(0));
        assert_eq!(parse_max_age("public"), None);
    }

    #[test]
    fn breaker_trips_after_consecutive_failures_and_resets_on_success() {
        let hosts = Hosts::default();
        hosts.record("r.example", Some("timeout"));
        hosts.record("r.example", Some("timeout"));
        assert_eq!(hosts.skip("r.example", 3), None);
        hosts.record("r.example", None);
        for _ in 0..3 {
            hosts.record("r.example", Some("timeout: global"));
        }
        assert_eq!(
            hosts.skip("r.example", 3).as_deref(),
            Some("skipped: r.example failed 3 requests in a row this run (last: timeout: global)")
        );
        assert_eq!(hosts.skip("other.example", 3), None);
        assert_eq!(authority("http://127.0.0.1:4873/x"), "127.0.0.1:4873");
    }
}
