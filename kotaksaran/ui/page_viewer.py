"""The large page viewer: zoom with the wheel or Ctrl +/-, pan by dragging, fit to the window."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeySequence,
    QPainter,
    QPixmap,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25


def decode_image(data: bytes) -> QImage:
    with Image.open(io.BytesIO(data)) as im:
        im = im.convert("L") if im.mode in ("1", "L", "P", "LA") else im.convert("RGB")
        if im.mode == "L":
            fmt, stride = QImage.Format.Format_Grayscale8, im.width
        else:
            fmt, stride = QImage.Format.Format_RGB888, im.width * 3
        buf = im.tobytes()
    return QImage(buf, im.width, im.height, stride, fmt).copy()


class PageView(QGraphicsView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self._item = QGraphicsPixmapItem()
        self._item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self._item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.fit_mode = True

    def set_image(self, image: QImage | None) -> None:
        self._item.setPixmap(QPixmap.fromImage(image) if image is not None else QPixmap())
        self.scene().setSceneRect(self._item.boundingRect())
        self.fit()

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.02 <= scale <= 16:
            self.fit_mode = False
            self.scale(factor, factor)

    def zoom_level(self) -> float:
        return self.transform().m11()

    def fit(self) -> None:
        self.fit_mode = True
        if self.has_image():
            self.fitInView(self._item, Qt.AspectRatioMode.KeepAspectRatio)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom(ZOOM_STEP ** steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit_mode:
            self.fit()


class PageViewer(QWidget):
    """The view with its buttons; rotate buttons only ask (`rotate_requested(quarter_turns)`):
    the screen rotates the stored page, with undo."""

    rotate_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = PageView()
        self.caption = QLabel()
        self.caption.setObjectName("viewerCaption")
        bar = QHBoxLayout()
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.fit_button = QPushButton(self.tr("Fit"))
        self.rotate_left_button = QPushButton(self.tr("Rotate left"))
        self.rotate_right_button = QPushButton(self.tr("Rotate right"))
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.view.fit)
        self.rotate_left_button.clicked.connect(lambda: self.rotate_requested.emit(-1))
        self.rotate_right_button.clicked.connect(lambda: self.rotate_requested.emit(1))
        for b in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.rotate_left_button)
        bar.addWidget(self.rotate_right_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)
        for keys, fn in ((QKeySequence.StandardKey.ZoomIn, lambda: self.view.zoom(ZOOM_STEP)),
                         (QKeySequence("Ctrl+="), lambda: self.view.zoom(ZOOM_STEP)),
                         (QKeySequence.StandardKey.ZoomOut,
                          lambda: self.view.zoom(1 / ZOOM_STEP)),
                         (QKeySequence("Ctrl+0"), self.view.fit)):
            sc = QShortcut(keys, self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(fn)
        self.set_enabled_actions(False)

    def set_enabled_actions(self, editable: bool) -> None:
        self.rotate_left_button.setEnabled(editable)
        self.rotate_right_button.setEnabled(editable)

    def show_image(self, image: QImage | None, caption: str = "") -> None:
        self.view.set_image(image)
        self.caption.setText(caption)
