"""The outbox in the database: batches, items, their states, and what an outcome does to the
slip. Every method is one transaction; each state change is written with its audit event.

The service layer (`services/sync.py`) checks permissions and builds this object; the run loop
(`engine.py`) calls it. No network I/O happens while a transaction is open.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..domain import states
from ..domain.enums import Status
from ..store.db import Store
from ..store.models import (
    AuditEvent,
    OutboxItem,
    Submission,
    SyncBatch,
    UpstreamStatusEvent,
)
from .adapters.base import Attachment, OutgoingItem, ResultKind, SendResult, StatusChange
from .errors import describe
from .outgoing import build_payload
from .statuses import CLOSING, normalise

PENDING, SENDING, RETRYING, DONE, QUARANTINED = (
    "pending", "sending", "retrying", "done", "quarantined")
ITEM_STATES = (PENDING, SENDING, RETRYING, DONE, QUARANTINED)
OPEN_STATES = (PENDING, SENDING, RETRYING)

# (title/body, pages) of a slip as they may leave the office, by submission UUID.
TextSource = Callable[[str], Mapping[str, str]]
PagesSource = Callable[[str], Sequence[Attachment]]


@dataclass(frozen=True)
class Who:
    label: str
    user_id: int | None = None


@dataclass(frozen=True)
class Backoff:
    base: float = 30.0
    cap: float = 3600.0

    def delay(self, attempts: int, rng: random.Random, retry_after: float | None = None) -> float:
        """Exponential with 'equal jitter': between half and all of base * 2^(n-1), capped;
        never sooner than the upstream asked."""
        full = min(self.cap, self.base * (2 ** max(0, attempts - 1)))
        wait = rng.uniform(full / 2, full)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.cap))
        return wait


@dataclass(frozen=True)
class Outcome:
    item_id: int
    state: str
    result: str | None
    tracking_id: str | None
    problem: str | None


@dataclass
class ChangeCounts:
    changes: int = 0
    updated: int = 0
    registered: int = 0
    closed: int = 0
    unknown: int = 0
    repeated: int = 0


class Outbox:
    def __init__(self, store: Store, who: Who, clock: Callable[[], datetime], *,
                 adapter: str, target: str, text: TextSource, pages: PagesSource,
                 backoff: Backoff | None = None, lease_seconds: float = 300.0,
                 rng: random.Random | None = None) -> None:
        self.store = store
        self.who = who
        self.now = clock
        self.adapter = adapter
        self.target = target
        self.text = text
        self.pages = pages
        self.backoff = backoff or Backoff()
        self.lease = timedelta(seconds=lease_seconds)
        self.rng = rng or random.Random()

    # --- audit ------------------------------------------------------------------------
    def _audit(self, s: Session, action: str, entity_type: str, entity_id: str | int,
               changes: list[dict[str, Any]], note: str | None = None) -> None:
        s.add(AuditEvent(at=self.now(), actor=self.who.label, actor_user_id=self.who.user_id,
                         action=action, entity_type=entity_type, entity_id=str(entity_id),
                         changes=changes, note=note))

    def _move(self, s: Session, sub: Submission, target: Status, *,
              reason: str | None = None, extra: list[dict[str, Any]] | None = None,
              note: str | None = None) -> bool:
        """Move a slip if the state machine allows; False (and nothing written) otherwise."""
        current = Status(sub.status)
        if current == target or not states.can_transition(current, target):
            if extra:
                self._audit(s, "sync_update", "submission", sub.uuid, extra, note)
            return False
        changes: list[dict[str, Any]] = [
            {"field": "status", "old": current.value, "new": target.value}]
        new_reason = reason if target in (Status.RETURNED, Status.REJECTED) else None
        if new_reason != sub.status_reason:
            changes.append({"field": "status_reason", "old": sub.status_reason,
                            "new": new_reason})
            sub.status_reason = new_reason
        changes.extend(extra or [])
        sub.status = target.value
        sub.updated_at = self.now()
        self._audit(s, f"status_{target.value}", "submission", sub.uuid, changes,
                    note or reason)
        return True

    # --- batches ----------------------------------------------------------------------
    def open_batch(self, *, kind: str = "push", scheduled: bool = False,
                   take_approved: bool = True) -> tuple[int, str, int]:
        """A new batch; with `take_approved`, every approved slip joins it as `queued`.
        Returns (batch id, batch uuid, number of slips taken)."""
        with self.store.write() as s:
            now = self.now()
            batch = SyncBatch(kind=kind, adapter=self.adapter, target=self.target,
                              created_at=now, created_by=self.who.label, scheduled=scheduled)
            s.add(batch)
            s.flush()
            taken = 0
            if take_approved:
                subs = s.scalars(select(Submission).where(
                    Submission.status == Status.APPROVED.value).order_by(Submission.id))
                for sub in subs:
                    self._move(s, sub, Status.QUEUED, note=f"batch {batch.uuid}")
                    s.add(OutboxItem(batch_id=batch.id, submission_id=sub.id,
                                     submission_uuid=sub.uuid, revision=sub.revision,
                                     adapter=self.adapter, state=PENDING, attempts=0,
                                     upload_state={}, created_at=now, updated_at=now))
                    taken += 1
            self._audit(s, "sync_batch", "sync_batch", batch.uuid, [
                {"field": "kind", "old": None, "new": kind},
                {"field": "adapter", "old": None, "new": self.adapter},
                {"field": "items", "old": None, "new": taken}])
            return batch.id, batch.uuid, taken

    def finish_batch(self, batch_id: int) -> None:
        with self.store.write() as s:
            batch = s.get(SyncBatch, batch_id)
            if batch is not None and batch.finished_at is None:
                batch.finished_at = self.now()

    # --- choosing and claiming --------------------------------------------------------
    def due(self, *, manual: bool, reclaim_all: bool, limit: int | None = None) -> list[int]:
        """Items to send now, oldest first: pending; retrying whose time has come (all of them
        for a manual push); sending whose lease ran out (all of them when `reclaim_all`: this
        run holds the data dir's sync lock, so no one else is sending)."""
        now = self.now()
        conds = [OutboxItem.state == PENDING]
        if manual:
            conds.append(OutboxItem.state == RETRYING)
        else:
            conds.append((OutboxItem.state == RETRYING)
                         & or_(OutboxItem.next_try_at.is_(None), OutboxItem.next_try_at <= now))
        if reclaim_all:
            conds.append(OutboxItem.state == SENDING)
        else:
            conds.append((OutboxItem.state == SENDING)
                         & or_(OutboxItem.lease_until.is_(None), OutboxItem.lease_until < now))
        stmt = select(OutboxItem.id).where(or_(*conds)).order_by(OutboxItem.id)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.store.read() as s:
            return list(s.scalars(stmt))

    def claim(self, ids: Iterable[int], *, reclaim_all: bool) -> list[int]:
        """Mark items `sending` with a lease; returns those that were still free."""
        now = self.now()
        got: list[int] = []
        with self.store.write() as s:
            for item in s.scalars(select(OutboxItem).where(OutboxItem.id.in_(list(ids)))
                                  .order_by(OutboxItem.id).with_for_update()):
                free = item.state in (PENDING, RETRYING) or (item.state == SENDING and (
                    reclaim_all or item.lease_until is None or item.lease_until < now))
                if not free:
                    continue
                if item.adapter != self.adapter:  # the setting changed since it was queued
                    item.adapter, item.upload_state = self.adapter, {}
                item.state = SENDING
                item.lease_until = now + self.lease
                item.updated_at = now
                got.append(item.id)
        return got

    def release(self, ids: Iterable[int]) -> None:
        """Items claimed but not tried (cancel, link down): back to where they were."""
        with self.store.write() as s:
            for item in s.scalars(select(OutboxItem).where(OutboxItem.id.in_(list(ids)),
                                                           OutboxItem.state == SENDING)):
                item.state = RETRYING if item.attempts else PENDING
                item.lease_until = None

    # --- one item ---------------------------------------------------------------------
    def outgoing(self, item_id: int) -> OutgoingItem:
        with self.store.read() as s:
            item = s.get(OutboxItem, item_id)
            assert item is not None
            uuid = item.submission_uuid
        text = self.text(uuid)
        pages = tuple(self.pages(uuid))
        with self.store.read() as s:
            item = s.get(OutboxItem, item_id)
            assert item is not None
            sub = s.get(Submission, item.submission_id)
            assert sub is not None
            payload = build_payload(s, sub, text, pages)
            return OutgoingItem(item_id=item.id, submission_uuid=sub.uuid,
                                revision=item.revision, number=sub.number, payload=payload,
                                attachments=pages, attempt=item.attempts + 1,
                                upload_state=dict(item.upload_state or {}),
                                upstream_ref=item.upstream_ref)

    def save_progress(self, item_id: int, state: Mapping[str, Any]) -> None:
        with self.store.write() as s:
            item = s.get(OutboxItem, item_id)
            if item is not None and item.state == SENDING:
                item.upload_state = dict(state)
                item.updated_at = self.now()

    def record(self, item_id: int, result: SendResult, *, bytes_sent: int = 0) -> Outcome:
        """One outcome, with the slip's status change and the audit events."""
        with self.store.write() as s:
            item = s.get(OutboxItem, item_id)
            assert item is not None
            if item.state in (DONE, QUARANTINED):  # recorded already (a second runner)
                return _outcome(item)
            sub = s.get(Submission, item.submission_id)
            assert sub is not None
            now = self.now()
            old_state = item.state
            item.attempts += 1
            item.bytes_sent += bytes_sent
            item.lease_until = None
            item.updated_at = now
            if result.upstream_ref:
                item.upstream_ref = result.upstream_ref
            if result.ok:
                self._accepted(s, item, sub, result, now)
            elif result.kind == ResultKind.RETRY:
                item.state = RETRYING
                item.last_error, item.last_field = result.reason or "internal", None
                item.last_detail = result.detail
                wait = self.backoff.delay(item.attempts, self.rng, result.retry_after)
                item.next_try_at = now + timedelta(seconds=wait)
            else:
                self._refused(s, item, sub, result, now)
            self._audit(s, f"outbox_{item.state}", "outbox_item", item.id, [
                {"field": "state", "old": old_state, "new": item.state},
                {"field": "attempts", "old": item.attempts - 1, "new": item.attempts}],
                note=item.last_error if item.state != DONE else item.tracking_id)
            return _outcome(item)

    def _accepted(self, s: Session, item: OutboxItem, sub: Submission, result: SendResult,
                  now: datetime) -> None:
        item.state, item.done_at, item.next_try_at = DONE, now, None
        item.last_error = item.last_field = item.last_detail = None
        item.result = result.kind.value
        item.upload_state = {}
        tracking = result.tracking_id if result.kind == ResultKind.REGISTERED else None
        if tracking:
            item.tracking_id = tracking
        extra = []
        if tracking and tracking != sub.tracking_id:
            extra.append({"field": "tracking_id", "old": sub.tracking_id, "new": tracking})
            sub.tracking_id = tracking
        if result.upstream_status and result.upstream_status != sub.upstream_status:
            extra.append({"field": "upstream_status", "old": sub.upstream_status,
                          "new": result.upstream_status})
            sub.upstream_status = result.upstream_status
        if tracking or result.upstream_status:
            self._history(s, sub, now, result.upstream_status,
                          "registered" if tracking else normalise(result.upstream_status),
                          tracking)
        target = Status.REGISTERED if tracking or sub.tracking_id else Status.SENT
        self._move(s, sub, target, extra=extra, note=f"outbox item {item.id}")

    def _refused(self, s: Session, item: OutboxItem, sub: Submission, result: SendResult,
                 now: datetime) -> None:
        item.state, item.next_try_at = QUARANTINED, None
        item.last_error = result.reason or "refused"
        item.last_field = result.field
        item.last_detail = result.detail
        item.done_at = now
        self._move(s, sub, Status.RETURNED, reason=describe(item.last_error, item.last_field),
                   note=f"outbox item {item.id}: {item.last_error}")

    def _history(self, s: Session, sub: Submission, at: datetime, status: str | None,
                 code: str | None, tracking: str | None) -> bool:
        """A history row, unless the same change is already there (a duplicate delivery)."""
        last = s.scalars(select(UpstreamStatusEvent)
                         .where(UpstreamStatusEvent.submission_id == sub.id)
                         .order_by(UpstreamStatusEvent.id.desc()).limit(1)).first()
        if last is not None and last.status == status and (
                tracking is None or last.tracking_id == tracking) and (
                status is not None or last.code == code):
            return False
        s.add(UpstreamStatusEvent(submission_id=sub.id, submission_uuid=sub.uuid, at=at,
                                  recorded_at=self.now(), status=status, code=code,
                                  tracking_id=tracking, source=self.adapter))
        return True

    # --- statuses coming back -------------------------------------------------------------
    def apply_changes(self, changes: Sequence[StatusChange]) -> ChangeCounts:
        counts = ChangeCounts()
        with self.store.write() as s:
            for ch in changes:
                counts.changes += 1
                sub = _find(s, ch)
                if sub is None:
                    counts.unknown += 1
                    continue
                self._apply_one(s, sub, ch, counts)
        return counts

    def _apply_one(self, s: Session, sub: Submission, ch: StatusChange,
                   counts: ChangeCounts) -> None:
        at = ch.at or self.now()
        extra: list[dict[str, Any]] = []
        changed = False
        if ch.tracking_id and ch.tracking_id != sub.tracking_id:
            extra.append({"field": "tracking_id", "old": sub.tracking_id, "new": ch.tracking_id})
            sub.tracking_id = ch.tracking_id
            self._history(s, sub, at, None, "registered", ch.tracking_id)
            for item in s.scalars(select(OutboxItem).where(
                    OutboxItem.submission_id == sub.id, OutboxItem.state == DONE,
                    OutboxItem.revision == sub.revision)):
                item.tracking_id, item.result = ch.tracking_id, "registered"
            changed = True
        if ch.status and ch.status != sub.upstream_status:
            extra.append({"field": "upstream_status", "old": sub.upstream_status,
                          "new": ch.status})
            sub.upstream_status = ch.status
            changed = True
        code = normalise(ch.status)
        if ch.status:
            wrote = self._history(s, sub, at, ch.status, code, ch.tracking_id or sub.tracking_id)
            changed = changed or wrote
        if not changed:
            counts.repeated += 1
            return
        counts.updated += 1
        target: Status | None = None
        if code in CLOSING:
            target = Status.CLOSED
        elif sub.tracking_id and Status(sub.status) in (Status.QUEUED, Status.SENT):
            target = Status.REGISTERED
        if target is not None and self._move(s, sub, target, extra=extra,
                                             note=f"upstream: {ch.status or ch.tracking_id}"):
            if target == Status.CLOSED:
                counts.closed += 1
            else:
                counts.registered += 1
        elif target is None and extra:
            self._audit(s, "sync_update", "submission", sub.uuid, extra,
                        f"upstream: {ch.status or ch.tracking_id}")
        sub.updated_at = self.now()


def _find(s: Session, ch: StatusChange) -> Submission | None:
    if ch.submission_uuid:
        sub = s.scalars(select(Submission).where(
            Submission.uuid == ch.submission_uuid.lower())).first()
        if sub is not None:
            return sub
    if ch.upstream_ref:
        sid = s.scalar(select(OutboxItem.submission_id).where(
            OutboxItem.upstream_ref == ch.upstream_ref).order_by(OutboxItem.id.desc()).limit(1))
        if sid is not None:
            return s.get(Submission, sid)
    if ch.tracking_id:
        return s.scalars(select(Submission).where(
            Submission.tracking_id == ch.tracking_id)).first()
    return None


def _outcome(item: OutboxItem) -> Outcome:
    problem = describe(item.last_error, item.last_field) if item.last_error else None
    return Outcome(item.id, item.state, item.result, item.tracking_id, problem)
