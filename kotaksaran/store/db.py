"""Opening an office database: data dir layout, engine, sessions and schema upgrades.

SQLite (the default) lives in the data dir and is migrated on start after a copy of the file.
A shared PostgreSQL database is only migrated by `kotaksaran db upgrade`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from ..domain import errors as E
from .blobs import BlobStore
from .errors import translated

DB_FILE = "kotaksaran.db"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


@dataclass(frozen=True)
class DataDir:
    """Where one installation keeps its files."""

    root: Path

    @property
    def db_path(self) -> Path:
        return self.root / DB_FILE

    @property
    def blobs(self) -> Path:
        return self.root / "blobs"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def exists(self) -> bool:
        return self.root.is_dir()

    def create(self) -> None:
        with translated(self.root):
            for p in (self.root, self.blobs, self.backups, self.logs):
                p.mkdir(parents=True, exist_ok=True)

    def check_usable(self) -> None:
        """A data dir that vanished (a pulled USB drive) or cannot be written is refused."""
        if not self.root.is_dir():
            raise E.DataDirMissing(path=str(self.root))
        if not os.access(self.root, os.W_OK | os.X_OK):
            raise E.DataDirNotWritable(path=str(self.root))
        if self.db_path.exists() and not os.access(self.db_path, os.W_OK):
            raise E.DatabaseReadOnly(path=str(self.db_path))


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 10}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from pysqlite so that BEGIN is ours (see _on_begin).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA busy_timeout = 10000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the lock up front: no deadlock when two desks upgrade a read lock.
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Store:
    """The engine, session factories and file locations of one open database."""

    def __init__(self, data_dir: DataDir, url: str | None = None) -> None:
        self.data_dir = data_dir
        self.url = url or f"sqlite:///{data_dir.db_path}"
        if url is None:
            self.engine = _sqlite_engine(data_dir.db_path)
            writer: Engine = self.engine.execution_options(sqlite_immediate=True)
        else:
            self.engine = create_engine(url, pool_pre_ping=True)
            writer = self.engine
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with translated(self.data_dir.root), self._read() as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        if self.is_sqlite and not self.data_dir.db_path.exists():
            # A pulled USB drive: SQLite would go on writing into the vanished file's open
            # handle and the work would be lost on close. Refuse instead, and say why.
            raise E.DataDirMissing(path=str(self.data_dir.root))
        with translated(self.data_dir.root), self._write() as s, s.begin():
            yield s

    @property
    def blobs(self) -> BlobStore:
        """Page images and original files, named by SHA-256 (see store/blobs.py)."""
        return BlobStore(self.data_dir.blobs)

    def dispose(self) -> None:
        self.engine.dispose()

    # --- schema -------------------------------------------------------------------------
    def current_revision(self) -> str | None:
        with translated(self.data_dir.root), self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def is_empty(self) -> bool:
        with translated(self.data_dir.root), self.engine.connect() as conn:
            return not inspect(conn).has_table("units")

    def schema_state(self) -> str:
        """'current', 'empty', 'behind', 'ahead' (written by a newer version of the app) or
        'foreign' (tables without a schema version: not a database this app made)."""
        current = self.current_revision()
        if current is None:
            return "empty" if self.is_empty() else "foreign"
        script = ScriptDirectory.from_config(alembic_config())
        if current == script.get_current_head():
            return "current"
        try:
            script.get_revision(current)
        except Exception:
            return "ahead"
        return "behind"

    def upgrade(self) -> None:
        with translated(self.data_dir.root), self.engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def ensure_schema(self, *, allow_migrate: bool) -> str | None:
        """Bring the schema to head where the rules allow; returns the backup made, if any.

        SQLite: a fresh file is created, an older one is copied then migrated.
        PostgreSQL: a fresh database is created; an older one needs `db upgrade` (or
        `allow_migrate`, which only that command passes).
        """
        state = self.schema_state()
        if state == "current":
            return None
        if state == "ahead":
            raise E.SchemaTooNew(revision=self.current_revision() or "?")
        if state == "foreign":
            raise E.DatabaseCorrupt(path=self.url)
        if state == "empty":
            self.upgrade()
            return None
        backup = None
        if self.is_sqlite:
            backup = str(self.backup_sqlite(reason="pre-upgrade"))
        elif not allow_migrate:
            raise E.SchemaOutdated(revision=self.current_revision() or "?", head=head_revision())
        self.upgrade()
        return backup

    # --- backup -------------------------------------------------------------------------
    def backup_sqlite(self, target: Path | None = None, reason: str = "manual") -> Path:
        """A consistent copy through SQLite's backup API (safe while others read/write)."""
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = target or self.data_dir.backups / f"kotaksaran-{reason}-{stamp}.db"
        with translated(self.data_dir.root):
            target.parent.mkdir(parents=True, exist_ok=True)
            copy_sqlite(self.data_dir.db_path, target)
        return target


def copy_sqlite(source: Path, target: Path, *, read_only: bool = False) -> None:
    """Copy a SQLite database through its backup API (consistent, WAL included)."""
    src = (sqlite3.connect(f"file:{source}?mode=ro", uri=True) if read_only
           else sqlite3.connect(source))
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def open_store(
    data_dir: Path, db_url: str | None = None, *, create: bool = False, migrate: bool = True
) -> Store:
    """Open (or with `create`, make) the database of a data dir and check its schema."""
    dd = DataDir(data_dir)
    if create:
        dd.create()
    dd.check_usable()
    if not create and db_url is None and not dd.db_path.exists():
        # Never make an empty database behind the user's back (a wrong --data-dir, say).
        raise E.NotInitialized(path=str(dd.root))
    store = Store(dd, db_url)
    try:
        if migrate:
            store.ensure_schema(allow_migrate=False)
        elif store.schema_state() == "ahead":
            raise E.SchemaTooNew(revision=store.current_revision() or "?")
    except BaseException:
        store.dispose()
        raise
    return store


def check_sqlite_file(path: Path) -> str:
    """The schema revision of a SQLite file that is meant to be restored; raises if unusable."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()
            if not ok or ok[0] != "ok":
                raise E.DatabaseCorrupt(path=str(path))
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise E.DatabaseCorrupt(path=str(path)) from exc
    if not row:
        raise E.DatabaseCorrupt(path=str(path))
    return str(row[0])
