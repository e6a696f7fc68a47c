"""Shared fixtures: small datasets copied to a temporary root so each test may edit them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fake_sheets import server as fake_sheets_server

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def minimal_root(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/minimal: one program, one antenna, one cohort, two roles."""
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    return root


@pytest.fixture(autouse=True)
def fake_sheets_never_crashes():
    """Any 500 (or 501: not modelled) the fake Sheets API gives of its own fails the test:
    a crash there would otherwise look like Google being unreliable, and be retried."""
    fake_sheets_server.INTERNAL_ERRORS.clear()
    yield
    errors = list(fake_sheets_server.INTERNAL_ERRORS)
    fake_sheets_server.INTERNAL_ERRORS.clear()
    assert not errors, "the fake Sheets API failed by itself:\n" + "\n".join(errors)
