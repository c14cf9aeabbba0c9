#!/usr/bin/env python3
"""Writes a git repository with a scripted history over one real lockfile, for `scripts/bench-hunt.sh`.

Usage: gen-hunt-history.py LOCKFILE OUT_DIR [--commits N] [--seed S]

The history (N commits in all, default 1,000) is written with `git fast-import`, so the result is
one pack with deltas, like a fresh clone:
- a root commit on `main` with the lockfile, the `package.json` beside it (when present) and a README;
- every further commit bumps the patch number of three random `"version"`/`version` lines of the
  lockfile (the file stays parseable: only digits change), so nearly every commit has a new lockfile blob;
- every 40th commit on `main` starts a branch `feature/K` of five commits; every other branch is
  merged back into `main` (a merge commit that takes the branch's lockfile), the others stay open;
- every 100th commit on `main` gets a tag `vK`.
Author and committer dates start at 2025-01-01T00:00:00Z and advance one hour per commit.
"""
import argparse
import os
import random
import re
import subprocess
import sys

VERSION = re.compile(r'^(\s*"?version"?:?\s*"?)(\d+)\.(\d+)\.(\d+)(.*)$')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("lockfile")
    ap.add_argument("out")
    ap.add_argument("--commits", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    name = os.path.basename(args.lockfile)
    with open(args.lockfile, encoding="utf-8") as f:
        lines = f.read().split("\n")
    manifest = None
    pj = os.path.join(os.path.dirname(args.lockfile), "package.json")
    if os.path.exists(pj):
        with open(pj, "rb") as f:
            manifest = f.read()
    # Version lines of entries; the first two are the root project's own version.
    slots = [i for i, l in enumerate(lines) if VERSION.match(l)][2:]
    if not slots:
        sys.exit(f"{args.lockfile}: no version lines to bump")

    os.makedirs(args.out, exist_ok=True)
    subprocess.run(["git", "init", "-q", "-b", "main", args.out], check=True)
    fi = subprocess.Popen(
        ["git", "-C", args.out, "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE
    )
    out = fi.stdin
    mark = [0]
    clock = [1735689600]  # 2025-01-01T00:00:00Z

    def new_mark():
        mark[0] += 1
        return mark[0]

    def data(payload):
        out.write(b"data %d\n" % len(payload))
        out.write(payload)
        out.write(b"\n")

    def blob(payload):
        m = new_mark()
        out.write(b"blob\nmark :%d\n" % m)
        data(payload)
        return m

    def bump(state):
        state = list(state)
        for i in rng.sample(slots, 3):
            m = VERSION.match(state[i])
            state[i] = f"{m.group(1)}{m.group(2)}.{m.group(3)}.{int(m.group(4)) + 1}{m.group(5)}"
        return state

    def commit(ref, state, message, parent=None, merge=None, extra=()):
        lock = blob("\n".join(state).encode("utf-8"))
        m = new_mark()
        clock[0] += 3600
        ident = b"Bench Author <bench@example.invalid> %d +0000" % clock[0]
        out.write(b"commit %s\nmark :%d\nauthor %s\ncommitter %s\n" % (ref.encode(), m, ident, ident))
        data(message.encode())
        if parent:
            out.write(b"from :%d\n" % parent)
        if merge:
            out.write(b"merge :%d\n" % merge)
        out.write(b"M 100644 :%d %s\n" % (lock, name.encode()))
        for path, b in extra:
            out.write(b"M 100644 :%d %s\n" % (b, path.encode()))
        out.write(b"\n")
        return m

    extra = [("README.md", blob(b"bench history\n"))]
    if manifest is not None:
        extra.append(("package.json", blob(manifest)))
    main_state = lines
    main_tip = commit("refs/heads/main", main_state, "initial", extra=extra)
    total, on_main, branch_no = 1, 1, 0
    while total < args.commits:
        main_state = bump(main_state)
        main_tip = commit("refs/heads/main", main_state, f"bump {total}", parent=main_tip)
        total += 1
        on_main += 1
        if on_main % 100 == 0:
            out.write(b"reset refs/tags/v%d\nfrom :%d\n\n" % (on_main // 100, main_tip))
        if on_main % 40 == 0 and total + 6 <= args.commits:
            branch_no += 1
            ref = f"refs/heads/feature/{branch_no}"
            state, tip = main_state, main_tip
            for j in range(5):
                state = bump(state)
                tip = commit(ref, state, f"feature {branch_no} step {j}", parent=tip)
                total += 1
            if branch_no % 2 == 0:
                main_state = state
                main_tip = commit(
                    "refs/heads/main", state, f"merge feature/{branch_no}", parent=main_tip, merge=tip
                )
                total += 1
                on_main += 1
    out.write(b"done\n")
    out.close()
    if fi.wait() != 0:
        sys.exit("git fast-import failed")
    print(f"{args.out}: {total} commits, {branch_no} branches")


if __name__ == "__main__":
    main()
