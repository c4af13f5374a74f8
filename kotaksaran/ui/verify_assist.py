"""The assistance beside the slip form in the verification workspace: the app's suggestions for
klasifikasi, title, kategori and instansi (each with the words that led to it, accepted with
one key), and the confident words of a handwritten page, offered for insertion."""

from __future__ import annotations

import logging
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.enums import Status
from ..domain.errors import KotakSaranError
from ..services import ListQuery, Services
from ..services.views import SubmissionRow
from .verify_text import PERSONAL_LINE, personal_format, sample_pixmap, unsure_format

# Suggestion fields in the order of their keys (Alt+1 .. Alt+4) and the form field each fills.
SUGGESTED: tuple[tuple[str, str], ...] = (
    ("classification", "classification"),
    ("title", "title"),
    ("category", "category_id"),
    ("agency", "agency_id"),
)
MAX_BECAUSE = 5
log = logging.getLogger(__name__)


def _small(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("color: #546e7a;")
    return label


class SuggestionPanel(QFrame):
    """One line per suggestion: key, field, suggested value, why, and an accept button with
    the next best values in its menu. `accept_requested(field, value)`: fill this field."""

    accept_requested = Signal(str, object)
    accept_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("QFrame#suggestionPanel { background: #F5F8FA; border: 1px solid "
                           "#CFD8DC; border-radius: 4px; }")
        self._suggestions: dict[str, Any] = {}
        self._names = {
            "classification": self.tr("Classification"),
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "agency": self.tr("Agency"),
        }
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 6, 10, 6)
        outer.setSpacing(4)
        head = QHBoxLayout()
        title = QLabel(self.tr("Suggestions"))
        title.setStyleSheet("font-weight: 600;")
        self.accept_all_button = QPushButton(self.tr("Accept all (Alt+0)"))
        self.accept_all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.accept_all_button)
        outer.addLayout(head)
        self.empty = _small(self.tr("No suggestions yet: they come from the text."))
        outer.addWidget(self.empty)
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        self.rows: dict[str, tuple[QLabel, QLabel, QToolButton]] = {}
        for i, (key, _form_name) in enumerate(SUGGESTED):
            name = QLabel(f"<b>Alt+{i + 1}</b> {escape(self._names[key])}")
            text = QLabel()
            text.setWordWrap(True)
            text.setTextFormat(Qt.TextFormat.RichText)
            text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            button = QToolButton()
            button.setText(self.tr("Accept"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, k=key: self.accept(k))
            grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, i, 1)
            grid.addWidget(button, i, 2, Qt.AlignmentFlag.AlignTop)
            self.rows[key] = (name, text, button)
        outer.addLayout(grid)
        self.set_suggestions(None, {})

    def set_suggestions(self, suggestions: Any, current: dict[str, Any], *,
                        hidden: tuple[str, ...] = ()) -> None:
        self._suggestions = {}
        if suggestions is not None:
            for key, _form_name in SUGGESTED:
                s = getattr(suggestions, key, None)
                if s is not None and key not in hidden:
                    self._suggestions[key] = s
        for key, (name, text, button) in self.rows.items():
            s = self._suggestions.get(key)
            for w in (name, text, button):
                w.setVisible(s is not None)
            if s is None:
                continue
            text.setToolTip(self.tr("Confidence %1%").replace("%1",
                                                             str(round(float(s.score) * 100))))
            alternatives = tuple(getattr(s, "alternatives", ()) or ())
            if alternatives:
                menu = QMenu(button)
                for alt in alternatives:
                    act = QAction(str(alt.label), menu)
                    act.triggered.connect(
                        lambda _c=False, k=key, v=alt.value: self.accept_requested.emit(k, v))
                    menu.addAction(act)
                button.setMenu(menu)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
            else:
                button.setMenu(None)  # type: ignore[arg-type]
                button.setPopupMode(QToolButton.ToolButtonPopupMode.DelayedPopup)
        self.empty.setVisible(not self._suggestions)
        self.accept_all_button.setVisible(bool(self._suggestions))
        self.update_current(current)

    def _html(self, suggestion: Any, used: bool) -> str:
        """The value (bold while not yet in the form) and, in grey, the words behind it."""
        label = escape(str(suggestion.label))
        out = label if used else f"<b>{label}</b>"
        because = [str(w) for w in tuple(suggestion.because)[:MAX_BECAUSE]]
        if because:
            why = escape(self.tr("because of: %1").replace("%1", ", ".join(because)))
            out += f' &nbsp;<span style="color:#546e7a;">{why}</span>'
        return out

    def update_current(self, current: dict[str, Any]) -> None:
        """Mark the suggestions the form already holds."""
        pending = 0
        for key, form_name in SUGGESTED:
            s = self._suggestions.get(key)
            if s is None:
                continue
            _name, text, button = self.rows[key]
            used = current.get(form_name) == s.value
            text.setText(self._html(s, used))
            button.setText("✓ " + self.tr("Used") if used else self.tr("Accept"))
            button.setEnabled(not used or button.menu() is not None)
            pending += not used
        self.accept_all_button.setEnabled(pending > 0)

    def value(self, key: str) -> Any:
        s = self._suggestions.get(key)
        return None if s is None else s.value

    def suggested_keys(self) -> list[str]:
        return [k for k, _f in SUGGESTED if k in self._suggestions]

    def accept(self, key: str) -> None:
        s = self._suggestions.get(key)
        if s is not None:
            self.accept_requested.emit(key, s.value)


class OfferedWords(QWidget):
    """The confident words of a page the engine mostly could not read, as chips; Enter or a
    click inserts one at the text cursor, the button all of them. Nothing is inserted unasked."""

    insert_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offeredWords")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        head = QHBoxLayout()
        self.label = QLabel(self.tr("Words the app could read on the page — click to insert:"))
        self.label.setWordWrap(True)
        self.insert_all_button = QPushButton(self.tr("Insert all"))
        self.insert_all_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.insert_all_button.clicked.connect(
            lambda: self.insert_requested.emit(" ".join(self.words())))
        head.addWidget(self.label, 1)
        head.addWidget(self.insert_all_button)
        lay.addLayout(head)
        self.chips = QListWidget()
        self.chips.setObjectName("offeredChips")
        self.chips.setFlow(QListWidget.Flow.LeftToRight)
        self.chips.setWrapping(True)
        self.chips.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.chips.setSpacing(3)
        self.chips.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chips.setStyleSheet(
            "QListWidget#offeredChips { border: none; background: transparent; }"
            f"QListWidget#offeredChips::item {{ border: 1px solid {PERSONAL_LINE}; "
            "border-radius: 9px; padding: 1px 8px; background: white; color: #0B3D5C; }"
            "QListWidget#offeredChips::item:selected { background: #0072B2; color: white; }")
        self.chips.itemActivated.connect(lambda item: self.insert_requested.emit(item.text()))
        # Where a single click already activates an item, a click must not insert twice.
        if not self.chips.style().styleHint(
                QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick, None, self.chips):
            self.chips.itemClicked.connect(lambda item: self.insert_requested.emit(item.text()))
        lay.addWidget(self.chips)

    def set_words(self, words: tuple[str, ...] | list[str]) -> None:
        self.chips.clear()
        for w in words:
            item = QListWidgetItem(w)
            item.setToolTip(self.tr("Insert “%1” at the text cursor").replace("%1", w))
            self.chips.addItem(item)
        self.setVisible(bool(words))
        QTimer.singleShot(0, self._fit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as the rows of chips (at most three), not a fixed box."""
        n = self.chips.count()
        if not n:
            return
        self.chips.doItemsLayout()
        row = self.chips.visualItemRect(self.chips.item(0)).height() + 6
        bottom = max(self.chips.visualItemRect(self.chips.item(i)).bottom() for i in range(n))
        self.chips.setFixedHeight(min(bottom + 8, 3 * row + 8))

    def words(self) -> list[str]:
        return [self.chips.item(i).text() for i in range(self.chips.count())]


class MarkLegend(QWidget):
    """What the marks in the text mean, drawn with the very formats the text uses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("textLegend")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        ratio = self.devicePixelRatioF()
        self.unsure_sample = QLabel()
        self.unsure_sample.setPixmap(sample_pixmap(self.tr("word"), unsure_format(),
                                                   self.font(), ratio))
        self.unsure_text = _small()
        self.personal_sample = QLabel()
        self.personal_sample.setPixmap(sample_pixmap("0812…", personal_format(), self.font(),
                                                     ratio))
        self.personal_text = _small()
        self.hint = _small(self.tr("Click a word to see it on the page."))
        self.hint.setWordWrap(True)  # a narrow form side wraps the legend, not the page
        for w in (self.unsure_sample, self.unsure_text, self.personal_sample,
                  self.personal_text):
            lay.addWidget(w)
        lay.addWidget(self.hint, 10)
        lay.addStretch(1)
        self.set_counts(0, 0)

    def set_counts(self, unsure: int, personal: int) -> None:
        self.unsure_text.setText(self.tr("%n word(s) the app was unsure of", "", unsure))
        self.personal_text.setText(self.tr("personal data (%n)", "", personal))
        for w in (self.unsure_sample, self.unsure_text):
            w.setVisible(unsure > 0)
        for w in (self.personal_sample, self.personal_text):
            w.setVisible(personal > 0)
        self.hint.setVisible(unsure > 0)
        self.setVisible(bool(unsure or personal))


class VerifyQueue(QWidget):
    """The slips waiting for verification (drafts and returned ones, oldest first) as a
    drop-down with their count; `chosen(id)` when the person picks one."""

    chosen = Signal(int)
    LIMIT = 300

    def __init__(self, svc: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._svc = svc
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setStyleSheet("color: #455a64;")
        self.box = QComboBox()
        self.box.setObjectName("verifyQueue")
        self.box.setMinimumWidth(260)
        self.box.setMaximumWidth(420)
        self.box.setToolTip(self.tr("Slips waiting for verification, oldest first"))
        self.box.activated.connect(self._activated)
        lay.addWidget(self.label)
        lay.addWidget(self.box)

    def _query(self) -> ListQuery:
        return ListQuery(statuses=(Status.DRAFT, Status.RETURNED), sort="created_at",
                         descending=False)

    def reload(self) -> list[SubmissionRow]:
        try:
            rows = self._svc.listing.page(self._query(), 0, self.LIMIT)
            count = len(rows) if len(rows) < self.LIMIT else \
                self._svc.listing.count(self._query())
        except KotakSaranError as exc:
            log.info("verification queue not read: %s", exc.code)
            return []
        self.box.blockSignals(True)
        self.box.clear()
        untitled = self.tr("(no title yet)")
        for row in rows:
            self.box.addItem(f"{row.number} — {row.title or untitled}", row.id)
        self.box.blockSignals(False)
        self.label.setText(self.tr("%n waiting:", "", count))
        return rows

    def select(self, submission_id: int | None) -> None:
        self.box.blockSignals(True)
        self.box.setCurrentIndex(self.box.findData(submission_id))
        self.box.blockSignals(False)

    def _activated(self, index: int) -> None:
        ident = self.box.itemData(index)
        if ident is not None:
            self.chosen.emit(int(ident))
