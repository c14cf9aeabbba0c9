//! Client behaviour against a real HTTP server on 127.0.0.1 (tiny_http) that misbehaves on
//! purpose: retries on 503 and 429, a clear 404, the abbreviated `Accept` header, scoped
//! name escaping, and tokens sent only to their own host and path prefix.

use diligence_registry::{
    Cache, ClientOptions, Mode, NpmConfig, PackumentKind, RegistryClient, RegistryError,
};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request as the server saw it: URL, `Accept`, `Authorization`.
type Seen = Arc<Mutex<Vec<(String, String, Option<String>)>>>;

/// Serves `responses` in order (status, body), then 500 forever; records every request.
fn serve(responses: Vec<(u16, &'static str)>) -> (String, Seen) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/", server.server_addr().to_ip().expect("ip"));
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        let mut queue = responses.into_iter();
        for request in server.incoming_requests() {
            let header = |name: &'static str| {
                request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv(name))
                    .map(|h| h.value.as_str().to_string())
            };
            log.lock().expect("log").push((
                request.url().to_string(),
                header("Accept").unwrap_or_default(),
                header("Authorization"),
            ));
            let (status, body) = queue.next().unwrap_or((500, "{}"));
            let mut response = tiny_http::Response::from_string(body).with_status_code(status);
            if status == 429 {
                response = response.with_header(
                    tiny_http::Header::from_bytes("Retry-After", "0").expect("header"),
                );
            }
            let _ = request.respond(response);
        }
    });
    (url, seen)
}

const MS: &str = r#"{"name":"ms","dist-tags":{"latest":"2.1.3"},"versions":{"2.1.3":{"name":"ms","version":"2.1.3","dist":{"tarball":"https://registry.npmjs.org/ms/-/ms-2.1.3.tgz","integrity":"sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==","shasum":"574c8138ce1d2b5861f0b44579dbadd60c6615b2"}}}}"#;

fn client(npmrc: &str, cache: Option<&std::path::Path>) -> RegistryClient {
    let config = NpmConfig::from_npmrc(".npmrc", npmrc, &[]).expect("config");
    let options = ClientOptions {
        mode: Mode::Online,
        retries: 3,
        backoff: Duration::from_millis(10),
        ..ClientOptions::default()
    };
    RegistryClient::new(config, cache.map(Cache::new), options).expect("client")
}

#[test]
fn retries_503_and_429_then_succeeds() {
    let (url, seen) = serve(vec![(503, "busy"), (429, "slow down"), (200, MS)]);
    let c = client(&format!("registry={url}"), None);
    let p = c
        .abbreviated_packument("ms")
        .expect("packument after retries");
    assert_eq!(p.dist_tags["latest"], "2.1.3");
    let seen = seen.lock().expect("seen");
    assert_eq!(seen.len(), 3);
    assert!(seen[0].1.starts_with("application/vnd.npm.install-v1+json"));
}

#[test]
fn gives_up_after_retries_with_the_status() {
    let (url, seen) = serve(vec![(502, ""), (502, ""), (502, ""), (502, "")]);
    let c = client(&format!("registry={url}"), None);
    let err = c.packument("ms").unwrap_err();
    assert_eq!(
        err,
        RegistryError::Http {
            url: format!("{url}ms"),
            status: 502
        }
    );
    assert_eq!(seen.lock().expect("seen").len(), 4);
}

#[test]
fn a_404_is_a_clear_per_package_error() {
    let (url, _) = serve(vec![(404, r#"{"error":"Not found"}"#)]);
    let c = client(&format!("registry={url}"), None);
    let err = c.packument("@corp/missing").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("@corp/missing: not found on the registry ({url}@corp%2fmissing: 404)")
    );
}

#[test]
fn tokens_go_only_to_their_own_prefix() {
    let (url, seen) = serve(vec![(200, MS), (200, MS)]);
    let port = url.trim_end_matches('/').rsplit(':').next().expect("port");
    // The token is configured for /private/ on this host; the default registry is /public/.
    let npmrc = format!(
        "registry={url}public/\n@corp:registry={url}private/\n//127.0.0.1:{port}/private/:_authToken=tok-123\n"
    );
    let c = client(&npmrc, None);
    c.packument("ms").expect("public");
    c.packument("@corp/ms").expect("private");
    let seen = seen.lock().expect("seen");
    assert_eq!(seen[0].0, "/public/ms");
    assert_eq!(seen[0].2, None);
    assert_eq!(seen[1].0, "/private/@corp%2fms");
    assert_eq!(seen[1].2.as_deref(), Some("Bearer tok-123"));
    assert!(!format!("{c:?}").contains("tok-123"));
}

#[test]
fn prefer_offline_uses_the_cache_without_asking() {
    let (url, seen) = serve(vec![(200, MS)]);
    let cache = tempfile::tempdir().expect("cache");
    let c = client(&format!("registry={url}"), Some(cache.path()));
    c.fetch_packument("ms", PackumentKind::Full).expect("first");
    let config = NpmConfig::from_npmrc(".npmrc", &format!("registry={url}"), &[]).expect("config");
    let options = ClientOptions {
        mode: Mode::PreferOffline,
        ..ClientOptions::default()
    };
    let c = RegistryClient::new(config, Some(Cache::new(cache.path())), options).expect("client");
    let p = c
        .fetch_packument("ms", PackumentKind::Full)
        .expect("cached");
    assert_eq!(p.name, "ms");
    assert_eq!(seen.lock().expect("seen").len(), 1);
}

#[test]
fn online_fetches_each_document_once_per_client() {
    let (url, seen) = serve(vec![(200, MS)]);
    let cache = tempfile::tempdir().expect("cache");
    let c = client(&format!("registry={url}"), Some(cache.path()));
    // The cross-check reads dists, the metadata checks the full document: one request.
    c.dists("ms", PackumentKind::Full).expect("dists");
    let p = c.packument("ms").expect("full");
    assert_eq!(p.name, "ms");
    assert_eq!(seen.lock().expect("seen").len(), 1);
}

/// A minimal CONNECT proxy on 127.0.0.1: records each CONNECT target, then tunnels bytes.
fn connect_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind proxy");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(mut client) = client else { continue };
            let mut reader = BufReader::new(client.try_clone().expect("clone"));
            let mut first = String::new();
            if reader.read_line(&mut first).is_err() {
                continue;
            }
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).is_err() || line == "\r\n" || line.is_empty() {
                    break;
                }
            }
            let target = first.split_whitespace().nth(1).unwrap_or("").to_string();
            log.lock().expect("log").push(first.trim().to_string());
            let Ok(upstream) = std::net::TcpStream::connect(&target) else {
                continue;
            };
            let _ = client.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
            let mut up_read = upstream.try_clone().expect("clone");
            let mut up_write = upstream;
            let mut client_write = client.try_clone().expect("clone");
            std::thread::spawn(move || {
                let _ = std::io::copy(&mut reader, &mut up_write);
            });
            let _ = std::io::copy(&mut up_read, &mut client_write);
        }
    });
    (url, seen)
}

#[test]
fn npmrc_proxy_is_used() {
    let (registry, requests) = serve(vec![(200, MS)]);
    let (proxy, connects) = connect_proxy();
    let c = client(&format!("registry={registry}\nhttps-proxy={proxy}\n"), None);
    let p = c.packument("ms").expect("through the proxy");
    assert_eq!(p.name, "ms");
    let host = registry.trim_start_matches("http://").trim_end_matches('/');
    assert_eq!(
        connects.lock().expect("connects").as_slice(),
        [format!("CONNECT {host} HTTP/1.1")]
    );
    assert_eq!(requests.lock().expect("requests").len(), 1);
}
