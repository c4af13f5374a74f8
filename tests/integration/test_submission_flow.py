"""The life of a slip through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from kotaksaran.domain.enums import Status
from kotaksaran.domain.errors import (
    IllegalTransition,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from kotaksaran.services import ListQuery
from tests.conftest import Office, valid_slip


def test_draft_verify_approve_with_audit(office: Office) -> None:
    pet = office.petugas
    res = pet.submissions.create(valid_slip(title=""))
    assert res.created and res.submission.status == Status.DRAFT
    assert res.problems == {"title": ["required"]}
    assert res.submission.number == "KS-KLBS-2026-000001"
    with pytest.raises(ValidationFailed) as err:
        pet.submissions.verify(res.submission.id)
    assert err.value.fields == {"title": ["required"]}

    sub = pet.submissions.save_draft(res.submission.uuid, {"title": "Jalan rusak"}).submission
    assert sub.title == "Jalan rusak" and sub.revision == 2
    pet.submissions.verify(sub.number)
    done = office.supervisor.submissions.approve(sub.id)
    assert done.status == Status.APPROVED and done.reviewed_by == "user:supervisor1"

    trail = office.admin.submissions.get(sub.id, with_audit=True).audit
    actions = [e.action for e in trail]
    assert actions == ["create", "autosave", "status_verified", "status_approved"]
    title_change = trail[1].changes
    assert title_change == [{"field": "title", "old": "", "new": "Jalan rusak"}]
    assert trail[3].actor == "user:supervisor1"


def test_autosaves_coalesce_into_one_event(office: Office) -> None:
    pet = office.petugas
    sub = pet.submissions.create(valid_slip()).submission
    for text in ("Jalan", "Jalan ru", "Jalan rusak parah"):
        pet.submissions.save_draft(sub.id, {"title": text})
        office.clock.value += timedelta(seconds=3)
    events = office.admin.submissions.get(sub.id, with_audit=True).audit
    assert [e.action for e in events] == ["create", "autosave"]
    assert events[1].changes == [
        {"field": "title", "old": "Jalan berlubang di depan SD 003", "new": "Jalan rusak parah"}
    ]


def test_return_and_reject_need_reason(office: Office) -> None:
    a = office.petugas.submissions.create(valid_slip()).submission
    office.petugas.submissions.verify(a.id)
    sup = office.supervisor.submissions
    with pytest.raises(ValidationFailed):
        sup.return_(a.id, "  ")
    back = sup.return_(a.id, "Lokasi kurang jelas")
    assert back.status == Status.RETURNED and back.status_reason == "Lokasi kurang jelas"
    office.petugas.submissions.save_draft(a.id, {"location": "Jl. Sudirman No. 5"})
    office.petugas.submissions.verify(a.id)
    assert sup.reject(a.id, "Duplikat").status == Status.REJECTED
    with pytest.raises(IllegalTransition):
        sup.approve(a.id)


def test_permissions(office: Office) -> None:
    sub = office.petugas.submissions.create(valid_slip()).submission
    office.petugas.submissions.verify(sub.id)
    with pytest.raises(PermissionDenied):
        office.petugas.submissions.approve(sub.id)
    with pytest.raises(PermissionDenied):
        office.operator.submissions.create(valid_slip())
    # a supervisor cannot approve a slip they typed, unless the office allows it
    own = office.supervisor.submissions.create(valid_slip()).submission
    office.supervisor.submissions.verify(own.id)
    with pytest.raises(PermissionDenied) as err:
        office.supervisor.submissions.approve(own.id)
    assert err.value.params["action"] == "self_approval"
    office.admin.config.set("review.allow_self_approval", "ya")
    assert office.supervisor.submissions.approve(own.id).status == Status.APPROVED


def test_identity_of_anonymous_slip_hidden_from_other_petugas(office: Office) -> None:
    office.admin.users.add("petugas2", "Rina", office.petugas.actor.role, "rahasia123")
    sub = office.petugas.submissions.create(valid_slip(
        anonim=True, reporter_name="Siti Aminah", reporter_phone="0812-6655-1234",
        reporter_nik="2171 0123 4567 8901")).submission
    assert sub.reporter_phone == "+6281266551234"
    assert sub.reporter_nik == "2171012345678901"
    other = office.as_user("petugas2").submissions.get(sub.id)
    assert other.identity_visible is False and other.reporter_name is None
    assert office.supervisor.submissions.get(sub.id).reporter_name == "Siti Aminah"


def test_editing_verified_slip_reopens_it(office: Office) -> None:
    sub = office.petugas.submissions.create(valid_slip()).submission
    office.petugas.submissions.verify(sub.id)
    again = office.petugas.submissions.save_draft(sub.id, {"title": "Judul baru"}).submission
    assert again.status == Status.DRAFT


def test_bad_fields_are_kept_and_reported(office: Office) -> None:
    res = office.petugas.submissions.create(valid_slip(
        reporter_nik="21710123456789012345", event_date="2030-01-01"))
    assert res.problems["reporter_nik"] == ["nik_length"]
    assert res.problems["event_date"] == ["future_date"]
    kept = office.petugas.submissions.get(res.submission.id)
    assert kept.reporter_nik == "21710123456789012345"


def test_lookup_by_number_uuid_and_missing(office: Office) -> None:
    sub = office.petugas.submissions.create(valid_slip()).submission
    svc = office.admin.submissions
    assert svc.get(sub.number.lower()).id == sub.id
    assert svc.get(sub.uuid).id == sub.id
    with pytest.raises(NotFound):
        svc.get("KS-KLBS-2026-999999")


def test_list_filters_sort_and_search(office: Office) -> None:
    pet = office.petugas.submissions
    a = pet.create(valid_slip(title="Sampah menumpuk di pasar",
                              body="Sampah tidak diangkut seminggu")).submission
    office.clock.value += timedelta(days=1)
    b = pet.create(valid_slip(title="Lampu jalan mati", channel="loket")).submission
    pet.verify(b.id)
    listing = office.admin.listing
    rows = listing.page(ListQuery(), 0, 10)
    assert [r.id for r in rows] == [b.id, a.id]
    assert [r.id for r in listing.page(ListQuery(descending=False), 0, 10)] == [a.id, b.id]
    assert listing.count(ListQuery(statuses=(Status.VERIFIED,))) == 1
    assert [r.id for r in listing.page(ListQuery(channels=("loket",)), 0, 10)] == [b.id]
    assert [r.id for r in listing.page(ListQuery(search="sampah"), 0, 10)] == [a.id]
    assert [r.id for r in listing.page(ListQuery(search="diangk"), 0, 10)] == [a.id]
    assert listing.count(ListQuery(search="tidak ada kata ini")) == 0
    assert [r.id for r in listing.page(ListQuery(search=b.number), 0, 10)] == [b.id]


def test_box_session_close_compares_counts(office: Office) -> None:
    boxes = office.petugas.boxes
    bs = boxes.open_session(slips_found=3, witnesses=["Pak RT", "Bu Lurah"])
    for _ in range(2):
        office.petugas.submissions.create(valid_slip(box_session_id=bs.id))
    closed = boxes.close_session(bs.id)
    assert closed.slips_found == 3 and closed.slips_digitised == 2 and closed.differs
    with pytest.raises(ValidationFailed):
        office.petugas.submissions.create(valid_slip(box_session_id=bs.id))


def test_numbers_are_unique_and_sequential(office: Office) -> None:
    numbers = [office.petugas.submissions.create(valid_slip()).submission.number
               for _ in range(5)]
    assert numbers == [f"KS-KLBS-2026-{i:06d}" for i in range(1, 6)]
    office.admin.config.set("desk.code", "D2")
    assert office.petugas.submissions.create(valid_slip()).submission.number == \
        "KS-KLBS-D2-2026-000001"


def test_audit_trail_hides_identity_from_those_who_may_not_see_it(office: Office) -> None:
    office.admin.users.add("petugas2", "Rina", office.petugas.actor.role, "rahasia123")
    sub = office.petugas.submissions.create(valid_slip(
        rahasia=True, reporter_nik="2171012345678901", reporter_phone="081266551234")).submission
    other = office.as_user("petugas2").submissions.get(sub.id, with_audit=True)
    values = [(c["old"], c["new"]) for e in other.audit for c in e.changes
              if c["field"].startswith("reporter_")]
    assert values and all(v == (None, None) for v in values)
    own = office.supervisor.submissions.get(sub.id, with_audit=True)
    assert any(c["new"] == "2171012345678901" for e in own.audit for c in e.changes)


def test_badly_written_date_is_a_field_problem(office: Office) -> None:
    with pytest.raises(ValidationFailed) as err:
        office.petugas.submissions.create(valid_slip(event_date="1 Juni 2026"))
    assert err.value.fields == {"event_date": ["date_format"]}
