"""Small widgets shared by the records pages: the status chip, an event-date edit that can be
empty, a combo that filters as you type, and the inline field-error label."""

from __future__ import annotations

from PySide6.QtCore import (
    QDate,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from .. import i18n

# (background, text, border) per status. The text label is always shown, so the colour is
# only a second cue; the tones also differ in lightness, which survives colour blindness.
STATUS_COLOURS: dict[str, tuple[str, str, str]] = {
    "draft": ("#ECEFF1", "#37474F", "#B0BEC5"),
    "verified": ("#E3ECFF", "#1A3E8C", "#8FAEEA"),
    "returned": ("#FFF1CC", "#6B4500", "#E0B45A"),
    "rejected": ("#FBE0E0", "#8A1C1C", "#E39A9A"),
    "approved": ("#DDF3E2", "#1C5A2C", "#8CCB9B"),
    "queued": ("#EEE6F8", "#4A2A7A", "#B9A2DC"),
    "sent": ("#EEE6F8", "#4A2A7A", "#B9A2DC"),
    "registered": ("#D9F0F1", "#0F5659", "#86C7C9"),
    "closed": ("#E0E0E0", "#212121", "#9E9E9E"),
}
ERROR_COLOUR = "#B3261E"


def status_colours(code: str) -> tuple[QColor, QColor, QColor]:
    bg, fg, border = STATUS_COLOURS.get(code, STATUS_COLOURS["draft"])
    return QColor(bg), QColor(fg), QColor(border)


class StatusChip(QLabel):
    """A status as a rounded label: the Indonesian name, tinted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_status(None)

    def set_status(self, code: str | None) -> None:
        self.setVisible(code is not None)
        if code is None:
            return
        bg, fg, border = STATUS_COLOURS.get(code, STATUS_COLOURS["draft"])
        self.setText(i18n.label(i18n.STATUS_LABELS, code))
        self.setStyleSheet(
            f"QLabel {{ background: {bg}; color: {fg}; border: 1px solid {border}; "
            "border-radius: 9px; padding: 1px 10px; font-weight: 600; }")


class StatusChipDelegate(QStyledItemDelegate):
    """Paints the status column as chips; the model's STATUS_ROLE gives the code."""

    def __init__(self, status_role: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._role = status_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        code = index.data(self._role)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not code or not text:
            super().paint(painter, option, index)
            return
        # Selection background first, so a selected row still reads as selected.
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, option.widget)
        bg, fg, border = status_colours(str(code))
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(str(text)) + 18, option.rect.width() - 8)
        height = min(metrics.height() + 4, option.rect.height() - 4)
        rect = QRect(option.rect.left() + 4, option.rect.center().y() - height // 2 + 1,
                     width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(border)
        painter.setBrush(bg)
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(fg)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, str(text))
        painter.restore()


class FieldError(QLabel):
    """Red text under a field: what is wrong with it, in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.hide()

    def show_codes(self, codes: list[str]) -> None:
        self.setText(" ".join(i18n.problem_message(c) for c in codes))
        self.setVisible(bool(codes))


def ui_locale(language: str) -> QLocale:
    """Month and day names in calendars, thousands separators in counts ('1.234')."""
    if language == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def fit_popup(combo: QComboBox) -> None:
    """Let the drop-down list be wider than the field, so long names (agencies, sessions)
    are read whole when choosing."""
    view = combo.view()
    view.setMinimumWidth(min(view.sizeHintForColumn(0) + 32, 720))


EMPTY_DATE = QDate(1900, 1, 1)


class OptionalDateEdit(QDateEdit):
    """A date that may be 'not filled in yet': the minimum date stands for empty and shows
    the special text. The first digit typed into an empty field starts from today, so a
    person can simply type 01062026."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("dd/MM/yyyy")
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY_DATE)
        self.setDate(EMPTY_DATE)
        self._today = QDate.currentDate()
        self.calendarWidget().installEventFilter(self)

    def set_today(self, today: QDate) -> None:
        """The office's today (the unit's time zone), where an empty field starts."""
        self._today = today

    def is_empty(self) -> bool:
        return self.date() == EMPTY_DATE

    def value(self) -> QDate | None:
        return None if self.is_empty() else self.date()

    def set_value(self, value: QDate | None) -> None:
        self.setDate(value if value is not None and value.isValid() else EMPTY_DATE)

    def clear_value(self) -> None:
        self.setDate(EMPTY_DATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.is_empty() and event.text().isdigit():
            self.setDate(self._today)
            self.setCurrentSection(QDateEdit.Section.DaySection)
            self.setSelectedSection(QDateEdit.Section.DaySection)
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and \
                self.lineEdit().selectedText() == self.lineEdit().text():
            self.clear_value()  # the whole date selected and deleted: back to empty
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An empty field would open the calendar in January 1900; show this month instead.
        if event.type() == QEvent.Type.Show and self.is_empty():
            self.calendarWidget().setCurrentPage(self._today.year(), self._today.month())
        return super().eventFilter(watched, event)


class SearchableCombo(QComboBox):
    """A long list (instansi) to pick from by typing any part of a name.

    Leaving the field with text that names no item puts back the last real choice, so the
    text on screen never disagrees with the value saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[str].connect(self._pick_text)  # type: ignore[index]
        self.setCompleter(completer)
        self.setMaxVisibleItems(20)
        # Enter with the suggestion list open but nothing picked in it ends here, not in
        # focusOutEvent.
        self.line().returnPressed.connect(self._reconcile)

    def line(self) -> QLineEdit:
        edit = self.lineEdit()
        assert edit is not None  # editable from the constructor on
        return edit

    def set_items(self, items: list[tuple[str, int | None]]) -> None:
        """(text, id) pairs; an id of None is the 'nothing chosen' entry."""
        self.blockSignals(True)
        self.clear()
        for text, ident in items:
            self.addItem(text, ident)
        self.blockSignals(False)

    def value(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_value(self, ident: int | None) -> None:
        idx = self.findData(ident)
        self.setCurrentIndex(idx if idx >= 0 else 0)

    def _pick_text(self, text: str) -> None:
        idx = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if idx >= 0:
            self.setCurrentIndex(idx)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._reconcile()
        super().focusOutEvent(event)

    def _reconcile(self) -> None:
        text = self.currentText().strip()
        if text == self.itemText(self.currentIndex()):
            return
        exact = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if exact >= 0:
            self.setCurrentIndex(exact)
            return
        hits = [i for i in range(self.count())
                if self.itemData(i) is not None and text
                and text.lower() in self.itemText(i).lower()]
        if len(hits) == 1:
            self.setCurrentIndex(hits[0])
        else:
            self.setEditText(self.itemText(self.currentIndex()))
