"""City desk side of the file bundle: store an office's slips, and gather statuses for it.

The slips go through the receiver core (`kotaksaran/receiver/core.py`) in relay mode, the
same code the reference receiver's server runs: they land as `approved` in this data dir, so
the city desk reviews them and pushes them onward with its own outbox. A repeat import is
answered as a repeat; a slip the desk cannot take (an unknown category, an older revision) is
reported and the others go in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ..receiver.core import AttachmentRef, IncomingRecord, ReceiverCore, Refusal
from ..store.db import Store
from ..store.models import ReceivedItem, UpstreamStatusEvent
from ..sync import bundle as B
from ..sync.bundle_errors import BundleTampered
from ..sync.errors import describe

if TYPE_CHECKING:
    from .bundles import BundleService, ImportReport, Progress

# The receiver core's field names in refusals -> the slip fields the sentence names.
_FIELDS = {"category": "category_id", "agency": "agency_id"}


def store_items(service: BundleService, v: B.VerifiedBundle,
                progress: Progress | None) -> ImportReport:
    from .bundles import ImportReport

    core = ReceiverCore(service.store, tracking="relay", actor=service.actor.label)
    counts = {"created": 0, "updated": 0, "repeat": 0}
    refused: list[tuple[str, str]] = []
    total = len(v.items)
    for n, item in enumerate(v.items):
        refs = []
        for f in item.files:
            sha = core.put_blob(v.file_bytes(f))  # checked against its SHA-256 again
            if sha != f.sha256:
                raise BundleTampered(file=v.path.name, detail=f.path)
            refs.append(AttachmentRef(sha256=f.sha256, name=f.name, mime=f.mime, size=f.size,
                                      redacted=f.redacted))
        payload: dict[str, Any] = dict(item.payload)
        record = IncomingRecord(uuid=item.submission_uuid, revision=item.revision,
                                payload=payload, attachments=tuple(refs))
        try:
            got = core.accept(record, sender=v.sender.unit_code, dialect="bundle")
        except Refusal as exc:
            refused.append((item.number or item.submission_uuid,
                            describe(exc.code, _FIELDS.get(exc.field or "", exc.field))))
        else:
            counts[got.outcome] = counts.get(got.outcome, 0) + 1
        if progress is not None:
            progress(n + 1, total, item.number)
    with service.store.write() as s:
        service.audit(s, "bundle_import", "bundle", v.bundle_id, [
            {"field": "sender", "old": None, "new": v.sender.unit_code},
            {"field": "created", "old": None, "new": counts["created"]},
            {"field": "updated", "old": None, "new": counts["updated"]},
            {"field": "repeated", "old": None, "new": counts["repeat"]},
            {"field": "refused", "old": None, "new": len(refused)}],
            note=v.path.name)
    return ImportReport(path=str(v.path), bundle_id=v.bundle_id, kind=v.kind,
                        sender=v.sender.unit_code, sender_name=v.sender.unit_name,
                        created=counts["created"], updated=counts["updated"],
                        repeated=counts["repeat"], refused=tuple(refused))


def status_entries(store: Store, unit: str, cursor: Any) -> tuple[list[B.StatusEntry], int]:
    """Status history rows after `cursor` of the slips `unit` delivered here, oldest first;
    and the new cursor (the last row's id)."""
    after = int(cursor) if isinstance(cursor, int | str) and str(cursor).isdigit() else 0
    with store.read() as s:
        rows = list(s.execute(
            select(UpstreamStatusEvent)
            .join(ReceivedItem, ReceivedItem.submission_uuid == UpstreamStatusEvent.submission_uuid)
            .where(ReceivedItem.sender == unit, UpstreamStatusEvent.id > after)
            .order_by(UpstreamStatusEvent.id)).scalars())
    entries = [B.StatusEntry(submission_uuid=r.submission_uuid, tracking_id=r.tracking_id,
                             status=r.status, at=r.at.isoformat()) for r in rows]
    return entries, (rows[-1].id if rows else after)
