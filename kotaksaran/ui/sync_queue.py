"""Antrian Kirim: approved slips on their way upstream, pushes, status pulls and USB bundles.

Every action is one service call in a background worker (`tasks.run_task`) that gets the
services object and plain values, never a widget or an ORM object. "Kirim sekarang" shows a
progress bar and can be cancelled (the item being sent finishes; the others stay as they
were). A timer checks the link every few minutes (`sync.auto_resume_minutes`): when records
are waiting and the upstream answers, it pushes on its own; after a time without link, the
first push ignores the backoff timers.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Role, Status
from ..domain.errors import KotakSaranError
from ..i18n import error_message
from ..services import ListQuery
from ..services.bundles import BundleService, ExportReport, ImportReport
from ..services.sync import PullReport, PushReport
from .context import UiContext
from .errors import show_error
from .sync_queue_model import (
    BatchModel,
    QueueModel,
    QueueRow,
    adapter_name,
    item_row,
    short_time,
    waiting_row,
)
from .tasks import TaskCancelled, TaskControl, TaskHandle, run_task

SENDERS = (Role.OPERATOR, Role.ADMIN)
FILTERS = ("all", "open", "quarantined", "done")
ITEM_LIMIT = 1000
ORDER = {"quarantined": 0, "retrying": 1, "sending": 2, "pending": 3, "waiting": 4, "done": 5}


class SyncQueuePage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.svc = ctx.services
        self.can_send = self.svc.actor.role in SENDERS
        self.handle: TaskHandle[Any] | None = None
        self.stop = threading.Event()  # Cancel for the running job (set from the GUI thread)
        self.busy_with = ""
        self.link_up: bool | None = None
        try:
            self.tz = ZoneInfo(self.svc.admin.unit().timezone)
        except (KotakSaranError, ValueError):
            self.tz = ZoneInfo("Asia/Jakarta")
        self._build()
        self.resume_timer = QTimer(self)
        self.resume_timer.timeout.connect(self.auto_resume)
        self._arm_timer()
        ctx.bus.submissions_changed.connect(lambda _ids: self.refresh())
        ctx.bus.reference_changed.connect(self._arm_timer)
        self.refresh()

    # --- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        title = QLabel(self.tr("Send queue"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        self.target_label = QLabel()
        self.target_label.setObjectName("syncTarget")
        self.target_label.setWordWrap(True)
        self.target_label.setStyleSheet("color: #455a64;")
        layout.addWidget(self.target_label)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("syncCounts")
        self.counts_label.setStyleSheet("font-size: 11pt;")
        layout.addWidget(self.counts_label)

        buttons = QHBoxLayout()
        self.push_button = QPushButton(self.tr("Send now"))
        self.push_button.setObjectName("pushNow")
        self.push_button.setStyleSheet("font-weight: bold;")
        self.push_button.clicked.connect(self.push_now)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelRun")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.pull_button = QPushButton(self.tr("Pull statuses"))
        self.pull_button.setObjectName("pullStatus")
        self.pull_button.clicked.connect(self.pull_status)
        self.retry_button = QPushButton(self.tr("Retry selected now"))
        self.retry_button.setObjectName("retryNow")
        self.retry_button.clicked.connect(self.retry_selected)
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.export_button.setObjectName("exportBundle")
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.import_button.setObjectName("importBundle")
        self.import_button.clicked.connect(self.import_bundle)
        for b in (self.push_button, self.cancel_button, self.pull_button, self.retry_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        layout.addLayout(buttons)

        run_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.run_label = QLabel()
        self.run_label.setObjectName("syncRunText")
        self.run_label.setWordWrap(True)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.run_label, 2)
        layout.addLayout(run_row)

        self.tabs = QTabWidget()
        queue_tab = QWidget()
        qlay = QVBoxLayout(queue_tab)
        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(self.tr("Show:")))
        self.filter = QComboBox()
        self.filter.setObjectName("queueFilter")
        for code, text in zip(FILTERS, (self.tr("All"), self.tr("Waiting and in progress"),
                                        self.tr("Quarantined"), self.tr("Done")), strict=True):
            self.filter.addItem(text, code)
        self.filter.currentIndexChanged.connect(lambda _i: self.refresh())
        filter_row.addWidget(self.filter)
        filter_row.addStretch(1)
        qlay.addLayout(filter_row)
        self.queue_model = QueueModel(self.tz, self)
        self.queue = self._table(self.queue_model, "syncQueue", stretch=4, widths={1: 320})
        self.queue.doubleClicked.connect(self._open_row)
        self.queue.selectionModel().selectionChanged.connect(lambda *_a: self._selected())
        qlay.addWidget(self.queue)
        self.row_details = QLabel()
        self.row_details.setObjectName("rowDetails")
        self.row_details.setWordWrap(True)
        self.row_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_details.setStyleSheet("padding: 6px; background: #eceff1;")
        self.row_details.hide()
        qlay.addWidget(self.row_details)
        self.tabs.addTab(queue_tab, self.tr("Queue"))
        self.batch_model = BatchModel(self.tz, self)
        self.batches = self._table(self.batch_model, "syncBatches", stretch=3)
        self.tabs.addTab(self.batches, self.tr("Batch history"))
        layout.addWidget(self.tabs, 1)

    def _table(self, model: Any, name: str, *, stretch: int,
               widths: dict[int, int] | None = None) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        for col, width in (widths or {}).items():
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, width)
        return view

    # --- reading --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        try:
            self._refresh()
        except KotakSaranError as exc:
            self.run_label.setText(error_message(exc))
        self._enable()

    def _refresh(self) -> None:
        sync = self.svc.sync
        status = sync.status(limit=50, item_limit=ITEM_LIMIT)
        waiting = self.svc.listing.page(ListQuery(statuses=(Status.APPROVED,)), 0, ITEM_LIMIT)
        which = self.filter.currentData()
        items = [v for v in status.items if which == "all"
                 or (which == "open" and v.state in ("pending", "sending", "retrying"))
                 or (which == "quarantined" and v.state == "quarantined")
                 or (which == "done" and v.state == "done")]
        rows = [item_row(v, self.tz) for v in items]
        if which in ("open", "all"):
            rows.extend(waiting_row(r) for r in waiting)
        # What needs the operator first: refusals, then trouble, then what is on its way.
        rows.sort(key=lambda r: ORDER.get(r.state, len(ORDER)))
        self.queue_model.set_rows(rows)
        self.batch_model.set_rows(list(status.batches))
        c = status.counts
        self.counts_label.setText(self.tr(
            "Approved, waiting: {waiting}   ·   In the queue: {pending}   ·   Retrying: "
            "{retrying}   ·   Quarantined: {quarantined}   ·   Done: {done}").format(
            waiting=len(waiting), pending=c.get("pending", 0) + c.get("sending", 0),
            retrying=c.get("retrying", 0), quarantined=c.get("quarantined", 0),
            done=c.get("done", 0)))
        self._show_target()

    def _show_target(self) -> None:
        cfg = self.svc.config
        adapter = str(cfg.get("sync.adapter"))
        url = str(cfg.get("sync.url") or "") or self.tr("(no address set: Settings > Sync)")
        times = self.svc.sync.last_times()
        line = self.tr("Upstream: {adapter} — {url}").format(adapter=adapter_name(adapter),
                                                           url=url)
        line += "   ·   " + self.tr("Last push: {push}   ·   Last pull: {pull}").format(
            push=self._when(times.get("push")), pull=self._when(times.get("pull")))
        if self.link_up is False:
            line += "   ·   " + self.tr("No link: tried again on its own.")
        self.target_label.setText(line)

    def _when(self, iso: str | None) -> str:
        if not iso:
            return self.tr("never")
        from datetime import datetime

        try:
            return short_time(datetime.fromisoformat(iso), self.tz)
        except ValueError:
            return iso

    def selected_row(self) -> QueueRow | None:
        rows = self.queue.selectionModel().selectedRows()
        return self.queue_model.row(rows[0].row()) if rows else None

    def _selected(self) -> None:
        """The whole story of the chosen line under the table (the column cuts it short)."""
        row = self.selected_row()
        if row is None:
            self.row_details.hide()
        else:
            self.row_details.setText(f"{row.number} — {row.title}\n{row.details}")
            self.row_details.show()
        self._enable()

    def _enable(self) -> None:
        running = bool(self.busy_with)
        for b in (self.push_button, self.pull_button, self.export_button, self.import_button):
            b.setEnabled(self.can_send and not running)
        row = self.selected_row()
        self.retry_button.setEnabled(self.can_send and not running and row is not None
                                     and row.state == "retrying")
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)

    def _open_row(self, index: Any) -> None:
        row = self.queue_model.row(index.row())
        if row is None:
            return
        sid = row.item.submission_id if row.item else int(row.key.split(":")[1])
        self.ctx.bus.open_submission.emit(sid)

    # --- running ----------------------------------------------------------------------------
    def _start(self, what: str, fn: Any, done: Any, text: str) -> None:
        self.busy_with = what
        self.stop.clear()
        self.run_label.setText(text)
        self.progress.setRange(0, 0)
        self.handle = run_task(fn, on_done=done, on_error=self._failed,
                               on_progress=self._progressed, parent=self)
        self._enable()

    def _progressed(self, done: int, total: int, text: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        if text:
            self.run_label.setText(text)

    def _finished(self) -> None:
        self.handle = None
        self.stop.clear()
        self.busy_with = ""
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        what = self.busy_with
        self._finished()
        if isinstance(exc, TaskCancelled):
            self.run_label.setText(self.tr("Cancelled. Records not tried stay in the queue."))
            return
        if isinstance(exc, _LinkDown):
            self.link_up = False
            self.run_label.setText(self.tr("No link to the upstream yet; tried again on its "
                                           "own."))
            self._show_target()
            return
        if what == "auto":
            # On its own: no dialog; say it quietly and try again at the next tick.
            self.run_label.setText(error_message(exc) if isinstance(exc, KotakSaranError)
                                   else self.tr("Trying again on its own later."))
            return
        if isinstance(exc, KotakSaranError):
            self.run_label.setText(error_message(exc))
        show_error(self, exc)

    def cancel(self) -> None:
        if self.busy_with:
            self.stop.set()
            if self.handle is not None:
                self.handle.cancel()
            self.run_label.setText(self.tr("Stopping after the record being sent…"))

    def push_now(self, *, scheduled: bool = False, auto: bool = False) -> None:
        if self.busy_with:
            return
        svc = self.svc
        stop = self.stop
        sending = self.tr("Sending {number} ({done} of {total})…")

        def work(control: TaskControl) -> PushReport:
            def progress(done: int, total: int, outcome: Any) -> None:
                number = getattr(outcome, "number", "") or ""
                control.progress(done, total, sending.format(number=number, done=done,
                                                             total=total) if number else "")
            return svc.sync.push(scheduled=scheduled, progress=progress,
                                 cancel=lambda: control.cancelled or stop.is_set())

        self._start("auto" if auto else "push", work, self._pushed,
                    self.tr("Sending…"))

    def _pushed(self, report: PushReport) -> None:
        self._finished()
        self.link_up = not report.stopped_offline
        text = self.tr("{sent} sent ({registered} with a tracking ID), {failed} to be tried "
                       "again, {quarantined} quarantined.").format(
            sent=report.sent, registered=report.registered, failed=report.failed,
            quarantined=report.quarantined)
        if report.cancelled:
            text += " " + self.tr("Cancelled: the other records stay in the queue.")
        elif report.stopped_offline and report.problem:
            text += " " + report.problem
        self.run_label.setText(text)
        self._show_target()
        if report.sent or report.quarantined:
            self.ctx.bus.submissions_changed.emit([])

    def pull_status(self) -> None:
        svc = self.svc
        stop = self.stop

        def work(control: TaskControl) -> PullReport:
            def progress(done: int, total: int, _outcome: Any) -> None:
                control.progress(done, total, "")
            return svc.sync.pull(progress=progress,
                                 cancel=lambda: control.cancelled or stop.is_set())

        self._start("pull", work, self._pulled, self.tr("Pulling statuses…"))

    def _pulled(self, report: PullReport) -> None:
        self._finished()
        self.link_up = True
        self.run_label.setText(self.tr(
            "{changes} change(s): {registered} newly registered, {closed} closed, {updated} "
            "updated.").format(changes=report.changes, registered=report.registered,
                               closed=report.closed, updated=report.updated))
        if report.updated or report.registered or report.closed:
            self.ctx.bus.submissions_changed.emit([])

    def retry_selected(self) -> None:
        row = self.selected_row()
        if row is None or row.item is None:
            return
        try:
            self.svc.sync.retry_now(row.item.id)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.push_now()

    # --- bundles ----------------------------------------------------------------------------
    def bundles(self) -> BundleService:
        return BundleService(self.svc.store, self.svc.actor, self.svc.clock)

    def export_bundle(self, path: str | None = None, *, unit: str | None = None) -> None:
        """Approved slips into a bundle; at a city desk, optionally the statuses for one of
        the offices whose slips arrived here."""
        if unit is None and path is None:
            try:
                offices = self.bundles().status_recipients()
            except KotakSaranError as exc:
                show_error(self, exc)
                return
            if offices:
                slips = self.tr("Approved slips (to send on)")
                choices = [slips, *(self.tr("Statuses for unit {unit}").format(unit=u)
                                    for u in offices)]
                choice, ok = QInputDialog.getItem(self, self.tr("Export bundle"),
                                                  self.tr("What goes into the bundle?"),
                                                  choices, 0, False)
                if not ok:
                    return
                if choice != slips:
                    unit = offices[choices.index(choice) - 1]
        if unit is not None:
            self.export_statuses(unit, path)
            return
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export bundle"), str(Path.home() / "kotaksaran.ksb"),
                self.tr("Kotak Saran bundle (*.ksb)"))
            if not path:
                return
        target = Path(path)
        bundles = self.bundles()
        stop = self.stop
        reading = self.tr("Packing {number} ({done} of {total})…")

        def work(control: TaskControl) -> ExportReport:
            def progress(done: int, total: int, number: str) -> None:
                control.progress(done, total, reading.format(number=number, done=done,
                                                             total=total))
            return bundles.export_submissions(
                target, progress=progress, cancel=lambda: control.cancelled or stop.is_set())

        self._start("export", work, self._exported, self.tr("Writing the bundle…"))

    def export_statuses(self, unit: str, path: str | None = None) -> None:
        if path is None:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export bundle"),
                                                    str(Path.home()))
            if not path:
                return
        target = Path(path)
        bundles = self.bundles()

        def work(_control: TaskControl) -> ExportReport:
            return bundles.export_statuses(target, unit)

        def done(report: ExportReport) -> None:
            self._finished()
            text = self.tr("Status bundle written: {path} — {count} status update(s) for unit "
                           "{unit}.").format(path=report.path, count=report.statuses,
                                             unit=unit)
            self.run_label.setText(text)
            QMessageBox.information(self, self.tr("Export bundle"), text)

        self._start("export", work, done, self.tr("Writing the bundle…"))

    def _exported(self, report: ExportReport) -> None:
        self._finished()
        text = self.tr("Bundle written: {path} — {items} slip(s), {files} page image(s). Copy "
                       "it to the USB stick and take it to the city desk.").format(
            path=report.path, items=report.items, files=report.files)
        self.run_label.setText(text)
        QMessageBox.information(self, self.tr("Export bundle"), text)
        self.ctx.bus.submissions_changed.emit([])

    def import_bundle(self, path: str | None = None) -> None:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import bundle"), str(Path.home()),
                self.tr("Kotak Saran bundle (*.ksb);;All files (*)"))
            if not path:
                return
        source = Path(path)
        bundles = self.bundles()

        def work(control: TaskControl) -> ImportReport:
            def progress(done: int, total: int, number: str) -> None:
                control.progress(done, total, number)
            return bundles.import_bundle(source, progress=progress)

        self._start("import", work, self._imported,
                    self.tr("Checking the signature and every file…"))

    def _imported(self, report: ImportReport) -> None:
        self._finished()
        who = f"{report.sender} ({report.sender_name})" if report.sender_name else report.sender
        if report.kind == "statuses":
            text = self.tr("Status bundle from {who}: {changes} change(s), {registered} "
                           "registered, {closed} closed.").format(
                who=who, changes=report.changes, registered=report.registered,
                closed=report.closed)
        else:
            text = self.tr("Bundle from {who}: {created} new slip(s), {updated} updated, "
                           "{repeated} already here.").format(
                who=who, created=report.created, updated=report.updated,
                repeated=report.repeated)
            for number, message in report.refused:
                text += "\n" + f"{number}: {message}"
        self.run_label.setText(text)
        QMessageBox.information(self, self.tr("Import bundle"), text)
        self.ctx.bus.submissions_changed.emit([])

    # --- resuming on its own ------------------------------------------------------------------
    def _arm_timer(self) -> None:
        try:
            minutes = int(self.svc.config.get("sync.auto_resume_minutes"))
        except (KotakSaranError, TypeError, ValueError):
            minutes = 0
        if minutes > 0 and self.can_send:
            self.resume_timer.start(minutes * 60_000)
        else:
            self.resume_timer.stop()

    def auto_resume(self) -> None:
        """The timer's tick: a cheap check of the link, then a push if anything waits."""
        if not self.can_send or self.busy_with:
            return
        svc = self.svc
        stop = self.stop
        was_down = self.link_up is False

        def work(control: TaskControl) -> PushReport | None:
            # After a time without link everything open goes; otherwise what is due.
            open_items = svc.sync.open_count() if was_down else svc.sync.due_count()
            waiting = open_items + svc.listing.count(ListQuery(statuses=(Status.APPROVED,)))
            if waiting == 0 and not was_down:
                return None
            if not svc.sync.probe():
                raise _LinkDown()
            if waiting == 0:
                return None
            # Back after a time without link: what waited for the link goes now.
            return svc.sync.push(scheduled=not was_down,
                                 cancel=lambda: control.cancelled or stop.is_set())

        self._start("auto", work, self._resumed, self.tr("Checking the link…"))

    def _resumed(self, report: PushReport | None) -> None:
        self.link_up = True
        if report is None:
            self._finished()
            self.run_label.setText("")
            return
        self._pushed(report)


class _LinkDown(Exception):
    """The upstream did not answer the automatic check."""
