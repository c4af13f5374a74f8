"""The page image of the verification workspace: zoom and pan, the word the text cursor is on
framed on the image, unsure words outlined, the redacted page previewed, and a click on the
image telling which word was clicked.

Boxes are in pixels of the stored page image, which is what the view shows, so scene
coordinates are image coordinates.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QMouseEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGraphicsRectItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .page_viewer import ZOOM_STEP, PageView
from .thumbnails import THUMB, PageThumbModel, ThumbnailCache
from .verify_text import PERSONAL_LINE, UNSURE_LINE

Box = tuple[int, int, int, int]
CLICK_SLOP = 4  # pixels the mouse may move and still count as a click, not a drag


class WordImageView(PageView):
    """A page view that frames one word, outlines unsure words and can black out boxes.
    `clicked(x, y)` gives the image position of a click (a drag pans instead)."""

    clicked = Signal(float, float)
    box_drawn = Signal(int, int, int, int)  # covering by hand: a box dragged out
    manual_clicked = Signal(int)  # covering by hand: a click on a drawn box (to remove it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verifyPageView")
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self._press: QPoint | None = None
        self._unsure: list[QGraphicsRectItem] = []
        self._redactions: list[QGraphicsRectItem] = []
        self._manual: list[Box] = []
        self.draw_mode = False
        self._band_start: QPointF | None = None
        self.band = QGraphicsRectItem()
        band_pen = QPen(QColor(PERSONAL_LINE), 2, Qt.PenStyle.DashLine)
        band_pen.setCosmetic(True)
        self.band.setPen(band_pen)
        self.band.setBrush(QBrush(QColor(0, 0, 0, 90)))
        self.band.setZValue(30)
        self.band.hide()
        self.scene().addItem(self.band)
        self.selection = QGraphicsRectItem()
        pen = QPen(QColor(PERSONAL_LINE), 4)
        pen.setCosmetic(True)  # the same thickness at every zoom
        self.selection.setPen(pen)
        self.selection.setBrush(QBrush(QColor(0, 114, 178, 40)))
        self.selection.setZValue(10)
        self.selection.hide()
        self.scene().addItem(self.selection)

    def fit(self) -> None:
        """Fit the page's width, top first: the text is read at a useful size and the rest
        of the page is a scroll away (the whole page in a half-screen is too small to read)."""
        self.fit_mode = True
        if not self.has_image():
            return
        rect = self.sceneRect()
        inner = self.width() - 2 * self.frameWidth()
        high = self.height() - 2 * self.frameWidth()
        scale = inner / rect.width()
        if rect.height() * scale > high:  # a vertical scroll bar will take its width
            scale = (inner - self.verticalScrollBar().sizeHint().width()) / rect.width()
        self.resetTransform()
        self.scale(scale, scale)
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())

    def set_image(self, image: QImage | None) -> None:
        self.selection.hide()
        self.set_unsure([])
        self.set_redactions([])
        super().set_image(image)

    # --- overlays -----------------------------------------------------------------------
    def select_box(self, box: Box | None, *, scroll: bool = True) -> None:
        if box is None:
            self.selection.hide()
            return
        x, y, w, h = box
        pad = max(4, h // 5)
        rect = QRectF(x - pad, y - pad, w + 2 * pad, h + 2 * pad)
        self.selection.setRect(rect)
        self.selection.show()
        if scroll:
            self.ensureVisible(rect, 60, 60)

    def selected_rect(self) -> QRectF | None:
        return self.selection.rect() if self.selection.isVisible() else None

    def set_unsure(self, boxes: list[Box]) -> None:
        for item in self._unsure:
            self.scene().removeItem(item)
        pen = QPen(QColor(UNSURE_LINE), 2, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        self._unsure = []
        for x, y, w, h in boxes:
            item = self.scene().addRect(QRectF(x - 2, y - 2, w + 4, h + 4), pen)
            item.setZValue(5)
            self._unsure.append(item)

    def set_redactions(self, boxes: list[Box], manual: list[Box] | None = None) -> None:
        """Black out `boxes`; those in `manual` (drawn by a person) get a blue edge, so they
        can be told from the automatic ones and clicked away."""
        for item in self._redactions:
            self.scene().removeItem(item)
        self._redactions = []
        self._manual = list(manual or [])
        edge = QPen(QColor(PERSONAL_LINE), 2)
        edge.setCosmetic(True)
        for box in [*(b for b in boxes if b not in self._manual), *self._manual]:
            x, y, w, h = box
            pen = edge if box in self._manual else QPen(Qt.PenStyle.NoPen)
            item = self.scene().addRect(QRectF(x, y, w, h), pen, QBrush(Qt.GlobalColor.black))
            item.setZValue(20)
            self._redactions.append(item)

    def set_draw_mode(self, on: bool) -> None:
        """Covering by hand: a drag draws a box instead of moving the page."""
        self.draw_mode = on
        self.setDragMode(QGraphicsView.DragMode.NoDrag if on
                         else QGraphicsView.DragMode.ScrollHandDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if on
                                  else Qt.CursorShape.OpenHandCursor)

    def redaction_count(self) -> int:
        return len(self._redactions)

    # --- clicks -------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            if self.draw_mode and self.has_image():
                self._band_start = self.mapToScene(self._press)
                self.band.setRect(QRectF(self._band_start, self._band_start))
                self.band.show()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._band_start is not None:
            at = self.mapToScene(event.position().toPoint())
            self.band.setRect(QRectF(self._band_start, at).normalized())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        start, self._band_start = self._band_start, None
        if start is not None:
            self.band.hide()
            self._band_released(start, event)
            return
        super().mouseReleaseEvent(event)
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        if (pos - press).manhattanLength() <= CLICK_SLOP and self.has_image():
            at = self.mapToScene(pos)
            self.clicked.emit(at.x(), at.y())

    def _band_released(self, start: QPointF, event: QMouseEvent) -> None:
        end = self.mapToScene(event.position().toPoint())
        rect = QRectF(start, end).normalized().intersected(self.sceneRect())
        if rect.width() >= 4 and rect.height() >= 4:
            self.box_drawn.emit(int(rect.x()), int(rect.y()), round(rect.width()),
                                round(rect.height()))
            return
        hit = next((i for i, (x, y, w, h) in enumerate(self._manual)
                    if QRectF(x, y, w, h).contains(end)), -1)
        if hit >= 0:
            self.manual_clicked.emit(hit)


def word_at(boxes: list[Box], x: float, y: float, slop: float = 6.0) -> int:
    """Index of the box under (x, y), else of the nearest box within `slop` pixels, else -1."""
    best, best_d = -1, slop
    point = QPointF(x, y)
    for i, (bx, by, bw, bh) in enumerate(boxes):
        rect = QRectF(bx, by, bw, bh)
        if rect.contains(point):
            return i
        dx = max(bx - x, 0.0, x - (bx + bw))
        dy = max(by - y, 0.0, y - (by + bh))
        d = max(dx, dy)
        if d < best_d:
            best, best_d = i, d
    return best


class VerifyImagePanel(QWidget):
    """The page view with its zoom buttons, a page strip when the slip has several pages, and
    the redaction preview switch. The workspace owns the shortcuts (they act from the text)."""

    page_chosen = Signal(int)  # row in the thumbnail strip

    def __init__(self, cache: ThumbnailCache, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = WordImageView()
        self.caption = QLabel()
        self.caption.setObjectName("verifyPageCaption")
        self.caption.setStyleSheet("color: #455a64;")
        self.model = PageThumbModel(cache, self)
        self.strip = QListView()
        self.strip.setObjectName("verifyPageStrip")
        self.strip.setModel(self.model)
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setMovement(QListView.Movement.Static)
        self.strip.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.strip.setIconSize(THUMB * 0.6)
        self.strip.setFixedHeight(int(THUMB.height() * 0.6) + 44)
        self.strip.setSpacing(4)
        self.strip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.strip.clicked.connect(lambda index: self.page_chosen.emit(index.row()))
        self.strip.hide()

        bar = QHBoxLayout()
        bar.setSpacing(4)
        self.zoom_out_button = QToolButton()
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_in_button = QToolButton()
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_button = QToolButton()
        self.fit_button.setText(self.tr("Fit"))
        self.fit_button.setToolTip(self.tr("The page's width (Ctrl+0)"))
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.view.fit)
        self.redact_box = QCheckBox(self.tr("Preview redacted"))
        self.redact_box.setToolTip(self.tr(
            "Shows the page with personal data blacked out, as it is sent for an anonymous "
            "or confidential slip. The original stays in this office."))
        for w in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the form, not here
            w.setMinimumWidth(34)
            bar.addWidget(w)
        bar.addStretch(1)
        self.redact_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bar.addWidget(self.redact_box)

        # Covering by hand (shown with the preview): for what the app cannot find itself,
        # such as a NIK in handwriting. The service needs a person's look at such a page.
        self.hand_row = QWidget()
        rows = QVBoxLayout(self.hand_row)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        hand = QHBoxLayout()
        hand.setSpacing(4)
        rows.addLayout(hand)
        self.draw_button = QToolButton()
        self.draw_button.setCheckable(True)
        self.draw_button.setText(self.tr("Cover by hand"))
        self.draw_button.setToolTip(self.tr(
            "Drag over the page to black out a part; click a box with a blue edge to remove "
            "it. Dragging moves the page again when this is off."))
        self.draw_button.toggled.connect(self.view.set_draw_mode)
        self.checked_button = QToolButton()
        self.checked_button.setText(self.tr("Nothing (more) to cover"))
        self.checked_button.setToolTip(self.tr(
            "Record that you looked at this page and everything personal is covered."))
        self.hand_state = QLabel()
        self.hand_state.setObjectName("handState")
        self.hand_state.setWordWrap(True)
        for w in (self.draw_button, self.checked_button):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            hand.addWidget(w)
        hand.addStretch(1)
        rows.addWidget(self.hand_state)
        self.hand_row.hide()
        self.redact_box.toggled.connect(lambda on: self.draw_button.setChecked(
            self.draw_button.isChecked() and on))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.strip)
        layout.addLayout(bar)
        layout.addWidget(self.hand_row)
        self.view.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def show_hand_state(self, available: bool, manual: int, checked: bool) -> None:
        """The covering-by-hand row, while the redacted page is previewed."""
        self.hand_row.setVisible(available and self.redact_box.isChecked())
        if not checked:
            text = self.tr("Not checked by hand yet.")
        elif manual:
            text = self.tr("Checked by hand; %n box(es) drawn.", "", manual)
        else:
            text = self.tr("Checked by hand: nothing to cover.")
        self.hand_state.setText(text)
        self.checked_button.setEnabled(not checked)
