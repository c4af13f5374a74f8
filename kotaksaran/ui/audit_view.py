"""The audit trail of one slip: who did what and when, with each field's old and new value."""

from __future__ import annotations

from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.errors import KotakSaranError
from ..services.audit import AuditView
from ..services.views import EDITABLE_FIELDS
from .context import UiContext
from .errors import show_error

_CTX = "AuditDialog"
ACTION_LABELS: dict[str, str] = {
    "create": str(QT_TRANSLATE_NOOP("AuditDialog", "Created")),
    "autosave": str(QT_TRANSLATE_NOOP("AuditDialog", "Saved while typing")),
    "edit": str(QT_TRANSLATE_NOOP("AuditDialog", "Edited")),
    "status_draft": str(QT_TRANSLATE_NOOP("AuditDialog", "Back to draft")),
    "status_verified": str(QT_TRANSLATE_NOOP("AuditDialog", "Verified")),
    "status_returned": str(QT_TRANSLATE_NOOP("AuditDialog", "Returned")),
    "status_rejected": str(QT_TRANSLATE_NOOP("AuditDialog", "Rejected")),
    "status_approved": str(QT_TRANSLATE_NOOP("AuditDialog", "Approved")),
    "status_queued": str(QT_TRANSLATE_NOOP("AuditDialog", "Queued for sending")),
    "status_sent": str(QT_TRANSLATE_NOOP("AuditDialog", "Sent")),
    "status_registered": str(QT_TRANSLATE_NOOP("AuditDialog", "Registered upstream")),
    "status_closed": str(QT_TRANSLATE_NOOP("AuditDialog", "Closed")),
    "import": str(QT_TRANSLATE_NOOP("AuditDialog", "Imported from a file or scanner")),
    "page_move": str(QT_TRANSLATE_NOOP("AuditDialog", "Page moved")),
    "page_rotate": str(QT_TRANSLATE_NOOP("AuditDialog", "Page rotated")),
    "page_delete": str(QT_TRANSLATE_NOOP("AuditDialog", "Page deleted")),
    "page_restore": str(QT_TRANSLATE_NOOP("AuditDialog", "Page restored")),
    "page_split": str(QT_TRANSLATE_NOOP("AuditDialog", "Pages split off")),
    "page_merge": str(QT_TRANSLATE_NOOP("AuditDialog", "Pages merged")),
    "document_print": str(QT_TRANSLATE_NOOP("AuditDialog", "Printed or saved as PDF")),
}
_LONG = 80  # longer values (the report text) are cut in the list; the tooltip has them whole
# Changes are listed in the order of the form, not alphabetically by column name.
_ORDER = {name: i for i, name in enumerate(("status", "status_reason", *EDITABLE_FIELDS))}


def action_label(action: str) -> str:
    text = ACTION_LABELS.get(action)
    return QCoreApplication.translate(_CTX, text) if text else action


def actor_label(actor: str) -> str:
    """'user:siti' reads as 'siti'; 'cli:budi' stays marked as the command line."""
    return actor.removeprefix("user:")


def _value(field: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("AuditDialog", "yes") if value else \
            QCoreApplication.translate("AuditDialog", "no")
    if field in ("status", "new_status"):
        return i18n.label(i18n.STATUS_LABELS, str(value))
    if field == "classification":
        return i18n.label(i18n.CLASSIFICATION_LABELS, str(value))
    if field == "channel":
        return i18n.label(i18n.CHANNEL_LABELS, str(value))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if field == "event_date" and isinstance(value, str):
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            pass
    return f"'{value}'"


def change_text(change: dict[str, Any], *, cut: bool = True) -> str:
    """"Judul: 'a' → 'b'" (field names through i18n.FIELD_LABELS)."""
    field = str(change.get("field", ""))
    if field in i18n.FIELD_LABELS:
        name = i18n.label(i18n.FIELD_LABELS, field)
    elif field == "status":
        name = QCoreApplication.translate("AuditDialog", "Status")
    elif field == "status_reason":
        name = QCoreApplication.translate("AuditDialog", "Reason")
    else:
        name = field
    old, new = _value(field, change.get("old")), _value(field, change.get("new"))
    if cut:
        old, new = (v if len(v) <= _LONG else v[: _LONG - 1] + "…'" for v in (old, new))
    return f"{name}: {old} → {new}"


class AuditDialog(QDialog):
    def __init__(self, ctx: UiContext, submission_id: int, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History"))
        self.resize(820, 480)
        self._tz = ZoneInfo(ctx.services.admin.unit().timezone)
        lay = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600; font-size: 12pt;")
        lay.addWidget(self.heading)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Time"), self.tr("By"), self.tr("Action"),
                                   self.tr("Changes")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.tree, 1)
        buttons = QDialogButtonBox()
        # Our own text: Qt's standard "Close" is only translated when qtbase_id.qm is there.
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        try:
            view = ctx.services.submissions.get(submission_id, with_audit=True)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.heading.setText(view.number)
        self.set_events(list(view.audit))

    def set_events(self, events: list[AuditView]) -> None:
        self.tree.clear()
        for e in events:
            ordered = sorted(e.changes, key=lambda c: _ORDER.get(str(c.get("field")), 99))
            changes = [change_text(c) for c in ordered]
            if e.note and e.action not in ("status_returned", "status_rejected"):
                changes.append(self.tr("Note: %1").replace("%1", e.note))
            item = QTreeWidgetItem([
                e.at.astimezone(self._tz).strftime("%d/%m/%Y %H:%M:%S"),
                actor_label(e.actor), action_label(e.action), "\n".join(changes)])
            item.setToolTip(3, "\n".join(change_text(c, cut=False) for c in ordered))
            for col in range(4):
                item.setTextAlignment(col, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.tree.addTopLevelItem(item)

    def rows(self) -> list[list[str]]:
        """The texts shown, row by row (for tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None:
                out.append([item.text(c) for c in range(4)])
        return out
