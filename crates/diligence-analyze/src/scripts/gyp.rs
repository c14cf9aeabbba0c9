//! `binding.gyp` (and `.gypi`) command expansions: code node-gyp runs at install time.
//!
//! npm installs a package whose root holds a `binding.gyp` by running `node-gyp rebuild` when
//! the package declares no `install` or `preinstall` script of its own (and `gypfile` is not
//! `false`): no lifecycle script appears in `package.json`, yet gyp evaluates every command
//! expansion while it loads the file. GYP's expansions are `<!(cmd)` (the output as a string),
//! `<!@(cmd)` (the output split into a list) and their late-phase forms `>!(…)`, `>!@(…)`; a
//! command given as a list (`<!(['python', 'x.py'])`) runs without a shell. `<!pymod_do_main(m)`
//! runs a Python module.
//!
//! The file is a Python literal: strings in `'…'` or `"…"` with backslash escapes, `#` comments.
//! Expansions are read from string values only, so a commented-out expansion is not a command.

/// One command expansion: the 1-based line of its string and the command text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expansion {
    pub line: u32,
    /// The expansion as written (`<!(node -p "…")`), for evidence.
    pub raw: String,
    /// The command (a list command joined with spaces).
    pub command: String,
}

/// The command expansions of a `.gyp`/`.gypi` text.
pub(crate) fn expansions(text: &str) -> Vec<Expansion> {
    let mut out = Vec::new();
    for (line, value) in strings(text) {
        let mut rest = value.as_str();
        while let Some(at) = find_expansion(rest) {
            let tail = &rest[at..];
            let open = match tail.find('(') {
                Some(o) => o,
                None => break,
            };
            let Some(close) = matching(tail, open) else {
                break;
            };
            let inner = tail[open + 1..close].trim();
            let command = if inner.starts_with('[') {
                list_command(inner)
            } else if tail.starts_with("<!pymod_do_main") {
                format!("python -m {inner}")
            } else {
                inner.to_string()
            };
            out.push(Expansion {
                line,
                raw: tail[..=close].to_string(),
                command,
            });
            rest = &tail[close + 1..];
        }
    }
    out
}

/// The commands of gyp `actions` and `rules`: each `'action': [...]` list, which node-gyp's
/// generated Makefile runs while it builds the target (at install, like the expansions). Gyp
/// variables in the list (`<(python)`, `<(INTERMEDIATE_DIR)/x.h`, `<@(inputs)`) become their
/// name, so the command reads as an ordinary command line (`python tools/gen.py
/// INTERMEDIATE_DIR/x.h`).
pub(crate) fn actions(text: &str) -> Vec<Expansion> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find("action").map(|i| from + i) {
        from = at + 6;
        // A quoted key `'action'` / `"action"`, then `:` and a list.
        let quoted =
            at > 0 && matches!(b[at - 1], b'\'' | b'"') && b.get(at + 6) == Some(&b[at - 1]);
        if !quoted {
            continue;
        }
        let rest = text[at + 7..].trim_start();
        let Some(rest) = rest.strip_prefix(':') else {
            continue;
        };
        let rest = rest.trim_start();
        if !rest.starts_with('[') {
            continue;
        }
        let open = text.len() - rest.len();
        let Some(close) = matching_bracket(text, open) else {
            continue;
        };
        let inner = &text[open + 1..close];
        let command = strings(inner)
            .into_iter()
            .map(|(_, s)| unvariable(&s))
            .collect::<Vec<_>>()
            .join(" ");
        let line = text[..at].bytes().filter(|c| *c == b'\n').count() as u32 + 1;
        out.push(Expansion {
            line,
            raw: format!(
                "action {}",
                crate::signal::truncate(&text[open..=close], 160)
            ),
            command,
        });
        from = close;
    }
    out
}

/// `<(python)` -> `python`, `<(INTERMEDIATE_DIR)/x.h` -> `INTERMEDIATE_DIR/x.h`.
fn unvariable(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find(['<', '>']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 1..];
        let tail = tail.strip_prefix('@').unwrap_or(tail);
        match tail.strip_prefix('(').and_then(|t| t.split_once(')')) {
            Some((name, after)) => {
                out.push_str(name);
                rest = after;
            }
            None => {
                out.push_str(&rest[i..i + 1]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Index of the `]` matching the `[` at `open` (brackets inside quotes ignored).
fn matching_bracket(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for (i, c) in s[open..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Offset of the next `<!(`, `<!@(`, `>!(`, `>!@(` or `<!pymod_do_main(` in `s`.
fn find_expansion(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(2)).find(|&i| {
        (b[i] == b'<' || b[i] == b'>')
            && b[i + 1] == b'!'
            && (b[i + 2] == b'(' || b[i + 2] == b'@' || s[i + 2..].starts_with("pymod_do_main("))
    })
}

/// Index of the `)` matching the `(` at `open` (brackets inside quotes ignored).
fn matching(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices().skip_while(|(i, _)| *i < open) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// `['python', 'x.py', '--flag']` -> `python x.py --flag`.
fn list_command(inner: &str) -> String {
    strings(inner)
        .into_iter()
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ")
}

/// String literal values of a Python-literal text with their 1-based lines (comments skipped).
fn strings(text: &str) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    let mut line = 1u32;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => line += 1,
            '#' => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        break;
                    }
                }
            }
            '"' | '\'' => {
                let start = line;
                let mut value = String::new();
                while let Some(d) = chars.next() {
                    match d {
                        '\\' => match chars.next() {
                            Some('n') => value.push('\n'),
                            Some('t') => value.push('\t'),
                            Some(e) => {
                                if e == '\n' {
                                    line += 1;
                                }
                                value.push(e);
                            }
                            None => break,
                        },
                        d if d == c => break,
                        d => {
                            if d == '\n' {
                                line += 1;
                            }
                            value.push(d);
                        }
                    }
                }
                out.push((start, value));
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_addon_api_idiom_and_file_commands() {
        let gyp = r#"{
  # "<!(curl https://commented.example/out)"
  'targets': [{
    'target_name': 'x',
    "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
    'sources': ['src/a.cc', '<!@(node scripts/list.js)'],
    'libraries': ['<!@(["pkg-config", "--libs", "zlib"])', '>!(echo late)'],
  }]
}"#;
        let e = expansions(gyp);
        let cmds: Vec<(u32, &str)> = e.iter().map(|x| (x.line, x.command.as_str())).collect();
        assert_eq!(
            cmds,
            vec![
                (5, "node -p \"require('node-addon-api').include_dir\""),
                (6, "node scripts/list.js"),
                (7, "pkg-config --libs zlib"),
                (7, "echo late"),
            ]
        );
        assert_eq!(e[1].raw, "<!@(node scripts/list.js)");
    }

    #[test]
    fn action_lists_are_commands() {
        let gyp = r#"{'targets': [{
  'actions': [{
    'action_name': 'gen',
    'inputs': ['tools/gen.py'],
    "action": ["<(python)", "tools/gen.py", "<(INTERMEDIATE_DIR)/cfg.h"],
  }],
  'rules': [{ 'rule_name': 'r', 'extension': 'idl', 'action': ['node', 'scripts/idl.js', '<@(_inputs)'] }],
  'variables': {'action_name_suffix': 'x'},
}]}"#;
        let e = actions(gyp);
        let cmds: Vec<(u32, &str)> = e.iter().map(|x| (x.line, x.command.as_str())).collect();
        assert_eq!(
            cmds,
            vec![
                (5, "python tools/gen.py INTERMEDIATE_DIR/cfg.h"),
                (7, "node scripts/idl.js _inputs"),
            ]
        );
        assert!(expansions(gyp).is_empty());
    }

    #[test]
    fn plain_variables_are_not_commands() {
        assert!(expansions("{'sources': ['<(module_root_dir)/a.cc', '<@(srcs)']}").is_empty());
    }
}
