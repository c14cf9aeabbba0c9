//! Text edits of `audits.toml` that keep what people wrote (comments, order, spacing).
//!
//! `vet certify` inserts its new `[[audits.NAME]]` block next to the package's other entries,
//! or where the name falls alphabetically among the other packages. Two branches that
//! certify different packages then edit different places of the file, so their merge is
//! clean — appending every entry at the end of the file would make it conflict.

/// Inserts `block` (the text of one `[[audits.NAME]]` entry, ending with a newline) into the
/// audits file `text` for `package`: after the last entry of the same package, else before
/// the first entry of a package that sorts after it, else at the end. A blank line separates
/// it from its neighbours.
pub fn insert_audit(text: &str, package: &str, block: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    // (line index, package name for `[[audits.X]]` headers, None for any other header)
    let headers: Vec<(usize, Option<String>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| {
            let t = l.trim();
            if !t.starts_with('[') {
                return None;
            }
            let name = t
                .strip_prefix("[[audits.")
                .and_then(|r| r.strip_suffix("]]"))
                .map(|k| unquote_key(k.trim()));
            Some((i, name))
        })
        .collect();
    let next_header_after = |i: usize| {
        headers
            .iter()
            .map(|(h, _)| *h)
            .find(|h| *h > i)
            .unwrap_or(lines.len())
    };
    let at = if let Some((last, _)) = headers
        .iter()
        .rev()
        .find(|(_, n)| n.as_deref() == Some(package))
    {
        // End of that block, before blank lines and comments that lead into the next one.
        let mut end = next_header_after(*last);
        while end > *last + 1 && is_blank_or_comment(lines[end - 1]) {
            end -= 1;
        }
        end
    } else if let Some((first, _)) = headers
        .iter()
        .find(|(_, n)| n.as_deref().is_some_and(|n| n > package))
    {
        let mut start = *first;
        while start > 0 && lines[start - 1].trim_start().starts_with('#') {
            start -= 1;
        }
        start
    } else {
        lines.len()
    };
    let mut out = String::with_capacity(text.len() + block.len() + 2);
    for l in &lines[..at] {
        out.push_str(l);
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(block);
    if at < lines.len() {
        if !lines[at].trim().is_empty() {
            out.push('\n');
        }
        for l in &lines[at..] {
            out.push_str(l);
        }
    }
    out
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim();
    t.is_empty() || t.starts_with('#')
}

/// A header key as a name: bare, or a quoted basic/literal string (escapes `\"` and `\\`).
fn unquote_key(k: &str) -> String {
    if let Some(inner) = k.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = k.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        return inner.to_string();
    }
    k.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# Our audits.\n\n[criteria.strict]\ndescription = \"s\"\n\n[[audits.\"@s/x\"]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\n\n[[audits.b]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\n\n# d is special\n[[audits.d]]\ncriteria = \"safe-to-run\"\nversion = \"1.0.0\"\n";

    fn block(name: &str) -> String {
        format!("[[audits.{name}]]\ncriteria = \"safe-to-run\"\nversion = \"2.0.0\"\n")
    }

    #[test]
    fn next_to_the_same_package() {
        let out = insert_audit(FILE, "b", &block("b"));
        assert!(out.contains("version = \"1.0.0\"\n\n[[audits.b]]\ncriteria = \"safe-to-run\"\nversion = \"2.0.0\"\n\n# d is special\n"), "{out}");
        let scoped = insert_audit(FILE, "@s/x", &block("\"@s/x\""));
        assert!(scoped.contains("version = \"1.0.0\"\n\n[[audits.\"@s/x\"]]\ncriteria = \"safe-to-run\"\nversion = \"2.0.0\"\n\n[[audits.b]]"), "{scoped}");
    }

    #[test]
    fn in_name_order_before_comments_of_the_next() {
        let out = insert_audit(FILE, "c", &block("c"));
        assert!(out.contains("version = \"1.0.0\"\n\n[[audits.c]]\ncriteria = \"safe-to-run\"\nversion = \"2.0.0\"\n\n# d is special\n[[audits.d]]"), "{out}");
        let first = insert_audit(FILE, "@a/y", &block("\"@a/y\""));
        assert!(first.contains("description = \"s\"\n\n[[audits.\"@a/y\"]]\ncriteria = \"safe-to-run\"\nversion = \"2.0.0\"\n\n[[audits.\"@s/x\"]]"), "{first}");
    }

    #[test]
    fn at_the_end_and_in_an_empty_file() {
        let out = insert_audit(FILE, "z", &block("z"));
        assert!(out.ends_with(
            "version = \"1.0.0\"\n\n[[audits.z]]\ncriteria = \"safe-to-run\"\nversion = \"2.0.0\"\n"
        ));
        assert_eq!(insert_audit("", "a", &block("a")), block("a"));
        assert_eq!(
            insert_audit("[audits]", "a", &block("a")),
            format!("[audits]\n\n{}", block("a"))
        );
    }
}
