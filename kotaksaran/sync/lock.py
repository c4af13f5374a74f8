"""One push or pull at a time per database: an OS file lock in the data dir (SQLite), or a
PostgreSQL advisory lock held on its own connection (several desks sharing one server). Both
die with the process, so a push killed halfway never blocks the next one; and while the lock
is held, any item left `sending` belongs to a dead run and may be sent again at once."""

from __future__ import annotations

import sys
from typing import IO, Any

from sqlalchemy import text

from ..store.db import Store
from .errors import SyncBusy

LOCK_FILE = "sync.lock"
_PG_KEY = 0x4B53_5359  # "KSSY"


class SyncLock:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.path = store.data_dir.root / LOCK_FILE
        self._fh: IO[str] | None = None
        self._conn: Any = None

    def acquire(self) -> None:
        if not self.store.is_sqlite:
            conn = self.store.engine.connect()
            got = conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": _PG_KEY}).scalar()
            conn.commit()
            if not got:
                conn.close()
                raise SyncBusy()
            self._conn = conn
            return
        fh = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        try:
            if sys.platform == "win32":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.close()
            raise SyncBusy() from None
        self._fh = fh

    def release(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_KEY})
                self._conn.commit()
            finally:
                self._conn.close()
                self._conn = None

    def __enter__(self) -> SyncLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
