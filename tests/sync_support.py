"""Helpers for the sync and receiver tests and the sync benchmark: many approved slips with a
page each (written directly, fast), and the reference receiver as a separate process."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw
from sqlalchemy import select

from kotaksaran.store.db import Store, open_store
from kotaksaran.store.models import Agency, Category, Page, Submission, Unit

ROOT = Path(__file__).resolve().parents[1]


def page_png(seed: int, width: int = 1240, height: int = 1754) -> bytes:
    """A bilevel 150-dpi 'scanned form' that differs per seed: ruled lines and word blocks."""
    rng = random.Random(seed)
    img = Image.new("1", (width, height), 1)
    d = ImageDraw.Draw(img)
    d.rectangle((60, 60, width - 60, 200), outline=0, width=3)
    y = 260
    while y < height - 120:
        x = 80
        while x < width - 160:
            w = rng.randint(30, 140)
            d.rectangle((x, y, x + w, y + rng.randint(14, 22)), fill=0)
            x += w + rng.randint(14, 30)
        y += rng.randint(38, 52)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=True, dpi=(150, 150))
    return out.getvalue()


def seed_approved(store: Store, n: int, *, seed: int = 1, pages: int = 1,
                  start: int = 0, page_maker: Callable[[int], tuple[bytes, int]] | None = None
                  ) -> list[str]:
    """`n` approved slips with `pages` page images each, written straight into the tables (a
    fixture, not the capture path: that has its own tests). `page_maker(seed)` gives a page's
    bytes and dpi (default: `page_png`, 150 dpi). Returns their UUIDs."""
    rng = random.Random(seed)
    uuids: list[str] = []
    now = datetime(2026, 6, 10, 3, 0, tzinfo=UTC)
    with store.write() as s:
        unit = s.scalars(select(Unit).order_by(Unit.id)).first()
        assert unit is not None
        cats = list(s.scalars(select(Category.id).where(Category.parent_id.is_not(None))))
        agencies = list(s.scalars(select(Agency.id)))
        for i in range(start, start + n):
            sub = Submission(
                unit_id=unit.id, number=f"KS-{unit.code}-2026-{900000 + i:06d}",
                status="approved", channel="kotak_saran", classification="pengaduan",
                title=f"Lampu jalan mati nomor {i}", location=f"Jl. Contoh No. {i}",
                body=f"Lampu penerangan jalan di depan rumah nomor {i} mati sejak seminggu.",
                event_date=date(2026, 6, 1) - timedelta(days=i % 20),
                category_id=rng.choice(cats), agency_id=rng.choice(agencies),
                reporter_name=f"Warga {i}", reporter_phone="081234567890",
                created_by="user:petugas1", created_at=now, updated_at=now,
                verified_by="user:petugas1", verified_at=now,
                reviewed_by="user:supervisor1", reviewed_at=now)
            s.add(sub)
            s.flush()
            for p in range(pages):
                page_seed = seed * 1_000_003 + i * 31 + p
                data, dpi = page_maker(page_seed) if page_maker else (page_png(page_seed), 150)
                sha = store.blobs.put_bytes(data)
                with Image.open(io.BytesIO(data)) as img:
                    width, height = img.size
                s.add(Page(submission_id=sub.id, position=p + 1, blob_sha256=sha,
                           width=width, height=height, dpi=dpi, created_at=now,
                           ocr_state="done", ocr_text=""))
            uuids.append(sub.uuid)
    return uuids


def expected_pages(store: Store) -> dict[str, list[str]]:
    """UUID -> SHA-256 of each page as it leaves the office (the privacy service's output)."""
    from kotaksaran.services import Actor, Services

    svc = Services(store, Actor.cli("tester"))
    with store.read() as s:
        uuids = list(s.scalars(select(Submission.uuid).order_by(Submission.id)))
    return {u: [p.sha256 for p in svc.privacy.outgoing_pages(u)] for u in uuids}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kotaksaran.cli", *args]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(ROOT) + os.pathsep + e.get("PYTHONPATH", "")
    e.pop("KOTAKSARAN_DATA_DIR", None)
    e.pop("KOTAKSARAN_DB_URL", None)
    return e


@dataclass
class Receiver:
    proc: subprocess.Popen[str]
    url: str
    data_dir: Path

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.stderr.read() if self.proc.stderr else ""


def start_receiver(data_dir: Path, *extra: str) -> Receiver:
    """`kotaksaran receiver` in its own process on a free port; returns once it listens."""
    proc = subprocess.Popen(
        cli("receiver", "--data-dir", str(data_dir), "--port", "0", *extra),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env(), cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        err = proc.stderr.read() if proc.stderr else ""
        proc.wait()
        raise RuntimeError(f"receiver did not start: {err}")
    info: dict[str, Any] = json.loads(line)
    return Receiver(proc, str(info["url"]), data_dir)


@contextmanager
def receiver(data_dir: Path, *extra: str) -> Iterator[Receiver]:
    r = start_receiver(data_dir, *extra)
    try:
        yield r
    finally:
        r.stop()


def open_receiver_db(data_dir: Path) -> Store:
    return open_store(data_dir, migrate=False)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def wait_until(predicate: Any, *, attempts: int = 200, pause: float = 0.05) -> bool:
    """Poll a condition a bounded number of times (no wall-clock limit in the test)."""
    for _ in range(attempts):
        if predicate():
            return True
        time.sleep(pause)
    return bool(predicate())
