"""Importing files and scanned images into submissions (one file -> one draft submission).

Per file, in this order, so that nothing half-done is ever left behind:

1. the kind of file is checked by its first bytes (an empty or unknown file stops here);
2. the file as it came in is stored as a blob (`original_sha256`); a byte-identical file that
   is already imported (a page not deleted points at it) is refused, naming its submission;
3. each page is read (one at a time), cleaned (`clean_page`, steps from the settings),
   encoded compactly, stored as a blob and given a perceptual hash; a page that looks like
   one already stored is flagged `possible_duplicate_of` (and imported all the same);
4. only when every page is stored, ONE transaction writes the submission, its pages and the
   audit event.

Any failure on the way: the blobs this file created and nothing references are removed,
nothing is written to the database, the file is listed in `failed` with its Indonesian
message, and the next file is taken.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import cv2
import numpy as np
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import i18n
from ..domain import errors as E
from ..domain.enums import BoxSessionState, Channel, Role, Status
from ..intake import readers
from ..intake.cleanup import CleanedPage, CleanupOptions, clean_page, encode_page
from ..store.models import Box, BoxSession, Page, Setting, Submission
from .config import SPECS
from .context import ServiceBase, current_unit
from .submissions import find_submission, next_number

Progress = Callable[[int, int, str], None]  # (files done, files in all, current file name)
PageProgress = Callable[[str, int], None]  # (current file name, its pages stored so far)
Cancel = Callable[[], bool]

DUPLICATE_DISTANCE = 5  # bits of 64: a page this close to a stored one is a possible duplicate
JPEG_QUALITY = 80
CLEANUP_KEYS = ("exif_orientation", "cardinal_rotation", "deskew", "border_crop",
                "blank_detection", "perspective")


# --- results -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportedFile:
    file: str  # as given, printable
    submission: str  # local number, e.g. KS-KLBS-2026-000021
    submission_id: int
    pages: int
    possible_duplicates: list[str] = field(default_factory=list)  # numbers it may repeat
    blank_pages: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "submission": self.submission, "pages": self.pages,
                "submission_id": self.submission_id,
                "possible_duplicates": list(self.possible_duplicates),
                "blank_pages": self.blank_pages}


@dataclass(frozen=True)
class FailedFile:
    file: str
    code: str  # error code, e.g. "file_damaged"
    message: str  # what happened and what to do, in the current language

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "error": self.message, "code": self.code}


@dataclass
class ImportReport:
    imported: list[ImportedFile] = field(default_factory=list)
    failed: list[FailedFile] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        return {"imported": [i.to_json() for i in self.imported],
                "failed": [f.to_json() for f in self.failed]}


@dataclass(frozen=True)
class PageView:
    id: int
    position: int
    blob_sha256: str
    original_sha256: str | None
    width: int
    height: int
    dpi: int
    rotation: int
    flags: dict[str, Any]
    source_name: str
    source_page: int
    skew: float = 0.0
    phash: str | None = None

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


# --- perceptual hash -----------------------------------------------------------------------
def phash(image: Image.Image) -> str:
    """64-bit perceptual hash (DCT) as 16 hex digits: the page shrunk to 32x32 grey levels,
    the 8x8 lowest frequencies of its cosine transform, one bit per coefficient above their
    median. Survives re-encoding, rescaling and small shifts (2 bits of 64 on a JPEG copy at
    another size, against 8 or more between different generated slips). Two slips on the same
    printed form can still come close, hence only a flag, never a refusal."""
    a = np.asarray(image.convert("L"), dtype=np.float32)
    small = cv2.resize(a, (32, 32), interpolation=cv2.INTER_AREA)
    coeffs = cv2.dct(small)[:8, :8].ravel()
    bits = coeffs > np.median(coeffs[1:])
    value = 0
    for b in bits:
        value = (value << 1) | int(b)
    return f"{value:016x}"


class _KnownHashes:
    """Perceptual hashes of the pages stored so far, with their submission numbers."""

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        pairs = list(rows)
        self.values = np.array([int(h, 16) for h, _ in pairs], dtype=np.uint64)
        self.numbers = [n for _, n in pairs]

    def closest(self, phash: str) -> str | None:
        if not self.numbers:
            return None
        dist = np.bitwise_count(self.values ^ np.uint64(int(phash, 16)))
        i = int(np.argmin(dist))
        return self.numbers[i] if int(dist[i]) <= DUPLICATE_DISTANCE else None

    def add(self, hashes: Iterable[str], number: str) -> None:
        new = [h for h in hashes]
        if new:
            self.values = np.concatenate(
                [self.values, np.array([int(h, 16) for h in new], dtype=np.uint64)])
            self.numbers.extend([number] * len(new))


# --- one file's pages before they reach the database ---------------------------------------
@dataclass
class _StoredPage:
    blob_sha256: str
    original_sha256: str | None
    source_page: int
    width: int
    height: int
    dpi: int
    rotation: int
    skew: float
    phash: str | None
    flags: dict[str, Any]
    cleanup: dict[str, Any]


def printable(p: readers.PathLike) -> str:
    """A path as given, printable (bytes that are not UTF-8 shown as \\xNN)."""
    text = os.fsdecode(p) if isinstance(p, bytes) else str(p)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class IntakeService(ServiceBase):
    STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)

    # --- settings -----------------------------------------------------------------------
    def _settings(self) -> dict[str, Any]:
        keys = [f"cleanup.{k}" for k in CLEANUP_KEYS] + ["intake.split_on_blank"]
        with self.store.read() as s:
            rows = {r.key: r.value for r in s.scalars(select(Setting).where(Setting.key.in_(keys)))}
        return {k: rows.get(k, SPECS[k].default) for k in keys}

    def cleanup_options(self) -> CleanupOptions:
        return _options(self._settings())

    # --- importing files ----------------------------------------------------------------
    def import_files(self, paths: Sequence[readers.PathLike], *, session_id: int | None = None,
                     progress: Progress | None = None, cancel: Cancel | None = None,
                     page_progress: PageProgress | None = None) -> ImportReport:
        """Import each file as one draft submission (several with `intake.split_on_blank`
        and blank separator pages); a file that fails is reported and the others go on.
        `cancel()` is asked before each file and between pages; `page_progress` hears of each
        page stored (a long PDF takes a while)."""
        self.require(*self.STAFF, action="import")
        paths = list(paths)
        settings = self._settings()
        options = _options(settings)
        split = bool(settings["intake.split_on_blank"])
        if session_id is not None:
            self._check_session(session_id)
        known = self._known_hashes()
        report = ImportReport()
        total = len(paths)
        cancelled = False
        # A file missing now was never there (a typo); one that goes later has vanished.
        missing = [not os.path.lexists(readers.as_path(p)) for p in paths]
        for done, path in enumerate(paths):
            shown = printable(path)
            name = readers.display_name(path)
            if progress is not None:
                progress(done, total, name)
            try:
                if cancelled or (cancel is not None and cancel()):
                    cancelled = True
                    raise E.ImportCancelled(file=name)
                if missing[done]:
                    raise E.FileMissing(file=shown)
                report.imported.extend(self._import_file(
                    path, shown, name, session_id=session_id, options=options, split=split,
                    known=known, cancel=cancel, page_progress=page_progress))
            except E.ImportCancelled as exc:
                cancelled = True
                report.failed.append(FailedFile(shown, exc.code, i18n.error_message(exc)))
            except E.KotakSaranError as exc:
                report.failed.append(FailedFile(shown, exc.code, _file_message(exc, name)))
        if progress is not None:
            progress(total, total, "")
        return report

    def _import_file(self, path: readers.PathLike, shown: str, name: str, *,
                     session_id: int | None, options: CleanupOptions, split: bool,
                     known: _KnownHashes, cancel: Cancel | None,
                     page_progress: PageProgress | None = None) -> list[ImportedFile]:
        blobs = self.store.blobs
        created: list[str] = []
        try:
            readers.sniff(path, name=name)  # empty, unknown or gone: stop before any write
            original, new = blobs.store_file(readers.as_path(path))
            if new:
                created.append(original)
            number = self._imported_in(original)
            if number is not None:
                raise E.AlreadyImported(file=name, number=number)
            # Pages are read from the stored copy: verified, and it cannot vanish meanwhile.
            stored: list[_StoredPage] = []
            for src in readers.iter_pages(blobs.open_verified(original), name=name):
                if cancel is not None and cancel():
                    raise E.ImportCancelled(file=name)
                page = self._store_page(src.image, src.dpi, options, created)
                page.original_sha256 = original
                page.source_page = src.index
                stored.append(page)
                del src
                if page_progress is not None:
                    page_progress(name, len(stored))
            if not stored:
                raise E.PdfEmpty(file=name)
            groups = _split_on_blank(stored) if split else [stored]
            return [self._commit(group, name, shown, session_id, known) for group in groups]
        except BaseException:
            self._discard_unreferenced(created)
            raise

    # --- importing scanner output -------------------------------------------------------
    def import_images(self, images: Sequence[Image.Image], source_name: str,
                      session_id: int | None = None) -> ImportedFile:
        """Scanned pages as one draft submission. Each raw scan is kept losslessly (PNG) as
        the page's original. Raises the typed error when anything fails; nothing is kept."""
        self.require(*self.STAFF, action="import")
        if not images:
            raise E.PdfEmpty(file=source_name)
        if session_id is not None:
            self._check_session(session_id)
        options = self.cleanup_options()
        known = self._known_hashes()
        created: list[str] = []
        try:
            stored = []
            for index, image in enumerate(images):
                buf = io.BytesIO()
                dpi = _dpi_of(image)
                image.save(buf, "PNG", dpi=(dpi, dpi))
                original, new = self.store.blobs.store_bytes(buf.getvalue())
                del buf
                if new:
                    created.append(original)
                page = self._store_page(image, dpi, options, created)
                page.original_sha256 = original
                page.source_page = index
                stored.append(page)
            return self._commit(stored, source_name, source_name, session_id, known,
                                action_note="scan")
        except BaseException:
            self._discard_unreferenced(created)
            raise

    # --- steps --------------------------------------------------------------------------
    def _store_page(self, image: Image.Image, dpi: int, options: CleanupOptions,
                    created: list[str]) -> _StoredPage:
        cleaned: CleanedPage = clean_page(image, options, dpi or None)
        data, fmt = encode_page(cleaned, JPEG_QUALITY)
        sha, new = self.store.blobs.store_bytes(data)
        if new:
            created.append(sha)
        flags: dict[str, Any] = {}
        if cleaned.is_blank:
            flags["blank"] = True
        return _StoredPage(
            blob_sha256=sha, original_sha256=None, source_page=0,
            width=cleaned.image.width, height=cleaned.image.height, dpi=cleaned.dpi,
            rotation=cleaned.rotation, skew=float(cleaned.skew_degrees),
            phash=None if cleaned.is_blank else phash(cleaned.image), flags=flags,
            cleanup={"steps": {k: round(v, 4) for k, v in cleaned.steps.items()},
                     "seconds": round(cleaned.steps.get("total", 0.0), 4),
                     "notes": list(cleaned.notes), "format": fmt, "bytes": len(data),
                     "bilevel": cleaned.bilevel,
                     "corners": cleaned.perspective_corners},
        )

    def _commit(self, pages: list[_StoredPage], name: str, shown: str,
                session_id: int | None, known: _KnownHashes, *, action_note: str = "file"
                ) -> ImportedFile:
        duplicates: list[str] = []
        for p in pages:
            if p.phash is not None:
                match = known.closest(p.phash)
                if match is not None:
                    p.flags["possible_duplicate_of"] = match
                    if match not in duplicates:
                        duplicates.append(match)
        with self.store.write() as s:
            now = self.now()
            unit = current_unit(s)
            bs_id = self._target_session(s, session_id, now)
            year = now.astimezone(ZoneInfo(unit.timezone)).year
            desk = s.get(Setting, "desk.code")
            sub = Submission(
                unit_id=unit.id, number=next_number(s, unit, year), status=Status.DRAFT.value,
                channel=Channel.KOTAK_SARAN.value,
                desk_code=(str(desk.value) if desk is not None else "") or None,
                box_session_id=bs_id, created_by_id=self.actor.user_id,
                created_by=self.actor.label, created_at=now, updated_at=now,
                title="", body="", location="")
            s.add(sub)
            s.flush()
            for position, p in enumerate(pages, start=1):
                s.add(Page(
                    submission_id=sub.id, position=position, blob_sha256=p.blob_sha256,
                    original_sha256=p.original_sha256, source_name=name[:500],
                    width=p.width, height=p.height, dpi=p.dpi, rotation=p.rotation,
                    skew=p.skew, phash=p.phash, flags=dict(p.flags), source_page=p.source_page,
                    cleanup=p.cleanup, created_at=now))
            blank = sum(1 for p in pages if p.flags.get("blank"))
            changes: list[dict[str, Any]] = [
                {"field": "source_name", "old": None, "new": name},
                {"field": "pages", "old": None, "new": len(pages)},
                {"field": "box_session_id", "old": None, "new": bs_id},
            ]
            if duplicates:
                changes.append({"field": "possible_duplicate_of", "old": None,
                                "new": duplicates})
            self.audit(s, "import", "submission", sub.uuid, changes,
                       note=f"{action_note}: {name}, {len(pages)} page(s)")
            number, sub_id = sub.number, sub.id
        known.add([p.phash for p in pages if p.phash is not None], number)
        return ImportedFile(shown, number, sub_id, len(pages), duplicates, blank)

    # --- sessions -----------------------------------------------------------------------
    def _check_session(self, session_id: int) -> None:
        with self.store.read() as s:
            bs = s.get(BoxSession, session_id)
            if bs is None:
                raise E.NotFound(what="box_session", ref=str(session_id))
            if bs.state != BoxSessionState.OPEN.value:
                raise E.KotakSaranError("session_not_open", session=bs.id)

    def _target_session(self, s: Session, session_id: int | None, now: datetime) -> int:
        """The given session; else today's open session of the unit (the latest opened);
        else a new session on the unit's default box, opened by the actor."""
        if session_id is not None:
            bs = s.get(BoxSession, session_id)
            if bs is None:
                raise E.NotFound(what="box_session", ref=str(session_id))
            if bs.state != BoxSessionState.OPEN.value:
                raise E.KotakSaranError("session_not_open", session=bs.id)
            return bs.id
        unit = current_unit(s)
        tz = ZoneInfo(unit.timezone)
        today = now.astimezone(tz).date()
        for bs in s.scalars(select(BoxSession).where(
                BoxSession.unit_id == unit.id, BoxSession.state == BoxSessionState.OPEN.value)
                .order_by(BoxSession.opened_at.desc(), BoxSession.id.desc())):
            if bs.opened_at.astimezone(tz).date() == today:
                return bs.id
        box = s.get(Box, unit.default_box_id) if unit.default_box_id else None
        if box is None:
            raise E.NotFound(what="box", ref="default")
        new = BoxSession(unit_id=unit.id, box_id=box.id, location=box.location, opened_at=now,
                         opened_by=self.actor.full_name or self.actor.label, witnesses=[],
                         slips_found=0, created_by_id=self.actor.user_id)
        s.add(new)
        s.flush()
        self.audit(s, "session_open", "box_session", new.id, [
            {"field": "box", "old": None, "new": box.name},
            {"field": "slips_found", "old": None, "new": 0},
            {"field": "witnesses", "old": None, "new": []},
        ], note="opened for an import")
        return new.id

    # --- lookups ------------------------------------------------------------------------
    def _imported_in(self, original_sha: str) -> str | None:
        """The number of a submission holding this file already (a page not deleted)."""
        with self.store.read() as s:
            return s.scalar(
                select(Submission.number).join(Page, Page.submission_id == Submission.id)
                .where(Page.original_sha256 == original_sha, Page.deleted_at.is_(None))
                .order_by(Submission.id).limit(1))

    def _known_hashes(self) -> _KnownHashes:
        with self.store.read() as s:
            rows = s.execute(
                select(Page.phash, Submission.number)
                .join(Submission, Page.submission_id == Submission.id)
                .where(Page.phash.is_not(None), Page.deleted_at.is_(None))).all()
        return _KnownHashes((str(h), str(n)) for h, n in rows)

    def _discard_unreferenced(self, created: list[str]) -> None:
        """Remove the blobs a failed import created, unless a page row points at one."""
        if not created:
            return
        try:
            with self.store.read() as s:
                used = set(s.scalars(select(Page.blob_sha256).where(
                    Page.blob_sha256.in_(created))))
                used |= {x for x in s.scalars(select(Page.original_sha256).where(
                    Page.original_sha256.in_(created))) if x}
        except E.KotakSaranError:
            return  # the database is unreachable: keep the blobs rather than guess
        for sha in dict.fromkeys(created):
            if sha not in used:
                with contextlib.suppress(E.KotakSaranError):
                    self.store.blobs.discard(sha)

    # --- reading ------------------------------------------------------------------------
    def pages(self, submission_ref: int | str) -> list[PageView]:
        """The pages of a submission in order, deleted ones left out."""
        self.require(*self.STAFF, action="pages")
        with self.store.read() as s:
            sub = find_submission(s, submission_ref)
            rows = s.scalars(select(Page).where(Page.submission_id == sub.id,
                                                Page.deleted_at.is_(None))
                             .order_by(Page.position))
            return [PageView(p.id, p.position, p.blob_sha256, p.original_sha256, p.width,
                             p.height, p.dpi, p.rotation, dict(p.flags or {}), p.source_name,
                             p.source_page, p.skew, p.phash) for p in rows]

    def referenced_blobs(self) -> set[str]:
        """Every blob a page row points at (as the page or as its original)."""
        with self.store.read() as s:
            out = set(s.scalars(select(Page.blob_sha256)))
            out |= {x for x in s.scalars(select(Page.original_sha256).where(
                Page.original_sha256.is_not(None))) if x}
        return out


def _split_on_blank(pages: list[_StoredPage]) -> list[list[_StoredPage]]:
    """Blank separator sheets split a batch into slips. A separator stays with the slip
    before it (flagged `separator`), so its image is kept like every other page."""
    groups: list[list[_StoredPage]] = [[]]
    for p in pages:
        if p.flags.get("blank"):
            p.flags["separator"] = True
            groups[-1].append(p)
            if any(not q.flags.get("blank") for q in groups[-1]):
                groups.append([])
        else:
            groups[-1].append(p)
    if not groups[-1]:
        groups.pop()
    if len(groups) > 1 and all(q.flags.get("blank") for q in groups[-1]):
        groups[-2].extend(groups.pop())
    return groups


def _options(settings: dict[str, Any]) -> CleanupOptions:
    def on(key: str) -> bool:
        return bool(settings[f"cleanup.{key}"])

    return CleanupOptions(
        exif_orientation=on("exif_orientation"), cardinal_rotation=on("cardinal_rotation"),
        deskew=on("deskew"), border_crop=on("border_crop"),
        blank_detection=on("blank_detection"), perspective=on("perspective"))


def _dpi_of(image: Image.Image) -> int:
    try:
        return round(float(image.info.get("dpi", (0, 0))[0])) or 300
    except (TypeError, ValueError, IndexError):
        return 300


def _file_message(exc: E.KotakSaranError, name: str) -> str:
    """The Indonesian sentence for a file's failure; environmental errors name the file."""
    text = i18n.error_message(exc)
    if isinstance(exc, E.ImportProblem) or name in text:
        return text
    return f"{name}: {text}"
