"""The Kotak Saran page: box-opening sessions, open ones first, with open / close / type in."""

from __future__ import annotations

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
from PySide6.QtGui import QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import BoxSessionState, Role
from ..domain.errors import KotakSaranError
from ..services.boxes import BoxSessionView
from .box_session_dialogs import CloseSessionDialog, OpenSessionDialog
from .context import UiContext
from .errors import show_error
from .record_widgets import ui_locale

_CTX = "BoxSessionModel"
_HEADERS = (
    str(QT_TRANSLATE_NOOP("BoxSessionModel", "Box")),
    str(QT_TRANSLATE_NOOP("BoxSessionModel", "Opened at")),
    str(QT_TRANSLATE_NOOP("BoxSessionModel", "Opened by")),
    str(QT_TRANSLATE_NOOP("BoxSessionModel", "Witnesses")),
    str(QT_TRANSLATE_NOOP("BoxSessionModel", "Found")),
    str(QT_TRANSLATE_NOOP("BoxSessionModel", "Typed in")),
    str(QT_TRANSLATE_NOOP("BoxSessionModel", "State")),
)
_STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
_AnyIndex = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


class BoxSessionModel(QAbstractTableModel):
    """A few hundred sessions at most, so they are held in memory; open ones come first."""

    def __init__(self, tz: ZoneInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tz = tz
        self._rows: list[BoxSessionView] = []

    def set_sessions(self, sessions: list[BoxSessionView]) -> None:
        self.beginResetModel()
        # sorted() is stable: within each group the service's newest-first order stays.
        self._rows = sorted(sessions, key=lambda s: s.state != BoxSessionState.OPEN)
        self.endResetModel()

    def session(self, row: int) -> BoxSessionView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, session_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == session_id), -1)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(_HEADERS):
            return _t(_HEADERS[section])
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s = self.session(index.row()) if index.isValid() else None
        if s is None:
            return None
        col = index.column()
        closed_with_gap = s.state == BoxSessionState.CLOSED and s.differs
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(s, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 6 and s.close_note:
                return s.close_note
            if col in (0, 3):
                return self._text(s, col) or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col in (4, 5, 6) and closed_with_gap:
            return QColor("#8A5A00")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (4, 5):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and s.state == BoxSessionState.OPEN and col == 6:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, s: BoxSessionView, col: int) -> str:
        if col == 0:
            return s.box_name
        if col == 1:
            return s.opened_at.astimezone(self._tz).strftime("%d/%m/%Y %H:%M")
        if col == 2:
            return s.opened_by
        if col == 3:
            return ", ".join(s.witnesses)
        if col == 4:
            return str(s.slips_found)
        if col == 5:
            return str(s.slips_digitised)
        if s.state == BoxSessionState.OPEN:
            return QCoreApplication.translate("BoxSessionModel", "Open")
        if s.differs:
            return QCoreApplication.translate("BoxSessionModel", "Closed, %1 differ").replace(
                "%1", str(abs(s.slips_found - s.slips_digitised)))
        return QCoreApplication.translate("BoxSessionModel", "Closed")


class BoxSessionsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._svc = ctx.services
        self.model = BoxSessionModel(ZoneInfo(self._svc.admin.unit().timezone), self)
        self.setLocale(ui_locale(ctx.language))  # the dialogs' calendars inherit it

        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        outer.setSpacing(10)
        title = QLabel(self.tr("Box-opening sessions"))
        title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        outer.addWidget(title)
        intro = QLabel(self.tr(
            "Open a session each time the suggestion box is opened, with the witnesses "
            "present and the number of slips found. Type in the slips, then close the session: "
            "the numbers are compared."))
        intro.setWordWrap(True)
        outer.addWidget(intro)

        bar = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Open &session…"))
        self.open_button.clicked.connect(self.open_session)
        self.input_button = QPushButton(self.tr("&Type in a slip for this session"))
        self.input_button.clicked.connect(self.input_for_selected)
        self.close_button = QPushButton(self.tr("&Close session…"))
        self.close_button.clicked.connect(self.close_selected)
        self.minutes_button = QPushButton(self.tr("Print &minutes…"))
        self.minutes_button.setToolTip(self.tr("Berita acara pembukaan kotak saran, with "
                                               "signature lines; attach the signed scan there"))
        self.minutes_button.clicked.connect(self.print_minutes)
        bar.addWidget(self.open_button)
        bar.addWidget(self.input_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        bar.addWidget(self.minutes_button)
        outer.addLayout(bar)
        staff = self._svc.actor.role in _STAFF
        for b in (self.open_button, self.input_button, self.close_button, self.minutes_button):
            b.setVisible(staff)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        # Widths from the font in use (the app runs at 10.5 pt and may be larger); the
        # witnesses take what is left and show in full as a tooltip.
        fm = self.fontMetrics()
        samples = ("Kotak Saran Lobi Kantor", "28/11/2026 08:00", "Hj. Nurhayati Lubis", "",
                   self.model.headerData(4, Qt.Orientation.Horizontal),
                   self.model.headerData(5, Qt.Orientation.Horizontal),
                   QCoreApplication.translate("BoxSessionModel", "Closed, %1 differ"))
        for col, sample in enumerate(samples):
            if sample:
                self.table.setColumnWidth(col, fm.horizontalAdvance(str(sample)) + 28)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.input_for_selected())
        outer.addWidget(self.table, 1)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self._update_buttons())
        self._stale = False
        ctx.bus.sessions_changed.connect(self._changed)
        # Typing a slip changes the 'typed in' count of its session.
        ctx.bus.submissions_changed.connect(lambda _ids: self._changed())
        self.refresh()

    def _changed(self) -> None:
        # Autosaves announce themselves every few seconds: re-read only what is on screen.
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        keep = self.selected()
        try:
            sessions = self._svc.boxes.sessions()
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.model.set_sessions(sessions)
        row = self.model.row_of(keep.id) if keep is not None else -1
        self.table.selectRow(row if row >= 0 else 0)
        self._update_buttons()

    def selected(self) -> BoxSessionView | None:
        index = self.table.currentIndex()
        return self.model.session(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        s = self.selected()
        is_open = s is not None and s.state == BoxSessionState.OPEN
        self.input_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.minutes_button.setEnabled(s is not None)

    def select_session(self, session_id: int) -> None:
        self.table.selectRow(self.model.row_of(session_id))

    def open_session(self) -> None:
        dlg = OpenSessionDialog(self.ctx, self)
        if dlg.exec() and dlg.result_view is not None:
            self.select_session(dlg.result_view.id)

    def close_selected(self) -> None:
        s = self.selected()
        if s is None or s.state != BoxSessionState.OPEN:
            return
        try:
            fresh = self._svc.boxes.get_session(s.id)  # the typed-in count as of now
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        CloseSessionDialog(self.ctx, fresh, self).exec()

    def print_minutes(self) -> None:
        from .print_preview import minutes_preview

        s = self.selected()
        if s is not None:
            minutes_preview(self.ctx, s.id, self).exec()

    def input_for_selected(self) -> None:
        s = self.selected()
        if s is not None and s.state == BoxSessionState.OPEN and \
                self._svc.actor.role in _STAFF:
            self.ctx.bus.new_submission_in_session.emit(s.id)
