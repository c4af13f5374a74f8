"""The Laporan screen: the monthly report for a chosen month (preview, print, export to PDF,
CSV or XLSX), the status board for the notice board, and the manifest of a sync batch."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..documents.output import write_file
from ..domain.enums import Role
from ..domain.errors import KotakSaranError
from .context import UiContext
from .errors import show_error
from .print_preview import PrintPreviewDialog
from .record_widgets import ui_locale

MONTHLY_ROLES = (Role.SUPERVISOR, Role.ADMIN)
BOARD_ROLES = (Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN)


class ReportsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._svc = ctx.services
        self.setLocale(ui_locale(ctx.language))
        tz = ZoneInfo(self._svc.admin.unit().timezone)
        self._today = self._svc.documents.now().astimezone(tz).date()
        role = self._svc.actor.role
        self.last_dialog: PrintPreviewDialog | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(12)
        title = QLabel(self.tr("Reports"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        outer.addWidget(title)

        self.monthly_box = self._monthly_group()
        self.monthly_box.setVisible(role in MONTHLY_ROLES)
        outer.addWidget(self.monthly_box)
        self.board_box = self._board_group()
        self.board_box.setVisible(role in BOARD_ROLES)
        outer.addWidget(self.board_box)
        self.manifest_box = self._manifest_group()
        self.manifest_box.setVisible(role in BOARD_ROLES)
        outer.addWidget(self.manifest_box)
        outer.addStretch(1)
        self._stale = False
        ctx.bus.submissions_changed.connect(self._changed)
        self.reload()

    def reload(self) -> None:
        """Figures and batches as they are now (slips change while the page is hidden)."""
        self._stale = False
        role = self._svc.actor.role
        if role in MONTHLY_ROLES:
            self.show_figures()
        if role in BOARD_ROLES:
            self.load_batches()

    def _changed(self, _ids: list[int]) -> None:
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    # --- monthly report -----------------------------------------------------------------
    def _monthly_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Monthly report"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Month:")))
        self.month_combo = QComboBox()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2200)
        locale = self.locale()
        for m in range(1, 13):
            self.month_combo.addItem(locale.standaloneMonthName(m), m)
        # The month that just ended is what a supervisor usually reports on.
        last = self._today.replace(day=1) - timedelta(days=1)
        self.month_combo.setCurrentIndex(last.month - 1)
        self.year_spin.setValue(last.year)
        self.month_combo.currentIndexChanged.connect(lambda _i: self.show_figures())
        self.year_spin.valueChanged.connect(lambda _v: self.show_figures())
        row.addWidget(self.month_combo)
        row.addWidget(self.year_spin)
        row.addStretch(1)
        self.monthly_preview_button = QPushButton(self.tr("Preview and print…"))
        self.monthly_preview_button.clicked.connect(self.preview_monthly)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.clicked.connect(lambda: self.export_monthly("csv"))
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"))
        self.xlsx_button.clicked.connect(lambda: self.export_monthly("xlsx"))
        for b in (self.monthly_preview_button, self.csv_button, self.xlsx_button):
            row.addWidget(b)
        layout.addLayout(row)
        self.figures = QGridLayout()
        self.figures.setHorizontalSpacing(28)
        self.figure_labels: dict[str, QLabel] = {}
        names = (("total", self.tr("Reports received")), ("completed", self.tr("Finished")),
                 ("ratio", self.tr("Completion ratio")), ("overdue", self.tr("Overdue")),
                 ("respon_awal", self.tr("Working days to initial response (average)")),
                 ("tindak_lanjut", self.tr("Working days to follow-up (average)")))
        for n, (key, text) in enumerate(names):
            value = QLabel("—")
            value.setObjectName(f"figure_{key}")
            value.setStyleSheet("font-size: 14pt; font-weight: 600;")
            caption = QLabel(text)
            caption.setStyleSheet("color: palette(placeholder-text);")
            self.figures.addWidget(value, (n // 3) * 2, n % 3)
            self.figures.addWidget(caption, (n // 3) * 2 + 1, n % 3)
            self.figure_labels[key] = value
        layout.addLayout(self.figures)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        layout.addWidget(self.note_label)
        return box

    def month(self) -> tuple[int, int]:
        return self.year_spin.value(), int(self.month_combo.currentData())

    def show_figures(self) -> None:
        year, month = self.month()
        try:
            data = self._svc.documents.monthly_data(year, month)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        locale = self.locale()

        def days(value: float | None) -> str:
            return "—" if value is None else locale.toString(value, "f", 1)

        ratio = data.completion_ratio
        values = {
            "total": locale.toString(data.total),
            "completed": f"{locale.toString(data.completed)} / "
                         f"{locale.toString(data.completion_base)}",
            "ratio": "—" if ratio is None else f"{locale.toString(ratio * 100, 'f', 1)} %",
            "overdue": locale.toString(len(data.overdue)),
            "respon_awal": days(data.avg_days_respon_awal),
            "tindak_lanjut": days(data.avg_days_tindak_lanjut),
        }
        for key, text in values.items():
            self.figure_labels[key].setText(text)
        self.note_label.setText(self.tr(
            "No status history has come back from LAPOR! for this month yet, so the working-"
            "day averages are not known.") if data.notes else "")

    def preview_monthly(self) -> PrintPreviewDialog:
        year, month = self.month()
        title = self.tr("Monthly report %1").replace(
            "%1", f"{self.locale().standaloneMonthName(month)} {year}")
        docs = self._svc.documents
        dialog = PrintPreviewDialog(self.ctx, title, lambda _p: docs.monthly(year, month),
                                    parent=self)
        return self._open(dialog)

    def export_monthly(self, fmt: str, path: str | None = None) -> Path | None:
        year, month = self.month()
        if path is None:
            suggested = str(Path.home() / f"laporan-bulanan-{year:04d}-{month:02d}.{fmt}")
            filters = {"csv": self.tr("CSV file (*.csv)"),
                       "xlsx": self.tr("Excel workbook (*.xlsx)")}
            path, _f = QFileDialog.getSaveFileName(self, self.tr("Export the figures"),
                                                   suggested, filters[fmt])
            if not path:
                return None
            if not path.lower().endswith(f".{fmt}"):
                path += f".{fmt}"
        try:
            doc = self._svc.documents.monthly(year, month, fmt)
            written = write_file(path, doc.content)
            self._svc.documents.record_print(doc, "file", str(written))
        except KotakSaranError as exc:
            show_error(self, exc)
            return None
        return written

    # --- status board -------------------------------------------------------------------
    def _board_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status board for the notice board"))
        layout = QVBoxLayout(box)
        intro = QLabel(self.tr("Receipt numbers and LAPOR! tracking numbers with their "
                               "status. It shows no names or other personal data."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Reports received since:")))
        self.since_edit = QDateEdit()
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("dd/MM/yyyy")
        try:
            days = int(self._svc.config.get("documents.status_board_days"))
        except KotakSaranError:
            days = 90
        since = self._today - timedelta(days=days)
        self.since_edit.setDate(QDate(since.year, since.month, since.day))
        row.addWidget(self.since_edit)
        self.titles_check = QCheckBox(self.tr("Show titles (never those of confidential "
                                              "reports)"))
        row.addWidget(self.titles_check)
        row.addStretch(1)
        self.board_button = QPushButton(self.tr("Preview and print…"))
        self.board_button.clicked.connect(self.preview_board)
        row.addWidget(self.board_button)
        layout.addLayout(row)
        return box

    def since(self) -> date:
        d = self.since_edit.date()
        return date(d.year(), d.month(), d.day())

    def preview_board(self) -> PrintPreviewDialog:
        since, titles = self.since(), self.titles_check.isChecked()
        docs = self._svc.documents
        dialog = PrintPreviewDialog(
            self.ctx, self.tr("Status board"),
            lambda _p: docs.status_board(since, show_titles=titles), parent=self)
        return self._open(dialog)

    # --- manifest -----------------------------------------------------------------------
    def _manifest_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Manifest of a sync batch"))
        form = QFormLayout(box)
        row = QHBoxLayout()
        self.batch_combo = QComboBox()
        self.batch_combo.setMinimumWidth(320)
        row.addWidget(self.batch_combo, 1)
        self.manifest_button = QPushButton(self.tr("Preview and print…"))
        self.manifest_button.clicked.connect(self.preview_manifest)
        row.addWidget(self.manifest_button)
        form.addRow(self.tr("Batch:"), row)
        return box

    def load_batches(self) -> None:
        self.batch_combo.clear()
        try:
            batches = self._svc.documents.batches()
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        tz = ZoneInfo(self._svc.admin.unit().timezone)
        for b in batches:
            when = b.created_at.astimezone(tz).strftime("%d/%m/%Y %H:%M")
            self.batch_combo.addItem(
                self.tr("Batch %1 — %2, %3 reports").replace("%1", str(b.id))
                .replace("%2", when).replace("%3", str(b.items)), b.id)
        empty = not batches
        if empty:
            self.batch_combo.addItem(self.tr("No batch has been sent yet"), None)
        self.manifest_button.setEnabled(not empty)

    def preview_manifest(self) -> PrintPreviewDialog | None:
        batch_id = self.batch_combo.currentData()
        if batch_id is None:
            return None
        docs = self._svc.documents
        dialog = PrintPreviewDialog(
            self.ctx, self.tr("Manifest of batch %1").replace("%1", str(batch_id)),
            lambda _p: docs.manifest(int(batch_id)), parent=self)
        return self._open(dialog)

    def _open(self, dialog: PrintPreviewDialog) -> PrintPreviewDialog:
        self.last_dialog = dialog
        dialog.open()
        return dialog
