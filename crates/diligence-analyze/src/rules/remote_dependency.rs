//! `code/remote-dependency`.

use super::finding;
use crate::CodeFinding;
use crate::signal::{Kind, PackageFacts, Signal};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A published manifest installs a dependency from a URL or git instead of the registry.
    ///
    /// ## What it detects
    /// `dependencies`, `optionalDependencies` and `peerDependencies` (npm 7+ installs peers) whose specifier is an
    /// `http(s)://` tarball URL, a git URL (`git+ssh://`, `git://`, `github:`, `user/repo`), in the tarball's
    /// `package.json` or the registry's version document. Critical for plain `http://` or a raw IP address (nothing
    /// verifies what is served); high for another `https://` host; medium for git.
    ///
    /// ## Why it matters
    /// PhantomRaven (2025) published clean-looking packages whose dependencies were `http://` URLs on the attacker's
    /// server: registry scanners saw no code, and the server decided per request what each installer got, install
    /// script included. A URL dependency also escapes the lockfile's registry integrity.
    ///
    /// ## Example
    /// `"dependencies": { "ui-kit": "http://203.0.113.5/ui-kit-1.0.0.tgz" }`
    ///
    /// ## Known false positives
    /// Old packages sometimes pin a fork from GitHub; git specifiers are medium, which never makes a package
    /// suspicious alone. Tarball URLs on the npm registry itself are not reported; `devDependencies` are never
    /// installed for a registry dependency and are not read.
    pub static REMOTE_DEPENDENCY = { id: "code/remote-dependency", severity: Severity::High };
}

const FIELDS: &[&str] = &["dependencies", "optionalDependencies", "peerDependencies"];

/// One finding per remote specifier.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let Some(f) = p.file("package.json") else {
        return Vec::new();
    };
    let text = f.text.as_deref().unwrap_or("");
    let mut out: Vec<CodeFinding> = Vec::new();
    let docs = std::iter::once(&p.manifest).chain(p.registry_manifest.as_ref());
    for doc in docs {
        for field in FIELDS {
            let Some(deps) = doc.get(*field).and_then(|d| d.as_object()) else {
                continue;
            };
            for (name, spec) in deps {
                let Some(spec) = spec.as_str() else { continue };
                let Some((severity, what)) = classify(spec) else {
                    continue;
                };
                if out.iter().any(|o| o.message.contains(&format!("`{name}`"))) {
                    continue;
                }
                let s = Signal {
                    kind: Kind::Manifest,
                    line: line_of(text, name, spec),
                    func: 0,
                    detail: format!("{name}: {spec}"),
                };
                let msg = format!("{field} `{name}` is installed from {what}: `{spec}`");
                let ev = vec![super::ev(f, &s)];
                out.push(finding(
                    &REMOTE_DEPENDENCY,
                    severity,
                    f,
                    &s,
                    Locality::Function,
                    msg,
                    ev,
                ));
            }
        }
    }
    out
}

/// Severity and description of a non-registry specifier; `None` for registry ranges, tags,
/// `npm:` aliases, `workspace:`/`file:`/`link:` (which do not install from a registry package).
fn classify(spec: &str) -> Option<(Severity, &'static str)> {
    let s = spec.trim();
    let lower = s.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("http://")
        .map(|r| (r, false))
        .or_else(|| lower.strip_prefix("https://").map(|r| (r, true)))
    {
        let (rest, tls) = rest;
        let host = rest.split(['/', ':', '?', '#']).next().unwrap_or("");
        let host = host.rsplit('@').next().unwrap_or(host);
        if matches!(host, "registry.npmjs.org" | "registry.yarnpkg.com") {
            return None;
        }
        let ip = host.split('.').count() == 4 && host.split('.').all(|o| o.parse::<u8>().is_ok());
        return Some(match (tls, ip) {
            (_, true) => (Severity::Critical, "a raw IP address"),
            (false, _) => (Severity::Critical, "a plain-HTTP URL"),
            (true, _) => (
                REMOTE_DEPENDENCY.default_severity,
                "a URL outside the registry",
            ),
        });
    }
    let git = [
        "git+",
        "git://",
        "github:",
        "gitlab:",
        "bitbucket:",
        "gist:",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    // `user/repo` or `user/repo#ref` GitHub shorthand (not a scope, not a path, not a range).
    let shorthand = !s.starts_with(['@', '.', '/', '~', '^', '<', '>', '=', '*'])
        && !s.contains(':')
        && !s.contains(' ')
        && s.split('#').next().is_some_and(|r| {
            let mut parts = r.split('/');
            matches!((parts.next(), parts.next(), parts.next()), (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty())
        });
    (git || shorthand).then_some((Severity::Medium, "git"))
}

fn line_of(text: &str, name: &str, spec: &str) -> u32 {
    let needle = format!("\"{name}\"");
    let at = text
        .match_indices(&needle)
        .find(|(i, _)| text[*i..].lines().next().is_some_and(|l| l.contains(spec)))
        .map(|(i, _)| i)
        .or_else(|| text.find(&needle));
    at.map_or(0, |at| {
        text[..at].bytes().filter(|b| *b == b'\n').count() as u32 + 1
    })
}

#[cfg(test)]
mod tests {
    use super::classify;
    use crate::Verdict;
    use crate::rules::test_util::{hits, scan};
    use diligence_finding::Severity;

    #[test]
    fn positive_http_and_raw_ip() {
        let s = scan(&[(
            "package.json",
            "{\n  \"name\": \"t\",\n  \"dependencies\": {\n    \"a\": \"^1.0.0\",\n    \"b\": \"http://pkgs.example.net/npm/b\",\n    \"c\": \"https://203.0.113.4/c-1.0.0.tgz\"\n  }\n}\n",
        )]);
        assert_eq!(
            hits(&s, "code/remote-dependency"),
            vec![
                ("package.json".to_string(), 5),
                ("package.json".to_string(), 6)
            ]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    #[test]
    fn negative_registry_specifiers() {
        for spec in [
            "^1.2.3",
            "latest",
            "npm:other@^2",
            "1.x || 2.x",
            ">=1 <2",
            "workspace:*",
            "file:../x",
            "https://registry.npmjs.org/a/-/a-1.0.0.tgz",
        ] {
            assert_eq!(classify(spec), None, "{spec}");
        }
        assert_eq!(
            classify("github:o_x/r#v1").map(|c| c.0),
            Some(Severity::Medium)
        );
        assert_eq!(classify("o_x/r").map(|c| c.0), Some(Severity::Medium));
        assert_eq!(
            classify("https://cdn.example.net/r.tgz").map(|c| c.0),
            Some(Severity::High)
        );
    }

    /// A git dependency alone (an old fork pin) is medium: the package stays clean.
    #[test]
    fn git_dependency_alone_is_clean() {
        let s = scan(&[(
            "package.json",
            "{\"name\":\"t\",\"dependencies\":{\"x\":\"git+https://github.com/o_x/x.git#abc123\"}}",
        )]);
        assert_eq!(hits(&s, "code/remote-dependency").len(), 1);
        assert_eq!(s.verdict, Verdict::Clean);
    }
}
