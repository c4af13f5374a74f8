"""The "Scan & import" page: paper into a box session, by scanner, file dialog or drag and drop;
the session's slips as groups of page thumbnails, a large viewer, and page operations with undo.

Slots call one service each; imports, scans, thumbnails and images run in workers.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import BoxSessionState
from ..domain.errors import KotakSaranError
from ..intake.scanner import ScanSettings
from ..services.boxes import BoxSessionView
from ..services.intake import ImportReport
from ..services.pages import SlipPages
from . import capture_commands as cmds
from . import tasks
from .capture_scan import ScanDialog, run_scan
from .capture_slips import SlipGroup, expand_paths
from .context import UiContext
from .errors import show_error
from .page_viewer import PageViewer, decode_image
from .thumbnails import ThumbnailCache

log = logging.getLogger(__name__)

# The navigation entry (navigation.nav_label) is translated in the MainWindow context; marked
# here so that lupdate of the capture files keeps it in kotaksaran_capture_id.ts.
NAV_LABEL = QT_TRANSLATE_NOOP("MainWindow", "Scan & import")

class CapturePage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.svc = ctx.services
        self.setAcceptDrops(True)
        self.undo_stack = QUndoStack(self)
        self.cache = ThumbnailCache(self.svc.pages.image_bytes, parent=self)
        self.slips: list[SlipPages] = []
        self.groups: dict[int, SlipGroup] = {}
        self.selected: tuple[int, int] | None = None  # submission id, page id
        self.last_report: ImportReport | None = None
        self._import_handle: tasks.TaskHandle[ImportReport] | None = None
        self._tz = ZoneInfo(self.svc.admin.unit().timezone)
        self._image_generation = 0
        self._scroll_to: int | None = None  # a slip just imported: show it
        self._build()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.reload)
        ctx.bus.submissions_changed.connect(lambda _ids: self._reload_timer.start())
        ctx.bus.sessions_changed.connect(self.reload_sessions)
        self.reload_sessions()

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Box session:")))
        self.session_box = QComboBox()
        self.session_box.setMinimumWidth(320)
        self.session_box.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.session_box)
        self.scan_button = QPushButton(self.tr("Scan"))
        self.scan_button.clicked.connect(self.scan)
        self.import_button = QPushButton(self.tr("Import files…"))
        self.import_button.clicked.connect(self.choose_files)
        for b in (self.scan_button, self.import_button):
            b.setMinimumHeight(34)
            top.addWidget(b)
        top.addStretch(1)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"),
                                       QKeySequence.StandardKey.Redo])
        for a in (self.undo_action, self.redo_action):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button = QPushButton(self.tr("Redo"))
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        top.addWidget(self.undo_button)
        top.addWidget(self.redo_button)

        self.hint = QLabel(self.tr("Drop image files, PDFs or folders here to import them."))
        self.hint.setStyleSheet("color: #546e7a;")

        prog = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_import)
        prog.addWidget(self.progress, 1)
        prog.addWidget(self.progress_label, 2)
        prog.addWidget(self.cancel_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(prog)
        self.progress_row.hide()

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.failed_list = QListWidget()
        self.failed_list.setObjectName("failedList")
        self.failed_list.setWordWrap(True)
        self.summary.hide()
        self.failed_list.hide()

        self.groups_box = QWidget()
        self.groups_layout = QVBoxLayout(self.groups_box)
        self.groups_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_label = QLabel(self.tr("No slips in this session yet. Scan or import them."))
        self.empty_label.setStyleSheet("color: #546e7a; font-size: 11pt; padding: 20px;")
        self.groups_layout.addWidget(self.empty_label)
        self.groups_layout.addStretch(1)
        self.groups_scroll = QScrollArea()
        self.groups_scroll.setWidgetResizable(True)
        self.groups_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.groups_scroll.setWidget(self.groups_box)

        self.viewer = PageViewer()
        self.viewer.rotate_requested.connect(self.rotate)
        ops = QHBoxLayout()
        self.move_left_button = QPushButton(self.tr("Move left"))
        self.move_left_button.clicked.connect(lambda: self.move_by(-1))
        self.move_right_button = QPushButton(self.tr("Move right"))
        self.move_right_button.clicked.connect(lambda: self.move_by(1))
        self.split_button = QPushButton(self.tr("Split here"))
        self.split_button.setToolTip(self.tr("This page and the ones after it become a new slip"))
        self.split_button.clicked.connect(self.split_here)
        self.merge_button = QPushButton(self.tr("Merge with previous"))
        self.merge_button.setToolTip(self.tr("Add the pages of this slip to the slip before it"))
        self.merge_button.clicked.connect(self.merge_with_previous)
        self.delete_button = QPushButton(self.tr("Delete page"))
        self.delete_button.clicked.connect(self.delete_page)
        self.open_button = QPushButton(self.tr("Open in Input"))
        self.open_button.clicked.connect(self.open_in_input)
        self.op_buttons = (self.move_left_button, self.move_right_button, self.split_button,
                           self.merge_button, self.delete_button)
        ops2 = QHBoxLayout()
        for b in (self.move_left_button, self.move_right_button, self.delete_button):
            ops.addWidget(b)
        for b in (self.split_button, self.merge_button, self.open_button):
            ops2.addWidget(b)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.viewer, 1)
        rl.addLayout(ops)
        rl.addLayout(ops2)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.groups_scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([560, 480])
        self.splitter = split

        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Scan & import"))
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(heading)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.failed_list)
        layout.addWidget(split, 1)
        self._update_buttons()

    # --- sessions -----------------------------------------------------------------------
    def reload_sessions(self, select_id: int | None = None) -> None:
        try:
            sessions = self.svc.boxes.sessions(state=BoxSessionState.OPEN)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        keep = select_id if select_id is not None else self.current_session_id()
        self.session_box.blockSignals(True)
        self.session_box.clear()
        today = self.svc.clock().astimezone(self._tz).date()
        default_index = -1
        for s in sessions:
            self.session_box.addItem(self._session_label(s), s.id)
            if default_index < 0 and s.opened_at.astimezone(self._tz).date() == today:
                default_index = self.session_box.count() - 1
        if default_index < 0:
            self.session_box.insertItem(0, self.tr("Today's session (opened at the first import)"),
                                        None)
            default_index = 0
        index = self.session_box.findData(keep) if keep is not None else -1
        self.session_box.setCurrentIndex(index if index >= 0 else default_index)
        self.session_box.blockSignals(False)
        self.reload()

    def _session_label(self, s: BoxSessionView) -> str:
        when = s.opened_at.astimezone(self._tz).strftime("%d/%m/%Y %H:%M")
        return f"{s.box_name} — {when}"

    def current_session_id(self) -> int | None:
        data = self.session_box.currentData()
        return int(data) if data is not None else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus()

    # --- the session's slips ------------------------------------------------------------
    def reload(self) -> None:
        session = self.current_session_id()
        if session is None:
            self._show_slips([])
            return
        pages = self.svc.pages
        tasks.run_task(lambda _c: pages.session_slips(session), on_done=self._show_slips,
                       on_error=lambda exc: self._failed(exc), parent=self)

    def _show_slips(self, slips: list[SlipPages]) -> None:
        self.slips = slips
        for g in self.groups.values():
            g.setParent(None)
            g.deleteLater()
        self.groups = {}
        for i, slip in enumerate(slips):
            g = SlipGroup(slip, self.cache)
            g.page_selected.connect(self.select_page)
            g.model.move_requested.connect(self.move_page_to)
            self.groups_layout.insertWidget(i, g)
            self.groups[slip.id] = g
        self.empty_label.setVisible(not slips)
        if self._scroll_to is not None and self._scroll_to in self.groups:
            target = self.groups[self._scroll_to]
            QTimer.singleShot(0, lambda: self._ensure_visible(target))
        self._scroll_to = None
        found = self._find(self.selected[1]) if self.selected else None
        if found is not None and self.selected is not None:
            # The page may be in another slip now (split, merge): follow it.
            self.selected = (found[0].id, self.selected[1])
            self.groups[found[0].id].select_page(self.selected[1])
            self._show_page_image(self.selected[1])
        else:
            self.selected = None
            self.viewer.show_image(None, "")
        self._update_buttons()

    def _ensure_visible(self, group: SlipGroup) -> None:
        if group in self.groups.values():
            self.groups_scroll.ensureWidgetVisible(group)

    def _find(self, page_id: int) -> tuple[SlipPages, int] | None:
        for slip in self.slips:
            for i, p in enumerate(slip.pages):
                if p.id == page_id:
                    return slip, i
        return None

    def select_page(self, submission_id: int, page_id: int) -> None:
        if self.selected == (submission_id, page_id):
            return
        for sid, g in self.groups.items():
            if sid != submission_id:
                g.clear_selection()
        self.selected = (submission_id, page_id)
        group = self.groups.get(submission_id)
        if group is not None:
            group.select_page(page_id)
        self._show_page_image(page_id)
        self._update_buttons()

    def _show_page_image(self, page_id: int) -> None:
        found = self._find(page_id)
        if found is None:
            return
        slip, index = found
        page = slip.pages[index]
        caption = self.tr("%1, page %2 of %3").replace("%1", slip.number) \
            .replace("%2", str(index + 1)).replace("%3", str(len(slip.pages)))
        self._image_generation += 1
        generation = self._image_generation
        read = self.svc.pages.image_bytes
        sha = page.blob_sha256
        tasks.run_task(lambda _c: decode_image(read(sha)),
                       on_done=lambda img: self._image_arrived(generation, img, caption),
                       on_error=lambda exc: self._failed(exc), parent=self)

    def _image_arrived(self, generation: int, image: QImage, caption: str) -> None:
        if generation == self._image_generation:
            self.viewer.show_image(image, caption)

    def _update_buttons(self) -> None:
        found = self._find(self.selected[1]) if self.selected else None
        editable = bool(found and found[0].editable)
        index = found[1] if found else -1
        count = len(found[0].pages) if found else 0
        slip_index = self.slips.index(found[0]) if found else -1
        self.move_left_button.setEnabled(editable and index > 0)
        self.move_right_button.setEnabled(editable and 0 <= index < count - 1)
        self.split_button.setEnabled(editable and index > 0)
        prev_ok = slip_index > 0 and self.slips[slip_index - 1].editable
        self.merge_button.setEnabled(editable and prev_ok)
        self.delete_button.setEnabled(editable)
        self.open_button.setEnabled(found is not None)
        self.viewer.set_enabled_actions(editable)

    # --- page operations (each undoable) ------------------------------------------------
    def _push(self, make: object) -> None:
        try:
            command = make()  # type: ignore[operator]
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.undo_stack.push(command)
        self._after_change()

    def _after_change(self) -> None:
        failed = [c for c in (self.undo_stack.command(i) for i in range(self.undo_stack.count()))
                  if isinstance(c, cmds.PageCommand) and c.error is not None]
        for c in failed:
            err, c.error = c.error, None
            if isinstance(err, KotakSaranError):
                show_error(self, err)
            elif err is not None:
                raise err
        self.reload()
        self.ctx.bus.submissions_changed.emit([s.id for s in self.slips])

    def rotate(self, turns: int) -> None:
        if self.selected is None:
            return
        page_id = self.selected[1]
        text = self.tr("Rotate page")
        self._push(lambda: cmds.rotate(self.svc, page_id, turns, text, self._after_change))

    def move_by(self, delta: int) -> None:
        found = self._find(self.selected[1]) if self.selected else None
        if found is None:
            return
        self.move_page_to(self.selected[1], found[1] + 1 + delta)  # type: ignore[index]

    def move_page_to(self, page_id: int, position: int) -> None:
        text = self.tr("Move page")
        self._push(lambda: cmds.move(self.svc, page_id, position, text, self._after_change))

    def delete_page(self) -> None:
        if self.selected is None:
            return
        page_id = self.selected[1]
        text = self.tr("Delete page")
        self._push(lambda: cmds.delete(self.svc, page_id, text, self._after_change))

    def split_here(self) -> None:
        if self.selected is None:
            return
        sub_id, page_id = self.selected
        text = self.tr("Split slip")
        self._push(lambda: cmds.SplitCommand(self.svc, sub_id, page_id, text,
                                             self._after_change))

    def merge_with_previous(self) -> None:
        found = self._find(self.selected[1]) if self.selected else None
        if found is None:
            return
        i = self.slips.index(found[0])
        if i == 0:
            return
        source, into = found[0].id, self.slips[i - 1].id
        text = self.tr("Merge slips")
        self.selected = (into, self.selected[1])  # type: ignore[index]
        self._push(lambda: cmds.MergeCommand(self.svc, source, into, text, self._after_change))

    def open_in_input(self) -> None:
        if self.selected is not None:
            self.ctx.bus.open_submission.emit(self.selected[0])

    # --- importing ----------------------------------------------------------------------
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), "",
            self.tr("Images and PDF") + " (*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp *.pdf)"
            + ";;" + self.tr("All files") + " (*)")
        if files:
            self.import_paths(files)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    @property
    def importing(self) -> bool:
        return self._import_handle is not None and self._import_handle.running

    def import_paths(self, paths: Sequence[str | Path]) -> None:
        """Import files and folders into the chosen session (a worker, with progress)."""
        if self.importing:
            return
        files = expand_paths(paths)
        if not files:
            self._show_report(ImportReport())
            return
        session = self.current_session_id()
        intake = self.svc.intake

        def work(control: tasks.TaskControl) -> ImportReport:
            return intake.import_files(files, session_id=session, progress=control.progress,
                                       cancel=lambda: control.cancelled)

        self._set_busy(True, len(files))
        self.ctx.bus.importing.emit(True)
        self._import_handle = tasks.run_task(work, on_done=self._imported,
                                             on_error=self._import_failed,
                                             on_progress=self._progressed, parent=self)

    def cancel_import(self) -> None:
        if self._import_handle is not None:
            self._import_handle.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping after the current file…"))

    def _progressed(self, done: int, total: int, name: str) -> None:
        if done and self._import_handle is not None:
            self.ctx.bus.importing.emit(True)  # a file was stored: its pages can be read
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        if name:
            self.progress_label.setText(self.tr("Importing %1 (%2 of %3)")
                                        .replace("%1", name).replace("%2", str(done + 1))
                                        .replace("%3", str(total)))

    def _set_busy(self, busy: bool, total: int = 0) -> None:
        self.progress_row.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.scan_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        if busy:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(0)
            self.progress_label.setText("")

    def _imported(self, report: ImportReport) -> None:
        self._import_handle = None
        self.ctx.bus.importing.emit(False)
        self._set_busy(False)
        self._show_report(report)
        self._after_import([i.submission_id for i in report.imported])

    def _import_failed(self, exc: BaseException) -> None:
        self._import_handle = None
        self.ctx.bus.importing.emit(False)
        self._set_busy(False)
        if not isinstance(exc, tasks.TaskCancelled):
            self._failed(exc)

    def _after_import(self, ids: list[int]) -> None:
        if ids:
            self._scroll_to = ids[-1]
            try:
                session = self.svc.submissions.get(ids[0]).box_session_id
            except KotakSaranError:
                session = None
            self.ctx.bus.submissions_changed.emit(ids)
            self.ctx.bus.sessions_changed.emit()  # a session may have been opened for it
            self.reload_sessions(session)

    def _show_report(self, report: ImportReport) -> None:
        self.last_report = report
        files = len({i.file for i in report.imported})
        pages = sum(i.pages for i in report.imported)
        text = self.tr("%1 file(s) imported (%2 page(s)), %3 not imported.") \
            .replace("%1", str(files)).replace("%2", str(pages)) \
            .replace("%3", str(len(report.failed)))
        dups = [i for i in report.imported if i.possible_duplicates]
        if dups:
            text += " " + self.tr("%1 may repeat a slip already imported (marked in orange).") \
                .replace("%1", str(len(dups)))
        self.summary.setText(text)
        self.summary.setStyleSheet("font-weight: bold; color: %s;"
                                   % ("#b71c1c" if report.failed else "#2e7d32"))
        self.summary.show()
        self.failed_list.clear()
        for f in report.failed:
            name = Path(f.file).name
            # The message names the file already where the import could tell which it was.
            self.failed_list.addItem(f.message if name in f.message else f"{name} — {f.message}")
        rows = min(len(report.failed), 5)
        self.failed_list.setFixedHeight(rows * (self.failed_list.fontMetrics().height() + 6) + 8)
        self.failed_list.setVisible(bool(report.failed))

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    # --- scanning -----------------------------------------------------------------------
    def scan(self) -> None:
        dialog = ScanDialog(self)
        if dialog.exec() != ScanDialog.DialogCode.Accepted or not dialog.device_name():
            if not dialog.devices:
                self.summary.setText(dialog.no_scanner_text())
                self.summary.setStyleSheet("font-weight: bold; color: #8a5a00;")
                self.summary.show()
            return
        self.scan_with(dialog.device_name(), dialog.settings())

    def scan_with(self, device: str, settings: ScanSettings) -> None:
        """Scan a batch in a worker (progress dialog with cancel), then import it as a slip."""
        run_scan(self, self.svc.intake, device, settings, self.current_session_id(),
                 on_done=self._scanned, on_error=self._failed)

    def _scanned(self, report: ImportReport, problem: KotakSaranError | None) -> None:
        self._show_report(report)
        self._after_import([i.submission_id for i in report.imported])
        if problem is not None:
            show_error(self, problem)


__all__ = ["CapturePage", "expand_paths"]
