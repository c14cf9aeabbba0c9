"""Throughput of the streaming worker against one process per package, on local tarballs.

    python3 deploy/ray/bench_stream.py --diligence target/release/diligence \\
        --tarballs target/eval-cache/top1000 [--limit N]

Prints, for 1 and 2 workers: packages/s of ``diligence scan --stdin --format ndjson --jobs W``
(one process for the whole list) and of ``diligence scan --format json <tgz>`` run once per
package (W at a time); then the size distribution of the tarballs (compressed, and unpacked
from the records' ``bytes``), the per-package scan time percentiles, and the share of gzip
inflation in the scan time (file read + inflate + untar + parse + rules) (inflate measured with Python's zlib on the same bytes). Standard
library only; never reaches the network (the targets are files).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def stream(binary: str, files: list[Path], workers: int) -> tuple[float, list[dict]]:
    started = time.monotonic()
    p = subprocess.run([binary, "scan", "--stdin", "--format", "ndjson", "--jobs",
                        str(workers)], input="".join(f"{f}\n" for f in files),
                       capture_output=True, text=True)
    elapsed = time.monotonic() - started
    records = [json.loads(line) for line in p.stdout.splitlines()]
    assert len(records) == len(files), (len(records), p.stderr[-500:])
    return elapsed, records


def per_process(binary: str, files: list[Path], workers: int) -> float:
    def one(f: Path) -> int:
        return subprocess.run([binary, "scan", "--format", "json", str(f)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode

    started = time.monotonic()
    with ThreadPoolExecutor(workers) as pool:
        codes = list(pool.map(one, files))
    assert all(c in (0, 1, 2) for c in codes)
    return time.monotonic() - started


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--diligence", required=True)
    ap.add_argument("--tarballs", required=True)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--per-process-limit", type=int, default=300,
                    help="packages for the one-process-per-package runs (slow)")
    a = ap.parse_args()
    files = sorted(Path(a.tarballs).glob("*.tgz"))
    if a.limit:
        files = files[:a.limit]
    pp_files = files[:a.per_process_limit]
    print(f"{len(files)} tarballs ({len(pp_files)} for one process per package); "
          f"load average {os.getloadavg()[0]:.1f}")
    records = []
    for w in (1, 2):
        t, records = stream(a.diligence, files, w)
        print(f"stream  --jobs {w}: {len(files)} packages in {t:.2f} s = "
              f"{len(files) / t:.1f} packages/s")
        t_pp = per_process(a.diligence, pp_files, w)
        print(f"process per package, {w} at a time: {len(pp_files)} packages in {t_pp:.2f} s = "
              f"{len(pp_files) / t_pp:.1f} packages/s")
    sizes = [f.stat().st_size for f in files]
    unpacked = [r["bytes"] for r in records if r.get("bytes") is not None]
    scan_ms = [r["timings"]["total_ms"] for r in records if r["status"] != "error"]
    by_status = {}
    for r in records:
        by_status[r["status"]] = by_status.get(r["status"], 0) + 1
    print(f"records by status: {by_status}")
    for label, values, unit in (("tarball (gzip)", sizes, 1024), ("unpacked", unpacked, 1024)):
        print(f"{label} KiB: p50 {pct(values, 50) / unit:.1f}  p90 {pct(values, 90) / unit:.1f}  "
              f"p99 {pct(values, 99) / unit:.1f}  max {max(values) / unit:.1f}  "
              f"mean {statistics.mean(values) / unit:.1f}  total {sum(values) / unit / 1024:.1f} MiB")
    print(f"scan ms (--jobs 2 run): p50 {pct(scan_ms, 50):.1f}  p90 {pct(scan_ms, 90):.1f}  "
          f"p99 {pct(scan_ms, 99):.1f}  max {max(scan_ms):.1f}  sum {sum(scan_ms) / 1000:.1f} s")
    started = time.monotonic()
    for f in files:
        zlib.decompress(f.read_bytes(), 16 + zlib.MAX_WBITS)
    inflate = time.monotonic() - started
    print(f"inflate alone (zlib): {inflate:.2f} s = {100 * inflate / (sum(scan_ms) / 1000):.1f}% "
          f"of the summed scan time")
    biggest = sorted(records, key=lambda r: -(r["timings"]["total_ms"] or 0))[:5]
    print("slowest: " + ", ".join(f"{r['package']} {r['timings']['total_ms']:.0f} ms "
                                 f"({(r['bytes'] or 0) // 1024} KiB)" for r in biggest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
