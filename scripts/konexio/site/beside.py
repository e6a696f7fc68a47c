"""Our own steps of a build, run beside the engine: in a forked process on a machine with
two cores or more, so staging the other languages and writing the feeds cost no waiting
while MkDocs builds the first ones.

The child is forked after the data was validated and expanded: it works on the very same
occurrences (inherited memory, nothing pickled, nothing read again) and reports each step
it finished over a pipe, in order. ``wait(name)`` blocks until that step is done and raises
what the step raised. With one core, without ``fork``, or when this process already runs
threads (a fork copies their locks, held or not), the same steps run here instead, lazily
and in the same order, so both ways write the same files.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

Step = tuple[str, Callable[[], Any]]


class StepFailed(RuntimeError):
    """A step failed in the child with an error that could not be sent back as it was."""


def can_fork() -> bool:
    """Whether a second process is worth it and safe here."""
    return ((os.cpu_count() or 1) >= 2
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1)


class Beside:
    """Runs ``steps`` (name, callable) in order beside the caller; use as a context manager
    so the child never outlives the build (a failed build stops it)."""

    def __init__(self, steps: list[Step], *, fork: bool | None = None):
        self.steps = list(steps)
        self.fork = can_fork() if fork is None else fork
        self.results: dict[str, Any] = {}
        self._next = 0
        self._process = None
        self._pipe: Connection | None = None

    def __enter__(self) -> Beside:
        if self.fork:
            context = multiprocessing.get_context("fork")
            reader, writer = context.Pipe(duplex=False)
            self._process = context.Process(target=_run, args=(self.steps, writer),
                                            name="konexio-beside", daemon=True)
            self._process.start()
            writer.close()
            self._pipe = reader
        return self

    def __exit__(self, *exc) -> None:
        if self._process is not None:
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
            self._pipe.close()

    def wait(self, name: str) -> Any:
        """What step ``name`` returned, once it is done (its error if it failed)."""
        if name not in {step for step, _ in self.steps}:
            raise KeyError(name)
        while name not in self.results:
            if self._pipe is None:
                step, run = self.steps[self._next]
                self._next += 1
                self.results[step] = run()
                continue
            try:
                kind, step, value = self._pipe.recv()
            except EOFError:
                # The pipe closes as the child exits, before it is reaped: its status
                # exists only once joined (exitcode is None until then).
                self._process.join()
                raise StepFailed(f"the helper process stopped before {name} "
                                 f"(exit code {self._process.exitcode})") from None
            if kind == "failed":
                raise value
            self.results[step] = value
        return self.results[name]


CHILD_NICENESS = 5
"""The engine's runs in the parent are the build's critical path: when the cores are
shared with other work, the child yields to them first."""


def _run(steps: list[Step], pipe: Connection) -> None:
    os.nice(CHILD_NICENESS)
    for name, run in steps:
        try:
            pipe.send(("done", name, run()))
        except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
            pipe.send(("failed", name, _sendable(error)))
            return


def _sendable(error: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # noqa: BLE001 - anything that does not travel goes as text
        return StepFailed("".join(traceback.format_exception(error)))
    return error
