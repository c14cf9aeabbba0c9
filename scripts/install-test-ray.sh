#!/usr/bin/env bash
# Installs what the Ray job's test (crates/diligence/tests/ray_job.rs) needs: a Python venv with
# Ray and pyarrow from PyPI, pinned in deploy/ray/requirements.txt, under target/ray-venv
# (or $DILIGENCE_RAY_VENV). Idempotent: does nothing when the venv already holds the pinned
# requirements (a stamp file records the requirements it was built from).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${DILIGENCE_RAY_VENV:-$ROOT/target/ray-venv}"
REQ="$ROOT/deploy/ray/requirements.txt"
PYTHON="${PYTHON:-python3}"

if [ -x "$VENV/bin/python" ] && [ -f "$VENV/.requirements" ] && cmp -s "$REQ" "$VENV/.requirements"; then
    echo "ray venv already installed in $VENV"
    exit 0
fi

"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input -r "$REQ"
cp "$REQ" "$VENV/.requirements"
echo "ray venv installed in $VENV ($(tr '\n' ' ' < "$REQ"))"
