"""What the receiver does with what arrives, independent of HTTP (the server, the dialect
modules and a bundle import at the city desk all use it).

The receiver's data dir is an ordinary data dir of the app: a record that arrives becomes a
`Submission` (same UUID, the sender's local number) with its pages in the blob store, plus a
`ReceivedItem` that says which revision is held and how often it was stored or repeated.
Status changes for the senders are the rows of `upstream_status_history`; their id is the
cursor of the change feed.
"""

from __future__ import annotations

import hashlib
import io
import os
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import Classification, Status
from ..store.db import Store
from ..store.models import (
    Agency,
    AuditEvent,
    Category,
    Page,
    ReceivedItem,
    ReceiverClient,
    Submission,
    SyncState,
    Unit,
    UpstreamStatusEvent,
    utcnow,
)
from ..sync.outgoing import content_hash
from ..sync.statuses import CLOSING, RECEIVED_TEXT, normalise

TRACKING_MODES = ("immediate", "deferred", "relay")
_SEQ_KEY = "receiver:tracking_seq"
_FIRST_TRACKING = 2_000_000
MAX_ATTACHMENT = 30 * 1024 * 1024


class Refusal(Exception):
    """The record is not taken: `status` 409 (stale revision) or 422 (a field)."""

    def __init__(self, status: int, code: str, field: str | None = None,
                 **extra: Any) -> None:
        super().__init__(code)
        self.status, self.code, self.field, self.extra = status, code, field, extra

    def to_json(self) -> dict[str, Any]:
        err: dict[str, Any] = {"code": self.code}
        if self.field:
            err["field"] = self.field
        err.update(self.extra)
        return {"errors": [err]}


@dataclass(frozen=True)
class AttachmentRef:
    sha256: str
    name: str
    mime: str
    size: int
    redacted: bool = False


@dataclass(frozen=True)
class IncomingRecord:
    uuid: str
    revision: int
    payload: dict[str, Any]
    attachments: tuple[AttachmentRef, ...]


@dataclass(frozen=True)
class Acceptance:
    outcome: str  # "created" | "updated" | "repeat"
    uuid: str
    revision: int
    tracking_id: str | None
    status: str | None
    received_at: datetime
    token: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "revision": self.revision, "outcome": self.outcome,
                "tracking_id": self.tracking_id, "status": self.status,
                "received_at": self.received_at.isoformat()}


@dataclass(frozen=True)
class ReceivedView:
    uuid: str
    number: str
    revision: int
    tracking_id: str | None
    status: str | None
    local_status: str
    sender: str
    stores: int
    repeats: int
    token: str | None
    attachments: tuple[str, ...]


@dataclass(frozen=True)
class Change:
    seq: int
    uuid: str
    tracking_id: str | None
    status: str | None
    at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "uuid": self.uuid, "tracking_id": self.tracking_id,
                "status": self.status, "at": self.at.isoformat()}


def _text(payload: dict[str, Any], key: str, limit: int, required: bool = True) -> str:
    value = payload.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise Refusal(422, "missing_field", key)
        return ""
    if not isinstance(value, str):
        raise Refusal(422, "invalid_field", key)
    if len(value) > limit:
        raise Refusal(422, "too_long", key)
    return value


class ReceiverCore:
    def __init__(self, store: Store, *, tracking: str = "immediate",
                 actor: str = "receiver") -> None:
        if tracking not in TRACKING_MODES:
            raise ValueError(tracking)
        self.store = store
        self.tracking = tracking
        self.actor = actor
        self.incoming = store.data_dir.root / "incoming"

    # --- tokens of sending units -----------------------------------------------------------
    def add_unit(self, unit_code: str) -> str:
        """A new API token for a sending unit (replaces its old one); shown once."""
        token = secrets.token_urlsafe(32)
        digest = hashlib.sha256(token.encode()).hexdigest()
        with self.store.write() as s:
            row = s.scalars(select(ReceiverClient).where(
                ReceiverClient.unit_code == unit_code)).first()
            if row is None:
                s.add(ReceiverClient(unit_code=unit_code, token_sha256=digest,
                                     created_at=utcnow(), active=True))
            else:
                row.token_sha256, row.active = digest, True
            self._audit(s, "receiver_unit", "receiver_client", unit_code, [])
        return token

    def sender(self, token: str | None) -> str | None:
        """The unit code of a token; "" when no unit is configured (open receiver); None
        when the token is missing or unknown."""
        with self.store.read() as s:
            any_client = s.scalar(select(func.count()).select_from(ReceiverClient).where(
                ReceiverClient.active.is_(True)))
            if not any_client:
                return ""
            if not token:
                return None
            digest = hashlib.sha256(token.encode()).hexdigest()
            row = s.scalars(select(ReceiverClient).where(
                ReceiverClient.token_sha256 == digest, ReceiverClient.active.is_(True))).first()
            return None if row is None else row.unit_code

    # --- resumable uploads ---------------------------------------------------------------
    def _part(self, sha: str) -> Path:
        return self.incoming / f"{sha}.part"

    def upload_offset(self, sha: str) -> int | None:
        """Bytes held of an attachment: its size when complete, the partial size, or None."""
        path = self.store.blobs.path(sha)
        if path.exists():
            return path.stat().st_size
        part = self._part(sha)
        return part.stat().st_size if part.exists() else None

    def append_upload(self, sha: str, offset: int, chunk: bytes, total: int) -> tuple[int, bool]:
        """Append bytes at `offset`; returns (new offset, complete). Raises Refusal(409) with
        the current offset when the client is not where the receiver is."""
        if total > MAX_ATTACHMENT:
            raise Refusal(413, "attachment_rejected", "attachments")
        held = self.upload_offset(sha)
        if self.store.blobs.exists(sha):
            return held or total, True
        current = held or 0
        if offset != current:
            raise Refusal(409, "offset_mismatch", offset=current)
        if offset == 0 and len(chunk) == total:  # the whole file in one request
            if hashlib.sha256(chunk).hexdigest() != sha:
                raise Refusal(422, "hash_mismatch", "attachments")
            self.store.blobs.put_bytes(chunk)
            return total, True
        self.incoming.mkdir(parents=True, exist_ok=True)
        part = self._part(sha)
        with open(part, "ab") as fh:
            fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        size = part.stat().st_size
        if size < total:
            return size, False
        data = part.read_bytes()
        if size > total or hashlib.sha256(data).hexdigest() != sha:
            part.unlink(missing_ok=True)
            raise Refusal(422, "hash_mismatch", "attachments")
        self.store.blobs.put_bytes(data)
        part.unlink(missing_ok=True)
        return size, True

    def put_blob(self, data: bytes) -> str:
        return self.store.blobs.put_bytes(data)

    def keep_partial(self, sha: str, chunk: bytes) -> None:
        """Bytes of an upload whose connection was cut (kept so the client can resume)."""
        if self.store.blobs.exists(sha) or not chunk:
            return
        self.incoming.mkdir(parents=True, exist_ok=True)
        with open(self._part(sha), "ab") as fh:
            fh.write(chunk)

    # --- records -------------------------------------------------------------------------
    def accept(self, rec: IncomingRecord, *, sender: str, dialect: str = "exchange",
               token: str | None = None) -> Acceptance:
        """Store a record once per revision; a repeat is answered from what is held."""
        payload = rec.payload
        digest = content_hash(payload)
        with self.store.write() as s:
            fields = self._fields(s, payload)
            for a in rec.attachments:
                if not self.store.blobs.exists(a.sha256):
                    raise Refusal(422, "missing_attachment", "attachments", sha256=a.sha256)
            now = utcnow()
            held = s.scalars(select(ReceivedItem).where(
                ReceivedItem.submission_uuid == rec.uuid)).first()
            if held is not None:
                sub = s.get(Submission, held.submission_id)
                assert sub is not None
                if rec.revision < held.revision or (
                        rec.revision == held.revision and digest != held.content_sha256):
                    raise Refusal(409, "stale_revision", held_revision=held.revision)
                if rec.revision == held.revision:
                    held.repeats += 1
                    return self._acceptance("repeat", held, sub, now)
                for k, v in fields.items():
                    setattr(sub, k, v)
                sub.revision = rec.revision
                sub.updated_at = now
                self._replace_pages(s, sub, rec.attachments)
                held.revision, held.content_sha256 = rec.revision, digest
                held.stores += 1
                held.updated_at = now
                self._audit(s, "received_revision", "submission", sub.uuid,
                            [{"field": "revision", "old": rec.revision - 1,
                              "new": rec.revision}], note=sender)
                return self._acceptance("updated", held, sub, now)
            sub = self._new_submission(s, rec, fields, sender, now)
            held = ReceivedItem(submission_uuid=rec.uuid, submission_id=sub.id, sender=sender,
                                dialect=dialect, revision=rec.revision, content_sha256=digest,
                                received_at=now, updated_at=now, stores=1, repeats=0,
                                token=token)
            s.add(held)
            s.flush()
            return self._acceptance("created", held, sub, now)

    def _fields(self, s: Session, p: dict[str, Any]) -> dict[str, Any]:
        classification = p.get("classification")
        if classification not in {c.value for c in Classification}:
            raise Refusal(422, "missing_field" if not classification else "unknown_value",
                          "classification")
        raw_date = p.get("event_date")
        try:
            event_date = date.fromisoformat(str(raw_date)) if raw_date else None
        except ValueError:
            raise Refusal(422, "invalid_field", "event_date") from None
        if event_date is None:
            raise Refusal(422, "missing_field", "event_date")
        out: dict[str, Any] = {
            "classification": classification,
            "title": _text(p, "title", 300), "body": _text(p, "body", 20000),
            "location": _text(p, "location", 300), "event_date": event_date,
            "anonim": bool(p.get("anonim")), "rahasia": bool(p.get("rahasia")),
            "channel": str(p.get("channel") or "lainnya")[:20],
            "agency_id": None, "category_id": None,
        }
        if p.get("category"):
            code = (p["category"] or {}).get("code")
            cid = s.scalar(select(Category.id).where(Category.code == code))
            if cid is None:
                raise Refusal(422, "unknown_value", "category")
            out["category_id"] = cid
        if p.get("agency"):
            code = (p["agency"] or {}).get("code")
            aid = s.scalar(select(Agency.id).where(Agency.code == code))
            if aid is None:
                raise Refusal(422, "unknown_value", "agency")
            out["agency_id"] = aid
        rep = p.get("reporter") or {}
        if not isinstance(rep, dict):
            raise Refusal(422, "invalid_field", "reporter")
        for key in ("name", "nik", "phone", "email", "address"):
            value = rep.get(key)
            out[f"reporter_{key}"] = str(value)[:200] if value else None
        if out["anonim"]:  # an anonymous report never carries an identity, whoever sent it
            for key in ("name", "nik", "phone", "email", "address"):
                out[f"reporter_{key}"] = None
        return out

    def _new_submission(self, s: Session, rec: IncomingRecord, fields: dict[str, Any],
                        sender: str, now: datetime) -> Submission:
        unit = s.scalars(select(Unit).order_by(Unit.id).limit(1)).first()
        assert unit is not None
        number = str(rec.payload.get("number") or rec.uuid)[:60]
        if s.scalar(select(Submission.id).where(Submission.number == number)) is not None:
            number = f"{number[:50]}-{rec.uuid[:8]}"
        status = {"immediate": Status.REGISTERED, "deferred": Status.SENT,
                  "relay": Status.APPROVED}[self.tracking]
        label = f"receiver:{sender or 'anon'}"
        sub = Submission(uuid=rec.uuid, number=number, unit_id=unit.id, status=status.value,
                         created_by=label, created_at=now, updated_at=now,
                         revision=rec.revision, reviewed_by=label, reviewed_at=now,
                         verified_by=label, verified_at=now, **fields)
        s.add(sub)
        s.flush()
        self._replace_pages(s, sub, rec.attachments)
        self._audit(s, "received", "submission", sub.uuid,
                    [{"field": "status", "old": None, "new": status.value}], note=sender)
        if self.tracking == "immediate":
            self._assign(s, sub, now)
        return sub

    def _replace_pages(self, s: Session, sub: Submission,
                       attachments: tuple[AttachmentRef, ...]) -> None:
        for page in list(sub.pages):
            s.delete(page)
        s.flush()
        for pos, a in enumerate(attachments, start=1):
            width = height = 0
            try:
                from PIL import Image

                with Image.open(io.BytesIO(self.store.blobs.read(a.sha256))) as img:
                    width, height = img.size
            except Exception:  # not an image the receiver can measure; kept as it is
                pass
            s.add(Page(submission_id=sub.id, position=pos, blob_sha256=a.sha256,
                       source_name=a.name[:500], width=width, height=height,
                       created_at=utcnow(), flags={"received": True, "redacted": a.redacted}))

    def _acceptance(self, outcome: str, held: ReceivedItem, sub: Submission,
                    now: datetime) -> Acceptance:
        return Acceptance(outcome, sub.uuid, held.revision, sub.tracking_id,
                          sub.upstream_status, held.received_at, held.token)

    # --- tracking ids and statuses -------------------------------------------------------
    def _next_tracking(self, s: Session) -> str:
        row = s.get(SyncState, _SEQ_KEY, with_for_update=True)
        if row is None:
            row = SyncState(key=_SEQ_KEY, value=_FIRST_TRACKING, updated_at=utcnow())
            s.add(row)
        value = int(row.value) + 1
        row.value = value
        row.updated_at = utcnow()
        return str(value)

    def _assign(self, s: Session, sub: Submission, now: datetime) -> None:
        sub.tracking_id = self._next_tracking(s)
        sub.upstream_status = RECEIVED_TEXT
        if sub.status in (Status.SENT.value, Status.QUEUED.value):
            sub.status = Status.REGISTERED.value
        s.add(UpstreamStatusEvent(submission_id=sub.id, submission_uuid=sub.uuid, at=now,
                                  recorded_at=now, status=RECEIVED_TEXT, code="registered",
                                  tracking_id=sub.tracking_id, source="receiver"))
        self._audit(s, "receiver_tracking", "submission", sub.uuid,
                    [{"field": "tracking_id", "old": None, "new": sub.tracking_id}])

    def assign_deferred(self) -> int:
        """Deferred mode: hand out the tracking ids that are owed (a batch-style upstream)."""
        if self.tracking != "deferred":
            return 0
        with self.store.write() as s:
            now = utcnow()
            subs = list(s.scalars(select(Submission).join(
                ReceivedItem, ReceivedItem.submission_id == Submission.id).where(
                Submission.tracking_id.is_(None)).order_by(Submission.id)))
            for sub in subs:
                self._assign(s, sub, now)
            return len(subs)

    def set_status(self, tracking_id: str, status: str) -> ReceivedView:
        """The upstream moves a report along (`kotaksaran receiver set-status`)."""
        with self.store.write() as s:
            sub = s.scalars(select(Submission).where(
                Submission.tracking_id == tracking_id)).first()
            if sub is None:
                from ..sync.errors import ReceiverError

                raise ReceiverError("receiver_tracking_unknown", tracking_id=tracking_id)
            now = utcnow()
            old = sub.upstream_status
            sub.upstream_status = status
            sub.updated_at = now
            code = normalise(status)
            s.add(UpstreamStatusEvent(submission_id=sub.id, submission_uuid=sub.uuid, at=now,
                                      recorded_at=now, status=status, code=code,
                                      tracking_id=tracking_id, source="receiver"))
            if code in CLOSING and sub.status == Status.REGISTERED.value:
                sub.status = Status.CLOSED.value
            self._audit(s, "receiver_status", "submission", sub.uuid,
                        [{"field": "upstream_status", "old": old, "new": status}])
        found = self.find(tracking_id=tracking_id)
        assert found is not None
        return found

    def changes_since(self, cursor: int, limit: int = 500) -> tuple[list[Change], int, bool]:
        """Status rows after `cursor` (tracking ids and statuses), the new cursor, more?"""
        with self.store.read() as s:
            rows = list(s.scalars(select(UpstreamStatusEvent).where(
                UpstreamStatusEvent.id > cursor).order_by(UpstreamStatusEvent.id)
                .limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        changes = [Change(r.id, r.submission_uuid, r.tracking_id, r.status, r.at)
                   for r in rows]
        return changes, (rows[-1].id if rows else cursor), more

    def find(self, *, uuid: str | None = None, tracking_id: str | None = None,
             token: str | None = None) -> ReceivedView | None:
        with self.store.read() as s:
            stmt = select(ReceivedItem, Submission).join(
                Submission, Submission.id == ReceivedItem.submission_id)
            if uuid is not None:
                stmt = stmt.where(ReceivedItem.submission_uuid == uuid)
            elif tracking_id is not None:
                stmt = stmt.where(Submission.tracking_id == tracking_id)
            elif token is not None:
                stmt = stmt.where(ReceivedItem.token == token)
            else:
                return None
            row = s.execute(stmt.limit(1)).first()
            if row is None:
                return None
            held, sub = row
            shas = tuple(p.blob_sha256 for p in sub.pages)
            return ReceivedView(sub.uuid, sub.number, held.revision, sub.tracking_id,
                                sub.upstream_status, sub.status, held.sender, held.stores,
                                held.repeats, held.token, shas)

    def _audit(self, s: Session, action: str, entity_type: str, entity_id: str,
               changes: list[dict[str, Any]], note: str | None = None) -> None:
        s.add(AuditEvent(at=utcnow(), actor=self.actor, actor_user_id=None, action=action,
                         entity_type=entity_type, entity_id=entity_id, changes=changes,
                         note=note))
