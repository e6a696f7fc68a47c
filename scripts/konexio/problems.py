"""A problem found in the data: where it is and what to do about it.

Problems are values, collected from every step and reported together, so a coordinator
sees every mistake of a pull request in one run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from konexio.i18n import Message
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

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def sort_key(self) -> tuple:
        """Files in path order, then by position, so output reads top to bottom."""
        return (self.path, self.line, self.col, self.code, repr(self.params))

    def message(self, lang: str = "fr") -> str:
        return render(self.code, dict(self.params), lang)

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
