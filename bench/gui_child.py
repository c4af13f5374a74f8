"""One measured GUI process for bench_gui.py (run it through bench_gui.py, not by hand).

    gui_child.py bare                 a bare QWidget, imports included
    gui_child.py app DATA_DIR         the app's main window on DATA_DIR (logged in as admin)
    gui_child.py app DATA_DIR --list  ... then open the list page, scroll it to the end, and
                                      report each scroll step's duration and the memory
    gui_child.py table DATA_DIR       a QTableView on SubmissionTableModel alone, scrolled to
                                      the end the same way

The parent takes the cold-start time from its own clock: process launch to the line "READY"
on stdout, printed once the window is exposed, painted and the event queue is drained. Every
later result is one JSON line prefixed "RESULT ".
"""

from __future__ import annotations

import json
import os
import sys
import time

T0 = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call of a method that
# returns nothing (None is immortal only from 3.12 on), so a long enough session aborts with
# "none_dealloc". bench_gui.py runs each child plainly first, and reruns a crashed one with
# KS_BENCH_NONE_GUARD=1, which pads None's reference count so that the figures can be taken.
NONE_GUARD = 10**9 if (os.environ.get("KS_BENCH_NONE_GUARD") == "1"
                       and sys.version_info < (3, 12)) else 0
if NONE_GUARD:
    import ctypes

    ctypes.c_ssize_t.from_address(id(None)).value += NONE_GUARD


def none_refs() -> int:
    """None's reference count, less the guard; CPython aborts when it reaches 0 (< 3.12)."""
    return sys.getrefcount(None) - NONE_GUARD

from PySide6.QtCore import QEvent, QObject  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

WIDTH, HEIGHT = 1280, 800


def rss_mib() -> float:
    for line in open("/proc/self/status").read().splitlines():  # noqa: SIM115
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def result(**data: object) -> None:
    data.setdefault("none_refs", none_refs())
    data.setdefault("none_guard", bool(NONE_GUARD))
    print("RESULT " + json.dumps(data), flush=True)


class PaintWatch(QObject):
    """Notes the first paint of any widget inside `window`."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (not self.painted and event.type() == QEvent.Type.Paint
                and isinstance(obj, QWidget) and obj.window() is self.window):
            self.painted = True
        return False


def show_and_wait(app: QApplication, window: QWidget, timeout: float = 60.0) -> None:
    watch = PaintWatch(window)
    app.installEventFilter(watch)
    window.show()
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        app.processEvents()
        handle = window.windowHandle()
        if watch.painted and handle is not None and handle.isExposed():
            break
        time.sleep(0.001)
    else:
        raise SystemExit("window never painted")
    app.processEvents()  # drain what the first paint queued
    app.removeEventFilter(watch)


def ready() -> None:
    print("READY", flush=True)


class FetchTimer:
    """Wraps `listing.page` of the model's services to time each SQL page fetch."""

    def __init__(self, listing: object | None) -> None:
        self.calls: list[tuple[int, float]] = []  # (offset, seconds)
        self.listing = listing
        if listing is None:
            return
        inner = listing.page

        def page(query: object, offset: int, limit: int | None) -> object:
            t0 = time.perf_counter()
            try:
                return inner(query, offset, limit)
            finally:
                self.calls.append((offset, time.perf_counter() - t0))

        listing.page = page


def _pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))] if s else 0.0


def _visible_loaded(view: object, model: object) -> bool:
    """Whether the rows on screen have their data (a background-reading model shows blank
    rows until their page arrives); True for models that read on the GUI thread."""
    is_loaded = getattr(model, "is_loaded", None)
    if is_loaded is None or view.model() is not model:
        return True
    top = view.rowAt(0)
    if top < 0:
        return True
    bottom = view.rowAt(view.viewport().height() - 1)
    if bottom < 0:
        bottom = model.rowCount() - 1
    return bool(is_loaded(top) and is_loaded(bottom))


def scroll_to_end(app: QApplication, view: object, model: object) -> dict[str, object]:
    """Scroll the view a page at a time to the end.

    A step is `setValue(value + pageStep)` then `processEvents()`; with a model that reads
    pages on the GUI thread that includes the page fetch its repaint caused. With a model that
    reads in the background the step then waits, processing events, until the rows on screen
    have their data ("fill" time). A stall is the longest single stretch the GUI thread was
    busy within a step (the setValue + processEvents, or one processEvents while waiting).
    """
    from PySide6.QtWidgets import QAbstractItemView

    assert isinstance(view, QAbstractItemView)
    fetch = FetchTimer(getattr(getattr(model, "_services", None), "listing", None))
    bar = view.verticalScrollBar()
    app.processEvents()
    steps: list[float] = []
    fills: list[float] = []
    with_fetch: list[float] = []
    without: list[float] = []
    worst = (0.0, 0)
    t_all = time.perf_counter()
    while bar.value() < bar.maximum():
        n0 = len(fetch.calls)
        t0 = time.perf_counter()
        bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
        app.processEvents()
        busy = [time.perf_counter() - t0]
        waited = False
        deadline = t0 + 30
        while not _visible_loaded(view, model) and time.perf_counter() < deadline:
            waited = True
            time.sleep(0.0005)  # idle: the reading thread gets the GIL
            ta = time.perf_counter()
            app.processEvents()
            busy.append(time.perf_counter() - ta)
        if waited:  # paint the rows that just arrived
            ta = time.perf_counter()
            app.processEvents()
            busy.append(time.perf_counter() - ta)
        fills.append(time.perf_counter() - t0)
        stall = max(busy)
        steps.append(stall)
        (with_fetch if len(fetch.calls) > n0 else without).append(stall)
        if stall > worst[0]:
            worst = (stall, bar.value())
        if len(steps) % 250 == 0:
            print(f"PROGRESS {bar.value()}/{bar.maximum()}", flush=True)
    wait_idle = getattr(model, "wait_idle", None)
    if callable(wait_idle):
        wait_idle(10_000)
    app.processEvents()
    total = time.perf_counter() - t_all
    fetch_s = [t for _, t in fetch.calls]
    deep = [t for off, t in fetch.calls if off >= 0.9 * max(1, model.rowCount())]
    return {
        "rows": model.rowCount(), "background_reads": bool(getattr(model, "_background", False)),
        "steps": len(steps), "rows_per_step": bar.pageStep(), "total_s": total,
        "max_ms": max(steps, default=0.0) * 1000, "p99_ms": _pct(steps, 99) * 1000,
        "p50_ms": _pct(steps, 50) * 1000, "over_50ms": sum(1 for x in steps if x > 0.05),
        "worst_at_fraction": round(worst[1] / max(1, bar.maximum()), 3),
        "fill_ms": {"p50": _pct(fills, 50) * 1000, "p99": _pct(fills, 99) * 1000,
                    "max": max(fills, default=0.0) * 1000},
        "steps_without_fetch": {"n": len(without), "max_ms": max(without, default=0) * 1000,
                                "p99_ms": _pct(without, 99) * 1000,
                                "p50_ms": _pct(without, 50) * 1000},
        "steps_with_fetch": {"n": len(with_fetch), "max_ms": max(with_fetch, default=0) * 1000,
                             "p99_ms": _pct(with_fetch, 99) * 1000,
                             "p50_ms": _pct(with_fetch, 50) * 1000},
        "page_fetches": len(fetch.calls),
        "fetch_ms": {"p50": _pct(fetch_s, 50) * 1000, "max": max(fetch_s, default=0) * 1000,
                     "first": fetch_s[0] * 1000 if fetch_s else None,
                     "last_10pct_p50": _pct(deep, 50) * 1000 if deep else None},
    }


def find_table(page: QWidget) -> object | None:
    from PySide6.QtWidgets import QTableView

    views = [v for v in page.findChildren(QTableView) if v.isVisible()]
    return max(views, key=lambda v: v.model().rowCount() if v.model() else 0, default=None)


def source_model(model: object) -> object:
    from PySide6.QtCore import QAbstractProxyModel

    while isinstance(model, QAbstractProxyModel):
        model = model.sourceModel()
    return model


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        app = QApplication(sys.argv[:1])
        w = QWidget()
        w.resize(WIDTH, HEIGHT)
        show_and_wait(app, w)
        ready()
        result(rss_mib=rss_mib(), peak_rss_mib=peak_rss_mib(),
               in_process_s=time.perf_counter() - T0)
        return

    data_dir = sys.argv[2]
    from pathlib import Path

    marks = {"qt_imported": time.perf_counter() - T0}
    from kotaksaran.services.users import actor_for
    from kotaksaran.store.db import open_store

    marks["services_store_imported"] = time.perf_counter() - T0

    if mode == "app":
        from kotaksaran.ui.app import build_main_window, ensure_app, install_translators

        marks["ui_imported"] = time.perf_counter() - T0
        app = ensure_app()
        install_translators(app, "id")
        marks["qapp_translators"] = time.perf_counter() - T0
        store = open_store(Path(data_dir))
        actor = actor_for(store, "admin")
        marks["store_opened"] = time.perf_counter() - T0
        window = build_main_window(store, actor, demo=False)
        window.resize(WIDTH, HEIGHT)
        marks["window_built"] = time.perf_counter() - T0
        show_and_wait(app, window)
        marks["painted"] = time.perf_counter() - T0
        ready()
        rss_ready = rss_mib()
        if "--list" not in sys.argv:
            result(rss_mib=rss_ready, peak_rss_mib=peak_rss_mib(), marks_s=marks,
                   in_process_s=time.perf_counter() - T0)
            return
        t0 = time.perf_counter()
        page = window.navigate("all")
        app.processEvents()
        view = find_table(page)
        if view is None:
            result(error=f"no table on the list page ({type(page).__name__})",
                   rss_ready_mib=rss_ready)
            return
        # Let any deferred first load (a timer or a worker) finish and paint.
        deadline = time.perf_counter() + 30
        while view.model().rowCount() == 0 and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        open_s = time.perf_counter() - t0
        rss_list = rss_mib()
        model = source_model(view.model())
        scroll = scroll_to_end(app, view, model)
        result(kind="app_list", page_class=type(page).__name__,
               model_class=type(model).__name__, open_list_s=open_s, rss_ready_mib=rss_ready,
               rss_list_open_mib=rss_list, rss_after_scroll_mib=rss_mib(),
               peak_rss_mib=peak_rss_mib(), scroll=scroll)
        window.close()
        store.dispose()
        return

    if mode == "table":
        from PySide6.QtWidgets import QTableView

        from kotaksaran.services import Services
        from kotaksaran.ui.app import ensure_app, install_translators
        from kotaksaran.ui.submission_model import SubmissionTableModel

        app = ensure_app()
        install_translators(app, "id")
        store = open_store(Path(data_dir))
        t0 = time.perf_counter()
        model = SubmissionTableModel(Services(store, actor_for(store, "admin")))
        view = QTableView()
        view.setModel(model)
        view.setSortingEnabled(True)
        view.resize(WIDTH, HEIGHT)
        show_and_wait(app, view)
        open_s = time.perf_counter() - t0
        rss_open = rss_mib()
        scroll = scroll_to_end(app, view, model)
        result(kind="table", open_list_s=open_s, rss_list_open_mib=rss_open,
               rss_after_scroll_mib=rss_mib(), peak_rss_mib=peak_rss_mib(), scroll=scroll)
        store.dispose()
        return
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
