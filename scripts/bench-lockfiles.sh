#!/usr/bin/env bash
# Benchmark (not a test): read + offline-check every corpus lockfile with diligence, side by
# side with lockfile-lint 5 (the tool users would pick) on the formats it reads (npm, yarn
# classic), same policy: allowed hosts npm + yarn, https only, package names, integrity.
# diligence runs its whole offline layer (`audit --no-advisories --no-registry --no-code`:
# lockfile rules, typosquats over the 17,338-name popular list, dependency confusion, posture).
#
# Whole-process wall time, RUNS rounds per file, the two tools alternating within each round
# (so load on this shared machine hits both alike); the table gives medians and their ratio.
#
# Usage: scripts/bench-lockfiles.sh [RUNS] [FOLDER…]   (default 11 rounds, every corpus folder)
# Needs: node + npm (lockfile-lint is installed into a temporary folder), /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
shift || true
corpus=../shared/corpus/lockfiles
cargo build --release -q -p diligence
bin=target/release/diligence

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
(cd "$tools" && npm init -y >/dev/null && npm install --ignore-scripts --no-audit --no-fund -q lockfile-lint@5 >/dev/null 2>&1)
lint="$tools/node_modules/.bin/lockfile-lint"

# Wall time in µs of one run (output discarded, exit code ignored).
once_us() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}
median_ms() { python3 -c "import statistics,sys; print(f'{statistics.median(map(int, sys.argv[1:]))/1000:.1f}')" "$@"; }
# Peak RSS in KiB of one run.
peak_kib() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -n 1; }

folders=("$@")
[ ${#folders[@]} -eq 0 ] && folders=("$corpus"/*/)
printf '%-26s %10s %12s %10s %14s %12s %8s\n' folder bytes diligence_ms rss_KiB lockfile-lint_ms lint_rss_KiB ratio
for dir in "${folders[@]}"; do
  dir=${dir%/}/
  [ -d "$dir" ] || dir="$corpus/$dir/"
  name=$(basename "$dir")
  file=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['file'])" "$dir/expected.json")
  path="$dir$file"
  bytes=$(stat -c %s "$path")
  case "$name" in
    npm-*) type=npm ;;
    yarn-v1-*) type=yarn ;;
    *) type= ;;
  esac
  d=(); l=()
  for _ in $(seq "$runs"); do
    d+=("$(once_us "$bin" audit --lockfile "$path" --no-advisories --no-registry --no-code --format json)")
    if [ -n "$type" ]; then
      l+=("$(once_us node "$lint" --path "$path" --type "$type" --allowed-hosts npm yarn --validate-https --validate-package-names --validate-integrity)")
    fi
  done
  d_ms=$(median_ms "${d[@]}")
  d_rss=$(peak_kib "$bin" audit --lockfile "$path" --no-advisories --no-registry --no-code --format json)
  if [ -n "$type" ]; then
    l_ms=$(median_ms "${l[@]}")
    l_rss=$(peak_kib node "$lint" --path "$path" --type "$type" --allowed-hosts npm yarn --validate-https --validate-package-names --validate-integrity)
    ratio=$(python3 -c "print(f'{$l_ms/max($d_ms,0.1):.1f}x')")
  else
    l_ms=-; l_rss=-; ratio=-
  fi
  printf '%-26s %10s %12s %10s %14s %12s %8s\n' "$name" "$bytes" "$d_ms" "$d_rss" "$l_ms" "$l_rss" "$ratio"
done
