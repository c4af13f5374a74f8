"""What the side navigation offers: its entries, which roles see them, and the page shown
for parts that later versions fill."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStyle, QVBoxLayout, QWidget

from ..domain.enums import Role

ALL_ROLES = tuple(Role)
STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
SP = QStyle.StandardPixmap


@dataclass(frozen=True)
class NavEntry:
    key: str
    label: str  # English source text; translated in the "MainWindow" context
    icon: QStyle.StandardPixmap
    roles: tuple[Role, ...]
    module: str = ""  # kotaksaran.ui.<module>.<page_class>, for pages built elsewhere
    page_class: str = ""


NAV: tuple[NavEntry, ...] = (
    NavEntry("home", "Home", SP.SP_DirHomeIcon, ALL_ROLES),
    NavEntry(
        "boxes", "Suggestion boxes", SP.SP_DriveHDIcon, STAFF, "box_sessions", "BoxSessionsPage"
    ),
    NavEntry("capture", "Scan & import", SP.SP_ArrowDown, STAFF, "capture", "CapturePage"),
    NavEntry(
        "input",
        "Input",
        SP.SP_FileDialogNewFolder,
        STAFF,
        "submission_editor",
        "SubmissionEditorPage",
    ),
    # Desk staff check slips against the paper here (the verification workspace); the
    # supervisor's approval queue is its own entry below.
    NavEntry(
        "review",
        "Verification",
        SP.SP_DialogApplyButton,
        STAFF,
        "verify_workspace",
        "VerifyWorkspacePage",
    ),
    NavEntry(
        "approval",
        "Review",
        SP.SP_DialogYesButton,
        (Role.SUPERVISOR, Role.ADMIN),
        "submission_list",
        "SubmissionListPage",
    ),
    NavEntry(
        "all",
        "All slips",
        SP.SP_FileDialogDetailedView,
        ALL_ROLES,
        "submission_list",
        "SubmissionListPage",
    ),
    NavEntry("outbox", "Send queue", SP.SP_ArrowUp, (Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN),
             "sync_queue", "SyncQueuePage"),
    NavEntry(
        "reports",
        "Reports",
        SP.SP_FileDialogContentsView,
        (Role.SUPERVISOR, Role.ADMIN, Role.OPERATOR),
        "reports_page",
        "ReportsPage",
    ),
    NavEntry("settings", "Settings", SP.SP_FileDialogInfoView, (Role.ADMIN,)),
)


def nav_label(key: str) -> str:
    labels = {
        "home": QCoreApplication.translate("MainWindow", "Home"),
        "boxes": QCoreApplication.translate("MainWindow", "Suggestion boxes"),
        "capture": QCoreApplication.translate("MainWindow", "Scan & import"),
        "input": QCoreApplication.translate("MainWindow", "Input"),
        "review": QCoreApplication.translate("MainWindow", "Verification"),
        "approval": QCoreApplication.translate("MainWindow", "Review"),
        "all": QCoreApplication.translate("MainWindow", "All slips"),
        "outbox": QCoreApplication.translate("MainWindow", "Send queue"),
        "reports": QCoreApplication.translate("MainWindow", "Reports"),
        "settings": QCoreApplication.translate("MainWindow", "Settings"),
    }
    return labels[key]


class PlaceholderPage(QWidget):
    """A clear page for parts that are not there yet, so no button is ever dead."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        body = QLabel(text)
        body.setObjectName("placeholderText")
        body.setWordWrap(True)
        body.setStyleSheet("font-size: 12pt; color: #455a64;")
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)


def call_if_present(obj: object, method: str, *args: Any) -> bool:
    fn = getattr(obj, method, None)
    if callable(fn):
        fn(*args)
        return True
    return False


