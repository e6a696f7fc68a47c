"""System programs some tests drive (installed by ``make test``, scripts/ensure-test-tools.sh).

Where they could not be installed (not root, no sudo), those tests skip, saying what to
install; in CI (``CI`` set) they fail instead, so a green CI has run every test.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SYSTEM_PYTHON = "/usr/bin/python3"


@functools.cache
def libreoffice_available() -> bool:
    """LibreOffice Calc and Debian's UNO bridge for the system Python."""
    if not shutil.which("soffice") or not Path(SYSTEM_PYTHON).exists():
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True)
    return probe.returncode == 0


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
"""The Unicode font volunteers' attestations embed (every script, Arabic shaped)."""


def dejavu_available() -> bool:
    return Path(DEJAVU).is_file()


def chromium_available() -> bool:
    return Path(CHROMIUM).is_file()


def require(available: bool, packages: str) -> None:
    """Skip (fail in CI) the calling test or fixture when a system tool is missing."""
    if available:
        return
    reason = (f"needs Debian's {packages}: run `make test` as root, or "
              f"`sudo apt-get install {packages}`")
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)
