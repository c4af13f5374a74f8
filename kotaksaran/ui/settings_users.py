"""Pengaturan › Pengguna: the user table, adding and editing users, passwords and unlocking."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.enums import Role
from ..domain.errors import KotakSaranError
from ..services.users import UserView
from .context import UiContext
from .errors import show_error
from .settings_common import FormDialog, StayOpen, make_read_only_table, yes_no


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _role_combo(current: Role | None = None) -> QComboBox:
    combo = QComboBox()
    for role in Role:
        combo.addItem(i18n.label(i18n.ROLE_LABELS, role.value), role.value)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current.value))
    return combo


class UserDialog(FormDialog):
    """Add a user (with a first password) or edit name, role and whether the account is active."""

    def __init__(self, ctx: UiContext, user: UserView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add user") if user is None else self.tr("Edit user"),
                         self._save, parent)
        self.ctx = ctx
        self.user = user
        self.username = QLineEdit(user.username if user else "")
        self.username.setReadOnly(user is not None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.role = _role_combo(user.role if user else Role.PETUGAS)
        self.add_field(self.tr("Username"), self.username, "username")
        self.add_field(self.tr("Full name"), self.full_name, "full_name")
        self.add_field(self.tr("Role"), self.role, "role")
        self.password = _password_field()
        self.password2 = _password_field()
        self.active = QCheckBox(self.tr("Account is active (may sign in)"))
        if user is None:
            self.add_field(self.tr("Password"), self.password, "password")
            self.add_field(self.tr("Repeat password"), self.password2, "password2")
        else:
            self.active.setChecked(user.active)
            self.add_field("", self.active, "active")

    def _save(self) -> None:
        role = Role(self.role.currentData())
        users = self.ctx.services.users
        if self.user is None:
            if self.password.text() != self.password2.text():
                self.set_message("password2", self.tr("The two passwords are not the same."))
                raise StayOpen()
            users.add(self.username.text(), self.full_name.text(), role, self.password.text())
        else:
            if (self.user.username == self.ctx.services.actor.username
                    and (role != Role.ADMIN or not self.active.isChecked())):
                # Guard against locking the office out of its own settings.
                self.set_message("role", self.tr(
                    "You cannot take away your own admin rights or deactivate yourself."))
                raise StayOpen()
            users.update(self.user.username, full_name=self.full_name.text(), role=role,
                         active=self.active.isChecked())
        self.ctx.bus.reference_changed.emit()


class ChangePasswordDialog(FormDialog):
    """Own password (old one asked unless admin) or an admin's reset of someone else's."""

    def __init__(self, ctx: UiContext, username: str, *, own: bool,
                 parent: QWidget | None = None) -> None:
        title = self.tr("Change password") if own else \
            self.tr("Reset password of %1").replace("%1", username)
        super().__init__(title, self._save, parent)
        self.ctx = ctx
        self.username = username
        self.old = _password_field()
        self.new = _password_field()
        self.new2 = _password_field()
        self.ask_old = own and ctx.services.actor.role != Role.ADMIN
        if self.ask_old:
            self.add_field(self.tr("Current password"), self.old, "old")
        self.add_field(self.tr("New password"), self.new, "password")
        self.add_field(self.tr("Repeat new password"), self.new2, "password2")

    def _save(self) -> None:
        if self.new.text() != self.new2.text():
            self.set_message("password2", self.tr("The two passwords are not the same."))
            raise StayOpen()
        try:
            self.ctx.services.users.set_password(
                self.username, self.new.text(),
                old_password=self.old.text() if self.ask_old else None)
        except KotakSaranError as exc:
            if exc.code == "auth_failed" and self.ask_old:
                self.set_message("old", self.tr("The current password is not right."))
                raise StayOpen() from None
            raise
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("The password was changed."))


class UsersTab(QWidget):
    COLUMNS = ("username", "full_name", "role", "active", "locked", "last_login")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.users: list[UserView] = []
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Username"), self.tr("Full name"), self.tr("Role"), self.tr("Active"),
            self.tr("Locked until"), self.tr("Last sign-in")])
        make_read_only_table(self.table, 1)
        self.table.doubleClicked.connect(self.edit_user)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add user…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.password_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self.unlock)
        for b in (self.add_button, self.edit_button, self.password_button, self.unlock_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.dialog: FormDialog | None = None
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ctx.bus.reference_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            self.users = self.ctx.services.users.list()
            tz = ZoneInfo(self.ctx.services.admin.unit().timezone)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        now = datetime.now(UTC)
        self.table.setRowCount(len(self.users))
        for row, u in enumerate(self.users):
            locked = u.locked_until.astimezone(tz).strftime("%d-%m-%Y %H:%M") \
                if u.locked_until and u.locked_until > now else ""
            last = u.last_login_at.astimezone(tz).strftime("%d-%m-%Y %H:%M") \
                if u.last_login_at else ""
            values = (u.username, u.full_name, i18n.label(i18n.ROLE_LABELS, u.role.value),
                      yes_no(u.active), locked, last)
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, u.username)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self.edit_button, self.password_button):
            b.setEnabled(user is not None)
        self.unlock_button.setEnabled(user is not None and user.locked_until is not None
                                      and user.locked_until > datetime.now(UTC))

    def _open(self, dialog: FormDialog) -> None:
        # open(), not exec(): no nested event loop, and the idle lock can hide the dialog.
        self.dialog = dialog
        dialog.open()

    def add_user(self) -> None:
        self._open(UserDialog(self.ctx, None, self))

    def edit_user(self) -> None:
        user = self.selected()
        if user is not None:
            self._open(UserDialog(self.ctx, user, self))

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None:
            own = user.username == self.ctx.services.actor.username
            self._open(ChangePasswordDialog(self.ctx, user.username, own=own, parent=self))

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            self.ctx.services.users.unlock(user.username)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.ctx.bus.reference_changed.emit()
        QMessageBox.information(self, self.tr("Unlock"), self.tr(
            "%1 can sign in again.").replace("%1", user.username))
