"""Personal data of a slip: where it is, and what of it may leave the office.

* `findings` - NIK, phone numbers, emails and self-given names in the title, body and OCR
  text (plus the slip's own reporter name/NIK/phone/email wherever they appear). For an
  anonim or rahasia slip the found text itself is only given to those who may see the
  reporter's identity (`submissions.identity_visible`); others get the places, text "".
* `outgoing_text` - title and body as they are sent upstream: masked with Indonesian
  placeholders when the slip is anonim or rahasia, unchanged otherwise.
* `redaction_boxes` - the boxes to black out on a page: computed from its OCR words, plus the
  ones a person drew (`pages.redactions`).
* `outgoing_pages` - the page images that leave the office: downscaled to 200 dpi at most and
  compressed (greyscale JPEG, or bilevel PNG when smaller), blacked out for anonim and
  rahasia slips. Such a slip is refused while a page has not been read by OCR (pending or
  failed), or was read as handwriting, and nobody looked at it: its personal data cannot
  have been found reliably. `set_redactions` records what a person marked (boxes, or that
  the page was checked and needs none).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import i18n
from ..domain.enums import Role, Status
from ..domain.errors import KotakSaranError, NotFound
from ..i18n import N_
from ..ocr import privacy as P
from ..ocr.engine import OcrWord
from ..store.models import Page, Submission
from .context import ServiceBase
from .ocr import quality, words_from_json
from .submissions import find_submission, identity_visible

MAX_DPI = 200
JPEG_QUALITY = 70
PAD = 4  # pixels around each word blacked out

KIND_LABELS = {
    P.NIK: N_("NIK"),
    P.PHONE: N_("Phone number"),
    P.EMAIL: N_("Email"),
    P.NAME: N_("Name"),
}
FIELDS = ("title", "body", "ocr_text")


class PageNotChecked(KotakSaranError):
    """An anonim/rahasia slip has a page whose personal data could not be looked for."""

    code = "privacy_page_not_checked"

    def __init__(self, number: str, page: int) -> None:
        super().__init__(None, number=number, page=page)


class HandwritingNotChecked(KotakSaranError):
    """An anonim/rahasia slip has a handwritten page nobody has looked at for personal data."""

    code = "privacy_handwriting_not_checked"

    def __init__(self, number: str, page: int) -> None:
        super().__init__(None, number=number, page=page)


class RedactionsClosed(KotakSaranError):
    """The slip's pages have already left the office."""

    code = "privacy_redactions_closed"

    def __init__(self, number: str, status: str) -> None:
        super().__init__(None, number=number, status=status)


i18n.register_error_messages({
    PageNotChecked.code: N_(
        "Page {page} of slip {number} has not been read by OCR yet, so its personal data "
        "cannot be blacked out. Wait until OCR has finished (or run it again), or mark the "
        "parts to cover by hand in the verification screen, then send again."),
    HandwritingNotChecked.code: N_(
        "Page {page} of slip {number} is handwritten, so the program cannot find a NIK or "
        "phone number on it by itself. Open the slip in the verification screen, cover the "
        "personal data by hand (or confirm that there is none), then send again."),
    RedactionsClosed.code: N_(
        "Slip {number} has status '{status}': its pages have already been sent, so what is "
        "covered on them can no longer be changed."),
})

STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
SENT = (Status.SENT.value, Status.REGISTERED.value, Status.CLOSED.value)
CHECKED = "checked"  # a redactions row that only says a person looked at the page


def kind_label(kind: str) -> str:
    """What a finding is, in the current language."""
    return i18n.label(KIND_LABELS, kind)


@dataclass(frozen=True)
class Finding:
    kind: str  # nik | phone | email | name
    field: str  # title | body | ocr_text
    start: int
    end: int
    text: str  # "" when the actor may not see the identity of this slip


@dataclass(frozen=True)
class OutgoingPage:
    name: str
    mime: str
    data: bytes
    sha256: str
    redacted: bool  # at least one box was blacked out
    page_id: int = 0


@dataclass(frozen=True)
class _PageData:
    id: int
    position: int
    blob_sha256: str
    dpi: int
    state: str
    blank: bool
    text: str | None
    words: tuple[OcrWord, ...]
    manual: tuple[P.Box, ...]
    checked_by_hand: bool


def identity_terms(sub: Submission) -> list[P.Term]:
    """The slip's own reporter identity, to be found wherever it appears."""
    pairs = ((P.NAME, sub.reporter_name), (P.NIK, sub.reporter_nik),
             (P.PHONE, sub.reporter_phone), (P.EMAIL, sub.reporter_email))
    return [(kind, value) for kind, value in pairs if value and value.strip()]


def manual_boxes(rows: Sequence[Any] | None) -> tuple[P.Box, ...]:
    """The boxes of `pages.redactions` rows ({"box": [x, y, w, h], "kind": "manual"})."""
    out: list[P.Box] = []
    for row in rows or ():
        try:
            x, y, w, h = (int(v) for v in row["box"])
        except (KeyError, TypeError, ValueError):
            continue
        if w > 0 and h > 0:
            out.append((max(0, x), max(0, y), w, h))
    return tuple(out)


def _page_data(page: Page) -> _PageData:
    rows = getattr(page, "redactions", None) or []
    return _PageData(
        id=page.id, position=page.position, blob_sha256=page.blob_sha256, dpi=page.dpi or 0,
        state=str(getattr(page, "ocr_state", "") or ""),
        blank=bool((page.flags or {}).get("blank")), text=page.ocr_text,
        words=words_from_json(getattr(page, "ocr_words", None)), manual=manual_boxes(rows),
        checked_by_hand=bool(rows))


def _live_pages(s: Session, sub: Submission) -> list[Page]:
    return list(s.scalars(select(Page).where(Page.submission_id == sub.id,
                                             Page.deleted_at.is_(None))
                          .order_by(Page.position, Page.id)))


def _ocr_text(s: Session, sub: Submission) -> str:
    text = getattr(sub, "ocr_text", None)
    if text is not None:
        return str(text)
    return "\n\n".join(p.ocr_text for p in _live_pages(s, sub) if p.ocr_text)


def _auto_boxes(page: _PageData, terms: Sequence[P.Term]) -> list[P.Box]:
    if not page.words:
        return []
    return P.page_redactions(page.words, page.text, terms, pad=PAD)


class PrivacyService(ServiceBase):
    # --- text -----------------------------------------------------------------------------
    def findings(self, ref: int | str) -> list[Finding]:
        """Personal data in the slip's title, body and OCR text, in that order."""
        with self.store.read() as s:
            sub = find_submission(s, ref)
            visible = identity_visible(self.actor, sub)
            terms = identity_terms(sub)
            texts = {"title": sub.title or "", "body": sub.body or "",
                     "ocr_text": _ocr_text(s, sub)}
        out: list[Finding] = []
        for field in FIELDS:
            for sp in P.find_personal_data(texts[field], terms):
                out.append(Finding(sp.kind, field, sp.start, sp.end,
                                   sp.text if visible else ""))
        return out

    def outgoing_text(self, ref: int | str) -> dict[str, str]:
        """Title and body as they leave the office (masked for anonim and rahasia slips; the
        placeholders are Indonesian whatever the interface language)."""
        with self.store.read() as s:
            sub = find_submission(s, ref)
            title, body = sub.title or "", sub.body or ""
            if not (sub.anonim or sub.rahasia):
                return {"title": title, "body": body}
            terms = identity_terms(sub)
        return {"title": P.mask(title, terms), "body": P.mask(body, terms)}

    # --- images ---------------------------------------------------------------------------
    def redaction_boxes(self, page_id: int) -> list[tuple[int, int, int, int]]:
        """Automatic boxes (from the page's OCR words) and manual ones, in stored-image
        pixels. Computed whatever the slip's switches; only applied when it leaves anonim or
        rahasia."""
        with self.store.read() as s:
            page = s.get(Page, page_id)
            if page is None:
                raise NotFound(what="page", ref=str(page_id))
            data = _page_data(page)
            terms = identity_terms(page.submission)
        return [*_auto_boxes(data, terms), *data.manual]

    def outgoing_pages(self, ref: int | str) -> list[OutgoingPage]:
        """The slip's live pages as they leave the office, in order."""
        with self.store.read() as s:
            sub = find_submission(s, ref)
            number = sub.number
            private = bool(sub.anonim or sub.rahasia)
            terms = identity_terms(sub)
            pages = [_page_data(p) for p in _live_pages(s, sub)]
        out: list[OutgoingPage] = []
        for index, page in enumerate(pages, 1):
            boxes: list[P.Box] = []
            if private:
                self._check_readable(page, number, index)
                boxes = [*_auto_boxes(page, terms), *page.manual]
            with Image.open(io.BytesIO(self.store.blobs.read(page.blob_sha256))) as img:
                img.load()
                image = P.redact(img, boxes) if boxes else img.copy()
            data, mime = P.compress_page(image, page.dpi, max_dpi=MAX_DPI,
                                         jpeg_quality=JPEG_QUALITY)
            ext = "png" if mime == "image/png" else "jpg"
            out.append(OutgoingPage(name=f"{number}-{index}.{ext}", mime=mime, data=data,
                                    sha256=hashlib.sha256(data).hexdigest(),
                                    redacted=bool(boxes), page_id=page.id))
        return out

    def _check_readable(self, page: _PageData, number: str, index: int) -> None:
        if page.blank or page.checked_by_hand:
            return
        if page.state in ("pending", "failed"):
            raise PageNotChecked(number=number, page=index)
        if page.state == "done" and quality(page.words) == "handwritten":
            raise HandwritingNotChecked(number=number, page=index)

    def manual_redactions(self, page_id: int) -> tuple[tuple[P.Box, ...], bool]:
        """The boxes a person drew on a page, and whether a person has looked at it (drawn
        boxes or "checked, nothing to cover"): what the workspace edits."""
        self.require(*STAFF, action="redact")
        with self.store.read() as s:
            page = s.get(Page, page_id)
            if page is None:
                raise NotFound(what="page", ref=str(page_id))
            rows = list(page.redactions or [])
        return manual_boxes(rows), bool(rows)

    def set_redactions(self, page_id: int, boxes: Sequence[P.Box], *, checked: bool = True
                       ) -> list[P.Box]:
        """Replace the boxes a person drew on a page (stored-image pixels). With no boxes and
        `checked`, the page is recorded as looked at and needing none; with no boxes and not
        `checked`, the mark is removed. Audited on the slip."""
        self.require(*STAFF, action="redact")
        clean = list(manual_boxes([{"box": b} for b in boxes]))
        rows: list[dict[str, Any]] = [{"box": list(b), "kind": "manual"} for b in clean]
        if not rows and checked:
            rows = [{"box": [0, 0, 0, 0], "kind": CHECKED}]
        with self.store.write() as s:
            page = s.get(Page, page_id)
            if page is None:
                raise NotFound(what="page", ref=str(page_id))
            sub = page.submission
            if sub.status in SENT:
                raise RedactionsClosed(number=sub.number, status=sub.status)
            old = list(page.redactions or [])
            if old == rows:
                return clean
            page.redactions = rows
            sub.updated_at = self.now()
            self.audit(s, "page_redactions", "submission", sub.uuid,
                       [{"field": "redactions", "old": len(manual_boxes(old)),
                         "new": len(clean)}], note=f"page {page.id}")
        return clean
