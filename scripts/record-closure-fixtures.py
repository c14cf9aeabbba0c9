#!/usr/bin/env python3
"""Records the `check` closure fixtures (issue 13, item 4): for each root spec, what
`npm install --package-lock-only` locks, and the packuments that resolution reads.

For each spec (default: ws@8.18.0 and the current versions of express, jest, vitest, oxlint):
1. run `npm install --package-lock-only --ignore-scripts <spec>` in an empty project against
   the configured registry, giving the set of locked name@version;
2. fetch the abbreviated packument (what npm itself reads) of every locked name and keep only
   the locked versions plus the `latest` one, with the fields resolution needs;
3. serve those trimmed packuments on 127.0.0.1 and run npm again against them: the lock it
   writes there is the expected answer (same input for npm and for diligence), and it must
   equal step 1's.

Writes crates/diligence-gate/tests/fixtures/closure/<name>.json:
  {"spec", "recorded", "registry", "packuments": {name: packument},
   "npm": ["name@version", ...], "npm_optional": {"name@version": {"os", "cpu", "libc"}}}

Usage: scripts/record-closure-fixtures.py [SPEC ...]   (needs node + npm; reaches the registry)
"""
import datetime
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates/diligence-gate/tests/fixtures/closure")
KEEP = ("name", "version", "dependencies", "optionalDependencies", "peerDependencies",
        "peerDependenciesMeta", "bundleDependencies", "bundledDependencies", "os", "cpu",
        "libc", "deprecated", "dist", "engines")


def npm_lock(spec, registry=None):
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "package.json"), "w") as f:
            f.write("{}")
        cmd = ["npm", "install", "--package-lock-only", "--ignore-scripts", "--no-audit",
               "--no-fund", spec]
        if registry:
            cmd += ["--registry", registry, "--cache", os.path.join(d, ".cache"),
                    "--prefer-online"]
        subprocess.run(cmd, cwd=d, check=True, capture_output=True)
        with open(os.path.join(d, "package-lock.json")) as f:
            lock = json.load(f)
    locked, optional = set(), {}
    for path, entry in lock["packages"].items():
        if not path:
            continue
        name = entry.get("name") or path.rsplit("node_modules/", 1)[1]
        nv = f"{name}@{entry['version']}"
        locked.add(nv)
        if entry.get("optional"):
            optional[nv] = {k: entry.get(k) for k in ("os", "cpu", "libc")}
    return locked, optional


def fetch(name, registry, attempts=5):
    url = registry.rstrip("/") + "/" + urllib.parse.quote(name, safe="@")
    req = urllib.request.Request(url, headers={"Accept": "application/vnd.npm.install-v1+json"})
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.load(r)
        except OSError:
            if attempt + 1 == attempts:
                raise
            time.sleep(2 ** attempt)


def trim(doc, versions):
    latest = doc.get("dist-tags", {}).get("latest")
    keep = set(versions) | ({latest} if latest in doc.get("versions", {}) else set())
    out = {"name": doc["name"], "dist-tags": {"latest": latest} if latest in keep else {},
           "versions": {}}
    for v in sorted(keep):
        m = doc["versions"][v]
        slim = {k: m[k] for k in KEEP if k in m}
        slim["dist"] = {k: m["dist"][k] for k in ("integrity", "tarball") if k in m.get("dist", {})}
        out["versions"][v] = slim
    return out


def serve(packuments):
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            name = urllib.parse.unquote(self.path.lstrip("/"))
            doc = packuments.get(name)
            body = json.dumps(doc).encode() if doc else b'{"error":"Not found"}'
            self.send_response(200 if doc else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(specs):
    registry = subprocess.run(["npm", "config", "get", "registry"], capture_output=True,
                              text=True, check=True).stdout.strip()
    os.makedirs(OUT, exist_ok=True)
    for spec in specs:
        locked, optional = npm_lock(spec)
        by_name = {}
        for nv in locked:
            name, version = nv.rsplit("@", 1)
            by_name.setdefault(name, []).append(version)
        packuments = {n: trim(fetch(n, registry), vs) for n, vs in sorted(by_name.items())}
        server = serve(packuments)
        try:
            again, again_optional = npm_lock(spec, f"http://127.0.0.1:{server.server_port}/")
        finally:
            server.shutdown()
        if again != locked:
            sys.exit(f"{spec}: npm locks {sorted(again ^ locked)} differently on the fixture")
        base = spec.split("@")[0] if not spec.startswith("@") else spec
        fixture = {
            "spec": spec,
            "recorded": datetime.date.today().isoformat(),
            "registry": registry,
            "npm": sorted(locked),
            "npm_optional": {k: again_optional[k] for k in sorted(again_optional)},
            "packuments": packuments,
        }
        with open(os.path.join(OUT, f"{base}.json"), "w") as f:
            json.dump(fixture, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{spec}: {len(locked)} packages, {len(packuments)} packuments")


if __name__ == "__main__":
    main(sys.argv[1:] or ["ws@8.18.0", "express@5.3.0", "jest@30.5.2", "vitest@4.1.12",
                          "oxlint@1.96.0"])
