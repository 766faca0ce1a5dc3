"""Preview server: build, serve ``output/`` with live reload, rebuild on change.

Binds to 127.0.0.1 unless told otherwise.  A failed rebuild keeps the last
good site online and prints the error; the server never dies of a user's
mistake.
"""
from __future__ import annotations

import errno
import sys

from .build import build
from .config import Config
from .errors import InputError
from .theme import Theme


def _rebuild(config: Config) -> None:
    try:
        result = build(config, warn=lambda m: print(f"warning: {m}", file=sys.stderr))
        print(f"rebuilt: {result.articles} articles, {result.events} events, "
              f"{result.seconds:.2f} s", file=sys.stderr)
    except InputError as exc:
        print(f"error: {exc} (still serving the last good site)", file=sys.stderr)


def watched_paths(config: Config) -> list[str]:
    """Everything whose change should rebuild the site."""
    paths = [config.seeds_path, config.root / "timeline.yml"]
    paths += Theme(config.root).watch_paths()
    if config.source:
        paths.append(config.source)
    return [str(p) for p in paths]


def serve(config: Config, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Build once, then serve and rebuild until interrupted."""
    from livereload import Server

    if host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: serving on {host}: the site is reachable from the network",
              file=sys.stderr)
    from livereload.handlers import StaticFileHandler

    from .served_files import InsideRoot

    build(config)
    server = Server()
    server.SFH = type("SiteFiles", (InsideRoot, StaticFileHandler), {})
    for path in watched_paths(config):
        server.watch(path, lambda: _rebuild(config), delay=0.2)
    print(f"serving {config.output_path} at http://{host}:{port}/ (Ctrl+C to stop)",
          file=sys.stderr)
    try:
        server.serve(host=host, port=port, root=str(config.output_path),
                     open_url_delay=None, restart_delay=0)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise InputError(None, f"port {port} on {host} is already in use; "
                                   f"choose another with --port") from None
        raise
