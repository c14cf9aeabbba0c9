#!/usr/bin/env bash
# Evaluates the static analyser on shared/corpus/malicious-dev.
#
# Copies every sample WITHOUT its label.json answer key into a temp folder, scans each copy with
# the release build of `diligence-analyze`'s scan example (same library as `diligence scan`),
# then joins the verdicts with the labels and prints:
#   - one row per sample: label, verdict, score, time (ms), rules fired;
#   - recall at `suspicious` and at `malicious` over the malicious samples;
#   - how many benign samples were called suspicious / malicious.
# Targets (issue 5): recall 100 % at suspicious, >= 95 % at malicious, 0 benign at malicious.
#
# Usage: scripts/eval-malicious-dev.sh [CORPUS_DIR]   (default: ../shared/corpus/malicious-dev)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$here/../shared/corpus/malicious-dev}"
[ -d "$corpus" ] || { echo "error: $corpus: no such folder" >&2; exit 2; }

cargo build --quiet --release -p diligence-analyze --example scan --manifest-path "$here/Cargo.toml"
scan="$here/target/release/examples/scan"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for d in "$corpus"/*/; do
  name="$(basename "$d")"
  cp -r "$d" "$work/$name"
  chmod -R u+w "$work/$name"
  rm -f "$work/$name/label.json"
done

results="$work/results.jsonl"
( cd "$work" && for d in */; do "$scan" "${d%/}"; done ) > "$results"

python3 - "$corpus" "$results" <<'PY'
import json, sys, os
corpus, results = sys.argv[1], sys.argv[2]
rows = []
for line in open(results):
    r = json.loads(line)
    label = json.load(open(os.path.join(corpus, r["target"], "label.json")))
    rules = sorted({x.split(":")[0] for x in r["rules"]})
    rows.append((r["target"], label["malicious"], r["verdict"], r["score"], r["ms"], rules))
rows.sort(key=lambda x: (not x[1], x[0]))
print(f"{'sample':34} {'label':9} {'verdict':10} {'score':>5} {'ms':>7}  rules")
for t, m, v, s, ms, rules in rows:
    print(f"{t:34} {'malicious' if m else 'benign':9} {v:10} {s:>5} {ms:>7.1f}  {', '.join(rules)}")
mal = [r for r in rows if r[1]]
ben = [r for r in rows if not r[1]]
at_susp = sum(1 for r in mal if r[2] in ("suspicious", "malicious"))
at_mal = sum(1 for r in mal if r[2] == "malicious")
b_susp = sum(1 for r in ben if r[2] == "suspicious")
b_mal = sum(1 for r in ben if r[2] == "malicious")
times = sorted(r[4] for r in rows)
print()
print(f"recall at suspicious: {at_susp}/{len(mal)} = {100*at_susp/len(mal):.1f} %   (target 100 %)")
print(f"recall at malicious:  {at_mal}/{len(mal)} = {100*at_mal/len(mal):.1f} %   (target >= 95 %)")
print(f"benign called suspicious: {b_susp}/{len(ben)}, malicious: {b_mal}/{len(ben)}   (target 0 malicious)")
print(f"time per package: median {times[len(times)//2]:.1f} ms, max {times[-1]:.1f} ms")
PY
