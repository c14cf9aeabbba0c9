#!/usr/bin/env bash
# Benchmark (not a test): read + offline-check every corpus lockfile with diligence, side by
# side with lockfile-lint 5 (the tool users would pick) on the formats it reads (npm, yarn
# classic), same policy: allowed hosts npm + yarn, https only, package names, integrity.
#
# Usage: scripts/bench-lockfiles.sh [RUNS]   (default 10 runs per file)
# Needs: node + npm (lockfile-lint is installed into a temporary folder), /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
corpus=../shared/corpus/lockfiles
cargo build --release -q -p diligence
bin=target/release/diligence

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
(cd "$tools" && npm init -y >/dev/null && npm install --no-audit --no-fund -q lockfile-lint@5 >/dev/null 2>&1)
lint="$tools/node_modules/.bin/lockfile-lint"

# Mean wall time in ms of RUNS runs of a command (output discarded, exit code ignored).
mean_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}
# Peak RSS in KiB of one run.
peak_kib() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -n 1; }

printf '%-26s %10s %12s %12s %14s %16s %8s\n' folder bytes diligence_ms rss_KiB lockfile-lint_ms lint_rss_KiB ratio
for dir in "$corpus"/*/; do
  name=$(basename "$dir")
  file=$(python3 -c "import json,sys; print(json.load(open('$dir/expected.json'))['file'])")
  path="$dir$file"
  bytes=$(stat -c %s "$path")
  d_ms=$(mean_ms "$bin" audit --lockfile "$path" --no-advisories --no-registry --no-code --format json)
  d_rss=$(peak_kib "$bin" audit --lockfile "$path" --no-advisories --no-registry --no-code --format json)
  case "$name" in
    npm-*) type=npm ;;
    yarn-v1-*) type=yarn ;;
    *) type= ;;
  esac
  if [ -n "$type" ]; then
    l_ms=$(mean_ms node "$lint" --path "$path" --type "$type" --allowed-hosts npm yarn --validate-https --validate-package-names --validate-integrity)
    l_rss=$(peak_kib node "$lint" --path "$path" --type "$type" --allowed-hosts npm yarn --validate-https --validate-package-names --validate-integrity)
    ratio=$(python3 -c "print(f'{$l_ms/max($d_ms,1):.1f}x')")
  else
    l_ms=-; l_rss=-; ratio=-
  fi
  printf '%-26s %10s %12s %12s %14s %16s %8s\n' "$name" "$bytes" "$d_ms" "$d_rss" "$l_ms" "$l_rss" "$ratio"
done
