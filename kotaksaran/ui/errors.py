"""Showing failures: typed errors become a calm message; anything else is a bug report."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.errors import EnvironmentProblem, KotakSaranError
from ..i18n import error_message

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    """Translated in the QMessageBox context, where app.py declares these texts."""
    return QCoreApplication.translate("QMessageBox", text)


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """One place that turns an exception into a dialog (Bahasa Indonesia by default)."""
    if isinstance(exc, KotakSaranError):
        icon = QMessageBox.Icon.Warning if isinstance(exc, EnvironmentProblem) \
            else QMessageBox.Icon.Information
        box = QMessageBox(icon, _tr("Kotak Saran Digital"), error_message(exc),
                          QMessageBox.StandardButton.Ok, parent)
        box.exec()
        return
    log.error("unexpected error", exc_info=exc)
    show_crash(parent, exc)


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    details = "".join(traceback.format_exception(exc))
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("Kotak Saran Digital"),
                      _tr(
                          "Something went wrong inside the program. What you saved is safe. "
                          "Please tell the admin; the details are in the log."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(details)
    box.exec()
