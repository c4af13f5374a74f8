"""Helpers for the bundle, dialect and Antrian Kirim tests: approved slips, a city desk."""

from __future__ import annotations

import shutil
from pathlib import Path

from kotaksaran.services import Actor, Services
from kotaksaran.store.db import DB_FILE, DataDir, Store, open_store
from tests.conftest import FixedClock, Office, valid_slip
from tests.intake_files import jpeg


def approved_slips(office: Office, n: int, tmp: Path, *, pages: int = 1,
                   **over: object) -> list[str]:
    """`n` approved slips (UUIDs); the first `pages` of them come from a scanned JPEG."""
    uuids = []
    for i in range(n):
        fields = valid_slip(title=f"Laporan nomor {i + 1}", **over)
        if i < pages:
            tmp.mkdir(parents=True, exist_ok=True)
            report = office.petugas.intake.import_files([jpeg(tmp / f"slip-{i}.jpg", seed=i)])
            sid = report.imported[0].submission_id
            sub = office.petugas.submissions.save_draft(sid, fields, autosave=False).submission
        else:
            sub = office.petugas.submissions.create(fields).submission
        office.petugas.submissions.verify(sub.id)
        office.supervisor.submissions.approve(sub.id)
        uuids.append(sub.uuid)
    return uuids


def second_installation(template: Path, root: Path, code: str, name: str) -> Store:
    """Another installation's data dir (a city desk), copied from the test template and given
    its own unit code."""
    DataDir(root).create()
    shutil.copy(template, root / DB_FILE)
    store = open_store(root)
    Services(store, Actor.cli("setup")).admin.update_unit(code=code, name=name)
    return store


def city_services(store: Store, clock: FixedClock | None = None) -> Services:
    return Services(store, Actor.cli("kota"), clock or FixedClock())
