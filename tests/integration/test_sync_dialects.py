"""The Open311 and LAPOR! XML adapters against the reference receiver, run as its own process
(`kotaksaran receiver`), in each of its tracking modes."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import select

from kotaksaran.domain.enums import Status
from kotaksaran.services import Actor, Services
from kotaksaran.store.db import open_store
from kotaksaran.store.models import Category, OutboxItem, Page, ReceivedItem, Submission
from kotaksaran.sync.adapters.base import StatusChange
from kotaksaran.sync.errors import describe
from kotaksaran.sync.lapor_xml_format import resources_dir
from tests.conftest import Office
from tests.sync_extras import approved_slips, receiver_cli, receiver_process, use_upstream

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)

DIALECTS = {"open311": "/open311/v2", "lapor_xml": "/lapor"}


def _office_state(office: Office):
    with office.store.read() as s:
        subs = {x.uuid: x for x in s.scalars(select(Submission))}
        items = list(s.scalars(select(OutboxItem).order_by(OutboxItem.id)))
    return subs, items


def _receiver_rows(rdir):
    store = open_store(rdir)
    try:
        with store.read() as s:
            rows = s.execute(select(ReceivedItem, Submission).join(
                Submission, Submission.id == ReceivedItem.submission_id)).all()
            pages = {sub.uuid: [store.blobs.read(p.blob_sha256) for p in s.scalars(
                select(Page).where(Page.submission_id == sub.id).order_by(Page.position))]
                for _r, sub in rows}
            return [(r.dialect, r.token, r.stores, r.repeats, sub) for r, sub in rows], pages
    finally:
        store.dispose()


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_immediate_registration_with_pages(office: Office, tmp_path, dialect):
    uuids = approved_slips(office, 3, tmp_path / "scans", pages=1,
                           reporter_name="Siti Nur Aisyah", reporter_email="siti@example.id")
    rdir = tmp_path / "receiver"
    with receiver_process(rdir) as url:
        use_upstream(office, dialect, url + DIALECTS[dialect])
        report = office.operator.sync.push()
    assert (report.sent, report.failed, report.quarantined) == (3, 0, 0)
    subs, items = _office_state(office)
    assert {subs[u].status for u in uuids} == {Status.REGISTERED.value}
    assert all(subs[u].tracking_id and subs[u].tracking_id.isdigit() for u in uuids)
    assert {i.adapter for i in items} == {dialect}
    rows, pages = _receiver_rows(rdir)
    assert sorted(sub.uuid for *_x, sub in rows) == sorted(uuids)
    assert {d for d, *_x in rows} == {dialect}
    by_uuid = {sub.uuid: sub for *_x, sub in rows}
    first = by_uuid[uuids[0]]
    assert first.title == "Laporan nomor 1" and first.reporter_name == "Siti Nur Aisyah"
    assert first.tracking_id == subs[uuids[0]].tracking_id
    # The page image arrived byte for byte, as the outbox prepared it (compressed).
    got = [hashlib.sha256(d).hexdigest() for d in pages[uuids[0]]]
    item = next(i for i in items if i.submission_uuid == uuids[0])
    prepared = office.operator.sync.outgoing(item.id, adapter=dialect).attachments
    assert got == [a.sha256 for a in prepared] and len(got) == 1
    assert pages[uuids[1]] == []


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_a_repeat_is_a_repeat(office: Office, tmp_path, dialect):
    """The same record sent again (a reply lost on the way) gets the same tracking id."""
    from kotaksaran.sync.adapters import create_adapter

    approved_slips(office, 1, tmp_path, pages=1)
    rdir = tmp_path / "receiver"
    with receiver_process(rdir) as url:
        use_upstream(office, dialect, url + DIALECTS[dialect])
        office.operator.sync.push()
        _subs, items = _office_state(office)
        code, config = office.operator.sync.adapter_config()
        adapter = create_adapter(code, config)
        try:
            again = adapter.send(office.operator.sync.outgoing(items[0].id, adapter=dialect),
                                 lambda _state: None)
        finally:
            adapter.close()
    assert again.ok and again.tracking_id == items[0].tracking_id
    rows, _pages = _receiver_rows(rdir)
    assert [(stores, repeats) for _d, _t, stores, repeats, _s in rows] == [(1, 1)]


def test_open311_batch_server_answers_a_token_first(office: Office, tmp_path):
    uuids = approved_slips(office, 2, tmp_path, pages=1)
    rdir = tmp_path / "receiver"
    with receiver_process(rdir, tracking="deferred") as url:
        use_upstream(office, "open311", url + "/open311/v2")
        report = office.operator.sync.push()
    # POST answered [{"token"}]; GET tokens/<token>.json then gave the request id.
    assert report.registered == 2
    subs, items = _office_state(office)
    rows, _pages = _receiver_rows(rdir)
    tokens = {sub.uuid: token for _d, token, _st, _rp, sub in rows}
    assert all(tokens[u] for u in uuids)
    assert {i.upstream_ref for i in items} == set(tokens.values())
    assert {subs[u].status for u in uuids} == {Status.REGISTERED.value}


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_id_later_then_status_pulls(office: Office, tmp_path, dialect):
    """A relay answers without an id; ids and statuses come with later pulls."""
    uuids = approved_slips(office, 2, tmp_path, pages=0)
    rdir = tmp_path / "receiver"
    with receiver_process(rdir, tracking="relay") as url:
        use_upstream(office, dialect, url + DIALECTS[dialect])
        report = office.operator.sync.push()
        assert (report.sent, report.registered) == (2, 0)
        subs, items = _office_state(office)
        assert {subs[u].status for u in uuids} == {Status.SENT.value}
        assert all(i.upstream_ref for i in items)
        assert office.operator.sync.pull().registered == 0  # nothing upstream yet

        # Further upstream, the relay's own status pull brings tracking ids back.
        rstore = open_store(rdir)
        try:
            Services(rstore, Actor.cli("kota")).sync.apply_changes([
                StatusChange(uuids[0], tracking_id="3000001", status="Terdisposisi"),
                StatusChange(uuids[1], tracking_id="3000002")], source="exchange")
        finally:
            rstore.dispose()
        pulled = office.operator.sync.pull()
        assert pulled.registered == 2
        receiver_cli("receiver", "set-status", "--data-dir", str(rdir), "3000001", "Selesai")
        pulled = office.operator.sync.pull()
        assert pulled.closed == 1
    subs, _items = _office_state(office)
    assert subs[uuids[0]].status == Status.CLOSED.value
    assert subs[uuids[0]].upstream_status == "Selesai"
    assert subs[uuids[1]].status == Status.REGISTERED.value
    assert subs[uuids[1]].tracking_id == "3000002"
    codes = [h.code for h in office.operator.sync.history(uuids[0])]
    assert codes[0] == "registered" and codes[-1] == "selesai"


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_refusal_quarantines_with_a_sentence_for_the_operator(office: Office, tmp_path,
                                                               dialect):
    """The receiver does not know the category as sent: that slip is quarantined and goes
    back to the petugas with a sentence; the other one goes through."""
    with office.store.read() as s:
        category = s.scalars(select(Category).where(Category.code == "jalan-berlubang")).one()
    bad, good = approved_slips(office, 2, tmp_path, pages=0, category_id=category.id)
    # Break the mapping for that category only: a custom mapping file in the data dir.
    custom = office.store.data_dir.root / "sync"
    custom.mkdir()
    name = "open311.toml" if dialect == "open311" else "lapor_xml.toml"
    text = (resources_dir() / name).read_text()
    if dialect == "open311":
        text = text.replace('jalan-berlubang = "jalan"', 'jalan-berlubang = "jalan-rusak"')
    else:
        text = text.replace('to = "laporan/kategori"\nfrom = "category.code"',
                            'to = "laporan/kategori"\nfrom = "category.name"')
    (custom / name).write_text(text)
    with office.store.write() as s:  # the second slip has no category
        s.scalars(select(Submission).where(Submission.uuid == good)).one().category_id = None
    rdir = tmp_path / "receiver"
    with receiver_process(rdir) as url:
        use_upstream(office, dialect, url + DIALECTS[dialect])
        report = office.operator.sync.push()
    assert (report.sent, report.quarantined) == (1, 1)
    subs, items = _office_state(office)
    assert subs[good].status == Status.REGISTERED.value
    assert subs[bad].status == Status.RETURNED.value
    quarantined = next(i for i in items if i.state == "quarantined")
    assert (quarantined.last_error, quarantined.last_field) == ("unknown_value", "category_id")
    view = office.operator.sync.items(states=["quarantined"])[0]
    # The operator's sentence (Bahasa Indonesia through sync.po), never raw HTTP text.
    assert view.problem == describe("unknown_value", "category_id")
    assert "kategori" in view.problem.lower()
    assert subs[bad].status_reason == view.problem
    assert "HTTP" not in view.problem and "<" not in view.problem


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_unit_token_is_required_once_units_exist(office: Office, tmp_path, dialect):
    approved_slips(office, 1, tmp_path, pages=0)
    rdir = tmp_path / "receiver"
    receiver_cli("receiver", "add-unit", "--data-dir", str(rdir), "KLBS", "--json")
    token = json.loads(receiver_cli("receiver", "add-unit", "--data-dir", str(rdir), "KLBS",
                                    "--json"))["token"]
    with receiver_process(rdir) as url:
        use_upstream(office, dialect, url + DIALECTS[dialect], token="not-the-token")
        first = office.operator.sync.push()
        assert (first.sent, first.failed) == (0, 1)
        view = office.operator.sync.items()[0]
        assert view.state == "retrying" and view.problem_code == "auth_failed"
        assert "token" in view.problem.lower()
        use_upstream(office, dialect, url + DIALECTS[dialect], token=token)
        second = office.operator.sync.push()
    assert second.sent == 1
    rows, _pages = _receiver_rows(rdir)
    assert [sub.created_by for *_x, sub in rows] == ["receiver:KLBS"]


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
def test_through_injected_faults_every_record_arrives_once(office: Office, tmp_path, dialect):
    uuids = approved_slips(office, 12, tmp_path, pages=3)
    rdir = tmp_path / "receiver"
    with receiver_process(rdir, faults=0.3, seed=11) as url:
        use_upstream(office, dialect, url + DIALECTS[dialect])
        for _round in range(40):  # bounded: each push sends what is still open
            office.operator.sync.push()
            if office.operator.sync.open_count() == 0:
                break
    assert office.operator.sync.open_count() == 0
    subs, _items = _office_state(office)
    assert {subs[u].status for u in uuids} == {Status.REGISTERED.value}
    rows, pages = _receiver_rows(rdir)
    assert sorted(sub.uuid for *_x, sub in rows) == sorted(uuids)
    assert {stores for _d, _t, stores, _r, _s in rows} == {1}
    for u in uuids[:3]:
        assert len(pages[u]) == 1
