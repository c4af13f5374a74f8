"""First start on a new data folder: the unit, its default box, the time zone and the admin."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from .. import i18n
from ..domain.errors import KotakSaranError, ValidationFailed
from ..domain.numbering import normalize_code
from ..domain.seed import load_unit_types
from ..services.config import SPECS
from ..services.context import Actor
from ..services.setup import AdminInput, UnitInput, initialize
from ..store.db import Store
from ..store.errors import translated
from .errors import show_error
from .settings_common import error_label

TIMEZONES = (
    ("Asia/Jakarta", "WIB — Asia/Jakarta"),
    ("Asia/Makassar", "WITA — Asia/Makassar"),
    ("Asia/Jayapura", "WIT — Asia/Jayapura"),
)
IMAGE_FILTER = "Gambar (*.png *.jpg *.jpeg *.bmp *.gif)"
# Logos are shown small; a phone photo is scaled down rather than stored at full size.
MAX_LOGO_SIDE = 600


class LogoError(Exception):
    """The chosen file is not an image Qt can read."""


def timezone_combo() -> QComboBox:
    combo = QComboBox()
    for tz, text in TIMEZONES:
        combo.addItem(text, tz)
    return combo


def copy_logo(data_root: Path, source: Path) -> str:
    """Store the logo as `<data dir>/blobs/<sha256>` (the blob store's naming) and return the
    hash. Large pictures are scaled down to PNG first."""
    image = QImage(str(source))
    if image.isNull():
        raise LogoError(str(source))
    if max(image.width(), image.height()) > MAX_LOGO_SIDE:
        scaled = image.scaled(MAX_LOGO_SIDE, MAX_LOGO_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        scaled.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; str works
        data = bytes(QByteArray(buffer.data()).data())
    else:
        with translated(data_root):
            data = source.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    blobs = data_root / "blobs"
    target = blobs / sha
    with translated(data_root):
        blobs.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(data)
            os.replace(tmp, target)  # never leave a half-written file under its final name
    return sha


class _Page(QWizardPage):
    """A page of labelled fields with an error line under each."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout(self)
        self.errors: dict[str, QLabel] = {}

    def add(self, label: str, widget: QWidget | QHBoxLayout, field: str) -> None:
        self.form.addRow(label, widget)
        err = error_label()
        self.errors[field] = err
        self.form.addRow("", err)

    def show_problem(self, field: str, text: str) -> None:
        self.errors[field].setText(text)
        self.errors[field].setVisible(bool(text))

    def clear_problems(self) -> None:
        for name in self.errors:
            self.show_problem(name, "")


class SetupWizard(QWizard):
    """On Finish, `open_store()` creates the data folder and database and the unit is set up;
    `store` and `actor` are then set."""

    def __init__(self, data_dir: Path, open_store: Callable[[], Store],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kotak Saran Digital — first start"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 560)
        # Qt ships no Indonesian catalogue for its own buttons, so name them here.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< &Back")),
            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self._open_store = open_store
        self.store: Store | None = None
        self.actor: Actor | None = None
        self.logo_sha256: str | None = None
        self._logo_path: Path | None = None
        self.data_dir = data_dir

        self.unit_page = _Page(self.tr("Your office"), self.tr(
            "Welcome! This computer keeps its data in %1. First tell the program which office "
            "uses it.").replace("%1", str(data_dir)))
        p = self.unit_page
        self.code = QLineEdit()
        self.code.setObjectName("unitCode")
        self.code.setPlaceholderText(self.tr("e.g. KLBS (capital letters and digits)"))
        self.code.setMaxLength(12)
        self.name = QLineEdit()
        self.name.setObjectName("unitName")
        self.name.setPlaceholderText(self.tr("e.g. Kelurahan Batu Selicin"))
        self.unit_type = QComboBox()
        for t in load_unit_types():
            self.unit_type.addItem(t.name, t.code)
        self.address = QLineEdit()
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel(self.tr("(no logo)"))
        self.logo_preview.setFixedHeight(56)
        logo_button = QPushButton(self.tr("Choose logo…"))
        logo_button.clicked.connect(self.choose_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(logo_button)
        logo_row.addStretch(1)
        p.add(self.tr("Unit code"), self.code, "code")
        p.add(self.tr("Unit name"), self.name, "name")
        p.add(self.tr("Unit type"), self.unit_type, "unit_type")
        p.add(self.tr("Address"), self.address, "address")
        p.add(self.tr("Logo (optional)"), logo_row, "logo")

        self.box_page = _Page(self.tr("Suggestion box and time"), self.tr(
            "The box that stands in your office. More boxes can be added later in Settings."))
        b = self.box_page
        self.box_name = QLineEdit(self.tr("Suggestion box"))
        self.box_name.setObjectName("boxName")
        self.box_location = QLineEdit()
        self.box_location.setPlaceholderText(self.tr("e.g. Lobi pelayanan lantai 1"))
        self.timezone = timezone_combo()
        b.add(self.tr("Box name"), self.box_name, "box_name")
        b.add(self.tr("Where the box stands"), self.box_location, "box_location")
        b.add(self.tr("Time zone"), self.timezone, "timezone")

        self.admin_page = _Page(self.tr("Administrator account"), self.tr(
            "The admin manages users, the unit profile, agencies and categories. Write the "
            "password down and keep it somewhere safe."))
        a = self.admin_page
        self.username = QLineEdit()
        self.username.setObjectName("adminUsername")
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.full_name = QLineEdit()
        self.full_name.setObjectName("adminFullName")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("adminPassword2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        a.add(self.tr("Username"), self.username, "username")
        a.add(self.tr("Full name"), self.full_name, "full_name")
        a.add(self.tr("Password"), self.password, "password")
        a.add(self.tr("Repeat password"), self.password2, "password2")

        for page in (self.unit_page, self.box_page, self.admin_page):
            self.addPage(page)
        self._field_page = {name: page for page in (self.unit_page, self.box_page,
                                                    self.admin_page) for name in page.errors}

    # --- logo -----------------------------------------------------------------------------
    def choose_logo(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose logo"), "", IMAGE_FILTER)
        if path:
            self.set_logo(Path(path))

    def set_logo(self, path: Path) -> None:
        """Remember the picture; it is copied into the data folder only on Finish."""
        pix = QPixmap(str(path))
        if pix.isNull():
            self.unit_page.show_problem("logo", self.tr(
                "That file is not a picture the program can read (use PNG or JPG)."))
            return
        self.unit_page.show_problem("logo", "")
        self._logo_path = path
        self.logo_preview.setPixmap(pix.scaledToHeight(
            48, Qt.TransformationMode.SmoothTransformation))

    # --- checks ---------------------------------------------------------------------------
    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        if isinstance(page, _Page):
            page.clear_problems()
        required = self.tr("This field is required.")
        ok = True
        if page is self.unit_page:
            try:
                normalize_code(self.code.text())
            except ValueError:
                self.unit_page.show_problem("code", i18n.problem_message("code_format"))
                ok = False
            if not self.name.text().strip():
                self.unit_page.show_problem("name", required)
                ok = False
        elif page is self.box_page:
            if not self.box_name.text().strip():
                self.box_page.show_problem("box_name", required)
                ok = False
        elif page is self.admin_page:
            ok = self._check_admin(required)
            if ok:
                ok = self._finish()
        return ok

    def _check_admin(self, required: str) -> bool:
        a = self.admin_page
        ok = True
        for name, widget in (("username", self.username), ("full_name", self.full_name)):
            if not widget.text().strip():
                a.show_problem(name, required)
                ok = False
        minimum = int(SPECS["auth.min_password_length"].default)
        if len(self.password.text()) < minimum:
            a.show_problem("password", self.tr("Use at least %n characters.", "", minimum))
            ok = False
        elif self.password.text() != self.password2.text():
            a.show_problem("password2", self.tr("The two passwords are not the same."))
            ok = False
        return ok

    def _finish(self) -> bool:
        try:
            if self.store is None:
                self.store = self._open_store()
            if self._logo_path is not None and self.logo_sha256 is None:
                try:
                    self.logo_sha256 = copy_logo(self.store.data_dir.root, self._logo_path)
                except LogoError:
                    self.logo_sha256 = None
            self.actor = initialize(
                self.store,
                UnitInput(code=self.code.text(), name=self.name.text(),
                          unit_type=str(self.unit_type.currentData()),
                          address=self.address.text(), timezone=str(self.timezone.currentData()),
                          box_name=self.box_name.text(), box_location=self.box_location.text(),
                          logo_sha256=self.logo_sha256),
                AdminInput(self.username.text(), self.full_name.text(), self.password.text()))
        except ValidationFailed as exc:
            self._show_service_problems(exc.fields)
            return False
        except KotakSaranError as exc:
            show_error(self, exc)
            return False
        return True

    def _show_service_problems(self, fields: dict[str, list[str]]) -> None:
        first: _Page | None = None
        for name, codes in fields.items():
            page = self._field_page.get(name, self.admin_page)
            text = " ".join(i18n.problem_message(c) for c in codes)
            page.show_problem(name if name in page.errors else "username", text)
            first = first or page
        # Go back to the first page with a problem; what was typed stays.
        while first is not None and self.currentPage() is not first and self.currentId() > 0:
            self.back()
