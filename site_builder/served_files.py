"""What the preview server may hand out: files inside ``output/``, nothing else.

Tornado's static handler answers a path that leaves its root with 403 and,
before 6.6, follows symbolic links anywhere.  The preview refuses both the
same way as a missing file (404), checking the real path after resolving
links, so ``/../``, ``%2e%2e/``, ``//etc/passwd`` and a link inside
``output/`` pointing out reveal nothing about the machine.
"""
from __future__ import annotations

import os

from tornado import web


def inside(root: str, path: str) -> bool:
    """Whether ``path`` (links resolved) is ``root`` or lies inside it."""
    try:
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
    except (OSError, ValueError):  # a NUL byte, a loop of links
        return False
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


class InsideRoot:
    """Mixin for a ``tornado.web.StaticFileHandler``: 404 for anything outside the root."""

    @classmethod
    def get_absolute_path(cls, root: str, path: str) -> str:
        if "\x00" in path:
            raise web.HTTPError(404)
        try:
            return super().get_absolute_path(root, path)
        except web.HTTPError as exc:
            raise web.HTTPError(404 if exc.status_code == 403 else exc.status_code) from None

    def validate_absolute_path(self, root: str, absolute_path: str) -> str | None:
        if not inside(root, absolute_path):
            raise web.HTTPError(404)
        try:
            return super().validate_absolute_path(root, absolute_path)
        except web.HTTPError as exc:
            raise web.HTTPError(404 if exc.status_code == 403 else exc.status_code) from None
