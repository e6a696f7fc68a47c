"""The data in the repository itself: valid, complete, editor-friendly, free of personal data."""

from __future__ import annotations

import re
from pathlib import Path

from konexio.load.discover import discover
from konexio.validate import check

REPO = Path(__file__).parent.parent


def test_shipped_data_is_valid():
    checked = check(REPO)
    assert not checked.problems, "\n".join(p.as_text("en") for p in checked.problems)
    assert checked.schedule is not None and checked.schedule.occurrences


def test_the_network_is_described_whole():
    data = check(REPO).dataset
    assert {"paris", "bordeaux", "lille", "malawi", "kenya", "jordan"} <= set(data.antennas)
    assert {"digitall-beginner", "digitall-intermediate", "digitall-advanced", "digistart",
            "digitous", "alternance", "freelance", "certification-pcie",
            "workshops"} <= set(data.programs)
    zones = {a.id: a.model.timezone for a in data.antennas.values()}
    assert zones["malawi"] == "Africa/Blantyre" and zones["jordan"] == "Asia/Amman"
    bordeaux = {v.city for v in data.antennas["bordeaux"].model.venues}
    assert {"Bègles", "Libourne"} <= bordeaux
    # current and next term at each French antenna, and at least one cohort abroad
    for antenna in ("paris", "bordeaux", "lille"):
        starts = {c.model.start for c in data.cohorts.values() if c.antenna == antenna}
        assert any(s.year == 2026 for s in starts) and any(s.year == 2027 for s in starts)
    assert any(c.antenna in ("malawi", "kenya", "jordan") for c in data.cohorts.values())
    assert any(c.model.cancelled for c in data.cohorts.values())
    assert any(c.model.moved for c in data.cohorts.values())


def test_every_yaml_file_names_its_schema_on_the_first_line():
    for file in discover(REPO):
        first = file.path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{file.rel}: first line is {first!r}"
        schema = (file.path.parent / match[1]).resolve()
        assert schema.is_file(), f"{file.rel}: {match[1]} does not exist"
        assert schema.name == f"{file.kind.value}.schema.json", file.rel


def test_no_personal_data_in_the_data():
    email = re.compile(r"[\w.%+-]+@[\w.-]+\.[a-z]{2,}")
    phone = re.compile(r"(\+\d{2,3}|\b0)[1-9]([ .-]?\d{2}){4}\b")
    # An antenna's own public line (contact: phone, whatsapp) is the association's, printed
    # on its pages for learners to call; any other number would be a person's.
    public_line = re.compile(r"^  (phone|whatsapp): .*$", re.M)
    for file in discover(REPO):
        text = file.path.read_text(encoding="utf-8")
        for address in email.findall(text):
            assert address.endswith("@konexio.eu"), f"{file.rel}: {address}"
        if file.kind.value == "antenna":
            text = public_line.sub("", text)
        assert not phone.search(text), f"{file.rel}: phone number"

