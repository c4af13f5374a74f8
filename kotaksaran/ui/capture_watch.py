"""The watch folder while the app runs: files the office's printer scans into a folder are
imported into today's box session and announced on the change bus."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..domain import errors as E
from ..domain.errors import KotakSaranError
from ..intake.watch import ImportOutcome, WatchFolder
from .context import UiContext

log = logging.getLogger(__name__)


def _file_codes() -> set[str]:
    """Codes that are the file's fault (it goes to failed/); any other failure (disk full,
    database locked ...) leaves the file where it is, to be tried again."""
    out = {E.ImportProblem.code}
    todo: list[type[E.ImportProblem]] = [E.ImportProblem]
    while todo:
        cls = todo.pop()
        out.add(cls.code)
        todo.extend(cls.__subclasses__())
    return out


class RetryLater(Exception):
    pass


class WatchFolderRunner(QObject):
    """Owns the WatchFolder; `arrived(ids, file name, ok, message)` reaches the GUI thread."""

    arrived = Signal(list, str, bool, str)
    problem = Signal(str)
    notice = Signal(str)  # one line for the status bar

    def __init__(self, ctx: UiContext, folder: str, parent: QObject | None = None, *,
                 settle_seconds: float = 2.0) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.watch = WatchFolder(Path(folder), self._import, settle_seconds=settle_seconds,
                                 on_error=self._error)
        self.arrived.connect(self._announce)
        self.problem.connect(self.notice)

    def start(self) -> None:
        self.watch.start()

    def stop(self) -> None:
        self.watch.stop()

    def _import(self, path: Path) -> ImportOutcome:  # polling thread
        report = self.ctx.services.intake.import_files([path])
        codes = _file_codes()
        retry = [f for f in report.failed if f.code not in codes]
        if retry and not report.imported:
            raise RetryLater(retry[0].message)
        ids = [i.submission_id for i in report.imported]
        message = "\n".join(f.message for f in report.failed)
        self.arrived.emit(ids, path.name, not report.failed, message)
        return ImportOutcome(not report.failed, message,
                             tuple(i.submission for i in report.imported))

    def _error(self, path: Path, exc: BaseException) -> None:  # polling thread
        text = exc.args[0] if isinstance(exc, RetryLater) and exc.args else str(exc)
        if isinstance(exc, KotakSaranError):
            from ..i18n import error_message

            text = error_message(exc)
        log.warning("watch folder: %s not imported yet: %s", path, text)
        self.problem.emit(f"{path.name}: {text}")

    def _announce(self, ids: list[int], name: str, ok: bool, message: str) -> None:
        if ids:
            self.ctx.bus.submissions_changed.emit(ids)
        self.notice.emit(self.tr("Imported from the watch folder: %1").replace("%1", name)
                         if ok else message)
