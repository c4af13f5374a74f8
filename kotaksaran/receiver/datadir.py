"""The receiver's data dir: an ordinary data dir of the app, made on first start if needed."""

from __future__ import annotations

import secrets
from pathlib import Path

from ..services.context import Actor
from ..services.setup import AdminInput, UnitInput, initialize, is_initialized
from ..store.db import DataDir, Store, open_store


def open_receiver_store(data_dir: Path, db_url: str | None = None, *,
                        unit_code: str = "RELAY",
                        unit_name: str = "Penerima laporan (relay kota)") -> Store:
    """Open the data dir, creating and setting it up (unit, seed lists, an admin account
    whose password is random: set one with `kotaksaran user` before opening the window)."""
    dd = DataDir(data_dir)
    fresh = db_url is None and not dd.db_path.exists()
    store = open_store(data_dir, db_url, create=fresh or not dd.exists())
    try:
        if not is_initialized(store):
            initialize(store, UnitInput(code=unit_code, name=unit_name, unit_type="relay"),
                       AdminInput("admin", "Administrator", secrets.token_urlsafe(24)),
                       actor=Actor.system("receiver"))
    except BaseException:
        store.dispose()
        raise
    return store
