"""Page operations: move, rotate, delete/restore, split, merge and their undo, on both backends."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import select

from kotaksaran import i18n
from kotaksaran.domain.errors import KotakSaranError, NotFound, PermissionDenied
from kotaksaran.store.models import AuditEvent, Page, Submission
from tests.conftest import Office
from tests.intake_files import text_page


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


@pytest.fixture
def fast(office: Office) -> Office:
    for key in ("cardinal_rotation", "deskew", "perspective", "border_crop"):
        office.admin.config.set(f"cleanup.{key}", False)
    return office


def slip(office: Office, n: int, seed: int = 0) -> int:
    """A scanned slip of `n` pages (small, different pages)."""
    images = [text_page(seed * 10 + i, size=(300, 420), lines=4) for i in range(n)]
    return office.petugas.intake.import_images(images, f"scan-{seed}").submission_id


def ids(office: Office, sub: int | str) -> list[int]:
    return [p.id for p in office.petugas.intake.pages(sub)]


def test_move_and_move_back(fast: Office) -> None:
    sub = slip(fast, 4)
    a, b, c, d = ids(fast, sub)
    pages = fast.petugas.pages
    moved = pages.move(d, 1)
    assert (moved.old_position, moved.new_position) == (4, 1)
    assert ids(fast, sub) == [d, a, b, c]
    pages.move(d, moved.old_position)  # undo
    assert ids(fast, sub) == [a, b, c, d]
    pages.move(a, 99)  # past the end: last
    assert ids(fast, sub) == [b, c, d, a]


def test_move_skips_deleted_pages(fast: Office) -> None:
    sub = slip(fast, 3)
    a, b, c = ids(fast, sub)
    fast.petugas.pages.delete(a)
    assert fast.petugas.pages.move(c, 1).old_position == 2
    assert ids(fast, sub) == [c, b]
    fast.petugas.pages.restore(a)
    assert a in ids(fast, sub)


def test_rotate_makes_a_new_blob_and_keeps_the_old(fast: Office) -> None:
    sub = slip(fast, 1)
    (view,) = fast.petugas.intake.pages(sub)
    blobs = fast.store.blobs
    r = fast.petugas.pages.rotate(view.id, 1)
    assert r.previous_blob_sha256 == view.blob_sha256 and r.blob_sha256 != view.blob_sha256
    assert blobs.exists(view.blob_sha256) and blobs.exists(r.blob_sha256)
    assert (r.width, r.height) == (view.height, view.width)
    (after,) = fast.petugas.intake.pages(sub)
    assert after.blob_sha256 == r.blob_sha256
    assert after.rotation == (view.rotation + 90) % 360
    assert after.original_sha256 == view.original_sha256
    # The pixel that was top-left is now top-right (a clockwise quarter turn).
    with Image.open(io.BytesIO(blobs.read(view.blob_sha256))) as a, \
            Image.open(io.BytesIO(blobs.read(r.blob_sha256))) as b:
        assert a.transpose(Image.Transpose.ROTATE_270).tobytes() == b.convert(a.mode).tobytes() \
            or a.format == "JPEG"
    undo = fast.petugas.pages.rotate(view.id, -1)
    assert undo.blob_sha256 == view.blob_sha256  # the same image again, not a re-encoding
    (back,) = fast.petugas.intake.pages(sub)
    assert (back.width, back.height, back.rotation) == (view.width, view.height, view.rotation)
    fast.petugas.pages.rotate(view.id, 2)
    fast.petugas.pages.rotate(view.id, 2)
    (again,) = fast.petugas.intake.pages(sub)
    assert again.blob_sha256 == view.blob_sha256


def test_delete_is_soft_and_restorable(fast: Office) -> None:
    sub = slip(fast, 2)
    a, b = ids(fast, sub)
    res = fast.petugas.pages.delete(a)
    assert res.deleted and ids(fast, sub) == [b]
    with fast.store.read() as s:
        row = s.get(Page, a)
        assert row is not None and row.deleted_at is not None
    fast.petugas.pages.restore(a)
    assert ids(fast, sub) == [a, b]


def test_split_and_merge_back(fast: Office) -> None:
    sub = slip(fast, 4)
    a, b, c, d = ids(fast, sub)
    before = fast.petugas.submissions.get(sub)
    res = fast.petugas.pages.split(sub, c)
    assert res.page_ids == (c, d)
    assert ids(fast, sub) == [a, b]
    assert ids(fast, res.new_number) == [c, d]
    new = fast.petugas.submissions.get(res.new_id)
    assert new.status.value == "draft" and new.box_session_id == before.box_session_id
    assert new.number != before.number
    # undo: merge the untouched new draft back; it disappears
    merged = fast.petugas.pages.merge(res.new_id, sub)
    assert merged.source_deleted
    assert ids(fast, sub) == [a, b, c, d]
    with pytest.raises(NotFound):
        fast.petugas.submissions.get(res.new_id)


def test_split_at_the_first_page_is_refused(fast: Office) -> None:
    sub = slip(fast, 2)
    a, _b = ids(fast, sub)
    with pytest.raises(KotakSaranError):
        fast.petugas.pages.split(sub, a)


def test_merge_a_typed_slip_rejects_it_and_unmerge_restores(fast: Office) -> None:
    first = slip(fast, 1, seed=1)
    second = slip(fast, 2, seed=2)
    fast.petugas.submissions.save_draft(second, {"title": "Lampu jalan mati"})
    into = fast.petugas.submissions.get(first).number
    second_pages = ids(fast, second)
    merged = fast.petugas.pages.merge(second, first)
    assert not merged.source_deleted
    src = fast.petugas.submissions.get(second)
    assert src.status.value == "rejected" and src.status_reason == f"digabung ke {into}"
    assert ids(fast, first)[1:] == second_pages
    back = fast.petugas.pages.unmerge(merged)
    assert back.new_id == second
    assert ids(fast, second) == second_pages and len(ids(fast, first)) == 1
    assert fast.petugas.submissions.get(second).status.value == "draft"


def test_unmerge_brings_a_deleted_draft_back_with_its_number(fast: Office) -> None:
    first = slip(fast, 1, seed=3)
    second = slip(fast, 1, seed=4)
    number = fast.petugas.submissions.get(second).number
    merged = fast.petugas.pages.merge(second, first)
    assert merged.source_deleted
    back = fast.petugas.pages.unmerge(merged)
    assert back.new_number == number
    assert len(ids(fast, number)) == 1 and len(ids(fast, first)) == 1


def test_every_operation_is_audited(fast: Office) -> None:
    sub = slip(fast, 3)
    a, b, c = ids(fast, sub)
    p = fast.petugas.pages
    p.move(c, 1)
    p.rotate(a, 1)
    p.delete(b)
    p.restore(b)
    p.split(sub, b)
    with fast.store.read() as s:
        uuid = s.get(Submission, sub).uuid  # type: ignore[union-attr]
        actions = list(s.scalars(select(AuditEvent.action).where(
            AuditEvent.entity_id == uuid).order_by(AuditEvent.id)))
    for a_ in ("page_move", "page_rotate", "page_delete", "page_restore", "page_split"):
        assert a_ in actions


def test_pages_of_an_approved_slip_are_locked(fast: Office) -> None:
    sub = slip(fast, 2)
    a, _b = ids(fast, sub)
    with fast.store.write() as s:
        row = s.get(Submission, sub)
        assert row is not None
        row.status = "approved"
    for op in (lambda: fast.petugas.pages.move(a, 2), lambda: fast.petugas.pages.rotate(a, 1),
               lambda: fast.petugas.pages.delete(a), lambda: fast.petugas.pages.split(sub, a)):
        with pytest.raises(KotakSaranError) as info:
            op()
        assert info.value.code == "not_editable"


def test_changing_pages_of_a_verified_slip_sends_it_back_to_draft(fast: Office) -> None:
    sub = slip(fast, 2)
    a, _b = ids(fast, sub)
    with fast.store.write() as s:
        row = s.get(Submission, sub)
        assert row is not None
        row.status = "verified"
    fast.petugas.pages.rotate(a, 1)
    view = fast.petugas.submissions.get(sub, with_audit=True)
    assert view.status == "draft"
    assert any(e.action == "status_draft" and e.note == "pages changed after verification"
               for e in view.audit)


def test_operator_may_not_edit_pages(fast: Office) -> None:
    sub = slip(fast, 1)
    (a,) = ids(fast, sub)
    with pytest.raises(PermissionDenied):
        fast.operator.pages.delete(a)


def test_session_slips_groups_pages(fast: Office) -> None:
    a = slip(fast, 2, seed=5)
    b = slip(fast, 1, seed=6)
    session = fast.petugas.submissions.get(a).box_session_id
    assert session is not None
    groups = fast.petugas.pages.session_slips(session)
    assert [(g.id, len(g.pages), g.editable) for g in groups] == [(a, 2, True), (b, 1, True)]
    fast.petugas.pages.delete(groups[0].pages[0].id)
    assert len(fast.petugas.pages.session_slips(session)[0].pages) == 1
