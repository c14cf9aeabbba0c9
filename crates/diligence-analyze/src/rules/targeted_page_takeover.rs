//! `code/targeted-page-takeover`.

use super::{chain, finding};
use crate::CodeFinding;
use crate::classify::FileKind;
use crate::signal::{FileFacts, Kind, PackageFacts};
use crate::verdict::Locality;
use diligence_finding::Severity;

diligence_finding::declare_rule! {
    /// A library that, when it loads, opens windows, shows alerts or redirects the page for visitors of some time zones, locales or countries.
    ///
    /// ## What it detects
    /// In one JavaScript module that an entry point loads (not a bundle): a call that takes over the visitor's page
    /// — `window.open`, `alert`, `location.replace`, `location.assign` — in code that runs when the module loads
    /// (module scope, an immediately invoked function, a timer or callback it registers), next to a targeting gate
    /// read at load: the time zone or locale (`Intl.DateTimeFormat().resolvedOptions().timeZone`) or a country
    /// from an IP-geolocation lookup. Critical. Also, in a module or an HTML page an entry point reaches, wherever
    /// it runs: a redirect (`location.replace`, `location.assign`) in code that downloads and decrypts
    /// (`crypto.subtle.decrypt`, `crypto.createDecipheriv`): the destination is fetched encrypted so that
    /// neither the package nor its traffic shows it. Critical.
    ///
    /// ## Why it matters
    /// In March 2022 event-source-polyfill 1.0.26 and es5-ext added code that, for visitors whose time zone was in
    /// Russia or Belarus, showed an alert and opened a page with a political appeal, on every site that bundled
    /// them. The library's users never asked for it and their visitors see it: protestware that hijacks other
    /// people's pages, run once per browser behind a `localStorage` flag so that testing rarely shows it. Since
    /// 2023 npm has also served phishing pages through its CDN mirrors (unpkg, jsDelivr): fake Cloudflare
    /// "verify you are human" pages and document viewers (the 2025 beamglea campaign, the ClickFix/Turnstile
    /// packages of 2026) that fetch an encrypted destination, decrypt it in the browser and redirect the
    /// visitor, query string and all, to a credential-phishing site.
    ///
    /// ## Example
    /// `if (zones.indexOf(Intl.DateTimeFormat().resolvedOptions().timeZone) !== -1) setTimeout(() => { alert(msg);
    /// window.open(url); }, 3000)` in a polyfill's load-time IIFE.
    ///
    /// ## Known false positives
    /// Date libraries read the time zone when asked, and open no windows; OAuth and payment helpers call
    /// `window.open` from a function the application calls on a click, not at load; an application's entry point
    /// that redirects by locale is the application's own choice (it is not a dependency's module with the gate at
    /// load, or it is a bundle, which is skipped). A library's own documented load-time locale redirect would be
    /// reported. OAuth helpers redirect to a URL a server returned, in the clear: no decryption; password-protected
    /// static pages (StatiCrypt) decrypt content with the visitor's password and fetch nothing.
    pub static TARGETED_PAGE_TAKEOVER = { id: "code/targeted-page-takeover", severity: Severity::Critical };
}

/// One finding per module with a load-time page takeover behind a load-time locale gate.
pub(crate) fn check(p: &PackageFacts) -> Vec<CodeFinding> {
    let imported = super::at_load::imported(p);
    p.files
        .iter()
        .filter(|f| f.reachable && !super::is_bundle(f))
        .filter_map(|f| {
            let page = f.kind == FileKind::Text && crate::text::is_html_path(&f.path);
            if f.kind == FileKind::JavaScript {
                module(p, &imported, f).or_else(|| hidden_destination(p, f))
            } else if page {
                hidden_destination(p, f)
            } else {
                None
            }
        })
        .collect()
}

/// A redirect in a file that downloads and decrypts: the destination arrives encrypted.
fn hidden_destination(p: &PackageFacts, f: &FileFacts) -> Option<CodeFinding> {
    if !f.has(Kind::Decipher) || !f.has(Kind::Network) {
        return None;
    }
    let hit = f
        .of(Kind::PageTakeover)
        .find(|s| s.detail.contains("location."))?;
    Some(finding(
        &TARGETED_PAGE_TAKEOVER,
        TARGETED_PAGE_TAKEOVER.default_severity,
        f,
        hit,
        Locality::File,
        format!(
            "`{}` in code that downloads and decrypts: the destination is hidden",
            hit.detail
        ),
        chain(p, f, hit, &[Kind::Decipher, Kind::Network]),
    ))
}

fn module(
    p: &PackageFacts,
    imported: &std::collections::BTreeSet<&str>,
    f: &FileFacts,
) -> Option<CodeFinding> {
    let load = |s: &&crate::signal::Signal| super::at_load::at_load(imported, f, s);
    let gate = f
        .of(Kind::LocaleGate)
        .chain(f.of(Kind::GeoLookup))
        .find(load)?;
    let hit = f.of(Kind::PageTakeover).find(load)?;
    Some(finding(
        &TARGETED_PAGE_TAKEOVER,
        TARGETED_PAGE_TAKEOVER.default_severity,
        f,
        hit,
        Locality::Function,
        format!(
            "`{}` at load, gated on the time zone, locale or country (`{}`, line {})",
            hit.detail, gate.detail, gate.line
        ),
        chain(p, f, hit, &[Kind::LocaleGate, Kind::GeoLookup]),
    ))
}

#[cfg(test)]
mod tests {
    use crate::Verdict;
    use crate::rules::test_util::{PJ, hits, scan};

    #[test]
    fn positive_time_zone_gated_alert_and_window() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "module.exports = function Poly() {};
(function () {
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (['Europe/A', 'Asia/B'].indexOf(zone) === -1 || localStorage.getItem('seen')) return;
  localStorage.setItem('seen', '1');
  setTimeout(function () {
    window.alert('notice');
    window.open('https://example.org/appeal', '_blank');
  }, 3000);
})();
",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/targeted-page-takeover"),
            vec![("index.js".to_string(), 7)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// A page (the package's main) fetches an encrypted destination, decrypts it with WebCrypto
    /// and redirects there, through an IIFE that aliases `window`.
    #[test]
    fn positive_page_redirects_to_decrypted_destination() {
        let s = scan(&[
            (
                "package.json",
                r#"{"name":"p","version":"1.0.0","main":"index.html"}"#,
            ),
            (
                "index.html",
                "<!doctype html>\n<html><body>\n<h1>Verify you are human</h1>\n<script src=\"x.js\"></script>\n<script>\n(function (w) {\n  fetch('https://example.org/k').then(function (r) { return r.json(); }).then(function (j) {\n    return w.crypto.subtle.decrypt({ name: 'AES-CTR' }, j.k, j.v);\n  }).then(function (p) {\n    w.location.replace(new TextDecoder().decode(p) + w.location.search);\n  });\n})(window);\n</script>\n</body></html>\n",
            ),
        ]);
        assert_eq!(
            hits(&s, "code/targeted-page-takeover"),
            vec![("index.html".to_string(), 10)]
        );
        assert_eq!(s.verdict, Verdict::Malicious);
    }

    /// An OAuth helper redirects to the URL its server returned, in the clear.
    #[test]
    fn negative_oauth_redirect_from_server_answer() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "exports.login = function () {\n  return fetch('/auth/start').then(function (r) { return r.json(); }).then(function (j) { window.location.assign(j.url); });\n};\n",
            ),
        ]);
        assert!(hits(&s, "code/targeted-page-takeover").is_empty());
        assert_eq!(s.verdict, Verdict::Clean);
    }

    /// A date helper reading the time zone, and an OAuth popup opened from an exported
    /// function the application calls on a click.
    #[test]
    fn negative_date_helper_and_login_popup() {
        let s = scan(&[
            ("package.json", PJ),
            (
                "index.js",
                "var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
exports.zone = function () { return zone; };
exports.login = function (url) {
  var w = window.open(url, 'login', 'width=500');
  if (!w) alert('Please allow popups');
  return w;
};
",
            ),
        ]);
        assert!(
            hits(&s, "code/targeted-page-takeover").is_empty(),
            "{:?}",
            s.findings
        );
        assert_eq!(s.verdict, Verdict::Clean);
    }
}
