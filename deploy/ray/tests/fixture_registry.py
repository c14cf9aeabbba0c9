"""A fixture npm registry on 127.0.0.1 for the Ray job's tests and the benchmark.

Serves, from a folder of ``.tgz`` files (each package's ``package.json`` gives its name and
version):

- ``GET /<name>`` (``@scope%2fname`` for scoped names): the packument; each version document is
  the tarball's ``package.json`` plus ``dist`` (``tarball``, ``integrity`` sha512,
  ``shasum``), so the registry manifest matches the tarball;
- ``GET /<name>/-/<file>.tgz``: the tarball;
- ``GET /_changes?since=S&limit=L``: a CouchDB-style changes feed over ``changes`` (a list of
  package names, in order; ``seq`` is the 1-based position), with ``last_seq``.

Standard library only. ``requests`` counts the requests per path kind.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import tarfile
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def package_json(tgz: bytes) -> dict:
    with tarfile.open(fileobj=io.BytesIO(tgz), mode="r:gz") as tar:
        for member in tar:
            parts = member.name.split("/", 1)
            if len(parts) == 2 and parts[1] == "package.json" and member.isfile():
                return json.load(tar.extractfile(member))
    raise ValueError("no package.json")


def make_tarball(files: dict[str, str]) -> bytes:
    """A deterministic npm-style tarball (``package/`` prefix, fixed mtime)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for path, text in sorted(files.items()):
            data = text.encode()
            info = tarfile.TarInfo(f"package/{path}")
            info.size, info.mtime, info.mode = len(data), 499162500, 0o644
            tar.addfile(info, io.BytesIO(data))
    import gzip

    return gzip.compress(raw.getvalue(), mtime=0)


class FixtureRegistry:
    def __init__(self, tarballs: Path, changes: list[str] | None = None):
        self.packages: dict[str, dict] = {}
        self.files: dict[str, bytes] = {}
        self.changes = list(changes or [])
        self.requests: dict[str, int] = {"packument": 0, "tarball": 0, "changes": 0}
        self._lock = threading.Lock()
        for path in sorted(Path(tarballs).glob("*.tgz")):
            self.add(path.read_bytes())
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def add(self, tgz: bytes) -> str:
        manifest = package_json(tgz)
        name, version = manifest["name"], manifest["version"]
        file = f"{name.split('/')[-1]}-{version}.tgz"
        self.files[f"{name}/-/{file}"] = tgz
        doc = self.packages.setdefault(name, {"name": name, "dist-tags": {}, "versions": {}})
        doc["versions"][version] = dict(manifest, dist={
            "tarball": f"@REGISTRY@{name}/-/{file}",
            "integrity": "sha512-" + base64.b64encode(hashlib.sha512(tgz).digest()).decode(),
            "shasum": hashlib.sha1(tgz).hexdigest(),
        })
        doc["dist-tags"]["latest"] = version
        return f"{name}@{version}"

    def _handler(self):
        registry = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def send(self, status: int, body: bytes, kind: str = "application/json"):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):  # noqa: N802
                url = urllib.parse.urlsplit(self.path)
                path = urllib.parse.unquote(url.path.lstrip("/"))
                if path == "_changes":
                    registry._count("changes")
                    q = urllib.parse.parse_qs(url.query)
                    since = int(q.get("since", ["0"])[0] or 0)
                    limit = int(q.get("limit", ["1000"])[0])
                    rows = [{"seq": i + 1, "id": name, "changes": [{"rev": f"{i + 1}-fixture"}]}
                            for i, name in enumerate(registry.changes)][since:since + limit]
                    last = rows[-1]["seq"] if rows else since
                    return self.send(200, json.dumps({"results": rows,
                                                      "last_seq": last}).encode())
                if path in registry.files:
                    registry._count("tarball")
                    return self.send(200, registry.files[path], "application/octet-stream")
                if path in registry.packages:
                    registry._count("packument")
                    body = json.dumps(registry.packages[path]).replace("@REGISTRY@",
                                                                        registry.url)
                    return self.send(200, body.encode())
                self.send(404, b'{"error":"not found"}')

        return Handler

    def _count(self, kind: str) -> None:
        with self._lock:
            self.requests[kind] += 1

    def start(self) -> "FixtureRegistry":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
