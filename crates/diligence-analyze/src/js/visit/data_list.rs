//! Host-name tables: literal arrays and objects that list many host names (the public suffix
//! list bundled by cookie libraries, blocklists, CDN allowlists). A host inside such a table is
//! data the code looks names up in, not an endpoint it contacts, so the endpoint indicators
//! are not raised for its bare host-name entries. A URL (scheme or path) in the same table, or
//! a host in a short list or a list of mixed strings (an obfuscator's string array), is still
//! reported.

use oxc_ast::ast::*;

/// Fewest entries for a literal to count as a table.
const MIN_ENTRIES: usize = 16;

/// True when `s` is a bare host name or suffix rule (`ngrok.io`, `*.ck`, `!www.ck`,
/// `公司.cn`): lowercase or caseless letters, digits, `-`, `.`, `*`, `!`, at least one dot, no scheme, path, port or spaces.
pub(super) fn is_host_name(s: &str) -> bool {
    is_label_list(s) && s.contains('.')
}

/// Host-name syntax without the dot requirement: a top-level label (`ac`) also qualifies.
fn is_label_list(s: &str) -> bool {
    let t = s.trim_start_matches(['*', '!', '.']);
    !t.is_empty()
        && t.len() <= 253
        && !t.ends_with('.')
        && t.chars()
            .all(|c| (c.is_alphanumeric() && !c.is_uppercase()) || matches!(c, '-' | '.' | '*'))
}

/// At least [`MIN_ENTRIES`] entries, at least 9 in 10 in host-name syntax (top-level labels
/// such as `ac` included) and at least half with a dot. An obfuscator's string array (method
/// names, camelCase, few dots) does not qualify.
fn mostly_hosts<'a>(total: usize, entries: impl Iterator<Item = &'a str>) -> bool {
    if total < MIN_ENTRIES {
        return false;
    }
    let (mut labels, mut dotted) = (0usize, 0usize);
    for e in entries {
        labels += usize::from(is_label_list(e));
        dotted += usize::from(is_host_name(e));
    }
    labels * 10 >= total * 9 && dotted * 2 >= total
}

/// An array literal of host-name strings.
pub(super) fn is_host_array(it: &ArrayExpression<'_>) -> bool {
    let entries = it.elements.iter().filter_map(|e| match e.as_expression() {
        Some(Expression::StringLiteral(s)) => Some(s.value.as_str()),
        _ => None,
    });
    mostly_hosts(it.elements.len(), entries)
}

/// An object literal keyed by host names with literal values (`{"ngrok.io": true, …}`).
pub(super) fn is_host_table(it: &ObjectExpression<'_>) -> bool {
    let entries = it.properties.iter().filter_map(|p| match p {
        ObjectPropertyKind::ObjectProperty(p)
            if matches!(
                p.value,
                Expression::BooleanLiteral(_)
                    | Expression::NumericLiteral(_)
                    | Expression::StringLiteral(_)
                    | Expression::NullLiteral(_)
            ) =>
        {
            match &p.key {
                PropertyKey::StringLiteral(k) => Some(k.value.as_str()),
                _ => None,
            }
        }
        _ => None,
    });
    mostly_hosts(it.properties.len(), entries)
}

#[cfg(test)]
mod tests {
    use super::is_host_name;

    #[test]
    fn host_names() {
        for h in [
            "ngrok.io",
            "*.ck",
            "!www.ck",
            "com.ac",
            "xn--p1ai.ru",
            "公司.cn",
        ] {
            assert!(is_host_name(h), "{h}");
        }
        for h in [
            "https://x.ngrok.io/",
            "ngrok",
            "a.b/c",
            "x y.com",
            "host.io:80",
            "log",
            "Ngrok.io",
        ] {
            assert!(!is_host_name(h), "{h}");
        }
    }
}
