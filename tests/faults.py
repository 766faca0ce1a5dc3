"""Sites and process helpers for the fault tests and the robustness benchmark."""
from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

from helpers import SEED

MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember"]


def article(i: int, variant: str = "") -> str:
    """A small dated Markdown article; ``variant`` changes its text."""
    year, month = 2010 + i % 8, i % 12
    return (f"---\ntitle: Bericht {i}{variant}\ndate: {year}-{month + 1:02d}-15\nlang: de\n"
            f"tags: [t{i % 5}]\n---\n"
            f"Berlin (dpa) - Die Regierung hat am 3. {MONTHS[month]} {year} ein Gesetz beschlossen{variant}. "
            f"Im {MONTHS[(month + 2) % 12]} soll der Bundestag darüber beraten. "
            f"Bereits {year - 1} hatte die Opposition einen Entwurf vorgelegt.\n\n"
            f"Der Minister sagte, man werde im Herbst {year} Bilanz ziehen. "
            f"Am Freitag trafen sich die Fraktionen zu Gesprächen.\n")


def make_seeds(seeds: Path, n: int, variant: str = "") -> None:
    """``seeds/`` with the dpa seed and ``n`` small articles (replacing what was there)."""
    if seeds.exists():
        shutil.rmtree(seeds)
    seeds.mkdir(parents=True)
    shutil.copy(SEED, seeds / SEED.name)
    for i in range(n):
        (seeds / f"bericht-{i:03d}.md").write_text(article(i, variant if i % 3 == 0 else ""),
                                                   encoding="utf-8")
    if variant:
        (seeds / "neu.md").write_text(article(n, variant), encoding="utf-8")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative POSIX path → bytes); {} when missing."""
    if not root.exists():
        return {}
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(site: Path) -> list[str]:
    """Staging or half-swapped folders an interrupted build left beside output/."""
    return sorted(p.name for p in site.iterdir() if p.name.startswith((".output.new-", ".output.old-")))


def fork_build(site: Path) -> int:
    """Start ``build`` of ``site`` in a forked child (no interpreter start-up); its pid."""
    from site_builder.build import build
    from site_builder.config import load_config

    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            build(load_config(site))
            code = 0
        finally:
            os._exit(code)
    return pid


def wait_child(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def timed_build(site: Path) -> float:
    """Seconds a full forked build of ``site`` takes."""
    t0 = time.perf_counter()
    assert wait_child(fork_build(site)) == 0
    return time.perf_counter() - t0


def switch_duration(site: Path, seeds_for: dict[str, callable]) -> float:
    """Seconds a forked build takes when the seeds change between the two
    states (what every build in the kill loop does; an unchanged site is
    only stat'ed), measured after one round to warm caches; ends in state A."""
    times = []
    for _ in range(2):
        for name in list(seeds_for)[::-1]:
            seeds_for[name](site / "seeds")
            times.append(timed_build(site))
    return max(times[2:])


def kill_loop(site: Path, trees: dict[str, dict[str, bytes]], seeds_for: dict[str, callable],
              delays: list[float]) -> list[dict]:
    """Kill builds of ``site`` with SIGKILL after each delay.

    Before each build the seeds are switched to the state whose tree is not
    the current output, so every kill interrupts a real change.  Returns one
    record per kill: delay, the tree found afterwards ('A', 'B' or 'mixed'),
    and whether the kill hit the write stage: a staging folder was left, or
    the spare tree (which a build updates into its new tree) was caught
    half-way, holding neither site.
    """
    records = []
    names = list(trees)
    for delay in delays:
        current = snapshot(site / "output")
        state = next((k for k, t in trees.items() if t == current), None)
        if state is None:
            raise AssertionError("output/ is not a known-good tree before the kill")
        target = names[1 - names.index(state)]
        seeds_for[target](site / "seeds")
        pid = fork_build(site)
        time.sleep(delay)
        os.kill(pid, signal.SIGKILL)
        wait_child(pid)
        after = snapshot(site / "output")
        found = next((k for k, t in trees.items() if t == after), "mixed")
        spare = site / ".output.spare"
        half_updated = spare.is_dir() and snapshot(spare) not in trees.values()
        records.append({"delay": delay, "from": state, "found": found,
                        "staging_left": bool(leftovers(site)) or half_updated})
    return records


# -- the preview server under load --------------------------------------------

def rss_kb(pid: int) -> int:
    """Resident memory of process ``pid`` in KiB (Linux)."""
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def complete(path: str, headers, body: bytes) -> bool:
    """Whether ``body`` is a whole response for ``path``: the announced length,
    and for pages the end of the document, for JSON a value that parses."""
    import json

    length = headers.get("Content-Length")
    if length is not None and int(length) != len(body):
        return False
    if path.endswith("/") or path.endswith(".html"):
        return body.rstrip().endswith(b"</html>")
    if path.endswith(".json"):
        try:
            json.loads(body)
        except ValueError:
            return False
    return len(body) > 0


def hammer(port: int, paths: list[str], total: int, clients: int, timeout: float = 120.0) -> dict:
    """``total`` GETs over ``clients`` concurrent keep-alive connections.

    Returns counts: answered 200 with a complete body, other statuses,
    incomplete bodies, connection errors, and the wall time.
    """
    import http.client
    import threading
    from collections import Counter

    counts: Counter = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + timeout
    share = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]

    def client(n: int, offset: int) -> None:
        conn = None
        for k in range(n):
            if time.monotonic() > deadline:
                with lock:
                    counts["not sent (time limit)"] += n - k
                return
            path = paths[(offset + k) % len(paths)]
            try:
                conn = conn or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", path)
                resp = conn.getresponse()
                body = resp.read()
                if resp.status != 200:
                    outcome = f"status {resp.status}"
                elif not complete(path, resp.headers, body):
                    outcome = "incomplete body"
                else:
                    outcome = "200 complete"
                if resp.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as exc:
                outcome = f"error {type(exc).__name__}"
                if conn is not None:
                    conn.close()
                conn = None
            with lock:
                counts[outcome] += 1
        if conn is not None:
            conn.close()

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(n, i)) for i, n in enumerate(share)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"counts": dict(counts), "seconds": time.monotonic() - t0}


class Editor:
    """Rewrites one article every ``interval`` seconds (atomically, as editors
    save) until stopped; each version names its edit number."""

    def __init__(self, path: Path, interval: float = 0.2):
        import threading

        self.path, self.interval = path, interval
        self.edits = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def text(self, n: int) -> str:
        month = MONTHS[n % 12]
        return (f"---\ntitle: Live {n}\ndate: 2017-11-10\nlang: de\n---\n"
                f"Berlin (dpa) - Die Regierung hat im {month} 2017 ein Gesetz beschlossen. "
                f"Bearbeitung {n}.\n")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.edits += 1
            tmp = self.path.with_name(f".{self.path.name}.tmp")
            tmp.write_text(self.text(self.edits), encoding="utf-8")
            os.replace(tmp, self.path)

    def __enter__(self) -> "Editor":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
