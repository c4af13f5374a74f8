"""Page operations on captured slips: reorder, rotate, delete/restore, split and merge.

Each is one transaction with an audit event, allowed while the submission can be edited
(draft, returned, verified), and returns what the screen needs to undo it:

- `move` <-> `move` back to the old position;
- `rotate(q)` <-> `rotate(-q)`: a rotation re-encodes the page into a new blob; the blob of
  every orientation already made is remembered on the page (`flags["turn_blobs"]`), so turning
  back reuses the earlier image exactly (no second JPEG generation). Nothing is discarded: the
  original file (`original_sha256`) and the earlier blobs stay in the store;
- `delete` <-> `restore` (soft delete: `deleted_at`);
- `split` <-> `merge(new, into=old)`;
- `merge` <-> `unmerge(result)`.

The submission emptied by a merge: an untouched draft (nothing typed on it yet, as right after
a `split` or an import) is deleted, since it only ever held the moved pages; any other is kept
as `rejected` with the reason "digabung ke KS-…", so no typed work and no number disappears.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from ..domain import states
from ..domain.enums import Role, Status
from ..domain.errors import KotakSaranError, NotFound, ValidationFailed
from ..store.models import Page, Submission
from .context import ServiceBase, current_unit
from .intake import JPEG_QUALITY, PageView, phash
from .ocr import refresh_submission_ocr
from .submissions import find_submission, next_number

STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
_TOUCHED_FIELDS = ("title", "body", "location", "classification", "event_date", "agency_id",
                   "category_id", "reporter_name", "reporter_nik", "reporter_phone",
                   "reporter_email", "reporter_address")


@dataclass(frozen=True)
class PageMoved:
    page_id: int
    submission_id: int
    old_position: int  # 1-based among the pages not deleted
    new_position: int


@dataclass(frozen=True)
class PageRotated:
    page_id: int
    submission_id: int
    quarter_turns: int  # clockwise; undo with the negative
    blob_sha256: str
    previous_blob_sha256: str
    width: int
    height: int


@dataclass(frozen=True)
class PageDeleted:
    page_id: int
    submission_id: int
    deleted: bool  # True after delete, False after restore


@dataclass(frozen=True)
class SplitResult:
    source_id: int
    source_number: str
    new_id: int
    new_number: str
    page_ids: tuple[int, ...]


@dataclass(frozen=True)
class MergeResult:
    source_id: int
    source_number: str
    into_id: int
    into_number: str
    page_ids: tuple[int, ...]  # moved, in their new order at the end of `into`
    source_deleted: bool
    source_status: str  # before the merge
    source_reason: str | None
    source_uuid: str
    source_snapshot: dict[str, Any]  # enough to bring a deleted source back


@dataclass(frozen=True)
class SlipPages:
    """A submission with its pages, as the capture screen groups them."""

    id: int
    number: str
    status: str
    title: str
    editable: bool
    pages: tuple[PageView, ...]

    @property
    def possible_duplicates(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for p in self.pages:
            other = p.flags.get("possible_duplicate_of")
            if other and other != self.number:
                seen[str(other)] = None
        return tuple(seen)


def _live(s: Session, submission_id: int) -> list[Page]:
    return list(s.scalars(select(Page).where(Page.submission_id == submission_id,
                                             Page.deleted_at.is_(None))
                          .order_by(Page.position, Page.id)))


def _all(s: Session, submission_id: int) -> list[Page]:
    return list(s.scalars(select(Page).where(Page.submission_id == submission_id)
                          .order_by(Page.position, Page.id)))


def _renumber(s: Session, pages: list[Page], start: int = 1,
              submission_id: int | None = None) -> None:
    """Give `pages` the positions start, start+1 ... (optionally in another submission).
    Positions are unique per submission, so they pass through negative values first."""
    for i, p in enumerate(pages, start=1):
        p.position = -i
    s.flush()
    for i, p in enumerate(pages, start=start):
        if submission_id is not None:
            p.submission_id = submission_id
        p.position = i
    s.flush()


def _untouched(sub: Submission) -> bool:
    return sub.status == Status.DRAFT.value and not any(
        getattr(sub, f) for f in _TOUCHED_FIELDS)


class PageService(ServiceBase):
    # --- checks -------------------------------------------------------------------------
    def _editable(self, sub: Submission) -> None:
        if Status(sub.status) not in states.EDITABLE:
            raise KotakSaranError("not_editable", number=sub.number, status=sub.status)

    def _page(self, s: Session, page_id: int) -> tuple[Page, Submission]:
        page = s.get(Page, page_id)
        if page is None:
            raise NotFound(what="page", ref=str(page_id))
        sub = s.get(Submission, page.submission_id)
        assert sub is not None
        self._editable(sub)
        return page, sub

    def _touch(self, sub: Submission, now: datetime) -> None:
        """A page of `sub` changed: its time, and its OCR text and quality from the pages. A
        verified slip goes back to draft, as after a field edit: the pages were checked."""
        sub.updated_at = now
        s = object_session(sub)
        if s is None:
            return
        if sub.status == Status.VERIFIED.value:
            states.check_transition(Status.VERIFIED, Status.DRAFT)
            sub.status = Status.DRAFT.value
            self.audit(s, "status_draft", "submission", sub.uuid,
                       [{"field": "status", "old": Status.VERIFIED.value,
                         "new": Status.DRAFT.value}], note="pages changed after verification")
        s.flush()
        refresh_submission_ocr(s, sub)

    # --- reorder ------------------------------------------------------------------------
    def move(self, page_id: int, new_position: int) -> PageMoved:
        """Put a page at `new_position` (1-based, among the pages not deleted)."""
        self.require(*STAFF, action="edit_pages")
        with self.store.write() as s:
            page, sub = self._page(s, page_id)
            if page.deleted_at is not None:
                raise NotFound(what="page", ref=str(page_id))
            live = _live(s, sub.id)
            old = live.index(page) + 1
            others = [p for p in live if p.id != page.id]
            new = max(1, min(new_position, len(others) + 1))
            everything = [p for p in _all(s, sub.id) if p.id != page.id]
            if new - 1 < len(others):
                at = everything.index(others[new - 1])
                everything.insert(at, page)
            else:
                everything.append(page)
            _renumber(s, everything)
            self._touch(sub, self.now())
            if old != new:
                self.audit(s, "page_move", "submission", sub.uuid,
                           [{"field": "page_position", "old": old, "new": new}],
                           note=f"page {page.id}")
            return PageMoved(page.id, sub.id, old, new)

    # --- rotate -------------------------------------------------------------------------
    def rotate(self, page_id: int, quarter_turns: int) -> PageRotated:
        """Turn a page by quarter turns clockwise (negative: counter-clockwise)."""
        self.require(*STAFF, action="edit_pages")
        turns = quarter_turns % 4
        with self.store.read() as s:
            page, sub = self._page(s, page_id)
            current, flags = page.blob_sha256, dict(page.flags or {})
        known: dict[str, str] = dict(flags.get("turn_blobs") or {})
        manual = int(flags.get("manual_turns", 0)) % 4
        target = (manual + turns) % 4
        known.setdefault(str(manual), current)
        blobs = self.store.blobs
        if turns == 0:
            sha = current
        elif str(target) in known and blobs.exists(known[str(target)]):
            sha = known[str(target)]
        else:
            sha = self._rotated_blob(current, turns)
        with Image.open(io.BytesIO(blobs.read(sha))) as im:
            width, height = im.size
            hashed = phash(im)
        known[str(target)] = sha
        with self.store.write() as s:
            page, sub = self._page(s, page_id)
            if page.blob_sha256 != current:
                raise KotakSaranError("stale_revision", number=sub.number)
            previous = page.blob_sha256
            new_flags = dict(page.flags or {})
            new_flags["turn_blobs"] = known
            new_flags["manual_turns"] = target
            page.flags = new_flags
            page.blob_sha256 = sha
            page.width, page.height = width, height
            page.rotation = (page.rotation + 90 * turns) % 360
            if not new_flags.get("blank"):
                page.phash = hashed
            # The word boxes belonged to the old image: read the turned page again.
            page.ocr_state, page.ocr_words, page.ocr_text, page.ocr_conf = (
                "pending", None, None, None)
            self._touch(sub, self.now())
            self.audit(s, "page_rotate", "submission", sub.uuid,
                       [{"field": "page_blob", "old": previous, "new": sha}],
                       note=f"page {page.id}: {90 * turns} degrees clockwise")
            return PageRotated(page.id, sub.id, quarter_turns, sha, previous, width, height)

    def _rotated_blob(self, sha: str, turns: int) -> str:
        data = self.store.blobs.read(sha)
        with Image.open(io.BytesIO(data)) as im:
            fmt = im.format or "PNG"
            dpi = im.info.get("dpi")
            # PIL turns counter-clockwise; 90*k clockwise is ROTATE_{360-90k}.
            method = {1: Image.Transpose.ROTATE_270, 2: Image.Transpose.ROTATE_180,
                      3: Image.Transpose.ROTATE_90}[turns]
            out = im.transpose(method)
        buf = io.BytesIO()
        kwargs: dict[str, Any] = {"dpi": dpi} if dpi else {}
        if fmt == "JPEG":
            out.save(buf, "JPEG", quality=JPEG_QUALITY, **kwargs)
        elif fmt == "TIFF":
            out.save(buf, "TIFF", compression="group4" if out.mode == "1" else "tiff_lzw",
                     **kwargs)
        else:
            out.save(buf, "PNG", optimize=True, **kwargs)
        return self.store.blobs.put_bytes(buf.getvalue())

    # --- delete -------------------------------------------------------------------------
    def delete(self, page_id: int) -> PageDeleted:
        """Soft delete: the page leaves the slip but stays stored (restore brings it back)."""
        return self._set_deleted(page_id, True)

    def restore(self, page_id: int) -> PageDeleted:
        return self._set_deleted(page_id, False)

    def _set_deleted(self, page_id: int, deleted: bool) -> PageDeleted:
        self.require(*STAFF, action="edit_pages")
        with self.store.write() as s:
            page, sub = self._page(s, page_id)
            now = self.now()
            was = page.deleted_at is not None
            page.deleted_at = now if deleted else None
            self._touch(sub, now)
            if was != deleted:
                self.audit(s, "page_delete" if deleted else "page_restore", "submission",
                           sub.uuid, [{"field": "page", "old": None if deleted else page.id,
                                       "new": page.id if not deleted else None}],
                           note=f"page {page.id}")
            return PageDeleted(page.id, sub.id, deleted)

    # --- split and merge ----------------------------------------------------------------
    def split(self, submission_ref: int | str, first_page_id: int) -> SplitResult:
        """Pages from `first_page_id` on move to a new draft in the same box session."""
        self.require(*STAFF, action="edit_pages")
        with self.store.write() as s:
            sub = find_submission(s, submission_ref)
            self._editable(sub)
            everything = _all(s, sub.id)
            live = [p for p in everything if p.deleted_at is None]
            first = next((p for p in live if p.id == first_page_id), None)
            if first is None:
                raise NotFound(what="page", ref=str(first_page_id))
            if live.index(first) == 0:
                raise ValidationFailed({"page": ["split_at_first_page"]})
            cut = everything.index(first)
            moving = everything[cut:]  # deleted pages after the cut travel along
            now = self.now()
            unit = current_unit(s)
            new = Submission(
                unit_id=unit.id, number=next_number(s, unit, _year(now, unit.timezone)),
                status=Status.DRAFT.value, channel=sub.channel, desk_code=sub.desk_code,
                box_session_id=sub.box_session_id, created_by_id=self.actor.user_id,
                created_by=self.actor.label, created_at=now, updated_at=now,
                title="", body="", location="")
            s.add(new)
            s.flush()
            _renumber(s, moving, submission_id=new.id)
            self._touch(sub, now)
            self._touch(new, now)
            ids = tuple(p.id for p in moving)
            self.audit(s, "page_split", "submission", sub.uuid,
                       [{"field": "pages", "old": len(everything), "new": cut}],
                       note=f"pages from {first.id} on moved to {new.number}")
            self.audit(s, "create", "submission", new.uuid,
                       [{"field": "pages", "old": None, "new": len(moving)},
                        {"field": "box_session_id", "old": None, "new": sub.box_session_id}],
                       note=f"split from {sub.number}")
            return SplitResult(sub.id, sub.number, new.id, new.number, ids)

    def merge(self, source_ref: int | str, into_ref: int | str) -> MergeResult:
        """Move every page of `source` to the end of `into` (see the module note for what
        happens to the emptied source)."""
        self.require(*STAFF, action="edit_pages")
        with self.store.write() as s:
            src = find_submission(s, source_ref)
            into = find_submission(s, into_ref)
            if src.id == into.id:
                raise ValidationFailed({"submission": ["merge_into_itself"]})
            self._editable(src)
            self._editable(into)
            moving = _all(s, src.id)
            base = len(_all(s, into.id))
            _renumber(s, moving, start=base + 1, submission_id=into.id)
            now = self.now()
            self._touch(into, now)
            snapshot = {"uuid": src.uuid, "number": src.number, "unit_id": src.unit_id,
                        "desk_code": src.desk_code, "channel": src.channel,
                        "box_session_id": src.box_session_id,
                        "created_by_id": src.created_by_id, "created_by": src.created_by,
                        "created_at": src.created_at.isoformat()}
            result = MergeResult(src.id, src.number, into.id, into.number,
                                 tuple(p.id for p in moving), _untouched(src), src.status,
                                 src.status_reason, src.uuid, snapshot)
            self.audit(s, "page_merge", "submission", into.uuid,
                       [{"field": "pages", "old": base, "new": base + len(moving)}],
                       note=f"pages of {src.number} added")
            if result.source_deleted:
                self.audit(s, "delete", "submission", src.uuid, [],
                           note=f"empty draft after merging into {into.number}")
                s.delete(src)
            else:
                reason = f"digabung ke {into.number}"
                self.audit(s, "reject", "submission", src.uuid,
                           [{"field": "status", "old": src.status, "new": "rejected"},
                            {"field": "status_reason", "old": src.status_reason,
                             "new": reason}], note="merge")
                src.status = Status.REJECTED.value
                src.status_reason = reason
                self._touch(src, now)
            return result

    def unmerge(self, merged: MergeResult) -> SplitResult:
        """Undo a merge: the pages go back to their submission (made again, with its own
        number and UUID, when the merge had deleted it) and its status is restored."""
        self.require(*STAFF, action="edit_pages")
        with self.store.write() as s:
            into = s.get(Submission, merged.into_id)
            if into is None:
                raise NotFound(what="submission", ref=merged.into_number)
            self._editable(into)
            now = self.now()
            if merged.source_deleted:
                snap = merged.source_snapshot
                if s.scalar(select(Submission.id).where(
                        Submission.uuid == snap["uuid"])) is not None:
                    raise KotakSaranError("stale_revision", number=merged.source_number)
                src = Submission(
                    uuid=snap["uuid"], number=snap["number"], unit_id=snap["unit_id"],
                    desk_code=snap["desk_code"], status=Status.DRAFT.value,
                    channel=snap["channel"], box_session_id=snap["box_session_id"],
                    created_by_id=snap["created_by_id"], created_by=snap["created_by"],
                    created_at=datetime.fromisoformat(snap["created_at"]), updated_at=now,
                    title="", body="", location="")
                s.add(src)
                s.flush()
                self.audit(s, "restore", "submission", src.uuid, [],
                           note=f"merge into {into.number} undone")
            else:
                found = s.get(Submission, merged.source_id)
                if found is None:
                    raise NotFound(what="submission", ref=merged.source_number)
                src = found
                self.audit(s, "reopen", "submission", src.uuid,
                           [{"field": "status", "old": src.status,
                             "new": merged.source_status}], note="merge undone")
                src.status = merged.source_status
                src.status_reason = merged.source_reason
                src.updated_at = now
            moving = [p for p in _all(s, into.id) if p.id in set(merged.page_ids)]
            _renumber(s, moving, submission_id=src.id)
            _renumber(s, _all(s, into.id))
            self._touch(into, now)
            self._touch(src, now)
            self.audit(s, "page_split", "submission", into.uuid,
                       [{"field": "pages", "old": None, "new": None}],
                       note=f"pages of {src.number} given back")
            return SplitResult(into.id, into.number, src.id, src.number,
                               tuple(p.id for p in moving))

    # --- reading ------------------------------------------------------------------------
    def session_slips(self, session_id: int) -> list[SlipPages]:
        """The submissions of a box session, oldest first, each with its pages (not deleted),
        in two queries: what the capture screen shows."""
        self.require(*STAFF, action="pages")
        with self.store.read() as s:
            subs = list(s.scalars(select(Submission).where(
                Submission.box_session_id == session_id).order_by(Submission.id)))
            by_sub: dict[int, list[PageView]] = {sub.id: [] for sub in subs}
            if subs:
                rows = s.scalars(select(Page).where(
                    Page.submission_id.in_(list(by_sub)), Page.deleted_at.is_(None))
                    .order_by(Page.submission_id, Page.position))
                for p in rows:
                    by_sub[p.submission_id].append(PageView(
                        p.id, p.position, p.blob_sha256, p.original_sha256, p.width, p.height,
                        p.dpi, p.rotation, dict(p.flags or {}), p.source_name, p.source_page,
                        p.skew, p.phash))
            return [SlipPages(sub.id, sub.number, sub.status, sub.title,
                              Status(sub.status) in states.EDITABLE, tuple(by_sub[sub.id]))
                    for sub in subs]

    def image_bytes(self, blob_sha256: str) -> bytes:
        """A stored page image, verified (for viewers and thumbnails)."""
        self.require(*STAFF, action="pages")
        return self.store.blobs.read(blob_sha256)


def _year(now: datetime, timezone: str) -> int:
    return now.astimezone(ZoneInfo(timezone)).year


__all__ = ["MergeResult", "PageDeleted", "PageMoved", "PageRotated", "PageService",
           "SlipPages", "SplitResult"]
