"""The list of slips: filters, search, a lazy sortable table and, for supervisors, review.

Filtering, sorting and searching all happen in SQL (see submission_model.py); this page only
turns the filter bar into a `ListQuery`.
"""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain import states
from ..domain.enums import Channel, Role, Status
from ..domain.errors import KotakSaranError
from ..services import ListQuery
from . import review
from .context import UiContext
from .errors import show_error
from .record_widgets import StatusChipDelegate, fit_popup, ui_locale
from .submission_model import COLUMN_INDEX, COLUMNS, STATUS_ROLE, SubmissionTableModel

SEARCH_DEBOUNCE_MS = 300
_REVIEWERS = (Role.SUPERVISOR, Role.ADMIN)
# Starting widths in pixels; the title takes what is left.
_WIDTHS = {"number": 168, "status": 128, "created_at": 92, "classification": 124,
           "agency": 170, "channel": 96}
# Status filter entries beyond the single statuses: what a petugas still has to do.
_TODO = "todo"


class SubmissionListPage(QWidget):
    """`review_mode` opens on the review queue (verified slips, oldest first)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None, *,
                 review_mode: bool = False) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._svc = ctx.services
        self._reviewer = self._svc.actor.role in _REVIEWERS
        self._locale = ui_locale(ctx.language)
        self.setLocale(self._locale)  # children (the calendars) take it over
        self._tz = ZoneInfo(self._svc.admin.unit().timezone)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)

        # Pages are read on a worker, so scrolling deep into a slow sort never freezes.
        self.model = SubmissionTableModel(self._svc, parent=self, background=True)
        self.model.load_failed.connect(lambda exc: show_error(self, exc))
        self._follow_id: int | None = None  # the selected slip, to find again after a refresh
        self.model.dataChanged.connect(self._rows_arrived)
        self.model.modelReset.connect(self._update_actions)
        self._build()
        self._load_sessions()
        ctx.bus.submissions_changed.connect(self._submissions_changed)
        ctx.bus.sessions_changed.connect(self._load_sessions)
        if review_mode:
            self.show_review_queue()
        self._update_count()
        self._update_actions()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)

        # Two rows, so the page fits 1280x800 beside the navigation at the app's 10.5 pt:
        # what to look for and when on top, which kind below.
        top = QHBoxLayout()
        top.setSpacing(8)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, text or number… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_now)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: 600;")
        self.all_dates = QCheckBox(self.tr("All dates"))
        self.all_dates.setChecked(True)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        today = self._svc.clock().astimezone(self._tz).date()
        for edit, value in ((self.date_from, today - timedelta(days=30)),
                            (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate(value.year, value.month, value.day))
            edit.setEnabled(False)
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.all_dates.toggled.connect(self._all_dates_toggled)
        top.addWidget(self.search, 1)
        top.addSpacing(8)
        top.addWidget(self.all_dates)
        top.addWidget(self.date_from)
        top.addWidget(QLabel("–"))
        top.addWidget(self.date_to)
        outer.addLayout(top)

        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        self.status_filter.addItem(self.tr("Draft & returned"), _TODO)
        for st in Status:
            self.status_filter.addItem(i18n.label(i18n.STATUS_LABELS, st.value), st.value)
        self.channel_filter = QComboBox()
        self.channel_filter.addItem(self.tr("All channels"), None)
        for ch in Channel:
            self.channel_filter.addItem(i18n.label(i18n.CHANNEL_LABELS, ch.value), ch.value)
        self.session_filter = QComboBox()
        # Combos would otherwise grow to their longest entry and push the page wider.
        for combo, chars in ((self.status_filter, 16), (self.channel_filter, 12),
                             (self.session_filter, 24)):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(chars)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for text, combo in ((self.tr("Status"), self.status_filter),
                            (self.tr("Channel"), self.channel_filter),
                            (self.tr("Box session"), self.session_filter)):
            label = QLabel(text)
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo)
            bar.addSpacing(8)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        outer.addLayout(bar)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        vheader = self.table.verticalHeader()
        vheader.hide()
        # Fixed row heights: with 100,000 rows nothing may ask every row for its size.
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vheader.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for name, width in _WIDTHS.items():
            self.table.setColumnWidth(COLUMN_INDEX[name], width)
        header.setSectionResizeMode(COLUMN_INDEX["title"], QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(
            COLUMN_INDEX["status"], StatusChipDelegate(STATUS_ROLE, self.table))
        col, order = self.model.sort_column()
        header.setSortIndicator(col, order)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_actions())
        outer.addWidget(self.table, 1)

        actions = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open (Enter)"))
        self.open_button.clicked.connect(self.open_selected)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        self.approve_button = QPushButton(self.tr("A&pprove"))
        self.return_button = QPushButton(self.tr("&Return…"))
        self.reject_button = QPushButton(self.tr("Re&ject…"))
        self.approve_button.clicked.connect(self.approve_selected)
        self.return_button.clicked.connect(self.return_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        for b in (self.approve_button, self.return_button, self.reject_button):
            b.setVisible(self._reviewer)  # the services still check; this only tidies
            actions.addWidget(b)
        outer.addLayout(actions)

    def _load_sessions(self) -> None:
        try:
            sessions = self._svc.boxes.sessions(limit=200)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        keep = self.session_filter.currentData()
        self.session_filter.blockSignals(True)
        self.session_filter.clear()
        self.session_filter.addItem(self.tr("All sessions"), None)
        for s in sessions:
            when = s.opened_at.astimezone(self._tz).strftime("%d/%m/%Y %H:%M")
            self.session_filter.addItem(f"{when} · {s.box_name}", s.id)
        self.session_filter.setCurrentIndex(max(self.session_filter.findData(keep), 0))
        self.session_filter.blockSignals(False)
        fit_popup(self.session_filter)

    # --- public API -----------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_review_queue(self) -> None:
        """What this person has to check, oldest first: verified slips for a supervisor or
        admin, drafts and returned slips (still to verify) for a petugas."""
        wanted = Status.VERIFIED.value if self._reviewer else _TODO
        self.status_filter.blockSignals(True)
        self.status_filter.setCurrentIndex(self.status_filter.findData(wanted))
        self.status_filter.blockSignals(False)
        self.model.set_query(self._query().with_(sort="created_at", descending=False))
        self._sync_sort_indicator()
        self._update_count()
        self._select_row(0)

    def show_session(self, session_id: int) -> None:
        self.session_filter.setCurrentIndex(max(self.session_filter.findData(session_id), 0))

    def selected_id(self) -> int | None:
        row = self.table.currentIndex().row()
        if row < 0 or not self.table.selectionModel().isRowSelected(row, QModelIndex()):
            return None
        ident = self.model.row_id(row)
        return ident if ident > 0 else None

    # --- filters --------------------------------------------------------------------------
    def _query(self) -> ListQuery:
        status = self.status_filter.currentData()
        statuses: tuple[Status, ...] = ()
        if status == _TODO:
            statuses = (Status.DRAFT, Status.RETURNED)
        elif status:
            statuses = (Status(status),)
        channel = self.channel_filter.currentData()
        created_from = created_to = None
        if not self.all_dates.isChecked():
            created_from = _py_date(self.date_from.date())
            created_to = _py_date(self.date_to.date())
        current = self.model.query
        return ListQuery(statuses=statuses, channels=(channel,) if channel else (),
                         box_session_id=self.session_filter.currentData(),
                         created_from=created_from, created_to=created_to,
                         search=self.search.text().strip(), sort=current.sort,
                         descending=current.descending)

    def apply_filters(self) -> None:
        self._debounce.stop()
        try:
            self.model.set_query(self._query())
        except KotakSaranError as exc:
            show_error(self, exc)
        self._update_count()
        self._update_actions()

    def _search_now(self) -> None:
        self.apply_filters()
        if self.model.rowCount():
            self._select_row(0)
            self.table.setFocus()

    def _all_dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(not on)
        self.date_to.setEnabled(not on)
        self.apply_filters()

    def _sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if COLUMNS[column].sort_key is None:
            self._sync_sort_indicator()  # SQL cannot sort this column; show the real order
        self._update_actions()

    def _sync_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        col, order = self.model.sort_column()
        header.blockSignals(True)
        header.setSortIndicator(col, order)
        header.blockSignals(False)

    def _update_count(self) -> None:
        try:
            n = self.model.rowCount()
        except KotakSaranError as exc:
            show_error(self, exc)
            n = 0
        self.count_label.setText(self.tr("%1 reports").replace("%1", self._locale.toString(n)))

    # --- selection and actions ------------------------------------------------------------
    def _select_row(self, row: int, *, scroll: bool = True) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | \
            QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(index, flags)
        if scroll:
            self.table.scrollTo(index)

    def _submissions_changed(self, ids: list[int]) -> None:
        keep_id = self.selected_id()
        row = self.table.currentIndex().row()
        try:
            self.model.refresh()
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        # A change elsewhere must not yank the view away from where the person scrolled.
        found = self.model.find_cached(keep_id) if keep_id is not None else None
        # Pages come back from the worker after this: look for the slip again then.
        self._follow_id = keep_id if found is None else None
        if found is not None:
            self._select_row(found, scroll=False)
        elif row >= 0:
            # The slip left this list (approved out of the review queue): the next one
            # moved into its row, so reviewing goes on with it.
            self._select_row(min(row, self.model.rowCount() - 1), scroll=False)
        self._update_count()
        self._update_actions()

    def _rows_arrived(self) -> None:
        if self._follow_id is not None:
            found = self.model.find_cached(self._follow_id)
            if found is not None:
                self._follow_id = None
                self._select_row(found, scroll=False)
            elif self.model.is_loaded(max(self.table.currentIndex().row(), 0)):
                self._follow_id = None  # it left the list; the row's new slip stays chosen
        self._update_actions()

    def _update_actions(self) -> None:
        row = self.table.currentIndex().row()
        code = self.model.index(row, 0).data(STATUS_ROLE) if row >= 0 else None
        status = Status(code) if code else None
        self.open_button.setEnabled(status is not None)
        for button, target in ((self.approve_button, Status.APPROVED),
                               (self.return_button, Status.RETURNED),
                               (self.reject_button, Status.REJECTED)):
            button.setEnabled(status is not None and states.can_transition(status, target))

    def _open_index(self, index: QModelIndex) -> None:
        ident = self.model.row_id(index.row())
        if ident > 0:
            self.ctx.bus.open_submission.emit(ident)

    def open_selected(self) -> None:
        self._open_index(self.table.currentIndex())

    def _selected(self) -> tuple[int, str] | None:
        row = self.table.currentIndex().row()
        item = self.model.row_at(row) if row >= 0 else None
        return (item.id, item.number) if item is not None else None

    def approve_selected(self) -> None:
        sel = self._selected()
        if sel is not None:
            review.approve(self.ctx, self, sel[0])

    def return_selected(self) -> None:
        sel = self._selected()
        if sel is not None:
            review.return_(self.ctx, self, *sel)

    def reject_selected(self) -> None:
        sel = self._selected()
        if sel is not None:
            review.reject(self.ctx, self, *sel)


def _py_date(qd: QDate) -> date:
    return date(qd.year(), qd.month(), qd.day())
