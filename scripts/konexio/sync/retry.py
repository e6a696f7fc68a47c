"""Bounded retry with exponential back-off and jitter, for the Sheets API's 429s.

Google allows about 60 write requests a minute per user; a 429 means "not done, try later",
so repeating the same request is safe. A 5xx or a time-out on a write is different: the
batch may or may not have been applied, so the caller reads again and plans again instead
(see ``WriteUncertain``). Reads are idempotent and are retried on both.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import requests
from gspread.exceptions import APIError

from konexio.i18n import COORDINATORS, N_
from konexio.problems import CommandError

T = TypeVar("T")


class SyncError(CommandError):
    """A sync that stopped; the message is for a coordinator (no traceback)."""


class WriteUncertain(Exception):
    """A write whose outcome is unknown (5xx, time-out, dropped connection)."""


def status_of(error: APIError) -> int:
    return error.response.status_code if error.response is not None else -1


def _transient(error: Exception) -> bool:
    if isinstance(error, requests.exceptions.RequestException):
        return True
    return isinstance(error, APIError) and (status_of(error) == 429 or status_of(error) >= 500)


@dataclass
class Retry:
    """How many times and how long to wait; ``sleep`` and ``jitter`` are injectable for tests."""

    attempts: int = 5
    base: float = 1.0
    cap: float = 32.0
    sleep: Callable[[float], None] = time.sleep
    jitter: Callable[[], float] = field(default=random.random)

    def delay(self, attempt: int) -> float:
        """Exponential, capped, with 'equal jitter' so many clients do not retry in step."""
        step = min(self.cap, self.base * 2 ** attempt)
        return step / 2 + step / 2 * self.jitter()

    def read(self, call: Callable[[], T]) -> T:
        """A read: retried on 429, 5xx and network errors, at most ``attempts`` times."""
        for attempt in range(self.attempts):
            try:
                return call()
            except (APIError, requests.exceptions.RequestException) as error:
                if not _transient(error) or attempt == self.attempts - 1:
                    raise _plain(error) from error
                self.sleep(self.delay(attempt))
        raise AssertionError("unreachable")

    def write(self, call: Callable[[], T]) -> T:
        """A write: retried on 429 only; anything uncertain raises ``WriteUncertain``."""
        for attempt in range(self.attempts):
            try:
                return call()
            except APIError as error:
                if status_of(error) == 429 and attempt < self.attempts - 1:
                    self.sleep(self.delay(attempt))
                    continue
                if status_of(error) >= 500:
                    raise WriteUncertain(str(error)) from error
                raise _plain(error) from error
            except requests.exceptions.RequestException as error:
                raise WriteUncertain(str(error)) from error
        raise AssertionError("unreachable")


HINTS = {
    403: N_("le compte de service n'a pas accès : partagez le classeur avec son adresse "
            "e-mail (rôle Éditeur)"),
    404: N_("classeur introuvable : vérifiez son identifiant dans volunteers/sheets.yml"),
    429: N_("quota de l'API Google dépassé ; réessayez dans une minute"),
}
"""What to do about Google's refusals a coordinator can act on."""


def _plain(error: Exception) -> SyncError:
    if isinstance(error, APIError):
        code = status_of(error)
        # Google's own words otherwise (English): they name the request, not a person.
        hint = COORDINATORS.message(HINTS[code]) if code in HINTS \
            else error.error.get("message", "")
        return SyncError(COORDINATORS.message(N_("Google Sheets a répondu %(code)s : %(hint)s"),
                                              code=code, hint=hint))
    return SyncError(COORDINATORS.message(N_("Google Sheets injoignable : %(detail)s"),
                                          detail=str(error)))
