"""Supervisor review: approve, return with a reason, reject with a reason.

Each helper is one service call; errors become a message, success is announced on the bus.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KotakSaranError
from ..services.views import SubmissionView
from .context import UiContext
from .errors import show_error
from .record_widgets import ERROR_COLOUR

_CTX = "ReasonDialog"
COMMON_REASONS: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("ReasonDialog", "Content unclear")),
    str(QT_TRANSLATE_NOOP("ReasonDialog", "Location incomplete")),
    str(QT_TRANSLATE_NOOP("ReasonDialog", "Duplicate")),
    str(QT_TRANSLATE_NOOP("ReasonDialog", "Not a complaint / spam")),
)


class ReasonDialog(QDialog):
    """Asks why a slip is returned or rejected; a reason is required."""

    def __init__(self, title: str, prompt: str, action: str, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        lay.addWidget(label)
        chips = QHBoxLayout()
        chips.setSpacing(6)
        for reason in COMMON_REASONS:
            text = QCoreApplication.translate(_CTX, reason)
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, t=text: self._use(t))
            chips.addWidget(button)
        chips.addStretch(1)
        lay.addLayout(chips)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Write the reason the petugas will read."))
        self.text.setMinimumHeight(110)
        lay.addWidget(self.text)
        self.error = QLabel(self.tr("A reason is required."))
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(action, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.text.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.text.setFocus()  # type at once; the reason buttons are one Tab away

    def _use(self, reason: str) -> None:
        current = self.text.toPlainText().strip()
        self.text.setPlainText(f"{current}; {reason}" if current else reason)
        self.text.setFocus()
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def accept(self) -> None:
        if not self.reason():
            self.error.show()
            self.text.setFocus()
            return
        super().accept()


def ask_reason(parent: QWidget | None, *, returning: bool, number: str) -> str | None:
    """The reason typed, or None when cancelled."""
    if returning:
        dlg = ReasonDialog(
            QCoreApplication.translate("review", "Return slip %1").replace("%1", number),
            QCoreApplication.translate("review", "The slip goes back to the petugas, who fixes "
                                       "it and verifies it again. Why?"),
            QCoreApplication.translate("review", "Return"), parent)
    else:
        dlg = ReasonDialog(
            QCoreApplication.translate("review", "Reject slip %1").replace("%1", number),
            QCoreApplication.translate("review", "A rejected slip is kept but never sent. Why "
                                       "is it not a report?"),
            QCoreApplication.translate("review", "Reject"), parent)
    return dlg.reason() if dlg.exec() == QDialog.DialogCode.Accepted else None


def approve(ctx: UiContext, parent: QWidget | None, submission_id: int
            ) -> SubmissionView | None:
    try:
        view = ctx.services.submissions.approve(submission_id)
    except KotakSaranError as exc:
        show_error(parent, exc)
        return None
    ctx.bus.submissions_changed.emit([submission_id])
    return view


def return_(ctx: UiContext, parent: QWidget | None, submission_id: int, number: str,
            reason: str | None = None) -> SubmissionView | None:
    """Asks for the reason unless one is given (tests, scripted use)."""
    reason = reason if reason is not None else ask_reason(parent, returning=True, number=number)
    if not reason:
        return None
    try:
        view = ctx.services.submissions.return_(submission_id, reason)
    except KotakSaranError as exc:
        show_error(parent, exc)
        return None
    ctx.bus.submissions_changed.emit([submission_id])
    return view


def reject(ctx: UiContext, parent: QWidget | None, submission_id: int, number: str,
           reason: str | None = None) -> SubmissionView | None:
    reason = reason if reason is not None else ask_reason(parent, returning=False,
                                                          number=number)
    if not reason:
        return None
    try:
        view = ctx.services.submissions.reject(submission_id, reason)
    except KotakSaranError as exc:
        show_error(parent, exc)
        return None
    ctx.bus.submissions_changed.emit([submission_id])
    return view
