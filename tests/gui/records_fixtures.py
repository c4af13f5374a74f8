"""Fixtures and data builders for the records GUI tests (list, editor, review, box sessions).

Kept out of tests/gui/conftest.py, which the app-shell tests own; test modules import what they
use from here. GUI tests run on SQLite only: `backend` is pinned below.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from kotaksaran.domain.enums import Channel, Classification
from kotaksaran.services import Services
from kotaksaran.store.db import DB_FILE, DataDir, open_store
from kotaksaran.ui.context import ChangeBus, UiContext
from tests.conftest import FixedClock, Office, valid_slip

QM_FILE = (Path(__file__).resolve().parents[2] / "resources" / "translations"
           / "kotaksaran_records_id.qm")

CHANNELS = [c.value for c in Channel]
CLASSES = [c.value for c in Classification]


@pytest.fixture
def backend() -> str:
    """GUI tests need one real database, not both backends."""
    return "sqlite"


@pytest.fixture
def records_translator(qapp: QCoreApplication) -> Iterator[QTranslator]:
    """The Indonesian strings of these pages (the app installs every *_id.qm the same way)."""
    if not QM_FILE.exists():
        pytest.fail(f"{QM_FILE.name} missing: run `make translations`")
    tr = QTranslator()
    assert tr.load(str(QM_FILE))
    qapp.installTranslator(tr)
    yield tr
    qapp.removeTranslator(tr)


def make_ctx(services: Services) -> UiContext:
    return UiContext(services=services, bus=ChangeBus())


def fill(office: Office, n: int, *, step: timedelta = timedelta(hours=7)) -> list[int]:
    """`n` slips typed by the petugas over time, in varied statuses, channels and classes.

    Every 5th slip stays a draft, the others are verified; of the verified, the supervisor
    approves every 3rd and returns every 7th. Titles carry the index ("Laporan 0042") and
    every 10th body mentions "banjir" so searches have a known answer.
    """
    pet, sup = office.petugas, office.supervisor
    ids: list[int] = []
    for i in range(n):
        fields = valid_slip(
            title=f"Laporan {i:04d}",
            body=("Air banjir masuk rumah warga." if i % 10 == 0 else "Lampu jalan mati."),
            channel=CHANNELS[i % len(CHANNELS)],
            classification=CLASSES[i % len(CLASSES)],
        )
        sid = pet.submissions.create(fields).submission.id
        ids.append(sid)
        if i % 5:
            pet.submissions.verify(sid)
            if i % 3 == 0:
                sup.submissions.approve(sid)
            elif i % 7 == 0:
                sup.submissions.return_(sid, "Lokasi kurang lengkap")
        office.clock.value += step
    return ids


def filled_office(template: Path, tmp_path: Path, clock_value: datetime) -> Iterator[Office]:
    """A fresh copy of a database made once by `fill` (building it takes seconds)."""
    data = tmp_path / "data"
    DataDir(data).create()
    shutil.copy(template, data / DB_FILE)
    store = open_store(data)
    yield Office(store, FixedClock(clock_value))
    store.dispose()


def build_filled_template(sqlite_template: Path, root: Path, n: int, step: timedelta
                          ) -> tuple[Path, datetime]:
    data = root / "data"
    DataDir(data).create()
    shutil.copy(sqlite_template, data / DB_FILE)
    store = open_store(data)
    office = Office(store, FixedClock())
    fill(office, n, step=step)
    store.dispose()
    return data / DB_FILE, office.clock.value
