"""The submission list as a lazy Qt table model: counting, paging, sorting and filtering all
happen in SQL through `services.listing`; this model only caches a few pages of rows.

It stays usable on 100,000 rows because it never asks for more than one page at a time and
never queries per row: the view only calls `data()` for rows it paints.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
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

from .. import i18n
from ..services import ListQuery, Services
from ..services.views import SubmissionRow

PAGE_SIZE = 200
# 8 pages = 1,600 rows: a few screens above and below the viewport, a few hundred KB at most.
MAX_CACHED_PAGES = 8

# Custom roles: the view's delegates and the page read these, never the display text.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 3

_AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    name: str
    title: str  # English; translated through QCoreApplication.translate in headerData
    sort_key: str | None  # ListQuery.sort value, None when SQL cannot sort by it


_CTX = "SubmissionTableModel"
COLUMNS: tuple[Column, ...] = (
    Column("number", QT_TRANSLATE_NOOP("SubmissionTableModel", "Number"), "number"),
    Column("status", QT_TRANSLATE_NOOP("SubmissionTableModel", "Status"), "status"),
    Column("created_at", QT_TRANSLATE_NOOP("SubmissionTableModel", "Date"), "created_at"),
    Column("classification", QT_TRANSLATE_NOOP("SubmissionTableModel", "Classification"), None),
    Column("title", QT_TRANSLATE_NOOP("SubmissionTableModel", "Title"), "title"),
    Column("agency", QT_TRANSLATE_NOOP("SubmissionTableModel", "Agency"), "agency"),
    Column("channel", QT_TRANSLATE_NOOP("SubmissionTableModel", "Channel"), "channel"),
)
COLUMN_INDEX = {c.name: i for i, c in enumerate(COLUMNS)}


class SubmissionTableModel(QAbstractTableModel):
    """Rows of `services.listing` for one `ListQuery`; see the module docstring."""

    def __init__(self, services: Services, query: ListQuery | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._query = query or ListQuery()
        self._count: int | None = None
        self._pages: OrderedDict[int, list[SubmissionRow]] = OrderedDict()
        self._tz = ZoneInfo(services.admin.unit().timezone)
        self.page_fetches = 0  # how many SQL pages were read; tests and benches watch it

    # --- query ----------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    def set_query(self, query: ListQuery) -> None:
        """New filters: the rows change wholesale, so the view starts again at the top."""
        if query == self._query:
            return
        self.beginResetModel()
        self._query = query
        self._count = None
        self._pages.clear()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort_key
        if key is None:
            return  # the page puts the header's indicator back (see sort_column())
        self.set_query(self._query.with_(
            sort=key, descending=order == Qt.SortOrder.DescendingOrder))

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """The column and order the rows are really sorted by."""
        col = next((i for i, c in enumerate(COLUMNS) if c.sort_key == self._query.sort), 2)
        order = Qt.SortOrder.DescendingOrder if self._query.descending \
            else Qt.SortOrder.AscendingOrder
        return col, order

    def refresh(self) -> None:
        """Re-read after a change elsewhere, keeping row positions: a reset would throw the
        view back to the top and lose the selection, which is disorienting while reviewing."""
        old = self._count or 0
        new = self._services.listing.count(self._query)
        self._pages.clear()
        if new > old:
            self.beginInsertRows(QModelIndex(), old, new - 1)
            self._count = new
            self.endInsertRows()
        elif new < old:
            self.beginRemoveRows(QModelIndex(), new, old - 1)
            self._count = new
            self.endRemoveRows()
        else:
            self._count = new
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(new - 1, len(COLUMNS) - 1))

    # --- rows -----------------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._count is None:
            self._count = self._services.listing.count(self._query)
        return self._count

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row_at(self, row: int) -> SubmissionRow | None:
        """The row, fetching its page (one SQL query) when it is not cached."""
        if not 0 <= row < self.rowCount():
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._services.listing.page(self._query, page_no * PAGE_SIZE, PAGE_SIZE)
            self.page_fetches += 1
            self._pages[page_no] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE_SIZE
        # The table may have shrunk since the count (another desk deleted nothing, but a
        # filter on status loses rows whose status changed): show an empty row, not a crash.
        return page[offset] if offset < len(page) else None

    def row_id(self, row: int) -> int:
        item = self.row_at(row)
        return item.id if item is not None else -1

    def find_cached(self, submission_id: int) -> int | None:
        """The row of an id among the cached pages only (no query), else None."""
        for page_no, page in self._pages.items():
            for i, item in enumerate(page):
                if item.id == submission_id:
                    return page_no * PAGE_SIZE + i
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE,
                        STATUS_ROLE, SORT_KEY_ROLE):
            return None  # no page fetch for roles nobody shows
        item = self.row_at(index.row())
        if item is None:
            return None
        if role == ID_ROLE:
            return item.id
        if role == STATUS_ROLE:
            return item.status.value
        name = COLUMNS[index.column()].name
        if role == SORT_KEY_ROLE:
            return getattr(item, name, None) if name != "agency" else item.agency_name
        if role == Qt.ItemDataRole.ToolTipRole:
            if name == "created_at":
                return item.created_at.astimezone(self._tz).strftime("%d/%m/%Y %H:%M")
            if name in ("title", "agency"):
                return self._display(item, name) or None
            return None
        return self._display(item, name)

    def _display(self, item: SubmissionRow, name: str) -> str:
        if name == "number":
            return item.number
        if name == "status":
            return i18n.label(i18n.STATUS_LABELS, item.status.value)
        if name == "created_at":
            return item.created_at.astimezone(self._tz).strftime("%d/%m/%Y")
        if name == "classification":
            return i18n.label(i18n.CLASSIFICATION_LABELS, item.classification)
        if name == "title":
            return item.title
        if name == "agency":
            return item.agency_name or ""
        if name == "channel":
            return i18n.label(i18n.CHANNEL_LABELS, item.channel)
        return ""

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(_CTX, COLUMNS[section].title)
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].sort_key is None:
            return QCoreApplication.translate("SubmissionTableModel",
                                              "This column cannot be sorted")
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren
