"""The migrations build exactly the schema the models describe, on both backends."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kotaksaran.store.models import Base
from tests.conftest import Office


def test_migrations_match_models(office: Office) -> None:
    with office.store.engine.connect() as c:
        diff = compare_metadata(MigrationContext.configure(c), Base.metadata)
    # The full-text table (SQLite) and expression index (PostgreSQL) live only in migrations.
    assert [d for d in diff if "fts" not in str(d)] == []
