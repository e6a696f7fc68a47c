"""A system tool the tests drive is missing: a newcomer's run skips saying what to install;
CI's run fails, so a green CI has run every test (issue 22)."""

from __future__ import annotations

import pytest

from system_tools import require


def test_a_missing_tool_skips_with_what_to_install(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require(False, "libreoffice-calc-nogui python3-uno")
    assert "sudo apt-get install libreoffice-calc-nogui python3-uno" in str(skipped.value)
    assert "make test" in str(skipped.value)


def test_in_ci_a_missing_tool_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="chromium"):
        require(False, "chromium fonts-noto-core")


def test_a_present_tool_neither_skips_nor_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require(True, "chromium")
