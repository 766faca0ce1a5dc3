"""The preview server under attack and under load, over real loopback sockets.

Paths that try to leave ``output/`` are sent byte for byte on a raw socket
(no client normalises them) and must get 404; many concurrent clients while
an article is edited every 200 ms must all get complete pages.
"""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import pytest

from faults import Editor, hammer, make_seeds, rss_kb
from helpers import stop_process, write

SECRET = "TOPSECRET-7f3a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def raw_get(port: int, target: str, timeout: float = 30.0) -> tuple[int, bytes]:
    """Send ``GET target`` exactly as given; the status and the whole response."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                     f"Connection: close\r\n\r\n".encode("latin-1"))
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    response = b"".join(chunks)
    return int(response.split(b" ", 2)[1]), response


def wait_until_serving(port: int, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    """Poll (bounded) until the server answers /index.html with 200."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read()}")
        try:
            if raw_get(port, "/index.html", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("server did not come up")


def wait_for_text(port: int, target: str, text: str, timeout: float = 30.0) -> None:
    """Poll (bounded) until ``target`` is served with ``text`` in it."""
    deadline = time.monotonic() + timeout
    while text.encode() not in raw_get(port, target)[1]:
        assert time.monotonic() < deadline, f"{text!r} never showed on {target}"
        time.sleep(0.2)


@pytest.fixture
def served(tmp_path):
    """A running preview server of a small site; a secret file beside the site."""
    write(tmp_path / "secret.txt", SECRET)
    site = tmp_path / "site"
    make_seeds(site / "seeds", 4)
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                             "--port", str(port)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        wait_until_serving(port, proc)
        yield site, port, proc
    finally:
        stop_process(proc)


ESCAPES = [
    "/../secret.txt", "/../../secret.txt", "/static/../../secret.txt",
    "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/static/..%2f..%2fsecret.txt",
    "/.%2e/secret.txt", "/%252e%252e/secret.txt",
    "//etc/passwd", "/%2fetc%2fpasswd", "/etc/passwd", "/../../../../../../etc/passwd",
    "/leak.txt", "/leakdir/passwd", "/static/leak-up/secret.txt",
    "/index.html%00.txt", "/..\\secret.txt",
]


def test_paths_leaving_output_are_refused_with_404(served):
    site, port, _ = served
    out = site / "output"
    # Links inside output/ pointing out (put there by hand: builds never make them).
    (out / "leak.txt").symlink_to(site.parent / "secret.txt")
    (out / "leakdir").symlink_to("/etc", target_is_directory=True)
    (out / "static" / "leak-up").symlink_to(site.parent, target_is_directory=True)
    assert raw_get(port, "/index.html")[0] == 200  # the control: real files are served
    assert raw_get(port, "/static/style.css")[0] == 200
    answers = {target: raw_get(port, target) for target in ESCAPES}
    answers[f"http://127.0.0.1:{port}/../secret.txt (absolute form)"] = \
        raw_get(port, f"http://127.0.0.1:{port}/../secret.txt")
    statuses = {target: status for target, (status, _) in answers.items()}
    assert statuses == {target: 404 for target in answers}
    for target, (_, body) in answers.items():
        assert SECRET.encode() not in body and b"root:x:0:0" not in body, target


def test_50_clients_while_an_article_is_edited_every_200ms_all_get_complete_pages(served):
    site, port, proc = served
    slugs = sorted(p.name for p in (site / "output" / "articles").iterdir())
    paths = ["/", "/index.html", "/events.json", "/static/style.css", "/embed/"] + \
            [f"/articles/{slug}/" for slug in slugs]
    editor = Editor(site / "seeds" / "live.md")
    editor.path.write_text(editor.text(0), encoding="utf-8")
    wait_for_text(port, "/articles/live/", "Bearbeitung 0.")
    hammer(port, paths, total=100, clients=10)  # warm up before measuring memory
    rss_before = rss_kb(proc.pid)
    with editor:
        result = hammer(port, paths + ["/articles/live/"], total=1000, clients=50)
    rss_after = rss_kb(proc.pid)
    assert result["counts"] == {"200 complete": 1000}, result
    assert editor.edits >= 2 and proc.poll() is None
    wait_for_text(port, "/articles/live/", f"Bearbeitung {editor.edits}.")  # it kept rebuilding
    assert rss_after - rss_before < 30 * 1024, (rss_before, rss_after)
