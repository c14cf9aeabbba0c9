#!/usr/bin/env bash
# Refreshes crates/diligence-metadata/data/popular-npm.txt from the npm package
# npm-high-impact (MIT): its `npmHighImpact` list, in order (most downloaded first, then the
# most depended-on that miss the download bar). See data/POPULAR-NAMES.md.
#
# Usage: scripts/refresh-popular-names.sh [VERSION]   (default: latest; needs node + npm)
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-latest}
out=crates/diligence-metadata/data/popular-npm.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "npm-high-impact@$version" >/dev/null && tar xzf npm-high-impact-*.tgz)
node --input-type=module -e "
import {npmHighImpact} from '$work/package/lib/index.js'
process.stdout.write(npmHighImpact.join('\n') + '\n')
" > "$out"
echo "$(wc -l < "$out") names from npm-high-impact@$(node -p "require('$work/package/package.json').version") -> $out"
