"""How this machine's processes are set up for a run: forked where the platform can (children
inherit the loaded models), one BLAS thread each, and the garbage collector kept out of the
way while documents are processed. The local engine's pool and ``rerun`` both use them."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_worker_threads = None  # threadpoolctl's limits, kept for the worker's lifetime


def for_the_parent(exc: BaseException, where: str, failed: str) -> BaseException:
    """``exc`` raised in a child process, made ready to send to the parent that raises it:
    noted with the child's traceback, or a RuntimeError saying ``failed`` where it does not
    pickle."""
    import pickle
    import traceback

    exc.add_note(f"({where})\n{traceback.format_exc()}")
    try:
        pickle.dumps(exc)
    except Exception:
        return RuntimeError(f"{failed}:\n{traceback.format_exc()}")
    return exc


def fork_context():  # -> multiprocessing context | None
    """Fork where the platform has it (workers then inherit the loaded models)."""
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def limit_blas_threads() -> None:
    """One BLAS/OpenMP thread in this (worker) process, for its lifetime: the workers are
    the parallelism, and numpy's OpenBLAS otherwise starts a thread per core in each."""
    global _worker_threads
    try:
        from threadpoolctl import threadpool_limits

        _worker_threads = threadpool_limits(limits=1)
    except ImportError:  # without threadpoolctl, the environment variables still help
        pass


def arrow_without_pandas() -> None:
    """In a worker process: pyarrow takes pandas for absent, instead of importing it (~0.25
    CPU-s) the first time it builds an array, only to ask whether the lists it is given are
    pandas objects — a worker never gives it any. The arrays are the same; pyarrow still
    imports pandas where it is asked for it (``to_pandas``). Where pandas is imported
    already (by the host), nothing changes."""
    import sys

    import pyarrow as pa

    if "pandas" in sys.modules:
        return
    finder = _NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([0])  # pyarrow's one look for pandas, answered "absent"
    finally:
        sys.meta_path.remove(finder)


class _NoPandas:
    """An import finder under which pandas cannot be imported."""

    def find_spec(self, name: str, path=None, target=None) -> None:
        if name.partition(".")[0] == "pandas":
            raise ImportError(f"{name} is not imported in this process", name=name)


GC_THRESHOLDS = (50_000, 50, 100)  # Python's default is (700, 10, 10)


_collections = {"depth": 0, "thresholds": (700, 10, 10), "froze": False}
_collections_lock = threading.Lock()


@contextmanager
def few_collections() -> Iterator[None]:
    """Collect garbage rarely while documents are processed, and never look at what is
    alive already (rules, models: ``gc.freeze``). A batch makes hundreds of thousands of
    short-lived objects (tokens, spans) and almost no reference cycles, so the collector's
    default pace costs about a tenth of the run for nothing; memory stays the same.

    The host's settings come back afterwards (nested and concurrent runs: when the last one
    ends); objects the host froze itself stay frozen (nothing more is frozen then)."""
    with _collections_lock:
        if _collections["depth"] == 0:
            _collections["thresholds"] = gc.get_threshold()
            _collections["froze"] = gc.get_freeze_count() == 0
            if _collections["froze"]:
                gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)
        _collections["depth"] += 1
    try:
        yield
    finally:
        with _collections_lock:
            _collections["depth"] -= 1
            if _collections["depth"] == 0:
                gc.set_threshold(*_collections["thresholds"])
                if _collections["froze"]:
                    gc.unfreeze()
