"""The preview server, started for real and requested over loopback.

Each test starts ``site-builder serve --port 0`` in a subprocess, reads the
address it prints, edits files and polls over HTTP with bounded waits.
"""
from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from helpers import stop_process, write

WAIT = 20.0  # upper bound for anything to happen; most take well under a second


class ServerProcess:
    """``site-builder serve`` in a subprocess, its stderr collected by a thread."""

    def __init__(self, site, *args):
        self.proc = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                                      "--port", "0", *args], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        line = self.wait_line(r"serving .* at (http://\S+/)")
        self.url = re.search(r"at (http://\S+/)", line).group(1)

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def wait_line(self, pattern: str, timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if re.search(pattern, line):
                    return line
            if self.proc.poll() is not None and not self.lines:
                break
            time.sleep(0.05)
        raise AssertionError(f"no line matching {pattern!r} in {self.lines}")

    def get(self, path: str = "") -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as resp:
                return resp.status, resp.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")

    def wait_page(self, predicate, path: str = "", timeout: float = WAIT) -> str:
        deadline = time.monotonic() + timeout
        page = ""
        while time.monotonic() < deadline:
            status, page = self.get(path)
            if predicate(status, page):
                return page
            time.sleep(0.1)
        raise AssertionError(f"condition not met; last page:\n{page[:2000]}")

    def stop(self):
        stop_process(self.proc)


@pytest.fixture
def start():
    started = []

    def _start(site, *args):
        server = ServerProcess(site, *args)
        started.append(server)
        return server

    yield _start
    for server in started:
        server.stop()


def _edit_seed(site, old, new):
    seed = next((site / "seeds").glob("*.txt"))
    seed.write_text(seed.read_text("utf-8").replace(old, new), encoding="utf-8")


def test_serves_built_site_on_loopback_with_livereload_script(site, start):
    server = start(site)
    assert server.url.startswith("http://127.0.0.1:")
    status, page = server.get()
    assert status == 200 and 'datetime="2017-07"' in page
    # an external script: the pages' CSP forbids livereload's inline snippet
    assert '<script src="/livereload.js"></script></head>' in page
    status, script = server.get("livereload.js")
    assert status == 200 and "LiveReload" in script
    status, css = server.get("static/style.css")
    assert status == 200 and "livereload" not in css


def _reload_listener(url: str, messages: list, ready: threading.Event, stop: threading.Event):
    """A livereload client (what livereload.js does): handshake, then collect reloads."""
    from tornado.websocket import websocket_connect

    async def run():
        ws = await websocket_connect(url.replace("http://", "ws://") + "livereload")
        await ws.write_message(json.dumps({"command": "hello",
                                           "protocols": ["http://livereload.com/protocols/official-7"]}))
        await ws.read_message()
        await ws.write_message(json.dumps({"command": "info", "url": url, "plugins": {}}))
        ready.set()
        while not stop.is_set():
            try:
                msg = await asyncio.wait_for(ws.read_message(), 0.2)
            except asyncio.TimeoutError:
                continue
            if msg is None:
                break
            messages.append((time.monotonic(), json.loads(msg)))
        ws.close()

    asyncio.run(run())


def test_two_edits_a_second_apart_both_reload_the_browser(site, start):
    server = start(site)
    messages, ready, stop = [], threading.Event(), threading.Event()
    listener = threading.Thread(target=_reload_listener, args=(server.url, messages, ready, stop),
                                daemon=True)
    listener.start()
    try:
        assert ready.wait(WAIT)
        time.sleep(0.5)  # the handshake's "info" is processed before we edit
        _edit_seed(site, "im Juli", "im Juni")
        server.wait_page(lambda s, p: 'datetime="2017-06"' in p)
        first_edit_done = time.monotonic()
        deadline = first_edit_done + WAIT
        while not [m for m in messages if m[1].get("command") == "reload"] and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(max(0.0, 1.0 - (time.monotonic() - first_edit_done)))
        _edit_seed(site, "im Juni", "im Mai")
        server.wait_page(lambda s, p: 'datetime="2017-05"' in p)
        deadline = time.monotonic() + WAIT
        while len([m for m in messages if m[1].get("command") == "reload"]) < 2 \
                and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        listener.join(5)
    reloads = [t for t, m in messages if m.get("command") == "reload"]
    assert len(reloads) >= 2, messages  # livereload alone would drop the second (3 s rule)
    assert reloads[1] - reloads[0] < 3.0


def test_failed_rebuild_keeps_last_good_site_and_shows_the_error(site, start):
    server = start(site)
    write(site / "seeds" / "broken.txt", "date 2017-13\nBerlin (dpa) - Text.\n")
    page = server.wait_page(lambda s, p: "site-builder-error" in p)
    assert 'datetime="2017-07"' in page  # the last good site
    assert "broken.txt:1" in page and "/__site-builder__/overlay.css" in page
    status, css = server.get("__site-builder__/overlay.css")
    assert status == 200 and ".site-builder-error" in css
    _, article_page = server.get(f"articles/{next((site / 'seeds').glob('0*.txt')).stem}/")
    assert "site-builder-error" in article_page  # on every page
    (site / "seeds" / "broken.txt").unlink()
    server.wait_page(lambda s, p: s == 200 and "site-builder-error" not in p)
    assert server.proc.poll() is None


def test_broken_template_does_not_kill_the_server(site, start):
    server = start(site)
    write(site / "templates" / "index.html", '{% extends "base.html" %}{% block main %}{% if %}'
                                             '{% endblock %}\n')
    page = server.wait_page(lambda s, p: "site-builder-error" in p)
    # the error names the template file and line, over the last good page
    assert "index.html:1: template error" in page and 'datetime="2017-07"' in page
    write(site / "templates" / "index.html", '{% extends "base.html" %}{% block main %}'
                                             '<p id="mine">own index</p>{% endblock %}\n')
    server.wait_page(lambda s, p: 'id="mine"' in p and "site-builder-error" not in p)
    assert server.proc.poll() is None


def test_first_build_failing_serves_an_error_page_until_fixed(tmp_path, start):
    bad = write(tmp_path / "seeds" / "a.txt", "date 2017-13\nBerlin (dpa) - Die Regierung hat im "
                                              "Juli ein Gesetz beschlossen.\n")
    server = start(tmp_path)
    status, page = server.get()
    assert status == 500 and "a.txt:1" in page and "/livereload.js" in page
    bad.write_text(bad.read_text("utf-8").replace("2017-13", "2017-11"), encoding="utf-8")
    page = server.wait_page(lambda s, p: s == 200 and "site-builder-error" not in p)
    assert 'datetime="2017-07"' in page


def test_missing_page_gets_the_sites_404_page(site, start):
    server = start(site)
    status, page = server.get("no/such/page/")
    assert status == 404 and 'href="/static/style.css"' in page


def test_site_with_a_sub_path_base_url_is_served_under_that_path(site, start):
    write(site / "site.toml", 'base_url = "https://example.org/timeline/"\n')
    server = start(site)
    assert server.url.endswith("/timeline/")
    root = server.url[: -len("timeline/")]
    status, page = server.get()
    assert status == 200 and 'datetime="2017-07"' in page
    with urllib.request.urlopen(root, timeout=5) as resp:  # / redirects to the site
        assert resp.url == server.url and resp.status == 200
    status, page = server.get("no/such/page/")
    assert status == 404 and 'href="/timeline/static/style.css"' in page
    assert server.get("static/style.css")[0] == 200  # what the 404 page links to
    try:
        urllib.request.urlopen(root + "elsewhere/", timeout=5)
        raise AssertionError("a page outside /timeline/ was served")
    except urllib.error.HTTPError as err:
        assert err.code == 404


def test_config_change_rebuilds(site, start):
    server = start(site)
    write(site / "site.toml", 'title = "Neuer Titel"\n')
    server.wait_page(lambda s, p: "<title>Neuer Titel" in p)
    write(site / "site.toml", 'titel = "typo"\n')
    page = server.wait_page(lambda s, p: "site-builder-error" in p)
    assert "unknown key &#x27;titel&#x27;" in page and "<title>Neuer Titel" in page


def test_port_in_use_is_one_line_error(site):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                              "--port", str(port)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and f"port {port}" in lines[0] and "already in use" in lines[0]


@pytest.mark.parametrize("host,words", [("", "--host needs an address"),
                                        ("no-such-host.invalid", "cannot listen on no-such-host")])
def test_unusable_host_is_one_line_error_without_a_network_warning(site, host, words):
    """An empty --host listened on every interface, printing 'http://:8000/'."""
    res = subprocess.run([sys.executable, "-m", "site_builder", "serve", "--site", str(site),
                          "--host", host, "--port", "0"], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], lines


def test_all_interfaces_prints_a_network_warning(site, start):
    server = start(site, "--host", "0.0.0.0")
    warning = server.wait_line("warning: serving on 0.0.0.0")
    assert "reachable from the network" in warning
    assert server.get()[0] == 200


def test_loopback_prints_no_network_warning(site, start):
    server = start(site)
    assert not [line for line in server.lines if "reachable from the network" in line]
