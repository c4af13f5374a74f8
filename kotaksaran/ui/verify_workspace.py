"""The Verifikasi workspace: the page image beside the slip form, for checking the text against
the paper and classifying the slip, then Ctrl+Enter to verify it and open the next one.

It is the Input page (autosave, inline problems, verify and next: submission_editor.py) with
the same slip form laid out in one column beside the page, plus what OCR gives: the body
pre-filled (by the OCR service, for printed pages), unsure words marked and linked to their
place on the image both ways, suggestions with their reasons, personal data marked, possible
duplicates linked, and for a handwritten page the few confident words offered, not imposed.
Everything about a slip is read in a worker from its id; the form never waits for it.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..domain.errors import KotakSaranError
from ..services.views import SaveResult, SubmissionView
from . import tasks
from .errors import show_error
from .page_viewer import ZOOM_STEP
from .record_widgets import ERROR_COLOUR, StatusChip
from .submission_editor import SubmissionEditorPage
from .submission_form import SubmissionForm
from .thumbnails import ThumbnailCache
from .verify_assist import SUGGESTED, MarkLegend, OfferedWords, SuggestionPanel, VerifyQueue
from .verify_data import Analysis, SlipPages, load_analysis, load_pages
from .verify_image import VerifyImagePanel
from .verify_link import PageTextLink
from .verify_notes import duplicate_html, ocr_state_text, privacy_text

log = logging.getLogger(__name__)

# The navigation entry of the supervisor's review list (navigation.nav_label), translated in
# the MainWindow context; marked here so that it lives in kotaksaran_verify_id.ts.
NAV_LABELS = (QT_TRANSLATE_NOOP("MainWindow", "Review"),)
FORM_WIDTH = 600  # px the form side gets at first; the page takes the rest
ANALYSIS_MS = 300  # after a save, suggestions and personal data are read again


class VerifyWorkspacePage(SubmissionEditorPage):
    """Opens on the first slip waiting for verification; `load_submission(id)` opens another."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)  # builds (our _build) and shows the empty state
        ctx.bus.submissions_changed.connect(lambda _ids: self._queue_timer.start())
        self._reload_queue()
        self.open_next()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self._pages: SlipPages | None = None
        self._analysis: Analysis | None = None
        self._gen = 0  # which slip the workers' answers are for
        self._history: list[int] = []
        self._ocr_handle: tasks.TaskHandle[Any] | None = None
        self.cache = ThumbnailCache(self._svc.pages.image_bytes, parent=self)
        self._analysis_timer = self._timer(ANALYSIS_MS, self._load_analysis)
        self._queue_timer = self._timer(300, self._reload_queue)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 8)
        outer.setSpacing(6)
        outer.addLayout(self._build_header())
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        self.dup_banner = QLabel()
        self.dup_banner.setObjectName("duplicateBanner")
        self.dup_banner.setWordWrap(True)
        self.dup_banner.setTextFormat(Qt.TextFormat.RichText)
        self.dup_banner.setStyleSheet("QLabel { background: #FFF4CE; color: #5C4300; border: "
                                      "1px solid #E8C766; border-radius: 4px; padding: 6px; }")
        self.dup_banner.linkActivated.connect(lambda href: self.open_other(int(href)))
        self.dup_banner.hide()
        outer.addWidget(self.dup_banner)

        self.stack = QStackedWidget()
        self.content = QSplitter(Qt.Orientation.Horizontal)
        self.content.setChildrenCollapsible(False)
        self.content.addWidget(self._build_image_side())
        self.content.addWidget(self._build_form_side())
        self.content.setStretchFactor(0, 1)
        self.content.setStretchFactor(1, 1)
        self._split_done = False
        self.empty_page = QLabel(self.tr("Nothing is waiting for verification. New slips "
                                         "appear here as they are scanned or typed."))
        self.empty_page.setObjectName("verifyEmpty")
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.empty_page.setStyleSheet("font-size: 13pt; color: #546e7a; padding: 40px;")
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.empty_page)
        outer.addWidget(self.stack, 1)
        outer.addLayout(self._build_buttons())
        self.link = PageTextLink(self._svc, self.form.body, self.image_panel, self.word_note,
                                 self)
        self.link.marks_changed.connect(self.legend.set_counts)
        self.link.failed.connect(self._show_failure)
        self.highlighter = self.link.highlighter
        self.highlighter.unsure_note = self.tr(
            "The app was unsure of this word (%1% sure): compare it with the page.")
        self.highlighter.mark_notes = {
            "nik": self.tr("Personal data: NIK"),
            "phone": self.tr("Personal data: phone number"),
            "email": self.tr("Personal data: email address"),
            "name": self.tr("Personal data: a name"),
        }
        # Tab from the text goes to the offered words (when shown), then on through the form.
        QWidget.setTabOrder(self.form.body, self.offered.chips)
        QWidget.setTabOrder(self.offered.chips, self.form.event_date)
        self._build_shortcuts()

    def _timer(self, ms: int, slot: Any) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(ms)
        timer.timeout.connect(slot)
        return timer

    def _build_header(self) -> QHBoxLayout:
        header = QHBoxLayout()
        self.number_label = QLabel()
        self.number_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = StatusChip()
        self.back_button = QPushButton(self.tr("◀ Back (Alt+Left)"))
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.go_back)
        self.back_button.hide()
        self.queue = VerifyQueue(self._svc)
        self.queue.chosen.connect(self._queue_chosen)
        self.queue_box = self.queue.box
        self.save_state = QLabel()
        self.save_state.setStyleSheet("color: palette(placeholder-text);")
        self.history_button = QPushButton(self.tr("History"))
        self.history_button.setToolTip(self.tr("Who changed what, and when"))
        self.history_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_button.clicked.connect(self.show_history)
        # The Input page's receipt for the person who handed the slip in, where it exists.
        self.receipt_button = QPushButton(self.tr("Receipt…"))
        self.receipt_button.setToolTip(self.tr("Print the receipt for the person who handed "
                                               "in this slip"))
        self.receipt_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        print_receipt = getattr(self, "print_receipt", None)
        if callable(print_receipt):
            self.receipt_button.clicked.connect(print_receipt)
        else:
            self.receipt_button.hide()
        header.addWidget(self.number_label)
        header.addWidget(self.status_chip)
        header.addWidget(self.back_button)
        header.addStretch(1)
        header.addWidget(self.save_state)
        header.addSpacing(8)
        header.addWidget(self.queue)
        header.addWidget(self.history_button)
        header.addWidget(self.receipt_button)
        return header

    def _build_image_side(self) -> QWidget:
        side = QWidget()
        lay = QVBoxLayout(side)
        lay.setContentsMargins(0, 0, 4, 0)
        lay.setSpacing(4)
        self.image_panel = VerifyImagePanel(self.cache)
        self.image_panel.setMinimumWidth(320)
        self.no_pages = QLabel(self.tr("This slip has no page image: it was typed."))
        self.no_pages.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_pages.setWordWrap(True)
        self.no_pages.setStyleSheet("color: #546e7a; font-size: 11pt; padding: 30px;")
        self.no_pages.hide()
        self.word_note = QLabel()
        self.word_note.setObjectName("wordNote")
        self.word_note.setWordWrap(True)
        ocr_row = QHBoxLayout()
        self.ocr_label = QLabel()
        self.ocr_label.setObjectName("ocrState")
        self.ocr_label.setWordWrap(True)
        self.ocr_button = QPushButton(self.tr("Read again"))
        self.ocr_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ocr_button.clicked.connect(self.run_ocr)
        self.ocr_button.hide()
        ocr_row.addWidget(self.ocr_label, 1)
        ocr_row.addWidget(self.ocr_button)
        lay.addWidget(self.image_panel, 1)
        lay.addWidget(self.no_pages, 1)
        lay.addWidget(self.word_note)
        lay.addLayout(ocr_row)
        return side

    def _build_form_side(self) -> QWidget:
        side = QWidget()
        lay = QVBoxLayout(side)
        lay.setContentsMargins(4, 0, 0, 0)
        lay.setSpacing(6)
        self.suggestion_panel = SuggestionPanel()
        self.suggestion_panel.accept_requested.connect(self.accept_suggestion)
        self.suggestion_panel.accept_all_requested.connect(self.accept_all_suggestions)
        lay.addWidget(self.suggestion_panel)
        self.offered = OfferedWords()
        self.offered.insert_requested.connect(self.insert_words)
        self.offered.hide()
        lay.addWidget(self.offered)
        self.legend = MarkLegend()
        lay.addWidget(self.legend)
        self.privacy_note = QLabel()
        self.privacy_note.setObjectName("privacyNote")
        self.privacy_note.setWordWrap(True)
        self.privacy_note.setStyleSheet("QLabel { background: #EAF4FB; color: #0B3D5C; "
                                        "border-left: 4px solid #0072B2; padding: 4px 8px; }")
        self.privacy_note.hide()
        lay.addWidget(self.privacy_note)

        self.form = SubmissionForm()
        layout = self.form.layout()
        if isinstance(layout, QBoxLayout):  # one column beside the page, not two
            layout.setDirection(QBoxLayout.Direction.TopToBottom)
        self.form.changed.connect(self._on_changed)
        self.form.changed.connect(lambda _n: self._update_suggestion_state())
        self.form.anonim.toggled.connect(lambda _on: self._update_privacy_note())
        self.form.rahasia.toggled.connect(lambda _on: self._update_privacy_note())
        self.form.body.setMinimumHeight(220)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        lay.addWidget(scroll, 1)
        return side

    def _build_buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        self.help_label = QLabel(self.tr(
            "Ctrl+Enter verify & next · Ctrl+S save · Alt+1…4 accept a suggestion, Alt+0 all "
            "· Ctrl+PgDn/PgUp page · Ctrl +/−/0 zoom · Alt+Right skip"))
        self.help_label.setObjectName("shortcutHelp")
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color: #546e7a;")
        self.help_label.setToolTip(self.tr(
            "Tab moves through the fields; the text field keeps the keyboard while you type.\n"
            "Click a word in the text to see it on the page; click the page to find the word "
            "in the text.\nWavy orange underline: the app was unsure of the word. "
            "Blue underline, bold: personal data."))
        self.new_button = QPushButton()  # the Input page's; slips are made there, not here
        self.new_button.hide()
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Leave this slip for later and open the next one "
                                            "(Alt+Right)"))
        self.skip_button.clicked.connect(self.skip)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_now)
        self.verify_button = QPushButton(self.tr("Verify && next (Ctrl+Enter)"))
        self.verify_button.setDefault(True)
        self.verify_button.setStyleSheet("QPushButton { font-weight: 600; padding: 6px 16px; }")
        self.verify_button.clicked.connect(self.verify_and_next)
        for b in (self.skip_button, self.save_button, self.verify_button):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons.addWidget(self.help_label, 1)
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.verify_button)
        return buttons

    def _build_shortcuts(self) -> None:
        keys: list[tuple[str | QKeySequence.StandardKey, Any]] = [
            ("Ctrl+S", self.save_now), ("Ctrl+Return", self.verify_and_next),
            ("Ctrl+Enter", self.verify_and_next), ("Alt+0", self.accept_all_suggestions),
            ("Ctrl+PgDown", lambda: self.link.show_page(self.link.page_index + 1)),
            ("Ctrl+PgUp", lambda: self.link.show_page(self.link.page_index - 1)),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.image_panel.view.zoom(ZOOM_STEP)),
            ("Ctrl+=", lambda: self.image_panel.view.zoom(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut,
             lambda: self.image_panel.view.zoom(1 / ZOOM_STEP)),
            ("Ctrl+0", self.image_panel.view.fit),
            ("Alt+Right", self.skip), ("Alt+Left", self.go_back),
        ]
        for i, (key, _form_name) in enumerate(SUGGESTED):
            keys.append((f"Alt+{i + 1}", lambda k=key: self.suggestion_panel.accept(k)))
        for seq, slot in keys:
            shortcut = QShortcut(QKeySequence(seq), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- the queue ------------------------------------------------------------------------
    def _reload_queue(self) -> None:
        rows = self.queue.reload()
        self._select_in_queue()
        if self._view is None and rows and self.isVisible():
            self.open_next()

    def _select_in_queue(self) -> None:
        self.queue.select(self._view.id if self._view is not None else None)

    def _queue_chosen(self, ident: int) -> None:
        if self._view is None or ident != self._view.id:
            self._history.clear()
            self.load_submission(ident)
            self._focus_text()

    def open_next(self) -> None:
        """The first slip waiting for verification, or the empty state."""
        try:
            next_id = self._svc.submissions.next_to_verify()
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        if next_id is None:
            if self._view is not None:
                self.new_submission()
            return
        self.load_submission(next_id)
        self._focus_text()

    def skip(self) -> None:
        if self._view is None:
            return
        current = self._view.id
        self.flush()
        try:
            next_id = self._svc.submissions.next_to_verify(after_id=current)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        if next_id is not None and next_id != current:
            self.load_submission(next_id)
            self._focus_text()

    def open_other(self, submission_id: int) -> None:
        """Open another slip (a possible duplicate); Back returns to this one."""
        if self._view is not None and self._view.id != submission_id:
            self._history.append(self._view.id)
        self.load_submission(submission_id)
        self.back_button.setVisible(bool(self._history))

    def go_back(self) -> None:
        if self._history:
            self.load_submission(self._history.pop())
            self.back_button.setVisible(bool(self._history))
            self._focus_text()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._split_done:
            QTimer.singleShot(0, self._first_split)
        if self._view is None:
            QTimer.singleShot(0, self.open_next)

    def _first_split(self) -> None:
        """The form gets what it needs to read well (about 600 px), the page the rest."""
        total = self.content.width()
        if total <= 0:
            return
        self._split_done = True
        form = max(FORM_WIDTH, total // 2)
        self.content.setSizes([max(total - form, 320), form])

    # --- the editor's hooks ---------------------------------------------------------------
    def new_submission(self, session_id: int | None = None) -> None:
        """There is no new slip here: with nothing to verify the page says so."""
        if not self._leave():
            return
        self._view = None
        self._gen += 1
        self.form.set_values({})
        self._reset_state()
        self._update_header()
        self._read_only = True
        self.form.set_read_only(True)
        for b in (self.save_button, self.verify_button, self.skip_button):
            b.setEnabled(False)
        self.number_label.setText(self.tr("Verification"))
        self.stack.setCurrentWidget(self.empty_page)
        self._clear_slip_data()
        self._select_in_queue()

    def _show(self, view: SubmissionView) -> None:
        switching = self._view is None or self._view.id != view.id
        super()._show(view)
        self.stack.setCurrentWidget(self.content)
        self.skip_button.setEnabled(True)
        if switching:
            self._gen += 1
            self._clear_slip_data()
        self.link.set_force_redacted((view.anonim or view.rahasia) and not view.identity_visible)
        self._load_pages()
        self._load_analysis()
        self._select_in_queue()
        self.back_button.setVisible(bool(self._history))

    def _saved(self, result: SaveResult, refused: dict[str, list[str]]) -> None:
        super()._saved(result, refused)
        self._analysis_timer.start()  # new text: new suggestions, personal data, duplicates

    def _submissions_changed(self, ids: list[int]) -> None:
        view = self._view
        if view is None:
            return  # the queue reloads on its own and opens a slip that arrived
        super()._submissions_changed(ids)
        if not self._emitting and (not ids or view.id in ids):
            self._load_pages()  # OCR may have finished meanwhile

    def verify_and_next(self) -> None:
        before = self._view.id if self._view is not None else None
        super().verify_and_next()
        if self._view is not None and self._view.id != before:
            self._history.clear()
            self.back_button.hide()
            self._focus_text()

    def _focus_text(self) -> None:
        body = self.form.body
        cursor = body.textCursor()
        cursor.setPosition(0)
        body.setTextCursor(cursor)
        body.setFocus(Qt.FocusReason.OtherFocusReason)

    def _current_values(self) -> dict[str, Any]:
        return {name: self.form.value(name) for _k, name in SUGGESTED}

    # --- reading a slip's pages and assistance --------------------------------------------
    def _clear_slip_data(self) -> None:
        self._pages = None
        self._analysis = None
        self.link.reset(self._gen)
        self.offered.set_words([])
        self.suggestion_panel.set_suggestions(None, {})
        self.dup_banner.hide()
        self.privacy_note.hide()
        self._set_ocr_state("", buttons=False)

    def _load_pages(self) -> None:
        if self._view is None:
            return
        gen, sid, svc = self._gen, self._view.id, self._svc
        tasks.run_task(lambda _c: load_pages(svc, sid),
                       on_done=lambda snap: self._pages_loaded(gen, snap),
                       on_error=lambda exc: self._load_failed(gen, exc), parent=self)

    def _load_analysis(self) -> None:
        if self._view is None:
            return
        gen, sid, svc = self._gen, self._view.id, self._svc
        tasks.run_task(lambda _c: load_analysis(svc, sid),
                       on_done=lambda a: self._analysis_loaded(gen, a),
                       on_error=lambda exc: self._load_failed(gen, exc), parent=self)

    def _load_failed(self, gen: int, exc: BaseException) -> None:
        if gen == self._gen:
            self._show_failure(exc)

    def _show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, KotakSaranError):
            self._set_ocr_state(i18n.error_message(exc), buttons=False, error=True)
        else:
            show_error(self, exc)

    def _pages_loaded(self, gen: int, snap: SlipPages) -> None:
        if gen != self._gen:
            return
        self._pages = snap
        has_pages = bool(snap.pages)
        self.image_panel.setVisible(has_pages)
        self.no_pages.setVisible(not has_pages)
        body_empty = not self.form.body.toPlainText().strip()
        offer = snap.offered if (snap.quality == "handwritten" or body_empty) else ()
        self.offered.set_words(offer)
        self._update_ocr_state()
        self.link.set_pages(snap)
        self._show_suggestions()
        self._update_privacy_note()

    def _analysis_loaded(self, gen: int, analysis: Analysis) -> None:
        if gen != self._gen:
            return
        self._analysis = analysis
        self._show_suggestions()
        html = duplicate_html(analysis.duplicates)
        self.dup_banner.setText(html)
        self.dup_banner.setVisible(bool(html))
        self.link.set_findings(analysis.findings)
        self._update_privacy_note()

    def insert_words(self, text: str) -> None:
        """An offered word goes in at the text cursor, with a space between words."""
        if self._read_only or not text:
            return
        body = self.form.body
        cursor = body.textCursor()
        before = body.toPlainText()[:cursor.position()]
        if before and not before[-1].isspace():
            text = " " + text
        cursor.insertText(text)
        body.setTextCursor(cursor)
        body.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- suggestions and notes ------------------------------------------------------------
    def accept_suggestion(self, key: str, value: Any) -> None:
        if self._read_only or value is None:
            return
        name = dict(SUGGESTED)[key]
        form = self.form
        if name == "classification":
            for button in form.classification.buttons():
                if button.property("code") == value:
                    button.setChecked(True)
        elif name == "title":
            form.title.setText(str(value))
            form.title.setCursorPosition(0)
        elif name == "category_id":
            form.set_category(int(value))
        elif name == "agency_id":
            form.agency.set_value(int(value))
        self._on_changed(name)
        self._update_suggestion_state()

    def accept_all_suggestions(self) -> None:
        current = self._current_values()
        for key in self.suggestion_panel.suggested_keys():
            value = self.suggestion_panel.value(key)
            if current.get(dict(SUGGESTED)[key]) != value:
                self.accept_suggestion(key, value)

    def _show_suggestions(self) -> None:
        analysis, snap, view = self._analysis, self._pages, self._view
        hidden: tuple[str, ...] = ()
        if snap is not None and snap.quality == "handwritten" and \
                (view is None or not view.body.strip()):
            hidden = ("title",)  # it would be made of what the engine could not read
        self.suggestion_panel.set_suggestions(
            analysis.suggestions if analysis is not None else None, self._current_values(),
            hidden=hidden)

    def _update_suggestion_state(self) -> None:
        self.suggestion_panel.update_current(self._current_values())

    def _update_privacy_note(self) -> None:
        findings = self._analysis.findings if self._analysis is not None else ()
        text = privacy_text(findings, anonim=self.form.anonim.isChecked(),
                            rahasia=self.form.rahasia.isChecked(),
                            handwritten=self._pages is not None
                            and self._pages.quality == "handwritten")
        self.privacy_note.setText(text)
        self.privacy_note.setVisible(bool(text))

    # --- OCR state and running it ---------------------------------------------------------
    def _update_ocr_state(self) -> None:
        snap = self._pages
        if snap is None or not snap.pages:
            self._set_ocr_state("", buttons=False)
            return
        text, can_run, error = ocr_state_text(snap, self.form.body.toPlainText())
        self._set_ocr_state(text, buttons=can_run, error=error)

    def _set_ocr_state(self, text: str, *, buttons: bool, error: bool = False) -> None:
        self.ocr_label.setText(text)
        self.ocr_label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "color: #37474F;")
        running = self._ocr_handle is not None and self._ocr_handle.running
        self.ocr_button.setVisible(buttons and not running)

    def run_ocr(self) -> None:
        """Read again the pages of this slip that could not be read (after tesseract was
        installed, say). Waiting pages are read by the window's background OCR."""
        snap = self._pages
        ids = snap.page_ids_in("failed") if snap is not None else []
        if snap is None or not ids:
            return
        svc, sid, gen = self._svc, snap.submission_id, self._gen
        self._ocr_handle = tasks.run_task(
            lambda _c: svc.ocr.run(ids), on_done=lambda _r: self._ocr_finished(gen, sid, None),
            on_error=lambda exc: self._ocr_finished(gen, sid, exc), parent=self)
        if self._ocr_handle.running:
            self._set_ocr_state(self.tr("Reading the text of the page…"), buttons=False)

    def _ocr_finished(self, gen: int, submission_id: int, exc: BaseException | None) -> None:
        self._ocr_handle = None
        self.ctx.bus.submissions_changed.emit([submission_id])  # search text, prefilled body
        if gen != self._gen:
            return
        if isinstance(exc, KotakSaranError):
            self._set_ocr_state(i18n.error_message(exc), buttons=True, error=True)
        elif exc is not None:
            show_error(self, exc)
