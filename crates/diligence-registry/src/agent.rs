//! The HTTP agent of the registry client: TLS roots (`cafile`/`ca`, else the platform
//! verifier, so a proxy CA installed in the system store is trusted; `strict-ssl=false`
//! disables verification; `cafile` is read size-bounded), phase timeouts, connection pool,
//! and the npm `proxy`/`https-proxy` with `noproxy`. Without a configured proxy, ureq reads
//! `HTTPS_PROXY`/`HTTP_PROXY`/`NO_PROXY`.

use crate::client::{ClientOptions, RegistryError, redact_url};
use crate::config::NpmConfig;

/// Builds the agent for `config`. Errors: unreadable or invalid `cafile`/`ca`, a bad proxy URL.
pub(crate) fn build_agent(
    config: &NpmConfig,
    options: &ClientOptions,
) -> Result<ureq::Agent, RegistryError> {
    use ureq::tls::{Certificate, PemItem, RootCerts, TlsConfig};
    let mut roots: Vec<Certificate<'static>> = Vec::new();
    let mut pems: Vec<Vec<u8>> = config.ca.iter().map(|c| c.clone().into_bytes()).collect();
    if let Some(path) = &config.cafile {
        // Bounded: `cafile=/dev/zero` once read until the kernel killed the process.
        let bytes =
            crate::bounded::read_bounded(path, crate::bounded::MAX_CAFILE_BYTES).map_err(|e| {
                let why = match e {
                    crate::bounded::BoundedReadError::NotFound => "cannot read: not found".into(),
                    e => e.to_string(),
                };
                RegistryError::Config(format!("cafile {}: {why}", path.display()))
            })?;
        pems.push(bytes);
    }
    for pem in &pems {
        for item in ureq::tls::parse_pem(pem) {
            match item {
                Ok(PemItem::Certificate(c)) => roots.push(c),
                Ok(_) => {}
                Err(e) => return Err(RegistryError::Config(format!("cafile/ca: {e}"))),
            }
        }
    }
    let root_certs = if roots.is_empty() {
        RootCerts::PlatformVerifier
    } else {
        RootCerts::new_with_certs(&roots)
    };
    let tls = TlsConfig::builder()
        .root_certs(root_certs)
        .disable_verification(!config.strict_ssl)
        .build();
    let mut builder = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .tls_config(tls)
        // The per-URL deadline is set on each request (what is left of it); these bound
        // each phase so a stalled attempt leaves time for a retry.
        .timeout_connect(Some(options.connect_timeout))
        .timeout_recv_response(Some(options.read_timeout))
        .timeout_per_read(Some(options.read_timeout))
        .max_idle_connections_per_host(options.concurrency.max(4))
        .user_agent(concat!("diligence/", env!("CARGO_PKG_VERSION")));
    if let Some(proxy) = &config.proxy {
        builder = builder.proxy(Some(build_proxy(proxy, &config.noproxy)?));
    }
    Ok(builder.build().into())
}

pub(crate) fn build_proxy(proxy: &str, noproxy: &[String]) -> Result<ureq::Proxy, RegistryError> {
    let bad = |m: String| RegistryError::Config(format!("proxy {}: {m}", redact_url(proxy)));
    let parsed = url::Url::parse(proxy).map_err(|e| bad(e.to_string()))?;
    let protocol = match parsed.scheme() {
        "http" => ureq::ProxyProtocol::Http,
        "https" => ureq::ProxyProtocol::Https,
        "socks4" => ureq::ProxyProtocol::Socks4,
        "socks4a" => ureq::ProxyProtocol::Socks4A,
        "socks5" | "socks" => ureq::ProxyProtocol::Socks5,
        other => return Err(bad(format!("unsupported scheme `{other}`"))),
    };
    let host = parsed.host_str().ok_or_else(|| bad("no host".into()))?;
    let mut b = ureq::Proxy::builder(protocol).host(host);
    if let Some(port) = parsed.port() {
        b = b.port(port);
    }
    if !parsed.username().is_empty() {
        b = b.username(parsed.username());
    }
    if let Some(p) = parsed.password() {
        b = b.password(p);
    }
    for host in noproxy {
        b = b.no_proxy(host);
    }
    b.build().map_err(|e| bad(e.to_string()))
}
