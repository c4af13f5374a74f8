"""The file bundle between two data dirs: an office exports, the city desk imports, checks
and refuses bad bundles whole, statuses come back the same way."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kotaksaran import i18n
from kotaksaran.domain.enums import Status
from kotaksaran.services.bundles import BundleService
from kotaksaran.store.models import OutboxItem, Page, ReceivedItem, Submission, SyncBatch
from kotaksaran.sync.adapters.base import StatusChange
from kotaksaran.sync.bundle_errors import (
    BundleEmpty,
    BundleNoStatuses,
    BundleNotForUs,
    BundleTampered,
    BundleTargetMissing,
    BundleUnknownKey,
    BundleUnreadable,
    KeyMissing,
)
from kotaksaran.sync.keys import UnitKeys
from tests.conftest import Office
from tests.sync_extras import approved_slips, city_services, second_installation


@pytest.fixture
def city(sqlite_template, tmp_path):
    store = second_installation(sqlite_template, tmp_path / "city", "KOTA",
                                "Diskominfo Kota Batam")
    yield store
    store.dispose()


def _bundles(svc):
    return BundleService(svc.store, svc.actor, svc.clock)


def _pair(office: Office, city_store):
    office_b = _bundles(office.admin)
    city_b = _bundles(city_services(city_store))
    office_key = office_b.generate_key()
    city_key = city_b.generate_key()
    city_b.trust_key(office_key.to_text())
    office_b.trust_key(city_key.to_text(), "Diskominfo")
    return office_b, city_b


def _received(city_store) -> int:
    with city_store.read() as s:
        return int(s.scalar(select(func.count()).select_from(ReceivedItem)))


def test_round_trip_between_two_data_dirs(office: Office, city, tmp_path):
    office_b, city_b = _pair(office, city)
    uuids = approved_slips(office, 3, tmp_path / "scans", pages=2)
    anon = approved_slips(office, 1, tmp_path / "scans2", pages=0, anonim=True,
                          reporter_name="Rudi Hartono",
                          reporter_phone="081234567890")[0]
    operator = _bundles(office.operator)
    report = operator.export_submissions(tmp_path / "usb")
    assert report.items == 4 and report.files == 2
    path = tmp_path / "usb" / report.path.split("/")[-1]
    assert path.exists() and path.suffix == ".ksb"
    with office.store.read() as s:
        states = dict(s.execute(select(Submission.uuid, Submission.status)).all())
        items = list(s.scalars(select(OutboxItem)))
        batch = s.scalars(select(SyncBatch)).one()
    assert {states[u] for u in [*uuids, anon]} == {Status.SENT.value}
    assert {i.state for i in items} == {"done"} and {i.adapter for i in items} == {"bundle"}
    assert {i.upstream_ref for i in items} == {report.bundle_id}
    assert batch.kind == "bundle_export"
    # The identity of the anonymous slip does not travel.
    assert b"Rudi" not in zipfile.ZipFile(path).read("manifest.json")
    with pytest.raises(BundleEmpty):  # nothing left to export
        operator.export_submissions(tmp_path / "usb")

    got = city_b.import_bundle(path)
    assert (got.created, got.updated, got.repeated, got.refused) == (4, 0, 0, ())
    assert got.sender == "KLBS"
    with city.read() as s:
        subs = {x.uuid: x for x in s.scalars(select(Submission))}
        pages = list(s.scalars(select(Page)))
    assert set(subs) == {*uuids, anon}
    assert {x.status for x in subs.values()} == {Status.APPROVED.value}  # ready to push on
    assert subs[anon].reporter_name is None and subs[anon].anonim
    assert len(pages) == 2
    for page in pages:  # attachments intact
        data = city.blobs.read(page.blob_sha256)
        assert hashlib.sha256(data).hexdigest() == page.blob_sha256
    # The same bundle again: a repeat, nothing doubled.
    again = city_b.import_bundle(path)
    assert (again.created, again.repeated) == (0, 4)
    assert _received(city) == 4

    # Upstream (as the city desk's status pull records it) registers and closes.
    city_sync = city_services(city).sync
    city_sync.apply_changes([
        StatusChange(uuids[0], tracking_id="1916449", status="Terdisposisi ke Dinas PU"),
        StatusChange(uuids[1], tracking_id="1916450", status="Belum diverifikasi"),
    ], source="exchange")
    city_sync.apply_changes([StatusChange(uuids[1], status="Selesai")], source="exchange")
    back = city_b.export_statuses(tmp_path / "usb-back", "klbs")
    assert back.statuses == 5  # each history row: 2 tracking ids, 3 status texts
    with pytest.raises(BundleNoStatuses):
        city_b.export_statuses(tmp_path / "usb-back", "KLBS")

    res = office_b.import_bundle(back.path)
    assert res.kind == "statuses" and res.unknown == 0
    with office.store.read() as s:
        by_uuid = {x.uuid: x for x in s.scalars(select(Submission))}
    assert by_uuid[uuids[0]].status == Status.REGISTERED.value
    assert by_uuid[uuids[0]].tracking_id == "1916449"
    assert by_uuid[uuids[0]].upstream_status == "Terdisposisi ke Dinas PU"
    assert by_uuid[uuids[1]].status == Status.CLOSED.value
    assert by_uuid[uuids[2]].status == Status.SENT.value
    history = office.operator.sync.history(uuids[1])
    assert [h.code for h in history][-1] == "selesai"
    # Every status again, on request, is harmless.
    full = city_b.export_statuses(tmp_path / "usb-back2", "KLBS", everything=True)
    assert office_b.import_bundle(full.path).registered == 0


def _status_counts(store):
    with store.read() as s:
        return dict(s.execute(select(Submission.status, func.count())
                              .group_by(Submission.status)).all())


def test_bad_bundles_import_nothing(office: Office, city, tmp_path):
    _office_b, city_b = _pair(office, city)
    approved_slips(office, 3, tmp_path / "scans", pages=3)
    good = _bundles(office.operator).export_submissions(tmp_path / "usb")
    data = (tmp_path / "usb").glob("*.ksb").__next__().read_bytes()
    before = _status_counts(city)

    # One byte of one page image changed.
    tampered = tmp_path / "tampered.ksb"
    with zipfile.ZipFile(good.path) as zin, zipfile.ZipFile(tampered, "w") as zout:
        names = zin.namelist()
        victim = [n for n in names if n.startswith("files/")][-1]
        for n in names:
            d = zin.read(n)
            zout.writestr(n, d[:-10] + bytes([d[-10] ^ 0x40]) + d[-9:] if n == victim else d)
    with pytest.raises(BundleTampered) as err:
        city_b.import_bundle(tampered)
    assert "tampered.ksb" in str(err.value.params)

    truncated = tmp_path / "cut.ksb"
    truncated.write_bytes(data[: len(data) * 2 // 3])
    with pytest.raises(BundleUnreadable):
        city_b.import_bundle(truncated)

    stranger = UnitKeys(tmp_path / "stranger")
    stranger.generate("KLBS")
    from kotaksaran.sync import bundle as B

    v = B.read_bundle(good.path, city_b.keys)
    entries = [B.OutgoingEntry(i.submission_uuid, i.revision, i.number, i.payload,
                               [(f, v.file_bytes(f)) for f in i.files]) for i in v.items]
    foreign = B.write_bundle(tmp_path / "foreign.ksb", keys=stranger, kind="submissions",
                             created_at=office.clock(), items=entries)
    with pytest.raises(BundleUnknownKey) as err:
        city_b.import_bundle(foreign.path)
    message = i18n.error_message(err.value)
    assert "KLBS" in message and stranger.own_public().fingerprint in message

    assert _received(city) == 0 and _status_counts(city) == before
    assert not list(city.blobs.all_shas())  # not even a page image was stored
    # The good one still goes in.
    assert city_b.import_bundle(good.path).created == 3


def test_status_bundle_for_another_unit_is_refused(office: Office, city, tmp_path):
    office_b, city_b = _pair(office, city)
    uuid = approved_slips(office, 1, tmp_path, pages=0)[0]
    city_b.import_bundle(_bundles(office.operator).export_submissions(tmp_path / "u").path)
    city_services(city).sync.apply_changes([StatusChange(uuid, tracking_id="7")],
                                          source="exchange")
    from kotaksaran.sync import bundle as B

    entries = [B.StatusEntry(uuid, "7", None, None)]
    wrong = B.write_bundle(tmp_path / "w.ksb", keys=city_b.keys, kind="statuses",
                           created_at=office.clock(), statuses=entries, recipient="KEL99")
    with pytest.raises(BundleNotForUs):
        office_b.import_bundle(wrong.path)
    with office.store.read() as s:
        assert s.scalars(select(Submission.tracking_id)).one() is None


def test_export_needs_a_key_and_leaves_slips_waiting_on_failure(office: Office, tmp_path):
    approved_slips(office, 2, tmp_path, pages=0)
    operator = _bundles(office.operator)
    with pytest.raises(KeyMissing):
        operator.export_submissions(tmp_path)
    with office.store.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncBatch)) == 0
        assert {x for x in s.scalars(select(Submission.status))} == {"approved"}
    _bundles(office.admin).generate_key()
    target = tmp_path / "not-a-folder" / "deep" / "x.ksb"  # the folder does not exist
    with pytest.raises(BundleTargetMissing) as err:  # a USB stick pulled out
        operator.export_submissions(target)
    assert "not-a-folder" in i18n.error_message(err.value)
    with office.store.read() as s:
        items = list(s.scalars(select(OutboxItem)))
    assert items and {i.state for i in items} == {"pending"}
    office.clock.value += timedelta(minutes=1)
    report = operator.export_submissions(tmp_path)
    assert report.items == 2
