// Name normalisations shared by the build script (which indexes the popular names with them)
// and the typosquat model (which looks candidates up with them). Included by `build.rs` with
// `include!`, so it uses nothing outside `std`.

/// A name lowercased with its scope punctuation and separators removed:
/// `@types/node` → `typesnode`, `cross-env` → `crossenv`, `lodash.pick` → `lodashpick`.
pub fn skeleton(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '@' | '/' | '-' | '_' | '.'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Letter pairs that read as one letter (issue 13: `rn`/`m`; also `vv`/`w`): both a popular
/// name and a candidate are folded with these, so `rnocha` and `mocha`, or `modem` and
/// `modern`, meet.
pub const LETTER_HOMOGLYPHS: [(&str, &str); 2] = [("rn", "m"), ("vv", "w")];

/// Digits that imitate letters (issue 13: `0`/`o`, `1`/`l`/`I`): npm names are lowercase, so
/// `1` stands for `l` or `i`. Only a candidate is rewritten with these (each rewrite on its
/// own), because popular names use digits for what they are (`es6-shim`, `sha1`).
pub const DIGIT_HOMOGLYPHS: [(char, char); 3] = [('0', 'o'), ('1', 'l'), ('1', 'i')];

/// A name lowercased with [`LETTER_HOMOGLYPHS`] folded: `rnocha` → `mocha`.
pub fn homoglyph_canonical(name: &str) -> String {
    let mut out = name.to_ascii_lowercase();
    for (from, to) in LETTER_HOMOGLYPHS {
        if out.contains(from) {
            out = out.replace(from, to);
        }
    }
    out
}

/// The scope of a scoped name without `@` (`@types/node` → `types`).
pub fn scope_of(name: &str) -> Option<&str> {
    name.strip_prefix('@')?.split_once('/').map(|(s, _)| s)
}
