"""Opening databases: migrations, schema versions, bad data dirs, locks, login lockout."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from kotaksaran.domain import errors as E
from kotaksaran.services import users
from kotaksaran.store.db import DB_FILE, DataDir, Store, head_revision, open_store
from kotaksaran.store.lock import InstanceLock
from tests.conftest import PASSWORD, Office, valid_slip


def _sqlite(office: Office) -> Path:
    if not office.store.is_sqlite:
        pytest.skip("SQLite-only behaviour")
    return office.store.data_dir.root


def test_sqlite_is_wal_with_foreign_keys(office: Office) -> None:
    _sqlite(office)
    with office.store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_missing_data_dir_is_refused_and_not_created(tmp_path: Path) -> None:
    gone = tmp_path / "usb-drive" / "kotaksaran"
    with pytest.raises(E.DataDirMissing):
        open_store(gone)
    assert not gone.exists()


def test_data_dir_vanishing_while_open_refuses_writes(office: Office) -> None:
    root = _sqlite(office)
    office.petugas.submissions.create(valid_slip())
    moved = root.with_name("unplugged")
    root.rename(moved)  # the USB drive is pulled out
    try:
        with pytest.raises(E.DataDirMissing):
            office.petugas.submissions.create(valid_slip())
    finally:
        moved.rename(root)
    # plugged back in: the earlier slip is there and work goes on
    assert office.petugas.submissions.create(valid_slip()).submission.number.endswith("02")


def test_newer_schema_is_refused_without_damage(office: Office) -> None:
    root = _sqlite(office)
    office.petugas.submissions.create(valid_slip())
    office.store.dispose()
    db = root / DB_FILE
    with sqlite3.connect(db) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = db.read_bytes()
    with pytest.raises(E.SchemaTooNew):
        open_store(root)
    assert db.read_bytes() == before


NEXT_REVISION = """
from alembic import op
import sqlalchemy as sa

revision = "9001_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("units") as b:
        b.add_column(sa.Column("motto", sa.String(50), nullable=True))


def downgrade():
    pass
"""


@pytest.fixture
def newer_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend to be the next release: the same scripts plus one more revision."""
    from kotaksaran.store import db as db_mod

    scripts = tmp_path / "migrations"
    shutil.copytree(db_mod.MIGRATIONS, scripts)
    (scripts / "versions" / "9001_test.py").write_text(
        NEXT_REVISION.format(head=head_revision()))
    monkeypatch.setattr(db_mod, "MIGRATIONS", scripts)


def test_older_sqlite_schema_is_copied_then_migrated(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    root = tmp_path / "d"
    st = open_store(root, create=True)
    st.dispose()
    request.getfixturevalue("newer_release")
    assert Store(DataDir(root)).schema_state() == "behind"
    st = open_store(root)
    assert st.current_revision() == "9001_test"
    with st.engine.connect() as c:
        cols = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(units)")]
    assert "motto" in cols
    copies = list((root / "backups").glob("kotaksaran-pre-upgrade-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone()[0] != "9001_test"
    st.dispose()


def test_tables_without_version_are_refused(tmp_path: Path) -> None:
    root = tmp_path / "d"
    open_store(root, create=True).dispose()
    with sqlite3.connect(root / DB_FILE) as c:
        c.execute("DROP TABLE alembic_version")
    with pytest.raises(E.DatabaseCorrupt):
        open_store(root)


def test_postgres_outdated_schema_needs_db_upgrade(
    office: Office, request: pytest.FixtureRequest
) -> None:
    if office.store.is_sqlite:
        pytest.skip("PostgreSQL-only rule")
    url = office.store.url
    root = office.store.data_dir.root
    office.store.dispose()
    request.getfixturevalue("newer_release")
    with pytest.raises(E.SchemaOutdated):
        open_store(root, url)
    st = Store(DataDir(root), url)
    assert st.schema_state() == "behind"
    st.ensure_schema(allow_migrate=True)  # what `kotaksaran db upgrade` does
    assert st.current_revision() == "9001_test"
    st.dispose()


def test_read_only_database_is_refused(office: Office) -> None:
    root = _sqlite(office)
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions; CI runs this as an unprivileged user")
    office.store.dispose()
    (root / DB_FILE).chmod(0o444)
    try:
        with pytest.raises(E.DatabaseReadOnly):
            open_store(root)
    finally:
        (root / DB_FILE).chmod(0o644)


def test_unwritable_data_dir_is_refused(office: Office) -> None:
    root = _sqlite(office)
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions; CI runs this as an unprivileged user")
    office.store.dispose()
    root.chmod(0o555)
    try:
        with pytest.raises(E.DataDirNotWritable):
            open_store(root)
    finally:
        root.chmod(0o755)


def test_locked_database_becomes_typed_error(office: Office) -> None:
    root = _sqlite(office)
    blocker = sqlite3.connect(root / DB_FILE, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    fast = Store(DataDir(root))
    with fast.engine.connect() as c:
        c.exec_driver_sql("PRAGMA busy_timeout = 50")
    fast.engine.pool.dispose()

    @sa.event.listens_for(fast.engine, "connect")
    def _short(dbapi_conn: sqlite3.Connection, _rec: object) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout = 50")

    try:
        with pytest.raises(E.DatabaseLocked), fast.write() as s:
            s.execute(sa.text("UPDATE settings SET key = key"))
    finally:
        blocker.rollback()
        blocker.close()
        fast.dispose()


def test_second_instance_lock(tmp_path: Path) -> None:
    DataDir(tmp_path).create()
    first = InstanceLock(tmp_path)
    first.acquire()
    try:
        assert InstanceLock(tmp_path).is_held_elsewhere() or os.name != "posix"
        with pytest.raises(E.AlreadyRunning):
            InstanceLock(tmp_path).acquire()
    finally:
        first.release()
    assert not InstanceLock(tmp_path).is_held_elsewhere()


def test_five_wrong_passwords_lock_the_account(office: Office) -> None:
    now = office.clock.value
    for _ in range(4):
        with pytest.raises(E.AuthFailed):
            users.login(office.store, "petugas1", "salah", now)
    with pytest.raises(E.AccountLocked):
        users.login(office.store, "petugas1", "salah", now)
    with pytest.raises(E.AccountLocked):  # even the right password, while locked
        users.login(office.store, "petugas1", PASSWORD, now + timedelta(minutes=5))
    actor = users.login(office.store, "petugas1", PASSWORD, now + timedelta(minutes=16))
    assert actor.username == "petugas1"


def test_unknown_user_gets_same_answer(office: Office) -> None:
    with pytest.raises(E.AuthFailed):
        users.login(office.store, "tidakada", "x", office.clock.value)


def test_migration_head_is_applied(office: Office) -> None:
    assert office.store.current_revision() == head_revision()
    assert office.store.schema_state() == "current"


def test_existing_dir_without_database_is_not_silently_filled(tmp_path: Path) -> None:
    (tmp_path / "wrong-folder").mkdir()
    with pytest.raises(E.NotInitialized):
        open_store(tmp_path / "wrong-folder")
    assert not (tmp_path / "wrong-folder" / DB_FILE).exists()
