"""Pieces the Pengaturan tabs share: a form dialog with inline field messages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.errors import KotakSaranError, ValidationFailed
from .errors import show_error

ERROR_STYLE = "color: #b71c1c;"


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class StayOpen(Exception):
    """Raised by a submit callback that has put its own messages on the form."""


class FormDialog(QDialog):
    """A dialog of labelled fields. OK calls `submit`; a ValidationFailed from it is shown
    under the fields it names and the dialog stays open with everything typed."""

    def __init__(
        self, title: str, submit: Callable[[], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self._submit = submit
        self._errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.general_error = error_label()
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_field(self, label: str, widget: QWidget, field: str | None = None) -> None:
        self.form.addRow(label, widget)
        if field:
            err = error_label()
            self._errors[field] = err
            self.form.addRow("", err)

    def set_problems(self, problems: dict[str, list[str]]) -> None:
        leftover: list[str] = []
        for name, label in self._errors.items():
            codes = problems.get(name, [])
            label.setText(" ".join(i18n.problem_message(c) for c in codes))
            label.setVisible(bool(codes))
        for name, codes in problems.items():
            if name not in self._errors:
                leftover.append(i18n.field_problems_text({name: codes}))
        self.general_error.setText("\n".join(leftover))
        self.general_error.setVisible(bool(leftover))

    def set_message(self, field: str, text: str) -> None:
        label = self._errors[field]
        label.setText(text)
        label.setVisible(bool(text))

    def accept(self) -> None:
        self.set_problems({})
        try:
            self._submit()
        except StayOpen:
            return
        except ValidationFailed as exc:
            self.set_problems(exc.fields)
            return
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        super().accept()


def make_read_only_table(view: QAbstractItemView, stretch_column: int) -> None:
    """A settings table: whole rows selected one at a time, no in-place editing."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if isinstance(view, QTableView | QTableWidget):
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(stretch_column,
                                                     QHeaderView.ResizeMode.Stretch)


def yes_no(value: bool) -> str:
    return (
        QCoreApplication.translate("Settings", "Yes")
        if value
        else QCoreApplication.translate("Settings", "No")
    )
