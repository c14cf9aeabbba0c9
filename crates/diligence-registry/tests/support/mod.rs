//! Test support: a real npm registry (Verdaccio 6.8.0, installed by
//! `scripts/install-test-registry.sh` into `.tools/verdaccio`) started on a free
//! 127.0.0.1 port with its config and storage in a temporary folder, and helpers to publish
//! packages into it through the registry's own publish API (`PUT /<name>`, as `npm publish`
//! does) and to build small tarballs.
//!
//! Set `DILIGENCE_VERDACCIO` to a `verdaccio` executable to use another install.

#![allow(dead_code)]

use base64::Engine;
use sha1::Digest;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running Verdaccio. Killed on drop.
pub struct Verdaccio {
    child: Child,
    /// `http://127.0.0.1:<port>/`
    pub url: String,
    pub port: u16,
    /// Config and storage live here.
    pub dir: tempfile::TempDir,
    /// A publish token of the user `tester`.
    pub token: String,
}

/// Where the Verdaccio executable is.
pub fn verdaccio_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("DILIGENCE_VERDACCIO") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools/verdaccio/node_modules/.bin/verdaccio")
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a free port");
    listener.local_addr().expect("local addr").port()
}

impl Verdaccio {
    /// Starts a registry where packages matching `private_pattern` (e.g. `@private/*`) need
    /// authentication to read, everything else is public, and only `tester` may publish.
    /// No uplinks: the registry serves only what the test publishes.
    pub fn start(private_pattern: &str) -> Verdaccio {
        let bin = verdaccio_bin();
        assert!(
            bin.exists(),
            "Verdaccio not installed at {}: run scripts/install-test-registry.sh",
            bin.display()
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let storage = dir.path().join("storage");
        std::fs::create_dir_all(&storage).expect("storage dir");
        let config = format!(
            "storage: {storage}\n\
             auth:\n  htpasswd:\n    file: {htpasswd}\n    max_users: 10\n\
             uplinks: {{}}\n\
             packages:\n  '{private_pattern}':\n    access: $authenticated\n    publish: $authenticated\n\
             \x20 '**':\n    access: $all\n    publish: $authenticated\n\
             server:\n  keepAliveTimeout: 60\n\
             log: {{ type: stdout, format: pretty, level: error }}\n",
            storage = storage.display(),
            htpasswd = dir.path().join("htpasswd").display(),
        );
        let config_path = dir.path().join("config.yaml");
        std::fs::write(&config_path, config).expect("write config");
        let port = free_port();
        let child = Command::new(&bin)
            .arg("--config")
            .arg(&config_path)
            .arg("--listen")
            .arg(format!("127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start verdaccio");
        let url = format!("http://127.0.0.1:{port}/");
        let mut registry = Verdaccio {
            child,
            url,
            port,
            dir,
            token: String::new(),
        };
        registry.wait_ready();
        registry.token = registry.add_user("tester", "test-password-1");
        registry
    }

    fn wait_ready(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let agent = agent();
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("poll verdaccio") {
                panic!("verdaccio exited early: {status}");
            }
            if let Ok(r) = agent.get(format!("{}-/ping", self.url)).call()
                && r.status().is_success()
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        panic!("verdaccio did not answer /-/ping within 60 s");
    }

    fn add_user(&self, name: &str, password: &str) -> String {
        let body = serde_json::json!({"name": name, "password": password});
        let mut r = agent()
            .put(format!("{}-/user/org.couchdb.user:{name}", self.url))
            .header("content-type", "application/json")
            .send(body.to_string())
            .expect("create user");
        let v: serde_json::Value =
            serde_json::from_slice(&r.body_mut().read_to_vec().expect("body")).expect("json");
        v["token"].as_str().expect("token").to_string()
    }

    /// Publishes a tarball: its `package/package.json` is the manifest; `dist` is computed
    /// from the bytes (sha512 SRI and sha1 shasum), exactly as `npm publish` sends it.
    pub fn publish(&self, tarball: &[u8]) {
        let manifest = package_json(tarball);
        let name = manifest["name"].as_str().expect("name").to_string();
        let version = manifest["version"].as_str().expect("version").to_string();
        let file = format!("{}-{version}.tgz", name.rsplit('/').next().unwrap_or(&name));
        let integrity = format!(
            "sha512-{}",
            base64::engine::general_purpose::STANDARD.encode(sha2::Sha512::digest(tarball))
        );
        let shasum = hex::encode(sha1::Sha1::digest(tarball));
        let mut version_doc = manifest.clone();
        version_doc["_id"] = format!("{name}@{version}").into();
        version_doc["dist"] = serde_json::json!({
            "integrity": integrity,
            "shasum": shasum,
            "tarball": format!("{}{name}/-/{file}", self.url),
        });
        let body = serde_json::json!({
            "_id": name,
            "name": name,
            "dist-tags": {"latest": version},
            "versions": {version.clone(): version_doc},
            "_attachments": {file: {
                "content_type": "application/octet-stream",
                "data": base64::engine::general_purpose::STANDARD.encode(tarball),
                "length": tarball.len(),
            }},
        });
        let escaped = name.replace('/', "%2f");
        let r = agent()
            .put(format!("{}{escaped}", self.url))
            .header("content-type", "application/json")
            .header("authorization", format!("Bearer {}", self.token))
            .send(body.to_string())
            .expect("publish");
        assert!(
            r.status().is_success(),
            "publish {name}@{version}: HTTP {}",
            r.status()
        );
    }

    /// The stored tarball file of a published package (to corrupt it on purpose).
    pub fn stored_tarball(&self, name: &str, version: &str) -> PathBuf {
        let file = format!("{}-{version}.tgz", name.rsplit('/').next().unwrap_or(name));
        self.dir.path().join("storage").join(name).join(file)
    }
}

impl Drop for Verdaccio {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// The `package/package.json` of a gzipped npm tarball.
pub fn package_json(tarball: &[u8]) -> serde_json::Value {
    let gz = flate2::read::GzDecoder::new(tarball);
    let mut archive = tar::Archive::new(gz);
    for entry in archive.entries().expect("tar entries") {
        let mut entry = entry.expect("tar entry");
        let path = entry.path().expect("path").to_string_lossy().into_owned();
        if path.ends_with("package.json") && path.matches('/').count() == 1 {
            let mut text = String::new();
            entry.read_to_string(&mut text).expect("read package.json");
            return serde_json::from_str(&text).expect("package.json");
        }
    }
    panic!("no package/package.json in tarball");
}

/// A small npm tarball with `package/package.json` and `package/index.js`.
pub fn make_tarball(name: &str, version: &str, index_js: &str) -> Vec<u8> {
    let manifest = serde_json::json!({"name": name, "version": version, "main": "index.js"});
    let mut builder = tar::Builder::new(flate2::write::GzEncoder::new(
        Vec::new(),
        flate2::Compression::default(),
    ));
    for (path, body) in [
        ("package/package.json", manifest.to_string()),
        ("package/index.js", index_js.to_string()),
    ] {
        let mut header = tar::Header::new_gnu();
        header.set_size(body.len() as u64);
        header.set_mode(0o644);
        header.set_mtime(499162500);
        header.set_cksum();
        builder
            .append_data(&mut header, path, body.as_bytes())
            .expect("append");
    }
    builder.into_inner().expect("tar").finish().expect("gzip")
}

/// The real tarballs under `tests/fixtures/tarballs` (fetched once from the registry with
/// `npm pack`), as `(file name, bytes)`.
pub fn fixture_tarballs() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tarballs");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read tarball"),
            )
        })
        .collect();
    out.sort();
    out
}

/// The SRI sha512 of bytes.
pub fn sri_sha512(bytes: &[u8]) -> String {
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha512::digest(bytes))
    )
}
