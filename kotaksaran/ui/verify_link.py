"""Keeps the report text and the page image of the verification workspace in step: the word
at the text cursor is framed on the image (switching page when needed), a click on the image
selects its word in the text, unsure words are marked on both, and the redacted page can be
previewed. Images are decoded in workers and kept for the last few pages."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from ..services import Services
from . import tasks
from .page_viewer import decode_image
from .verify_data import CONFIDENT, Box, PageRedactions, SlipPages, page_redactions
from .verify_image import VerifyImagePanel, word_at
from .verify_text import OcrHighlighter, SourceWord, align, find_marks, select_span

REALIGN_MS = 150  # after typing, the marks follow the text this much later
IMAGE_CACHE = 6


class PageTextLink(QObject):
    marks_changed = Signal(int, int)  # unsure words, personal data marks in the text
    failed = Signal(object)  # an exception from a worker (image or redaction boxes)
    redactions_saved = Signal()  # boxes drawn or removed, or a page marked as checked

    def __init__(self, svc: Services, body: QPlainTextEdit, panel: VerifyImagePanel,
                 note: QLabel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._svc = svc
        self.body = body
        self.panel = panel
        self.note = note  # one line under the image about the clicked word
        self.highlighter = OcrHighlighter(body, CONFIDENT)
        self.pages: SlipPages | None = None
        self.findings: tuple[Any, ...] = ()
        self.page_index = 0
        self.force_redacted = False
        self.redactions: PageRedactions | None = None  # of the page shown, while previewed
        self._gen = 0
        self._images: OrderedDict[str, QImage] = OrderedDict()
        self._held_image: QImage | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REALIGN_MS)
        self._timer.timeout.connect(self.realign)
        body.textChanged.connect(self._timer.start)
        body.cursorPositionChanged.connect(self.cursor_moved)
        panel.view.clicked.connect(self.image_clicked)
        panel.page_chosen.connect(lambda row: self.show_page(row))
        panel.redact_box.toggled.connect(lambda _on: self.apply_redactions())
        panel.view.box_drawn.connect(self.add_manual)
        panel.view.manual_clicked.connect(self.remove_manual)
        panel.checked_button.clicked.connect(self.mark_checked)

    # --- what is shown ------------------------------------------------------------------
    def reset(self, gen: int) -> None:
        """Another slip (or none): forget the pages, the marks and the image."""
        self._gen = gen
        self._held_image = None
        self.redactions = None
        self.pages = None
        self.findings = ()
        self.page_index = 0
        self.panel.model.set_pages([])
        self.panel.strip.hide()
        self.panel.view.set_image(None)
        self.panel.caption.setText("")
        self.note.setText("")
        self.highlighter.set_data([], [])
        self.marks_changed.emit(0, 0)

    def set_pages(self, snap: SlipPages) -> None:
        first = self.pages is None
        self.pages = snap
        self.panel.model.set_pages(snap.pages)
        self.panel.strip.setVisible(len(snap.pages) > 1)
        if snap.pages:
            index = 0 if first else min(self.page_index, len(snap.pages) - 1)
            self.show_page(index, force=True)
        self.realign()

    def set_findings(self, findings: Sequence[Any]) -> None:
        self.findings = tuple(findings)
        self.realign()

    def set_force_redacted(self, forced: bool) -> None:
        """A slip whose identity this person may not see shows only the redacted page."""
        self.force_redacted = forced
        box = self.panel.redact_box
        box.setEnabled(not forced)
        if forced and not box.isChecked():
            box.setChecked(True)  # -> apply_redactions

    # --- the page image -----------------------------------------------------------------
    def show_page(self, index: int, *, force: bool = False) -> None:
        pages = self.pages.pages if self.pages is not None else ()
        if not 0 <= index < len(pages) or (index == self.page_index and not force):
            return
        self.page_index = index
        page = pages[index]
        self.panel.caption.setText(self.tr("Page %1 of %2").replace("%1", str(index + 1))
                                   .replace("%2", str(len(pages))))
        self.panel.strip.setCurrentIndex(self.panel.model.index(index))
        self.note.setText("")
        image = self._images.get(page.blob_sha256)
        if image is not None:
            self._image_ready(self._gen, index, page.blob_sha256, image)
            return
        self.panel.view.set_image(None)
        gen, sha, read = self._gen, page.blob_sha256, self._svc.pages.image_bytes
        tasks.run_task(lambda _c: decode_image(read(sha)),
                       on_done=lambda img: self._image_ready(gen, index, sha, img),
                       on_error=self._failed(gen), parent=self)

    def _failed(self, gen: int) -> Any:
        return lambda exc: self.failed.emit(exc) if gen == self._gen else None

    def _image_ready(self, gen: int, index: int, sha: str, image: QImage) -> None:
        self._images[sha] = image
        self._images.move_to_end(sha)
        while len(self._images) > IMAGE_CACHE:
            self._images.popitem(last=False)
        if gen != self._gen or index != self.page_index:
            return
        if self.force_redacted:
            # Not even a moment of the unredacted page: shown once its boxes are known.
            self._held_image = image
            self.panel.view.set_image(None)
            self.apply_redactions()
            return
        self._put_image(image)
        self.apply_redactions()

    def _put_image(self, image: QImage) -> None:
        self.panel.view.set_image(image)
        self._paint_unsure()
        self.cursor_moved(follow=False)  # a page chosen by hand stays up

    def _page_words(self) -> list[SourceWord]:
        if self.pages is None:
            return []
        return [w for w in self.pages.words if w.page == self.page_index]

    def _paint_unsure(self) -> None:
        boxes = [s.word.box for s in self.highlighter.unsure_spans()
                 if s.word is not None and s.word.page == self.page_index]
        self.panel.view.set_unsure(boxes)

    def apply_redactions(self) -> None:
        view = self.panel.view
        pages = self.pages.pages if self.pages is not None else ()
        if not (self.panel.redact_box.isChecked() or self.force_redacted) or not pages:
            view.set_redactions([])
            self.panel.show_hand_state(False, 0, False)
            self.redactions = None
            return
        gen, index, svc = self._gen, self.page_index, self._svc
        page_id = pages[index].id
        tasks.run_task(lambda _c: page_redactions(svc, page_id),
                       on_done=lambda red: self._redactions_ready(gen, index, red),
                       on_error=self._failed(gen), parent=self)

    def _redactions_ready(self, gen: int, index: int, red: PageRedactions) -> None:
        if gen != self._gen or index != self.page_index:
            return
        held, self._held_image = self._held_image, None
        if held is not None:
            self._put_image(held)
        if self.panel.redact_box.isChecked() or self.force_redacted:
            self.redactions = red
            self.panel.view.set_redactions(list(red.boxes), list(red.manual))
            self.panel.show_hand_state(red.by_hand, len(red.manual), red.checked)
            self.note.setText("" if red.boxes else
                              self.tr("Nothing on this page needs blacking out."))

    # --- covering by hand -----------------------------------------------------------------
    def add_manual(self, x: int, y: int, w: int, h: int) -> None:
        red = self.redactions
        if red is not None and red.by_hand:
            self._save_manual([*red.manual, (x, y, w, h)], checked=True)

    def remove_manual(self, index: int) -> None:
        red = self.redactions
        if red is not None and red.by_hand and 0 <= index < len(red.manual):
            rest = [b for i, b in enumerate(red.manual) if i != index]
            # the last box gone: the page is not "checked" until someone says so again
            self._save_manual(rest, checked=bool(rest))

    def mark_checked(self) -> None:
        red = self.redactions
        if red is not None and red.by_hand:
            self._save_manual(list(red.manual), checked=True)

    def _save_manual(self, boxes: list[Box], *, checked: bool) -> None:
        pages = self.pages.pages if self.pages is not None else ()
        if not pages:
            return
        gen, svc, page_id = self._gen, self._svc, pages[self.page_index].id
        tasks.run_task(lambda _c: svc.privacy.set_redactions(page_id, boxes, checked=checked),
                       on_done=lambda _r: self._manual_saved(gen),
                       on_error=self._failed(gen), parent=self)

    def _manual_saved(self, gen: int) -> None:
        if gen == self._gen:
            self.redactions_saved.emit()
            self.apply_redactions()

    # --- text <-> image -----------------------------------------------------------------
    def realign(self) -> None:
        self._timer.stop()
        text = self.body.toPlainText()
        words = self.pages.words if self.pages is not None else ()
        body_findings = [(str(f.kind), int(f.start), int(f.end), str(f.text or ""))
                         for f in self.findings if getattr(f, "field", "body") == "body"]
        marks = find_marks(text, body_findings)
        self.highlighter.set_data(align(text, words), marks)
        self._paint_unsure()
        self.marks_changed.emit(len(self.highlighter.unsure_spans()), len(marks))
        self.cursor_moved(follow=False)

    def realign_pending(self) -> bool:
        return self._timer.isActive()

    def cursor_moved(self, *, follow: bool = True) -> None:
        """Frame the word at the text cursor; `follow` turns to its page when another one
        is up."""
        if self._timer.isActive():
            return  # the map is being rebuilt after typing
        span = self.highlighter.span_at(self.body.textCursor().position())
        view = self.panel.view
        if span is None or span.word is None:
            view.select_box(None)
            return
        if span.word.page != self.page_index:
            view.select_box(None)
            if follow:
                self.show_page(span.word.page)  # frames the word once the image is there
            return
        if view.has_image():
            view.select_box(span.word.box)

    def image_clicked(self, x: float, y: float) -> None:
        words = self._page_words()
        index = word_at([w.box for w in words], x, y)
        if index < 0:
            self.note.setText("")
            return
        word = words[index]
        span = next((s for s in self.highlighter.spans if s.word is word), None)
        if span is not None:
            select_span(self.body, span)
            self.note.setText("")
            return
        self.panel.view.select_box(word.box, scroll=False)
        self.note.setText(self.tr("“%1” is not in the text (the app was %2% sure of it).")
                          .replace("%1", word.text).replace("%2", str(round(word.conf))))
