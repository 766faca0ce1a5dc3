"""A site built with --base-url https://example.org/timeline/ works when served
under /timeline/: every internal link and asset of every page resolves (and
every #fragment names an element), the 404 page included."""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from helpers import SEED

PREFIX = "/timeline/"


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name) and not (tag == "a" and a.get(name).startswith(("mailto:", "javascript:"))):
                self.links.append(a[name])


class UnderPrefix(http.server.SimpleHTTPRequestHandler):
    """Serves the site only under /timeline/; missing pages get 404.html (as a web server would)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        if not self.path.startswith(PREFIX):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(PREFIX):]
        target = Path(self.translate_path(self.path))
        if not target.exists() or (target.is_dir() and not (target / "index.html").exists()):
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io
            return io.BytesIO(body)
        return super().send_head()


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def test_every_internal_link_resolves_under_a_sub_path(tmp_path):
    site = tmp_path / "site"
    res = subprocess.run([sys.executable, "-m", "site_builder", "new", str(site)],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    shutil.copy(SEED, site / "seeds" / SEED.name)
    res = subprocess.run([sys.executable, "-m", "site_builder", "build", "--site", str(site),
                          "--base-url", "https://example.org/timeline/"],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr

    handler = functools.partial(UnderPrefix, directory=str(site / "output"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        start = [origin + PREFIX, origin + PREFIX + "no/such/page/deep/"]
        seen, queue, pages, checked = set(), list(start), {}, 0
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            status, body = fetch(url)
            if url.endswith("/deep/"):
                assert status == 404  # the 404 page, shown deep inside the sub-path
            else:
                assert status == 200, f"{url} → {status}"
            if not url.split("#")[0].endswith("/"):
                continue  # assets: no links to follow
            parser = Links()
            parser.feed(body.decode("utf-8"))
            pages[url] = parser
            for link in parser.links:
                absolute = urljoin(url, link)
                parts = urlsplit(absolute)
                if f"{parts.scheme}://{parts.netloc}" != origin:
                    continue  # external (e.g. an article's source URL)
                assert parts.path.startswith(PREFIX), f"{link} on {url} leaves {PREFIX}"
                queue.append(absolute.split("#")[0])
                checked += 1
        # every fragment names an element of its target page
        for url, parser in pages.items():
            for link in parser.links:
                absolute = urljoin(url, link)
                if "#" in absolute and absolute.startswith(origin) and absolute.split("#")[1]:
                    page, fragment = absolute.split("#", 1)
                    target = pages.get(page)
                    assert target is not None and fragment in target.ids, f"{link} on {url}"
        article_pages = [u for u in pages if "/articles/" in u]
        assert len(article_pages) == 3 and checked > 20
        assert origin + PREFIX + "static/style.css" in seen
    finally:
        httpd.shutdown()
