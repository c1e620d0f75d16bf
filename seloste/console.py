"""The terminal and pipes the command line writes to: any locale, a closed stream, a reader
that stops early.

:func:`guarded` wraps ``sys.stdout`` and ``sys.stderr`` for one run of the command line:

- a character the locale's encoding cannot show is written as an escape (``\\u2013``), not
  raised as ``UnicodeEncodeError``;
- a stream that was closed before the tool started (``>&-``) becomes a sink;
- when the reader goes away (``validate | head -1``) the rest is dropped without a
  ``BrokenPipeError``, so the command still finishes its work and its exit status still says
  what it found.
"""

from __future__ import annotations

import contextlib
import os
import sys


class _Guarded:
    """A stream whose writes stop quietly once its reader has gone."""

    def __init__(self, stream, fd: int | None):
        self._stream = stream
        self._fd = fd

    def _gone(self) -> None:
        # Point the descriptor at /dev/null: what is still buffered (here or at exit) goes nowhere.
        if self._fd is not None:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._fd)
            os.close(devnull)

    def write(self, data):
        try:
            return self._stream.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self._gone()
            return len(data)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (BrokenPipeError, ConnectionResetError):
            self._gone()

    @property
    def buffer(self):
        return _Guarded(self._stream.buffer, self._fd)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def _usable(stream, fd: int):
    """``stream`` ready for any text, or a sink when it was closed before the run started."""
    if stream is None:
        return open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    try:
        stream.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):
        pass
    try:
        same = stream.fileno() == fd
    except (AttributeError, OSError, ValueError):
        same = False
    return _Guarded(stream, fd if same else None)


@contextlib.contextmanager
def guarded():
    """Wrap ``sys.stdout`` and ``sys.stderr`` as the module docstring says, for a ``with`` block."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _usable(sys.stdout, 1), _usable(sys.stderr, 2)
    try:
        yield
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        sys.stdout, sys.stderr = saved
