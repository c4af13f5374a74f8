"""Pengaturan › Unit: the office profile (name, type, address, time zone, logo) and its boxes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.errors import KotakSaranError, ValidationFailed
from ..domain.seed import load_unit_types
from ..services.boxes import BoxView
from .context import UiContext
from .errors import show_error
from .login import logo_pixmap
from .settings_common import FormDialog, error_label, yes_no
from .setup_wizard import IMAGE_FILTER, LogoError, copy_logo, timezone_combo


class BoxDialog(FormDialog):
    def __init__(self, ctx: UiContext, box: BoxView | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add box") if box is None else self.tr("Edit box"),
                         self._save, parent)
        self.ctx = ctx
        self.box = box
        self.code = QLineEdit(box.code if box else "")
        self.code.setReadOnly(box is not None)
        self.code.setPlaceholderText(self.tr("e.g. K2"))
        self.name = QLineEdit(box.name if box else "")
        self.location = QLineEdit(box.location if box else "")
        self.location.setPlaceholderText(self.tr("e.g. Lobi pelayanan lantai 1"))
        self.active = QCheckBox(self.tr("In use"))
        self.active.setChecked(box.active if box else True)
        self.default = QCheckBox(self.tr("Default box for new sessions"))
        self.default.setChecked(box.is_default if box else False)
        self.add_field(self.tr("Code"), self.code, "code")
        self.add_field(self.tr("Name"), self.name, "name")
        self.add_field(self.tr("Location"), self.location, "location")
        if box is not None:
            self.add_field("", self.active, "active")
        self.add_field("", self.default, "default")

    def _save(self) -> None:
        boxes = self.ctx.services.boxes
        if self.box is None:
            boxes.add_box(self.code.text(), self.name.text(), self.location.text(),
                          make_default=self.default.isChecked())
        else:
            if not self.name.text().strip():
                raise ValidationFailed({"name": ["required"]})
            boxes.update_box(self.box.id, name=self.name.text().strip(),
                             location=self.location.text().strip(),
                             active=self.active.isChecked(),
                             make_default=self.default.isChecked() and not self.box.is_default)
        self.ctx.bus.sessions_changed.emit()
        self.ctx.bus.reference_changed.emit()


class UnitTab(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.boxes: list[BoxView] = []
        self._logo_sha: str | None = None
        layout = QVBoxLayout(self)

        profile = QGroupBox(self.tr("Unit profile"))
        form = QFormLayout(profile)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code.setToolTip(self.tr("The code is part of every local number and cannot "
                                     "change once slips exist."))
        self.name = QLineEdit()
        self.name.setObjectName("unitName")
        self.unit_type = QComboBox()
        for t in load_unit_types():
            self.unit_type.addItem(t.name, t.code)
        self.address = QLineEdit()
        self.timezone = timezone_combo()
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(72, 72)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setStyleSheet("border: 1px solid #cfd8dc;")
        logo_button = QPushButton(self.tr("Choose logo…"))
        logo_button.clicked.connect(self.choose_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(logo_button)
        logo_row.addStretch(1)
        self.name_error = error_label()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("Type"), self.unit_type)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Logo"), logo_row)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save profile"))
        self.save_button.clicked.connect(self.save_profile)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)
        layout.addWidget(profile)

        boxes = QGroupBox(self.tr("Suggestion boxes"))
        bl = QVBoxLayout(boxes)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("boxesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name"),
                                              self.tr("Location"), self.tr("Default"),
                                              self.tr("In use")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.edit_box)
        bl.addWidget(self.table)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add box…"))
        add.clicked.connect(self.add_box)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_box)
        buttons.addWidget(add)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        bl.addLayout(buttons)
        layout.addWidget(boxes, 1)
        self.dialog: FormDialog | None = None
        ctx.bus.reference_changed.connect(self.refresh_boxes)
        self.load_profile()
        self.refresh_boxes()

    def load_profile(self) -> None:
        try:
            unit = self.ctx.services.admin.unit()
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.code.setText(unit.code)
        self.name.setText(unit.name)
        idx = self.unit_type.findData(unit.unit_type)
        if idx < 0:
            self.unit_type.addItem(unit.unit_type, unit.unit_type)
            idx = self.unit_type.count() - 1
        self.unit_type.setCurrentIndex(idx)
        self.address.setText(unit.address)
        if self.timezone.findData(unit.timezone) < 0:
            self.timezone.addItem(unit.timezone, unit.timezone)
        self.timezone.setCurrentIndex(self.timezone.findData(unit.timezone))
        self._logo_sha = unit.logo_sha256
        self._show_logo()

    def _show_logo(self) -> None:
        pix = logo_pixmap(self.ctx.services.store.data_dir.root, self._logo_sha, 64)
        if pix is None:
            self.logo_preview.setText(self.tr("(none)"))
        else:
            self.logo_preview.setPixmap(pix)

    def choose_logo(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose logo"), "",
                                               IMAGE_FILTER)
        if not path:
            return
        try:
            self._logo_sha = copy_logo(self.ctx.services.store.data_dir.root, Path(path))
        except LogoError:
            self.name_error.setText(self.tr("That file is not a picture the program can read "
                                            "(use PNG or JPG)."))
            self.name_error.show()
            return
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self._show_logo()

    def save_profile(self) -> None:
        self.name_error.hide()
        try:
            self.ctx.services.admin.update_unit(
                name=self.name.text().strip(), unit_type=str(self.unit_type.currentData()),
                address=self.address.text().strip(), timezone=str(self.timezone.currentData()),
                logo_sha256=self._logo_sha)
        except ValidationFailed as exc:
            self.name_error.setText(i18n.field_problems_text(exc.fields))
            self.name_error.show()
            return
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.reference_changed.emit()

    def refresh_boxes(self) -> None:
        try:
            self.boxes = self.ctx.services.boxes.boxes(include_inactive=True)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.table.setRowCount(len(self.boxes))
        for row, b in enumerate(self.boxes):
            for col, text in enumerate((b.code, b.name, b.location, yes_no(b.is_default),
                                        yes_no(b.active))):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnToContents(1)

    def selected_box(self) -> BoxView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.boxes[rows[0].row()] if rows else None

    def add_box(self) -> None:
        self.dialog = BoxDialog(self.ctx, None, self)
        self.dialog.open()

    def edit_box(self) -> None:
        box = self.selected_box()
        if box is not None:
            self.dialog = BoxDialog(self.ctx, box, self)
            self.dialog.open()
