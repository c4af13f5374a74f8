"""The report text in the verification workspace: which of its words the OCR engine read where
(and how sure it was), marked in the text so that a colour-blind person can read the marks too.

The body the petugas edits is the slip form's own text field; this module only maps it. The
words of the body are aligned with the OCR words of the pages (a diff over normalised words),
so the map survives edits: a word typed over an OCR word still points at that word's box, and
a corrected word loses its "unsure" mark.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPixmap,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

# Okabe-Ito: orange and blue stay apart for every common kind of colour blindness, and each
# mark has its own line style as well, so colour is never the only cue.
UNSURE_BG = "#FBE3B0"  # light orange (from Okabe-Ito orange #E69F00)
UNSURE_LINE = "#A85C00"  # dark orange
PERSONAL_BG = "#CFE7F7"  # light blue (from Okabe-Ito sky blue #56B4E9)
PERSONAL_LINE = "#0072B2"  # Okabe-Ito blue

_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^\W+|\W+$", re.UNICODE)


@dataclass(frozen=True)
class SourceWord:
    """A word the OCR engine found: on which page (index in the slip's pages), where, how sure."""

    page: int
    text: str
    conf: float
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class WordSpan:
    """A word of the body text and the OCR word it stands for (None: not on the page)."""

    start: int
    end: int
    word: SourceWord | None
    exact: bool  # the text still reads as the engine read it


@dataclass(frozen=True)
class Mark:
    """Personal data in the body: [start, end) and its kind (nik, phone, email, name)."""

    start: int
    end: int
    kind: str


def tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def normalise(word: str) -> str:
    return _EDGE.sub("", word).casefold()


def align(text: str, words: Sequence[SourceWord]) -> list[WordSpan]:
    """Every whitespace-separated word of `text`, each with the OCR word it matches.

    Equal runs match exactly; a run replaced by as many words (corrections in place) keeps
    the position, so the box can still be shown."""
    toks = tokens(text)
    a = [normalise(t[2]) for t in toks]
    b = [normalise(w.text) for w in words]
    spans: list[WordSpan] = [WordSpan(s, e, None, False) for s, e, _t in toks]
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                s, e, _t = toks[i1 + k]
                spans[i1 + k] = WordSpan(s, e, words[j1 + k], tag == "equal")
    return spans


def find_marks(text: str, findings: Sequence[tuple[str, int, int, str]]) -> list[Mark]:
    """Place personal-data findings `(kind, start, end, found_text)` of the saved body on the
    body as it is now: at their offsets when the text there is unchanged, else at the
    occurrence of the found text nearest to where it was; gone when it was edited away."""
    marks: list[Mark] = []
    for kind, start, end, found in findings:
        if not found:
            if 0 <= start < end <= len(text):
                marks.append(Mark(start, end, kind))
            continue
        if text[start:end] == found:
            marks.append(Mark(start, end, kind))
            continue
        best: int | None = None
        pos = text.find(found)
        while pos >= 0:
            if best is None or abs(pos - start) < abs(best - start):
                best = pos
            pos = text.find(found, pos + 1)
        if best is not None:
            marks.append(Mark(best, best + len(found), kind))
    return sorted(marks, key=lambda m: m.start)


def unsure_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(UNSURE_BG))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor(UNSURE_LINE))
    fmt.setFontItalic(True)  # a shape cue too: the wave is thin at small sizes
    return fmt


def personal_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(PERSONAL_BG))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(QColor(PERSONAL_LINE))
    fmt.setFontWeight(600)
    return fmt


def sample_pixmap(text: str, fmt: QTextCharFormat, font: QFont, ratio: float = 1.0) -> QPixmap:
    """`text` drawn with a mark's format exactly as the text field draws it (for the legend)."""
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setDocumentMargin(1)
    QTextCursor(doc).insertText(text, fmt)
    size = doc.size().toSize()
    pix = QPixmap(int(size.width() * ratio), int(size.height() * ratio))
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    doc.drawContents(painter)
    painter.end()
    return pix


class OcrHighlighter(QSyntaxHighlighter):
    """Marks unsure words (light orange, wavy underline) and personal data (light blue,
    solid underline) in a QPlainTextEdit, and explains each mark in a tooltip."""

    def __init__(self, edit: QPlainTextEdit, threshold: float) -> None:
        super().__init__(edit.document())
        self._edit = edit
        self.threshold = threshold
        self.spans: list[WordSpan] = []
        self._starts: list[int] = []
        self.marks: list[Mark] = []
        self.mark_notes: dict[str, str] = {}  # kind -> tooltip text
        self.unsure_note = "%1"  # tooltip: %1 = confidence in percent
        self._unsure = unsure_format()
        self._personal = personal_format()
        edit.viewport().installEventFilter(self)

    # --- data ---------------------------------------------------------------------------
    def set_data(self, spans: list[WordSpan], marks: list[Mark]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]
        self.marks = marks
        # Highlighting is not an edit: the form must not take it for one and save.
        with QSignalBlocker(self._edit):
            self.rehighlight()

    def is_unsure(self, span: WordSpan) -> bool:
        return span.word is not None and span.exact and span.word.conf < self.threshold

    def unsure_spans(self) -> list[WordSpan]:
        return [s for s in self.spans if self.is_unsure(s)]

    def span_at(self, offset: int) -> WordSpan | None:
        """The word at character `offset` (also right after its last letter)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.spans[i].start <= offset <= self.spans[i].end:
            return self.spans[i]
        return None

    def mark_at(self, offset: int) -> Mark | None:
        return next((m for m in self.marks if m.start <= offset < m.end), None)

    # --- painting -----------------------------------------------------------------------
    def highlightBlock(self, text: str) -> None:
        if not self.spans and not self.marks:
            return
        start = self.currentBlock().position()
        end = start + len(text)
        i = max(bisect.bisect_right(self._starts, start) - 1, 0)
        while i < len(self.spans) and self.spans[i].start < end:
            span = self.spans[i]
            if span.end > start and self.is_unsure(span):
                a, b = max(span.start, start), min(span.end, end)
                self.setFormat(a - start, b - a, self._unsure)
            i += 1
        for mark in self.marks:
            if mark.end > start and mark.start < end:
                a, b = max(mark.start, start), min(mark.end, end)
                self.setFormat(a - start, b - a, self._personal)

    # --- tooltips -----------------------------------------------------------------------
    def tooltip_at(self, offset: int) -> str:
        lines: list[str] = []
        mark = self.mark_at(offset)
        if mark is not None:
            lines.append(self.mark_notes.get(mark.kind, mark.kind))
        span = self.span_at(offset)
        if span is not None and self.is_unsure(span) and span.word is not None:
            lines.append(self.unsure_note.replace("%1", str(round(span.word.conf))))
        return "\n".join(lines)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cursor = self._edit.cursorForPosition(event.pos())
            rect = self._edit.cursorRect(cursor)
            text = ""
            # cursorForPosition snaps to the nearest character even far right of a line.
            if abs(rect.center().x() - event.pos().x()) < 40:
                text = self.tooltip_at(cursor.position())
            if text:
                QToolTip.showText(event.globalPos(), text, self._edit)
            else:
                QToolTip.hideText()
            return True
        return False


def select_span(edit: QPlainTextEdit, span: WordSpan) -> None:
    """Select a word in the text and scroll it into view."""
    cursor = edit.textCursor()
    cursor.setPosition(span.start)
    cursor.setPosition(span.end, cursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    edit.setFocus(Qt.FocusReason.OtherFocusReason)
