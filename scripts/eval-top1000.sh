#!/usr/bin/env bash
# Opt-in live evaluation of `diligence scan` on the 1,000 most-downloaded npm packages
# (../shared/corpus/benign/top1000-latest.tsv: rank, name, version, integrity).
#
# 1. Downloads each pinned tarball from the registry (DILIGENCE_EVAL_REGISTRY, default
#    https://registry.npmjs.org) into a git-ignored cache (target/eval-cache/top1000/), verifying
#    the sha512 SRI integrity from the TSV; a mismatch or a failed download is reported and the
#    package is counted as "not evaluated" (never as clean).
# 2. Scans every cached tarball with `diligence scan --format json` (release build), timing it.
# 3. Prints counts of malicious / suspicious / clean, the list of flagged packages with the rules
#    that fired, and the per-package scan time (median, p90, max) and the total.
#
# Usage: DILIGENCE_LIVE=1 scripts/eval-top1000.sh [N]   (N: only the first N packages)
#        FETCH_ONLY=1 stops after step 1; DILIGENCE_BIN overrides the binary; JOBS the download jobs.
# Output files: target/eval-cache/top1000-scan.json (scan output), top1000-times.tsv.
set -euo pipefail

if [[ "${DILIGENCE_LIVE:-}" != "1" ]]; then
  echo "eval-top1000: live evaluation; set DILIGENCE_LIVE=1 to run it" >&2
  exit 0
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
tsv="$root/../shared/corpus/benign/top1000-latest.tsv"
limit="${1:-1000}"
registry="${DILIGENCE_EVAL_REGISTRY:-https://registry.npmjs.org}"
cache="$root/target/eval-cache/top1000"
out="$root/target/eval-cache"
bin="${DILIGENCE_BIN:-$root/target/release/diligence}"
jobs="${JOBS:-8}"
mkdir -p "$cache"

[[ -f "$tsv" ]] || { echo "eval-top1000: $tsv: not found" >&2; exit 2; }

# --- 1. fetch and verify -------------------------------------------------------------------
fetch_one() {
  local rank="$1" name="$2" version="$3" integrity="$4" registry="$5" cache="$6"
  local file="$cache/$(printf '%04d' "$rank")-${name//\//__}-$version.tgz"
  local want="${integrity#sha512-}"
  if [[ -f "$file" ]]; then
    local have
    have="$(openssl dgst -sha512 -binary "$file" | base64 -w0)"
    [[ "$have" == "$want" ]] && return 0
    rm -f "$file"
  fi
  local base="${name##*/}"
  local url="$registry/$name/-/$base-$version.tgz"
  if ! curl -fsL --retry 5 --retry-all-errors -o "$file.part" "$url"; then
    echo "FETCH-FAILED	$name@$version	$url" >&2
    rm -f "$file.part"
    return 0
  fi
  local have
  have="$(openssl dgst -sha512 -binary "$file.part" | base64 -w0)"
  if [[ "${integrity%%-*}" != "sha512" || "$have" != "$want" ]]; then
    echo "INTEGRITY-MISMATCH	$name@$version	want $integrity have sha512-$have" >&2
    rm -f "$file.part"
    return 0
  fi
  mv "$file.part" "$file"
}
export -f fetch_one

t0=$(date +%s.%N)
tail -n +2 "$tsv" | head -n "$limit" |
  while IFS=$'\t' read -r rank name version integrity; do
    printf '%s\0%s\0%s\0%s\0%s\0%s\0' "$rank" "$name" "$version" "$integrity" "$registry" "$cache"
  done |
  xargs -0 -n 6 -P "$jobs" bash -c 'fetch_one "$@"' _ 2> "$out/top1000-fetch-errors.txt" || true
t1=$(date +%s.%N)
mapfile -t tarballs < <(ls "$cache"/*.tgz | sort | head -n "$limit")
echo "fetched: ${#tarballs[@]} of $limit tarballs verified ($(echo "$t1 - $t0" | bc) s);" \
  "not evaluated: $(grep -cE '^(FETCH-FAILED|INTEGRITY-MISMATCH)' "$out/top1000-fetch-errors.txt" || true)"
cat "$out/top1000-fetch-errors.txt" >&2
[[ "${FETCH_ONLY:-}" == "1" ]] && exit 0
[[ -x "$bin" ]] || (cd "$root" && cargo build --release -p diligence)

# --- 2. scan: one process for all (total), then one per package (per-package times) ------
t0=$(date +%s.%N)
set +e
"$bin" scan --format json "${tarballs[@]}" > "$out/top1000-scan.json" 2> "$out/top1000-scan-errors.txt"
rc=$?
set -e
t1=$(date +%s.%N)
total=$(echo "$t1 - $t0" | bc)
echo "scan: ${#tarballs[@]} tarballs in one run: ${total} s (exit $rc)"

: > "$out/top1000-times.tsv"
for f in "${tarballs[@]}"; do
  s=$(date +%s%N)
  "$bin" scan --format json "$f" > /dev/null 2>&1 || true
  e=$(date +%s%N)
  printf '%s\t%s\n' "$(( (e - s) / 1000 ))" "$(basename "$f")" >> "$out/top1000-times.tsv"
done
sort -n "$out/top1000-times.tsv" | awk -F'\t' '{t[NR]=$1; sum+=$1} END {
  printf "per package (process start included): median %.1f ms, p90 %.1f ms, max %.1f ms, sum %.1f s; slowest:\n",
    t[int((NR+1)/2)]/1000, t[int(NR*0.9)]/1000, t[NR]/1000, sum/1e6 }'
sort -n "$out/top1000-times.tsv" | tail -3 | awk -F'\t' '{printf "  %.0f ms  %s\n", $1/1000, $2}'

# --- 3. verdicts ----------------------------------------------------------------------------
python3 - "$out/top1000-scan.json" <<'PY'
import json, sys, collections
scans = json.load(open(sys.argv[1]))
counts = collections.Counter(s["verdict"] for s in scans)
print(f"verdicts over {len(scans)} packages: " + ", ".join(f"{k} {counts.get(k, 0)}" for k in ("malicious", "suspicious", "clean")))
rules = collections.Counter()
for s in scans:
    if s["verdict"] == "clean":
        continue
    fired = sorted({f["rule"] for f in s["findings"] if f["severity"] in ("high", "critical", "medium")})
    rules.update(fired)
    print(f'  {s["verdict"]:<10} score {s["score"]:>3}  {s["package"]}  {", ".join(fired)}')
    for f in s["findings"][:6]:
        print(f'      {f["severity"]:<8} {f["rule"]} {f["file"]}:{f["line"]} {f["snippet"][:100]}')
if rules:
    print("rules behind non-clean verdicts: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()))
PY
