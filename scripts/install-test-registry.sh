#!/usr/bin/env bash
# Installs the npm registry the diligence-registry tests start on 127.0.0.1: Verdaccio 6.8.0,
# from the npm registry, into .tools/verdaccio (git-ignored). Idempotent: does nothing when the
# pinned version is already installed.
#
# On Node 20 Verdaccio 6.8.0 needs `node-fetch` pinned to 2.7.0 (npm `overrides`).
set -euo pipefail

VERSION="6.8.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${DILIGENCE_VERDACCIO_DIR:-$ROOT/.tools/verdaccio}"

if [ -f "$DEST/node_modules/verdaccio/package.json" ] &&
    grep -q "\"version\": \"$VERSION\"" "$DEST/node_modules/verdaccio/package.json"; then
    echo "verdaccio $VERSION already installed in $DEST"
    exit 0
fi

mkdir -p "$DEST"
cat > "$DEST/package.json" <<JSON
{
  "name": "diligence-test-registry",
  "private": true,
  "dependencies": { "verdaccio": "$VERSION" },
  "overrides": { "node-fetch": "2.7.0" }
}
JSON
cd "$DEST"
npm install --no-audit --no-fund --ignore-scripts=false --loglevel=error
echo "verdaccio $VERSION installed in $DEST"
