#!/usr/bin/env bash
# Detection evaluation: diligence and GuardDog 3.2.0 side by side, in ONE table.
#
# Sets (rows):
#   dev       ../shared/corpus/malicious-dev  +  every labelled sample under eval/dev/ (recursively)
#   blind     the folder given with --blind DIR (optional; samples found recursively)
#   top-1000  the tarballs cached in target/eval-cache/top1000/ (all benign; fill the cache with
#             DILIGENCE_LIVE=1 FETCH_ONLY=1 scripts/eval-top1000.sh)
# A sample is a folder holding an unpacked package and its answer key `label.json`
# ({"malicious": bool, "indicators": [...]}). Every sample is copied WITHOUT label.json before
# either tool sees it; `registry-manifest.json` stays (diligence reads it as the registry's
# version document, as `scan_dir` does).
#
# Columns: recall at `suspicious` (verdict suspicious or malicious) and at `malicious` over the
# malicious samples, and false positives over the benign ones at both levels, for each tool.
# GuardDog levels: its JSON `risk_score.label` (`high_risk` = malicious, `suspicious`, else clean).
# GuardDog results are cached per input (sha256 of the tarball, or of a folder's files) under
# target/eval-cache/guarddog/, so re-runs only scan what changed.
#
# Usage: scripts/eval-detection.sh [--blind DIR] [--gd-top N] [--no-guarddog] [--jobs N] [--details]
#   --blind DIR     also evaluate the labelled samples under DIR
#   --gd-top N      run GuardDog on the first N top-1000 tarballs only (default 100; 0 = none)
#   --no-guarddog   diligence only
#   --jobs N        parallel GuardDog processes (default 2)
#   --details       after the table: per-indicator recall and every miss / false positive
# Environment: GUARDDOG (default /work/cache/gd/bin/guarddog; install with
#   python3 -m venv /work/cache/gd && /work/cache/gd/bin/pip install guarddog==3.2.0),
#   DILIGENCE_CORPUS (corpus root, default ../shared/corpus), DILIGENCE_SCAN (scanner binary,
#   default the release build of diligence-analyze's `scan` example, built when missing).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
blind=""
gd_top=100
use_gd=1
jobs=2
details=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --blind) blind="$(cd "$2" && pwd)"; shift 2 ;;
    --gd-top) gd_top="$2"; shift 2 ;;
    --no-guarddog) use_gd=0; shift ;;
    --jobs) jobs="$2"; shift 2 ;;
    --details) details=1; shift ;;
    -h|--help) sed -n '2,31p' "$0"; exit 0 ;;
    *) echo "eval-detection: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

corpus="${DILIGENCE_CORPUS:-$root/../shared/corpus}"
[[ -d "$corpus/malicious-dev" ]] || { echo "eval-detection: $corpus/malicious-dev: no such folder (set DILIGENCE_CORPUS)" >&2; exit 2; }
gd="${GUARDDOG:-/work/cache/gd/bin/guarddog}"
if [[ $use_gd == 1 && ! -x "$gd" ]]; then
  echo "eval-detection: $gd: GuardDog not installed (or pass --no-guarddog)" >&2
  exit 2
fi
scan="${DILIGENCE_SCAN:-$root/target/release/examples/scan}"
if [[ -z "${DILIGENCE_SCAN:-}" ]]; then
  cargo build --quiet --release -p diligence-analyze --example scan --manifest-path "$root/Cargo.toml"
fi
cache="$root/target/eval-cache"
mkdir -p "$cache/guarddog"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$root" "$corpus" "$blind" "$gd_top" "$use_gd" "$jobs" "$details" "$gd" "$scan" "$cache" "$work" <<'PY'
import collections, concurrent.futures, hashlib, json, os, shutil, subprocess, sys, time

root, corpus, blind, gd_top, use_gd, jobs, details, gd, scan, cache, work = sys.argv[1:]
gd_top, use_gd, jobs, details = int(gd_top), use_gd == "1", int(jobs), details == "1"

def labelled(base):
    """Folders under `base` holding a label.json, sorted."""
    out = []
    for d, dirs, files in os.walk(base):
        if "label.json" in files:
            out.append(d)
            dirs[:] = []
        dirs.sort()
    return sorted(out)

def copy_unlabelled(src, dst):
    shutil.copytree(src, dst, symlinks=True, ignore=lambda d, names: ["label.json"] if d == src else [])
    return dst

samples = []  # (set, name, copy path, label)
sets = [("dev", [os.path.join(corpus, "malicious-dev"), os.path.join(root, "eval", "dev")])]
if blind:
    sets.append(("blind", [blind]))
for set_, bases in sets:
    for base in bases:
        if not os.path.isdir(base):
            continue
        for d in labelled(base):
            name = os.path.relpath(d, base)
            label = json.load(open(os.path.join(d, "label.json")))
            dst = os.path.join(work, set_, os.path.basename(base.rstrip("/")), name)
            samples.append((set_, name, copy_unlabelled(d, dst), label))
top = sorted(os.path.join(cache, "top1000", f) for f in os.listdir(os.path.join(cache, "top1000"))
             if f.endswith(".tgz")) if os.path.isdir(os.path.join(cache, "top1000")) else []

# --- diligence: one process per set -----------------------------------------------------------
def run_scan(targets):
    res = {}
    for i in range(0, len(targets), 200):
        chunk = targets[i:i + 200]
        p = subprocess.run([scan] + chunk, capture_output=True, text=True)
        for line in p.stdout.splitlines():
            r = json.loads(line)
            res[r["target"]] = r
        for line in p.stderr.splitlines():
            print(f"  diligence: {line}", file=sys.stderr)
    return res

t0 = time.perf_counter()
dil = run_scan([s[2] for s in samples] + top)
dil_s = time.perf_counter() - t0

# --- GuardDog, cached per input hash -----------------------------------------------------------
def input_hash(path):
    h = hashlib.sha256(b"guarddog-3.2.0\0")
    if os.path.isfile(path):
        h.update(open(path, "rb").read())
        return h.hexdigest()
    for d, dirs, files in os.walk(path):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            h.update(os.path.relpath(p, path).encode() + b"\0")
            if os.path.isfile(p) and not os.path.islink(p):
                h.update(open(p, "rb").read())
    return h.hexdigest()

def guarddog(path):
    key = os.path.join(cache, "guarddog", input_hash(path) + ".json")
    if os.path.exists(key):
        return json.load(open(key))
    t = time.perf_counter()
    p = subprocess.run([gd, "npm", "scan", path, "--output-format", "json"], capture_output=True, text=True)
    dt = time.perf_counter() - t
    try:
        label = json.loads(p.stdout)["risk_score"]["label"]
        level = {"high_risk": "malicious", "suspicious": "suspicious"}.get(label, "clean")
    except Exception:
        return {"level": "error", "seconds": dt}
    out = {"level": level, "seconds": dt}
    json.dump(out, open(key, "w"))
    return out

gdres = {}
if use_gd:
    todo = [s[2] for s in samples] + top[:gd_top]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        for path, r in zip(todo, ex.map(guarddog, todo)):
            gdres[path] = r

# --- the table -----------------------------------------------------------------------------------
def level_dil(path):
    r = dil.get(path)
    return r["verdict"] if r else "error"

def level_gd(path):
    r = gdres.get(path)
    return r["level"] if r else None

def frac(n, d):
    return f"{n}/{d} ({100 * n / d:.0f} %)" if d else "–"

def cells(rows, level):
    got = [(mal, level(p)) for mal, p in rows]
    got = [(m, l) for m, l in got if l is not None]
    if not got:
        return ["–"] * 4
    mal = [l for m, l in got if m]
    ben = [l for m, l in got if not m]
    susp = lambda l: l in ("suspicious", "malicious")
    return [frac(sum(map(susp, mal)), len(mal)) if mal else "–",
            frac(sum(l == "malicious" for l in mal), len(mal)) if mal else "–",
            frac(sum(map(susp, ben)), len(ben)) if ben else "–",
            frac(sum(l == "malicious" for l in ben), len(ben)) if ben else "–"]

table = []
for set_, _ in sets:
    rows = [(bool(s[3]["malicious"]), s[2]) for s in samples if s[0] == set_]
    nm = sum(m for m, _ in rows)
    table.append((set_, f"{nm} mal / {len(rows) - nm} benign", rows))
if top:
    table.append(("top-1000", f"{len(top)} benign (GuardDog: first {min(gd_top, len(top)) if use_gd else 0})",
                  [(False, p) for p in top]))
head = ["set", "samples", "diligence recall ≥susp", "diligence recall mal", "diligence FP ≥susp",
        "diligence FP mal", "GuardDog recall ≥susp", "GuardDog recall mal", "GuardDog FP ≥susp", "GuardDog FP mal"]
print("| " + " | ".join(head) + " |")
print("|" + "---|" * len(head))
for set_, n, rows in table:
    print("| " + " | ".join([set_, n] + cells(rows, level_dil) + cells(rows, level_gd)) + " |")
ms = sorted(r["ms"] for r in dil.values())
gds = sorted(r["seconds"] for r in gdres.values() if r.get("level") != "error")
line = f"\ndiligence: {len(dil)} packages in {dil_s:.1f} s (median {ms[len(ms)//2]:.1f} ms in-process)" if ms else ""
if gds:
    line += f"; GuardDog median {gds[len(gds)//2]:.2f} s per package (cached results keep their first timing)"
errors = [p for p in list(dil) if dil[p]["verdict"] not in ("clean", "suspicious", "malicious")]
errors += [p for p, r in gdres.items() if r["level"] == "error"]
print(line + (f"; {len(errors)} errors" if errors else ""))

if details:
    print("\nper-indicator recall (diligence ≥susp / mal; GuardDog ≥susp) over malicious samples:")
    for set_, _ in sets:
        ind = collections.defaultdict(lambda: [0, 0, 0, 0, 0])
        for s in samples:
            if s[0] != set_ or not s[3]["malicious"]:
                continue
            d, g = level_dil(s[2]), level_gd(s[2])
            for i in s[3].get("indicators", []):
                c = ind[i]
                c[0] += 1
                c[1] += d in ("suspicious", "malicious")
                c[2] += d == "malicious"
                c[3] += g in ("suspicious", "malicious")
                c[4] += g is not None
        print(f"  [{set_}]")
        for i, (n, s_, m, g, gn) in sorted(ind.items(), key=lambda x: (x[1][1] / x[1][0], x[0])):
            gtxt = f"{g}/{gn}" if gn else "–"
            print(f"    {i:32} {s_}/{n} {m}/{n}   GuardDog {gtxt}")
    print("\nmisses and false positives (set, sample: diligence / GuardDog, score, rules):")
    for s in samples:
        d, g = level_dil(s[2]), level_gd(s[2])
        bad_d = (d == "clean") if s[3]["malicious"] else (d != "clean")
        bad_g = g is not None and ((g == "clean") if s[3]["malicious"] else (g != "clean"))
        if bad_d or bad_g or (s[3]["malicious"] and d != "malicious"):
            r = dil.get(s[2], {})
            rules = sorted({x.split(":")[0] + ":" + x.split(":")[1] for x in r.get("rules", [])})
            kind = "malicious" if s[3]["malicious"] else "benign"
            print(f"  {s[0]:6} {s[1]:40} {kind:9} {d:10} / {g or '–':10} {r.get('score', '?'):>4}  {', '.join(rules)}")
    for p in top:
        if level_dil(p) != "clean":
            r = dil[p]
            print(f"  top    {os.path.basename(p):40} benign    {r['verdict']:10} {r['score']:>4}  {', '.join(r['rules'][:6])}")
PY
