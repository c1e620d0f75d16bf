"""The one currency of errors: every stage reports a list of :class:`Problem`.

Problems are frozen, sortable by file and position, and know how to print themselves
as compiler-style text, GitHub workflow annotations or JSON.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import unicodedata

ERROR = "error"
WARNING = "warning"
INFO = "info"
LEVELS = (ERROR, WARNING, INFO)


@dataclasses.dataclass(frozen=True, order=True)
class Problem:
    """One finding at a place in a file.

    ``line`` and ``column`` are 1-based; 0 means "the whole file".
    ``code`` is stable (``Y003``, ``S101``, ``GDPR-13-1-c`` ...) and never reused.
    """

    path: str
    line: int
    column: int
    code: str
    level: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def as_dict(self) -> dict:
        return dataclasses.asdict(self)

    def format_text(self) -> str:
        """``path:line:col: level [code] message`` and an indented ``hint:`` line.

        Control characters and line breaks in any part (a quoted key, a file name) are
        escaped, so a problem is always exactly these one or two lines.
        """
        text = f"{one_line(self.path)}:{self.line}:{self.column}: {self.level} [{self.code}] {one_line(self.message)}"
        if self.hint:
            text += f"\n    hint: {one_line(self.hint)}"
        return text

    def format_github(self) -> str:
        """A GitHub Actions workflow command that annotates the line in a pull request."""
        command = {ERROR: "error", WARNING: "warning", INFO: "notice"}[self.level]
        message = self.message + (f" (hint: {self.hint})" if self.hint else "")
        return (
            f"::{command} file={_gh_property(self.path)},line={self.line},col={self.column},"
            f"title={_gh_property(self.code)}::{_gh_data(message)}"
        )


def one_line(value: str) -> str:
    """``value`` with control characters, line and paragraph separators written as escapes."""
    if value.isprintable():
        return value
    return "".join(_escape(character) if _breaks_line(character) else character for character in value)


# Bidirectional embeddings, overrides and isolates: they would reorder the rest of the line.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _breaks_line(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Zl", "Zp") or character in _BIDI_CONTROLS


def _escape(character: str) -> str:
    code = ord(character)
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(character)
    if named:
        return named
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _gh_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


# The operating system's words for the common reasons a file cannot be read or written.
_OS_ERRORS = {
    errno.ENOSPC: "levy on täynnä",
    getattr(errno, "EDQUOT", errno.ENOSPC): "levy on täynnä",
    errno.EACCES: "ei käyttöoikeutta",
    errno.EPERM: "ei käyttöoikeutta",
    errno.EROFS: "levylle ei voi kirjoittaa",
    errno.EISDIR: "paikalla on kansio",
    errno.ENOTDIR: "polun osa ei ole kansio",
    errno.ENOENT: "tiedostoa tai kansiota ei ole",
    errno.ENAMETOOLONG: "nimi on liian pitkä",
    errno.EIO: "levyn luku- tai kirjoitusvirhe",
}


def os_error_text(error: OSError) -> str:
    """Why a file could not be read or written: Finnish for the common reasons, else the system's words."""
    return _OS_ERRORS.get(error.errno) or error.strerror or str(error)


def _text(problems: list[Problem]) -> str:
    return "".join(p.format_text() + "\n" for p in problems)


def _github(problems: list[Problem]) -> str:
    return "".join(p.format_github() + "\n" for p in problems)


def _json(problems: list[Problem]) -> str:
    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2) + "\n"


# Every way problems can be printed (``--format``), by name: the one list of them.
REPORTERS = {"text": _text, "github": _github, "json": _json}


def format_problems(problems: list[Problem], fmt: str) -> str:
    """All problems, sorted, in one of the :data:`REPORTERS` formats.

    Returns the text to print, ending in a newline ("" for no problems, except JSON's ``[]``).
    """
    return REPORTERS[fmt](sorted(problems))


def counted(number: int, one: str, many: str) -> str:
    """``1 virhe``, ``2 virhettä``: a number with the Finnish word in its singular or partitive."""
    return f"{number} {one if number == 1 else many}"


def count_summary(problems: list[Problem]) -> str:
    """A one-line count such as ``2 virhettä, 1 varoitus, 0 huomautusta`` (Finnish, like the messages)."""
    errors = sum(p.level == ERROR for p in problems)
    warnings = sum(p.level == WARNING for p in problems)
    infos = sum(p.level == INFO for p in problems)
    return ", ".join((counted(errors, "virhe", "virhettä"), counted(warnings, "varoitus", "varoitusta"),
                      counted(infos, "huomautus", "huomautusta")))
