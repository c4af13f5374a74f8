"""Where an installation keeps its data by default (no Qt: the CLI and the GUI both use it).

The real data and the demo data live in separate folders, so that demo slips can never mix
with an office's own.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "kotaksaran"
DATA_DIR_ENV = "KOTAKSARAN_DATA_DIR"
DEMO_DIR_ENV = "KOTAKSARAN_DEMO_DIR"
DB_URL_ENV = "KOTAKSARAN_DB_URL"


def app_root() -> Path:
    """The per-user folder of the app (e.g. ~/.local/share/kotaksaran on Linux)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    """The real data dir: $KOTAKSARAN_DATA_DIR, else <app root>/data."""
    env = os.environ.get(DATA_DIR_ENV, "").strip()
    return Path(env).expanduser() if env else app_root() / "data"


def default_demo_dir() -> Path:
    """The demo data dir: $KOTAKSARAN_DEMO_DIR, else <app root>/demo (never the real one)."""
    env = os.environ.get(DEMO_DIR_ENV, "").strip()
    return Path(env).expanduser() if env else app_root() / "demo"


def default_db_url() -> str | None:
    """$KOTAKSARAN_DB_URL (a shared PostgreSQL server), or None for SQLite in the data dir."""
    return os.environ.get(DB_URL_ENV, "").strip() or None
