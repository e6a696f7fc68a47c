"""The Google Sheets backend: gspread's HTTP client, four requests per spreadsheet at most.

Two places per target: the sign-up spreadsheet (shift worksheets, shared with volunteers)
and the people spreadsheet (roster and journal, shared with coordinators only; the sync
never shares anything). A sync of one spreadsheet is: the metadata (sheet ids, frozen rows,
protections, conditional formats), one ``values:batchGet`` for every worksheet, and at most
one ``spreadsheets.batchUpdate`` carrying everything (new worksheets with ``addSheet``, exact
``updateCells`` ranges, ``appendCells`` for new rows). A batchUpdate is all-or-nothing, so a
sync interrupted anywhere leaves either the old or the new sheet, and a re-run finishes it.
Batches are split only past ``MAX_BATCH_BYTES`` (Google refuses bodies much above 2 MB).

``updateCells`` writes at a row number, and the API has no "only if this row still holds
that shift": when cells of existing rows were written, the columns that say whose each row
is are read back (one more ``values:batchGet``: ``id`` in a shift sheet, name and e-mail in
the roster), and if a row no longer holds the shift or person it held when read (someone
sorted meanwhile), ``RowsMoved`` makes the sync read and plan again.
"""

from __future__ import annotations

import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path

import gspread
from gspread.http_client import HTTPClient

from konexio.i18n import COORDINATORS, N_
from konexio.sync import words
from konexio.sync.backend import Read, RowsMoved, Target
from konexio.sync.layout import (
    ID,
    MARKER,
    FormatRule,
    api_cell,
    cell_text,
    column_letter,
    format_rules,
)
from konexio.sync.plan import WorksheetPlan, WorksheetSnapshot
from konexio.sync.retry import Retry, SyncError
from konexio.sync.roster import ROSTER, SheetEdit, edit_requests, key_columns
from konexio.sync.sheet_format import google_requests, sheet_format

CREDENTIALS_VARIABLE = "KONEXIO_GOOGLE_CREDENTIALS"
"""Names the service account's JSON key file. The key itself is never printed."""
TIMEOUT = (10.0, 60.0)
"""(connect, read) seconds: gspread waits forever by default."""
MAX_BATCH_BYTES = 1_500_000
PROTECTION = words.PROTECTION
"""Warning-only: any account may edit after a warning. A protection with editors would lock
the sync out the day its service account (its key) changes, since only editors may change
a protection; and the sync rewrites any generated cell people edit anyway."""
METADATA_FIELDS = ("sheets(properties(sheetId,title,gridProperties),"
                   "protectedRanges(protectedRangeId,description,warningOnly,"
                   "requestingUserCanEdit),conditionalFormats,basicFilter(range))")
GREY = {"red": 0.6, "green": 0.6, "blue": 0.6}
AMBER = {"red": 1.0, "green": 0.87, "blue": 0.6}


@dataclass(frozen=True)
class SheetMeta:
    sheet_id: int
    title: str
    rows: int
    columns: int
    frozen_rows: int
    protections: tuple[str, ...]
    rules: tuple[tuple[int, tuple], ...]
    """Our conditional formats (index in the sheet's list, signature)."""
    strict: tuple[tuple[int, bool], ...] = ()
    """Our protections that are not warning-only (older syncs made them): their id, and
    whether the account syncing now may edit them."""
    filter_width: int = 0
    """Columns the sheet's basic filter spans (0: no filter)."""


def quote_title(title: str) -> str:
    """A worksheet title as an A1 range covering the whole sheet."""
    return "'" + title.replace("'", "''") + "'"


def _signature_of_api(rule: dict) -> tuple | None:
    values = rule.get("booleanRule", {}).get("condition", {}).get("values", [])
    formula = values[0].get("userEnteredValue", "") if values else ""
    if MARKER not in formula:
        return None
    ranges = tuple((r.get("startRowIndex", 0), r.get("startColumnIndex", 0),
                    r.get("endColumnIndex")) for r in rule.get("ranges", []))
    return (formula, ranges)


def _signature(rule: FormatRule) -> tuple:
    return (rule.formula, ((1, rule.first_col, rule.last_col + 1),))


def _meta(sheet: dict) -> SheetMeta:
    props = sheet["properties"]
    grid = props.get("gridProperties", {})
    rules = []
    for index, rule in enumerate(sheet.get("conditionalFormats", [])):
        signature = _signature_of_api(rule)
        if signature is not None:
            rules.append((index, signature))
    return SheetMeta(
        sheet_id=props["sheetId"], title=props["title"], rows=grid.get("rowCount", 1000),
        columns=grid.get("columnCount", 26), frozen_rows=grid.get("frozenRowCount", 0),
        protections=tuple(p.get("description", "") for p in sheet.get("protectedRanges", [])),
        rules=tuple(rules),
        strict=tuple((p["protectedRangeId"], p.get("requestingUserCanEdit", False))
                     for p in sheet.get("protectedRanges", [])
                     if p.get("description") == PROTECTION and not p.get("warningOnly")),
        filter_width=sheet.get("basicFilter", {}).get("range", {}).get("endColumnIndex", 0)
        if "basicFilter" in sheet else 0,
    )


def _api_rule(sheet_id: int, rule: FormatRule) -> dict:
    if rule.kind == "struck":
        fmt = {"textFormat": {"strikethrough": True, "foregroundColor": GREY}}
    elif rule.kind == "past":
        fmt = {"textFormat": {"foregroundColor": GREY}}
    else:
        fmt = {"backgroundColor": AMBER}
    return {
        "ranges": [{"sheetId": sheet_id, "startRowIndex": 1,
                    "startColumnIndex": rule.first_col, "endColumnIndex": rule.last_col + 1}],
        "booleanRule": {"condition": {"type": "CUSTOM_FORMULA",
                                      "values": [{"userEnteredValue": rule.formula}]},
                        "format": fmt},
    }


def _new_sheet_id(title: str, taken: set[int]) -> int:
    """Deterministic, so a re-run after a lost response proposes the same worksheet."""
    candidate = zlib.crc32(title.encode()) & 0x7FFFFFFF
    while candidate in taken:
        candidate = (candidate + 1) & 0x7FFFFFFF
    return candidate


@dataclass(frozen=True)
class Placed:
    """Rows of one worksheet a write reaches by position, and what says whose each is:
    the values its ``columns`` must hold once written (the header aside: frozen, no sort
    moves it)."""

    title: str
    columns: tuple[int, ...]
    rows: dict[int, tuple[str, ...]]


def placed_shifts(plan: WorksheetPlan, snapshot: WorksheetSnapshot) -> Placed:
    """Every existing row of a shift sheet the plan writes, and the shift id it holds."""
    col = plan.columns[ID]
    own = {write.row: cell_text(write.value) for write in plan.writes if write.col == col}
    return Placed(plan.title, (col,),
                  {write.row: (own.get(write.row, snapshot.cell(write.row, col)),)
                   for write in plan.writes if write.row > 0})


def placed_people(edit: SheetEdit, snapshot: WorksheetSnapshot) -> Placed:
    """Every roster row the edit writes (a token, or the cells of a person erased), and the
    name and e-mail it holds once written."""
    columns = key_columns(snapshot.header) if edit.title == ROSTER else ()
    rows = {write.row for write in edit.writes if write.row > 0} if columns else set()
    own = {(write.row, write.col): cell_text(write.value) for write in edit.writes}
    return Placed(edit.title, columns,
                  {row: tuple(own.get((row, col), snapshot.cell(row, col)) for col in columns)
                   for row in rows})


def worksheet_requests(plan: WorksheetPlan, meta: SheetMeta | None, taken: set[int]) \
        -> list[dict]:
    """The batchUpdate requests for one worksheet, in the order they must apply."""
    requests: list[dict] = []
    if meta is None:
        sheet_id = _new_sheet_id(plan.title, taken)
        taken.add(sheet_id)
        requests.append({"addSheet": {"properties": {
            "sheetId": sheet_id, "title": plan.title,
            "gridProperties": {"rowCount": 1000, "columnCount": max(26, plan.width),
                               "frozenRowCount": 1}}}})
        columns, frozen, protections, ours, strict = max(26, plan.width), 1, (), (), ()
    else:
        sheet_id = meta.sheet_id
        columns, frozen, protections, ours, strict = (meta.columns, meta.frozen_rows,
                                                      meta.protections, meta.rules, meta.strict)
    if frozen != 1:
        requests.append({"updateSheetProperties": {
            "properties": {"sheetId": sheet_id, "gridProperties": {"frozenRowCount": 1}},
            "fields": "gridProperties.frozenRowCount"}})
    if columns < plan.width:
        requests.append({"appendDimension": {"sheetId": sheet_id, "dimension": "COLUMNS",
                                             "length": plan.width - columns}})
    for run in plan.runs():
        requests.append({"updateCells": {
            "start": {"sheetId": sheet_id, "rowIndex": run.row, "columnIndex": run.col},
            "rows": [{"values": [api_cell(value) for value in run.values]}],
            "fields": "userEnteredValue"}})
    if PROTECTION not in protections:
        requests.append({"addProtectedRange": {"protectedRange": {
            "range": {"sheetId": sheet_id, "startColumnIndex": 0,
                      "endColumnIndex": max(plan.columns.values()) + 1},
            # Warning only: editors can still sort and filter rows (a full protection
            # refuses any sort that moves protected cells); see the README.
            "description": PROTECTION, "warningOnly": True}}})
    for protection_id in (p for p, can_edit in strict if can_edit):
        requests.append({"updateProtectedRange": {
            "protectedRange": {"protectedRangeId": protection_id, "warningOnly": True},
            "fields": "warningOnly"}})
    wanted = format_rules(plan.columns, plan.signups, plan.width)
    if tuple(signature for _, signature in ours) != tuple(_signature(r) for r in wanted):
        for index, _ in sorted(ours, reverse=True):
            requests.append({"deleteConditionalFormatRule": {"sheetId": sheet_id,
                                                             "index": index}})
        for index, rule in enumerate(wanted):
            requests.append({"addConditionalFormatRule": {"rule": _api_rule(sheet_id, rule),
                                                          "index": index}})
    if plan.appends:
        # appendCells, not values.append: it adds rows after the last row holding data,
        # with no table detection and nothing overwritten, inside the all-or-nothing batch.
        requests.append({"appendCells": {
            "sheetId": sheet_id, "fields": "userEnteredValue",
            "rows": [{"values": [api_cell(value) for value in row]} for row in plan.appends]}})
    if requests and any(not can_edit for _, can_edit in strict):
        # Google would refuse the whole batch; only the owner or an editor can lift it.
        raise SyncError(COORDINATORS.message(N_(
            "« %(worksheet)s » : la protection « %(protection)s » a été posée par un autre "
            "compte et le compte de service de la synchronisation ne peut plus écrire dans "
            "ces colonnes ; rien n'a été écrit. Dans Google Sheets, Données > Protéger des "
            "feuilles et des plages : supprimez cette protection (la synchronisation la "
            "recréera en simple avertissement), puis relancez."),
            worksheet=plan.title, protection=PROTECTION))
    return requests


def _size(request: dict) -> int:
    return len(json.dumps(request, ensure_ascii=False).encode()) + 1


def _rows_in_chunks(request: dict, limit: int) -> list[dict]:
    """An ``appendCells`` too big for one batch, as several appending consecutive rows
    (a first fill of 100,000 shifts is one 15 MB request otherwise)."""
    append = request.get("appendCells")
    if append is None or _size(request) <= limit:
        return [request]
    chunks: list[dict] = []
    rows: list[dict] = []
    size = _size({"appendCells": {**append, "rows": []}})
    for row in append["rows"]:
        length = _size(row)
        if rows and size + length > limit:
            chunks.append({"appendCells": {**append, "rows": rows}})
            rows, size = [], _size({"appendCells": {**append, "rows": []}})
        rows.append(row)
        size += length
    chunks.append({"appendCells": {**append, "rows": rows}})
    return chunks


def split(requests: list[dict], limit: int = MAX_BATCH_BYTES) -> list[list[dict]]:
    """Consecutive chunks whose JSON stays under ``limit`` bytes (order kept)."""
    batches: list[list[dict]] = []
    size = limit + 1
    for request in (piece for r in requests for piece in _rows_in_chunks(r, limit)):
        length = _size(request)
        if size + length > limit and (not batches or batches[-1]):
            batches.append([])
            size = 0
        batches[-1].append(request)
        size += length
    return batches


@dataclass(frozen=True)
class Metas:
    """What the metadata said of each place's worksheets, by title."""

    signups: dict[str, SheetMeta]
    people: dict[str, SheetMeta]


class GoogleBackend:
    """Spreadsheets on Google, through gspread's real HTTP client: the sign-up spreadsheets
    volunteers edit, and the people spreadsheet(s) only coordinators share."""

    name = "google"

    def __init__(self, http: HTTPClient, spreadsheets: dict[str, str],
                 people: dict[str, str] | None = None,
                 retry: Retry | None = None, max_batch_bytes: int = MAX_BATCH_BYTES):
        http.set_timeout(TIMEOUT)
        self.http = http
        self.spreadsheets = spreadsheets
        self.people = people or {}
        """Antenna id -> people spreadsheet id."""
        self.retry = retry or Retry()
        self.max_batch_bytes = max_batch_bytes
        self.requests = 0

    @classmethod
    def from_environment(cls, spreadsheets: dict[str, str], people: dict[str, str],
                         environ: os._Environ | dict | None = None) -> GoogleBackend:
        environ = os.environ if environ is None else environ
        path = environ.get(CREDENTIALS_VARIABLE, "")
        if not path:
            raise SyncError(COORDINATORS.message(N_(
                "%(variable)s n'est pas défini : indiquez le chemin du fichier de clé JSON du "
                "compte de service."), variable=CREDENTIALS_VARIABLE))
        if not Path(path).is_file():
            raise SyncError(COORDINATORS.message(N_(
                "%(variable)s désigne un fichier introuvable : %(path)s"),
                variable=CREDENTIALS_VARIABLE, path=path))
        try:
            client = gspread.service_account(filename=path)
        except (ValueError, KeyError, OSError):
            # No detail from the parser: it is the one place a key could end up on screen.
            raise SyncError(COORDINATORS.message(N_(
                "%(path)s n'est pas une clé JSON de compte de service valide (téléchargez-la "
                "à nouveau depuis la console Google Cloud)."), path=path)) from None
        return cls(client.http_client, spreadsheets, people)

    def targets(self, required: dict[str, str], optional: dict[str, str]) -> list[Target]:
        missing = sorted(a for a in required if a not in self.spreadsheets)
        if missing:
            raise SyncError(COORDINATORS.message(N_(
                "pas de classeur Google pour : %(antennas)s ; ajoutez son identifiant dans "
                "volunteers/sheets.yml."), antennas=", ".join(missing)))
        titles = {**{a: t for a, t in optional.items() if a in self.spreadsheets}, **required}
        unplaced = sorted(a for a in titles if a not in self.people)
        if unplaced:
            raise SyncError(COORDINATORS.message(N_(
                "pas de classeur des personnes pour : %(antennas)s ; ajoutez « people: » "
                "dans volunteers/sheets.yml (un classeur partagé avec les seuls "
                "coordinateurs, jamais un classeur d'inscription)."),
                antennas=", ".join(unplaced)))
        signups = set(self.spreadsheets.values())
        shared = sorted({a for a in titles if self.people[a] in signups})
        if shared:
            raise SyncError(COORDINATORS.message(N_(
                "le classeur des personnes de %(antennas)s est aussi un classeur "
                "d'inscription : les bénévoles y liraient les coordonnées de tous ; "
                "donnez-lui un classeur à part dans volunteers/sheets.yml."),
                antennas=", ".join(shared)))
        grouped: dict[str, dict[str, str]] = {}
        for antenna, title in sorted(titles.items()):
            grouped.setdefault(self.spreadsheets[antenna], {})[antenna] = title
        targets = []
        for key, group in grouped.items():
            people = {self.people[a] for a in group}
            if len(people) > 1:
                raise SyncError(COORDINATORS.message(N_(
                    "%(antennas)s partagent un classeur d'inscription mais pas le même "
                    "classeur des personnes : donnez-leur le même dans "
                    "volunteers/sheets.yml."), antennas=", ".join(sorted(group))))
            targets.append(Target(key, group, people=people.pop()))
        return targets

    def _read_call(self, call):
        def counted():
            self.requests += 1
            return call()
        return self.retry.read(counted)

    def _metas(self, key: str) -> dict[str, SheetMeta]:
        metadata = self._read_call(lambda: self.http.fetch_sheet_metadata(
            key, params={"includeGridData": "false", "fields": METADATA_FIELDS}))
        return {sheet["properties"]["title"]: _meta(sheet)
                for sheet in metadata.get("sheets", [])}

    def _values(self, key: str, titles: list[str]) -> dict[str, WorksheetSnapshot]:
        if not titles:
            return {}
        ranges = [quote_title(title) for title in titles]
        got = self._read_call(lambda: self.http.values_batch_get(
            key, ranges, params={"majorDimension": "ROWS",
                                 "valueRenderOption": "FORMATTED_VALUE"}))
        return {title: WorksheetSnapshot(title, tuple(tuple(row)
                                                      for row in block.get("values", [])))
                for title, block in zip(titles, got.get("valueRanges", []), strict=True)}

    def read(self, target: Target) -> Read:
        signup_metas = self._metas(target.key) if target.titles else {}
        legacy_titles = [title for title in target.extra if title in signup_metas]
        snapshots = self._values(target.key, [
            *(title for title in target.titles.values() if title in signup_metas),
            *legacy_titles])
        legacy = {title: snapshots.pop(title) for title in legacy_titles}
        people_metas: dict[str, SheetMeta] = {}
        if target.extra:
            people_metas = self._metas(target.people)
            snapshots.update(self._values(
                target.people, [title for title in target.extra if title in people_metas]))
        for title in (*target.titles.values(), *target.extra):
            snapshots.setdefault(title, WorksheetSnapshot(title, exists=False))
        return Read(snapshots, Metas(signup_metas, people_metas), legacy)

    def write(self, target: Target, read: Read, plans: list[WorksheetPlan],
              dry_run: bool = False, edits: tuple[SheetEdit, ...] = ()) -> int:
        metas: Metas = read.state
        taken = {meta.sheet_id for meta in metas.signups.values()}
        requests: list[dict] = []
        for plan in plans:
            meta = metas.signups.get(plan.title)
            made = worksheet_requests(plan, meta, taken)
            if plan.changes_values:
                # Widths follow the content, so they are sent with value changes only: a
                # sync with nothing new still writes nothing.
                sheet_id = meta.sheet_id if meta else made[0]["addSheet"]["properties"]["sheetId"]
                # setBasicFilter replaces the filter, criteria included: only when there is
                # none yet or it misses columns, never over a filter someone is using.
                made += google_requests(sheet_id, sheet_format(read.snapshots[plan.title], plan),
                                        with_filter=not meta or meta.filter_width < plan.width)
            requests += made
        taken = {meta.sheet_id for meta in metas.people.values()}
        people_requests: list[dict] = []
        for edit in edits:
            meta = metas.people.get(edit.title)
            people_requests += edit_requests(edit, meta.sheet_id if meta else None,
                                             meta.columns if meta else 0, taken,
                                             meta.protections if meta else ())
        batches = split(requests, self.max_batch_bytes) if requests else []
        people_batches = split(people_requests, self.max_batch_bytes) \
            if people_requests else []
        if dry_run or not (batches or people_batches):
            return len(batches) + len(people_batches)
        placed = [found for found in (placed_shifts(plan, read.snapshots[plan.title])
                                      for plan in plans) if found.rows]
        placed_roster = [found for found in (
            placed_people(edit, read.snapshots[edit.title]) for edit in edits
            if edit.title in read.snapshots) if found.rows]
        self._send(target.key, batches)
        self._send(target.people, people_batches)
        moved: list[str] = []
        if placed:
            moved += self._moved(target.key, placed)
        if placed_roster:
            moved += self._moved(target.people, placed_roster)
        if moved:
            raise RowsMoved(tuple(moved), len(batches) + len(people_batches))
        return len(batches) + len(people_batches)

    def _send(self, key: str, batches: list[list[dict]]) -> None:
        for batch in batches:
            def send(body=batch):
                self.requests += 1
                return self.http.batch_update(key, {"requests": body})
            self.retry.write(send)

    def remove_legacy(self, target: Target, read: Read, titles: tuple[str, ...]) -> None:
        metas: Metas = read.state
        requests = [{"deleteSheet": {"sheetId": metas.signups[title].sheet_id}}
                    for title in titles if title in metas.signups]
        if requests:
            self._send(target.key, [requests])

    def _moved(self, key: str, placed: list[Placed]) -> list[str]:
        """Read back the columns that say whose each written row is: the titles where a
        row now holds another shift or person."""
        ranges = [f"{quote_title(found.title)}!{column_letter(col)}:{column_letter(col)}"
                  for found in placed for col in found.columns]
        got = self._read_call(lambda: self.http.values_batch_get(
            key, ranges, params={"majorDimension": "COLUMNS",
                                 "valueRenderOption": "FORMATTED_VALUE"}))
        blocks = iter(got.get("valueRanges", []))
        moved = []
        for found in placed:
            columns = [[cell_text(value) for value in (next(blocks).get("values") or [[]])[0]]
                       for _ in found.columns]
            if any(tuple(column[row] if row < len(column) else "" for column in columns)
                   != expected for row, expected in found.rows.items()):
                moved.append(found.title)
        return moved
