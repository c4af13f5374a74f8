"""Locking the window after idle time: an application-wide input watcher and the lock screen."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ..services.context import Actor
from ..store.db import Store
from .login import LoginForm, logo_pixmap, store_authenticator

# Only what a person does counts as activity; paint and timer events do not.
_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """Emits `idle` once nobody touched keyboard or mouse for `timeout_ms` (0 = never)."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_ms = 0
        self._last_input = time.monotonic()
        # One timer re-armed on expiry (not on every mouse move): input only stamps a time.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    def set_timeout_ms(self, ms: int) -> None:
        self._timeout_ms = max(0, ms)
        self.reset()

    def reset(self) -> None:
        self._last_input = time.monotonic()
        if self._timeout_ms:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if not self._timeout_ms:
            return
        idle_ms = int((time.monotonic() - self._last_input) * 1000)
        if idle_ms >= self._timeout_ms:
            self.idle.emit()
        else:
            self._timer.start(self._timeout_ms - idle_ms)


class LockScreen(QWidget):
    """Covers the window: the same person types their password, or someone else logs in."""

    unlocked = Signal(object)  # the Actor who logged in

    def __init__(self, store: Store, actor: Actor, *, unit_name: str, timezone: str,
                 demo: bool, logo_sha256: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setStyleSheet("QWidget#lockScreen { background: #eceff1; }")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QFrame()
        card.setObjectName("lockCard")
        card.setStyleSheet("QFrame#lockCard { background: white; border: 1px solid #cfd8dc;"
                           " border-radius: 8px; }")
        card.setMinimumWidth(420)
        card.setMaximumWidth(520)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(28, 24, 28, 24)
        self.form = LoginForm(
            store_authenticator(store), unit_name=unit_name, demo=demo, timezone=timezone,
            logo=logo_pixmap(store.data_dir.root, logo_sha256, 64),
            username=actor.username or "",
            prompt=self.tr("The window was locked because nobody used it for a while. Type "
                           "your password to continue, or sign in as another user."),
            parent=card)
        self.form.logged_in.connect(self.unlocked)
        card_layout.addWidget(self.form)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def focus_first(self) -> None:
        self.form.focus_first()
