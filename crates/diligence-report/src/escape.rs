//! Neutralising untrusted text for each output format.
//!
//! Every value a report carries may come from an attacker: a package name or version from a
//! lockfile, a `resolved` URL, a manifest field, a code snippet from a tarball, an OSV summary.
//! Each writer passes every such value through the function for its format:
//!
//! | format | function | what it neutralises |
//! |---|---|---|
//! | terminal / CI log | [`terminal_safe`] | control characters (ESC, CR, LF, BEL, C1, DEL), bidi overrides, `::` and `##[` workflow commands |
//! | Markdown text | [`markdown_text`] | the above, Markdown syntax, raw HTML, `@mentions`, autolinks, `#123` references |
//! | Markdown code span | [`markdown_code`] | the above for code spans (backtick runs, table pipes) |
//! | HTML | [`html_text`] | `& < > " '`, control characters, workflow commands |
//! | GitHub workflow command | [`github_data`], [`github_property`] | the runner's `%`/CR/LF/`:`/`,` escapes, `##[` |
//!
//! Why workflow commands matter everywhere: a GitHub Actions runner reads every line a step
//! prints (stdout and stderr) and executes `::command::` at the start of a line (after
//! whitespace) and the legacy `##[command]` anywhere in a line; `::stop-commands::` silences
//! every later annotation. A crafted lockfile value with a line break and `::` must therefore
//! never reach a log line as is (OSV-Scanner had to fix exactly this twice, 2026).
//!
//! The escapes are visible (`\u{1b}`, `:\u{3a}`), so a reader sees that a value was hostile,
//! except where the format has an invisible equivalent (an HTML or Markdown character
//! reference that renders as the same character).

use std::borrow::Cow;
use std::fmt::Write as _;

/// Bidirectional-text controls (Trojan Source, CVE-2021-42574): they reorder what a terminal
/// or browser shows, so a name can display as another.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters shown as a `\u{..}` escape in every text format.
fn is_unsafe_char(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn needs_terminal_escape(text: &str) -> bool {
    text.chars().any(is_unsafe_char) || text.contains("::") || text.contains("##[")
}

/// `text` safe for a terminal and a CI log line: every control character (ESC, CR, LF, BEL,
/// other C0/C1 codes, DEL) and bidi control is written as a visible `\u{..}` escape, so text
/// from a lockfile or a package cannot move the cursor, clear the screen, forge a "clean"
/// line or start a new log line; `::` becomes `:\u{3a}` and `##[` becomes `#\u{23}[`, so no
/// GitHub Actions workflow command survives. Borrowed when there is nothing to escape.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !needs_terminal_escape(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev = '\0';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if is_unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else if c == ':' && prev == ':' {
            out.push_str("\\u{3a}");
        } else if c == '#' && prev == '#' && chars.peek() == Some(&'[') {
            out.push_str("\\u{23}");
        } else {
            out.push(c);
        }
        // An escaped character never pairs with the next one.
        prev = if out.ends_with(c) { c } else { '\0' };
    }
    Cow::Owned(out)
}

/// `text` as Markdown (GitHub-flavoured) inline text that renders as the literal characters:
/// control characters as in [`terminal_safe`] (line breaks become spaces; the writers never
/// start a line with a value), the ASCII punctuation with an inline meaning backslash-escaped, `& < >` as character references (so no raw HTML
/// such as `<img>` or `<!--`), and a zero-width space (`&#8203;`) after `@`, inside `://`,
/// after `www` and after `#` so that GitHub links no `@user`/`@org/team` mention, autolinks no
/// URL or e-mail address and references no `#123` issue. `::` renders as `::` but is written
/// `:&#58;`, so no workflow command appears in the Markdown source either.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4 + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_unsafe_char(c) => {
                let _ = write!(out, "\\\\u\\{{{:x}\\}}", c as u32);
            }
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '@' => out.push_str("@&#8203;"),
            '#' => out.push_str("\\#&#8203;"),
            ':' if i > 0 && chars[i - 1] == ':' => out.push_str("&#58;"),
            ':' if next == Some('/') => out.push_str(":&#8203;"),
            '.' if i >= 3
                && chars[i - 3..i]
                    .iter()
                    .collect::<String>()
                    .eq_ignore_ascii_case("www") =>
            {
                out.push_str("&#8203;\\.")
            }
            // The only ASCII punctuation with an inline meaning once `<`, `&`, `#`, `@` and
            // line starts are dealt with: `[`/`]` (links and images: `(`, `)`, `!` then mean
            // nothing), emphasis, code, tables, strikethrough, math, and the escape itself.
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// `text` as a GitHub-flavoured Markdown code span (backticks included): the content is shown
/// literally (no Markdown, no HTML, no mention or link), the fence is one backtick longer
/// than the longest backtick run inside, line breaks become spaces, other control characters
/// and workflow commands are escaped as in [`terminal_safe`], and `|` is escaped so the span
/// can sit in a table cell.
pub fn markdown_code(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let content = terminal_safe(&flat).replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in content.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if content.starts_with('`') || content.ends_with('`') || content.is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{content}{pad}{fence}")
}

/// `text` as HTML text or a quoted attribute value: `& < > " '` as character references,
/// `\n` and `\t` as `&#10;`/`&#9;` (so a value never breaks a line of the file), other
/// control characters and bidi controls as a visible `\u{..}`, and `::`/`##[` written with a
/// character reference (`:&#58;`, `#&#35;[`) so that the file, printed to a CI log, carries
/// no workflow command. Renders as the original characters.
pub fn html_text(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| matches!(c, '&' | '<' | '>' | '"' | '\'') || is_unsafe_char(c))
        && !text.contains("::")
        && !text.contains("##[")
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if is_unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            ':' if i > 0 && chars[i - 1] == ':' => out.push_str("&#58;"),
            '#' if i > 0 && chars[i - 1] == '#' && next == Some('[') => out.push_str("&#35;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `text` as the data of a GitHub Actions workflow command (`::error ...::DATA`): first as
/// [`terminal_safe`] (no raw line break ever reaches the runner), then the runner's own
/// escapes (`%` → `%25`, CR → `%0D`, LF → `%0A`), and `##[` as `#%23[`.
pub fn github_data(text: &str) -> String {
    terminal_safe(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// `text` as a property value of a GitHub Actions workflow command (`file=`, `title=`): as
/// [`github_data`], plus `:` → `%3A` and `,` → `%2C`.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Writes `value` as pretty-printed JSON (as `serde_json::to_writer_pretty`), log-safe: every
/// `##[` inside a string is written `#\u0023[`, and every character that serde_json leaves raw
/// but a terminal or a browser acts on (DEL, the C1 controls U+0080–U+009F such as the
/// one-byte CSI U+009B, and the bidi overrides of [`is_bidi_control`]) is written as a
/// `\uXXXX` escape. The document decodes to the same values; no legacy workflow command
/// (recognised anywhere in a line) reaches a CI log, and no control survives a `cat` of the
/// file. (`::` needs no care: every line of pretty JSON starts with `"`, a bracket or a
/// brace.) Errors: I/O and serialisation errors of `out`.
pub fn write_json_pretty<T: serde::Serialize + ?Sized>(
    value: &T,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_json(value, out, serde_json::ser::PrettyFormatter::new())
}

/// [`write_json_pretty`] on one line (as `serde_json::to_writer`), for JSON Lines output. A
/// compact document is one line, so `::` at a line start cannot occur either.
pub fn write_json_line<T: serde::Serialize + ?Sized>(
    value: &T,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_json(value, out, serde_json::ser::CompactFormatter)
}

fn write_json<T: serde::Serialize + ?Sized, F: serde_json::ser::Formatter>(
    value: &T,
    out: &mut dyn std::io::Write,
    formatter: F,
) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, LogSafeJson(formatter));
    value.serialize(&mut ser).map_err(std::io::Error::other)
}

/// A serde_json formatter (pretty or compact) with `##[`, DEL, C1 and bidi controls escaped in
/// string fragments.
struct LogSafeJson<F>(F);

macro_rules! delegate {
    ($($name:ident$(($arg:ident: $ty:ty))?),* $(,)?) => {$(
        fn $name<W: ?Sized + std::io::Write>(&mut self, w: &mut W $(, $arg: $ty)?) -> std::io::Result<()> {
            self.0.$name(w $(, $arg)?)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for LogSafeJson<F> {
    delegate!(
        begin_array,
        end_array,
        begin_array_value(first: bool),
        end_array_value,
        begin_object,
        end_object,
        begin_object_key(first: bool),
        begin_object_value,
        end_object_value,
    );

    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // Fragments are maximal runs between the characters serde_json escapes itself (quote,
        // backslash, C0), so `##[` never spans two.
        if !fragment.contains("##[") && !fragment.chars().any(is_unsafe_char) {
            return w.write_all(fragment.as_bytes());
        }
        let mut buf = String::with_capacity(fragment.len() + 12);
        let mut rest = fragment;
        while let Some(c) = rest.chars().next() {
            if rest.starts_with("##[") {
                buf.push_str("#\\u0023[");
                rest = &rest[3..];
                continue;
            }
            if is_unsafe_char(c) {
                // Every unsafe character is in the BMP (C1, DEL, bidi), so one `\uXXXX`.
                let _ = write!(buf, "\\u{:04x}", c as u32);
            } else {
                buf.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        w.write_all(buf.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_controls_and_workflow_commands() {
        assert_eq!(
            terminal_safe("a\r\n::stop-commands::t\x1b[2J##[error]x"),
            "a\\u{d}\\u{a}:\\u{3a}stop-commands:\\u{3a}t\\u{1b}[2J#\\u{23}[error]x"
        );
        assert_eq!(terminal_safe("a:::b"), "a:\\u{3a}:b");
        assert_eq!(terminal_safe("\u{202e}evil"), "\\u{202e}evil");
        assert!(matches!(
            terminal_safe("https://registry.npmjs.org/a/-/a-1.0.0.tgz"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn markdown_text_defuses_markup_mentions_and_links() {
        let md = markdown_text(
            "<img src=x onerror=alert(1)> @org/team [x](https://evil.example) www.evil.example #12 **b**",
        );
        assert!(!md.contains("<img"), "{md}");
        assert!(!md.contains("@org"), "{md}");
        assert!(!md.contains("https://"), "{md}");
        assert!(!md.contains("www."), "{md}");
        assert!(!md.contains("[x]") && !md.contains("**"), "{md}");
        assert_eq!(markdown_text("a\nb::c"), "a b:&#58;c");
    }

    #[test]
    fn markdown_code_fences_backticks_and_pipes() {
        assert_eq!(markdown_code("a|b"), "`a\\|b`");
        assert_eq!(markdown_code("x`` y"), "```x`` y```");
        assert_eq!(markdown_code("`a"), "`` `a ``");
        assert_eq!(markdown_code("a\nb"), "`a b`");
    }

    #[test]
    fn html_escapes_and_keeps_text() {
        assert_eq!(
            html_text("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(html_text("a\n::b##[c"), "a&#10;:&#58;b#&#35;[c");
        assert!(matches!(html_text("plain"), Cow::Borrowed("plain")));
    }

    #[test]
    fn json_defuses_legacy_commands_and_round_trips() {
        let v = serde_json::json!({"name": "a\n##[error]x", "k": ["###[y"]});
        let mut out = Vec::new();
        write_json_pretty(&v, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("##["), "{text}");
        assert!(text.contains("#\\u0023[error]"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn json_escapes_del_c1_and_bidi_and_round_trips() {
        let v = serde_json::json!({"n": "a\u{7f}b\u{9b}2Jc\u{202e}d\u{85}e ok é"});
        for line in [false, true] {
            let mut out = Vec::new();
            if line {
                write_json_line(&v, &mut out).unwrap();
            } else {
                write_json_pretty(&v, &mut out).unwrap();
            }
            let text = String::from_utf8(out).unwrap();
            assert!(
                !text
                    .chars()
                    .any(|c| c.is_control() && c != '\n' && c != ' ')
                    && !text.contains('\u{202e}'),
                "{text:?}"
            );
            assert!(
                text.contains(r#""a\u007fb\u009b2Jc\u202ed\u0085e ok é""#),
                "{text}"
            );
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back, v);
        }
    }

    #[test]
    fn github_escapes() {
        assert_eq!(github_data("50%\r\nx"), "50%25\\u{d}\\u{a}x");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
    }
}
