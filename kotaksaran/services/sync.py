"""Sync upstream: push approved slips through the outbox, pull tracking IDs and statuses back.

The operator (or admin, or the command line) calls these; the GUI's Antrian Kirim screen and
`kotaksaran sync ...` use the same calls. The work itself is in `kotaksaran/sync/` (see
docs/sync.md): this layer checks the role, reads the settings and the token, and hands out
frozen views.
"""

from __future__ import annotations

import importlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import Role
from ..domain.errors import KotakSaranError
from ..store.models import (
    OutboxItem,
    Setting,
    Submission,
    SyncBatch,
    SyncState,
    UpstreamStatusEvent,
)
from ..sync.adapters import AdapterConfig, create_adapter
from ..sync.adapters.base import Adapter, Attachment, KnownItem, SendResult, StatusChange
from ..sync.engine import Cancel, Progress, RunReport, run_push
from ..sync.errors import SyncUnavailable, describe
from ..sync.lock import SyncLock
from ..sync.outbox import OPEN_STATES, RETRYING, Backoff, ChangeCounts, Outbox, Who
from .config import SPECS
from .context import ServiceBase
from .privacy import PrivacyService
from .submissions import find_submission

_OPERATORS = (Role.OPERATOR, Role.ADMIN)


@dataclass(frozen=True)
class BatchView:
    id: int
    uuid: str
    kind: str
    adapter: str
    target: str
    created_at: datetime
    created_by: str
    finished_at: datetime | None
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.uuid, "number": self.id, "kind": self.kind, "adapter": self.adapter,
                "target": self.target, "created_at": self.created_at.isoformat(),
                "created_by": self.created_by,
                "finished_at": self.finished_at.isoformat() if self.finished_at else None,
                "items": self.counts}


@dataclass(frozen=True)
class OutboxItemView:
    id: int
    batch_id: int
    batch_uuid: str
    submission_id: int
    submission_uuid: str
    number: str
    title: str
    revision: int
    adapter: str
    state: str
    attempts: int
    next_try_at: datetime | None
    problem_code: str | None
    problem_field: str | None
    problem: str | None  # the sentence for the operator
    result: str | None
    tracking_id: str | None
    updated_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "batch": self.batch_uuid, "submission": self.submission_uuid,
                "number": self.number, "revision": self.revision, "adapter": self.adapter,
                "state": self.state, "attempts": self.attempts,
                "next_try_at": self.next_try_at.isoformat() if self.next_try_at else None,
                "problem": self.problem_code, "field": self.problem_field,
                "message": self.problem, "result": self.result,
                "tracking_id": self.tracking_id, "updated_at": self.updated_at.isoformat()}


@dataclass(frozen=True)
class StatusEventView:
    at: datetime
    status: str | None
    code: str | None
    tracking_id: str | None
    source: str

    def to_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "status": self.status, "code": self.code,
                "tracking_id": self.tracking_id, "source": self.source}


@dataclass(frozen=True)
class PushReport:
    batch: str | None  # None when there was nothing to send (no batch was made)
    batch_id: int
    queued: int
    sent: int
    registered: int
    failed: int
    quarantined: int
    pending: int  # items still open after this run (any batch)
    stopped_offline: bool
    cancelled: bool
    bytes_sent: int
    problem: str | None
    items: tuple[OutboxItemView, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"batch": self.batch, "queued": self.queued, "sent": self.sent,
                "registered": self.registered, "failed": self.failed,
                "quarantined": self.quarantined, "pending": self.pending,
                "stopped_offline": self.stopped_offline, "cancelled": self.cancelled,
                "bytes_sent": self.bytes_sent, "problem": self.problem}


@dataclass(frozen=True)
class PullReport:
    changes: int
    updated: int
    registered: int
    closed: int
    unknown: int

    def to_json(self) -> dict[str, Any]:
        return {"changes": self.changes, "updated": self.updated,
                "registered": self.registered, "closed": self.closed, "unknown": self.unknown}


@dataclass(frozen=True)
class SyncStatus:
    batches: tuple[BatchView, ...]
    items: tuple[OutboxItemView, ...]
    counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"counts": self.counts, "batches": [b.to_json() for b in self.batches],
                "items": [i.to_json() for i in self.items]}


@dataclass(frozen=True)
class PreparedBatch:
    batch_id: int
    batch: str
    item_ids: tuple[int, ...]


def _setting(s: Session, key: str) -> Any:
    row = s.get(Setting, key)
    return SPECS[key].default if row is None else row.value


class SyncService(ServiceBase):
    # --- configuration ------------------------------------------------------------------
    def _settings(self) -> dict[str, Any]:
        with self.store.read() as s:
            stored = {r.key: r.value for r in s.scalars(
                select(Setting).where(Setting.key.like("sync.%")))}
            demo = bool(_setting(s, "mode.demo"))
        values = {k: stored.get(k, spec.default) for k, spec in SPECS.items()
                  if k.startswith("sync.")}
        values.update({k: v for k, v in stored.items() if k not in values})
        values["mode.demo"] = demo
        return values

    def adapter_config(self, url: str | None = None) -> tuple[str, AdapterConfig]:
        """The adapter code and its configuration; `url` (e.g. `--url`) means the exchange
        API at that address for this run."""
        opts = self._settings()
        code = "exchange" if url else str(opts.get("sync.adapter") or "exchange")
        token = None
        try:
            secrets = importlib.import_module("kotaksaran.sync.secrets")
            token = secrets.upstream_token(self.store.data_dir.root)
        except ImportError:
            token = None
        unit = self._unit_code()
        return code, AdapterConfig(
            url=url or str(opts.get("sync.url") or ""), token=token,
            ca_file=str(opts.get("sync.ca_file") or "") or None,
            proxy=str(opts.get("sync.proxy") or "") or None,
            timeout=float(opts.get("sync.timeout_seconds") or 30), unit_code=unit,
            data_dir=self.store.data_dir.root, demo=bool(opts["mode.demo"]), options=opts)

    def _unit_code(self) -> str:
        from ..store.models import Unit

        with self.store.read() as s:
            unit = s.scalars(select(Unit).order_by(Unit.id).limit(1)).first()
            return unit.code if unit else ""

    def _adapter(self, url: str | None) -> Adapter:
        code, config = self.adapter_config(url)
        return create_adapter(code, config)

    # --- what leaves the office ---------------------------------------------------------
    def _sources(self) -> tuple[Callable[[str], dict[str, str]],
                                Callable[[str], list[Attachment]]]:
        """Title/body and pages exactly as the privacy service lets them leave (masked and
        blacked out for anonim and rahasia slips, compressed)."""
        privacy = PrivacyService(self.store, self.actor, self.now)

        def text(uuid: str) -> dict[str, str]:
            return dict(privacy.outgoing_text(uuid))

        def pages(uuid: str) -> list[Attachment]:
            return [Attachment(name=p.name, mime=p.mime, sha256=p.sha256, data=p.data,
                               redacted=bool(p.redacted))
                    for p in privacy.outgoing_pages(uuid)]
        return text, pages

    def _outbox(self, adapter: str, target: str) -> Outbox:
        opts = self._settings()
        text, pages = self._sources()
        backoff = Backoff(float(opts["sync.backoff_base_seconds"]),
                          float(opts["sync.backoff_max_seconds"]))
        lease = max(60.0, 4 * float(opts["sync.timeout_seconds"]))
        return Outbox(self.store, Who(self.actor.label, self.actor.user_id), self.now,
                      adapter=adapter, target=target, text=text, pages=pages,
                      backoff=backoff, lease_seconds=lease, rng=random.Random())

    # --- push ---------------------------------------------------------------------------
    def push(self, *, url: str | None = None, scheduled: bool = False,
             progress: Progress | None = None, cancel: Cancel | None = None,
             adapter: Adapter | None = None) -> PushReport:
        """Take every approved slip into a new batch and send everything that is due."""
        self.require(*_OPERATORS, action="sync_push")
        with SyncLock(self.store):
            adapter = adapter or self._adapter(url)
            try:
                info = adapter.info()
                outbox = self._outbox(info.code, info.target)
                if self._approved_count() or outbox.due(manual=not scheduled,
                                                        reclaim_all=True, limit=1):
                    batch_id, batch_uuid, taken = outbox.open_batch(kind="push",
                                                                    scheduled=scheduled)
                    report = RunReport(batch_id=batch_id, batch=batch_uuid, queued=taken)
                    run_push(outbox, adapter, report, manual=not scheduled,
                             reclaim_all=True, progress=progress, cancel=cancel)
                    outbox.finish_batch(batch_id)
                else:  # nothing to do: no empty batch (a scheduled task runs often)
                    report = RunReport(batch_id=0, batch="")
            finally:
                adapter.close()
        self._remember("last_push", self.now().isoformat())
        ids = [o.item_id for o in report.outcomes]
        return PushReport(
            batch=report.batch or None, batch_id=report.batch_id, queued=report.queued,
            sent=report.sent, registered=report.registered, failed=report.failed,
            quarantined=report.quarantined, pending=self.open_count(),
            stopped_offline=report.stopped_offline, cancelled=report.cancelled,
            bytes_sent=report.bytes_sent, problem=report.last_problem,
            items=tuple(self.items(ids=ids)) if ids else ())

    def _approved_count(self) -> int:
        with self.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(Submission).where(
                Submission.status == "approved")) or 0)

    def open_count(self) -> int:
        with self.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(OutboxItem).where(
                OutboxItem.state.in_(OPEN_STATES))) or 0)

    def due_count(self) -> int:
        """Items a scheduled push would send now (for resuming on its own)."""
        with self.store.read() as s:
            now = self.now()
            return int(s.scalar(select(func.count()).select_from(OutboxItem).where(
                OutboxItem.state.in_(OPEN_STATES),
                (OutboxItem.next_try_at.is_(None)) | (OutboxItem.next_try_at <= now))) or 0)

    def probe(self, url: str | None = None) -> bool:
        self.require(*_OPERATORS, action="sync_push")
        adapter = self._adapter(url)
        try:
            return adapter.ping()
        finally:
            adapter.close()

    def retry_now(self, item_id: int) -> OutboxItemView:
        self.require(*_OPERATORS, action="sync_push")
        with self.store.write() as s:
            item = s.get(OutboxItem, item_id)
            if item is None:
                raise KotakSaranError("sync_item_not_found", ref=str(item_id))
            if item.state != RETRYING:
                raise KotakSaranError("sync_item_not_retryable", ref=str(item_id),
                                      state=item.state)
            old = item.next_try_at
            item.next_try_at = self.now()
            self.audit(s, "outbox_retry_now", "outbox_item", item.id, [
                {"field": "next_try_at", "old": old.isoformat() if old else None,
                 "new": item.next_try_at.isoformat()}])
        return self.items(ids=[item_id])[0]

    # --- pull ---------------------------------------------------------------------------
    def pull(self, *, url: str | None = None, progress: Progress | None = None,
             cancel: Cancel | None = None, adapter: Adapter | None = None) -> PullReport:
        """Tracking IDs and follow-up statuses since the last pull."""
        self.require(*_OPERATORS, action="sync_pull")
        with SyncLock(self.store):
            adapter = adapter or self._adapter(url)
            try:
                info = adapter.info()
                key = f"cursor:{info.code}:{info.target}"
                cursor = self._recall(key)
                known = self._known()
                outbox = self._outbox(info.code, info.target)
                total = ChangeCounts()
                for _round in range(1000):  # pages of changes; bounded
                    if cancel is not None and cancel():
                        break
                    result = adapter.pull(cursor, known)
                    if result.problem:
                        raise SyncUnavailable(problem=describe(result.problem))
                    counts = outbox.apply_changes(result.changes)
                    for name in ("changes", "updated", "registered", "closed", "unknown"):
                        setattr(total, name, getattr(total, name) + getattr(counts, name))
                    if result.cursor is not None:
                        cursor = result.cursor
                        self._remember(key, cursor)
                    if progress:
                        progress(total.changes, total.changes, None)
                    if result.complete or not result.changes:
                        break
            finally:
                adapter.close()
        self._remember("last_pull", self.now().isoformat())
        return PullReport(total.changes, total.updated, total.registered, total.closed,
                          total.unknown)

    def _known(self) -> list[KnownItem]:
        """Records upstream has and that are not closed yet (for polling dialects)."""
        with self.store.read() as s:
            rows = s.execute(
                select(Submission.uuid, Submission.tracking_id,
                       select(OutboxItem.upstream_ref)
                       .where(OutboxItem.submission_id == Submission.id,
                              OutboxItem.upstream_ref.is_not(None))
                       .order_by(OutboxItem.id.desc()).limit(1).scalar_subquery())
                .where(Submission.status.in_(("sent", "registered")))
                .order_by(Submission.id))
            return [KnownItem(u, t, r) for u, t, r in rows]

    def apply_changes(self, changes: Sequence[StatusChange], *, source: str = "bundle"
                      ) -> PullReport:
        """Statuses brought back another way (a bundle on a USB stick)."""
        self.require(*_OPERATORS, action="sync_pull")
        counts = self._outbox(source, "").apply_changes(changes)
        return PullReport(counts.changes, counts.updated, counts.registered, counts.closed,
                          counts.unknown)

    # --- driving the outbox by hand (the file bundle) ---------------------------------
    def locked(self) -> SyncLock:
        """`with svc.sync.locked(): ...` — no push or pull runs meanwhile (SyncBusy if one
        does); inside it, `prepare(reclaim=True)` also takes items a killed run left."""
        return SyncLock(self.store)

    def prepare(self, *, kind: str = "bundle_export", adapter: str = "bundle",
                target: str = "", reclaim: bool = False) -> PreparedBatch:
        self.require(*_OPERATORS, action="sync_push")
        outbox = self._outbox(adapter, target)
        batch_id, batch_uuid, _taken = outbox.open_batch(kind=kind)
        due = outbox.due(manual=True, reclaim_all=reclaim)
        claimed = outbox.claim(due, reclaim_all=reclaim)
        return PreparedBatch(batch_id, batch_uuid, tuple(claimed))

    def outgoing(self, item_id: int, *, adapter: str = "bundle") -> Any:
        """The `OutgoingItem` of a claimed item (payload + attachments)."""
        self.require(*_OPERATORS, action="sync_push")
        return self._outbox(adapter, "").outgoing(item_id)

    def record_result(self, item_id: int, result: SendResult, *, adapter: str = "bundle",
                      bytes_sent: int = 0) -> OutboxItemView:
        self.require(*_OPERATORS, action="sync_push")
        self._outbox(adapter, "").record(item_id, result, bytes_sent=bytes_sent)
        return self.items(ids=[item_id])[0]

    def release(self, item_ids: Sequence[int], *, adapter: str = "bundle") -> None:
        self.require(*_OPERATORS, action="sync_push")
        self._outbox(adapter, "").release(item_ids)

    def finish_batch(self, batch_id: int) -> None:
        self.require(*_OPERATORS, action="sync_push")
        self._outbox("bundle", "").finish_batch(batch_id)

    # --- reading ------------------------------------------------------------------------
    def status(self, *, limit: int = 20, item_limit: int | None = 500) -> SyncStatus:
        batches = self.batches(limit=limit)
        items = self.items(limit=item_limit)
        with self.store.read() as s:
            counts = dict(s.execute(select(OutboxItem.state, func.count())
                                    .group_by(OutboxItem.state)).all())
        return SyncStatus(tuple(batches), tuple(items), {k: int(v) for k, v in counts.items()})

    def batches(self, *, limit: int = 20) -> list[BatchView]:
        with self.store.read() as s:
            rows = list(s.scalars(select(SyncBatch).order_by(SyncBatch.id.desc()).limit(limit)))
            counts: dict[int, dict[str, int]] = {}
            if rows:
                for bid, state, n in s.execute(
                        select(OutboxItem.batch_id, OutboxItem.state, func.count())
                        .where(OutboxItem.batch_id.in_([b.id for b in rows]))
                        .group_by(OutboxItem.batch_id, OutboxItem.state)):
                    counts.setdefault(bid, {})[state] = int(n)
            return [BatchView(b.id, b.uuid, b.kind, b.adapter, b.target, b.created_at,
                              b.created_by, b.finished_at, counts.get(b.id, {}))
                    for b in rows]

    def items(self, *, states: Sequence[str] | None = None, batch_id: int | None = None,
              ids: Sequence[int] | None = None, limit: int | None = None
              ) -> list[OutboxItemView]:
        stmt = (select(OutboxItem, Submission.number, Submission.title, SyncBatch.uuid)
                .join(Submission, Submission.id == OutboxItem.submission_id)
                .join(SyncBatch, SyncBatch.id == OutboxItem.batch_id)
                .order_by(OutboxItem.id.desc()))
        if states:
            stmt = stmt.where(OutboxItem.state.in_(list(states)))
        if batch_id is not None:
            stmt = stmt.where(OutboxItem.batch_id == batch_id)
        if ids is not None:
            stmt = stmt.where(OutboxItem.id.in_(list(ids)))
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.store.read() as s:
            return [_item_view(i, number, title, buuid)
                    for i, number, title, buuid in s.execute(stmt).all()]

    def history(self, ref: int | str) -> list[StatusEventView]:
        with self.store.read() as s:
            sub = find_submission(s, ref)
            rows = s.scalars(select(UpstreamStatusEvent)
                             .where(UpstreamStatusEvent.submission_id == sub.id)
                             .order_by(UpstreamStatusEvent.at, UpstreamStatusEvent.id))
            return [StatusEventView(r.at, r.status, r.code, r.tracking_id, r.source)
                    for r in rows]

    # --- small bookkeeping --------------------------------------------------------------
    def _recall(self, key: str) -> Any:
        with self.store.read() as s:
            row = s.get(SyncState, key)
            return None if row is None else row.value

    def _remember(self, key: str, value: Any) -> None:
        with self.store.write() as s:
            row = s.get(SyncState, key)
            if row is None:
                s.add(SyncState(key=key, value=value, updated_at=self.now()))
            else:
                row.value, row.updated_at = value, self.now()

    def last_times(self) -> dict[str, str | None]:
        return {"push": self._recall("last_push"), "pull": self._recall("last_pull")}


def _item_view(i: OutboxItem, number: str, title: str, batch_uuid: str) -> OutboxItemView:
    return OutboxItemView(
        id=i.id, batch_id=i.batch_id, batch_uuid=batch_uuid, submission_id=i.submission_id,
        submission_uuid=i.submission_uuid, number=number, title=title, revision=i.revision,
        adapter=i.adapter, state=i.state, attempts=i.attempts, next_try_at=i.next_try_at,
        problem_code=i.last_error, problem_field=i.last_field,
        problem=describe(i.last_error, i.last_field) if i.last_error else None,
        result=i.result, tracking_id=i.tracking_id, updated_at=i.updated_at)
