"""Migration 0003 on a database that already holds pages: defaults fill the new columns, and
it goes down and up again, on both backends."""

from __future__ import annotations

from alembic import command
from sqlalchemy import select, text

from kotaksaran.store.db import alembic_config
from kotaksaran.store.models import Page
from tests.conftest import Office, valid_slip


def _migrate(office: Office, target: str, down: bool = False) -> None:
    with office.store.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, target)


def test_upgrade_with_existing_pages(office: Office) -> None:
    sub = office.petugas.submissions.create(valid_slip()).submission
    _migrate(office, "0002", down=True)
    with office.store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO pages (submission_id, position, blob_sha256, original_sha256, "
            "source_name, width, height, dpi, created_at) VALUES (:s, 1, :b, NULL, 'lama.jpg', "
            "10, 20, 300, :t)"), {"s": sub.id, "b": "ab" * 32, "t": office.clock()})
    _migrate(office, "head")
    assert office.store.schema_state() == "current"
    with office.store.read() as s:
        page = s.scalars(select(Page)).one()
        assert (page.phash, page.flags, page.rotation, page.skew, page.source_page,
                page.cleanup, page.deleted_at) == (None, {}, 0, 0.0, 0, {}, None)
    (view,) = office.petugas.intake.pages(sub.number)
    assert view.source_name == "lama.jpg" and view.flags == {}
