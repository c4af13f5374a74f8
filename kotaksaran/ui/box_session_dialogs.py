"""Opening and closing a box session (sesi pembukaan kotak saran): who opened which box, when,
before which witnesses, how many slips were found, and at the close whether every slip found
was typed in."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KotakSaranError, ValidationFailed
from ..services.boxes import BoxSessionView, BoxView
from .context import UiContext
from .errors import show_error
from .record_widgets import ERROR_COLOUR, FieldError, ui_locale

MAX_SLIPS = 100_000
_WARN = "QLabel { background: #FFF4CE; color: #5C4300; border: 1px solid #E8C766; " \
        "border-radius: 4px; padding: 8px 12px; }"
_OK = "QLabel { background: #DDF3E2; color: #1C5A2C; border: 1px solid #8CCB9B; " \
      "border-radius: 4px; padding: 8px 12px; }"


class OpenSessionDialog(QDialog):
    """Record a box opening; `result_view` holds the new session after OK."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_view: BoxSessionView | None = None
        self.setWindowTitle(self.tr("Open a box session"))
        self.setLocale(ui_locale(ctx.language))  # a window does not inherit its parent's
        self.setMinimumWidth(520)
        self._tz = ZoneInfo(ctx.services.admin.unit().timezone)
        self._boxes: list[BoxView] = ctx.services.boxes.boxes()

        lay = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.box = QComboBox()
        for b in self._boxes:
            self.box.addItem(f"{b.name} ({b.code})", b.id)
        default = next((i for i, b in enumerate(self._boxes) if b.is_default), 0)
        self.box.setCurrentIndex(default)
        self.box.currentIndexChanged.connect(self._box_changed)
        form.addRow(self.tr("&Box"), self.box)

        self.opened_at = QDateTimeEdit()
        self.opened_at.setCalendarPopup(True)
        self.opened_at.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.opened_at.setTimeZone(QTimeZone(self._tz.key.encode()))
        now = ctx.services.clock()
        self.opened_at.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()),
                                                                QTimeZone(self._tz.key.encode())))
        form.addRow(self.tr("Opened &at"), self.opened_at)

        self.location = QLineEdit()
        form.addRow(self.tr("&Where"), self.location)
        self.opened_by = QLineEdit(ctx.services.actor.full_name or
                                   ctx.services.actor.username or "")
        form.addRow(self.tr("Opened &by"), self.opened_by)

        wit = QWidget()
        wlay = QVBoxLayout(wit)
        wlay.setContentsMargins(0, 0, 0, 0)
        add_row = QHBoxLayout()
        self.witness_name = QLineEdit()
        self.witness_name.setPlaceholderText(self.tr("Name, then Enter"))
        self.witness_name.returnPressed.connect(self.add_witness)
        add = QPushButton(self.tr("Add"))
        add.setAutoDefault(False)
        add.clicked.connect(self.add_witness)
        remove = QPushButton(self.tr("Remove"))
        remove.setAutoDefault(False)
        remove.clicked.connect(self._remove_witness)
        add_row.addWidget(self.witness_name, 1)
        add_row.addWidget(add)
        add_row.addWidget(remove)
        self.witnesses = QListWidget()
        self.witnesses.setMaximumHeight(90)
        wlay.addLayout(add_row)
        wlay.addWidget(self.witnesses)
        form.addRow(self.tr("&Witnesses"), wit)

        self.slips_found = QSpinBox()
        self.slips_found.setRange(0, MAX_SLIPS)
        self.slips_found.setSuffix(self.tr(" slips"))
        self.slips_found.setMaximumWidth(160)
        form.addRow(self.tr("Slips &found"), self.slips_found)
        lay.addLayout(form)
        self.error = FieldError()
        lay.addWidget(self.error)

        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Open session"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        # Enter in the witness field adds a name; it must not also press OK.
        self.ok.setAutoDefault(False)
        cancel.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._box_changed(self.box.currentIndex())

    def _box_changed(self, index: int) -> None:
        if 0 <= index < len(self._boxes):
            self.location.setText(self._boxes[index].location)

    def add_witness(self) -> None:
        name = self.witness_name.text().strip()
        if name:
            self.witnesses.addItem(name)
            self.witness_name.clear()

    def _remove_witness(self) -> None:
        row = self.witnesses.currentRow()
        if row >= 0:
            self.witnesses.takeItem(row)

    def witness_names(self) -> list[str]:
        names = [self.witnesses.item(i).text() for i in range(self.witnesses.count())]
        pending = self.witness_name.text().strip()  # typed but not yet added: still meant
        return [*names, pending] if pending else names

    def accept(self) -> None:
        if self.box.currentData() is None:
            self.error.setText(self.tr("There is no box yet. An admin adds one in Settings."))
            self.error.show()
            return
        opened = self.opened_at.dateTime().toSecsSinceEpoch()
        try:
            self.result_view = self.ctx.services.boxes.open_session(
                box_id=int(self.box.currentData()), opened_by=self.opened_by.text(),
                witnesses=self.witness_names(), slips_found=self.slips_found.value(),
                location=self.location.text(),
                opened_at=datetime.fromtimestamp(opened, UTC))
        except ValidationFailed as exc:
            self.error.show_codes([c for codes in exc.fields.values() for c in codes])
            return
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.sessions_changed.emit()
        super().accept()


class CloseSessionDialog(QDialog):
    """Compare slips found with slips typed in; a difference must be corrected or explained."""

    def __init__(self, ctx: UiContext, session: BoxSessionView, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.result_view: BoxSessionView | None = None
        self.setWindowTitle(self.tr("Close the box session"))
        self.setMinimumWidth(520)
        tz = ZoneInfo(ctx.services.admin.unit().timezone)

        lay = QVBoxLayout(self)
        when = session.opened_at.astimezone(tz).strftime("%d/%m/%Y %H:%M")
        head = QLabel(f"<b>{session.box_name}</b> · {when} · {session.opened_by}")
        lay.addWidget(head)
        form = QFormLayout()
        self.found = QSpinBox()
        self.found.setRange(0, MAX_SLIPS)
        self.found.setValue(session.slips_found)
        self.found.setSuffix(self.tr(" slips"))
        self.found.setMaximumWidth(160)
        self.found.valueChanged.connect(self._compare)
        form.addRow(self.tr("Slips &found in the box"), self.found)
        self.digitised = QLabel(self.tr("%1 slips").replace("%1", str(session.slips_digitised)))
        form.addRow(self.tr("Slips typed in"), self.digitised)
        lay.addLayout(form)
        self.comparison = QLabel()
        self.comparison.setWordWrap(True)
        lay.addWidget(self.comparison)
        self.note_label = QLabel(self.tr("&Note (why the numbers differ)"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note_label.setBuddy(self.note)
        lay.addWidget(self.note_label)
        lay.addWidget(self.note)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Close session"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self._compare()

    def differs(self) -> bool:
        return self.found.value() != self.session.slips_digitised

    def _compare(self) -> None:
        found, typed = self.found.value(), self.session.slips_digitised
        if found == typed:
            self.comparison.setStyleSheet(_OK)
            self.comparison.setText(self.tr("Every slip found has been typed in."))
            self.ok.setText(self.tr("Close session"))
        else:
            self.comparison.setStyleSheet(_WARN)
            if typed < found:
                text = self.tr("The numbers differ: %1 slips found but only %2 typed in, so "
                               "%3 are missing. Type in the missing slips first, or correct "
                               "the count if it was wrong.")
            else:
                text = self.tr("The numbers differ: %1 slips found but %2 typed in, %3 more "
                               "than found. Correct the count if it was wrong.")
            self.comparison.setText(text.replace("%1", str(found)).replace("%2", str(typed))
                                    .replace("%3", str(abs(found - typed))))
            self.ok.setText(self.tr("Close with the difference"))
        self.note_label.setVisible(found != typed)
        self.note.setVisible(found != typed)

    def accept(self) -> None:
        note = self.note.toPlainText().strip()
        if self.differs() and not note:
            # The minutes must say why a slip is missing; a count alone hides the question.
            self.error.setText(self.tr("Write a note on why the numbers differ."))
            self.error.show()
            self.note.setFocus()
            return
        try:
            self.result_view = self.ctx.services.boxes.close_session(
                self.session.id, slips_found=self.found.value(), note=note)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.sessions_changed.emit()
        super().accept()
