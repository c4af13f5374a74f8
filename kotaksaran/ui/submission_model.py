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
    QThreadPool,
    Signal,
)

from .. import i18n
from ..services import ListQuery, Services
from ..services.views import SubmissionRow
from . import tasks

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
    Column("number", str(QT_TRANSLATE_NOOP("SubmissionTableModel", "Number")), "number"),
    Column("status", str(QT_TRANSLATE_NOOP("SubmissionTableModel", "Status")), "status"),
    Column("created_at", str(QT_TRANSLATE_NOOP("SubmissionTableModel", "Date")), "created_at"),
    Column("classification",
           str(QT_TRANSLATE_NOOP("SubmissionTableModel", "Classification")), None),
    Column("title", str(QT_TRANSLATE_NOOP("SubmissionTableModel", "Title")), "title"),
    Column("agency", str(QT_TRANSLATE_NOOP("SubmissionTableModel", "Agency")), "agency"),
    Column("channel", str(QT_TRANSLATE_NOOP("SubmissionTableModel", "Channel")), "channel"),
)
COLUMN_INDEX = {c.name: i for i, c in enumerate(COLUMNS)}
_DATE_COL = COLUMN_INDEX["created_at"]
_TOOLTIP_COLS = frozenset({COLUMN_INDEX["title"], COLUMN_INDEX["agency"]})

# role -> what data() answers; precomputed because data() runs thousands of times a paint
_DISPLAY, _TOOLTIP, _ID, _STATUS, _SORT = range(5)
_ROLES: dict[int, int] = {
    int(Qt.ItemDataRole.DisplayRole): _DISPLAY,
    int(Qt.ItemDataRole.ToolTipRole): _TOOLTIP,
    int(ID_ROLE): _ID,
    int(STATUS_ROLE): _STATUS,
    int(SORT_KEY_ROLE): _SORT,
}
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
    Qt.ItemFlag.ItemNeverHasChildren
# One row of a page: the row as the service gave it, and its display texts (by column,
# then the date column's tooltip).
_Line = tuple[SubmissionRow, tuple[str, ...]]


class SubmissionTableModel(QAbstractTableModel):
    """Rows of `services.listing` for one `ListQuery`; see the module docstring.

    With `background=True` (the list page) a page that is not cached is read on a worker
    thread: `data()` answers at once with an empty row (or the previous version of the row
    after a refresh) and `dataChanged` follows when the page arrives, so even a slow sort
    deep in 100,000 rows never freezes scrolling. Without it (tests, scripts) `data()` reads
    the page itself: one query, never more.
    """

    load_failed = Signal(object)  # an exception from a background page read

    def __init__(self, services: Services, query: ListQuery | None = None,
                 parent: QObject | None = None, *, background: bool = False) -> None:
        super().__init__(parent)
        self._services = services
        self._query = query or ListQuery()
        self._count: int | None = None
        self._pages: OrderedDict[int, list[_Line]] = OrderedDict()
        # After a refresh the old pages stay on screen until their fresh copies arrive.
        self._stale: dict[int, list[_Line]] = {}
        self._tz = ZoneInfo(services.admin.unit().timezone)
        self._background = background
        self._generation = 0  # bumped whenever cached rows stop being valid
        self._loading: int | None = None  # the page being read in the background
        self._wanted: list[int] = []  # pages asked for while busy, most recent last
        self._in_data = False
        self._broken = False  # a read failed: no retries until the rows are asked anew
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one reading lane: requests never pile up on SQLite
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
        self._forget(keep_stale=False)
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
        self._forget(keep_stale=True)
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

    def _forget(self, *, keep_stale: bool) -> None:
        self._generation += 1
        self._stale = {**self._stale, **self._pages} if keep_stale else {}
        self._pages.clear()
        self._wanted.clear()
        self._loading = None  # a read in flight belongs to the old generation: dropped
        self._broken = False

    def wait_idle(self, timeout_ms: int = 5000) -> bool:
        """Block until background reads are done (tests and benchmarks only)."""
        return self._pool.waitForDone(timeout_ms)

    # --- rows -----------------------------------------------------------------------------
    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._count is None:
            self._count = self._services.listing.count(self._query)
        return self._count

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def is_loaded(self, row: int) -> bool:
        return row // PAGE_SIZE in self._pages

    def row_at(self, row: int) -> SubmissionRow | None:
        """The row if its page is at hand; otherwise the page is read (in the background
        with `background=True`, when None or the stale row is returned meanwhile)."""
        line = self._line_at(row)
        return line[0] if line is not None else None

    def _line_at(self, row: int) -> _Line | None:
        if not 0 <= row < self.rowCount():
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            page = self._pages.get(page_no) or self._stale.get(page_no)
            if page is None:
                return None
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * PAGE_SIZE
        # The count may be ahead of the rows (a slip left the filter since): an empty row.
        return page[offset] if offset < len(page) else None

    def _request(self, page_no: int) -> None:
        if not self._background:
            self._store(page_no, self._read(self._query, page_no))
            return
        if self._loading == page_no or self._broken:
            return
        if page_no in self._wanted:
            self._wanted.remove(page_no)
        self._wanted.append(page_no)
        del self._wanted[:-3]  # only what was on screen lately; a fast scroll skips the rest
        if self._loading is None:
            self._start_next()

    def _start_next(self) -> None:
        while self._wanted:
            page_no = self._wanted.pop()
            if page_no not in self._pages:
                break
        else:
            return
        self._loading = page_no
        query, generation = self._query, self._generation
        tasks.run_task(
            lambda _control: self._read(query, page_no),
            on_done=lambda rows: self._arrived(generation, page_no, rows),
            on_error=lambda exc: self._failed(generation, exc),
            parent=self, pool=self._pool)

    def _read(self, query: ListQuery, page_no: int) -> list[_Line]:
        """Runs on the worker with `background=True`: services only, no Qt objects. The
        display texts are made here too, so painting only looks them up."""
        rows = self._services.listing.page(query, page_no * PAGE_SIZE, PAGE_SIZE)
        self.page_fetches += 1
        return [(r, self._texts(r)) for r in rows]

    def _texts(self, item: SubmissionRow) -> tuple[str, ...]:
        local = item.created_at.astimezone(self._tz)
        return (
            item.number,
            i18n.label(i18n.STATUS_LABELS, item.status.value),
            local.strftime("%d/%m/%Y"),
            i18n.label(i18n.CLASSIFICATION_LABELS, item.classification),
            item.title,
            item.agency_name or "",
            i18n.label(i18n.CHANNEL_LABELS, item.channel),
            local.strftime("%d/%m/%Y %H:%M"),  # the date column's tooltip
        )

    def _store(self, page_no: int, rows: list[_Line]) -> None:
        self._pages[page_no] = rows
        self._stale.pop(page_no, None)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)

    def _arrived(self, generation: int, page_no: int, rows: list[_Line]) -> None:
        if generation != self._generation:
            return  # filters or data changed meanwhile; a newer read is (or will be) asked
        self._loading = None
        self._store(page_no, rows)
        first = page_no * PAGE_SIZE
        last = min(first + PAGE_SIZE, self.rowCount()) - 1
        if last >= first and not self._in_data:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self._start_next()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = None
        self._wanted.clear()
        # Asking again on every paint would turn one locked database into a storm of
        # messages; refresh() or new filters try again.
        self._broken = True
        self.load_failed.emit(exc)

    def row_id(self, row: int) -> int:
        item = self.row_at(row)
        return item.id if item is not None else -1

    def find_cached(self, submission_id: int) -> int | None:
        """The row of an id among the cached pages only (no query), else None."""
        for page_no, page in self._pages.items():
            for i, (item, _texts) in enumerate(page):
                if item.id == submission_id:
                    return page_no * PAGE_SIZE + i
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks ~10 roles for every visible cell on every paint: answer the ones
        # nobody shows at once, and the others from texts made when the page was read.
        kind = _ROLES.get(role)
        if kind is None or not index.isValid():
            return None
        self._in_data = True  # a synchronous task must not emit dataChanged from in here
        try:
            line = self._line_at(index.row())
        finally:
            self._in_data = False
        col = index.column()
        if line is None:
            return "…" if kind == _DISPLAY and col == 0 else None  # being read
        item, texts = line
        if kind == _DISPLAY:
            return texts[col]
        if kind == _ID:
            return item.id
        if kind == _STATUS:
            return item.status.value
        if kind == _TOOLTIP:
            if col == _DATE_COL:
                return texts[-1]
            return texts[col] or None if col in _TOOLTIP_COLS else None
        name = COLUMNS[col].name
        return item.agency_name if name == "agency" else getattr(item, name, None)

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
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
