#!/usr/bin/env bash
# GuardDog side by side with `diligence scan` (issue 5 evaluation), one package at a time:
#
# - the malicious-dev set (../shared/corpus/malicious-dev, 14 malicious + 8 benign), copied
#   without its label.json answer keys (they are read only for the score);
# - the first N (default 100) tarballs of the top-1000 benign list, from the cache that
#   scripts/eval-top1000.sh fills (target/eval-cache/top1000/).
#
# GuardDog levels: its JSON `risk_score.label` (`high_risk`, `suspicious`, anything else is
# clean). diligence levels: the scan verdict (`malicious`, `suspicious`, `clean`).
# Prints one Markdown table: recall on the malicious samples at "suspicious or worse" and at
# the top level, false positives on the benign samples at both levels, and wall time (per
# package median and total, process start included for both tools).
#
# Usage: GUARDDOG=/tmp/gd/bin/guarddog scripts/eval-guarddog.sh [N]
#   (install GuardDog with: python3 -m venv /tmp/gd && /tmp/gd/bin/pip install guarddog)
# Per-package results: target/eval-cache/guarddog-side-by-side.tsv.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-100}"
gd="${GUARDDOG:-/tmp/gd/bin/guarddog}"
bin="${DILIGENCE_BIN:-$root/target/release/diligence}"
corpus="$root/../shared/corpus/malicious-dev"
out="$root/target/eval-cache"
dev="$out/malicious-dev-unlabelled"

[[ -x "$gd" ]] || { echo "eval-guarddog: $gd: GuardDog not installed" >&2; exit 2; }
[[ -x "$bin" ]] || (cd "$root" && cargo build --release -p diligence)
mkdir -p "$out"
rm -rf "$dev" && cp -r "$corpus" "$dev" && find "$dev" -name label.json -delete && rm -f "$dev/README.md"
mapfile -t benign < <(ls "$out"/top1000/*.tgz 2>/dev/null | sort | head -n "$n")
[[ ${#benign[@]} -eq "$n" ]] || {
  echo "eval-guarddog: only ${#benign[@]} of $n benign tarballs cached: run DILIGENCE_LIVE=1 FETCH_ONLY=1 scripts/eval-top1000.sh first" >&2
  exit 2
}

python3 - "$gd" "$bin" "$corpus" "$dev" "$out/guarddog-side-by-side.tsv" "${benign[@]}" <<'PY'
import json, os, statistics, subprocess, sys, time
gd, bin_, corpus, dev, tsv, *benign = sys.argv[1:]
samples = []  # (set, target, truth)
for name in sorted(os.listdir(dev)):
    label = json.load(open(os.path.join(corpus, name, "label.json")))
    samples.append(("dev", os.path.join(dev, name), bool(label["malicious"])))
samples += [("top100", t, False) for t in benign]

def guarddog(target):
    t = time.perf_counter()
    p = subprocess.run([gd, "npm", "scan", target, "--output-format", "json"], capture_output=True, text=True)
    dt = time.perf_counter() - t
    try:
        label = json.loads(p.stdout)["risk_score"]["label"]
    except Exception:
        return "error", dt
    return {"high_risk": "malicious", "suspicious": "suspicious"}.get(label, "clean"), dt

def diligence(target):
    t = time.perf_counter()
    p = subprocess.run([bin_, "scan", "--format", "json", target], capture_output=True, text=True)
    dt = time.perf_counter() - t
    try:
        return json.loads(p.stdout)[0]["verdict"], dt
    except Exception:
        return "error", dt

rows = []
with open(tsv, "w") as f:
    f.write("set\ttarget\tmalicious\tguarddog\tguarddog_s\tdiligence\tdiligence_s\n")
    for set_, target, truth in samples:
        g, gt = guarddog(target)
        d, dt = diligence(target)
        rows.append((set_, target, truth, g, gt, d, dt))
        f.write(f"{set_}\t{os.path.basename(target)}\t{truth}\t{g}\t{gt:.3f}\t{d}\t{dt:.4f}\n")

def stats(tool):
    i, t = (3, 4) if tool == "guarddog" else (5, 6)
    mal = [r for r in rows if r[2]]
    dev_benign = [r for r in rows if r[0] == "dev" and not r[2]]
    top = [r for r in rows if r[0] == "top100"]
    susp = lambda r: r[i] in ("suspicious", "malicious")
    top_lvl = lambda r: r[i] == "malicious"
    errors = sum(r[i] == "error" for r in rows)
    times = [r[t] for r in rows]
    return [
        tool,
        f"{sum(map(susp, mal))}/{len(mal)}", f"{sum(map(top_lvl, mal))}/{len(mal)}",
        f"{sum(map(susp, dev_benign))}/{len(dev_benign)}", f"{sum(map(top_lvl, dev_benign))}/{len(dev_benign)}",
        f"{sum(map(susp, top))}/{len(top)}", f"{sum(map(top_lvl, top))}/{len(top)}",
        f"{statistics.median(times)*1000:.0f} ms", f"{sum(times):.1f} s", str(errors),
    ]

head = ["tool", "dev recall ≥susp", "dev recall top", "dev benign FP ≥susp", "dev benign FP top",
        f"top-{len(benign)} FP ≥susp", f"top-{len(benign)} FP top", "median / pkg", "total", "errors"]
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for tool in ("guarddog", "diligence"):
    print("| " + " | ".join(stats(tool)) + " |")
g = statistics.median(r[4] for r in rows); d = statistics.median(r[6] for r in rows)
print(f"\nper-package speed ratio (median GuardDog / median diligence): {g/d:.0f}x")
print("\nmissed or flagged (tool: sample → level):")
for r in rows:
    if r[2] and r[5] == "clean" or (not r[2] and r[5] != "clean"):
        print(f"  diligence: {os.path.basename(r[1])} → {r[5]} (malicious={r[2]})")
    if r[2] and r[3] == "clean" or (not r[2] and r[3] != "clean"):
        print(f"  guarddog:  {os.path.basename(r[1])} → {r[3]} (malicious={r[2]})")
PY
