//! `--format html`: the report as one self-contained HTML file for a person to read and
//! filter in a browser.
//!
//! Layout: the target and the verdict; counts per severity; filters (severities, rule family,
//! free text; the state is mirrored in the URL fragment, e.g. `#sev=critical,high&q=lodash`,
//! so a link opens the same view); then one section per severity holding the packages whose
//! worst finding has it, each package with all its findings: message, rule, `file:line`,
//! dependency path, fix guidance, advisory links (GitHub and osv.dev) and the evidence; then
//! what was not evaluated.
//!
//! Self-contained and inert: no request leaves the page. CSS and JS are inline and allowed by
//! their SHA-256 in a strict Content-Security-Policy (`default-src 'none'`, no
//! `'unsafe-inline'`), so even a value that escaped escaping could run no script and load no
//! image. Every value from a lockfile, manifest, tarball or advisory goes through
//! [`crate::escape::html_text`]; the only links are the advisory pages built from validated
//! ids ([`crate::present::advisory_links`]), opened with `rel="noopener noreferrer"`.
//!
//! Time and size are linear in the report (about 1 KB per finding).

use crate::escape::html_text as h;
use crate::present::{self, Group};
use base64::Engine as _;
use diligence_finding::{Finding, Report, Severity};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{self, Write};

const STYLE: &str = r#"
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;
--critical:#a40e26;--high:#d1242f;--medium:#9a6700;--low:#0969da;--info:#59636e;--ok:#1a7f37}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;
--card:#151b23;--critical:#ff7b72;--high:#f85149;--medium:#d29922;--low:#4493f8;--info:#9198a1;--ok:#3fb950}}
*{box-sizing:border-box}
body{margin:0;padding:1.5rem 2rem;background:var(--bg);color:var(--fg);
font:14px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
pre{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.5rem .75rem;
white-space:pre-wrap;margin:.25rem 0}
.muted{color:var(--muted)}
.verdict{font-size:1.1rem;font-weight:600;margin:.5rem 0}
.verdict.fail{color:var(--high)}.verdict.pass{color:var(--ok)}.verdict.incomplete{color:var(--medium)}
.counts{display:flex;gap:.5rem;flex-wrap:wrap;list-style:none;padding:0;margin:.5rem 0}
.badge{display:inline-block;border-radius:2em;padding:0 .6em;font-size:12px;font-weight:600;
color:#fff;text-transform:uppercase;letter-spacing:.02em}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}
.sev-medium{background:var(--medium)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
#filters{position:sticky;top:0;background:var(--bg);border-bottom:1px solid var(--line);
padding:.5rem 0;display:flex;gap:1rem;flex-wrap:wrap;align-items:center;z-index:1}
#filters label{cursor:pointer}
#filters input[type=search]{min-width:16rem;padding:.25rem .5rem;border:1px solid var(--line);
border-radius:6px;background:var(--bg);color:var(--fg)}
#filters select{padding:.2rem;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.package{border:1px solid var(--line);border-radius:8px;margin:.75rem 0;padding:.25rem 1rem;background:var(--card)}
.package>h3{font-size:1rem;margin:.5rem 0;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
.finding{border-top:1px solid var(--line);padding:.5rem 0}
.finding p{margin:.2rem 0}
.finding .message{font-weight:500}
.fix{border-left:3px solid var(--ok);padding-left:.75rem;margin:.4rem 0}
.fix strong{color:var(--ok)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:.25rem 0}
dt{color:var(--muted)}dd{margin:0}
a{color:var(--low)}
[hidden]{display:none!important}
"#;

const SCRIPT: &str = r#"
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[data-sev]'));
  var q = document.getElementById('q');
  var family = document.getElementById('family');
  var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var packages = Array.prototype.slice.call(document.querySelectorAll('section.package'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.severity'));
  var shown = document.getElementById('shown');
  var text = findings.map(function (f) { return f.textContent.toLowerCase(); });
  function apply(updateHash) {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) { on[b.getAttribute('data-sev')] = true; } });
    var needle = q.value.trim().toLowerCase();
    var fam = family.value;
    var n = 0;
    findings.forEach(function (f, i) {
      var ok = on[f.getAttribute('data-sev')] === true &&
        (fam === '' || f.getAttribute('data-family') === fam) &&
        (needle === '' || text[i].indexOf(needle) !== -1);
      f.hidden = !ok;
      if (ok) { n += 1; }
    });
    packages.forEach(function (p) { p.hidden = !p.querySelector('article.finding:not([hidden])'); });
    sections.forEach(function (s) { s.hidden = !s.querySelector('section.package:not([hidden])'); });
    shown.textContent = 'showing ' + n + ' of ' + findings.length + ' findings';
    if (updateHash) {
      var sev = boxes.filter(function (b) { return b.checked; })
        .map(function (b) { return b.getAttribute('data-sev'); }).join(',');
      var params = new URLSearchParams();
      params.set('sev', sev);
      if (needle !== '') { params.set('q', needle); }
      if (fam !== '') { params.set('family', fam); }
      history.replaceState(null, '', '#' + params.toString());
    }
  }
  var initial = new URLSearchParams(location.hash.slice(1));
  if (initial.has('sev')) {
    var wanted = initial.get('sev').split(',');
    boxes.forEach(function (b) { b.checked = wanted.indexOf(b.getAttribute('data-sev')) !== -1; });
  }
  if (initial.has('q')) { q.value = initial.get('q'); }
  if (initial.has('family')) { family.value = initial.get('family'); }
  boxes.forEach(function (b) { b.addEventListener('change', function () { apply(true); }); });
  q.addEventListener('input', function () { apply(true); });
  family.addEventListener('change', function () { apply(true); });
  apply(false);
  document.body.setAttribute('data-ready', 'true');
})();
"#;

/// `'sha256-<base64>'`, the CSP source that allows exactly this inline block.
fn csp_hash(block: &str) -> String {
    let digest = Sha256::digest(block.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The Content-Security-Policy of the page: nothing but the page's own inline style and
/// script (by hash); no network, no forms, no frames, no base URL.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src 'none'; base-uri 'none'; \
         form-action 'none'; frame-ancestors 'none'",
        csp_hash(STYLE),
        csp_hash(SCRIPT)
    )
}

/// Writes the report as one HTML page. `fail_on` decides the verdict shown. Errors: I/O
/// errors of `out`.
pub fn write(report: &Report, fail_on: Severity, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(report, fail_on).as_bytes())
}

/// The page as a string (what [`write`] writes).
pub fn render(report: &Report, fail_on: Severity) -> String {
    let mut s = String::with_capacity(16_384 + report.findings.len() * 1_200);
    let target = &report.target;
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        s,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        content_security_policy()
    );
    s.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(s, "<title>diligence report: {}</title>", h(&target.path));
    let _ = writeln!(s, "<style>{STYLE}</style>\n</head>\n<body>");
    s.push_str("<header>\n<h1>diligence report</h1>\n");
    match &target.lockfile {
        Some(l) => {
            let _ = writeln!(
                s,
                "<p class=\"target\"><code>{}</code> <span class=\"muted\">· <code>{}</code> ({} {}) · {} packages</span></p>",
                h(&target.path),
                h(&l.path),
                h(&l.format),
                h(&l.version),
                report.summary.packages
            );
        }
        None => {
            let _ = writeln!(
                s,
                "<p class=\"target\"><code>{}</code> <span class=\"muted\">· {} packages</span></p>",
                h(&target.path),
                report.summary.packages
            );
        }
    }
    write_verdict(&mut s, report, fail_on);
    s.push_str("</header>\n");
    let groups = present::group_by_package(&report.findings);
    write_filters(&mut s, report);
    s.push_str("<main id=\"findings\">\n");
    if groups.is_empty() {
        s.push_str("<p id=\"no-findings\">No findings.</p>\n");
    }
    for sev in Severity::ALL.iter().rev() {
        let in_section: Vec<&Group<'_>> = groups.iter().filter(|g| g.worst() == *sev).collect();
        if in_section.is_empty() {
            continue;
        }
        let _ = writeln!(
            s,
            "<section class=\"severity\" data-sev=\"{sev}\">\n<h2><span class=\"badge sev-{sev}\">{sev}</span> {} package{}</h2>",
            in_section.len(),
            if in_section.len() == 1 { "" } else { "s" }
        );
        for group in in_section {
            write_package(&mut s, group);
        }
        s.push_str("</section>\n");
    }
    s.push_str("</main>\n");
    write_not_evaluated(&mut s, report);
    let _ = writeln!(
        s,
        "<footer class=\"muted\"><p>{} {} · schema {}</p></footer>",
        h(&report.tool.name),
        h(&report.tool.version),
        h(&report.schema)
    );
    let _ = writeln!(s, "<script>{SCRIPT}</script>\n</body>\n</html>");
    s
}

fn write_verdict(s: &mut String, report: &Report, fail_on: Severity) {
    let (class, text) = match report.exit_code(fail_on) {
        0 => ("pass", format!("Passed at fail-on {fail_on}")),
        1 => (
            "fail",
            format!(
                "Findings at or above {fail_on}{}",
                if report.not_evaluated.is_empty() {
                    ""
                } else {
                    " (and some checks could not run)"
                }
            ),
        ),
        _ => (
            "incomplete",
            "Not evaluated: some checks could not run".to_string(),
        ),
    };
    let _ = writeln!(s, "<p class=\"verdict {class}\" id=\"verdict\">{text}</p>");
    let c = &report.summary.findings;
    s.push_str("<ul class=\"counts\" id=\"counts\">\n");
    for (n, sev) in [
        (c.critical, Severity::Critical),
        (c.high, Severity::High),
        (c.medium, Severity::Medium),
        (c.low, Severity::Low),
        (c.info, Severity::Info),
    ] {
        let _ = writeln!(
            s,
            "<li data-sev=\"{sev}\"><span class=\"badge sev-{sev}\">{n} {sev}</span></li>"
        );
    }
    s.push_str("</ul>\n");
}

fn write_filters(s: &mut String, report: &Report) {
    s.push_str("<nav id=\"filters\" aria-label=\"filters\">\n");
    for sev in Severity::ALL.iter().rev() {
        let _ = writeln!(
            s,
            "<label><input type=\"checkbox\" data-sev=\"{sev}\" checked> {sev}</label>"
        );
    }
    let families: BTreeSet<&str> = report
        .findings
        .iter()
        .map(|f| f.rule.split('/').next().unwrap_or(&f.rule))
        .collect();
    s.push_str("<select id=\"family\" aria-label=\"rule family\">\n<option value=\"\">all rules</option>\n");
    for fam in families {
        let _ = writeln!(s, "<option value=\"{0}\">{0}</option>", h(fam));
    }
    s.push_str("</select>\n");
    s.push_str(
        "<input type=\"search\" id=\"q\" placeholder=\"filter: package, rule, text\" aria-label=\"filter text\">\n",
    );
    let _ = writeln!(
        s,
        "<span id=\"shown\" class=\"muted\">showing {0} of {0} findings</span>\n</nav>",
        report.findings.len()
    );
}

fn write_package(s: &mut String, group: &Group<'_>) {
    let worst = group.worst();
    let n = group.findings.len();
    let _ = writeln!(
        s,
        "<section class=\"package\" data-worst=\"{worst}\">\n<h3><code class=\"package-name\">{}</code> <span class=\"badge sev-{worst}\">{worst}</span> <span class=\"muted\">{n} finding{}</span></h3>",
        h(&group.label()),
        if n == 1 { "" } else { "s" }
    );
    for f in &group.findings {
        write_finding(s, f);
    }
    s.push_str("</section>\n");
}

fn write_finding(s: &mut String, f: &Finding) {
    let sev = f.severity;
    let _ = writeln!(
        s,
        "<article class=\"finding\" data-sev=\"{sev}\" data-rule=\"{}\" data-family=\"{}\">",
        h(&f.rule),
        h(f.rule.split('/').next().unwrap_or(&f.rule))
    );
    let _ = writeln!(
        s,
        "<p><span class=\"badge sev-{sev}\">{sev}</span> <code class=\"rule\">{}</code></p>\n<p class=\"message\">{}</p>",
        h(&f.rule),
        h(&f.message)
    );
    if let Some(loc) = &f.location {
        let place = match loc.line {
            0 => loc.file.clone(),
            line => format!("{}:{line}", loc.file),
        };
        let _ = writeln!(
            s,
            "<p class=\"where muted\">at <code>{}</code></p>",
            h(&place)
        );
    }
    if let Some(path) = present::path_of(f) {
        let _ = writeln!(
            s,
            "<p class=\"path muted\">via <code>{}</code></p>",
            h(&path)
        );
    }
    if let Some(fix) = present::fix_of(f) {
        let _ = write!(
            s,
            "<div class=\"fix\"><p><strong>Fix:</strong> {}</p>",
            h(&fix.summary)
        );
        if let Some((file, entry)) = &fix.manifest {
            let _ = write!(
                s,
                "<p>add to <code>{}</code>:</p><pre><code class=\"manifest\">{}</code></pre>",
                h(file),
                h(entry)
            );
        }
        if !fix.command.is_empty() {
            let _ = write!(
                s,
                "<pre><code class=\"command\">{}</code></pre>",
                h(&fix.command)
            );
        }
        s.push_str("</div>\n");
    }
    let links = present::advisory_links(f);
    if !links.is_empty() {
        s.push_str("<p class=\"links\">");
        for (i, l) in links.iter().enumerate() {
            if i > 0 {
                s.push_str(" · ");
            }
            // Built from validated advisory ids only; escaped all the same.
            let _ = write!(
                s,
                "<a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                h(&l.url),
                h(&l.label)
            );
        }
        s.push_str("</p>\n");
    }
    let items = present::evidence_items(f);
    if !items.is_empty() {
        s.push_str("<details class=\"evidence\"><summary>evidence</summary><dl>");
        for (k, v) in items {
            let _ = write!(s, "<dt>{}</dt><dd><code>{}</code></dd>", h(&k), h(&v));
        }
        s.push_str("</dl></details>\n");
    }
    s.push_str("</article>\n");
}

fn write_not_evaluated(s: &mut String, report: &Report) {
    if report.not_evaluated.is_empty() {
        return;
    }
    let _ = writeln!(
        s,
        "<section id=\"not-evaluated\">\n<h2>Not evaluated ({}): the result is incomplete</h2>\n<ul>",
        report.not_evaluated.len()
    );
    for ne in &report.not_evaluated {
        let _ = writeln!(
            s,
            "<li><strong>{}</strong>: {}</li>",
            h(&ne.what),
            h(&ne.why)
        );
    }
    s.push_str("</ul>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use diligence_finding::{NotEvaluated, Rule, Target};
    use serde_json::json;

    static VULN: Rule = Rule {
        id: "advisory/vulnerability",
        default_severity: Severity::High,
        summary: "s",
        doc: "d",
    };

    #[test]
    fn page_is_self_contained_and_escaped() {
        let hostile = "<img src=x onerror=alert(1)>";
        let f = Finding::new(&VULN, format!("{hostile} is vulnerable"))
            .package(hostile, "1.0.0\"><script>alert(2)</script>")
            .evidence(json!({"ids": ["GHSA-xvch-5gv4-984h"], "snippet": "</code></pre><script>x</script>"}));
        let report = Report::new(
            Target {
                path: "demo".into(),
                lockfile: None,
            },
            1,
            vec![f],
            vec![NotEvaluated {
                what: "<b>x</b>".into(),
                why: "y".into(),
            }],
        );
        let page = render(&report, Severity::High);
        assert!(!page.contains("<img"), "raw img");
        assert_eq!(page.matches("<script>").count(), 1, "only our own script");
        assert!(!page.contains("<b>x"));
        assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
        // No resource is loaded from anywhere; the only URLs are the advisory links.
        for tag in ["<img", "<iframe", "<link", "<script src"] {
            assert!(!page.contains(tag), "{tag}");
        }
        let urls: Vec<&str> = page
            .match_indices("https://")
            .map(|(i, _)| &page[i..i + 20])
            .collect();
        assert!(
            urls.iter()
                .all(|u| u.starts_with("https://github.com/") || u.starts_with("https://osv.dev/")),
            "{urls:?}"
        );
        assert!(page.contains("default-src 'none'"));
        assert!(!page.contains("unsafe-inline"));
    }

    #[test]
    fn csp_hashes_match_the_inline_blocks() {
        let csp = content_security_policy();
        assert!(csp.contains(&csp_hash(STYLE)) && csp.contains(&csp_hash(SCRIPT)));
        let page = render(
            &Report::new(
                Target {
                    path: ".".into(),
                    lockfile: None,
                },
                0,
                vec![],
                vec![],
            ),
            Severity::High,
        );
        assert!(page.contains(&format!("<style>{STYLE}</style>")));
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        assert!(page.contains("No findings."));
    }
}
