"""Shared fixtures: an initialized office database on SQLite and, when configured, PostgreSQL.

Each backend's schema and seed data are built once per test run into a template; every test
gets a fresh copy (a file copy on SQLite, CREATE DATABASE ... TEMPLATE on PostgreSQL).
Set KOTAKSARAN_TEST_PG_URL (e.g. postgresql+psycopg://kstest@/kstest?host=/var/run/postgresql)
to run the PostgreSQL half; without it those tests are skipped with that reason.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from kotaksaran.domain.enums import Role
from kotaksaran.services import Actor, Services
from kotaksaran.services.setup import AdminInput, UnitInput, initialize
from kotaksaran.services.users import actor_for
from kotaksaran.store.db import DB_FILE, DataDir, Store, open_store

PG_URL = os.environ.get("KOTAKSARAN_TEST_PG_URL", "")
PASSWORD = "rahasia123"
ROLE_USERS = {
    Role.PETUGAS: ("petugas1", "Siti Petugas"),
    Role.SUPERVISOR: ("supervisor1", "Budi Supervisor"),
    Role.OPERATOR: ("operator1", "Andi Operator"),
}


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime | None = None) -> None:
        self.value = now or datetime(2026, 6, 10, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.value


def _populate(store: Store) -> None:
    admin = initialize(
        store,
        UnitInput(code="KLBS", name="Kelurahan Batu Selicin", unit_type="kelurahan",
                  address="Jl. Raja Ali Haji, Lubuk Baja, Batam", box_location="Lobi kantor"),
        AdminInput("admin", "Admin Kelurahan", PASSWORD),
    )
    svc = Services(store, admin)
    for role, (username, name) in ROLE_USERS.items():
        svc.users.add(username, name, role, PASSWORD)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template")
    store = open_store(root, create=True)
    _populate(store)
    store.dispose()
    return root / DB_FILE


def drop_database(admin_engine: sa.Engine, name: str) -> None:
    """Drop a test database. FORCE ends the test's own leftover connections, but the test
    role may not end an autovacuum worker that just started on the fresh database
    ("must be a member of the role whose process is being terminated"): such a worker is
    done within moments, so try again a few times."""
    for attempt in range(100):
        try:
            with admin_engine.connect() as c:
                c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except (sa.exc.ProgrammingError, sa.exc.OperationalError):
            if attempt == 99:
                raise
            time.sleep(0.1)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("PostgreSQL not configured: set KOTAKSARAN_TEST_PG_URL to run these")
    admin_engine = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"ks_tpl_{uuid.uuid4().hex[:10]}"
    with admin_engine.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    store = Store(DataDir(Path("/nonexistent-pg-template")), url)
    store.ensure_schema(allow_migrate=True)
    _populate(store)
    store.dispose()
    yield name
    drop_database(admin_engine, name)
    admin_engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def store(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    data = tmp_path / "data"
    if backend == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        DataDir(data).create()
        shutil.copy(template, data / DB_FILE)
        st = open_store(data)
        yield st
        st.dispose()
        return
    tpl: str = request.getfixturevalue("pg_template")
    admin_engine = sa.create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"ks_t_{uuid.uuid4().hex[:10]}"
    with admin_engine.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{tpl}"')
    url = sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    DataDir(data).create()
    st = open_store(data, url)
    yield st
    st.dispose()
    drop_database(admin_engine, name)
    admin_engine.dispose()


@dataclass
class Office:
    """An initialized office: a store, a clock and a Services object per role."""

    store: Store
    clock: FixedClock

    def as_user(self, username: str) -> Services:
        return Services(self.store, actor_for(self.store, username), self.clock)

    @property
    def admin(self) -> Services:
        return self.as_user("admin")

    @property
    def petugas(self) -> Services:
        return self.as_user("petugas1")

    @property
    def supervisor(self) -> Services:
        return self.as_user("supervisor1")

    @property
    def operator(self) -> Services:
        return self.as_user("operator1")

    @property
    def cli(self) -> Services:
        return Services(self.store, Actor.cli("tester"), self.clock)


@pytest.fixture
def office(store: Store) -> Office:
    return Office(store, FixedClock())


def valid_slip(**over: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "classification": "pengaduan",
        "title": "Jalan berlubang di depan SD 003",
        "body": "Jalan di depan SD Negeri 003 berlubang besar dan sering membuat motor jatuh.",
        "event_date": "2026-06-01",
        "location": "Jl. Raja Haji Fisabilillah RT 02/RW 05",
        "channel": "kotak_saran",
    }
    fields.update(over)
    return fields
