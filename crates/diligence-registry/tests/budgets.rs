//! Time, size and request budgets against misbehaving servers on 127.0.0.1: a dead host
//! (accepts, never answers), slow-loris servers (one byte at a time, in the head or the
//! body), a huge packument, one fetch per URL however many layers and threads ask, and
//! repeat runs served from the cache (requests counted on the server).

use diligence_registry::{
    Cache, ClientOptions, Mode, NpmConfig, PackumentKind, RegistryClient, RegistryError,
};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A server that accepts connections, reads the request and then sends nothing, ever.
fn dead_host() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream); // keep it open, answer nothing
        }
    });
    url
}

/// A server that sends `head` then `body` one byte every `every`.
fn slow_loris(head: &'static str, body_len: usize, every: Duration) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 4096];
                let _ = stream.read(&mut buf);
                let bytes = head.bytes().chain(std::iter::repeat_n(b' ', body_len));
                for b in bytes {
                    if stream.write_all(&[b]).is_err() {
                        return;
                    }
                    std::thread::sleep(every);
                }
            });
        }
    });
    url
}

/// One request as the server saw it: path and `If-None-Match`.
#[derive(Debug, Clone, PartialEq)]
struct Seen {
    path: String,
    if_none_match: Option<String>,
}

/// `(path, If-None-Match)` → `(status, body, headers)`.
type Handler =
    dyn Fn(&str, Option<&str>) -> (u16, Vec<u8>, Vec<(&'static str, String)>) + Send + Sync;

/// A tiny_http server answering with `handler(path)`; records every request.
fn serve(handler: Arc<Handler>) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/", server.server_addr().to_ip().expect("ip"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let server = Arc::new(server);
    for _ in 0..8 {
        let server = server.clone();
        let log = log.clone();
        let handler = handler.clone();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let header = |name: &'static str| {
                    request
                        .headers()
                        .iter()
                        .find(|h| h.field.equiv(name))
                        .map(|h| h.value.as_str().to_string())
                };
                let if_none_match = header("If-None-Match");
                log.lock().expect("log").push(Seen {
                    path: request.url().to_string(),
                    if_none_match: if_none_match.clone(),
                });
                let (status, body, headers) = handler(request.url(), if_none_match.as_deref());
                let mut response = tiny_http::Response::from_data(body).with_status_code(status);
                for (k, v) in headers {
                    response = response
                        .with_header(tiny_http::Header::from_bytes(k, v.as_bytes()).expect("h"));
                }
                let _ = request.respond(response);
            }
        });
    }
    (url, seen)
}

fn packument(name: &str, versions: &[&str]) -> Vec<u8> {
    let docs: Vec<String> = versions
        .iter()
        .map(|v| {
            format!(
                r#""{v}":{{"name":"{name}","version":"{v}","dist":{{"tarball":"https://registry.npmjs.org/{name}/-/{name}-{v}.tgz","integrity":"sha512-AAAA"}}}}"#
            )
        })
        .collect();
    let latest = versions.last().copied().unwrap_or("");
    format!(
        r#"{{"name":"{name}","dist-tags":{{"latest":"{latest}"}},"versions":{{{}}}}}"#,
        docs.join(",")
    )
    .into_bytes()
}

fn client_for(
    url: &str,
    cache: Option<&std::path::Path>,
    options: ClientOptions,
) -> RegistryClient {
    let config = NpmConfig::from_npmrc(".npmrc", &format!("registry={url}"), &[]).expect("config");
    RegistryClient::new(config, cache.map(Cache::new), options).expect("client")
}

fn quick() -> ClientOptions {
    ClientOptions {
        deadline: Duration::from_secs(2),
        read_timeout: Duration::from_millis(700),
        connect_timeout: Duration::from_secs(1),
        backoff: Duration::from_millis(10),
        ..ClientOptions::default()
    }
}

#[test]
fn a_dead_host_costs_one_deadline_per_url_then_is_skipped() {
    let url = dead_host();
    let c = client_for(&url, None, quick());
    let started = Instant::now();
    let err = c.packument("a").unwrap_err();
    let first = started.elapsed();
    assert!(
        first >= Duration::from_millis(1400) && first < Duration::from_secs(4),
        "{first:?}"
    );
    let RegistryError::Transport { message, .. } = &err else {
        panic!("{err}")
    };
    assert!(message.contains("timeout"), "{message}");
    assert!(message.contains("attempts in"), "{message}");
    // The same URL asked again (another layer): the same error, no new wait.
    let again = Instant::now();
    assert_eq!(c.packument("a").unwrap_err(), err);
    assert!(again.elapsed() < Duration::from_millis(100));
    // Two more URLs fail the same way; from then on the host is skipped at once.
    c.packument("b").unwrap_err();
    c.packument("c").unwrap_err();
    let skipped = Instant::now();
    let err = c.packument("d").unwrap_err();
    assert!(skipped.elapsed() < Duration::from_millis(100));
    assert!(
        err.to_string()
            .contains("failed 3 requests in a row this run"),
        "{err}"
    );
    // Tarball downloads on the dead host are skipped too.
    let err = c.download(&format!("{url}a/-/a-1.0.0.tgz")).unwrap_err();
    assert!(err.to_string().contains("skipped"), "{err}");
}

#[test]
fn parallel_requests_to_a_dead_host_cost_one_deadline_in_all() {
    let url = dead_host();
    let c = Arc::new(client_for(&url, None, quick()));
    let started = Instant::now();
    let names: Vec<String> = (0..40).map(|i| format!("p{i}")).collect();
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let c = c.clone();
            let names = names.clone();
            std::thread::spawn(move || {
                for n in names.iter().skip(t).step_by(8) {
                    assert!(c.packument(n).is_err());
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
    // 40 URLs, 8 at a time, 2 s each would be 10 s serialised; the breaker makes it ~2 s.
    let all = started.elapsed();
    assert!(all < Duration::from_secs(6), "{all:?}");
}

#[test]
fn a_slow_loris_body_is_cut_at_the_deadline() {
    let url = slow_loris(
        "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n",
        100_000,
        Duration::from_millis(50),
    );
    let c = client_for(&url, None, quick());
    let started = Instant::now();
    let err = c.packument("ms").unwrap_err();
    let took = started.elapsed();
    assert!(matches!(err, RegistryError::Transport { .. }), "{err}");
    assert!(took < Duration::from_secs(4), "{took:?}");
}

#[test]
fn a_slow_loris_head_is_cut_at_the_deadline() {
    // One byte of the status line every 300 ms: no single read waits long.
    let url = slow_loris(
        "HTTP/1.1 200 OK\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n",
        0,
        Duration::from_millis(300),
    );
    let c = client_for(&url, None, quick());
    let started = Instant::now();
    let err = c.packument("ms").unwrap_err();
    let took = started.elapsed();
    assert!(matches!(err, RegistryError::Transport { .. }), "{err}");
    assert!(took < Duration::from_secs(4), "{took:?}");
}

#[test]
fn a_huge_packument_is_not_evaluated_and_not_retried() {
    let big = Arc::new(vec![b' '; 3 * 1024 * 1024]);
    let body = big.clone();
    let (url, seen) = serve(Arc::new(move |_, _| (200, body.to_vec(), Vec::new())));
    let options = ClientOptions {
        max_packument_bytes: 1024 * 1024,
        ..quick()
    };
    let c = client_for(&url, None, options);
    let err = c.dists("huge", PackumentKind::Full).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{url}huge: response larger than 1 MiB (limit)")
    );
    // Another layer asks for the full document: no second download.
    assert!(c.packument("huge").is_err());
    assert_eq!(seen.lock().expect("seen").len(), 1);
}

#[test]
fn a_packument_with_too_many_versions_is_not_evaluated() {
    let versions: Vec<String> = (0..2_000).map(|i| format!("1.0.{i}")).collect();
    let refs: Vec<&str> = versions.iter().map(String::as_str).collect();
    let body = packument("many", &refs);
    let (url, _) = serve(Arc::new(move |_, _| (200, body.clone(), Vec::new())));
    let options = ClientOptions {
        max_versions: 1_000,
        ..quick()
    };
    let c = client_for(&url, None, options);
    let err = c.dists("many", PackumentKind::Full).unwrap_err();
    assert_eq!(
        err.to_string(),
        "packument of many: more than 1000 versions (limit)"
    );
    let err = c.packument("many").unwrap_err();
    assert_eq!(
        err.to_string(),
        "packument of many: more than 1000 versions (limit)"
    );
}

#[test]
fn one_fetch_per_url_however_many_layers_and_threads_ask() {
    let body = packument("ms", &["2.1.3"]);
    let (url, seen) = serve(Arc::new(move |_, _| {
        std::thread::sleep(Duration::from_millis(200));
        (200, body.clone(), Vec::new())
    }));
    let cache = tempfile::tempdir().expect("cache");
    let c = Arc::new(client_for(&url, Some(cache.path()), quick()));
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let c = c.clone();
            std::thread::spawn(move || {
                // Layers ask in different shapes: dists for cross-checks, the document for
                // metadata, with the version they need.
                let p = match i % 3 {
                    0 => c.dists("ms", PackumentKind::Full),
                    1 => c.packument("ms"),
                    _ => c.dists_with("ms", PackumentKind::Full, &["2.1.3"]),
                };
                assert!(p.expect("packument").versions.contains_key("2.1.3"));
            })
        })
        .collect();
    for h in handles {
        h.join().expect("thread");
    }
    assert_eq!(seen.lock().expect("seen").len(), 1);

    // Failures are shared too: a 500 is retried within the deadline, then remembered.
    let (url, seen) = serve(Arc::new(|_, _| (500, b"{}".to_vec(), Vec::new())));
    let c = client_for(&url, None, quick());
    let first = c.dists("ms", PackumentKind::Full).unwrap_err();
    let asked = seen.lock().expect("seen").len();
    assert_eq!(asked, 4); // one try and 3 retries
    assert_eq!(c.packument("ms").unwrap_err(), first);
    assert!(c.download(&format!("{url}ms/-/ms-2.1.3.tgz")).is_err());
    c.download(&format!("{url}ms/-/ms-2.1.3.tgz")).unwrap_err();
    assert_eq!(seen.lock().expect("seen").len(), asked + 4);
}

#[test]
fn repeat_runs_use_the_cache_without_asking() {
    let served = Arc::new(Mutex::new(packument("ms", &["2.1.2", "2.1.3"])));
    let body = served.clone();
    let (url, seen) = serve(Arc::new(move |path, _| {
        if path == "/gone" {
            return (404, b"{}".to_vec(), Vec::new());
        }
        (200, body.lock().expect("body").clone(), Vec::new())
    }));
    let cache = tempfile::tempdir().expect("cache");
    let names = ["ms", "debug", "chalk"];
    let first = client_for(&url, Some(cache.path()), ClientOptions::default());
    for n in names {
        first
            .dists(n, PackumentKind::Abbreviated)
            .expect("first run");
    }
    assert!(first.dists("gone", PackumentKind::Abbreviated).is_err());
    assert_eq!(seen.lock().expect("seen").len(), 4);

    // A second run (new client, same cache, default options): no request for what it
    // has, but a 404 is asked again (the name may exist now).
    let second = client_for(&url, Some(cache.path()), ClientOptions::default());
    for n in names {
        let p = second
            .dists_with(n, PackumentKind::Abbreviated, &["2.1.3"])
            .expect("cached");
        assert!(p.versions.contains_key("2.1.3"));
    }
    assert!(second.dists("gone", PackumentKind::Abbreviated).is_err());
    assert_eq!(seen.lock().expect("seen").len(), 5);
    assert_eq!(second.requests_sent(), 1);

    // A version the cached packument does not have is fetched again, once.
    *served.lock().expect("body") = packument("ms", &["2.1.2", "2.1.3", "2.1.4"]);
    let third = client_for(&url, Some(cache.path()), ClientOptions::default());
    let p = third
        .dists_with("ms", PackumentKind::Abbreviated, &["2.1.4"])
        .expect("refetched");
    assert!(p.versions.contains_key("2.1.4"));
    assert_eq!(seen.lock().expect("seen").len(), 6);
    // Later layers of the run see the new document without asking again; a version that
    // does not exist anywhere costs no further request.
    assert!(
        third
            .dists("ms", PackumentKind::Abbreviated)
            .expect("memo")
            .versions
            .contains_key("2.1.4")
    );
    let p = third
        .dists_with("ms", PackumentKind::Abbreviated, &["9.9.9"])
        .expect("no such version");
    assert!(!p.versions.contains_key("9.9.9"));
    assert_eq!(seen.lock().expect("seen").len(), 6);

    // --refresh (max age 0) asks for every packument once.
    let refresh = ClientOptions {
        packument_max_age: Duration::ZERO,
        ..ClientOptions::default()
    };
    let fourth = client_for(&url, Some(cache.path()), refresh);
    for n in names {
        fourth
            .dists(n, PackumentKind::Abbreviated)
            .expect("refreshed");
        fourth.dists(n, PackumentKind::Abbreviated).expect("memo");
    }
    assert_eq!(seen.lock().expect("seen").len(), 9);

    // Offline and prefer-offline never ask for what the cache has.
    for mode in [Mode::Offline, Mode::PreferOffline] {
        let options = ClientOptions {
            mode,
            packument_max_age: Duration::ZERO,
            ..ClientOptions::default()
        };
        let c = client_for(&url, Some(cache.path()), options);
        c.dists("ms", PackumentKind::Abbreviated).expect("cached");
    }
    assert_eq!(seen.lock().expect("seen").len(), 9);
}

#[test]
fn registries_with_validators_are_revalidated_by_etag() {
    let body = packument("ms", &["2.1.3"]);
    let (url, seen) = serve(Arc::new(move |path, if_none_match| {
        let etag = ("ETag", "\"v1\"".to_string());
        if if_none_match == Some("\"v1\"") {
            return (304, Vec::new(), vec![etag]);
        }
        if path.starts_with("/cached") {
            let cc = ("Cache-Control", "public, max-age=300".to_string());
            return (200, body.clone(), vec![etag, cc]);
        }
        (200, body.clone(), vec![etag])
    }));
    let cache = tempfile::tempdir().expect("cache");
    let first = client_for(&url, Some(cache.path()), ClientOptions::default());
    first.dists("ms", PackumentKind::Full).expect("first");
    first.dists("cached", PackumentKind::Full).expect("first");
    let second = client_for(&url, Some(cache.path()), ClientOptions::default());
    let p = second.dists("ms", PackumentKind::Full).expect("304");
    assert!(p.versions.contains_key("2.1.3"));
    second.dists("cached", PackumentKind::Full).expect("fresh");
    let seen = seen.lock().expect("seen");
    // `ms` (ETag, no max-age) is revalidated and answered 304; `cached` (max-age=300) is
    // not asked again.
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[2].path, "/ms");
    assert_eq!(seen[2].if_none_match.as_deref(), Some("\"v1\""));
}
