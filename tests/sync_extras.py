"""Helpers for the bundle, dialect and Antrian Kirim tests: approved slips, a city desk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kotaksaran.services import Actor, Services
from kotaksaran.store.db import DB_FILE, DataDir, Store, open_store
from kotaksaran.sync.secrets import TokenStore
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


# --- the reference receiver as a separate process ------------------------------------------------
@contextmanager
def receiver_process(data_dir: Path, *, tracking: str = "immediate", faults: float = 0.0,
                     seed: int | None = None) -> Iterator[str]:
    """`kotaksaran receiver` on a free loopback port; yields its base URL."""
    cmd = [sys.executable, "-m", "kotaksaran.cli", "receiver", "--data-dir", str(data_dir),
           "--port", "0", "--tracking", tracking]
    if faults:
        cmd += ["--faults", str(faults)]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=str(Path(__file__).resolve().parents[1]))
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()  # the receiver announces itself once it listens
        if not line:
            err = proc.stderr.read() if proc.stderr else ""
            raise RuntimeError(f"receiver did not start: {err}")
        yield str(json.loads(line)["url"])
    finally:
        proc.terminate()
        proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()


def receiver_cli(*args: str) -> str:
    """Run `kotaksaran <args>` (receiver set-status, add-unit) and return its stdout."""
    done = subprocess.run([sys.executable, "-m", "kotaksaran.cli", *args], check=True,
                          capture_output=True, text=True,
                          cwd=str(Path(__file__).resolve().parents[1]))
    return done.stdout


def use_upstream(office: Office, adapter: str, url: str, token: str | None = None,
                 **options: str) -> None:
    cfg = office.admin.config
    cfg.set("sync.adapter", adapter)
    cfg.set("sync.url", url)
    for key, value in options.items():
        cfg.set(key, value)
    store = TokenStore(office.store.data_dir.root, use_keyring=False)
    if token:
        store.set(token)
    else:
        store.clear()
