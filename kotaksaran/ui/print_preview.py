"""Print preview: the document's PDF pages on screen, the system print dialog, "Simpan sebagai
PDF", and reprints marked SALINAN. Every print and save is audited by the document service.

The PDF is drawn with pypdfium2 (PySide6-Essentials has no QtPdf). Printing renders each page
at the printer's resolution onto a page of exactly the PDF's size, so a 58 mm receipt comes out
58 mm wide and an A4 report keeps its layout.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..documents.errors import PrintFailed
from ..documents.output import write_file
from ..domain.errors import KotakSaranError
from ..services.documents import RenderedDocument
from .context import UiContext
from .errors import show_error

log = logging.getLogger(__name__)

PREVIEW_DPI = 96
MAX_PRINT_DPI = 600
# Receipt papers, as the document service names them.
PAPER_LABELS = {"a6": "A6 (105 × 148 mm)", "58mm": "58 mm", "80mm": "80 mm"}

Maker = Callable[[str | None], RenderedDocument]


def _t(text: str) -> str:
    return QCoreApplication.translate("PrintPreviewDialog", text)


def _to_qimage(bitmap: pdfium.PdfBitmap) -> QImage:
    pil = bitmap.to_pil().convert("RGB")
    data = pil.tobytes()
    image = QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: `data` goes away


def page_images(pdf: bytes, dpi: float) -> list[QImage]:
    doc = pdfium.PdfDocument(pdf)
    try:
        return [_to_qimage(doc[i].render(scale=dpi / 72)) for i in range(len(doc))]
    finally:
        doc.close()


def page_size_points(pdf: bytes) -> tuple[float, float]:
    doc = pdfium.PdfDocument(pdf)
    try:
        width, height = doc[0].get_size()
        return float(width), float(height)
    finally:
        doc.close()


def print_pdf(printer: QPrinter, pdf: bytes) -> int:
    """Draw every page of `pdf` onto `printer` at the PDF's own page size; returns the number
    of pages. Raises PrintFailed when the printer cannot be opened."""
    width, height = page_size_points(pdf)
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    dpi = max(150, min(MAX_PRINT_DPI, printer.resolution()))
    images = page_images(pdf, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(detail=printer.printerName() or printer.outputFileName() or "?")
    try:
        for n, image in enumerate(images):
            if n:
                printer.newPage()
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(QRectF(target), image)
    finally:
        painter.end()
    return len(images)


class PrintPreviewDialog(QDialog):
    """Shows a document; prints it or saves it as PDF (or CSV/XLSX for the monthly figures).

    `make(paper)` builds the document through the service (`paper` is None unless `papers`
    are offered); it is called again after each print or save, so that the next one shows
    what it will be: a reprint marked SALINAN where the document has copies.
    """

    def __init__(self, ctx: UiContext, title: str, make: Maker, *,
                 papers: Sequence[str] = (), paper: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._make = make
        self.document: RenderedDocument | None = None
        self._zoom = 0.0  # set from the first page: small papers a little larger
        self.setWindowTitle(title)
        self.resize(900, 900)

        outer = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 13pt; font-weight: 600;")
        outer.addWidget(heading)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        outer.addWidget(self.state_label)

        bar = QHBoxLayout()
        self.paper_combo = QComboBox()
        for key in papers:
            self.paper_combo.addItem(PAPER_LABELS.get(key, key), key)
        if paper is not None:
            self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(paper)))
        self.paper_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.paper_label = QLabel(self.tr("Paper:"))
        for w in (self.paper_label, self.paper_combo):
            w.setVisible(bool(papers))
            bar.addWidget(w)
        self.zoom_out = QPushButton(self.tr("Zoom out"))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self._zoom / 1.25))
        self.zoom_in = QPushButton(self.tr("Zoom in"))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self._zoom * 1.25))
        bar.addWidget(self.zoom_out)
        bar.addWidget(self.zoom_in)
        bar.addStretch(1)
        self.extra_bar = QHBoxLayout()  # callers add buttons (e.g. attach a scan)
        bar.addLayout(self.extra_bar)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bar.addWidget(self.save_button)
        bar.addWidget(self.print_button)
        bar.addWidget(close)
        outer.addLayout(bar)

        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setSpacing(14)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet("QScrollArea { background: #8a8f94; }")
        self.pages_widget.setStyleSheet("background: #8a8f94;")
        scroll.setWidget(self.pages_widget)
        outer.addWidget(scroll, 1)
        self.page_labels: list[QLabel] = []
        self.refresh()

    # --- state --------------------------------------------------------------------------
    def paper(self) -> str | None:
        data = self.paper_combo.currentData()
        return str(data) if data else None

    def refresh(self) -> None:
        """Build the document again (after a print, a reprint is a SALINAN)."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.document = self._make(self.paper())
        except KotakSaranError as exc:
            QGuiApplication.restoreOverrideCursor()
            show_error(self, exc)
            self.document = None
            self._show_pages()
            return
        QGuiApplication.restoreOverrideCursor()
        self._show_pages()

    def _show_pages(self) -> None:
        for label in self.page_labels:
            label.hide()
            self.pages_layout.removeWidget(label)
            label.deleteLater()
        self.page_labels = []
        doc = self.document
        enabled = doc is not None
        self.print_button.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        if doc is None:
            self.state_label.setText(self.tr("The document could not be made."))
            return
        self.state_label.setText(
            self.tr("This is a reprint: it will be marked SALINAN (copy).") if doc.copy
            else self.tr("Original: the first print of this document."))
        if not self._zoom:
            width_mm = page_size_points(doc.content)[0] / 72 * 25.4
            self._zoom = 1.4 if width_mm < 120 else 1.0
        ratio = self.devicePixelRatioF() or 1.0
        for image in page_images(doc.content, PREVIEW_DPI * self._zoom * ratio):
            pix = QPixmap.fromImage(image)
            pix.setDevicePixelRatio(ratio)
            label = QLabel()
            label.setPixmap(pix)
            label.setFixedSize(pix.deviceIndependentSize().toSize())
            label.setStyleSheet("background: white; border: 1px solid #5f6368;")
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)

    def set_zoom(self, zoom: float) -> None:
        self._zoom = max(0.4, min(4.0, zoom))
        self._show_pages()

    # --- output -------------------------------------------------------------------------
    def print_document(self) -> bool:
        if self.document is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.document.file_name)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        doc = self.document
        if doc is None:
            return False
        try:
            print_pdf(printer, doc.content)
            target = printer.printerName() or printer.outputFileName()
            self.ctx.services.documents.record_print(doc, "printer", target)
        except KotakSaranError as exc:
            show_error(self, exc)
            return False
        self.refresh()
        return True

    def save_as(self) -> Path | None:
        doc = self.document
        if doc is None:
            return None
        suggested = str(Path.home() / doc.file_name)
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), suggested, self.tr("PDF document (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return self.save_to(Path(path))

    def save_to(self, path: Path) -> Path | None:
        doc = self.document
        if doc is None:
            return None
        try:
            written = write_file(path, doc.content)
            self.ctx.services.documents.record_print(doc, "pdf", str(written))
        except KotakSaranError as exc:
            show_error(self, exc)
            return None
        self.refresh()
        return written


# --- entry points for the screens ----------------------------------------------------------
def receipt_preview(ctx: UiContext, submission_id: int, parent: QWidget | None = None
                    ) -> PrintPreviewDialog:
    from ..documents.style import RECEIPT_SIZES

    svc = ctx.services
    paper = str(svc.config.get("documents.receipt_size"))
    number = svc.submissions.get(submission_id).number
    title = _t("Receipt {number}").replace("{number}", number)
    return PrintPreviewDialog(ctx, title, lambda size: svc.documents.receipt(submission_id,
                                                                             size),
                              papers=RECEIPT_SIZES, paper=paper, parent=parent)


def minutes_preview(ctx: UiContext, session_id: int, parent: QWidget | None = None
                    ) -> PrintPreviewDialog:
    svc = ctx.services
    title = _t("Minutes of box opening, session {session}").replace(
        "{session}", str(session_id))
    dialog = PrintPreviewDialog(ctx, title, lambda _size: svc.documents.minutes(session_id),
                                parent=parent)
    attach = QPushButton(_t("Attach the signed scan…"))
    attach.setToolTip(_t("After signing, scan the paper and keep the scan with this box "
                         "session"))
    attach.clicked.connect(lambda: attach_minutes_scan(ctx, session_id, dialog))
    dialog.extra_bar.addWidget(attach)
    dialog.attach_button = attach  # type: ignore[attr-defined]
    return dialog


def attach_minutes_scan(ctx: UiContext, session_id: int, parent: QWidget,
                        path: str | None = None) -> bool:
    if path is None:
        path, _f = QFileDialog.getOpenFileName(
            parent, _t("Scan of the signed minutes"), str(Path.home()),
            _t("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"))
        if not path:
            return False
    try:
        view = ctx.services.documents.attach_minutes_scan(session_id, path)
    except KotakSaranError as exc:
        show_error(parent, exc)
        return False
    QMessageBox.information(parent, _t("Scan attached"),
                            _t("The scan {file} is kept with this box "
                                                  "session.").replace("{file}",
                                                                      view.file_name))
    ctx.bus.sessions_changed.emit()
    return True
