"""The preview server, started for real and requested over loopback."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, timeout: float = 30.0) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                return resp.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def server(site):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        yield site, port, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_serves_built_site_on_loopback_and_rebuilds(server):
    site, port, proc = server
    page = wait_for(f"http://127.0.0.1:{port}/").decode("utf-8")
    assert 'datetime="2017-07"' in page
    assert "livereload.js" in page  # the browser is told to reload on change
    seed = next((site / "seeds").glob("*.txt"))
    seed.write_text(seed.read_text("utf-8").replace("im Juli", "im Juni"), encoding="utf-8")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        page = wait_for(f"http://127.0.0.1:{port}/").decode("utf-8")
        if 'datetime="2017-06"' in page:
            break
        time.sleep(0.3)
    assert 'datetime="2017-06"' in page


def test_port_in_use_is_one_line_error(site):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                              "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    assert f"port {port}" in res.stderr and "Traceback" not in res.stderr
