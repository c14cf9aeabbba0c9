#!/usr/bin/env bash
# Benchmark (not a test): `diligence hunt --all-refs` over a scripted history of a real lockfile
# (scripts/gen-hunt-history.py: COMMITS commits, each bumping three versions, branches every 40
# commits, half of them merged, tags every 100), then the git plumbing alone on the same
# history for comparison (the walk, and reading every distinct lockfile blob once).
#
# Usage: scripts/bench-hunt.sh [CASE] [COMMITS] [RUNS]
#   CASE: a folder of ../shared/corpus/lockfiles (default npm-v2-axios, a 1.6 MB lockfile)
#   COMMITS: default 1000; RUNS: default 3
# Prints per run: wall seconds, user and system CPU seconds (children included), peak RSS, and
# the walk's counts from the JSON report. The machine is shared: the load average is printed
# too, and user CPU is the number to compare across runs.
set -euo pipefail
cd "$(dirname "$0")/.."
case=${1:-npm-v2-axios}
commits=${2:-1000}
runs=${3:-3}
dir="${DILIGENCE_CORPUS:-../shared/corpus}/lockfiles/$case"
lock=$(cd "$dir" && ls | grep -E '^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock)$' | head -n 1)
cargo build --release -q -p diligence
bin=$PWD/target/release/diligence

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== generating $commits commits over $case/$lock ($(stat -c %s "$dir/$lock") bytes)"
python3 scripts/gen-hunt-history.py "$dir/$lock" "$work/repo" --commits "$commits"
# Hunt every version of the first registry package of the lockfile: present in every commit,
# so every lockfile version has hits and the timeline is exercised.
spec=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['registry'][0].rsplit('@',1)[0])" "$dir/expected.json")
echo "== diligence hunt $spec --all-refs (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-4s %8s %8s %8s %10s %8s %14s %16s %8s\n' run wall_s user_s sys_s rss_KiB commits lockfile_blobs lockfiles_parsed matches
for run in $(seq "$runs"); do
  /usr/bin/time -o "$work/time" -f '%e %U %S %M' \
    "$bin" hunt "$spec" --repo "$work/repo" --all-refs --format json --output "$work/out.json" || true
  # /usr/bin/time writes "Command exited with non-zero status 1" first when hunt finds matches.
  read -r wall user sys rss < <(tail -n 1 "$work/time")
  python3 - "$work/out.json" "$run" "$wall" "$user" "$sys" "$rss" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
s = doc["repositories"][0]["stats"]
run, wall, user, sys_, rss = sys.argv[2:]
print(f"{run:<4} {wall:>8} {user:>8} {sys_:>8} {rss:>10} {s['commits']:>8} {s['lockfile_blobs']:>14} {s['lockfiles_parsed']:>16} {len(doc['repositories'][0]['matches']):>8}")
PY
done

echo "== git plumbing alone (what any hunt must at least pay)"
git -C "$work/repo" log --all --no-renames --raw --no-abbrev --diff-merges=first-parent --topo-order --reverse \
  --format=%H > "$work/log.txt"
awk -v f="$lock" '$5 ~ /^[AM]/ && $6 ~ f"$" {print $4}' "$work/log.txt" | awk '!seen[$0]++' > "$work/ids.txt"
/usr/bin/time -f 'git log --raw:        %e s wall, %U s user, %S s sys' \
  git -C "$work/repo" log --all --no-renames --raw --no-abbrev --diff-merges=first-parent --topo-order --reverse --format=%H > /dev/null
/usr/bin/time -f "git cat-file --batch ($(wc -l < "$work/ids.txt") blobs, history order): %e s wall, %U s user, %S s sys" \
  git -C "$work/repo" cat-file --batch < "$work/ids.txt" > /dev/null
