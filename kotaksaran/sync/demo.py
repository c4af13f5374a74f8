"""Demo data for the sync side: the demo's queued, sent, registered and closed slips get the
batches, outbox items and upstream status history a real office would have.

Called by `services/demo.py` once the slips exist; it reads when each slip was queued, sent,
registered and closed from their audit events, so the outbox and the history agree with the
slip's own trail. One batch per day on which slips were queued; a few queued slips wait as
`retrying` after a failed try (the link was down), the rest as `pending`.
"""

from __future__ import annotations

import random
import uuid as uuid_mod
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from ..store.db import Store
from ..store.models import (
    AuditEvent,
    OutboxItem,
    Submission,
    SyncBatch,
    Unit,
    UpstreamStatusEvent,
)
from .statuses import RECEIVED_TEXT, normalise

DEMO_TARGET = "http://127.0.0.1:8765"
_SYNC = ("queued", "sent", "registered", "closed")
_FOLLOW_UP = ("Terverifikasi", "Terdisposisi ke instansi", "Ditindaklanjuti oleh instansi")


def attach_outbox(store: Store, seed: int = 1) -> int:
    """Batches, outbox items and status history for the demo's slips on their way upstream;
    returns the number of outbox items made. Does nothing if there are items already."""
    rng = random.Random(seed * 7919 + 5)
    with store.write() as s:
        if s.scalar(select(OutboxItem.id).limit(1)) is not None:
            return 0
        unit = s.scalars(select(Unit).order_by(Unit.id).limit(1)).first()
        tz = ZoneInfo(unit.timezone if unit else "Asia/Jakarta")
        subs = list(s.execute(select(Submission.id, Submission.uuid, Submission.status,
                                     Submission.revision, Submission.tracking_id,
                                     Submission.upstream_status, Submission.reviewed_at,
                                     Submission.updated_at)
                              .where(Submission.status.in_(_SYNC)).order_by(Submission.id)))
        if not subs:
            return 0
        times: dict[str, dict[str, tuple[datetime, str]]] = defaultdict(dict)
        for entity, action, at, actor in s.execute(
                select(AuditEvent.entity_id, AuditEvent.action, AuditEvent.at, AuditEvent.actor)
                .where(AuditEvent.entity_type == "submission",
                       AuditEvent.action.in_([f"status_{x}" for x in _SYNC]))
                .order_by(AuditEvent.id)):
            times[entity][action[len("status_"):]] = (at, actor)
        latest = max((a for per in times.values() for a, _ in per.values()),
                     default=subs[-1].updated_at)

        by_day: dict[Any, list[Any]] = defaultdict(list)
        for row in subs:
            queued = times[row.uuid].get("queued")
            at = queued[0] if queued else (row.reviewed_at or row.updated_at)
            by_day[at.astimezone(tz).date()].append((row, at))

        items: list[dict[str, Any]] = []
        history: list[dict[str, Any]] = []
        for day in sorted(by_day):
            rows = by_day[day]
            first_at = min(at for _row, at in rows)
            actor = next((times[r.uuid]["queued"][1] for r, _at in rows
                          if "queued" in times[r.uuid]), "system:demo")
            batch = SyncBatch(uuid=str(uuid_mod.UUID(int=rng.getrandbits(128), version=4)),
                              kind="push", adapter="exchange", target=DEMO_TARGET,
                              created_at=first_at, created_by=actor,
                              finished_at=first_at + timedelta(minutes=rng.randint(1, 9)),
                              scheduled=False)
            s.add(batch)
            s.flush()
            for row, at in rows:
                items.append(_item(rng, batch.id, row, at, times[row.uuid]))
                history.extend(_history(rng, row, times[row.uuid], latest))
        s.execute(insert(OutboxItem), items)
        if history:
            s.execute(insert(UpstreamStatusEvent), history)
        return len(items)


def _item(rng: random.Random, batch_id: int, row: Any, queued_at: datetime,
          t: dict[str, tuple[datetime, str]]) -> dict[str, Any]:
    base = {"batch_id": batch_id, "submission_id": row.id, "submission_uuid": row.uuid,
            "revision": row.revision, "adapter": "exchange", "attempts": 0,
            "upload_state": {}, "bytes_sent": 0, "created_at": queued_at,
            "updated_at": queued_at, "next_try_at": None, "last_error": None,
            "last_field": None, "last_detail": None, "result": None, "tracking_id": None,
            "upstream_ref": None, "done_at": None, "lease_until": None, "state": "pending"}
    if row.status == "queued":
        if rng.random() < 0.4:  # tried once while the link was down
            base.update(state="retrying", attempts=1, last_error="offline",
                        next_try_at=queued_at + timedelta(seconds=rng.randint(30, 60)),
                        updated_at=queued_at)
        return base
    sent = t.get("sent", t.get("registered", (queued_at, "")))[0]
    base.update(state="done", attempts=1 if rng.random() < 0.85 else 2, done_at=sent,
                updated_at=sent, bytes_sent=rng.randint(28_000, 90_000))
    if row.tracking_id:
        base.update(result="registered", tracking_id=row.tracking_id)
    else:
        base.update(result="accepted")
    return base


def _history(rng: random.Random, row: Any, t: dict[str, tuple[datetime, str]],
             latest: datetime) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []

    def add(at: datetime, status: str | None, code: str | None, tracking: str | None) -> None:
        out.append({"submission_id": row.id, "submission_uuid": row.uuid, "at": at,
                    "recorded_at": at, "status": status, "code": code,
                    "tracking_id": tracking, "source": "exchange"})

    if row.status == "sent":
        if "sent" in t:
            add(t["sent"][0], RECEIVED_TEXT, normalise(RECEIVED_TEXT), None)
        return out
    if row.status not in ("registered", "closed") or "registered" not in t:
        return out
    registered = t["registered"][0]
    add(registered, RECEIVED_TEXT, "registered", row.tracking_id)
    end = t["closed"][0] if "closed" in t else None
    final = row.upstream_status
    steps = [x for x in _FOLLOW_UP if x != final]
    if row.status == "registered":
        # the steps up to the status the slip shows now, spread over the days since
        wanted = _FOLLOW_UP.index(final) if final in _FOLLOW_UP else 0
        path = list(_FOLLOW_UP[:wanted + 1]) if final in _FOLLOW_UP else []
        at = registered
        for text in path:
            at = min(at + timedelta(hours=rng.randint(6, 60)), latest)
            add(at, text, normalise(text), row.tracking_id)
        return out
    assert end is not None
    span = (end - registered) / (len(steps) + 1)
    for i, text in enumerate(steps, start=1):
        add(registered + span * i, text, normalise(text), row.tracking_id)
    add(end, final or "Selesai", normalise(final or "Selesai"), row.tracking_id)
    return out
