"""Preview server: build, serve ``output/`` with live reload, rebuild on change.

Built on python-livereload (its watcher, websocket handler and
``livereload.js``) and tornado, with three changes that matter to a user:

- The browser is reloaded by the rebuild itself, as soon as the new site is
  in place.  livereload's own reload path ignores a change that comes
  within 3 s of the previous reload (``LiveReloadHandler.poll_tasks``), so
  an editor saving twice a second apart would not see the second edit;
  we register the watches with ``delay="forever"`` (livereload never
  reloads by itself) and call ``LiveReloadHandler.reload_waiters`` after
  each rebuild.  The watcher polls every 0.2 s instead of 0.8 s, and
  builds run in a worker thread, so the last good site stays served
  (swapped in atomically) while the next one is built.
- Pages carry a Content-Security-Policy that forbids inline scripts, so
  livereload's inline bootstrap snippet would be blocked; we inject
  ``<script src="/livereload.js">`` instead.
- A failed rebuild keeps the last good site online and shows the error on
  every page (an overlay injected into the served HTML, styled by a served
  stylesheet: no inline style either); the server never dies of a user's
  mistake, including a broken template.  When no site was ever built, every
  page is an error page until the mistake is fixed.

The site is served under the path of its ``base_url`` (``/timeline/`` for
``https://example.org/timeline/``), as it will be published, so the preview
builds exactly what ``build`` builds.  Binds to 127.0.0.1 unless told
otherwise.
"""
from __future__ import annotations

import errno
import html
import os
import re
import socket
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import report
from .config import Config
from .errors import InputError
from .theme import Theme

POLL_MS = 200
#: After a rebuild, how long the deferred work (saving the cache) waits for a quiet moment.
FINISH_DELAY_S = 1.0
OVERLAY_PATH = "/__site-builder__/overlay.css"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

OVERLAY_CSS = b"""\
.site-builder-error{position:fixed;z-index:2147483647;left:0;right:0;bottom:0;max-height:60vh;
overflow:auto;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;
border-top:4px solid #c00;font:14px/1.45 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)}
.site-builder-error strong{display:block;margin-bottom:.4rem}
.site-builder-error pre{margin:0;white-space:pre-wrap;word-break:break-word;
font:13px/1.4 ui-monospace,monospace}
"""


@dataclass
class BuildState:
    """The outcome of the latest build, shared by the rebuilder and the pages."""

    error: str | None = None
    builds: int = 0


def watched_paths(config: Config) -> list[str]:
    """Everything whose change should rebuild the site (also files that do
    not exist yet: creating ``site.toml`` or ``templates/`` counts)."""
    from .config import CONFIG_FILES

    paths = [config.seeds_path, config.root / "timeline.yml"]
    paths += Theme(config.root, config.theme_path).watch_paths()
    paths += [config.root / name for name in CONFIG_FILES + ("pyproject.toml",)]
    return [str(p) for p in dict.fromkeys(paths)]


class Preview:
    """Builds the site and remembers whether the latest build worked.

    The config is read again for every build, so an edit to it takes
    effect (and a mistake in it shows on the page like any other).
    """

    def __init__(self, config: Config, jobs: int | None = None):
        from .build import Session

        self.config = config
        self.jobs = jobs
        self.state = BuildState()
        self.session = Session()  # what one build leaves for the next

    def _current_config(self) -> Config:
        from .config import load_config
        return load_config(self.config.root)

    def rebuild(self) -> bool:
        """Build once; on failure keep the previous output and record the error."""
        from .build import build

        self.state.builds += 1
        try:
            result = build(self._current_config(), warn=lambda m: _say(f"warning: {m}"),
                           jobs=self.jobs, session=self.session)
        except InputError as exc:
            self.state.error = str(exc)
        except Exception as exc:  # a broken template or a bug: report it, keep serving
            self.state.error = _describe(exc)
            traceback.print_exc(file=sys.stderr)
        else:
            self.state.error = None
            _say(f"built: {report.counts(result)}")
            return True
        _say(f"error: {self.state.error} (still serving the last good site)")
        return False

    def finish(self) -> None:
        """Do the work the latest build deferred; a failure there is reported, not raised."""
        try:
            self.session.finish()
        except Exception as exc:  # the site is already served: never kill the server
            _say(f"warning: {_describe(exc)}")


class Rebuilder:
    """Polls the watcher on the server's loop and rebuilds in a worker thread.

    The server keeps answering (with the last good site, swapped atomically)
    while a build runs; changes seen during a build start one more build
    when it ends.  After each build the browsers are told to reload at once.
    """

    def __init__(self, preview: Preview, watcher, loop, reload: Callable[[], None]):
        from concurrent.futures import ThreadPoolExecutor

        self.preview, self.watcher, self.loop, self.reload = preview, watcher, loop, reload
        self.executor = ThreadPoolExecutor(1, thread_name_prefix="site-builder-build")
        self.building = False
        self.pending = False
        self.finish_due: float | None = None  # when the last build's deferred work may run

    def poll(self) -> None:
        changed, _ = self.watcher.examine()
        if changed and changed != "__livereload__":
            _say(f"changed: {os.path.relpath(changed, self.preview.config.root)}")
            self.pending = True
        if self.pending and not self.building:
            self.building, self.pending = True, False
            future = self.executor.submit(self.preview.rebuild)
            future.add_done_callback(lambda _: self.loop.add_callback(self._built))
        elif not self.building and self.finish_due is not None \
                and time.monotonic() >= self.finish_due:
            # Saving the cache holds the interpreter for a while: it waits
            # for a quiet moment after the reloading browsers were served,
            # and for no build to be waiting (a build started later runs
            # first; the deferred work of both then follows in order).
            self.finish_due = None
            self.executor.submit(self.preview.finish)

    def _built(self) -> None:
        self.building = False
        self.reload()  # at once, whatever livereload's 3 s rule says
        self.finish_due = time.monotonic() + FINISH_DELAY_S


def _warm_up() -> None:
    from .timex import warm

    try:
        warm()
    except Exception as exc:  # only a head start: never stop the server for it
        _say(f"warning: {_describe(exc)}")


def _describe(exc: Exception) -> str:
    where = ""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    line = getattr(exc, "lineno", None)
    if isinstance(name, str) and name:
        where = f"{name}:{line}: " if line else f"{name}: "
    return f"{where}{type(exc).__name__}: {exc}"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def inject(page: bytes, state: BuildState) -> bytes:
    """A served HTML page with the live-reload script and, after a failed
    build, the error overlay."""
    head = b'<script src="/livereload.js"></script>'
    body = b""
    if state.error:
        head += f'<link rel="stylesheet" href="{OVERLAY_PATH}">'.encode()
        body = _overlay(state.error)
    page = _insert_before(page, b"</head>", head)
    return _insert_before(page, b"</body>", body) if body else page


def _overlay(error: str) -> bytes:
    return (f'<div class="site-builder-error" role="alert"><strong>The last change broke the '
            f'build; this is the last good site.</strong><pre>{html.escape(error)}</pre>'
            f'</div>').encode("utf-8")


def _insert_before(page: bytes, marker: bytes, extra: bytes) -> bytes:
    at = page.lower().rfind(marker)
    return page[:at] + extra + page[at:] if at >= 0 else page + extra


def error_page(state: BuildState) -> bytes:
    """The page served when there is no site to show at all."""
    return inject(b'<!doctype html><html lang="en"><head><meta charset="utf-8">'
                  b"<title>Build failed</title></head><body><h1>Build failed</h1>"
                  b"<p>Fix the error below; this page reloads when the site builds.</p>"
                  b"</body></html>", state)


def _make_app(root: Path, state: BuildState, base_path: str = "/"):
    """The tornado application: livereload's endpoints and the site at
    ``base_path`` (the path of the configured base URL, as published)."""
    from livereload.handlers import ForceReloadHandler, LiveReloadHandler, LiveReloadJSHandler
    from tornado import web

    class OverlayCSS(web.RequestHandler):
        def get(self):
            self.set_header("Content-Type", "text/css; charset=utf-8")
            self.write(OVERLAY_CSS)

    from .served_files import InsideRoot

    class SiteHandler(InsideRoot, web.StaticFileHandler):
        """Static files of ``output/`` (nothing outside it: 404); HTML gets
        the script and overlay."""

        _page: bytes | None = None

        def should_return_304(self) -> bool:
            return False  # a page may change (overlay) while the file does not

        def compute_etag(self):
            return None

        def set_extra_headers(self, path):
            self.set_header("Cache-Control", "no-store")

        def _html(self) -> bytes | None:
            if self._page is None and self.absolute_path.endswith(".html"):
                with open(self.absolute_path, "rb") as fh:
                    self._page = inject(fh.read(), state)
            return self._page

        def get_content_size(self) -> int:
            page = self._html()
            return len(page) if page is not None else super().get_content_size()

        def get_content(self, abspath, start=None, end=None):  # noqa: D102 (tornado hook)
            page = self._html()
            if page is not None:
                return page[start:end]
            return web.StaticFileHandler.get_content(abspath, start, end)

        def write_error(self, status_code: int, **kwargs) -> None:
            _write_not_found(self, status_code, **kwargs)

    class OutsideSite(web.RequestHandler):
        """Anything outside the base path: the site's 404 page, as a server would."""

        def get(self, *args):
            raise web.HTTPError(404)

        def write_error(self, status_code: int, **kwargs) -> None:
            _write_not_found(self, status_code, **kwargs)

    def _write_not_found(handler, status_code: int, **kwargs) -> None:
        if status_code != 404:
            return web.RequestHandler.write_error(handler, status_code, **kwargs)
        handler.set_header("Content-Type", "text/html; charset=utf-8")
        handler.set_header("Cache-Control", "no-store")
        not_found = root / "404.html"
        if state.error and not (root / "index.html").is_file():
            handler.set_status(500)
            handler.finish(error_page(state))
        elif not_found.is_file():
            handler.finish(inject(not_found.read_bytes(), state))
        else:
            handler.finish(inject(b"<!doctype html><html><head><title>Not found</title></head>"
                                  b"<body><h1>Not found</h1></body></html>", state))

    routes = [
        (r"/livereload", LiveReloadHandler),
        (r"/forcereload", ForceReloadHandler),
        (r"/livereload\.js", LiveReloadJSHandler),
        (OVERLAY_PATH.replace(".", r"\."), OverlayCSS),
    ]
    if base_path != "/":
        routes.append((r"/", web.RedirectHandler, {"url": base_path}))
    routes.append((re.escape(base_path) + r"(.*)", SiteHandler,
                   {"path": str(root), "default_filename": "index.html"}))
    routes.append((r"/.*", OutsideSite))
    return web.Application(routes)


def serve(config: Config, host: str = "127.0.0.1", port: int = 8000,
          jobs: int | None = None) -> None:
    """Build once, then serve and rebuild until interrupted.

    In: the site's config, the address to listen on.  Out: returns on
    Ctrl+C.  Raises :class:`InputError` (one line) when the address cannot
    be used; a failed build never stops the server.
    """
    from livereload.handlers import LiveReloadHandler
    from livereload.watcher import Watcher
    from tornado import ioloop
    from tornado.httpserver import HTTPServer

    if not host.strip():  # tornado would listen on every interface, as for 0.0.0.0
        raise InputError(None, "option --host needs an address, e.g. 127.0.0.1 (this "
                               "computer only) or 0.0.0.0 (the network)")
    sockets = _bind(host, port)  # first: a host that cannot be used gets no network warning
    if host not in LOCAL_HOSTS:
        _say(f"warning: serving on {host}: the site is reachable from the network, "
             f"not just from this computer")
    bound = sockets[0].getsockname()[1]
    # Served under the base URL's path, as it will be published: the 404
    # page's absolute links work, and output/ is exactly what 'build' makes.
    base_path = _base_path(config.base_url)
    watcher = Watcher()
    for path in watched_paths(config):
        watcher.watch(path, None, delay="forever")
    watcher.examine()  # the state before the first build: edits made during it count
    preview = Preview(config, jobs)
    preview.rebuild()

    LiveReloadHandler.watcher = watcher
    LiveReloadHandler.live_css = False
    server = HTTPServer(_make_app(config.output_path, preview.state, base_path))
    server.add_sockets(sockets)
    loop = ioloop.IOLoop.current()
    rebuilder = Rebuilder(preview, watcher, loop, LiveReloadHandler.reload_waiters)
    # The first build ran its tagging in worker processes: warm this one up
    # while the site is being looked at, so the first edit is as quick as the next.
    rebuilder.executor.submit(_warm_up)
    rebuilder.executor.submit(preview.finish)
    ioloop.PeriodicCallback(rebuilder.poll, POLL_MS).start()
    _say(f"serving {config.output_path} at http://{_url_host(host)}:{bound}{base_path} "
         f"(Ctrl+C to stop)")
    try:
        loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
        rebuilder.executor.shutdown(wait=True)  # a build in progress ends first
        preview.finish()  # the cache of the last build is saved even when stopped at once
        preview.session.close()


def _bind(host: str, port: int) -> list[socket.socket]:
    from tornado import netutil

    try:
        return netutil.bind_sockets(port, address=host)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise InputError(None, f"port {port} on {host} is already in use; "
                                   f"choose another with --port") from None
        if exc.errno == errno.EACCES:
            raise InputError(None, f"port {port} on {host} needs more privileges; "
                                   f"choose one above 1023 with --port") from None
        raise InputError(None, f"cannot listen on {host} port {port}: "
                               f"{exc.strerror or exc}") from None


def _base_path(base_url: str) -> str:
    """"/timeline/" for "https://example.org/timeline/", "/" without a base URL."""
    from urllib.parse import quote, urlsplit

    path = urlsplit(base_url).path.strip("/") if base_url else ""
    return "/" + quote(path) + "/" if path else "/"


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
