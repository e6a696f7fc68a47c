"""A problem found in the data: where it is and what to do about it.

Problems are values, collected from every step and reported together, so a coordinator
sees every mistake of a pull request in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from konexio.i18n import COORDINATORS, Message
from konexio.messages import render


@dataclass(frozen=True)
class Problem:
    """One mistake at one place of one file (line and column count from 1)."""

    path: str
    line: int
    col: int
    code: str
    params: tuple[tuple[str, Any], ...] = ()
    severity: str = "error"
    """``error`` stops publishing; ``warning`` is published but worth a second look (and
    stops publishing too under ``--strict``)."""
    also: tuple[tuple[str, int, int], ...] = ()
    """Lines of other files the problem is just as much about (the closure a moved session
    lands on, the venue list a cohort's venue is missing from): the pull request may have
    changed one of those and not this file (``spread``)."""
    seen_from: tuple[str, int] | None = None
    """On a copy shown at one of ``also``'s lines: where the problem was found."""

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def sort_key(self) -> tuple:
        """Files in path order, then by position, so output reads top to bottom."""
        return (self.path, self.line, self.col, self.code, repr(self.params))

    def message(self, lang: str = "fr") -> str:
        text = render(self.code, dict(self.params), lang)
        if self.seen_from is not None:
            path, line = self.seen_from
            text += " " + COORDINATORS.gettext(lang, "(cela concerne %(path)s, ligne %(line)s)",
                                               path=path, line=line)
        return text

    def seen_also(self, path: str, line: int, col: int) -> Problem:
        """The same problem, about a line of another file too."""
        return replace(self, also=(*self.also, (path, line, col)))

    def copies(self, paths: set[str] | None = None) -> list[Problem]:
        """The problem as shown on each line of ``also`` (of the files in ``paths``, or all),
        saying where it was found."""
        return [replace(self, path=path, line=line, col=col, also=(),
                        seen_from=(self.path, self.line))
                for path, line, col in self.also if paths is None or path in paths]

    def as_text(self, lang: str = "fr") -> str:
        # ``warning:`` is a tag for tools (editors, problem matchers), like a compiler's.
        tag = "warning: " if self.is_warning else ""
        return f"{self.path}:{self.line}:{self.col}: {tag}{self.message(lang)}"

    def as_github(self, lang: str = "fr") -> str:
        # Workflow commands end at a newline and treat '%' specially: escape both.
        text = self.message(lang).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        level = "warning" if self.is_warning else "error"
        return f"::{level} file={self.path},line={self.line},col={self.col}::{text}"

    def as_error(self) -> Problem:
        """The same problem as an error (``--strict``)."""
        return replace(self, severity="error")


def problem(path: str, line: int, col: int, code: str, **params: Any) -> Problem:
    """Build a problem; params fill the message template of ``code``."""
    return Problem(path, line, col, code, tuple(sorted(params.items())))


def warning(path: str, line: int, col: int, code: str, **params: Any) -> Problem:
    """Like ``problem``, for something legal but probably not meant: it is published."""
    return Problem(path, line, col, code, tuple(sorted(params.items())), "warning")


class DataError(Exception):
    """Raised by the commands that need valid data when the data has problems."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the data")
        self.problems = problems


class CommandError(Exception):
    """A command that cannot go on for a reason outside the data (a server, a file, a
    setting). Its ``message`` is for the coordinator: decided where the trouble is, worded
    in their ``--lang`` where it is printed; ``str()`` is the French text."""

    def __init__(self, message: Message):
        super().__init__(str(message))
        self.message = message

    def text(self, lang: str) -> str:
        """What the coordinator reads, in ``lang``."""
        return self.message.text(lang)
