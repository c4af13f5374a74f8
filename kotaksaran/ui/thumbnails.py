"""Page thumbnails: made in a worker from the stored image, cached by blob, shown by a list model.

A blob never changes (its name is its content's hash), so a thumbnail made once is valid for
as long as the app runs; the cache keeps the most recent few hundred.
"""

from __future__ import annotations

import io
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PIL import Image
from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap

from ..services.intake import PageView
from . import tasks

THUMB = QSize(110, 150)
MIME = "application/x-kotaksaran-page"
_AnyIndex = QModelIndex | QPersistentModelIndex


def make_thumbnail(data: bytes, size: QSize = THUMB) -> QImage:
    """A scaled-down page (worker thread: QImage, not QPixmap, may be made off the GUI thread)."""
    with Image.open(io.BytesIO(data)) as im:
        im.draft("L", (size.width() * 2, size.height() * 2))  # JPEG: decode at a lower scale
        small = im.convert("L")
        small.thumbnail((size.width(), size.height()), Image.Resampling.LANCZOS)
    buf = small.tobytes()
    image = QImage(buf, small.width, small.height, small.width,
                   QImage.Format.Format_Grayscale8)
    return image.copy()  # own the pixels; `buf` goes away


class ThumbnailCache(QObject):
    """Asks a worker for thumbnails it has not got; `ready(sha)` when one arrives."""

    ready = Signal(str)

    def __init__(self, read_blob: Callable[[str], bytes], limit: int = 400,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read_blob
        self._limit = limit
        self._images: OrderedDict[str, QPixmap] = OrderedDict()
        self._asked: set[str] = set()
        self.failed: set[str] = set()

    def get(self, sha: str) -> QPixmap | None:
        pix = self._images.get(sha)
        if pix is not None:
            self._images.move_to_end(sha)
            return pix
        if sha not in self._asked and sha not in self.failed:
            self._asked.add(sha)
            read = self._read
            tasks.run_task(lambda _c: make_thumbnail(read(sha)),
                           on_done=lambda img, s=sha: self._arrived(s, img),
                           on_error=lambda _e, s=sha: self._lost(s), parent=self)
            return self._images.get(sha)  # made already when tasks run synchronously
        return None

    def _arrived(self, sha: str, image: QImage) -> None:
        self._asked.discard(sha)
        self._images[sha] = QPixmap.fromImage(image)
        while len(self._images) > self._limit:
            self._images.popitem(last=False)
        self.ready.emit(sha)

    def _lost(self, sha: str) -> None:
        self._asked.discard(sha)
        self.failed.add(sha)
        self.ready.emit(sha)


def _placeholder(text: str, color: str = "#eceff1") -> QPixmap:
    pix = QPixmap(THUMB)
    pix.fill(QColor(color))
    p = QPainter(pix)
    p.setPen(QColor("#607d8b"))
    p.drawText(pix.rect(), Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return pix


class PageThumbModel(QAbstractListModel):
    """The pages of one submission. Dropping a page elsewhere in the list asks for a move
    (`move_requested(page_id, new_position)`); the screen reloads after the service call."""

    move_requested = Signal(int, int)
    PageIdRole = Qt.ItemDataRole.UserRole + 1
    DuplicateRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, cache: ThumbnailCache, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._pages: list[PageView] = []
        cache.ready.connect(self._thumb_ready)

    def set_pages(self, pages: list[PageView] | tuple[PageView, ...]) -> None:
        self.beginResetModel()
        self._pages = list(pages)
        self.endResetModel()

    def page(self, row: int) -> PageView | None:
        return self._pages[row] if 0 <= row < len(self._pages) else None

    def row_of(self, page_id: int) -> int:
        return next((i for i, p in enumerate(self._pages) if p.id == page_id), -1)

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pages)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        page = self.page(index.row()) if index.isValid() else None
        if page is None:
            return None
        dup = page.flags.get("possible_duplicate_of")
        if role == Qt.ItemDataRole.DisplayRole:
            text = self.tr("Page %1").replace("%1", str(index.row() + 1))
            if page.flags.get("blank"):
                text += " · " + self.tr("blank")
            return text
        if role == Qt.ItemDataRole.DecorationRole:
            pix = self._cache.get(page.blob_sha256)
            if pix is None:
                failed = page.blob_sha256 in self._cache.failed
                pix = _placeholder(self.tr("image missing") if failed else "…",
                                   "#ffebee" if failed else "#eceff1")
            if dup:
                pix = _badged(pix, "≈ " + str(dup).rsplit("-", 1)[-1])  # full one: tooltip
            return pix
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [page.source_name or "", f"{page.width} × {page.height} px, {page.dpi} dpi"]
            if dup:
                lines.append(self.tr("Possible duplicate of %1").replace("%1", str(dup)))
            return "\n".join(x for x in lines if x)
        if role == self.PageIdRole:
            return page.id
        if role == self.DuplicateRole:
            return dup
        return None

    def _thumb_ready(self, sha: str) -> None:
        for i, p in enumerate(self._pages):
            if p.blob_sha256 == sha:
                idx = self.index(i)
                self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    # --- drag to reorder -----------------------------------------------------------------
    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        mime = QMimeData()
        ids = [str(self._pages[i.row()].id) for i in indexes if i.isValid()]
        mime.setData(MIME, QByteArray(",".join(ids[:1]).encode()))
        return mime

    def moveRows(self, source_parent: _AnyIndex, source_row: int, count: int,
                 destination_parent: _AnyIndex, destination_child: int) -> bool:
        """What QListView calls for an internal drag: ask for the move (after the drop has
        finished; the reload resets this model) instead of moving rows here."""
        page = self.page(source_row)
        if page is None or count != 1:
            return False
        new = destination_child if destination_child <= source_row else destination_child - 1
        if new != source_row:
            QTimer.singleShot(0, lambda: self.move_requested.emit(page.id, new + 1))
        return True

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _AnyIndex) -> bool:
        if not data.hasFormat(MIME):
            return False
        try:
            page_id = int(bytes(data.data(MIME).data()).decode())
        except ValueError:
            return False
        old = self.row_of(page_id)
        if old < 0:
            return False  # a page of another slip: merging is a separate action
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._pages)
        new = row if row <= old else row - 1
        if new != old:
            self.move_requested.emit(page_id, new + 1)
        return False  # the list is reloaded from the database, not edited here


def _badged(pix: QPixmap, text: str) -> QPixmap:
    out = QPixmap(pix)
    p = QPainter(out)
    font = QFont()
    font.setPointSize(7)
    font.setBold(True)
    p.setFont(font)
    rect = out.rect().adjusted(2, 2, -2, 0)
    rect.setHeight(16)
    p.fillRect(rect, QColor("#ef6c00"))
    p.setPen(QColor("white"))
    p.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    p.end()
    return out
