//! The project `.npmrc` trust boundary against a real HTTP server on 127.0.0.1, asserting on
//! what the server received: a pull request's `.npmrc` cannot send a CI secret (or any
//! credential) to a host the user has not allowlisted, cannot widen TLS/proxy settings to
//! read the user's own tokens, and cannot make diligence read `cafile=/dev/zero` or an
//! endless `.npmrc`.

use diligence_registry::{
    ClientOptions, ConfigWarningKind, NpmConfig, RegistryClient, RegistryError,
};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const SECRET: &str = "ci-secret-0123456789";

const MS: &str = r#"{"name":"ms","dist-tags":{"latest":"2.1.3"},"versions":{"2.1.3":{"name":"ms","version":"2.1.3","dist":{"tarball":"https://registry.npmjs.org/ms/-/ms-2.1.3.tgz","integrity":"sha512-AAAA"}}}}"#;

/// (path, Authorization) of every request.
type Seen = Arc<Mutex<Vec<(String, Option<String>)>>>;

fn serve() -> (String, u16, Seen) {
    let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
    let addr = server.server_addr().to_ip().expect("ip");
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    std::thread::spawn(move || {
        for request in server.incoming_requests() {
            let auth = request
                .headers()
                .iter()
                .find(|h| h.field.equiv("Authorization"))
                .map(|h| h.value.as_str().to_string());
            log.lock()
                .expect("log")
                .push((request.url().to_string(), auth));
            let _ = request.respond(tiny_http::Response::from_string(MS));
        }
    });
    (format!("http://{addr}/"), addr.port(), seen)
}

fn env(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut e = vec![("CI_SECRET".to_string(), SECRET.to_string())];
    e.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    e
}

/// A project folder with `npmrc` and a home folder with `user_npmrc`.
fn dirs(npmrc: &str, user_npmrc: &str) -> (tempfile::TempDir, tempfile::TempDir) {
    let project = tempfile::tempdir().expect("project");
    std::fs::write(project.path().join(".npmrc"), npmrc).expect("npmrc");
    let home = tempfile::tempdir().expect("home");
    std::fs::write(home.path().join(".npmrc"), user_npmrc).expect("user npmrc");
    (project, home)
}

fn fetch(config: NpmConfig) {
    let options = ClientOptions {
        retries: 0,
        ..ClientOptions::default()
    };
    let c = RegistryClient::new(config, None, options).expect("client");
    c.packument("ms").expect("packument");
}

#[test]
fn a_project_secret_for_a_host_not_allowlisted_is_never_sent() {
    let (url, port, seen) = serve();
    let (project, home) = dirs(
        &format!("registry={url}\n//127.0.0.1:{port}/:_authToken=${{CI_SECRET}}\n"),
        "",
    );
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &env(&[])).expect("cfg");
    assert!(config.credentials.is_empty());
    assert_eq!(config.warnings.len(), 1);
    let w = &config.warnings[0];
    assert_eq!(w.line, 2);
    assert_eq!(
        w.host.as_deref(),
        Some(format!("127.0.0.1:{port}").as_str())
    );
    assert_eq!(
        w.kind,
        ConfigWarningKind::EnvNotExpanded {
            variables: vec!["CI_SECRET".into()]
        }
    );
    let text = format!("{w} {config:?}");
    assert!(!text.contains(SECRET), "{text}");
    fetch(config);
    assert_eq!(
        seen.lock().expect("seen").as_slice(),
        [("/ms".to_string(), None)]
    );
}

#[test]
fn an_allowlisted_host_gets_the_project_credential() {
    let (url, port, seen) = serve();
    let (project, home) = dirs(
        &format!("registry={url}\n//127.0.0.1:{port}/:_authToken=${{CI_SECRET}}\n"),
        "",
    );
    let allow = format!("127.0.0.1:{port}");
    let e = env(&[("DILIGENCE_ALLOW_PROJECT_CREDENTIALS", &allow)]);
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &e).expect("cfg");
    assert_eq!(config.warnings, vec![]);
    fetch(config);
    assert_eq!(
        seen.lock().expect("seen").as_slice(),
        [("/ms".to_string(), Some(format!("Bearer {SECRET}")))]
    );
    // The host without its port is another allowlist entry: not enough.
    let e = env(&[("DILIGENCE_ALLOW_PROJECT_CREDENTIALS", "127.0.0.1")]);
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &e).expect("cfg");
    assert!(config.credentials.is_empty());
}

#[test]
fn literal_project_tokens_and_secrets_in_urls_are_refused_too() {
    let (url, port, seen) = serve();
    let (project, home) = dirs(
        &format!(
            "registry={url}${{CI_SECRET}}/\n//127.0.0.1:{port}/:_authToken=literal-token\n//127.0.0.1:{port}/:_auth=dTpw\n"
        ),
        &format!("registry={url}\n"),
    );
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &env(&[])).expect("cfg");
    let kinds: Vec<(u32, &ConfigWarningKind)> =
        config.warnings.iter().map(|w| (w.line, &w.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            (
                1,
                &ConfigWarningKind::EnvNotExpanded {
                    variables: vec!["CI_SECRET".into()]
                }
            ),
            (2, &ConfigWarningKind::CredentialWithheld),
            (3, &ConfigWarningKind::CredentialWithheld),
        ]
    );
    // The refused `registry` falls back to the user's.
    assert_eq!(config.registry, url);
    fetch(config);
    assert_eq!(
        seen.lock().expect("seen").as_slice(),
        [("/ms".to_string(), None)]
    );
}

#[test]
fn user_tokens_go_to_their_host_unless_the_project_changes_tls_or_proxy() {
    let (url, port, seen) = serve();
    let user = format!("registry={url}\n//127.0.0.1:{port}/:_authToken=user-token\n");
    // The project only names the registry: the user's token goes to its own host.
    let (project, home) = dirs(&format!("registry={url}\n"), &user);
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &env(&[])).expect("cfg");
    fetch(config);
    // The project turns TLS verification off or sets a proxy: the token is withheld.
    for setting in [
        "strict-ssl=false",
        "https-proxy=http://127.0.0.1:9/",
        "cafile=ca.pem",
    ] {
        let (project, home) = dirs(&format!("registry={url}\n{setting}\n"), &user);
        let config =
            NpmConfig::load_with(project.path(), Some(home.path()), &env(&[])).expect("cfg");
        assert_eq!(config.warnings.len(), 1, "{setting}");
        assert_eq!(config.warnings[0].kind, ConfigWarningKind::TransportSetting);
        assert_eq!(
            config.warnings[0].host,
            Some(format!("127.0.0.1:{port}")),
            "{setting}"
        );
        assert!(config.credentials.is_empty(), "{setting}");
    }
    // Without a credential to withhold, a project CA or proxy is no finding.
    let (project, home) = dirs(
        &format!(
            "registry={url}
cafile=ca.pem
"
        ),
        "",
    );
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &env(&[])).expect("cfg");
    assert_eq!(config.warnings, vec![]);
    let (project, home) = dirs(&format!("registry={url}\nstrict-ssl=false\n"), &user);
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &env(&[])).expect("cfg");
    fetch(config);
    assert_eq!(
        seen.lock().expect("seen").as_slice(),
        [
            ("/ms".to_string(), Some("Bearer user-token".to_string())),
            ("/ms".to_string(), None)
        ]
    );
}

#[test]
fn cafile_dev_zero_is_refused_at_once() {
    let (project, home) = dirs("cafile=/dev/zero\n", "");
    let config = NpmConfig::load_with(project.path(), Some(home.path()), &[]).expect("cfg");
    let started = Instant::now();
    let err = RegistryClient::new(config, None, ClientOptions::default()).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(
        err,
        RegistryError::Config("cafile /dev/zero: not a regular file".into())
    );
    // A regular cafile over the limit is refused without reading it all.
    let big = project.path().join("big.pem");
    std::fs::write(&big, vec![b'A'; 5 * 1024 * 1024]).expect("big");
    let text = format!("cafile={}\n", big.display());
    let config = NpmConfig::from_npmrc(".npmrc", &text, &[]).expect("cfg");
    let err = RegistryClient::new(config, None, ClientOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "npm config: cafile {}: larger than 4 MiB (limit)",
            big.display()
        )
    );
}

#[test]
fn npmrc_files_are_read_bounded() {
    let project = tempfile::tempdir().expect("project");
    let npmrc = project.path().join(".npmrc");
    std::os::unix::fs::symlink("/dev/zero", &npmrc).expect("symlink");
    let err = NpmConfig::load_with(project.path(), None, &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: not a regular file", npmrc.display())
    );
    std::fs::remove_file(&npmrc).expect("rm");
    std::fs::write(&npmrc, vec![b'#'; 2 * 1024 * 1024]).expect("big");
    let err = NpmConfig::load_with(project.path(), None, &[]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: larger than 1 MiB (limit)", npmrc.display())
    );
    // $NPM_CONFIG_USERCONFIG=/dev/null (npm's "no user config") reads as empty.
    std::fs::remove_file(&npmrc).expect("rm");
    let e = vec![("npm_config_userconfig".to_string(), "/dev/null".to_string())];
    let config = NpmConfig::load_with(project.path(), None, &e).expect("cfg");
    assert_eq!(config.registry, "https://registry.npmjs.org/");
    let _ = Path::new("/dev/null");
}
