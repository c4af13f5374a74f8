"""The Qt binding must not leak or steal references to None/True/False.

PySide6 6.12.0 on Python 3.11 (where None and True are not yet immortal) drops one reference
to None each time C++ calls a Python `data()` that returns None, and one to True on each
`Signal.emit()` from Python. A table view asks `data()` thousands of times per paint, so the
process aborts ("Fatal Python error: none_dealloc") after seconds of scrolling the list.
6.11.3 has neither bug; pyproject.toml pins PySide6-Essentials below 6.12, and this test keeps
the project from quietly moving to a release that leaks again.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

CALLS = 10  # few: on a leaking binding each call really does use up a reference


class _Empty(QAbstractTableModel):
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> None:
        return None


class _Emitter(QObject):
    happened = Signal()


def _refs_lost(obj: object, action: Callable[[], object]) -> int:
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()
    return before - sys.getrefcount(obj)


def test_data_returning_none_keeps_nones_count(qapp: object) -> None:
    model = _Empty()
    proxy = QSortFilterProxyModel()  # C++ calls the Python data(), as a view does
    proxy.setSourceModel(model)
    assert _refs_lost(None, lambda: proxy.index(0, 0).data()) < CALLS // 2


def test_emit_keeps_trues_count(qapp: object) -> None:
    emitter = _Emitter()
    emitter.happened.connect(lambda: None)
    assert _refs_lost(True, emitter.happened.emit) < CALLS // 2
