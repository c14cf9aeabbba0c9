#!/usr/bin/env bash
# Times every report format end to end on a synthetic npm lockfile of N packages (default
# 100,000), each installed from a host outside the allowlist, so that an offline audit
# (`--no-advisories --no-registry --no-code`) reports one finding per package. The lockfile
# reading and the rules are the same for every format; the difference between formats is the
# writer. Issue 11's budget: every format under 10 s at 100,000 packages.
#
#   scripts/bench-writers.sh [DILIGENCE_BINARY] [PACKAGES] [TIMEOUT_SECONDS]
#
# The writer-only timings are `cargo bench -p diligence-report --bench writers`.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-target/release/diligence}"
n="${2:-100000}"
limit="${3:-600}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$n" <<'PY'
import json, sys
work, n = sys.argv[1], int(sys.argv[2])
deps = {f"pkg-{i}": f"^1.{i % 50}.0" for i in range(n)}
packages = {"": {"name": "bench", "version": "1.0.0", "dependencies": deps}}
for i in range(n):
    name = f"pkg-{i}"
    packages[f"node_modules/{name}"] = {
        "version": f"1.{i % 50}.{i % 7}",
        "resolved": f"https://mirror.evil.example/{name}/-/{name}-1.{i % 50}.{i % 7}.tgz",
        "integrity": "sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==",
    }
lock = {"name": "bench", "version": "1.0.0", "lockfileVersion": 3, "requires": True, "packages": packages}
json.dump(lock, open(f"{work}/package-lock.json", "w"))
json.dump({"name": "bench", "version": "1.0.0", "dependencies": deps}, open(f"{work}/package.json", "w"))
PY
echo "$("$bin" --version), $n packages, timeout ${limit}s"
printf '%-9s %10s %10s %12s\n' format seconds "max RSS" "output"
for format in json sarif html github markdown human; do
    out="$work/report.$format"
    start=$(date +%s.%N)
    set +e
    timeout "$limit" /usr/bin/time -f "%M" -o "$work/rss" "$bin" audit "$work" \
        --no-advisories --no-registry --no-code --format "$format" --output "$out" 2>/dev/null
    code=$?
    set -e
    end=$(date +%s.%N)
    if [ "$code" = 124 ]; then
        printf '%-9s %10s\n' "$format" "> ${limit}"
        continue
    fi
    if [ ! -f "$out" ]; then
        printf '%-9s %10s\n' "$format" "n/a (exit $code)"
        continue
    fi
    printf '%-9s %10.2f %7s MB %9s KB\n' "$format" "$(echo "$end - $start" | bc)" \
        "$(( $(tail -n 1 "$work/rss") / 1024 ))" "$(( $(stat -c %s "$out") / 1024 ))"
done
