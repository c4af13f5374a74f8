"""The demo's slips on their way upstream come with matching batches, outbox items, tracking
IDs and status history (sync/demo.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from kotaksaran.services import Actor, Services
from kotaksaran.services.demo import create_demo
from kotaksaran.store.db import open_store
from kotaksaran.store.models import OutboxItem, Submission, UpstreamStatusEvent

NOW = datetime(2026, 6, 10, 6, 30, tzinfo=UTC)


@pytest.mark.parametrize("bulk", [False, True])
def test_demo_outbox_matches_the_slips(tmp_path: Path, bulk: bool) -> None:
    store = open_store(tmp_path / "demo", create=True)
    try:
        create_demo(store, 90 if bulk else 60, seed=4, now=NOW, bulk=bulk)
        with store.read() as s:
            subs = {u: (st, t) for u, st, t in s.execute(
                select(Submission.uuid, Submission.status, Submission.tracking_id)
                .where(Submission.status.in_(("queued", "sent", "registered", "closed"))))}
            items = list(s.scalars(select(OutboxItem)))
            history = list(s.scalars(select(UpstreamStatusEvent)
                                     .order_by(UpstreamStatusEvent.id)))
        assert subs and sorted(i.submission_uuid for i in items) == sorted(subs)
        for item in items:
            status, tracking = subs[item.submission_uuid]
            if status == "queued":
                assert item.state in ("pending", "retrying")
            else:
                assert item.state == "done"
                assert item.tracking_id == tracking
                assert item.result == ("registered" if tracking else "accepted")
        by_sub: dict[str, list[UpstreamStatusEvent]] = {}
        for h in history:
            by_sub.setdefault(h.submission_uuid, []).append(h)
            assert h.at <= NOW
        for uuid, (status, tracking) in subs.items():
            rows = by_sub.get(uuid, [])
            if status in ("registered", "closed"):
                assert rows[0].code == "registered" and rows[0].tracking_id == tracking
                assert [r.at for r in rows] == sorted(r.at for r in rows)
            if status == "closed":
                assert rows[-1].code in ("selesai", "arsip")
            if status == "queued":
                assert rows == []
        svc = Services(store, Actor.cli("tester"))
        status_view = svc.sync.status()
        assert sum(status_view.counts.values()) == len(items)
        assert all(b.adapter == "exchange" for b in status_view.batches)
        closed = next(u for u, (st, _t) in subs.items() if st == "closed")
        assert [h.code for h in svc.sync.history(closed)][-1] in ("selesai", "arsip")
    finally:
        store.dispose()
