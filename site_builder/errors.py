"""The one error type for a user's mistake.

Readers, the config loader and the build raise :class:`InputError`; the CLI
prints it as a single line and exits non-zero.  Any other exception is a bug.
"""
from __future__ import annotations


class InputError(Exception):
    """Bad input: names the file and, where known, the line."""

    def __init__(self, path: str | None, message: str, line: int | None = None):
        self.path = str(path) if path is not None else None
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __reduce__(self):
        # rebuilt from its own arguments when it comes back from a worker process
        return type(self), (self.path, self.message, self.line)

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}" if where else self.message
