"""Migration 0004 on a database that already holds slips and pages: nothing is lost (the
columns are added in place, no table is copied), the OCR text is searchable, and it goes down
and up again, on both backends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from kotaksaran.services.listing import ListQuery
from kotaksaran.store.db import alembic_config
from kotaksaran.store.models import Page, Submission
from tests.conftest import Office, valid_slip


def _migrate(office: Office, target: str, down: bool = False) -> None:
    with office.store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, target)


def test_upgrade_keeps_pages_and_searches_ocr_text(office: Office) -> None:
    sub = office.petugas.submissions.create(valid_slip(title="Jalan rusak")).submission
    _migrate(office, "0003", down=True)
    with office.store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO pages (submission_id, position, blob_sha256, original_sha256, "
            "source_name, width, height, dpi, created_at, flags, rotation, skew, source_page, "
            "cleanup) VALUES (:s, 1, :b, NULL, 'lama.jpg', 10, 20, 300, :t, '{}', 0, 0, 0, "
            "'{}')"), {"s": sub.id, "b": "ab" * 32, "t": office.clock()})
    _migrate(office, "head")
    assert office.store.schema_state() == "current"
    with office.store.write() as s:
        page = s.scalars(select(Page)).one()
        assert (page.ocr_state, page.ocr_words, page.ocr_conf, page.redactions) == (
            "pending", None, None, [])
        row = s.get(Submission, sub.id)
        assert row is not None and (row.ocr_text, row.flags) == ("", {})
        row.ocr_text = "Selokan tersumbat lumpur di gang mawar"
    found = office.petugas.listing.page(ListQuery(search="selokan lumpur"), 0, 10)
    assert [v.id for v in found] == [sub.id]
    # Down to 0003 and up again: the pages stay, the index is rebuilt with the OCR text.
    _migrate(office, "0003", down=True)
    _migrate(office, "head")
    with office.store.read() as s:
        assert len(s.scalars(select(Page)).all()) == 1
    assert office.petugas.listing.count(ListQuery(search="selokan")) == 0  # text was dropped
    assert office.petugas.listing.count(ListQuery(search="jalan rusak")) == 1
