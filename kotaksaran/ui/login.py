"""Logging in: the form (also used by the idle lock screen) and the start-up login dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.errors import AccountLocked, AuthFailed, KotakSaranError
from ..services.context import Actor
from ..services.users import login
from ..store.db import Store
from .errors import show_error

# Called with (username, password); returns the actor or raises AuthFailed / AccountLocked.
Authenticator = Callable[[str, str], Actor]


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str


def store_authenticator(store: Store) -> Authenticator:
    def check(username: str, password: str) -> Actor:
        return login(store, username, password, datetime.now(UTC))

    return check


def demo_accounts() -> list[DemoAccount]:
    """The demo users, when the demo generator is installed (it may land after this file)."""
    try:
        from ..services.demo import DEMO_USERS  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return []
    items = DEMO_USERS.items() if isinstance(DEMO_USERS, dict) else DEMO_USERS
    return [a for a in (_demo_account(item) for item in items) if a is not None]


def _demo_account(item: Any) -> DemoAccount | None:
    """One entry of DEMO_USERS: a record or mapping with username/password/role, or a tuple
    (username, password[, role]); a dict item is (username, record-or-tuple)."""

    def get(obj: Any, name: str) -> Any:
        return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)

    if isinstance(item, tuple) and len(item) == 2 and not isinstance(item[1], str):
        username, rest = item
        if isinstance(rest, tuple | list):
            password, role = [*rest, "", ""][:2]
        else:
            password, role = get(rest, "password"), get(rest, "role")
    elif isinstance(item, tuple | list):
        username, password, role = [*item, "", "", ""][:3]
    else:
        username, password, role = get(item, "username"), get(item, "password"), \
            get(item, "role")
    if not username:
        return None
    return DemoAccount(str(username), str(password or ""),
                       str(getattr(role, "value", role) or ""))


def locked_message(exc: AccountLocked, timezone: str) -> str:
    """The lockout message with the end time as a local clock time, not a UTC timestamp."""
    until = exc.params.get("until")
    try:
        when = datetime.fromisoformat(str(until)).astimezone(ZoneInfo(timezone))
        shown = when.strftime("%H:%M")
    except (TypeError, ValueError, KeyError):
        shown = str(until)
    return i18n.error_message(AccountLocked(until=shown, username=exc.params.get("username")))


def logo_pixmap(data_root: Path, sha256: str | None, height: int) -> QPixmap | None:
    if not sha256:
        return None
    pix = QPixmap(str(data_root / "blobs" / sha256))
    if pix.isNull():
        return None
    return pix.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)


class LoginForm(QWidget):
    """Unit header, username, password and "Masuk"; emits `logged_in(actor)` on success."""

    logged_in = Signal(object)

    def __init__(self, authenticate: Authenticator, *, unit_name: str, demo: bool,
                 timezone: str = "Asia/Jakarta", logo: QPixmap | None = None,
                 username: str = "", prompt: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._authenticate = authenticate
        self._timezone = timezone
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        if logo is not None:
            logo_label = QLabel()
            logo_label.setPixmap(logo)
            logo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(logo_label)
        title = QLabel(self.tr("Kotak Saran Digital"))
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        layout.addWidget(title)
        unit = QLabel(unit_name)
        unit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        unit.setStyleSheet("font-size: 12pt;")
        unit.setWordWrap(True)
        layout.addWidget(unit)
        self.demo_label = QLabel(self.tr("DEMO MODE — practice data, not real reports"))
        self.demo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_label.setStyleSheet(
            "color: white; background: #c62828; padding: 4px; font-weight: bold;")
        self.demo_label.setVisible(demo)
        layout.addWidget(self.demo_label)
        if prompt:
            hint = QLabel(prompt)
            hint.setWordWrap(True)
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(hint)

        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        layout.addLayout(form)

        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        self.message.hide()
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.submit = QPushButton(self.tr("Sign in"))
        self.submit.setObjectName("signIn")
        self.submit.setDefault(True)
        self.submit.setAutoDefault(True)
        self.submit.clicked.connect(self.try_login)
        buttons.addWidget(self.submit)
        layout.addLayout(buttons)
        self.password.returnPressed.connect(self.try_login)
        self.username.returnPressed.connect(self.password.setFocus)

        self.demo_list: QListWidget | None = None
        accounts = demo_accounts() if demo else []
        if accounts:
            layout.addWidget(QLabel(self.tr("Demo accounts (click to fill in):")))
            self.demo_list = QListWidget()
            self.demo_list.setMaximumHeight(110)
            for acc in accounts:
                role = i18n.label(i18n.ROLE_LABELS, acc.role) if acc.role else ""
                text = f"{acc.username} / {acc.password}" + (f"  ({role})" if role else "")
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (acc.username, acc.password))
                self.demo_list.addItem(item)
            self.demo_list.itemClicked.connect(self._fill_demo)
            layout.addWidget(self.demo_list)

    def focus_first(self) -> None:
        (self.password if self.username.text() else self.username).setFocus()

    def _fill_demo(self, item: QListWidgetItem) -> None:
        username, password = item.data(Qt.ItemDataRole.UserRole)
        self.username.setText(username)
        self.password.setText(password)
        self.submit.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def try_login(self) -> None:
        username = self.username.text().strip()
        if not username:
            self.show_message(self.tr("Type your username."))
            self.username.setFocus()
            return
        try:
            actor = self._authenticate(username, self.password.text())
        except AccountLocked as exc:
            self.show_message(locked_message(exc, self._timezone))
            self.password.clear()
            return
        except AuthFailed as exc:
            self.show_message(i18n.error_message(exc))
            self.password.clear()
            self.password.setFocus()
            return
        except KotakSaranError as exc:  # e.g. the database vanished: a calm dialog
            show_error(self, exc)
            return
        self.password.clear()
        self.show_message("")
        self.logged_in.emit(actor)


class LoginDialog(QDialog):
    """The start-up login; `actor` holds who logged in once the dialog is accepted."""

    def __init__(self, authenticate: Authenticator, *, unit_name: str, demo: bool,
                 timezone: str = "Asia/Jakarta", logo: QPixmap | None = None,
                 username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign in — Kotak Saran Digital"))
        self.actor: Actor | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        self.form = LoginForm(authenticate, unit_name=unit_name, demo=demo, timezone=timezone,
                              logo=logo, username=username, parent=self)
        self.form.logged_in.connect(self._accepted)
        layout.addWidget(self.form)
        self.setMinimumWidth(420)
        self.form.focus_first()

    def _accepted(self, actor: Actor) -> None:
        self.actor = actor
        self.accept()
