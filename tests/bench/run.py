"""``make bench``: time the pipeline on synthetic networks of growing size.

    .venv/bin/python tests/bench/run.py [--sizes 5,10,25] [--repeats 3] [--no-lighthouse]

Every measurement runs in its own child process, forked from a fork server that has only
imported the modules (``PRELOAD``), so that its peak memory (``ru_maxrss``) is its own and
no cache survives from one run to the next (``--child TASK`` runs one by hand).
What a target judges (feeds, full build, plain engine) is the fastest of ``--repeats`` runs
(two for steps whose first run takes over ``LONG`` seconds): on a shared host the noise only
ever adds time, so the fastest run is the one least disturbed by others (the advice of
Python's ``timeit``), and every ratio takes the same estimator on both sides. What is only
shown (validate, expand, pages) runs once. To fit 10 minutes on two cores the largest network is
25 antennas (it was 200, then 100, then 80: the pages grew with how to come, share and print,
and the bench with them, 627 s on 2026-12-03; then 60, and 25 since the site has eight
languages instead of five, issue 25: 5, 15 and 35 took 714 s), the middle one 10 (it was
25), the syncs 1,000 and 30,000 shifts (10,000 was dropped), the pages
alone are not timed at the largest size, the plain engine runs on the pages the full build
staged (no second staging, and in turns with it: build, plain, build, plain...), the feeds
are also written to the other kind of folder (disk or memory) at the middle size only, and
Lighthouse runs once per template and language (a page under its target runs once more and
keeps the better run: its scores vary by a few points between runs on a shared machine).

Everything is written into memory (tmpfs, ``MEMORY_DISK``) when there is room, else to the
disk (``--disk`` asks for the disk). On this machine the disk is ext4 *without a journal*:
there the kernel, to create a file, skips every free inode of the group that was deleted
less than ``dirty_expire_centisecs`` *seconds* ago (50 minutes; ``recently_deleted()`` in
fs/ext4/ialloc.c, a quirk of journal-less ext4), reading each one. After a test run or an
earlier step has deleted a few thousand files, creating an empty file costs 0.4-0.8 ms
instead of 12-35 us, so a figure on that disk measures how many files were deleted in the
last hour, not the step. A journaled ext4 (the CI and publishing hosts) has no such check;
memory is the nearest stand-in for it here.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
REPO = TESTS.parent
if str(TESTS) not in sys.path:  # tests/ holds the fake Sheets server and this package
    sys.path.insert(0, str(TESTS))

KB = 1024
TARGET_HTML = 60 * KB
TARGET_FIRST_LOAD = 120 * KB
TARGET_FIRST_SEARCH = 200 * KB
TARGET_PREVIEW = 2.0
TARGET_FULL_OVER_PLAIN = 1.25
TARGET_FEEDS_SHARE = 0.10
TARGET_SHIPPED_FEEDS = 1.0
TARGET_PERFORMANCE = 95
TARGET_CLS = 0.1
LINEAR_LIMIT = 1.5
"""Largest acceptable ratio of the cost of one more page at the largest sizes to the cost
of one more page at the smallest: 1 when linear, about 4 when quadratic here."""
SHIFT_COUNTS = (1_000, 30_000)
JUDGED = ("feeds", "build", "plain")
"""Steps a target is about: timed ``--repeats`` times (fastest run); the others once."""
MEMORY_DISK = Path("/dev/shm")
MEMORY_NEEDED = 6 * KB**3
"""Free bytes the bench wants in memory to work there (the largest network's site, stage
and feeds take about 1 GB, and each step's output is removed before the next)."""
LONG = 12.0
"""Seconds past which a step is timed twice instead of ``--repeats`` times (the budget)."""
LONG_RUNS = 2


# --- the child side -----------------------------------------------------------------------

def figures_of(task: str, root: Path, out: Path, extra: str) -> dict:
    """Run one task; its figures, with the peak memory of this process."""
    if task == "sync":
        from bench.sync_bench import run_sync

        figures = run_sync(int(extra))
    else:
        from bench.tasks import TASKS

        figures = TASKS[task](root, out, *([extra] if extra else []))
    figures["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / KB
    return figures


def child(task: str, root: Path, out: Path, extra: str) -> None:
    """``--child``: run one task and print its figures as JSON on the last line."""
    print(json.dumps(figures_of(task, root, out, extra)))


def _forked(task: str, root: Path, out: Path, extra: str, pipe) -> None:
    os.chdir(REPO)
    # What the step prints (MkDocs' log) goes to a file beside its output, not the report.
    log = out.with_name(out.name + ".log")
    with log.open("w") as handle:
        os.dup2(handle.fileno(), 1)
        os.dup2(handle.fileno(), 2)
    try:
        pipe.send(("done", figures_of(task, root, out, extra)))
    except BaseException:  # noqa: BLE001 - the parent reports every failure
        import traceback

        sys.stderr.flush()
        printed = log.read_text(errors="replace").strip().splitlines()[-10:]
        pipe.send(("failed", "\n".join([*printed, traceback.format_exc()])))


PRELOAD = ["bench.tasks", "bench.sync_bench", "konexio.validate", "konexio.pages.render",
           "konexio.feeds", "konexio.site.build", "mkdocs.commands.build", "mkdocs.config"]
"""Imported once by the fork server: each measurement is a fork of a process that has
imported these (what the tasks import before their clock starts) and done nothing else,
so no cache of a run survives into the next, and the 2 s of imports are not paid ~30
times."""


# --- the parent side ----------------------------------------------------------------------

# --- the parent side ----------------------------------------------------------------------

class Failed(Exception):
    pass


_FORKS = None


def _fork_context():
    global _FORKS
    if _FORKS is None:
        import multiprocessing

        _FORKS = multiprocessing.get_context("forkserver")
        _FORKS.set_forkserver_preload(PRELOAD)
    return _FORKS


def measure(task: str, root: Path, out: Path, extra: str = "") -> dict:
    """One run of ``task`` in a fresh process (forked from the fork server); ``out`` is
    emptied first."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    context = _fork_context()
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_forked, args=(task, root, out, extra, writer))
    process.start()
    writer.close()
    try:
        kind, payload = reader.recv()
    except EOFError:
        kind, payload = "failed", f"the process stopped (exit code {process.exitcode})"
    finally:
        process.join()
        reader.close()
    if kind == "failed":
        tail = "\n".join(payload.strip().splitlines()[-15:])
        raise Failed(f"{task} failed on {root.name}:\n{tail}")
    return payload


def runs_wanted(first: dict, repeats: int) -> int:
    """How many runs a judged step gets: ``repeats``, or ``LONG_RUNS`` when its first run
    took over ``LONG`` seconds (the 10-minute budget); never more than asked."""
    return min(repeats, LONG_RUNS) if first["seconds"] > LONG else repeats


def fastest(task: str, root: Path, out: Path, repeats: int, extra: str = "") -> dict:
    """The figures of the fastest of up to ``repeats`` runs (see ``runs_wanted``)."""
    runs = [measure(task, root, out, extra)]
    while len(runs) < runs_wanted(runs[0], repeats):
        runs.append(measure(task, root, out, extra))
    return _fastest_of(runs)


def build_and_plain(root: Path, out: Path, repeats: int) -> tuple[dict, dict]:
    """The full build and the plain engine on the pages it staged, run in turns (build,
    plain, build, plain...) so that a slow minute of this shared machine weighs on both
    sides of their ratio, not on one; as many turns as ``fastest`` would run."""
    builds: list[dict] = []
    plains: list[dict] = []
    while not builds or len(builds) < runs_wanted(builds[0], repeats):
        builds.append(measure("build", root, out / "build", ""))
        plains.append(measure("plain", root, out / "plain", builds[-1]["stage"]))
    return _fastest_of(builds), _fastest_of(plains)


def _fastest_of(runs: list[dict]) -> dict:
    """The fastest run's figures (its CPU and memory too), with every run's seconds."""
    figures = dict(min(runs, key=lambda r: r["seconds"]))
    figures["runs"] = len(runs)
    figures["all_seconds"] = [r["seconds"] for r in runs]
    return figures


@dataclass
class SizeResult:
    antennas: int
    cohorts: int
    figures: dict[str, dict] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)
    heaviest: tuple[str, int] | None = None
    first_load: object = None
    search: list = field(default_factory=list)


def available(module: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / KB**3
    return (f"{model}, {os.cpu_count()} cores, {memory:.0f} GB RAM, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}, "
            f"load average {load:.2f} at start")


FEEDS_ELSEWHERE = {True: "on disk", False: "into memory (tmpfs)"}
"""Label of the feeds written to the other kind of folder, by whether the bench works in
memory."""


def in_memory(folder: Path) -> bool:
    """Whether ``folder`` is under ``MEMORY_DISK``."""
    return folder.resolve().is_relative_to(MEMORY_DISK.resolve())


def work_parent(disk: bool) -> Path | None:
    """Where the bench's work folder goes: memory when it is there, writable and roomy
    enough (unless ``disk``), else the default temporary folder (None)."""
    if disk or not MEMORY_DISK.is_dir() or not os.access(MEMORY_DISK, os.W_OK):
        return None
    return MEMORY_DISK if shutil.disk_usage(MEMORY_DISK).free >= MEMORY_NEEDED else None


def site_ready() -> bool:
    return available("konexio.site.build") and (REPO / "mkdocs.yml").is_file()


def bench_size(antennas: int, work: Path, repeats: int, log, build_max: int,
               largest: bool = False, middle: bool = False) -> SizeResult:
    from bench.synthetic import generate
    from bench.weight import first_load, heaviest_html, search_sizes

    network = generate(work / f"network-{antennas}", antennas)
    root = network.root
    result = SizeResult(antennas, network.cohorts)
    out = work / f"out-{antennas}"
    steps = ["validate", "expand"]
    if largest:  # the full build renders them anyway; 20 s of the 10-minute budget
        result.missing["pages alone"] = "not timed at the largest size (budget)"
    elif available("konexio.pages.render"):
        steps.append("pages")
    heavy = antennas <= build_max
    steps += ["feeds"] if available("konexio.feeds") and heavy else []
    for step in steps:
        log(f"  {antennas} antennas: {step}")
        # validate, expand and pages are shown, not judged: one run each saves the budget
        # for the steps a target is about (feeds, build, plain).
        result.figures[step] = fastest(step, root, out / step,
                                       repeats if step in JUDGED else 1)
    elsewhere = None if in_memory(work) else MEMORY_DISK
    if "feeds" in steps and middle and (elsewhere is None or MEMORY_DISK.is_dir()):
        # Shown, not judged: the same step written to the other kind of folder, which
        # shows what the file system adds (see the module's docstring).
        label = FEEDS_ELSEWHERE[elsewhere is None]
        log(f"  {antennas} antennas: feeds {label}")
        other = Path(tempfile.mkdtemp(prefix="konexio-bench-", dir=elsewhere))
        try:
            result.figures["feeds_elsewhere"] = fastest("feeds", root, other / "feeds",
                                                        repeats)
        finally:
            shutil.rmtree(other, ignore_errors=True)
    if not heavy:
        result.missing["feeds and builds"] = (
            f"over --build-max {build_max} antennas (a smaller budget than the default)")
        return result
    if not site_ready():
        result.missing["build"] = "konexio.site.build or mkdocs.yml not there yet"
        return result
    log(f"  {antennas} antennas: build and plain mkdocs build of the staged pages, in turns")
    result.figures["build"], result.figures["plain"] = build_and_plain(root, out, repeats)
    site = out / "build"
    result.heaviest = heaviest_html(site)
    cohort_pages = sorted((site / "cohorts").glob("*/index.html"))
    if cohort_pages:
        result.first_load = first_load(site, cohort_pages[0])
    result.search = search_sizes(site)
    shutil.rmtree(out, ignore_errors=True)
    return result


def shipped_copy(work: Path) -> Path:
    """A copy of the repository's data and site sources (the preview edits a file)."""
    from bench.synthetic import copy_site_skeleton

    root = work / "shipped"
    for name in ("schedules", "volunteers"):
        shutil.copytree(REPO / name, root / name)
    copy_site_skeleton(root)
    return root


# --- printing -----------------------------------------------------------------------------

def kb(n: float) -> str:
    return f"{n / KB:.1f} KB"


def table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(cell.rjust(w) if i else cell.ljust(w)
                               for i, (cell, w) in enumerate(zip(row, widths, strict=True))))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def seconds_cell(figures: dict | None) -> str:
    if not figures:
        return "n/a"
    return f"{figures['seconds']:.2f} s ({figures['maxrss_mb']:.0f} MB)"


def growth(results: list[SizeResult]) -> tuple[float, float] | None:
    """(marginal-cost ratio, log-log slope) of the full build over page count."""
    points = [(r.figures["build"]["html_pages"], r.figures["build"]["seconds"])
              for r in results if "build" in r.figures]
    if len(points) < 3:
        return None
    (p0, t0), (p1, t1), (p2, t2) = points[0], points[-2], points[-1]
    low = (t1 - t0) / (p1 - p0)
    high = (t2 - t1) / (p2 - p1)
    slope = math.log(t2 / t1) / math.log(p2 / p1)
    return high / low, slope


def report(results: list[SizeResult], preview: dict | None, syncs: list[dict],
           started: float, work: Path, shipped_feeds: dict | None = None,
           lighthouse: list | str | None = None) -> bool:
    print()
    print("== 1. Pipeline steps: seconds of the fastest run (peak memory of the process) ==")
    head = ["antennas", "cohorts", "occurrences", "validate", "expand", "pages", "feeds",
            "full build", "plain mkdocs"]
    rows = [head]
    for r in results:
        f = r.figures
        rows.append([str(r.antennas), str(r.cohorts), f'{f["validate"]["occurrences"]:,}',
                     seconds_cell(f.get("validate")), seconds_cell(f.get("expand")),
                     seconds_cell(f.get("pages")), seconds_cell(f.get("feeds")),
                     seconds_cell(f.get("build")), seconds_cell(f.get("plain"))])
    print(table(rows))
    print("validate = konexio validate (read, type, check and expand); expand = the expansion "
          "alone; pages = Markdown of every page in every language, no mkdocs; feeds = every "
          ".ics in every language; full build = konexio build (validate, stage, one mkdocs "
          "build per language, feeds, swap); plain mkdocs = mkdocs build -f "
          "<stage>/<lang>/mkdocs.yml for every language, on the pages the full build staged.")
    for r in results:
        for name, label in (("feeds", "in the work folder"),
                            ("feeds_elsewhere", FEEDS_ELSEWHERE[in_memory(work)])):
            if name in r.figures and "user_s" in r.figures[name]:
                f = r.figures[name]
                print(f"feeds at {r.antennas} antennas {label}: {f['seconds']:.2f} s, of which "
                      f"CPU {f['user_s']:.2f} s in our code and {f['system_s']:.2f} s in the "
                      "kernel")
    for r in results:
        for step, why in r.missing.items():
            print(f"not measured at {r.antennas} antennas: {step}: {why}")

    print()
    print("== 2. Cost over MkDocs, and growth with size ==")
    rows = [["antennas", "html pages", "full build", "plain mkdocs", "full/plain",
             "ms per page (full)", "ms per page (plain)"]]
    for r in results:
        f = r.figures
        if "build" not in f:
            continue
        pages = f["build"]["html_pages"]
        plain = f.get("plain")
        rows.append([str(r.antennas), str(pages), f"{f['build']['seconds']:.1f} s",
                     f"{plain['seconds']:.1f} s" if plain else "n/a",
                     f"{f['build']['seconds'] / plain['seconds']:.2f}" if plain else "n/a",
                     f"{1000 * f['build']['seconds'] / pages:.1f}",
                     f"{1000 * plain['seconds'] / plain['html_pages']:.1f}" if plain else "n/a"])
    if len(rows) > 1:
        print(table(rows))
    for r in results:
        if "build" in r.figures and "plain" in r.figures:
            print(f"runs at {r.antennas} antennas, in turns: full build " + ", ".join(
                f"{t:.1f}" for t in r.figures["build"]["all_seconds"]) + " s; plain mkdocs "
                + ", ".join(f"{t:.1f}" for t in r.figures["plain"]["all_seconds"]) + " s")
    grown = growth(results)
    if grown:
        print(f"cost of one more page, largest sizes / smallest sizes: {grown[0]:.2f} "
              f"(1 = linear, ~4 = quadratic); log-log slope of build time over pages between "
              f"the two largest sizes: {grown[1]:.2f} (1 = linear, 2 = quadratic)")

    print()
    print("== 3. Page weight (a cohort page, first visit; gzip) ==")
    rows = [["antennas", "heaviest page", "HTML", "cohort page HTML", "first load",
             "of which search index", "without search index", "files"]]
    for r in results:
        if r.heaviest is None:
            continue
        fl = r.first_load
        rows.append([str(r.antennas), r.heaviest[0], kb(r.heaviest[1]),
                     kb(fl.html_bytes) if fl else "n/a", kb(fl.total_gz) if fl else "n/a",
                     kb(fl.search_index_gz) if fl else "n/a",
                     kb(fl.without_search_gz) if fl else "n/a",
                     str(len(fl.files)) if fl else "n/a"])
    if len(rows) > 1:
        print(table(rows))
        last = results[-1].first_load
        if last:
            print(f"first load of {last.page}: " + ", ".join(
                f"{path} {kb(size)}" for path, size in sorted(last.files.items(),
                                                              key=lambda kv: -kv[1])))
            if last.external:
                print("other hosts (not counted): " + ", ".join(sorted(set(last.external))))
            if last.missing:
                print("referenced but missing: " + ", ".join(last.missing))

    print()
    print("== 3b. Search (Pagefind), per language: nothing of it in the first load ==")
    rows = [["antennas", "language", "pages indexed", "index", "excerpts",
             "first search"]]
    for r in results:
        for s in r.search:
            rows.append([str(r.antennas), s.language, str(s.pages), kb(s.index),
                         kb(s.fragments), kb(s.first_search)])
    if len(rows) > 1:
        print(table(rows))
        print("index: the language's meta file and every index chunk (a search fetches the "
              "chunks of its words); excerpts: every page's record (a search fetches those "
              "it shows); first search: Pagefind's script and WebAssembly, the meta file, "
              "the largest chunk, the synonyms and the dialog's style.")

    print()
    print("== 4. Live preview (mkdocs serve rebuild after editing one cohort file) ==")
    if preview:
        for name, figures in preview.items():
            runs = ", ".join(f"{s:.2f}" for s in figures["runs"])
            print(f"{name}: median {figures['seconds']:.2f} s (runs {runs} s; "
                  f"peak {figures['maxrss_mb']:.0f} MB), edited {figures['edited']}")
    else:
        print("not measured: the site build is not there yet")

    print()
    print("== 5. Lighthouse, mobile (gzip-served shipped site, Debian's Chromium) ==")
    if isinstance(lighthouse, list):
        rows = [["template", *sorted({s.lang for s in lighthouse}, key=[
            x.lang for x in lighthouse].index)]]
        for template in dict.fromkeys(s.template for s in lighthouse):
            rows.append([template] + [
                f"{s.performance} / CLS {s.cls:.3f}" + ("*" if s.runs > 1 else "")
                for s in lighthouse if s.template == template])
        print(table(rows))
        print("performance score / cumulative layout shift; * = run twice, better run kept")
    else:
        print(f"not measured: {lighthouse or 'skipped'}")

    print()
    print("== 6. Sync against the fake Sheets API (gspread's real HTTP layer) ==")
    rows = [["shifts", "plan", "fill sync", "no-change sync", "1% change sync",
             "requests fill/same/change", "per spreadsheet fill/same/change",
             "largest write body", "peak"]]
    for s in syncs:
        rows.append([f"{s['shifts']:,}", f"{s['plan_seconds']:.2f} s",
                     f"{s['fill_seconds']:.1f} s", f"{s['same_seconds']:.1f} s",
                     f"{s['change_seconds']:.1f} s",
                     f"{s['fill_requests']}/{s['same_requests']}/{s['change_requests']}",
                     "/".join(",".join(map(str, s[f'{n}_per_spreadsheet']))
                              for n in ("fill", "same", "change")),
                     f"{max(s['fill_largest_body'], s['change_largest_body']) / KB**2:.1f} MB",
                     f"{s['maxrss_mb']:.0f} MB"])
    print(table(rows))
    if syncs:
        print(f"{syncs[0]['spreadsheets']} spreadsheets of one worksheet each; plan = "
              "plan_worksheet on every worksheet (pure); sync times include the fake server.")

    # --- summary ------------------------------------------------------------------------
    verdicts: list[tuple[str, bool | None, str]] = []
    built = [r for r in results if r.heaviest]
    if built:
        worst = max(r.heaviest[1] for r in built)
        verdicts.append(("heaviest HTML <= 60 KB", worst <= TARGET_HTML, kb(worst)))
        loads = [r.first_load.total_gz for r in built if r.first_load]
        if loads:
            verdicts.append(("first load <= 120 KB gz", max(loads) <= TARGET_FIRST_LOAD,
                             " / ".join(kb(x) for x in loads)))
        searches = [s.first_search for r in built for s in r.search]
        if searches:
            verdicts.append(("first search <= 200 KB, every language",
                             max(searches) <= TARGET_FIRST_SEARCH,
                             f"largest {kb(max(searches))}"))
    else:
        verdicts.append(("heaviest HTML <= 60 KB", None, "not built"))
        verdicts.append(("first load <= 120 KB gz", None, "not built"))
    if preview and "shipped data" in preview:
        p = preview["shipped data"]["seconds"]
        verdicts.append(("preview <= 2 s", p <= TARGET_PREVIEW, f"{p:.2f} s"))
    else:
        verdicts.append(("preview <= 2 s", None, "not measured"))
    for r in results:
        f = r.figures
        if "build" in f and "plain" in f:
            ratio = f["build"]["seconds"] / f["plain"]["seconds"]
            verdicts.append((f"full/plain <= {TARGET_FULL_OVER_PLAIN} at {r.antennas}",
                             ratio <= TARGET_FULL_OVER_PLAIN, f"{ratio:.2f}"))
        if "build" in f and "feeds" in f:
            share = f["feeds"]["seconds"] / f["build"]["seconds"]
            cpu = (f" (CPU {f['feeds']['user_s']:.2f} s ours, {f['feeds']['system_s']:.2f} s "
                   "kernel)" if "user_s" in f["feeds"] else "")
            verdicts.append((f"feeds <= 10% of build at {r.antennas}",
                             share <= TARGET_FEEDS_SHARE, f"{100 * share:.1f} %{cpu}"))
    if shipped_feeds:
        t = shipped_feeds["seconds"]
        verdicts.append(("shipped feeds < 1 s", t < TARGET_SHIPPED_FEEDS,
                         f"{t:.2f} s for {shipped_feeds['feeds']} files"))
    if isinstance(lighthouse, list) and lighthouse:
        worst = min(lighthouse, key=lambda x: x.performance)
        shift = max(lighthouse, key=lambda x: x.cls)
        verdicts.append(("Lighthouse performance >= 95 everywhere",
                         worst.performance >= TARGET_PERFORMANCE,
                         f"lowest {worst.performance} ({worst.template}, {worst.lang})"))
        verdicts.append(("CLS < 0.1 everywhere", shift.cls < TARGET_CLS,
                         f"highest {shift.cls:.3f} ({shift.template}, {shift.lang})"))
    else:
        verdicts.append(("Lighthouse", None, str(lighthouse or "skipped")))
    if grown:
        verdicts.append(("linear growth", grown[0] <= LINEAR_LIMIT,
                         f"marginal ratio {grown[0]:.2f}, slope {grown[1]:.2f}"))
    else:
        verdicts.append(("linear growth", None, "needs three built sizes"))
    if syncs:
        steady = {tuple(s["same_per_spreadsheet"] + s["change_per_spreadsheet"]) for s in syncs}
        verdicts.append(("constant requests", len(steady) == 1,
                         "per spreadsheet same/change " + " | ".join(
                             f"{s['shifts']:,}: {s['same_per_spreadsheet']}/"
                             f"{s['change_per_spreadsheet']}" for s in syncs)))
    print()
    print(f"total bench time {time.perf_counter() - started:.0f} s")
    word = {True: "PASS", False: "MISS", None: "N/A"}
    print("SUMMARY:")
    for name, ok, value in verdicts:
        print(f"  {word[ok]}  {name}: {value}")
    return all(ok is not False for _, ok, _ in verdicts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,10,25")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--build-max", type=int, default=25,
                        help="largest network whose feeds and site are built")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--disk", action="store_true",
                        help="work on the disk even when memory (tmpfs) has room")
    parser.add_argument("--shifts", default=",".join(map(str, SHIFT_COUNTS)))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--root", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--extra", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.root, args.out, args.extra)
        return 0

    started = time.perf_counter()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    print(f"machine: {machine()}")
    print(f"sizes: {sizes} antennas, 8 cohorts each (a year), 2 weekly sessions per cohort; "
          f"fastest of {args.repeats} runs of feeds, build and plain ({LONG_RUNS} for steps "
          f"over {LONG:.0f} s), one run of the others",
          flush=True)

    def log(message: str) -> None:
        print(f"[{time.perf_counter() - started:5.0f} s]{message}", file=sys.stderr, flush=True)

    results: list[SizeResult] = []
    preview: dict | None = None
    syncs: list[dict] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="konexio-bench-",
                                     dir=work_parent(args.disk)) as temporary:
        work = Path(temporary)
        print(f"work folder: {work} ({'memory, tmpfs' if in_memory(work) else 'disk'})",
              flush=True)
        try:
            for size in sizes:
                results.append(bench_size(
                    size, work, args.repeats, log, args.build_max,
                    largest=len(sizes) > 2 and size == max(sizes),
                    middle=len(sizes) > 2 and size == sorted(sizes)[len(sizes) // 2]))
        except Failed as error:
            failures.append(str(error))
        if site_ready() and results:
            preview = {}
            log("  preview on the shipped data")
            try:
                preview["shipped data"] = measure("preview", shipped_copy(work),
                                                  work / "preview-out")
            except Failed as error:
                failures.append(str(error))
        shipped_feeds = lighthouse = None
        if results:
            log("  feeds of the shipped data")
            try:
                shipped_feeds = fastest("feeds", shipped_copy(work / "feeds"),
                                        work / "feeds-out", args.repeats)
            except Failed as error:
                failures.append(str(error))
        if args.no_lighthouse:
            lighthouse = "--no-lighthouse"
        elif site_ready():
            from bench.lighthouse import audit, missing_tools

            lighthouse = missing_tools()
            if lighthouse is None:
                log("  Lighthouse on every template and language of the shipped site")
                try:
                    site = work / "lighthouse-site"
                    measure("build", shipped_copy(work / "lighthouse"), site)
                    lighthouse = audit(site)
                except (Failed, RuntimeError) as error:
                    failures.append(str(error))
                    lighthouse = "failed"
        for count in (int(c) for c in args.shifts.split(",") if c):
            log(f"  sync with {count} shifts")
            try:
                syncs.append(measure("sync", work, work / "sync-out", str(count)))
            except Failed as error:
                failures.append(str(error))
                break
    ok = report(results, preview, syncs, started, work, shipped_feeds,
                lighthouse) if results else False
    for failure in failures:
        print(f"FAILED: {failure}")
    return 0 if ok and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
