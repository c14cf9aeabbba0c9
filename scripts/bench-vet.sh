#!/usr/bin/env bash
# Benchmark (not a test): `diligence vet` on every corpus lockfile with the ledger adopted
# (`vet regenerate-exemptions`: an exemption for every locked version, the largest ledger a
# project starts with). No tool reads an npm ledger to compare with (cargo-vet is for Cargo),
# so the baseline is reading the same lockfile alone (`diligence ls --json`): the difference
# is the ledger's cost (reading exemptions.toml, requirements, coverage, report).
#
# Usage: scripts/bench-vet.sh [RUNS]   (default 10 runs per file). Needs /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
corpus=../shared/corpus/lockfiles
[ -n "${NO_BUILD:-}" ] || cargo build --release -q -p diligence
bin=$PWD/target/release/diligence
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mean_ms() {
  local start end
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}
peak_kib() { { /usr/bin/time -f %M "$@" 2>&1 >/dev/null || true; } | tail -n 1; }

printf '%-26s %9s %11s %8s %8s %8s %9s\n' folder packages exemptions vet_ms ls_ms rss_KiB exit
for dir in "$corpus"/*/; do
  name=$(basename "$dir")
  proj="$work/$name"
  mkdir -p "$proj"
  cp -r "$dir". "$proj"/
  rm -f "$proj/expected.json"
  "$bin" vet regenerate-exemptions "$proj" 2>/dev/null
  exemptions=$(grep -c '^\[\[exemptions\.' "$proj/supply-chain/exemptions.toml")
  packages=$("$bin" ls "$proj" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["packages"]))')
  code=0; "$bin" vet "$proj" -q --format json >/dev/null 2>&1 || code=$?
  v_ms=$(mean_ms "$bin" vet "$proj" -q --format json)
  l_ms=$(mean_ms "$bin" ls "$proj" --json)
  rss=$(peak_kib "$bin" vet "$proj" -q --format json)
  printf '%-26s %9s %11s %8s %8s %8s %9s\n' "$name" "$packages" "$exemptions" "$v_ms" "$l_ms" "$rss" "$code"
done
