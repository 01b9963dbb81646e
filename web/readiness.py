"""Warm-up and readiness: a worker takes traffic only once the matcher's index is built.

Under gunicorn the master warms the index before forking (gunicorn.conf.py), so every worker
is ready from its first request; `flask run` warms on the first match page or on /readyz.
"""
import ctypes
import ctypes.util
import gc
import logging
import time

from flask import Flask

from web.extensions import db
from web.matching import workpost_index

logger = logging.getLogger(__name__)
_state = {"warm": False, "seconds": None}


def warm(app: Flask) -> float:
    """Build the index now; give the build's leftovers back to the system."""
    started = time.perf_counter()
    with app.app_context():
        workpost_index()
        db.session.remove()
        db.engine.dispose()
    _release_free_memory()
    _state.update(warm=True, seconds=time.perf_counter() - started)
    logger.info("matcher index warm in %.1f s", _state["seconds"])
    return _state["seconds"]


def is_warm() -> bool:
    return _state["warm"]


def warm_in_request() -> None:
    """Without gunicorn's master (flask run, tests), the first readiness check builds it."""
    started = time.perf_counter()
    workpost_index()
    _state.update(warm=True, seconds=time.perf_counter() - started)


def _release_free_memory() -> None:
    # The build's temporary arrays are freed to glibc's heap but kept by the process;
    # malloc_trim hands them back, so forked workers do not each inherit the peak.
    gc.collect()
    libc = ctypes.util.find_library("c")
    if libc:
        try:
            ctypes.CDLL(libc).malloc_trim(0)
        except (OSError, AttributeError):  # not glibc: nothing to trim
            pass


def build_seconds() -> float | None:
    return None if _state["seconds"] is None else round(_state["seconds"], 3)
