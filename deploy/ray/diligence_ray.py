"""Registry-scale scanning with diligence on Ray.

The driver reads a feed of package specs (a CouchDB-style ``_changes`` endpoint from a ``since``
checkpoint, or a backfill file of ``name@version`` / tarball URL / path lines), drops what is
already scanned, cuts the rest into batches and hands them to ``ScanWorker`` actors. Each actor
keeps one long-lived ``diligence scan --stdin --format ndjson`` process (with its own tarball
cache) and streams the batch through it. Finished batches are written as Parquet files,
Hive-partitioned by scan date (``OUT/date=YYYY-MM-DD/batch-<id>.parquet``).

Exactly once: the Parquet files are the record of what is done. A batch file appears
atomically (written to a temporary name, then renamed), its name is a hash of its specs, and on
start the driver reads the ``spec`` column of every file under OUT and never schedules those
specs again. The feed cursor (``since`` / line number) in ``STATE/checkpoint.json`` only saves
re-reading the feed: it is advanced after every spec of a page is in a Parquet file, so a job
killed at any point resumes without rescanning and without losing a spec.

Failures: an actor that dies is restarted by Ray (``max_restarts=-1``); a batch whose actor
died, whose ``diligence`` process died, or that timed out is retried (``--max-retries``) on
the next free actor; a batch that still fails is split into single specs, each retried, so one
package that crashes the scanner cannot sink its batch-mates; a spec that fails every attempt
is written as a ``status = "error"`` row (never silently dropped, never reported clean).

Run ``python diligence_ray.py --help``; deploy/ray/README.md has the cluster set-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator

SCHEMA = "diligence.scan-record/1"


# --------------------------------------------------------------------------------------------
# Configuration


@dataclass
class Config:
    """What the driver and the actors need. Paths must be visible to every node (a shared
    file system or, for OUT, an object-store mount) when the job runs on a cluster."""

    diligence: str = "diligence"
    out: str = "out"
    state: str = "state"
    workers: int = 2
    jobs_per_worker: int = 1
    batch_size: int = 16
    max_retries: int = 2
    batch_timeout_s: float = 600.0
    cache_dir: str | None = None
    npmrc: str | None = None
    # Test hooks (see tests/test_job.py): kill the actor process (``actor``) or its diligence
    # process (``scanner``) when it receives its Nth batch, once per job directory.
    fault: str | None = None
    extra_env: dict = field(default_factory=dict)


# --------------------------------------------------------------------------------------------
# Feeds


def fetch_json(url: str, timeout: float = 60.0) -> dict:
    req = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 (configured URL)
        return json.load(resp)


class SpecFile:
    """A backfill list: one target per line (blank lines and ``#`` comments skipped). The
    cursor is the number of lines consumed."""

    def __init__(self, path: str, page_size: int = 1000):
        self.path = path
        self.page_size = page_size

    def pages(self, cursor) -> Iterator[tuple[int, list[str]]]:
        start = int(cursor or 0)
        page: list[str] = []
        n = 0
        with open(self.path, encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if n <= start:
                    continue
                spec = line.strip()
                if spec and not spec.startswith("#"):
                    page.append(spec)
                if len(page) >= self.page_size:
                    yield n, page
                    page = []
        if page or n > start:
            yield max(n, start), page


class ChangesFeed:
    """A CouchDB-style ``_changes`` feed (``GET {url}?since=S&limit=L`` →
    ``{"results": [{"seq", "id", "deleted"?}], "last_seq"}``), as the npm replication endpoint
    serves it. Each change names a package; its packument (``{registry}/{name}``) gives the
    versions to scan: ``dist-tags.latest`` (``versions="latest"``) or every version
    (``"all"``). Deleted documents and ``_design/`` documents are skipped. The cursor is the
    ``last_seq`` of the page (opaque: numbers and strings are both passed back as given)."""

    def __init__(self, url: str, registry: str, versions: str = "latest", limit: int = 500,
                 follow: bool = False, poll_s: float = 30.0):
        self.url = url
        self.registry = registry.rstrip("/") + "/"
        self.versions = versions
        self.limit = limit
        self.follow = follow
        self.poll_s = poll_s

    def pages(self, cursor) -> Iterator[tuple[object, list[str]]]:
        since = cursor if cursor is not None else 0
        while True:
            query = urllib.parse.urlencode({"since": since, "limit": self.limit})
            sep = "&" if "?" in self.url else "?"
            body = fetch_json(f"{self.url}{sep}{query}")
            results = body.get("results", [])
            specs: list[str] = []
            for change in results:
                name = change.get("id", "")
                if not name or name.startswith("_design/") or change.get("deleted"):
                    continue
                specs.extend(self.specs_of(name))
            last = body.get("last_seq", since)
            if results:
                yield last, specs
                since = last
            if len(results) < self.limit:
                if not self.follow:
                    return
                time.sleep(self.poll_s)

    def specs_of(self, name: str) -> list[str]:
        escaped = name.replace("/", "%2f") if name.startswith("@") else name
        try:
            packument = fetch_json(self.registry + escaped)
        except Exception as e:  # noqa: BLE001 (a missing packument is a record, not a crash)
            print(f"warning: {name}: packument not read ({e})", file=sys.stderr)
            return []
        versions = packument.get("versions") or {}
        if self.versions == "all":
            return [f"{name}@{v}" for v in versions]
        latest = (packument.get("dist-tags") or {}).get("latest")
        return [f"{name}@{latest}"] if latest in versions else []


# --------------------------------------------------------------------------------------------
# The actor: one long-lived `diligence scan --stdin` process


class Scanner:
    """One ``diligence scan --stdin --format ndjson`` process and the reader of its output.
    Not Ray-specific (tests and the benchmark use it directly)."""

    def __init__(self, cfg: Config, name: str):
        self.cfg = cfg
        self.name = name
        self.proc: subprocess.Popen | None = None
        self.lines: queue.Queue = queue.Queue()
        self.seq = 0
        self.workdir = Path(tempfile.mkdtemp(prefix=f"diligence-{name}-"))
        if cfg.npmrc:
            shutil.copy(cfg.npmrc, self.workdir / ".npmrc")

    def start(self) -> None:
        env = dict(os.environ)
        env.update(self.cfg.extra_env)
        if self.cfg.cache_dir:
            env["DILIGENCE_CACHE_DIR"] = self.cfg.cache_dir
        # The project .npmrc of the work folder is the only npm configuration read.
        env["npm_config_userconfig"] = str(self.workdir / "user.npmrc")
        env["npm_config_globalconfig"] = str(self.workdir / "global.npmrc")
        self.proc = subprocess.Popen(
            [self.cfg.diligence, "scan", "--stdin", "--format", "ndjson",
             "--jobs", str(self.cfg.jobs_per_worker)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=self.workdir, env=env, text=True, encoding="utf-8", bufsize=1,
        )
        self.seq = 0
        self.lines = queue.Queue()
        proc, lines = self.proc, self.lines

        def read() -> None:
            for line in proc.stdout:
                lines.put(line)
            lines.put(None)  # EOF: the process ended

        threading.Thread(target=read, daemon=True).start()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def scan(self, specs: list[str], timeout_s: float) -> list[dict]:
        """Streams ``specs`` through the process; returns one record per spec (input order).
        Raises ``RuntimeError`` when the process dies or the batch times out (the process is
        then killed, so the next batch starts a fresh one)."""
        if not self.alive():
            self.start()
        assert self.proc is not None and self.proc.stdin is not None
        wanted = {}
        for spec in specs:
            if "\n" in spec or "\r" in spec:
                raise ValueError(f"{spec!r}: a spec is one line")
            self.seq += 1
            wanted[self.seq] = spec
        proc = self.proc

        def write() -> None:
            try:
                for spec in specs:
                    proc.stdin.write(spec + "\n")
                proc.stdin.flush()
            except (BrokenPipeError, ValueError, OSError):
                pass  # the reader sees EOF and the batch fails

        # Written from a thread: the worker reads stdin only as it frees up (back-pressure),
        # so a big batch would otherwise deadlock against our not reading its stdout.
        threading.Thread(target=write, daemon=True).start()
        got: dict[int, dict] = {}
        deadline = time.monotonic() + timeout_s
        while len(got) < len(wanted):
            left = deadline - time.monotonic()
            try:
                line = self.lines.get(timeout=max(left, 0.001))
            except queue.Empty:
                self.kill()
                raise RuntimeError(f"{self.name}: batch timed out after {timeout_s:.0f} s")
            if line is None:
                code = proc.wait()
                self.proc = None
                raise RuntimeError(f"{self.name}: diligence exited ({code}) mid-batch")
            record = json.loads(line)
            if record.get("seq") in wanted:
                got[record["seq"]] = record
        return [got[seq] for seq in sorted(wanted)]

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def close(self) -> None:
        if self.proc is not None and self.proc.stdin is not None:
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
            self.proc = None


def _fault_fires(cfg: Config, kind: str, batch_no: int) -> bool:
    """The test hook ``cfg.fault = "<kind>:<N>"``: true once per state folder, on the Nth batch
    an actor receives."""
    if not cfg.fault:
        return False
    want_kind, _, n = cfg.fault.partition(":")
    if want_kind != kind or batch_no != int(n):
        return False
    marker = Path(cfg.state) / f"fault-{kind}-fired"
    try:
        marker.touch(exist_ok=False)
    except FileExistsError:
        return False
    return True


class ScanWorker:
    """The Ray actor (wrapped with ``ray.remote`` in :func:`run`)."""

    def __init__(self, cfg: Config, name: str):
        self.cfg = cfg
        self.name = name
        self.scanner = Scanner(cfg, name)
        self.batches = 0

    def scan(self, batch_id: str, specs: list[str]) -> dict:
        self.batches += 1
        if _fault_fires(self.cfg, "actor", self.batches):
            os.kill(os.getpid(), signal.SIGKILL)
        if _fault_fires(self.cfg, "scanner", self.batches):
            if not self.scanner.alive():
                self.scanner.start()
            os.kill(self.scanner.proc.pid, signal.SIGKILL)
        started = time.monotonic()
        records = self.scanner.scan(specs, self.cfg.batch_timeout_s)
        return {"batch": batch_id, "worker": self.name, "pid": os.getpid(),
                "records": records, "seconds": time.monotonic() - started}

    def pid(self) -> int:
        return os.getpid()


# --------------------------------------------------------------------------------------------
# Output


def arrow_schema():
    import pyarrow as pa

    finding = pa.struct([
        ("rule", pa.string()), ("severity", pa.string()), ("file", pa.string()),
        ("line", pa.int64()), ("message", pa.string()), ("snippet", pa.string()),
    ])
    return pa.schema([
        ("spec", pa.string()), ("status", pa.string()), ("package", pa.string()),
        ("name", pa.string()), ("version", pa.string()), ("verdict", pa.string()),
        ("score", pa.int64()), ("integrity", pa.string()), ("source", pa.string()),
        ("files", pa.int64()), ("bytes", pa.int64()), ("findings", pa.list_(finding)),
        ("not_evaluated", pa.list_(pa.string())), ("error", pa.string()),
        ("exit_code", pa.int32()), ("total_ms", pa.float64()),
        ("worker", pa.string()), ("batch", pa.string()), ("attempts", pa.int32()),
        ("scanned_at", pa.timestamp("ms", tz="UTC")),
    ])


def to_row(record: dict, worker: str, batch: str, attempts: int, at: dt.datetime) -> dict:
    timings = record.get("timings") or {}
    return {
        "spec": record["spec"], "status": record["status"], "package": record.get("package"),
        "name": record.get("name"), "version": record.get("version"),
        "verdict": record.get("verdict"), "score": record.get("score"),
        "integrity": record.get("integrity"), "source": record.get("source"),
        "files": record.get("files"), "bytes": record.get("bytes"),
        "findings": [
            {k: f.get(k) for k in ("rule", "severity", "file", "line", "message", "snippet")}
            for f in record.get("findings") or []
        ],
        "not_evaluated": record.get("not_evaluated") or [],
        "error": record.get("error"), "exit_code": record.get("exit_code", 2),
        "total_ms": timings.get("total_ms"),
        "worker": worker, "batch": batch, "attempts": attempts, "scanned_at": at,
    }


def batch_id(specs: list[str]) -> str:
    return hashlib.sha256("\n".join(specs).encode()).hexdigest()[:20]


def write_batch(out: Path, bid: str, rows: list[dict], at: dt.datetime) -> Path:
    """Writes one batch atomically to ``out/date=YYYY-MM-DD/batch-<bid>.parquet``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = out / f"date={at.strftime('%Y-%m-%d')}"
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"batch-{bid}.parquet"
    tmp = folder / f".batch-{bid}.parquet.tmp"
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), tmp)
    os.replace(tmp, final)
    return final


def done_specs(out: Path) -> set[str]:
    """Every spec already in a Parquet batch under ``out`` (the exactly-once record)."""
    import pyarrow.parquet as pq

    done: set[str] = set()
    for f in sorted(out.glob("date=*/batch-*.parquet")):
        done.update(pq.read_table(f, columns=["spec"]).column("spec").to_pylist())
    return done


def read_checkpoint(state: Path, feed_key: str):
    try:
        doc = json.loads((state / "checkpoint.json").read_text())
    except FileNotFoundError:
        return None
    return doc.get("cursor") if doc.get("feed") == feed_key else None


def write_checkpoint(state: Path, feed_key: str, cursor) -> None:
    tmp = state / "checkpoint.json.tmp"
    tmp.write_text(json.dumps({"feed": feed_key, "cursor": cursor,
                               "at": dt.datetime.now(dt.timezone.utc).isoformat()}))
    os.replace(tmp, state / "checkpoint.json")


# --------------------------------------------------------------------------------------------
# The driver


@dataclass
class Stats:
    scanned: int = 0
    skipped: int = 0
    batches: int = 0
    retries: int = 0
    errors: int = 0
    started: float = field(default_factory=time.monotonic)

    def summary(self) -> dict:
        d = asdict(self)
        d["seconds"] = round(time.monotonic() - self.started, 3)
        d.pop("started")
        d["packages_per_s"] = round(self.scanned / d["seconds"], 3) if d["seconds"] else 0.0
        return d


class Pool:
    """The actors, started on the first batch (so a run with nothing to do starts no Ray)."""

    def __init__(self, cfg: Config, ray_address: str | None):
        self.cfg = cfg
        self.ray_address = ray_address
        self.actors: list = []
        self.free: list[int] = []

    def start(self) -> None:
        if self.actors:
            return
        import ray

        if not ray.is_initialized():
            if self.ray_address:
                ray.init(address=self.ray_address, log_to_driver=False)
            else:
                ray.init(num_cpus=self.cfg.workers, include_dashboard=False,
                         log_to_driver=False)
        if __name__ != "__main__":
            # Imported (tests, a notebook): ship the actor class by value, so the workers need
            # no copy of this module on their path.
            ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
        remote = ray.remote(max_restarts=-1, max_task_retries=0, num_cpus=1)(ScanWorker)
        self.actors = [remote.remote(self.cfg, f"worker-{i}") for i in range(self.cfg.workers)]
        self.free = list(range(self.cfg.workers))


def run_batches(pool: Pool, batches: list[list[str]], out: Path, stats: Stats,
                crash_after: int | None) -> None:
    """Runs ``batches`` over the pool with retries; each finished batch becomes a Parquet file."""
    import ray

    pool.start()
    cfg = pool.cfg
    # (specs, attempts so far, last error)
    todo: list[tuple[list[str], int, str]] = [(b, 0, "") for b in batches]
    running: dict = {}
    while todo or running:
        while todo and pool.free:
            specs, attempts, _ = todo.pop(0)
            i = pool.free.pop(0)
            ref = pool.actors[i].scan.remote(batch_id(specs), specs)
            running[ref] = (i, specs, attempts + 1)
        ready, _ = ray.wait(list(running), num_returns=1)
        ref = ready[0]
        i, specs, attempts = running.pop(ref)
        pool.free.append(i)
        try:
            result = ray.get(ref)
        except Exception as e:  # noqa: BLE001 (actor died, scanner died, timeout)
            why = str(e).strip().splitlines()[-1][:500] if str(e).strip() else type(e).__name__
            stats.retries += 1
            if attempts <= cfg.max_retries:
                todo.insert(0, (specs, attempts, why))
            elif len(specs) > 1:
                # Isolate the spec that keeps failing: its batch-mates get fresh attempts.
                todo[:0] = [([s], 0, why) for s in specs]
            else:
                at = dt.datetime.now(dt.timezone.utc)
                record = {"spec": specs[0], "status": "error",
                          "error": f"not scanned after {attempts} attempts: {why}"}
                write_batch(out, batch_id(specs), [to_row(record, "", batch_id(specs),
                                                          attempts, at)], at)
                stats.errors += 1
                stats.batches += 1
            continue
        at = dt.datetime.now(dt.timezone.utc)
        rows = [to_row(r, result["worker"], result["batch"], attempts, at)
                for r in result["records"]]
        write_batch(out, result["batch"], rows, at)
        stats.scanned += len(rows)
        stats.errors += sum(r["status"] == "error" for r in rows)
        stats.batches += 1
        if crash_after is not None and stats.batches >= crash_after:
            # Test hook: die like a killed job, after a batch is written and before the
            # checkpoint moves.
            os.kill(os.getpid(), signal.SIGKILL)


def run(feed, feed_key: str, cfg: Config, ray_address: str | None = None) -> dict:
    out, state = Path(cfg.out), Path(cfg.state)
    out.mkdir(parents=True, exist_ok=True)
    state.mkdir(parents=True, exist_ok=True)
    crash_after = os.environ.get("DILIGENCE_RAY_CRASH_AFTER_BATCHES")
    crash_after = int(crash_after) if crash_after else None
    done = done_specs(out)
    stats = Stats()
    pool = Pool(cfg, ray_address)
    cursor = read_checkpoint(state, feed_key)
    for page_cursor, specs in feed.pages(cursor):
        todo: list[str] = []
        for spec in specs:
            if spec in done:
                stats.skipped += 1
            else:
                done.add(spec)
                todo.append(spec)
        if todo:
            batches = [todo[i:i + cfg.batch_size] for i in range(0, len(todo), cfg.batch_size)]
            run_batches(pool, batches, out, stats, crash_after)
        write_checkpoint(state, feed_key, page_cursor)
    return stats.summary()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--changes", metavar="URL", help="CouchDB-style _changes endpoint")
    src.add_argument("--specs", metavar="FILE", help="backfill list, one target per line")
    p.add_argument("--registry", help="registry for packuments (--changes); default: the "
                   "_changes URL's origin")
    p.add_argument("--versions", choices=["latest", "all"], default="latest",
                   help="versions to scan per changed package (--changes)")
    p.add_argument("--since", help="start the feed here instead of the checkpoint")
    p.add_argument("--follow", action="store_true", help="keep polling the feed")
    p.add_argument("--changes-limit", type=int, default=500, help="changes per feed page")
    p.add_argument("--out", required=True, help="Parquet output folder (date= partitions)")
    p.add_argument("--state", required=True, help="checkpoint folder")
    p.add_argument("--diligence", default=os.environ.get("DILIGENCE_BIN", "diligence"))
    p.add_argument("--workers", type=int, default=2, help="actors, one CPU each")
    p.add_argument("--jobs-per-worker", type=int, default=1, help="diligence --jobs")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--max-retries", type=int, default=2)
    p.add_argument("--batch-timeout", type=float, default=600.0, help="seconds")
    p.add_argument("--cache-dir", help="diligence tarball cache on each node")
    p.add_argument("--npmrc", help=".npmrc for the scanners (registry, auth)")
    p.add_argument("--ray-address", help="connect to this cluster (default: start one here)")
    p.add_argument("--fault", help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    cfg = Config(diligence=os.path.abspath(a.diligence) if os.sep in a.diligence
                 else a.diligence, out=os.path.abspath(a.out), state=os.path.abspath(a.state),
                 workers=a.workers, jobs_per_worker=a.jobs_per_worker,
                 batch_size=a.batch_size, max_retries=a.max_retries,
                 batch_timeout_s=a.batch_timeout,
                 cache_dir=os.path.abspath(a.cache_dir) if a.cache_dir else None,
                 npmrc=os.path.abspath(a.npmrc) if a.npmrc else None, fault=a.fault)
    if a.changes:
        registry = a.registry or "{0.scheme}://{0.netloc}/".format(urllib.parse.urlsplit(a.changes))
        feed = ChangesFeed(a.changes, registry, a.versions, limit=a.changes_limit,
                          follow=a.follow)
        key = f"changes:{a.changes}:{a.versions}"
    else:
        feed = SpecFile(a.specs)
        key = f"specs:{os.path.abspath(a.specs)}"
    if a.since is not None:
        Path(cfg.state).mkdir(parents=True, exist_ok=True)
        write_checkpoint(Path(cfg.state), key, a.since)
    summary = run(feed, key, cfg, a.ray_address)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
