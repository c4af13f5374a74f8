"""What the verification workspace reads about one slip, as frozen snapshots made in a worker
from the slip's id: its pages and their OCR, and the assistance (suggestions, personal data,
possible duplicates). A part that fails leaves its place empty: the
petugas can always verify by reading the page."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..domain.errors import KotakSaranError
from ..services import Services
from ..services.duplicates import DuplicateHit
from ..services.intake import PageView
from ..services.ocr import CONFIDENT, PageOcr, quality
from ..services.privacy import Finding
from ..services.suggestions import Suggestions
from .verify_text import SourceWord

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = ["CONFIDENT", "Analysis", "SlipPages", "load_analysis", "load_pages"]


@dataclass(frozen=True)
class SlipPages:
    submission_id: int
    pages: tuple[PageView, ...]
    ocr: dict[int, PageOcr]  # by page id
    words: tuple[SourceWord, ...]  # every page's words, in page order
    offered: tuple[str, ...]  # confident words to offer when the body was not filled
    quality: str  # printed | mixed | handwritten | "" (no page read yet)

    def states(self) -> set[str]:
        return {o.state for o in self.ocr.values()}

    def page_ids_in(self, *states: str) -> list[int]:
        return [p.id for p in self.pages if p.id in self.ocr and self.ocr[p.id].state in states]


@dataclass(frozen=True)
class Analysis:
    submission_id: int
    suggestions: Suggestions | None = None
    findings: tuple[Finding, ...] = ()
    duplicates: tuple[DuplicateHit, ...] = ()
    problems: dict[str, str] = field(default_factory=dict)  # part -> error code


def _part(name: str, problems: dict[str, str], fn: Callable[[], T], default: T) -> T:
    try:
        return fn()
    except KotakSaranError as exc:
        problems[name] = exc.code
        log.info("workspace: %s not available: %s", name, exc.code)
        return default


def load_pages(svc: Services, submission_id: int) -> SlipPages:
    pages = tuple(svc.intake.pages(submission_id))
    ocr = {o.page_id: o for o in svc.ocr.submission_ocr(submission_id)}
    words: list[SourceWord] = []
    read: list[Any] = []
    for index, page in enumerate(pages):
        page_ocr = ocr.get(page.id)
        if page_ocr is None or page_ocr.state != "done":
            continue
        read.extend(page_ocr.words)
        words.extend(SourceWord(index, w.text, w.conf, w.box) for w in page_ocr.words)
    offered = tuple(svc.ocr.offered_words(submission_id)) if read else ()
    return SlipPages(submission_id, pages, ocr, tuple(words), offered,
                     quality(read) if read else "")


def load_analysis(svc: Services, submission_id: int) -> Analysis:
    problems: dict[str, str] = {}
    sid = submission_id
    return Analysis(
        sid,
        suggestions=_part("suggestions", problems,
                          lambda: svc.suggestions.for_submission(sid), None),
        findings=tuple(_part("privacy", problems, lambda: svc.privacy.findings(sid), [])),
        duplicates=tuple(_part("duplicates", problems,
                               lambda: svc.duplicates.for_submission(sid), [])),
        problems=problems,
    )


Box = tuple[int, int, int, int]


@dataclass(frozen=True)
class PageRedactions:
    boxes: tuple[Box, ...]  # everything blacked out on the page: found and drawn
    manual: tuple[Box, ...]  # drawn by a person
    checked: bool  # a person looked at the page (drew boxes or said there is nothing)
    by_hand: bool  # the service tells drawn boxes apart, so they can be edited here


def _boxes(rows: Any) -> tuple[Box, ...]:
    out: list[Box] = []
    for x, y, w, h in rows:
        out.append((int(x), int(y), int(w), int(h)))
    return tuple(out)


def page_redactions(svc: Services, page_id: int) -> PageRedactions:
    boxes = _boxes(svc.privacy.redaction_boxes(page_id))
    manual, checked = svc.privacy.manual_redactions(page_id)
    return PageRedactions(boxes, _boxes(manual), bool(checked), True)
