"""Lock files LibreOffice and Excel leave beside an open workbook: live, or stale?

LibreOffice writes ``.~lock.<name>#`` when it opens a file and deletes it on close; a crash
leaves it behind. Its content is one line of five comma-separated fields ending with ``;``
(``svl/source/misc/lockfilecommon.cxx``): the LibreOffice user name (often empty), the
system user, the host, the time it was opened (``dd.mm.yyyy hh:mm``) and the profile URL,
for example ``,awa,portable-awa,01.12.2026 22:40,file:///home/awa/.config/libreoffice/4;``.
It holds no process id, so "its owner is gone" can only be told on the same host: no
LibreOffice process running here means nobody holds the file. On another host (a shared
folder) we cannot know, and say so. Excel's ``~$<name>`` holds no host: it is reported as
possibly live, with the way to remove it if Excel is closed.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from pathlib import Path

from konexio.i18n import COORDINATORS, N_, Message

LIBREOFFICE_PROCESSES = ("soffice.bin", "soffice", "oosplash")


@dataclass(frozen=True)
class Lock:
    path: Path
    program: str  # "LibreOffice" or "Excel"
    user: str = ""
    host: str = ""
    opened: str = ""
    stale: bool = False
    """True only when we are sure: same host and no LibreOffice running."""


def parse_libreoffice(text: str) -> tuple[str, str, str]:
    """(user, host, opened) from a LibreOffice lock file's content; '' where unreadable."""
    fields = text.strip().rstrip(";").split(",")
    fields += [""] * (5 - len(fields))
    name, system_user, host, opened = (field.strip() for field in fields[:4])
    return (name or system_user, host, opened)


def libreoffice_running(proc: Path = Path("/proc")) -> bool:
    """Whether a LibreOffice process runs on this machine (Linux ``/proc``; elsewhere we
    cannot tell and answer True, so a lock is never called stale by mistake)."""
    if not proc.is_dir():
        return True
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            name = (entry / "comm").read_text(encoding="utf-8").strip()
        except OSError:
            continue
        if name in LIBREOFFICE_PROCESSES:
            return True
    return False


def find_locks(workbook: Path, host: str | None = None,
               running: bool | None = None) -> list[Lock]:
    """The lock files beside ``workbook``, each told live or stale."""
    host = host if host is not None else socket.gethostname()
    found: list[Lock] = []
    libre = workbook.parent / f".~lock.{workbook.name}#"
    if libre.exists():
        try:
            user, owner, opened = parse_libreoffice(libre.read_text(encoding="utf-8",
                                                                    errors="replace"))
        except OSError:
            user = owner = opened = ""
        if running is None and owner == host:
            running = libreoffice_running()
        found.append(Lock(libre, "LibreOffice", user, owner, opened,
                          stale=bool(owner) and owner == host and not running))
    excel = workbook.parent / f"~${workbook.name}"
    if excel.exists():
        found.append(Lock(excel, "Excel"))
    return found


def locked(workbook: Path, lock: Lock) -> Message:
    """What a coordinator reads when the sync refuses to save, and what to do."""
    who = ", ".join(part for part in (lock.user, lock.host, lock.opened) if part)
    values = {"workbook": workbook.name, "lock": lock.path.name, "who": who,
              "program": lock.program, "command": f"rm '{lock.path}'"}
    if lock.stale:
        return COORDINATORS.message(N_(
            "%(workbook)s n'est plus ouvert : LibreOffice a laissé un verrou périmé "
            "(%(lock)s, %(who)s) en se fermant mal, et aucun LibreOffice ne tourne sur "
            "cet ordinateur. Supprimez ce fichier puis relancez la synchronisation : "
            "%(command)s"), **values)
    if who:
        return COORDINATORS.message(N_(
            "%(workbook)s est ouvert dans %(program)s (%(who)s) : fermez-le puis "
            "relancez la synchronisation. S'il n'est ouvert nulle part (après un "
            "plantage), supprimez le fichier de verrou : %(command)s"), **values)
    return COORDINATORS.message(N_(
        "%(workbook)s est ouvert dans %(program)s : fermez-le puis relancez la "
        "synchronisation. S'il n'est ouvert nulle part (après un plantage), supprimez "
        "le fichier de verrou : %(command)s"), **values)


def lock_message(workbook: Path, lock: Lock, lang: str = "fr") -> str:
    """``locked`` in ``lang``."""
    return locked(workbook, lock).text(lang)
