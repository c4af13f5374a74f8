"""Background OCR while people work: pages are read as they arrive, with progress and cancel.

`OcrRunner` watches the change bus; whenever slips change (an import, a scan, the watch
folder, a turned page) and no run is going, it asks the OCR service for pending pages and
reads them on a worker thread (the service runs one tesseract process per core). Each page
read is announced on the bus, so open lists and editors refresh. A cancel stops after the
pages being read; the rest stay pending until "Lanjutkan" or until new pages arrive.

`OcrStatus` is the strip in the status bar: "Membaca teks: 3 dari 20 halaman", a progress bar
and Batal / Lanjutkan, and a clear message when tesseract is missing.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from .. import i18n
from ..domain.errors import KotakSaranError, TesseractLanguageMissing, TesseractMissing
from ..services.ocr import OcrRunReport
from . import tasks
from .context import UiContext

POLL_MS = 3000


class OcrRunner(QObject):
    started = Signal(int)  # pages to read
    progressed = Signal(int, int)  # done, total
    finished = Signal(object)  # OcrRunReport
    stopped = Signal(str)  # a message: tesseract missing, or another failure
    paused = Signal(int)  # cancelled; pages still waiting

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle: tasks.TaskHandle[Any] | None = None
        self.blocked = False  # tesseract missing: do not try again on every change
        self.paused_at: int | None = None  # pending pages when the person pressed Cancel
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(300)  # one check after a burst of changes
        self._check.timeout.connect(self.start_if_pending)
        self._own_changes = False
        self._stop = threading.Event()
        ctx.bus.submissions_changed.connect(self._changed)
        self._import_active = False  # an import in this window is storing pages
        self._done_count = 0  # pages the current run has finished
        ctx.bus.importing.connect(self._importing)
        # Pages stored by an import still running elsewhere (a scan, the watch folder, the
        # CLI) announce nothing until it ends; a cheap look every few seconds starts sooner.
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._changed_elsewhere)
        self._poll.start()

    @property
    def running(self) -> bool:
        return self.handle is not None and self.handle.running

    def _changed_elsewhere(self) -> None:
        if not self.running and not self.blocked and self.paused_at is None:
            self.start_if_pending()

    def _importing(self, active: bool) -> None:
        """An import here stored a file (or ended): read its pages now, not at the next look;
        while it goes on, a run waits for the pages still coming instead of ending."""
        self._import_active = active
        if not active:
            return
        if self.running:  # the strip's total grows with the pages the import stores
            try:
                waiting = len(self.ctx.services.ocr.pending_pages())
            except KotakSaranError:
                return
            self.progressed.emit(self._done_count, self._done_count + waiting)
        elif not self.blocked and self.paused_at is None:
            self.start_if_pending()

    def _changed(self, _ids: list[int]) -> None:
        if not self._own_changes and not self.running:
            self._check.start()

    def start_if_pending(self, *, resume: bool = False) -> bool:
        """Start a run when pages are waiting; False when nothing to do or not allowed."""
        if self.running or (self.blocked and not resume):
            return False
        try:
            pending = self.ctx.services.ocr.pending_pages()
        except KotakSaranError:
            return False  # e.g. the role may not read pages; nothing to show
        if not pending:
            self.paused_at = None
            return False
        if self.paused_at is not None and not resume and len(pending) <= self.paused_at:
            return False  # cancelled by the person, and nothing new arrived since
        self.paused_at = None
        self.blocked = False
        self._run(pending)
        return True

    def _run(self, pending: list[int]) -> None:
        ocr = self.ctx.services.ocr
        stop = self._stop = threading.Event()
        self._done_count = 0
        self.started.emit(len(pending))

        def work(control: tasks.TaskControl) -> OcrRunReport:
            # Every pending page, and the pages that arrive while this run goes on.
            return ocr.run(None,
                           progress=lambda done, total, _page: control.progress(done, total),
                           cancelled=lambda: control.cancelled or stop.is_set(),
                           until=until)

        # Wait for an import's later pages only when tasks run on threads: with SYNC_TASKS
        # the import itself waits on this call and could never store them.
        until = None if tasks.SYNC_TASKS else (lambda: not self._import_active)

        self.handle = tasks.run_task(work, on_done=self._done, on_error=self._failed,
                                     on_progress=self._progress, parent=self)

    def cancel(self) -> None:
        self._stop.set()

    def shutdown(self) -> None:
        """The window closes (or locks for another user): stop reading and looking."""
        self._poll.stop()
        self._check.stop()
        self.blocked = True
        self.cancel()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self._done_count = done
        self.progressed.emit(done, total)

    def _announce(self, report: OcrRunReport) -> None:
        ids: set[int] = set()
        for page_id in [*report.done, *(p for p, _e in report.failed)]:
            page = self.ctx.services.ocr.page_ocr(page_id)
            if page is not None:
                ids.add(page.submission_id)
        if ids:
            self._own_changes = True
            try:
                self.ctx.bus.submissions_changed.emit(sorted(ids))
            finally:
                self._own_changes = False

    def _done(self, report: OcrRunReport) -> None:
        self.handle = None
        self._announce(report)
        if report.cancelled:
            self.paused_at = len(self.ctx.services.ocr.pending_pages())
            self.paused.emit(self.paused_at)
        else:
            self.finished.emit(report)
            self._check.start()  # pages that arrived during the run

    def _failed(self, exc: BaseException) -> None:
        self.handle = None
        if isinstance(exc, tasks.TaskCancelled):
            self.paused.emit(len(self.ctx.services.ocr.pending_pages()))
            return
        if isinstance(exc, (TesseractMissing, TesseractLanguageMissing)):
            self.blocked = True
        message = (i18n.error_message(exc) if isinstance(exc, KotakSaranError)
                   else str(exc) or type(exc).__name__)
        self.stopped.emit(message)


class OcrStatus(QWidget):
    """The status-bar strip of the runner; hidden while there is nothing to say."""

    def __init__(self, runner: OcrRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.setObjectName("ocrStatus")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.button = QToolButton()
        self.button.clicked.connect(self._button)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 0, 8, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        lay.addWidget(self.button)
        runner.started.connect(self._started)
        runner.progressed.connect(self._progressed)
        runner.finished.connect(self._finished)
        runner.paused.connect(self._paused)
        runner.stopped.connect(self._stopped)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)
        self.mode = "idle"
        self.hide()

    def _show(self, mode: str, text: str, button: str, *, busy: bool) -> None:
        self.mode = mode
        self._hide_timer.stop()
        self.label.setText(text)
        self.bar.setVisible(busy)
        self.button.setText(button)
        self.button.setVisible(bool(button))
        self.show()

    def _started(self, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(0)
        self._show("running", self.tr("Reading text (OCR): 0 of %n page(s)", "", total),
                   self.tr("Cancel"), busy=True)
        self.button.setToolTip(self.tr("Stop after the pages being read now; the rest wait"))

    def _progressed(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(self.tr("Reading text (OCR): %1 of %n page(s)", "", total)
                           .replace("%1", str(done)))

    def _finished(self, report: OcrRunReport) -> None:
        failed = len(report.failed)
        text = (self.tr("Text read from %n page(s).", "", len(report.done)) if not failed else
                self.tr("Text read; %n page(s) could not be read.", "", failed))
        if failed:
            first = report.failed[0][1]
            self.setToolTip(i18n.error_message(first))
        self._show("done", text, "", busy=False)
        self._hide_timer.start(8000)

    def _paused(self, waiting: int) -> None:
        self._show("paused", self.tr("OCR paused: %n page(s) waiting.", "", waiting),
                   self.tr("Resume"), busy=False)
        self.button.setToolTip(self.tr("Read the waiting pages now"))

    def _stopped(self, message: str) -> None:
        self._show("stopped", self.tr("Text recognition is not available."), self.tr("Retry"),
                   busy=False)
        self.setToolTip(message)
        self.label.setToolTip(message)
        self.button.setToolTip(message)

    def _button(self) -> None:
        if self.mode == "running":
            self.label.setText(self.tr("Stopping after the pages being read now…"))
            self.runner.cancel()
        elif (self.mode in ("paused", "stopped")
              and not self.runner.start_if_pending(resume=True)):
            self.hide()
