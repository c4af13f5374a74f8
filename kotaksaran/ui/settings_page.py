"""Pengaturan: tabs for the unit, users, agencies, categories, days off and preferences.

Admins see every tab; other roles only "My account" (their password and language). The
services check permissions again: hiding is for clarity, not for security.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.enums import Role
from ..domain.errors import KotakSaranError
from ..services.config import SettingSpec
from .context import UiContext
from .errors import show_error

# Settings a person should not flip from the window: demo data must stay marked as demo.
READ_ONLY_KEYS = frozenset({"mode.demo"})
LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))


def setting_label(key: str, fallback: str) -> str:
    """Labels for the declared settings, in the window's language."""
    labels = {
        "review.allow_self_approval": QCoreApplication.translate(
            "PreferencesTab", "A supervisor may approve a slip they typed (one-person office)"
        ),
        "ui.idle_lock_minutes": QCoreApplication.translate(
            "PreferencesTab", "Lock the window after this many idle minutes (0 = never)"
        ),
        "ui.autosave_seconds": QCoreApplication.translate(
            "PreferencesTab", "Save a draft this many seconds after the last keystroke"
        ),
        "ui.language": QCoreApplication.translate("PreferencesTab", "Language of the window"),
        "auth.max_failed_logins": QCoreApplication.translate(
            "PreferencesTab", "Wrong passwords in a row before an account locks"
        ),
        "auth.lockout_minutes": QCoreApplication.translate(
            "PreferencesTab", "Minutes a locked account stays locked"
        ),
        "auth.min_password_length": QCoreApplication.translate(
            "PreferencesTab", "Shortest password accepted"
        ),
        "desk.code": QCoreApplication.translate(
            "PreferencesTab", "Desk code in local numbers (offices with several desks)"
        ),
        "numbering.prefix": QCoreApplication.translate("PreferencesTab", "Prefix of local numbers"),
        "sla.respon_awal_days": QCoreApplication.translate(
            "PreferencesTab", "Working days to the initial response"
        ),
        "sla.tindak_lanjut_days": QCoreApplication.translate(
            "PreferencesTab", "Working days to the follow-up"
        ),
        "sla.auto_close_days": QCoreApplication.translate(
            "PreferencesTab", "Working days after a follow-up without reply before closing"
        ),
        "sla.ombudsman_days": QCoreApplication.translate(
            "PreferencesTab", "Working days after which Ombudsman RI takes over"
        ),
        "calendar.include_cuti_bersama": QCoreApplication.translate(
            "PreferencesTab", "Count the government's cuti bersama as days off"
        ),
        "mode.demo": QCoreApplication.translate(
            "PreferencesTab", "This data folder holds demo data"
        ),
    }
    return labels.get(key, fallback)


class PreferencesTab(QWidget):
    """Every declared setting with the widget that fits its type; Save writes the changes."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editors: dict[str, QWidget] = {}
        self.loaded: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.sections = QVBoxLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = QPushButton(self.tr("Save preferences"))
        self.save_button.setObjectName("savePreferences")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        outer.addLayout(row)
        try:
            settings = ctx.services.config.all()
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        by_key = dict((spec.key, (spec, value)) for spec, value in settings)
        placed: set[str] = set()
        for title, keys in self._groups():
            present = [k for k in keys if k in by_key]
            if present:
                self._add_group(title, [by_key[k] for k in present])
                placed.update(present)
        rest = [by_key[k] for k in by_key if k not in placed]
        if rest:  # settings declared after this page was written still get a widget
            self._add_group(self.tr("Other"), rest)
        self.sections.addStretch(1)

    def _groups(self) -> list[tuple[str, tuple[str, ...]]]:
        return [
            (self.tr("Window"), ("ui.language", "ui.idle_lock_minutes", "ui.autosave_seconds")),
            (self.tr("Sign-in"), ("auth.max_failed_logins", "auth.lockout_minutes",
                                  "auth.min_password_length")),
            (self.tr("Review"), ("review.allow_self_approval",)),
            (self.tr("Local numbers"), ("numbering.prefix", "desk.code")),
            (self.tr("Deadlines (working days)"), (
                "sla.respon_awal_days", "sla.tindak_lanjut_days", "sla.auto_close_days",
                "sla.ombudsman_days", "calendar.include_cuti_bersama")),
            (self.tr("Data"), ("mode.demo",)),
        ]

    def _add_group(self, title: str, items: list[tuple[SettingSpec, Any]]) -> None:
        box = QGroupBox(title)
        form = QFormLayout(box)
        # Short fields beside their labels read better than full-width boxes.
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for spec, value in items:
            editor = self._editor(spec, value)
            editor.setEnabled(spec.key not in READ_ONLY_KEYS)
            form.addRow(setting_label(spec.key, spec.description), editor)
            self.editors[spec.key] = editor
            self.loaded[spec.key] = value
        self.sections.addWidget(box)

    @staticmethod
    def _editor(spec: SettingSpec, value: Any) -> QWidget:
        if spec.type is bool:
            box = QCheckBox()
            box.setChecked(bool(value))
            return box
        if spec.type is int:
            spin = QSpinBox()
            spin.setRange(
                spec.minimum if spec.minimum is not None else 0,
                spec.maximum if spec.maximum is not None else 1_000_000,
            )
            spin.setValue(int(value))
            spin.setMinimumWidth(90)
            return spin
        if spec.choices:
            combo = QComboBox()
            names = dict(LANGUAGES) if spec.key == "ui.language" else {}
            for choice in spec.choices:
                combo.addItem(names.get(choice, choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        line = QLineEdit(str(value))
        line.setMinimumWidth(160)
        return line

    @staticmethod
    def value_of(editor: QWidget) -> Any:
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        assert isinstance(editor, QLineEdit)
        return editor.text().strip()

    def save(self) -> None:
        changed = {
            key: self.value_of(ed)
            for key, ed in self.editors.items()
            if key not in READ_ONLY_KEYS and self.value_of(ed) != self.loaded[key]
        }
        for key, value in changed.items():
            try:
                self.loaded[key] = self.ctx.services.config.set(key, value)
            except KotakSaranError as exc:
                show_error(self, exc)
                return
        if changed:
            self.ctx.bus.reference_changed.emit()
        note = self.tr("Saved.")
        if "ui.language" in changed:
            note += " " + self.tr("The language applies the next time you sign in.")
        QMessageBox.information(self, self.tr("Preferences"), note)


class AccountTab(QWidget):
    """The signed-in person's own account: who they are, password, language."""

    language_chosen = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.services.actor
        layout = QVBoxLayout(self)
        box = QGroupBox(self.tr("My account"))
        form = QFormLayout(box)
        form.addRow(self.tr("Name"), QLabel(actor.full_name))
        form.addRow(self.tr("Username"), QLabel(actor.username or ""))
        form.addRow(self.tr("Role"), QLabel(i18n.label(i18n.ROLE_LABELS, actor.role)))
        self.password_button = QPushButton(self.tr("Change password…"))
        self.password_button.clicked.connect(self.change_password)
        form.addRow("", self.password_button)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.language)))
        self.language.activated.connect(
            lambda _i: self.language_chosen.emit(str(self.language.currentData()))
        )
        form.addRow(self.tr("Language"), self.language)
        layout.addWidget(box)
        layout.addStretch(1)
        self.dialog: QWidget | None = None

    def change_password(self) -> None:
        from .settings_users import ChangePasswordDialog

        dialog = ChangePasswordDialog(
            self.ctx, self.ctx.services.actor.username or "", own=True, parent=self
        )
        self.dialog = dialog
        dialog.open()


class SettingsPage(QWidget):
    language_chosen = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        layout.addWidget(self.tabs)
        if ctx.services.actor.role == Role.ADMIN:
            from .settings_calendar import DaysOffTab
            from .settings_reference import AgenciesTab, CategoriesTab
            from .settings_unit import UnitTab
            from .settings_users import UsersTab

            self.unit_tab = UnitTab(ctx)
            self.users_tab = UsersTab(ctx)
            self.agencies_tab = AgenciesTab(ctx)
            self.categories_tab = CategoriesTab(ctx)
            self.days_off_tab = DaysOffTab(ctx)
            self.preferences_tab = PreferencesTab(ctx)
            self.tabs.addTab(self.unit_tab, self.tr("Unit"))
            self.tabs.addTab(self.users_tab, self.tr("Users"))
            self.tabs.addTab(self.agencies_tab, self.tr("Agencies"))
            self.tabs.addTab(self.categories_tab, self.tr("Categories"))
            self.tabs.addTab(self.days_off_tab, self.tr("Days off"))
            self.tabs.addTab(self.preferences_tab, self.tr("Preferences"))
            from .settings_sync import SyncSettingsTab

            self.sync_tab = SyncSettingsTab(ctx)
            self.tabs.addTab(self.sync_tab, SyncSettingsTab.title())
        self.account_tab = AccountTab(ctx)
        self.account_tab.language_chosen.connect(self.language_chosen)
        self.tabs.addTab(self.account_tab, self.tr("My account"))
