"""Where ``make bench`` writes: memory when it has room (a journal-less ext4 makes file
creation depend on the last hour's deletions), else the disk; ``--disk`` forces it."""

from __future__ import annotations

from bench import run


def test_the_bench_works_in_memory_when_there_is_room(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "MEMORY_DISK", tmp_path)
    assert run.work_parent(disk=False) == tmp_path
    assert run.in_memory(tmp_path / "konexio-bench-x" / "out")
    assert not run.in_memory(tmp_path.parent / "elsewhere")


def test_the_bench_works_on_disk_when_asked_or_memory_is_short(tmp_path, monkeypatch):
    monkeypatch.setattr(run, "MEMORY_DISK", tmp_path)
    assert run.work_parent(disk=True) is None
    monkeypatch.setattr(run, "MEMORY_NEEDED", 1 << 62)
    assert run.work_parent(disk=False) is None
    monkeypatch.setattr(run, "MEMORY_DISK", tmp_path / "absent")
    monkeypatch.setattr(run, "MEMORY_NEEDED", 0)
    assert run.work_parent(disk=False) is None
