"""Qt models of the Antrian Kirim screen: the records on their way, and the batch history.

Rows are frozen views from the sync service (`OutboxItemView`, `BatchView`) and the approved
slips not yet taken into a batch (`SubmissionRow`); no ORM object reaches Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ..services.sync import BatchView, OutboxItemView
from ..services.views import SubmissionRow

_AnyIndex = QModelIndex | QPersistentModelIndex
_ITEMS = "SyncQueueModel"
_BATCHES = "SyncBatchModel"

ITEM_HEADERS = (
    str(QT_TRANSLATE_NOOP("SyncQueueModel", "Number")),
    str(QT_TRANSLATE_NOOP("SyncQueueModel", "Title")),
    str(QT_TRANSLATE_NOOP("SyncQueueModel", "State")),
    str(QT_TRANSLATE_NOOP("SyncQueueModel", "Tries")),
    str(QT_TRANSLATE_NOOP("SyncQueueModel", "Details")),
    str(QT_TRANSLATE_NOOP("SyncQueueModel", "Updated")),
)
BATCH_HEADERS = (
    str(QT_TRANSLATE_NOOP("SyncBatchModel", "Started")),
    str(QT_TRANSLATE_NOOP("SyncBatchModel", "Kind")),
    str(QT_TRANSLATE_NOOP("SyncBatchModel", "Channel")),
    str(QT_TRANSLATE_NOOP("SyncBatchModel", "Target")),
    str(QT_TRANSLATE_NOOP("SyncBatchModel", "By")),
    str(QT_TRANSLATE_NOOP("SyncBatchModel", "Result")),
)
STATE_COLORS = {
    "waiting": "#455a64",
    "pending": "#455a64",
    "sending": "#1565c0",
    "retrying": "#e65100",
    "done": "#2e7d32",
    "quarantined": "#b71c1c",
}


def _ti(text: str) -> str:
    return QCoreApplication.translate(_ITEMS, text)


def _tb(text: str) -> str:
    return QCoreApplication.translate(_BATCHES, text)


def adapter_name(code: str) -> str:
    names = {
        "exchange": QCoreApplication.translate("SyncNames", "Kotak Saran exchange API"),
        "open311": QCoreApplication.translate("SyncNames", "Open311 GeoReport v2"),
        "lapor_xml": QCoreApplication.translate("SyncNames", "LAPOR! XML stream"),
        "bundle": QCoreApplication.translate("SyncNames", "File bundle (USB)"),
    }
    return names.get(code, code)


@dataclass(frozen=True)
class QueueRow:
    """One line of the queue: an outbox item, or an approved slip waiting for a batch."""

    key: str  # "item:<id>" or "slip:<id>"
    number: str
    title: str
    state: str  # "waiting" (approved, no batch yet) or an outbox item state
    tries: int
    details: str
    updated: datetime | None
    item: OutboxItemView | None = None


def short_time(dt: datetime | None, tz: ZoneInfo) -> str:
    if dt is None:
        return ""
    return dt.astimezone(tz).strftime("%d-%m-%Y %H:%M")


def item_row(v: OutboxItemView, tz: ZoneInfo) -> QueueRow:
    if v.state == "retrying":
        when = short_time(v.next_try_at, tz)
        details = _ti("Next try {time}. {reason}").format(time=when, reason=v.problem or "")
    elif v.state == "quarantined":
        details = v.problem or ""
    elif v.state == "done" and v.tracking_id:
        details = _ti("Registered upstream with tracking ID #{id}.").format(id=v.tracking_id)
    elif v.state == "done":
        details = _ti("Accepted upstream; the tracking ID comes with a status pull.")
    elif v.state == "sending":
        details = _ti("Being sent now (or the last push stopped here: it is sent again).")
    else:
        details = _ti("Waiting for the next push.")
    return QueueRow(f"item:{v.id}", v.number, v.title, v.state, v.attempts, details.strip(),
                    v.updated_at, v)


def waiting_row(r: SubmissionRow) -> QueueRow:
    return QueueRow(f"slip:{r.id}", r.number, r.title, "waiting", 0,
                    _ti("Approved; goes with the next push or bundle."), None)


def state_label(state: str, item: OutboxItemView | None = None) -> str:
    labels = {
        "waiting": _ti("Approved, waiting"),
        "pending": _ti("Pending"),
        "sending": _ti("Sending"),
        "retrying": _ti("Retrying"),
        "quarantined": _ti("Quarantined"),
    }
    if state == "done":
        if item is not None and item.tracking_id:
            return _ti("Registered")
        return _ti("Sent")
    return labels.get(state, state)


class QueueModel(QAbstractTableModel):
    def __init__(self, tz: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.rows: list[QueueRow] = []

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row(self, i: int) -> QueueRow | None:
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ITEM_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _ti(ITEM_HEADERS[section])
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row(index.row())
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (r.number, r.title, state_label(r.state, r.item),
                      str(r.tries) if r.tries else "", r.details, short_time(r.updated, self.tz))
            return values[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 4):
            return r.title if col == 1 else r.details
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(STATE_COLORS.get(r.state, "#263238"))
        if role == Qt.ItemDataRole.UserRole:
            return r.key
        return None


class BatchModel(QAbstractTableModel):
    def __init__(self, tz: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tz = tz
        self.rows: list[BatchView] = []

    def set_rows(self, rows: list[BatchView]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(BATCH_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tb(BATCH_HEADERS[section])
        return None

    @staticmethod
    def kind_label(b: BatchView) -> str:
        kinds = {"push": _tb("Push"), "bundle_export": _tb("Bundle export"),
                 "bundle_import": _tb("Bundle import"), "received": _tb("Received")}
        return kinds.get(b.kind, b.kind)

    @staticmethod
    def result_text(b: BatchView) -> str:
        c = b.counts
        parts = []
        for key, label in (("done", _tb("{n} done")), ("retrying", _tb("{n} retrying")),
                           ("quarantined", _tb("{n} quarantined")),
                           ("pending", _tb("{n} waiting")), ("sending", _tb("{n} sending"))):
            if c.get(key):
                parts.append(label.format(n=c[key]))
        return ", ".join(parts) or _tb("no records")

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not 0 <= index.row() < len(self.rows):
            return None
        b = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (short_time(b.created_at, self.tz), self.kind_label(b),
                      adapter_name(b.adapter), b.target, b.created_by, self.result_text(b))
            return values[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return b.target
        return None
