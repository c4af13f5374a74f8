"""Push and pull through `svc.sync` against the reference receiver running as its own process
(real HTTP over loopback), on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kotaksaran.domain.errors import KotakSaranError
from kotaksaran.store.models import AuditEvent, Category, OutboxItem, Submission
from kotaksaran.sync.errors import SyncConfigError
from tests.conftest import Office
from tests.sync_support import ROOT, cli, env, receiver, seed_approved


def _set_status(rcv: Path, tracking_id: str, status: str) -> None:
    subprocess.run(cli("--data-dir", str(rcv), "receiver", "set-status", tracking_id, status),
                   check=True, env=env(), cwd=ROOT, capture_output=True)


def _sub(office: Office, uuid: str) -> Submission:
    with office.store.read() as s:
        sub = s.scalars(select(Submission).where(Submission.uuid == uuid)).one()
        s.expunge(sub)
        return sub


def test_push_registers_and_pull_brings_statuses_back(office: Office, tmp_path: Path) -> None:
    uuids = seed_approved(office.store, 3)
    with receiver(tmp_path / "rcv") as r:
        report = office.operator.sync.push(url=r.url)
        assert (report.queued, report.sent, report.registered) == (3, 3, 3)
        assert (report.failed, report.quarantined, report.pending) == (0, 0, 0)
        subs = [_sub(office, u) for u in uuids]
        assert all(s.status == "registered" and s.tracking_id for s in subs)
        assert all(s.upstream_status == "Belum diverifikasi" for s in subs)
        items = office.operator.sync.items()
        assert {i.state for i in items} == {"done"}
        assert {i.tracking_id for i in items} == {s.tracking_id for s in subs}
        with office.store.read() as s:
            actions = set(s.scalars(select(AuditEvent.action).where(
                AuditEvent.entity_id == uuids[0])))
        assert {"status_queued", "status_registered"} <= actions

        first, second = subs[0].tracking_id, subs[1].tracking_id
        assert first and second
        _set_status(r.data_dir, first, "Terdisposisi ke Dinas Pekerjaan Umum")
        _set_status(r.data_dir, second, "Ditindaklanjuti oleh instansi")
        _set_status(r.data_dir, second, "Selesai")
        pulled = office.operator.sync.pull(url=r.url)
        assert pulled.closed == 1
        assert pulled.unknown == 0
        assert _sub(office, uuids[0]).upstream_status == "Terdisposisi ke Dinas Pekerjaan Umum"
        assert _sub(office, uuids[0]).status == "registered"
        assert _sub(office, uuids[1]).status == "closed"
        history = office.operator.sync.history(uuids[1])
        codes = [h.code for h in history]
        assert codes == ["registered", "ditindaklanjuti", "selesai"]
        assert all(h.at is not None for h in history)
        again = office.operator.sync.pull(url=r.url)
        assert again.changes == 0 and again.updated == 0


def test_refusal_quarantines_returns_the_slip_and_a_fix_goes_through(
        office: Office, tmp_path: Path) -> None:
    uuids = seed_approved(office.store, 3)
    with office.store.write() as s:
        local = Category(code="KHUSUS-KELURAHAN", name="Khusus kelurahan")
        s.add(local)
        s.flush()
        s.execute(Submission.__table__.update().where(Submission.uuid == uuids[1])
                  .values(category_id=local.id))
        original = s.scalar(select(Category.id).where(Category.parent_id.is_not(None)))
    with receiver(tmp_path / "rcv") as r:
        report = office.operator.sync.push(url=r.url)
        assert (report.sent, report.quarantined, report.failed) == (2, 1, 0)
        bad = _sub(office, uuids[1])
        assert bad.status == "returned"
        assert bad.status_reason == ("Server menolak: kategori tidak dikenal — perbaiki "
                                     "kategori lalu kirim ulang.")
        [item] = office.operator.sync.items(states=["quarantined"])
        assert (item.problem_code, item.problem_field) == ("unknown_value", "category_id")
        assert item.problem == bad.status_reason

        office.petugas.submissions.save_draft(uuids[1], {"category_id": original},
                                              autosave=False)
        office.petugas.submissions.verify(uuids[1])
        office.supervisor.submissions.approve(uuids[1])
        fixed = office.operator.sync.push(url=r.url)
        assert (fixed.queued, fixed.sent, fixed.quarantined) == (1, 1, 0)
        assert _sub(office, uuids[1]).status == "registered"
    with office.store.read() as s:
        revs = list(s.scalars(select(OutboxItem.revision).where(
            OutboxItem.submission_uuid == uuids[1]).order_by(OutboxItem.id)))
    assert revs[0] < revs[1]


def test_deferred_tracking_ids_come_with_the_pull(office: Office, tmp_path: Path) -> None:
    uuids = seed_approved(office.store, 2)
    with receiver(tmp_path / "rcv", "--tracking", "deferred") as r:
        report = office.operator.sync.push(url=r.url)
        assert (report.sent, report.registered) == (2, 0)
        assert {_sub(office, u).status for u in uuids} == {"sent"}
        assert office.operator.sync.items()[0].result == "accepted"
        pulled = office.operator.sync.pull(url=r.url)
        assert pulled.registered == 2
        subs = [_sub(office, u) for u in uuids]
        assert all(s.status == "registered" and s.tracking_id for s in subs)
        assert {i.result for i in office.operator.sync.items()} == {"registered"}


def test_unit_token_is_required_once_configured(office: Office, tmp_path: Path) -> None:
    from kotaksaran.sync.secrets import TokenStore

    seed_approved(office.store, 2)
    rcv = tmp_path / "rcv"
    out = subprocess.run(cli("--data-dir", str(rcv), "receiver", "add-unit", "KLBS", "--json"),
                         check=True, env=env(), cwd=ROOT, capture_output=True, text=True)
    import json

    token = json.loads(out.stdout)["token"]
    with receiver(rcv) as r:
        refused = office.operator.sync.push(url=r.url)
        assert refused.sent == 0 and refused.stopped_offline
        assert "token" in (refused.problem or "")
        assert {i.problem_code for i in office.operator.sync.items()} <= {"auth_failed", None}
        TokenStore(office.store.data_dir.root).set(token)
        ok = office.operator.sync.push(url=r.url)
        assert ok.sent == 2 and ok.pending == 0


def test_scheduled_push_keeps_to_the_backoff_manual_push_does_not(
        office: Office, tmp_path: Path) -> None:
    seed_approved(office.store, 2)
    closed_port = "http://127.0.0.1:9"  # discard port: nothing listens there
    first = office.operator.sync.push(url=closed_port)
    assert first.sent == 0 and first.failed >= 1
    waiting = office.operator.sync.items(states=["retrying"])
    assert waiting and all(i.next_try_at and i.next_try_at > office.clock() for i in waiting)
    assert all(i.problem and "tidak dapat dihubungi" in i.problem for i in waiting)
    with receiver(tmp_path / "rcv") as r:
        scheduled = office.operator.sync.push(url=r.url, scheduled=True)
        assert {i.id for i in office.operator.sync.items(states=["retrying"])} == \
            {i.id for i in waiting}
        assert scheduled.sent == 2 - len(waiting)
        office.clock.value += timedelta(hours=2)
        later = office.operator.sync.push(url=r.url, scheduled=True)
        assert later.sent == len(waiting) and later.pending == 0
        batches = len(office.operator.sync.batches())
        idle = office.operator.sync.push(url=r.url, scheduled=True)
        assert idle.batch is None and idle.sent == 0  # nothing to do: no empty batch
        assert len(office.operator.sync.batches()) == batches


def test_only_operators_and_admins_push(office: Office) -> None:
    with pytest.raises(KotakSaranError) as err:
        office.petugas.sync.push(url="http://127.0.0.1:9")
    assert err.value.code == "permission_denied"


@pytest.mark.parametrize(("url", "code"), [
    ("http://192.0.2.10/api", "sync_plain_http"),
    ("ftp://example.org", "sync_url_invalid"),
    ("https://user:secret@example.org", "sync_url_invalid"),
    ("", "sync_url_missing"),
])
def test_unsafe_or_missing_addresses_are_refused_before_any_traffic(
        office: Office, url: str, code: str) -> None:
    with pytest.raises(SyncConfigError) as err:
        office.operator.sync.push(url=url or None)
    assert err.value.code == code
    assert office.operator.sync.status().batches == ()


def test_demo_data_goes_only_to_this_computer(office: Office) -> None:
    office.admin.config.set("mode.demo", True)
    with pytest.raises(SyncConfigError) as err:
        office.operator.sync.push(url="https://lapor.example.go.id")
    assert err.value.code == "sync_demo_upstream"


def test_what_leaves_the_office_follows_the_privacy_switches(office: Office, tmp_path: Path
                                                             ) -> None:
    uuids = seed_approved(office.store, 3, pages=0)  # typed slips: no page images
    body = "Saya Warga 1, NIK 2171010101900001, HP 081234567890, lampu jalan mati."
    with office.store.write() as s:
        for uuid, anonim, rahasia in ((uuids[0], True, False), (uuids[1], False, True)):
            s.execute(Submission.__table__.update().where(Submission.uuid == uuid)
                      .values(anonim=anonim, rahasia=rahasia, body=body,
                              reporter_nik="2171010101900001"))
    with receiver(tmp_path / "rcv") as r:
        assert office.operator.sync.push(url=r.url).sent == 3
    from kotaksaran.store.db import open_store

    rstore = open_store(tmp_path / "rcv", migrate=False)
    try:
        with rstore.read() as s:
            got = {x.uuid: x for x in s.scalars(select(Submission))}
            for x in got.values():
                s.expunge(x)
    finally:
        rstore.dispose()
    anon, secret, plain = got[uuids[0]], got[uuids[1]], got[uuids[2]]
    for masked in (anon, secret):
        assert "081234567890" not in masked.body and "2171010101900001" not in masked.body
    assert (anon.anonim, anon.reporter_name, anon.reporter_nik, anon.reporter_phone) == (
        True, None, None, None)
    assert secret.rahasia and secret.reporter_nik == "2171010101900001"
    assert plain.reporter_name == "Warga 2" and "seminggu" in plain.body
