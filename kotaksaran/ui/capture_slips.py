"""The capture screen's slips: one group per submission (header, badges, page thumbnails)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..services.pages import SlipPages
from .thumbnails import THUMB, PageThumbModel, ThumbnailCache

IMPORT_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".pdf"}
STATUS_COLOURS = {"draft": "#546e7a", "verified": "#2e7d32", "returned": "#ef6c00",
                  "rejected": "#b71c1c"}


def expand_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Files as given; a folder gives its image and PDF files (sorted, recursively)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and f.suffix.lower() in IMPORT_SUFFIXES
                              and not any(part.startswith(".") for part in f.parts)))
        else:
            out.append(p)
    return out


class SlipGroup(QFrame):
    """One submission: a header (number, status, duplicate badge) and its page thumbnails."""

    page_selected = Signal(int, int)  # submission id, page id

    def __init__(self, slip: SlipPages, cache: ThumbnailCache, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.slip = slip
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"slip_{slip.id}")
        head = QHBoxLayout()
        self.title = QLabel(f"<b>{slip.number}</b>")
        status = QLabel(i18n.label(i18n.STATUS_LABELS, slip.status))
        colour = STATUS_COLOURS.get(slip.status, "#607d8b")
        status.setStyleSheet(f"color: white; background: {colour}; padding: 1px 6px;"
                             " border-radius: 3px;")
        head.addWidget(self.title)
        head.addWidget(status)
        self.badge: QLabel | None = None
        if slip.possible_duplicates:
            self.badge = QLabel(self.tr("Possible duplicate of %1")
                                .replace("%1", ", ".join(slip.possible_duplicates)))
            self.badge.setObjectName("duplicateBadge")
            self.badge.setStyleSheet("color: white; background: #ef6c00; padding: 1px 6px;"
                                     " border-radius: 3px;")
            self.badge.setWordWrap(True)
        head.addStretch(1)
        count = QLabel(self.tr("%n page(s)", "", len(slip.pages)))
        head.addWidget(count)
        self.model = PageThumbModel(cache, self)
        self.model.set_pages(slip.pages)
        self.view = QListView()
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setFlow(QListView.Flow.LeftToRight)
        self.view.setWrapping(False)
        self.view.setIconSize(THUMB)
        self.view.setGridSize(QSize(THUMB.width() + 16, THUMB.height() + 28))
        self.view.setFixedHeight(THUMB.height() + 52)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setMovement(QListView.Movement.Snap)
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        if slip.editable:
            self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.clicked.connect(self._clicked)
        self.view.selectionModel().currentChanged.connect(lambda cur, _p: self._clicked(cur))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(head)
        if self.badge is not None:
            layout.addWidget(self.badge)
        layout.addWidget(self.view)
        if not slip.pages:
            # A slip typed in by hand has no images: one quiet line instead of an empty strip.
            self.view.hide()
            note = QLabel(self.tr("Typed in, no page images"))
            note.setStyleSheet("color: #607d8b; font-style: italic;")
            layout.addWidget(note)

    def _clicked(self, index: object) -> None:
        row = index.row() if hasattr(index, "row") else -1  # type: ignore[attr-defined]
        page = self.model.page(row)
        if page is not None:
            self.page_selected.emit(self.slip.id, page.id)

    def select_page(self, page_id: int) -> None:
        row = self.model.row_of(page_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row))

    def clear_selection(self) -> None:
        self.view.clearSelection()
