"""OCR of stored pages: the background run, the results per page, and what they do to a slip.

Pages are read in worker processes (``ocr.engine.iter_recognize_images``: one tesseract
process per core, ``OMP_THREAD_LIMIT=1``, several waiting pages per process run); each
result is written in its own short transaction as soon as it arrives, so a cancel or a
killed process keeps every page read so far and leaves the rest ``pending`` for the next
run. Workers get file paths of verified blobs, never ORM objects.

What a result does to its slip:

* ``submissions.ocr_text`` becomes the text of its live pages (full-text search covers it);
* ``submissions.flags["ocr"]`` records the quality: ``printed`` (most words confident),
  ``handwritten`` (the engine is mostly unsure) or ``mixed``;
* a draft whose body is still empty gets the OCR text as its body (paragraphs reflowed) when
  the quality is printed or mixed (audited as ``ocr_prefill``). A handwritten page never
  fills the body with noise: `offered_words` gives the few confident words to offer instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import errors as E
from ..domain.enums import Role, Status
from ..ocr import engine
from ..store.models import Page, Submission
from .context import ServiceBase
from .submissions import find_submission

STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
# Word confidence (0-100) at or above which tesseract is usually right.
CONFIDENT = 80.0
# Quality of a slip's OCR from its words: "printed" when at least this share of words is
# confident and the mean is high, "handwritten" below the lower figures, "mixed" between.
PRINTED_SHARE, PRINTED_MEAN = 0.70, 75.0
HANDWRITTEN_SHARE, HANDWRITTEN_MEAN = 0.35, 55.0
MIN_WORDS = 5  # fewer words than this on every page reads as handwriting (or nothing)
OFFERED_MIN_LENGTH = 3  # confident words shorter than this are not offered
LINE_INCHES = 0.3  # a crop at most this high (about two lines of 12 pt) is read as one line


@dataclass(frozen=True)
class PageOcr:
    page_id: int
    submission_id: int
    position: int
    state: str  # pending | done | failed | skipped
    text: str
    words: tuple[engine.OcrWord, ...]
    mean_conf: float | None
    width: int
    height: int
    error: str | None = None

    @property
    def unsure_words(self) -> tuple[engine.OcrWord, ...]:
        return tuple(w for w in self.words if w.conf < CONFIDENT)


@dataclass
class OcrRunReport:
    done: list[int] = field(default_factory=list)
    failed: list[tuple[int, E.KotakSaranError]] = field(default_factory=list)
    prefilled: list[int] = field(default_factory=list)  # submission ids whose body was filled
    cancelled: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"done": self.done, "failed": [{"page": p, "error": e.code, **e.params}
                                              for p, e in self.failed],
                "prefilled": self.prefilled, "cancelled": self.cancelled}


def words_to_json(words: Iterable[engine.OcrWord]) -> list[list[Any]]:
    return [[w.text, round(w.conf, 1), *w.box] for w in words]


def words_from_json(rows: Sequence[Sequence[Any]] | None) -> tuple[engine.OcrWord, ...]:
    out: list[engine.OcrWord] = []
    for row in rows or ():
        try:
            text, conf, x, y, w, h = row
            out.append(engine.OcrWord(str(text), float(conf),
                                      (int(x), int(y), int(w), int(h))))
        except (TypeError, ValueError):
            continue  # a malformed row is skipped rather than breaking the workspace
    return tuple(out)


def quality(words: Sequence[engine.OcrWord]) -> str:
    """printed | mixed | handwritten, from the words of a slip's pages."""
    if len(words) < MIN_WORDS:
        return "handwritten"
    mean = sum(w.conf for w in words) / len(words)
    share = sum(1 for w in words if w.conf >= CONFIDENT) / len(words)
    if share >= PRINTED_SHARE and mean >= PRINTED_MEAN:
        return "printed"
    if share < HANDWRITTEN_SHARE or mean < HANDWRITTEN_MEAN:
        return "handwritten"
    return "mixed"


def reflow(text: str) -> str:
    """Page text as a body: the lines of a paragraph joined into one, a word broken with a
    hyphen at a line end joined again; paragraphs stay apart by a blank line."""
    paragraphs: list[str] = []
    for block in text.split("\n\n"):
        joined = ""
        for line in (ln.strip() for ln in block.splitlines()):
            if not line:
                continue
            if joined.endswith("-") and len(joined) > 1 and joined[-2].isalpha() and (
                    line[:1].islower()):
                joined = joined[:-1] + line
            else:
                joined = f"{joined} {line}" if joined else line
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def _view(page: Page) -> PageOcr:
    return PageOcr(page_id=page.id, submission_id=page.submission_id, position=page.position,
                   state=page.ocr_state, text=page.ocr_text or "",
                   words=words_from_json(page.ocr_words), mean_conf=page.ocr_conf,
                   width=page.width, height=page.height, error=page.ocr_error)


def _live_pages(s: Session, submission_id: int) -> list[Page]:
    return list(s.scalars(select(Page).where(Page.submission_id == submission_id,
                                             Page.deleted_at.is_(None))
                          .order_by(Page.position, Page.id)))


def refresh_submission_ocr(s: Session, sub: Submission) -> str:
    """Recompute a slip's OCR text and quality from its live pages; returns the quality
    ("" when no page has been read). Called after OCR and after page edits (split, merge,
    delete, rotate) so that search and the workspace follow the pages."""
    pages = [p for p in _live_pages(s, sub.id) if p.ocr_state == "done"]
    sub.ocr_text = "\n\n".join(p.ocr_text for p in pages if p.ocr_text)
    flags = dict(sub.flags or {})
    if not pages:
        flags.pop("ocr", None)
        sub.flags = flags
        return ""
    words = [w for p in pages for w in words_from_json(p.ocr_words)]
    q = quality(words)
    info = dict(flags.get("ocr") or {})
    info.update(quality=q, words=len(words),
                mean_conf=round(sum(w.conf for w in words) / len(words), 1) if words else None)
    flags["ocr"] = info
    sub.flags = flags
    return q


class OcrService(ServiceBase):
    # --- reading results ------------------------------------------------------------------
    def page_ocr(self, page_id: int) -> PageOcr | None:
        self.require(*STAFF, action="pages")
        with self.store.read() as s:
            page = s.get(Page, page_id)
            return None if page is None else _view(page)

    def submission_ocr(self, ref: int | str) -> list[PageOcr]:
        """The OCR of a slip's live pages, in page order."""
        self.require(*STAFF, action="pages")
        with self.store.read() as s:
            sub = find_submission(s, ref)
            return [_view(p) for p in _live_pages(s, sub.id)]

    def offered_words(self, ref: int | str, limit: int = 40) -> list[str]:
        """The confident words of a slip's pages, in reading order and without repeats: what
        the workspace offers for a handwritten page instead of filling the body."""
        seen: dict[str, None] = {}
        for page in self.submission_ocr(ref):
            for w in page.words:
                word = w.text.strip(".,;:!?()\"'")
                if (w.conf >= CONFIDENT and len(word) >= OFFERED_MIN_LENGTH
                        and any(ch.isalpha() for ch in word)):
                    seen.setdefault(word, None)
        return list(seen)[:limit]

    def read_region(self, page_id: int, box: tuple[int, int, int, int], *,
                    lang: str = engine.DEFAULT_LANG,
                    timeout: float = engine.DEFAULT_TIMEOUT) -> engine.OcrResult:
        """Read one part of a stored page (a field, a line the page OCR got wrong), with the
        page segmentation that suits a crop: one line (psm 7) when the box is about one
        line high, a block (psm 6) otherwise. Runs here, in the caller's thread."""
        self.require(*STAFF, action="pages")
        with self.store.read() as s:
            page = s.get(Page, page_id)
            if page is None:
                raise E.NotFound(what="page", ref=str(page_id))
            sha, dpi = page.blob_sha256, page.dpi or 300
        x, y, w, h = (int(v) for v in box)
        from PIL import Image

        with Image.open(self.store.blobs.open_verified(sha)) as im:
            x0, y0 = max(0, x), max(0, y)
            x1, y1 = min(im.width, x + w), min(im.height, y + h)
            if x1 - x0 < 4 or y1 - y0 < 4:
                return engine.OcrResult(text="", words=(), seconds=0.0, size=(0, 0))
            crop = im.crop((x0, y0, x1, y1))
            crop.load()
        # A margin of white helps tesseract with text touching the crop's edge.
        pad = max(8, dpi // 20)
        canvas = Image.new(crop.mode if crop.mode in ("1", "L", "RGB") else "L",
                           (crop.width + 2 * pad, crop.height + 2 * pad), 255)
        canvas.paste(crop.convert(canvas.mode), (pad, pad))
        one_line = crop.height <= dpi * LINE_INCHES
        result = engine.recognize(canvas, lang=lang, dpi=dpi, timeout=timeout,
                                  psm=engine.PSM_LINE if one_line else engine.PSM_BLOCK)
        shifted = tuple(engine.OcrWord(w.text, w.conf, (w.box[0] - pad + x0,
                                                        w.box[1] - pad + y0, *w.box[2:]))
                        for w in result.words)
        return engine.OcrResult(text=result.text, words=shifted, seconds=result.seconds,
                                size=(x1 - x0, y1 - y0))

    def pending_pages(self, limit: int | None = None) -> list[int]:
        """Live pages waiting for OCR, oldest first."""
        with self.store.read() as s:
            q = (select(Page.id).where(Page.ocr_state == "pending", Page.deleted_at.is_(None))
                 .order_by(Page.id))
            if limit is not None:
                q = q.limit(limit)
            return list(s.scalars(q))

    def retry_failed(self) -> int:
        """Put failed pages back in the queue (after tesseract was installed, say)."""
        self.require(*STAFF, action="pages")
        with self.store.write() as s:
            pages = list(s.scalars(select(Page).where(Page.ocr_state == "failed")))
            for p in pages:
                p.ocr_state, p.ocr_error = "pending", None
            return len(pages)

    # --- running ----------------------------------------------------------------------------
    def run(self, page_ids: Sequence[int] | None = None, *,
            progress: Callable[[int, int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
            until: Callable[[], bool] | None = None,
            workers: int | None = None, lang: str = engine.DEFAULT_LANG,
            timeout: float = engine.DEFAULT_TIMEOUT) -> OcrRunReport:
        """Read `page_ids`, or (None) every pending page, including pages that arrive while
        the run goes on. With `until`, a run without ids also waits for pages while
        `until()` is false (an import still running) and ends once it is true and nothing
        is left: import and OCR then overlap. `progress(done, total, page_id)` after each
        page (`total` grows as pages arrive); `cancelled()` is polled between pages. A
        missing tesseract or language raises its typed error before anything changes."""
        self.require(*STAFF, action="ocr")
        engine.check_tesseract(lang)
        report = OcrRunReport()
        stop = cancelled or (lambda: False)
        seen: set[int] = set()
        counted = [0]  # pages finished, including blank and unreadable ones

        def feed() -> Iterator[tuple[int, str, int | None] | None]:
            first = True
            while not stop():
                if page_ids is not None:
                    if not first:
                        return
                    ids = [i for i in page_ids if i not in seen]
                else:
                    ids = self._unseen(seen)
                first = False
                if not ids:
                    if page_ids is not None:
                        return
                    if until is None or until():
                        if not self._unseen(seen):  # pages stored as the import ended
                            return
                        continue
                    # The import is still going: say "nothing yet"; the engine collects
                    # the pages in flight and asks again a moment later.
                    yield None
                    continue
                seen.update(ids)
                jobs = self._jobs(ids, report)
                if len(jobs) < len(ids):  # blank or unreadable: finished without OCR
                    counted[0] += len(ids) - len(jobs)
                    if progress is not None:
                        progress(counted[0], self._total(seen), ids[-1])
                yield from jobs

        kwargs: dict[str, Any] = {"lang": lang, "timeout": timeout, "cancelled": cancelled}
        if workers is not None:
            kwargs["workers"] = workers
        for key, result in engine.iter_recognize_images(feed(), **kwargs):
            page_id = int(key)  # type: ignore[call-overload]
            prefilled = self.store_result(page_id, result)
            if isinstance(result, E.KotakSaranError):
                report.failed.append((page_id, result))
            else:
                report.done.append(page_id)
            if prefilled is not None:
                report.prefilled.append(prefilled)
            counted[0] += 1
            if progress is not None:
                progress(counted[0], self._total(seen), page_id)
        left = (len(page_ids) - counted[0] if page_ids is not None
                else len(self._unseen(seen)) + len(seen) - counted[0])
        report.cancelled = stop() and left > 0
        return report

    def _unseen(self, seen: set[int]) -> list[int]:
        return [i for i in self.pending_pages() if i not in seen]

    def _total(self, seen: set[int]) -> int:
        return len(seen) + len(self._unseen(seen))

    def _jobs(self, ids: Sequence[int], report: OcrRunReport
              ) -> list[tuple[int, str, int | None]]:
        """(page id, verified blob path, dpi) per page to read; blank pages are marked
        skipped here and need no worker. A missing or damaged blob fails that page only."""
        jobs: list[tuple[int, str, int | None]] = []
        with self.store.read() as s:
            rows = [(p.id, p.blob_sha256, p.dpi, bool((p.flags or {}).get("blank")))
                    for p in s.scalars(select(Page).where(Page.id.in_(ids)))]
        order = {pid: i for i, pid in enumerate(ids)}
        rows.sort(key=lambda r: order[r[0]])
        for page_id, sha, dpi, blank in rows:
            if blank:
                self._finish(page_id, state="skipped")
                continue
            try:
                path = self.store.blobs.open_verified(sha)
            except E.KotakSaranError as exc:
                self.store_result(page_id, exc)
                report.failed.append((page_id, exc))
                continue
            jobs.append((page_id, str(path), dpi or None))
        return jobs

    def store_result(self, page_id: int, result: engine.OcrResult | E.KotakSaranError
                     ) -> int | None:
        """Write one page's OCR; returns the submission id when its empty draft body was
        filled from it. A page deleted or re-rotated meanwhile keeps its new state."""
        if isinstance(result, E.KotakSaranError):
            self._finish(page_id, state="failed", error=result.code)
            return None
        return self._finish(page_id, state="done", result=result)

    def _finish(self, page_id: int, *, state: str, result: engine.OcrResult | None = None,
                error: str | None = None) -> int | None:
        with self.store.write() as s:
            page = s.get(Page, page_id)
            if page is None:
                return None
            now = self.now()
            page.ocr_state, page.ocr_error, page.ocr_at = state, error, now
            if result is not None:
                page.ocr_text = result.text
                page.ocr_words = words_to_json(result.words)
                page.ocr_conf = (round(sum(w.conf for w in result.words) / len(result.words), 1)
                                 if result.words else None)
            sub = s.get(Submission, page.submission_id)
            assert sub is not None
            q = refresh_submission_ocr(s, sub)
            if result is None or q == "handwritten":
                return None
            return sub.id if self._prefill(s, sub, now) else None

    def _prefill(self, s: Session, sub: Submission, now: datetime) -> bool:
        if sub.status != Status.DRAFT.value or (sub.body or "").strip() or not sub.ocr_text:
            return False
        sub.body = reflow(sub.ocr_text)
        flags = dict(sub.flags or {})
        info = dict(flags.get("ocr") or {})
        info["prefilled"] = True
        flags["ocr"] = info
        sub.flags = flags
        sub.updated_at = now
        sub.revision += 1
        self.audit(s, "ocr_prefill", "submission", sub.uuid,
                   [{"field": "body", "old": "", "new": sub.body}])
        return True
