"""Printed documents: what data each document gets, who may print it, and the audit of every
print (a reprint of a receipt, minutes or manifest is marked SALINAN).

Privacy: no document carries a reporter's identity. Titles of rahasia slips are never
printed; titles of anonim slips are printed with personal data masked (the slip's own
identity values and anything shaped like a NIK, phone number, email or "nama saya ...").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..documents import data as D
from ..documents.errors import DocumentUnavailable, ScanUnreadable, UnknownReportFormat
from ..domain.enums import Role
from ..domain.errors import FileUnreadable, FileVanished, NotFound
from ..store.models import (
    AuditEvent,
    Box,
    BoxSession,
    OutboxItem,
    Setting,
    Submission,
    SyncBatch,
    Unit,
    User,
)
from .admin import build_calendar
from .config import SPECS
from .context import ServiceBase, current_unit
from .monthly_report import compute_monthly
from .submissions import find_submission

STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
SUPERVISION = (Role.SUPERVISOR, Role.ADMIN)
SYNC_ROLES = (Role.OPERATOR, Role.SUPERVISOR, Role.ADMIN)

# Documents of one record: printing one again gives a SALINAN. The status board and the
# monthly report are snapshots "as of" the moment they are made; each print is a new one.
COPY_MARKED = frozenset({"receipt", "minutes", "manifest"})
PRINT_ACTION = "document_print"
SCAN_ACTION = "minutes_scan_attach"
PRINT_WAYS = ("printer", "pdf", "file")
REPORT_FORMATS = ("pdf", "csv", "xlsx")
MEDIA_TYPES = {"pdf": "application/pdf", "csv": "text/csv",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@dataclass(frozen=True)
class RenderedDocument:
    """A finished document, ready to preview, print or save; `record_print` audits it."""

    kind: str  # receipt, minutes, status_board, manifest, monthly
    entity_type: str
    entity_id: str
    content: bytes
    file_name: str
    fmt: str = "pdf"
    copy: bool = False
    options: tuple[tuple[str, str], ...] = ()

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.fmt]

    def option(self, key: str) -> str | None:
        return dict(self.options).get(key)


@dataclass(frozen=True)
class BatchChoice:
    """One sync batch, for choosing which manifest to print."""

    id: int
    created_at: datetime
    kind: str
    adapter: str
    items: int


@dataclass(frozen=True)
class MinutesScanView:
    session_id: int
    sha256: str
    file_name: str
    kind: str  # jpeg, png, tiff, pdf ...
    attached_at: datetime
    attached_by: str


def _setting(s: Session, key: str) -> Any:
    row = s.get(Setting, key)
    return SPECS[key].default if row is None else row.value


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "dokumen"


def title_for_print(sub: Submission) -> str | None:
    """What a document may show of a slip's title: nothing for rahasia, masked for anonim."""
    if sub.rahasia:
        return None
    if not sub.anonim:
        return sub.title
    from ..ocr.privacy import mask

    own = [v for v in (sub.reporter_name, sub.reporter_nik, sub.reporter_phone,
                       sub.reporter_email) if v and v.strip()]
    return mask(sub.title, own)


def actor_name(s: Session, label: str) -> str:
    """'user:budi' -> the user's full name; other labels as they are."""
    if label.startswith("user:"):
        user = s.scalars(select(User).where(User.username == label[5:])).first()
        if user is not None:
            return user.full_name
    return label


class DocumentService(ServiceBase):
    # --- shared ---------------------------------------------------------------------------
    def _unit(self, s: Session) -> D.UnitInfo:
        unit = current_unit(s)
        return D.UnitInfo(unit.name, unit.unit_type, unit.address, unit.timezone,
                          self._logo(unit))

    def _logo(self, unit: Unit) -> bytes | None:
        sha = unit.logo_sha256
        if not sha:
            return None
        blobs = self.store.blobs
        candidates = [blobs.path(sha), self.store.data_dir.blobs / sha]  # the wizard's layout
        for path in candidates:
            try:
                data = path.read_bytes()
            except OSError:
                continue
            if hashlib.sha256(data).hexdigest() == sha:
                return data
        return None  # a missing logo must not stop a receipt

    def _printed(self, s: Session, kind: str, entity_type: str, entity_id: str,
                 copy: bool | None) -> D.PrintInfo:
        earlier = self.print_count(s, kind, entity_type, entity_id)
        is_copy = (earlier > 0 if kind in COPY_MARKED else False) if copy is None else copy
        who = self.actor.full_name or actor_name(s, self.actor.label)
        return D.PrintInfo(self.now(), who, copy=is_copy, copy_number=earlier if is_copy else 0)

    @staticmethod
    def print_count(s: Session, kind: str, entity_type: str, entity_id: str) -> int:
        rows = s.scalars(select(AuditEvent.note).where(
            AuditEvent.action == PRINT_ACTION, AuditEvent.entity_type == entity_type,
            AuditEvent.entity_id == entity_id))
        return sum(1 for note in rows if (note or "").split(" ", 1)[0] == kind)

    def record_print(self, doc: RenderedDocument, how: str = "printer",
                     target: str = "") -> None:
        """Audit one print (or save): which document, whether a copy, where it went."""
        if how not in PRINT_WAYS:
            raise ValueError(how)
        with self.store.write() as s:
            options = " ".join(f"{k}={v}" for k, v in doc.options)
            note = f"{doc.kind} {how}" + (f" {options}" if options else "")
            changes: list[dict[str, Any]] = [
                {"field": "document", "old": None, "new": doc.kind},
                {"field": "copy", "old": None, "new": doc.copy},
                {"field": "output", "old": None, "new": how},
            ]
            if target:
                changes.append({"field": "target", "old": None, "new": target})
            self.audit(s, PRINT_ACTION, doc.entity_type, doc.entity_id, changes, note=note)

    def prints(self, kind: str, entity_type: str, entity_id: str) -> int:
        """How often a document was printed or saved (0: the next one is the original)."""
        with self.store.read() as s:
            return self.print_count(s, kind, entity_type, entity_id)

    # --- receipt --------------------------------------------------------------------------
    def receipt_data(self, ref: int | str) -> D.ReceiptData:
        self.require(*STAFF, action="print_receipt")
        with self.store.read() as s:
            return self._receipt_data(s, find_submission(s, ref))

    def _receipt_data(self, s: Session, sub: Submission) -> D.ReceiptData:
        tz = ZoneInfo(current_unit(s).timezone)
        days = int(_setting(s, "sla.respon_awal_days"))
        received = sub.created_at.astimezone(tz).date()
        due = build_calendar(s).add_working_days(received, days)
        template = str(_setting(s, "documents.tracking_url") or "").strip()
        url = None
        if sub.tracking_id and "{tracking_id}" in template:
            url = template.replace("{tracking_id}", quote(sub.tracking_id.strip().lstrip("#"),
                                                           safe=""))
        return D.ReceiptData(
            number=sub.number, received_at=sub.created_at, channel=sub.channel,
            classification=sub.classification, title=title_for_print(sub),
            anonim=sub.anonim, rahasia=sub.rahasia, respon_awal_days=days,
            respon_awal_due=due, tracking_id=sub.tracking_id, tracking_url=url,
            upstream_status=sub.upstream_status)

    def receipt(self, ref: int | str, size: str | None = None, *,
                copy: bool | None = None) -> RenderedDocument:
        """The receipt of a slip; `size` a6, 58mm or 80mm (default: the setting)."""
        from ..documents.receipt import render_receipt

        self.require(*STAFF, action="print_receipt")
        with self.store.read() as s:
            sub = find_submission(s, ref)
            paper = size or str(_setting(s, "documents.receipt_size"))
            data = self._receipt_data(s, sub)
            unit = self._unit(s)
            printed = self._printed(s, "receipt", "submission", sub.uuid, copy)
        content = render_receipt(data, unit, printed, paper)
        # Entity id as the slip's own audit trail keys it (its UUID): prints show in History.
        return RenderedDocument("receipt", "submission", sub.uuid, content,
                                f"tanda-terima-{safe_name(sub.number)}.pdf", copy=printed.copy,
                                options=(("size", paper),))

    # --- minutes --------------------------------------------------------------------------
    def minutes_data(self, session_id: int) -> D.MinutesData:
        self.require(*STAFF, action="print_minutes")
        with self.store.read() as s:
            return self._minutes_data(s, session_id)

    def _minutes_data(self, s: Session, session_id: int) -> D.MinutesData:
        bs = s.get(BoxSession, session_id)
        if bs is None:
            raise NotFound(what="box_session", ref=str(session_id))
        box = s.get(Box, bs.box_id)
        assert box is not None
        numbers = tuple(s.scalars(select(Submission.number).where(
            Submission.box_session_id == bs.id).order_by(Submission.created_at, Submission.id)))
        digitised = len(numbers) if bs.state == "open" or bs.slips_digitised is None \
            else bs.slips_digitised
        return D.MinutesData(
            session_id=bs.id, box_code=box.code, box_name=box.name,
            location=bs.location or box.location, opened_at=bs.opened_at,
            opened_by=bs.opened_by, witnesses=tuple(str(w) for w in bs.witnesses),
            slips_found=bs.slips_found, slips_digitised=digitised, closed_at=bs.closed_at,
            close_note=bs.close_note, numbers=numbers)

    def minutes(self, session_id: int, *, copy: bool | None = None) -> RenderedDocument:
        from ..documents.minutes import render_minutes

        self.require(*STAFF, action="print_minutes")
        with self.store.read() as s:
            data = self._minutes_data(s, session_id)
            unit = self._unit(s)
            printed = self._printed(s, "minutes", "box_session", str(session_id), copy)
        content = render_minutes(data, unit, printed)
        return RenderedDocument("minutes", "box_session", str(session_id), content,
                                f"berita-acara-sesi-{session_id}.pdf", copy=printed.copy)

    def attach_minutes_scan(self, session_id: int, path: str | Path) -> MinutesScanView:
        """Keep the scan of the signed minutes with the box session (blob store + audit)."""
        from ..intake.readers import kind_of

        self.require(*STAFF, action="attach_minutes_scan")
        source = Path(path)
        try:
            with source.open("rb") as fh:
                head = fh.read(1024)
        except FileNotFoundError:
            raise FileVanished(file=source.name) from None
        except OSError as exc:
            raise FileUnreadable(file=source.name, detail=exc.strerror or str(exc)) from None
        kind = kind_of(head)
        if kind is None:
            raise ScanUnreadable(file=source.name)
        with self.store.read() as s:
            if s.get(BoxSession, session_id) is None:
                raise NotFound(what="box_session", ref=str(session_id))
        sha, created = self.store.blobs.store_file(source)
        try:
            with self.store.write() as s:
                previous = self._scan_event(s, session_id)
                self.audit(s, SCAN_ACTION, "box_session", session_id, [
                    {"field": "minutes_scan", "old": _scan_sha(previous), "new": sha},
                    {"field": "kind", "old": None, "new": kind},
                ], note=source.name)
                return MinutesScanView(session_id, sha, source.name, kind, self.now(),
                                       self.actor.label)
        except BaseException:
            if created:
                self.store.blobs.discard(sha)
            raise

    def minutes_scan(self, session_id: int) -> MinutesScanView | None:
        self.require(*STAFF, action="print_minutes")
        with self.store.read() as s:
            event = self._scan_event(s, session_id)
            if event is None:
                return None
            kind = next((c["new"] for c in event.changes if c.get("field") == "kind"), "")
            return MinutesScanView(session_id, str(_scan_sha(event)), event.note or "",
                                   str(kind), event.at, event.actor)

    def minutes_scan_bytes(self, session_id: int) -> bytes:
        scan = self.minutes_scan(session_id)
        if scan is None:
            raise NotFound(what="minutes_scan", ref=str(session_id))
        return self.store.blobs.read(scan.sha256)

    @staticmethod
    def _scan_event(s: Session, session_id: int) -> AuditEvent | None:
        return s.scalars(select(AuditEvent).where(
            AuditEvent.action == SCAN_ACTION, AuditEvent.entity_type == "box_session",
            AuditEvent.entity_id == str(session_id)).order_by(AuditEvent.id.desc()).limit(1)
        ).first()

    # --- status board ---------------------------------------------------------------------
    def status_board_data(self, since: date | None = None, *, show_titles: bool = False
                          ) -> D.StatusBoardData:
        self.require(*SYNC_ROLES, action="print_status_board")
        with self.store.read() as s:
            return self._board_data(s, since, show_titles)

    def _board_data(self, s: Session, since: date | None, show_titles: bool
                    ) -> D.StatusBoardData:
        tz = ZoneInfo(current_unit(s).timezone)
        now = self.now()
        if since is None:
            days = int(_setting(s, "documents.status_board_days"))
            since = now.astimezone(tz).date() - timedelta(days=days)
        start = datetime(since.year, since.month, since.day, tzinfo=tz)
        subs = s.scalars(select(Submission).where(Submission.created_at >= start)
                         .order_by(Submission.created_at, Submission.id))
        rows = tuple(D.BoardRow(
            number=sub.number, tracking_id=sub.tracking_id, status=sub.status,
            upstream_status=sub.upstream_status,
            received_on=sub.created_at.astimezone(tz).date(),
            title=title_for_print(sub) if show_titles else None) for sub in subs)
        return D.StatusBoardData(as_of=now, rows=rows, since=since, show_titles=show_titles)

    def status_board(self, since: date | None = None, *, show_titles: bool = False
                     ) -> RenderedDocument:
        from ..documents.status_board import render_status_board

        self.require(*SYNC_ROLES, action="print_status_board")
        with self.store.read() as s:
            data = self._board_data(s, since, show_titles)
            unit = self._unit(s)
            printed = self._printed(s, "status_board", "report", "status_board", None)
        content = render_status_board(data, unit, printed)
        day = data.as_of.astimezone(ZoneInfo(unit.timezone)).date()
        return RenderedDocument("status_board", "report", "status_board", content,
                                f"papan-status-{day.isoformat()}.pdf",
                                options=(("since", data.since.isoformat() if data.since
                                          else ""),))

    # --- manifest -------------------------------------------------------------------------
    def manifest_data(self, batch_ref: int | str) -> D.ManifestData:
        self.require(*SYNC_ROLES, action="print_manifest")
        with self.store.read() as s:
            return self._manifest_data(s, self._batch(s, batch_ref))

    def batches(self, limit: int = 50) -> list[BatchChoice]:
        """The latest sync batches, newest first, with their number of items."""
        self.require(*SYNC_ROLES, action="print_manifest")
        with self.store.read() as s:
            counts: dict[int, int] = {
                int(batch_id): int(n) for batch_id, n in s.execute(
                    select(OutboxItem.batch_id, func.count()).group_by(OutboxItem.batch_id))}
            rows = s.scalars(select(SyncBatch).order_by(SyncBatch.created_at.desc(),
                                                         SyncBatch.id.desc()).limit(limit))
            return [BatchChoice(b.id, b.created_at, b.kind, b.adapter, int(counts.get(b.id, 0)))
                    for b in rows]

    @staticmethod
    def _batch(s: Session, ref: int | str) -> SyncBatch:
        text = str(ref).strip()
        batch = s.get(SyncBatch, int(text)) if text.isdigit() else None
        if batch is None:
            batch = s.scalars(select(SyncBatch).where(SyncBatch.uuid == text.lower())).first()
        if batch is None:
            raise NotFound(what="sync_batch", ref=text)
        return batch

    def _manifest_data(self, s: Session, batch: SyncBatch) -> D.ManifestData:
        from ..sync.errors import describe

        rows = s.execute(select(OutboxItem, Submission.number)
                         .join(Submission, Submission.id == OutboxItem.submission_id)
                         .where(OutboxItem.batch_id == batch.id).order_by(OutboxItem.id))
        items = tuple(D.ManifestItem(
            number=number, state=item.state, result=item.result,
            tracking_id=item.tracking_id, attempts=item.attempts,
            problem=describe(item.last_error, item.last_field) if item.last_error
            and item.state in ("retrying", "quarantined") else None,
            next_try_at=item.next_try_at) for item, number in rows)
        return D.ManifestData(
            batch_id=batch.id, batch_uuid=batch.uuid, kind=batch.kind, adapter=batch.adapter,
            target=batch.target, created_at=batch.created_at,
            created_by=actor_name(s, batch.created_by), finished_at=batch.finished_at,
            items=items)

    def manifest(self, batch_ref: int | str, *, copy: bool | None = None) -> RenderedDocument:
        from ..documents.manifest import render_manifest

        self.require(*SYNC_ROLES, action="print_manifest")
        with self.store.read() as s:
            batch = self._batch(s, batch_ref)
            data = self._manifest_data(s, batch)
            unit = self._unit(s)
            printed = self._printed(s, "manifest", "sync_batch", str(batch.id), copy)
        content = render_manifest(data, unit, printed)
        return RenderedDocument("manifest", "sync_batch", str(data.batch_id), content,
                                f"manifest-batch-{data.batch_id}.pdf", copy=printed.copy)

    # --- monthly report -------------------------------------------------------------------
    def monthly_data(self, year: int, month: int) -> D.MonthlyData:
        self.require(*SUPERVISION, action="monthly_report")
        if not (1 <= month <= 12 and 2000 <= year <= 2200):
            raise DocumentUnavailable(reason=f"{year:04d}-{month:02d}")
        with self.store.read() as s:
            return compute_monthly(s, year, month, self.now())

    def monthly(self, year: int, month: int, fmt: str = "pdf") -> RenderedDocument:
        from ..documents import monthly as monthly_pdf
        from ..documents import monthly_export

        if fmt not in REPORT_FORMATS:
            raise UnknownReportFormat(suffix=fmt)
        data = self.monthly_data(year, month)
        key = f"{year:04d}-{month:02d}"
        if fmt == "pdf":
            with self.store.read() as s:
                unit = self._unit(s)
                printed = self._printed(s, "monthly", "report", f"monthly:{key}", None)
            content = monthly_pdf.render_monthly(data, unit, printed)
        elif fmt == "csv":
            content = monthly_export.to_csv(data)
        else:
            content = monthly_export.to_xlsx(data)
        return RenderedDocument("monthly", "report", f"monthly:{key}", content,
                                f"laporan-bulanan-{key}.{fmt}", fmt=fmt,
                                options=(("month", key), ("format", fmt)))


def _scan_sha(event: AuditEvent | None) -> str | None:
    if event is None:
        return None
    for change in event.changes:
        if change.get("field") == "minutes_scan":
            return str(change.get("new"))
    return None


def report_format(path: str | Path) -> str:
    """The monthly report's format from a file name's ending."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in REPORT_FORMATS:
        raise UnknownReportFormat(suffix=Path(path).suffix or str(path))
    return suffix

