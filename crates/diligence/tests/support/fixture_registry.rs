//! A tiny npm registry for tests on 127.0.0.1 (tiny_http): serves packuments (`GET /<name>`,
//! scoped names as `@scope%2fname`, same document for the full and the abbreviated Accept
//! header) and tarballs (`GET /<name>/-/<file>.tgz`) built in memory from small package
//! definitions. Packuments follow the registry's documented shape: `dist-tags`, `versions`
//! with `dist.tarball` / `dist.integrity` (sha512 SRI) / `dist.shasum`, `time`,
//! `maintainers`, `_npmUser`, `license`, `repository`.

#![allow(dead_code)]

use base64::Engine;
use sha1::Digest as _;
use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Arc;

/// One version of a fixture package: its package.json fields and files.
#[derive(Clone)]
pub struct FixtureVersion {
    pub name: String,
    pub version: String,
    pub dependencies: Vec<(String, String)>,
    pub scripts: Vec<(String, String)>,
    /// `(path inside the package, content)`; `package.json` is added from the fields above.
    pub files: Vec<(String, String)>,
    /// ISO 8601 publish time.
    pub published: String,
    /// Serve these bytes instead of the built tarball (the packument's integrity matches them).
    pub tarball_bytes: Option<Vec<u8>>,
    /// The version document's package.json fields (a real tarball's own package.json)
    /// instead of the ones built from the fields above.
    pub manifest: Option<serde_json::Value>,
    /// Serve these bytes while the packument keeps the integrity of [`Self::tarball`] (a
    /// registry or cache serving tampered bytes).
    pub served_bytes: Option<Vec<u8>>,
}

impl FixtureVersion {
    pub fn new(name: &str, version: &str, deps: &[(&str, &str)]) -> FixtureVersion {
        FixtureVersion {
            name: name.into(),
            version: version.into(),
            dependencies: deps
                .iter()
                .map(|(n, r)| (n.to_string(), r.to_string()))
                .collect(),
            scripts: Vec::new(),
            files: vec![(
                "index.js".into(),
                "module.exports = function () { return 1; };\n".into(),
            )],
            published: "2022-10-08T20:00:00.000Z".into(),
            tarball_bytes: None,
            manifest: None,
            served_bytes: None,
        }
    }

    /// A real registry tarball: its own package.json is the version document.
    pub fn from_tarball(bytes: Vec<u8>) -> FixtureVersion {
        let gz = flate2::read::GzDecoder::new(&bytes[..]);
        let mut archive = tar::Archive::new(gz);
        let mut manifest = serde_json::Value::Null;
        for entry in archive.entries().unwrap() {
            let mut entry = entry.unwrap();
            let path = entry.path().unwrap().to_string_lossy().into_owned();
            if path.split('/').skip(1).collect::<Vec<_>>() == ["package.json"] {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
                manifest = serde_json::from_str(&text).unwrap();
            }
        }
        let name = manifest["name"].as_str().unwrap().to_string();
        let version = manifest["version"].as_str().unwrap().to_string();
        FixtureVersion {
            tarball_bytes: Some(bytes),
            manifest: Some(manifest),
            ..FixtureVersion::new(&name, &version, &[])
        }
    }

    /// Serves `bytes` for the tarball while the packument keeps the real integrity.
    pub fn serving(mut self, bytes: Vec<u8>) -> FixtureVersion {
        self.served_bytes = Some(bytes);
        self
    }

    pub fn file(mut self, path: &str, content: &str) -> FixtureVersion {
        self.files.push((path.into(), content.into()));
        self
    }

    pub fn script(mut self, name: &str, command: &str) -> FixtureVersion {
        self.scripts.push((name.into(), command.into()));
        self
    }

    fn package_json(&self) -> serde_json::Value {
        if let Some(m) = &self.manifest {
            return m.clone();
        }
        let deps: serde_json::Map<String, serde_json::Value> = self
            .dependencies
            .iter()
            .map(|(n, r)| (n.clone(), r.clone().into()))
            .collect();
        let mut pj = serde_json::json!({
            "name": self.name,
            "version": self.version,
            "description": "fixture",
            "main": "index.js",
            "license": "MIT",
            "repository": {"type": "git", "url": format!("git+https://github.com/fixtures/{}.git", self.name)},
        });
        if !deps.is_empty() {
            pj["dependencies"] = deps.into();
        }
        if !self.scripts.is_empty() {
            let scripts: serde_json::Map<String, serde_json::Value> = self
                .scripts
                .iter()
                .map(|(n, c)| (n.clone(), c.clone().into()))
                .collect();
            pj["scripts"] = scripts.into();
        }
        pj
    }

    /// Serves only the first `len` bytes of the tarball (a truncated download).
    pub fn truncated(mut self, len: usize) -> FixtureVersion {
        let mut bytes = self.tarball();
        bytes.truncate(len);
        self.tarball_bytes = Some(bytes);
        self
    }

    /// The npm tarball: gzip'd tar with everything under `package/`.
    pub fn tarball(&self) -> Vec<u8> {
        if let Some(bytes) = &self.tarball_bytes {
            return bytes.clone();
        }
        let mut tar = tar::Builder::new(Vec::new());
        let pj = serde_json::to_string_pretty(&self.package_json()).unwrap();
        let mut files = vec![("package.json".to_string(), pj)];
        files.extend(self.files.iter().cloned());
        for (path, content) in files {
            let mut header = tar::Header::new_gnu();
            header.set_size(content.len() as u64);
            header.set_mode(0o644);
            header.set_mtime(499_162_500);
            header.set_cksum();
            tar.append_data(&mut header, format!("package/{path}"), content.as_bytes())
                .unwrap();
        }
        let tar = tar.into_inner().unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&tar).unwrap();
        gz.finish().unwrap()
    }
}

/// A running fixture registry; stops when dropped (the server thread ends with the process).
pub struct FixtureRegistry {
    /// `http://127.0.0.1:<port>/`
    pub url: String,
    server: Arc<tiny_http::Server>,
}

impl Drop for FixtureRegistry {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn sri(bytes: &[u8]) -> String {
    let digest = sha2::Sha512::digest(bytes);
    format!(
        "sha512-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn shasum(bytes: &[u8]) -> String {
    sha1::Sha1::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One request the registry answered: its path (without the query) and `User-Agent`.
pub struct Served<'a> {
    pub path: &'a str,
    pub user_agent: &'a str,
}

/// Called after each response; the `(name, tag, version)` it returns move dist-tags for the
/// requests that follow (a maintainer publishing between two steps of a run).
pub type Hook = Box<dyn FnMut(&Served<'_>) -> Vec<(String, String, String)> + Send>;

impl FixtureRegistry {
    /// Starts a registry serving `versions`; `latest` is the highest version given last per
    /// name unless `tags` says otherwise (`(name, tag, version)`).
    pub fn start(versions: &[FixtureVersion], tags: &[(&str, &str, &str)]) -> FixtureRegistry {
        Self::start_with_hook(versions, tags, Box::new(|_| Vec::new()))
    }

    /// [`FixtureRegistry::start`] with `hook` called after every response.
    pub fn start_with_hook(
        versions: &[FixtureVersion],
        tags: &[(&str, &str, &str)],
        mut hook: Hook,
    ) -> FixtureRegistry {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().expect("ip address").port();
        let url = format!("http://127.0.0.1:{port}/");
        let mut routes: BTreeMap<String, (Vec<u8>, &'static str)> = BTreeMap::new();
        let mut packuments: BTreeMap<String, serde_json::Value> = BTreeMap::new();
        for v in versions {
            let tgz = v.tarball();
            let base = v.name.rsplit('/').next().unwrap();
            let path = format!("/{}/-/{base}-{}.tgz", v.name, v.version);
            let mut doc = v.package_json();
            doc["_id"] = format!("{}@{}", v.name, v.version).into();
            doc["_npmUser"] =
                serde_json::json!({"name": "fixture-maintainer", "email": "m@example.invalid"});
            doc["maintainers"] =
                serde_json::json!([{"name": "fixture-maintainer", "email": "m@example.invalid"}]);
            doc["dist"] = serde_json::json!({
                "tarball": format!("http://127.0.0.1:{port}{path}"),
                "integrity": sri(&tgz),
                "shasum": shasum(&tgz),
            });
            let p = packuments.entry(v.name.clone()).or_insert_with(|| {
                serde_json::json!({
                    "name": v.name,
                    "dist-tags": {},
                    "versions": {},
                    "time": {"created": "2012-06-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z"},
                    "maintainers": [{"name": "fixture-maintainer", "email": "m@example.invalid"}],
                    "license": "MIT",
                })
            });
            p["versions"][&v.version] = doc;
            p["time"][&v.version] = v.published.clone().into();
            p["dist-tags"]["latest"] = v.version.clone().into();
            let served = v.served_bytes.clone().unwrap_or(tgz);
            routes.insert(path, (served, "application/octet-stream"));
        }
        for (name, tag, version) in tags {
            packuments.get_mut(*name).unwrap()["dist-tags"][*tag] = (*version).into();
        }
        let packument_route = |name: &str| format!("/{}", name.replace('/', "%2f"));
        let publish = move |routes: &mut BTreeMap<String, (Vec<u8>, &'static str)>,
                            name: &str,
                            doc: &serde_json::Value| {
            let body = serde_json::to_vec(doc).unwrap();
            routes.insert(packument_route(name), (body.clone(), "application/json"));
            if name.contains('/') {
                routes.insert(
                    format!("/{}", name.replace('/', "%2F")),
                    (body, "application/json"),
                );
            }
        };
        for (name, doc) in &packuments {
            publish(&mut routes, name, doc);
        }
        let srv = server.clone();
        std::thread::spawn(move || {
            for request in srv.incoming_requests() {
                let path = request.url().split('?').next().unwrap_or("").to_string();
                let user_agent = request
                    .headers()
                    .iter()
                    .find(|h| h.field.equiv("User-Agent"))
                    .map(|h| h.value.as_str().to_string())
                    .unwrap_or_default();
                let response = match routes.get(&path) {
                    Some((body, ctype)) => tiny_http::Response::from_data(body.clone())
                        .with_header(tiny_http::Header::from_bytes("Content-Type", *ctype).unwrap())
                        .with_status_code(200),
                    None => tiny_http::Response::from_data(b"{\"error\":\"Not found\"}".to_vec())
                        .with_status_code(404),
                };
                let _ = request.respond(response);
                let served = Served {
                    path: &path,
                    user_agent: &user_agent,
                };
                for (name, tag, version) in hook(&served) {
                    let doc = packuments.get_mut(&name).unwrap();
                    doc["dist-tags"][&tag] = version.into();
                    publish(&mut routes, &name, doc);
                }
            }
        });
        FixtureRegistry { url, server }
    }
}
