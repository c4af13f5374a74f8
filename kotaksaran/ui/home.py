"""Beranda: a greeting, how many slips sit in each status, open box sessions, quick actions."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.enums import BoxSessionState, Role, Status
from ..domain.errors import KotakSaranError
from .context import UiContext
from .errors import show_error

STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
REVIEWERS = (Role.SUPERVISOR, Role.ADMIN)
# Statuses that still need someone in this office, shown first and highlighted.
NEEDS_WORK = (Status.DRAFT, Status.RETURNED, Status.VERIFIED, Status.APPROVED)


def greeting(hour: int) -> str:
    if 4 <= hour < 11:
        return QCoreApplication.translate("HomePage", "Good morning")
    if 11 <= hour < 15:
        return QCoreApplication.translate("HomePage", "Good afternoon")
    if 15 <= hour < 18:
        return QCoreApplication.translate("HomePage", "Good late afternoon")
    return QCoreApplication.translate("HomePage", "Good evening")


class StatusTile(QFrame):
    """One status with its count; a click asks to see those slips."""

    def __init__(self, status: Status, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"tile_{status.value}")
        highlight = status in NEEDS_WORK
        self.setStyleSheet(
            f"QFrame#tile_{status.value} {{ background: {'#e3f2fd' if highlight else '#f5f5f5'};"
            " border: 1px solid #cfd8dc; border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.count = QLabel("0")
        self.count.setStyleSheet(
            "font-size: 20pt; font-weight: bold; border: none; background: transparent;"
        )
        name = QLabel(i18n.label(i18n.STATUS_LABELS, status.value))
        name.setStyleSheet("border: none; background: transparent;")
        layout.addWidget(self.count)
        layout.addWidget(name)

    def set_count(self, n: int) -> None:
        self.count.setText(f"{n:,}".replace(",", "."))


class HomePage(QWidget):
    """The first page after login. Quick buttons emit signals; the main window navigates."""

    new_slip_requested = Signal()
    open_session_requested = Signal()
    review_requested = Signal()
    session_activated = Signal(int)  # a box session id, from a double-click

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        role = ctx.services.actor.role
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 20)
        outer.setSpacing(16)

        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.greeting.setStyleSheet("font-size: 16pt; font-weight: bold;")
        outer.addWidget(self.greeting)
        self.unit_line = QLabel()
        self.unit_line.setStyleSheet("color: #546e7a;")
        outer.addWidget(self.unit_line)

        actions = QHBoxLayout()
        style = self.style()
        self.new_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.tr("New slip (Ctrl+N)")
        )
        self.new_button.clicked.connect(self.new_slip_requested)
        self.session_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon),
            self.tr("Open a suggestion box session"),
        )
        self.session_button.clicked.connect(self.open_session_requested)
        self.review_button = QPushButton(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton), self.tr("Verify")
        )
        self.review_button.clicked.connect(self.review_requested)
        for b in (self.new_button, self.session_button, self.review_button):
            b.setMinimumHeight(40)
            actions.addWidget(b)
            # Operators sync; they do not capture or review slips.
            b.setVisible(role in STAFF)
        actions.addStretch(1)
        outer.addLayout(actions)

        counts_box = QGroupBox(self.tr("Slips by status"))
        grid = QGridLayout(counts_box)
        grid.setSpacing(10)
        self.tiles: dict[Status, StatusTile] = {}
        for i, status in enumerate(Status):
            tile = StatusTile(status)
            self.tiles[status] = tile
            grid.addWidget(tile, i // 5, i % 5)
        self.total = QLabel()
        grid.addWidget(self.total, 2, 0, 1, 5)
        outer.addWidget(counts_box)

        sessions_box = QGroupBox(self.tr("Open suggestion box sessions"))
        sessions_layout = QVBoxLayout(sessions_box)
        self.sessions = QListWidget()
        self.sessions.setObjectName("openSessions")
        self.sessions.setMaximumHeight(200)  # a handful of boxes; no big empty panel
        self.sessions.itemActivated.connect(
            lambda item: self.session_activated.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        )
        sessions_layout.addWidget(self.sessions)
        self.no_sessions = QLabel(
            self.tr(
                "No box is being processed right now. When you empty a suggestion box, open a "
                "session first so that every slip is counted."
            )
        )
        self.no_sessions.setWordWrap(True)
        self.no_sessions.setStyleSheet("color: #546e7a;")
        sessions_layout.addWidget(self.no_sessions)
        outer.addWidget(sessions_box)
        outer.addStretch(1)

        # Refresh only what this page shows, and only when it is on screen (see showEvent).
        ctx.bus.submissions_changed.connect(self._mark_stale)
        ctx.bus.sessions_changed.connect(self._mark_stale)
        ctx.bus.reference_changed.connect(self._mark_stale)

    def _mark_stale(self, *_args: object) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        svc = self.ctx.services
        try:
            unit = svc.admin.unit()
            counts = svc.listing.status_counts()
            sessions = svc.boxes.sessions(state=BoxSessionState.OPEN)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        hour = datetime.now(ZoneInfo(unit.timezone)).hour
        name = svc.actor.full_name or svc.actor.username or ""
        self.greeting.setText(f"{greeting(hour)}, {name}")
        self.unit_line.setText(f"{unit.name} · {i18n.label(i18n.ROLE_LABELS, svc.actor.role)}")
        for status, tile in self.tiles.items():
            tile.set_count(counts.get(status, 0))
        total = sum(counts.values())
        self.total.setText(self.tr("Total slips: %n", "", total))
        to_review = counts.get(Status.VERIFIED, 0)
        self.review_button.setText(
            self.tr("Verify (%n waiting for review)", "", to_review)
            if svc.actor.role in REVIEWERS
            else self.tr("Verify")
        )
        self.sessions.clear()
        tz = ZoneInfo(unit.timezone)
        for bs in sessions:
            opened = bs.opened_at.astimezone(tz).strftime("%d-%m-%Y %H:%M")
            text = (
                self.tr("%1 — opened %2 by %3 · %4 of %5 slips entered")
                .replace("%1", bs.box_name)
                .replace("%2", opened)
                .replace("%3", bs.opened_by)
                .replace("%4", str(bs.slips_digitised))
                .replace("%5", str(bs.slips_found))
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, bs.id)
            self.sessions.addItem(item)
        self.sessions.setVisible(bool(sessions))
        self.no_sessions.setVisible(not sessions)
