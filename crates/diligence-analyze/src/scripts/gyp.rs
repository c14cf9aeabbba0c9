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
    fn plain_variables_are_not_commands() {
        assert!(expansions("{'sources': ['<(module_root_dir)/a.cc', '<@(srcs)']}").is_empty());
    }
}
