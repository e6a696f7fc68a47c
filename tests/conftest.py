"""Shared fixtures: small datasets copied to a temporary root so each test may edit them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture
def minimal_root(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/minimal: one program, one antenna, one cohort, two roles."""
    root = tmp_path / "root"
    shutil.copytree(FIXTURES / "minimal", root)
    return root
