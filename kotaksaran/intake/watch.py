"""The watch folder: files a multifunction printer scans into a folder are imported by themselves.

A file is taken only once its size and modification time have stayed the same for
`settle_seconds` (a scanner or a copy over the network writes in pieces). After the import it
is moved to `imported/`; a file that cannot be imported goes to `failed/` with `<name>.txt`
beside it saying why, in the words of the import report. Nothing is ever deleted; a name that
is taken already gets a suffix (" (2)", " (3)" ...).

watchdog tells us quickly that something appeared; a polling thread decides when a file is
complete (and catches what an event missed, e.g. on a network share). No Qt here: the screen
passes `on_file` and gets the outcomes through `on_done`, on the polling thread.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..domain.errors import EnvironmentProblem, KotakSaranError

log = logging.getLogger(__name__)

IMPORTED = "imported"
FAILED = "failed"
TEMP_PREFIXES = ("~$", ".")  # Office lock files, hidden and half-copied files (.tmp-*, ...)
TEMP_SUFFIXES = (".part", ".tmp", ".partial", ".crdownload", ".download", ".swp")
RETRY_SECONDS = 30.0  # after an error outside the file (database locked ...), try again later


class WatchFolderProblem(EnvironmentProblem):
    code = "watch_folder_problem"


class WatchFolderMissing(WatchFolderProblem):
    code = "watch_folder_missing"


class WatchFolderNotWritable(WatchFolderProblem):
    """The folder can be read but files cannot be moved out of it (read-only share ...)."""

    code = "watch_folder_not_writable"


@dataclass(frozen=True)
class ImportOutcome:
    """What importing one file gave: `ok`, else `message` says why (in Bahasa Indonesia)."""

    ok: bool
    message: str = ""
    submissions: tuple[str, ...] = ()  # local numbers created


OnFile = Callable[[Path], ImportOutcome]
OnDone = Callable[[Path, Path, ImportOutcome], None]  # (original path, moved to, outcome)
OnError = Callable[[Path, BaseException], None]


def is_candidate(path: Path) -> bool:
    """A file the watcher may take: not a temporary or partial file."""
    name = path.name
    if name.startswith(TEMP_PREFIXES):
        return False
    return not name.lower().endswith(TEMP_SUFFIXES)


def unique_target(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem (2).ext` ... when that is taken."""
    target = folder / name
    if not target.exists() and not Path(str(target) + ".txt").exists():
        return target
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    n = 2
    while True:
        candidate = folder / (f"{stem} ({n}).{ext}" if ext else f"{stem} ({n})")
        if not candidate.exists():
            return candidate
        n += 1


class WatchFolder:
    def __init__(self, folder: Path | str, on_file: OnFile, *, settle_seconds: float = 2.0,
                 poll_seconds: float = 0.5, on_done: OnDone | None = None,
                 on_error: OnError | None = None, use_watchdog: bool = True) -> None:
        self.folder = Path(folder)
        self.on_file = on_file
        self.on_done = on_done
        self.on_error = on_error
        self.settle = settle_seconds
        self.poll = poll_seconds
        self.use_watchdog = use_watchdog
        # path -> (size, mtime_ns, monotonic time it was last seen changing)
        self._pending: dict[Path, tuple[int, int, float]] = {}
        self._retry_at: dict[Path, float] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._observer: object | None = None

    @property
    def imported_dir(self) -> Path:
        return self.folder / IMPORTED

    @property
    def failed_dir(self) -> Path:
        return self.folder / FAILED

    # --- checks -------------------------------------------------------------------------
    def check(self) -> None:
        """The folder exists and files can be moved out of it; raises the typed error."""
        if not self.folder.is_dir():
            raise WatchFolderMissing(folder=str(self.folder))
        if not os.access(self.folder, os.W_OK | os.X_OK):
            raise WatchFolderNotWritable(folder=str(self.folder))
        try:
            self.imported_dir.mkdir(exist_ok=True)
            self.failed_dir.mkdir(exist_ok=True)
        except OSError:
            raise WatchFolderNotWritable(folder=str(self.folder)) from None
        for d in (self.imported_dir, self.failed_dir):
            if not os.access(d, os.W_OK | os.X_OK):
                raise WatchFolderNotWritable(folder=str(d))

    # --- running ------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.running:
            return
        self.check()
        self._stop.clear()
        self._note_existing()
        if self.use_watchdog:
            self._observer = self._start_observer()
        self._thread = threading.Thread(target=self._loop, name="watch-folder", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop watching; a file being imported is finished first."""
        self._stop.set()
        self._wake.set()
        observer = self._observer
        self._observer = None
        if observer is not None:
            observer.stop()  # type: ignore[attr-defined]
            observer.join(timeout)  # type: ignore[attr-defined]
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def scan_once(self) -> list[tuple[Path, Path, ImportOutcome]]:
        """Import what is in the folder now and has not changed for `settle_seconds` (files
        dropped while the app was closed); newer files are left for the running watcher."""
        self.check()
        self._note_existing()
        return self._process_settled(time.monotonic())

    # --- internals ----------------------------------------------------------------------
    def _start_observer(self) -> object | None:
        try:
            from watchdog.events import FileSystemEvent, FileSystemEventHandler
            from watchdog.observers import Observer
        except ImportError:  # polling alone still works
            return None
        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.is_directory:
                    return
                for p in (getattr(event, "dest_path", ""), event.src_path):
                    if p:
                        watcher._note(Path(os.fsdecode(p)))
                watcher._wake.set()

        observer = Observer()
        observer.schedule(Handler(), str(self.folder), recursive=False)
        observer.daemon = True
        observer.start()
        return observer

    def _note_existing(self) -> None:
        try:
            entries = list(os.scandir(self.folder))
        except OSError as exc:
            log.warning("cannot list the watch folder %s: %s", self.folder, exc)
            return
        for e in entries:
            self._note(Path(e.path))

    def _note(self, path: Path) -> None:
        if path.parent != self.folder or not is_candidate(path):
            return
        try:
            st = path.stat()
        except OSError:
            with self._lock:
                self._pending.pop(path, None)
            return
        if not path.is_file():
            return
        with self._lock:
            old = self._pending.get(path)
            if old is None or old[:2] != (st.st_size, st.st_mtime_ns):
                # A file found for the first time counts from its modification time, so one
                # that has lain there since before the app started is taken at once.
                age = max(0.0, time.time() - st.st_mtime_ns / 1e9) if old is None else 0.0
                self._pending[path] = (st.st_size, st.st_mtime_ns, time.monotonic() - age)

    def _loop(self) -> None:
        last_listing = 0.0
        while not self._stop.is_set():
            self._wake.wait(self.poll)
            self._wake.clear()
            if self._stop.is_set():
                break
            now = time.monotonic()
            if now - last_listing >= max(self.poll * 4, 2.0):
                self._note_existing()  # what an event missed
                last_listing = now
            with self._lock:
                paths = list(self._pending)
            for p in paths:
                self._note(p)  # a size or time that changed restarts the clock
            try:
                self._process_settled(time.monotonic())
            except Exception:  # never let the watcher die silently
                log.exception("watch folder pass failed")

    def _process_settled(self, now: float) -> list[tuple[Path, Path, ImportOutcome]]:
        with self._lock:
            ready = [p for p, (_s, _m, since) in self._pending.items()
                     if now - since >= self.settle and self._retry_at.get(p, 0.0) <= now]
        done = []
        for path in sorted(ready):
            if self._stop.is_set() and self.running:
                break
            result = self._take(path)
            if result is not None:
                done.append(result)
        return done

    def _take(self, path: Path) -> tuple[Path, Path, ImportOutcome] | None:
        with self._lock:
            self._pending.pop(path, None)
        if not path.is_file():
            return None
        try:
            outcome = self.on_file(path)
        except Exception as exc:  # not the file's fault (database locked ...): try later
            with self._lock:
                self._retry_at[path] = time.monotonic() + RETRY_SECONDS
            self._note(path)
            if self.on_error is not None:
                self.on_error(path, exc)
            if not isinstance(exc, KotakSaranError):
                log.exception("watch folder import of %s failed", path)
            return None
        self._retry_at.pop(path, None)
        try:
            moved = self._move(path, outcome)
        except OSError as exc:
            log.warning("could not move %s out of the watch folder: %s", path, exc)
            if self.on_error is not None:
                self.on_error(path, WatchFolderNotWritable(folder=str(self.folder)))
            return None
        if self.on_done is not None:
            self.on_done(path, moved, outcome)
        return path, moved, outcome

    def _move(self, path: Path, outcome: ImportOutcome) -> Path:
        folder = self.imported_dir if outcome.ok else self.failed_dir
        folder.mkdir(exist_ok=True)
        target = unique_target(folder, path.name)
        os.replace(path, target)
        if not outcome.ok:
            note = Path(str(target) + ".txt")
            note.write_text(f"{path.name}\n{outcome.message}\n", encoding="utf-8")
        return target
