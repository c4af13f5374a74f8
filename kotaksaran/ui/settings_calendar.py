"""Pengaturan › Hari libur: national holidays (read-only) and the office's own days off.

Deadlines count working days, so cuti bersama announced after release, and local days off,
must be entered here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import DayOffKind
from ..domain.errors import KotakSaranError
from .context import UiContext
from .errors import show_error
from .settings_common import FormDialog

# Indonesian day names: dates on this tab are read by staff, whatever the window language.
_WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def day_text(d: date) -> str:
    return f"{_WEEKDAYS[d.weekday()]}, {d.strftime('%d-%m-%Y')}"


def _table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


class DayOffDialog(FormDialog):
    def __init__(self, ctx: UiContext, year: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add day off"), self._save, parent)
        self.ctx = ctx
        self.day = QDateEdit(QDate(year, 1, 1) if year != date.today().year
                             else QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd-MM-yyyy")
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Cuti bersama Idul Fitri"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Cuti bersama (collective leave)"),
                          DayOffKind.CUTI_BERSAMA.value)
        self.kind.addItem(self.tr("Local day off of this office"), DayOffKind.LOCAL.value)
        self.add_field(self.tr("Date"), self.day, "day")
        self.add_field(self.tr("Name"), self.name, "name")
        self.add_field(self.tr("Kind"), self.kind, "kind")

    def _save(self) -> None:
        day = self.day.date().toPython()
        assert isinstance(day, date)
        self.ctx.services.admin.add_day_off(day, self.name.text(),
                                            DayOffKind(self.kind.currentData()))
        self.ctx.bus.reference_changed.emit()


class DaysOffTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.local_days: list[date] = []
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(self.refresh)
        top.addWidget(self.year)
        top.addStretch(1)
        layout.addLayout(top)

        national = QGroupBox(self.tr("National holidays and cuti bersama (built in)"))
        nl = QVBoxLayout(national)
        self.national = _table([self.tr("Date"), self.tr("Holiday")])
        self.national.setObjectName("nationalHolidays")
        nl.addWidget(self.national)
        layout.addWidget(national, 3)

        local = QGroupBox(self.tr("Days off added by this office"))
        ll = QVBoxLayout(local)
        note = QLabel(self.tr(
            "Add cuti bersama that the government announces later, and local days off. "
            "They count in deadlines (working days)."))
        note.setWordWrap(True)
        ll.addWidget(note)
        self.local = _table([self.tr("Date"), self.tr("Name"), self.tr("Kind")])
        self.local.setObjectName("localDaysOff")
        ll.addWidget(self.local)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add day off…"))
        self.add_button.clicked.connect(self.add_day)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_day)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        ll.addLayout(buttons)
        layout.addWidget(local, 2)
        self.dialog: FormDialog | None = None
        ctx.bus.reference_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        year = self.year.value()
        admin = self.ctx.services.admin
        try:
            own = [(d, name, kind) for d, name, kind in admin.days_off() if d.year == year]
            own_days = {d for d, _n, _k in own}
            # The calendar merges the office's days in; show those only in the lower table.
            built_in = [(d, n) for d, n in admin.calendar().days_off(year) if d not in own_days]
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.national.setRowCount(len(built_in))
        for row, (d, name) in enumerate(built_in):
            self.national.setItem(row, 0, QTableWidgetItem(day_text(d)))
            self.national.setItem(row, 1, QTableWidgetItem(name))
        self.national.resizeColumnToContents(0)
        self.local_days = [d for d, _n, _k in own]
        self.local.setRowCount(len(own))
        kinds = {DayOffKind.CUTI_BERSAMA.value: self.tr("Cuti bersama"),
                 DayOffKind.LOCAL.value: self.tr("Local")}
        for row, (d, name, kind) in enumerate(own):
            for col, text in enumerate((day_text(d), name, kinds.get(kind, kind))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, d.isoformat())
                self.local.setItem(row, col, item)
        self.local.resizeColumnToContents(0)

    def add_day(self) -> None:
        self.dialog = DayOffDialog(self.ctx, self.year.value(), self)
        self.dialog.open()

    def remove_day(self) -> None:
        rows = self.local.selectionModel().selectedRows()
        if not rows:
            return
        day = self.local_days[rows[0].row()]
        answer = QMessageBox.question(self, self.tr("Remove day off"), self.tr(
            "Remove the day off on %1?").replace("%1", day_text(day)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.services.admin.remove_day_off(day)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.reference_changed.emit()
