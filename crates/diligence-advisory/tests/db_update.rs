//! Done-when (b): `db update` from a local HTTP server on 127.0.0.1 serving a zip built here
//! from the fixture records; a corrupt, truncated or failed download leaves the previous index
//! usable. Done-when (c): the Datadog manifest as an extra malware source.

use diligence_advisory::{AdvisoryDb, AdvisoryError, AdvisoryKind, update_dir};
use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

fn advisories_dir() -> PathBuf {
    diligence_testkit::corpus("advisories")
        .expect("shared corpus: the test calls corpus_or_skip! first")
}

/// The OSV export layout: one `<id>.json` per record at the zip root.
fn fixture_zip() -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(advisories_dir().join("osv"))
        .expect("osv fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for path in files {
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        writer.start_file(name, options).expect("zip entry");
        writer
            .write_all(&std::fs::read(&path).expect("fixture"))
            .expect("zip write");
    }
    writer.finish().expect("zip finish").into_inner()
}

enum Reply {
    Ok(Vec<u8>),
    Status(u16),
}

/// Serves one reply per request, in order, on 127.0.0.1; returns the base URL.
fn serve(replies: Vec<Reply>) -> (String, JoinHandle<()>) {
    let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
    let port = server.server_addr().to_ip().expect("ip address").port();
    let handle = std::thread::spawn(move || {
        for reply in replies {
            let Ok(request) = server.recv() else { return };
            match reply {
                Reply::Ok(body) => {
                    let _ = request.respond(tiny_http::Response::from_data(body));
                }
                Reply::Status(code) => {
                    let _ = request.respond(tiny_http::Response::empty(code));
                }
            }
        }
    });
    (format!("http://127.0.0.1:{port}/npm/all.zip"), handle)
}

/// An interrupted download: the headers promise the full length, half the body is sent, then
/// the socket closes. (A plain socket, because tiny_http keeps connections open.)
fn serve_truncated(body: Vec<u8>) -> (String, JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().expect("addr").port();
    let handle = std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut request = Vec::new();
        let mut buf = [0u8; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => return,
                Ok(n) => request.extend_from_slice(&buf[..n]),
            }
        }
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(&body[..body.len() / 2]);
        let _ = stream.shutdown(std::net::Shutdown::Both);
    });
    (format!("http://127.0.0.1:{port}/npm/all.zip"), handle)
}

#[test]
fn update_from_http_then_failed_updates_keep_the_previous_index() {
    diligence_testkit::corpus_or_skip!("advisories");
    let zip = fixture_zip();
    let (url, server) = serve(vec![
        Reply::Ok(zip.clone()),
        Reply::Ok(b"<html>captive portal</html>".to_vec()),
        Reply::Status(500),
    ]);
    let (truncated_url, truncated_server) = serve_truncated(zip);
    let cache = tempfile::tempdir().expect("tempdir");

    let status = update_dir(cache.path(), &[&url]).expect("first update");
    assert_eq!(status.source, url);
    assert_eq!(status.withdrawn, 4);
    assert_eq!(status.malware + status.vulnerability, 60);
    let before = AdvisoryDb::open_dir(cache.path()).expect("index opens");
    assert_eq!(before.status(), &status);
    let hits = before.matches("minimist", "1.2.5").expect("lookup");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].advisory.id, "GHSA-xvch-5gv4-984h");
    assert_eq!(hits[0].fixed.as_deref(), Some("1.2.6"));

    // Not a zip (an HTML page): refused, old index intact.
    let err = update_dir(cache.path(), &[&url]).expect_err("garbage refused");
    assert!(matches!(err, AdvisoryError::Parse { .. }), "{err}");
    assert!(err.to_string().starts_with(&url), "{err}");
    // Connection closed half-way: refused.
    let err = update_dir(cache.path(), &[&truncated_url]).expect_err("truncated refused");
    assert!(
        matches!(
            err,
            AdvisoryError::Download { .. } | AdvisoryError::Zip { .. }
        ),
        "{err}"
    );
    // Server error: refused.
    let err = update_dir(cache.path(), &[&url]).expect_err("500 refused");
    assert!(matches!(err, AdvisoryError::Download { .. }), "{err}");
    server.join().expect("server thread");
    truncated_server.join().expect("server thread");

    let after = AdvisoryDb::open_dir(cache.path()).expect("previous index still opens");
    assert_eq!(after.status(), &status);
    assert_eq!(after.matches("minimist", "1.2.5").expect("lookup").len(), 1);
    let leftovers: Vec<_> = std::fs::read_dir(cache.path())
        .expect("cache dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(leftovers, vec!["advisories.idx".to_string()]);
}

#[test]
fn unreachable_source_is_an_error_not_an_empty_database() {
    // Port 9 on 127.0.0.1 (discard) is not listening in the test environment.
    let cache = tempfile::tempdir().expect("tempdir");
    let err = update_dir(cache.path(), &["http://127.0.0.1:9/all.zip"]).expect_err("refused");
    assert!(matches!(err, AdvisoryError::Download { .. }), "{err}");
    assert!(matches!(
        AdvisoryDb::open_dir(cache.path()),
        Err(AdvisoryError::NoDatabase { .. })
    ));
}

#[test]
fn corrupt_index_file_is_refused() {
    diligence_testkit::corpus_or_skip!("advisories");
    let cache = tempfile::tempdir().expect("tempdir");
    let osv = advisories_dir().join("osv");
    update_dir(cache.path(), &[osv.to_str().expect("utf-8")]).expect("update from folder");
    let index = cache.path().join("advisories.idx");
    let mut bytes = std::fs::read(&index).expect("index");
    bytes.truncate(bytes.len() / 3);
    std::fs::write(&index, &bytes).expect("write");
    let err = AdvisoryDb::open_dir(cache.path()).expect_err("corrupt refused");
    assert!(matches!(err, AdvisoryError::CorruptIndex { .. }), "{err}");
    std::fs::write(&index, b"garbage").expect("write");
    assert!(matches!(
        AdvisoryDb::open_dir(cache.path()),
        Err(AdvisoryError::CorruptIndex { .. })
    ));
}

#[test]
fn empty_source_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = update_dir(dir.path(), &[dir.path().to_str().expect("utf-8")]).expect_err("empty");
    assert!(matches!(err, AdvisoryError::Empty { .. }), "{err}");
}

#[test]
fn datadog_manifest_imports_as_malware() {
    diligence_testkit::corpus_or_skip!("advisories");
    let manifest = advisories_dir().join("datadog-npm-manifest.json");
    let db = AdvisoryDb::load_source(manifest.to_str().expect("utf-8")).expect("manifest loads");
    let s = db.status();
    assert_eq!(s.malware, 2711);
    assert_eq!(s.vulnerability, 0);
    assert_eq!(s.packages, 2711);
    let hits = db.matches("000webhost-admin", "999.9.9").expect("lookup");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].advisory.id, "DATADOG-000webhost-admin");
    assert_eq!(hits[0].advisory.kind, AdvisoryKind::Malware);
    assert!(
        db.matches("000webhost-admin", "1.0.0")
            .expect("lookup")
            .is_empty()
    );
    // Scoped names and odd versions are kept exactly.
    let scoped = db.matches("@0xengine/xmlrpc", "1.3.17").expect("lookup");
    assert_eq!(scoped.len(), 1);
}

#[test]
fn datadog_manifest_merges_with_osv() {
    diligence_testkit::corpus_or_skip!("advisories");
    let manifest = advisories_dir().join("datadog-npm-manifest.json");
    let osv = advisories_dir().join("osv");
    let db = AdvisoryDb::load_sources(&[
        osv.to_str().expect("utf-8"),
        manifest.to_str().expect("utf-8"),
    ])
    .expect("merged");
    // @0xengine/xmlrpc: MAL-2024-11182 (every version) and the Datadog list (1.3.17, 1.3.18).
    let mut ids: Vec<String> = db
        .matches("@0xengine/xmlrpc", "1.3.18")
        .expect("lookup")
        .into_iter()
        .map(|m| m.advisory.id)
        .collect();
    ids.sort();
    assert_eq!(ids, vec!["DATADOG-@0xengine/xmlrpc", "MAL-2024-11182"]);
    let only_mal = db.matches("@0xengine/xmlrpc", "0.0.1").expect("lookup");
    assert_eq!(only_mal.len(), 1);
}

#[test]
fn null_means_every_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("manifest.json");
    std::fs::write(&path, r#"{"evil-pkg": null, "other": ["1.0.0"]}"#).expect("write");
    let db = AdvisoryDb::load_source(path.to_str().expect("utf-8")).expect("load");
    assert_eq!(
        db.matches("evil-pkg", "0.0.1-alpha").expect("lookup").len(),
        1
    );
    assert_eq!(db.matches("evil-pkg", "99.1.0").expect("lookup").len(), 1);
    assert!(db.matches("other", "1.0.1").expect("lookup").is_empty());
}

#[test]
fn bad_json_names_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("GHSA-bad.json"), "{\"id\": \"GHSA-bad\", ").expect("write");
    let err = AdvisoryDb::load_source(dir.path().to_str().expect("utf-8")).expect_err("bad json");
    let text = err.to_string();
    assert!(text.contains("GHSA-bad.json"), "{text}");
    assert!(!text.contains('\n'), "{text}");
}
