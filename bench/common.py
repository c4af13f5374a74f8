"""Shared benchmark plumbing: the cached 100,000-slip database, timers, memory, machine info.

The database is built once under bench/out/ (gitignored) through the app's own code path:
`open_store(create=True)` (real schema, indexes and FTS5 triggers from the Alembic migration),
then `services.demo.create_demo(bulk=True)`: `services.setup.initialize` (unit, admin, seed
agencies and categories), users per role, box sessions through the services, and the slips with
their audit trail in bulk core inserts (the FTS triggers fire for every row, as in the app),
spread over two years. `--generator bench` uses this folder's own generator (bench/corpus.py)
instead, should the demo generator ever be unusable. The build time is reported beside the
figures, never inside them.
"""

from __future__ import annotations

import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT = BENCH_DIR / "out"
for _p in (ROOT, BENCH_DIR):  # run as `python bench/x.py` from anywhere, or imported by a test
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import corpus  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from kotaksaran.domain.enums import Channel, Classification, Role, Status  # noqa: E402
from kotaksaran.domain.numbering import format_number  # noqa: E402
from kotaksaran.services import Services  # noqa: E402
from kotaksaran.services.setup import AdminInput, UnitInput, initialize  # noqa: E402
from kotaksaran.store.db import DB_FILE, Store, head_revision, open_store  # noqa: E402
from kotaksaran.store.models import (  # noqa: E402
    Agency,
    BoxSession,
    Category,
    NumberCounter,
    Submission,
    Unit,
    User,
)

# Bump when the generated data changes shape: a cached database of another version is rebuilt.
GENERATOR_VERSION = 1
GENERATORS = ("demo", "bench")  # the app's demo generator (default), or bench/corpus.py
DEFAULT_ROWS = 100_000
SEED = 20260610
UNIT_CODE = "BNCH"
PASSWORD = "bench-rahasia-123"
USERS = {Role.PETUGAS: ("petugas1", "Siti Petugas"),
         Role.SUPERVISOR: ("supervisor1", "Budi Supervisor"),
         Role.OPERATOR: ("operator1", "Andi Operator")}
# The newest slip; everything spreads over the two years before it.
END = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
SPAN = timedelta(days=730)

# Share of each status by age: recent slips are still being worked on, old ones are done.
_RECENT = {Status.DRAFT: 30, Status.VERIFIED: 25, Status.RETURNED: 6, Status.REJECTED: 4,
           Status.APPROVED: 15, Status.QUEUED: 5, Status.SENT: 8, Status.REGISTERED: 7}
_OLD = {Status.DRAFT: 2, Status.VERIFIED: 2, Status.RETURNED: 2, Status.REJECTED: 8,
        Status.APPROVED: 1, Status.QUEUED: 1, Status.SENT: 2, Status.REGISTERED: 22,
        Status.CLOSED: 60}
_CHANNELS = {Channel.KOTAK_SARAN: 55, Channel.LOKET: 25, Channel.SURAT: 12, Channel.LAINNYA: 8}
_CLASSES = {Classification.PENGADUAN: 70, Classification.ASPIRASI: 20,
            Classification.PERMINTAAN_INFORMASI: 10}
_PAST_VERIFY = {Status.VERIFIED, Status.RETURNED, Status.REJECTED, Status.APPROVED,
                Status.QUEUED, Status.SENT, Status.REGISTERED, Status.CLOSED}
_REVIEWED = _PAST_VERIFY - {Status.VERIFIED}
_UPSTREAM = {Status.SENT: "Diterima", Status.REGISTERED: "Diteruskan ke instansi",
             Status.CLOSED: "Selesai"}


# --- the database -------------------------------------------------------------------------
@dataclass(frozen=True)
class BenchDB:
    data_dir: Path
    rows: int
    build_seconds: float
    built_at: str
    reused: bool
    generator: str = "demo"

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    def describe(self) -> dict[str, Any]:
        """Facts about the database for the results (not timed)."""
        conn = sqlite3.connect(self.db_path)
        try:
            audit = conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
        finally:
            conn.close()
        return {"rows": self.rows, "generator": self.generator,
                "build_seconds": self.build_seconds, "built_at": self.built_at,
                "audit_events": audit,
                "size_mib": round(self.db_path.stat().st_size / 2**20, 1)}


def _weighted(rng: random.Random, table: dict[Any, int], n: int) -> list[Any]:
    return rng.choices(list(table), weights=list(table.values()), k=n)


def _populate(store: Store, rows: int, seed: int, batch: int = 5_000) -> None:
    admin = initialize(
        store,
        UnitInput(code=UNIT_CODE, name="Kelurahan Batu Selicin (benchmark)",
                  unit_type="kelurahan", address="Jl. Raja Ali Haji, Lubuk Baja, Batam",
                  box_location="Lobi kantor"),
        AdminInput("admin", "Admin Kelurahan", PASSWORD),
    )
    svc = Services(store, admin)
    for role, (username, name) in USERS.items():
        svc.users.add(username, name, role, PASSWORD)
    rng = random.Random(seed)
    with store.engine.begin() as conn:
        unit_id = conn.scalar(select(Unit.id))
        box_id = conn.scalar(select(Unit.default_box_id))
        agency_ids = list(conn.scalars(select(Agency.id).order_by(Agency.id)))
        category_ids = list(conn.scalars(select(Category.id).where(
            Category.parent_id.is_not(None)).order_by(Category.id)))
        petugas_id = conn.scalar(select(User.id).where(User.username == "petugas1"))
        # One box opening a week over the two years.
        start = END - SPAN
        weeks = SPAN.days // 7 + 1
        conn.execute(insert(BoxSession), [
            {"uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "unit_id": unit_id,
             "box_id": box_id, "state": "closed", "location": "Lobi kantor",
             "opened_at": start + timedelta(weeks=w), "opened_by": "Siti Petugas",
             "witnesses": [corpus.person(rng), corpus.person(rng)], "slips_found": 0,
             "created_by_id": petugas_id, "closed_at": start + timedelta(weeks=w, hours=2),
             "closed_by_id": petugas_id, "slips_digitised": 0, "close_note": ""}
            for w in range(weeks)
        ])
        session_ids = list(conn.scalars(select(BoxSession.id).order_by(BoxSession.id)))
        # Creation times, oldest first: ids grow with time as they do in a real office.
        span_s = SPAN.total_seconds()
        created = sorted(END - timedelta(seconds=rng.random() * span_s) for _ in range(rows))
        channels = _weighted(rng, _CHANNELS, rows)
        classes = _weighted(rng, _CLASSES, rows)
        seq_by_year: dict[int, int] = {}
        pending: list[dict[str, Any]] = []
        for i in range(rows):
            at = created[i]
            age_days = (END - at).days
            status = _weighted(rng, _RECENT if age_days < 45 else _OLD, 1)[0]
            title, body, location = corpus.slip(rng)
            seq = seq_by_year.get(at.year, 0) + 1
            seq_by_year[at.year] = seq
            channel = channels[i]
            anonim = rng.random() < 0.25
            named = not anonim and rng.random() < 0.7
            session = None
            if channel == Channel.KOTAK_SARAN:
                session = session_ids[min(int((at - start).days // 7), len(session_ids) - 1)]
            verified_at = at + timedelta(hours=rng.randint(1, 72))
            reviewed_at = verified_at + timedelta(hours=rng.randint(1, 96))
            pending.append({
                "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "number": format_number(UNIT_CODE, at.year, seq),
                "unit_id": unit_id, "desk_code": None, "status": status.value,
                "status_reason": ("Lokasi kurang lengkap" if status == Status.RETURNED else
                                  "Bukan laporan (duplikat)" if status == Status.REJECTED
                                  else None),
                "channel": channel.value, "classification": classes[i].value,
                "title": title, "body": body,
                "event_date": (at - timedelta(days=rng.randint(0, 20))).date(),
                "location": location,
                "agency_id": rng.choice(agency_ids) if rng.random() < 0.8 else None,
                "category_id": rng.choice(category_ids) if rng.random() < 0.85 else None,
                "anonim": anonim, "rahasia": rng.random() < 0.1,
                "reporter_name": corpus.person(rng) if named else None,
                "reporter_nik": (f"2171{rng.randrange(10**12):012d}"
                                 if named and rng.random() < 0.3 else None),
                "reporter_phone": (f"+62812{rng.randrange(10**8):08d}"
                                   if named and rng.random() < 0.5 else None),
                "reporter_email": None, "reporter_address": None,
                "box_session_id": session, "created_by_id": petugas_id,
                "created_by": "user:petugas1", "created_at": at,
                "updated_at": reviewed_at if status in _REVIEWED else at,
                "verified_by": "user:petugas1" if status in _PAST_VERIFY else None,
                "verified_at": verified_at if status in _PAST_VERIFY else None,
                "reviewed_by": "user:supervisor1" if status in _REVIEWED else None,
                "reviewed_at": reviewed_at if status in _REVIEWED else None,
                "upstream_status": _UPSTREAM.get(status),
                "tracking_id": (f"LAPOR-{rng.randrange(10**7):07d}"
                                if status in (Status.REGISTERED, Status.CLOSED) else None),
                "revision": 1,
            })
            if len(pending) >= batch:
                conn.execute(insert(Submission), pending)
                pending = []
        if pending:
            conn.execute(insert(Submission), pending)
        conn.execute(insert(NumberCounter), [
            {"unit_id": unit_id, "desk_code": "", "year": y, "last_seq": n}
            for y, n in sorted(seq_by_year.items())
        ])
        # The sessions' slip counts match what was "digitised".
        for sid, n in conn.execute(select(Submission.box_session_id, func.count())
                                   .where(Submission.box_session_id.is_not(None))
                                   .group_by(Submission.box_session_id)):
            conn.execute(BoxSession.__table__.update().where(BoxSession.id == sid)
                         .values(slips_found=n, slips_digitised=n))


def _populate_demo(store: Store, rows: int, seed: int) -> None:
    from kotaksaran.services.demo import create_demo

    create_demo(store, rows, seed, bulk=True, now=END, span_days=SPAN.days)


def build_db(rows: int = DEFAULT_ROWS, out: Path | None = None, *, seed: int = SEED,
             generator: str = "demo", force: bool = False, quiet: bool = False) -> BenchDB:
    """The benchmark data dir with `rows` slips, built once and reused while its meta matches."""
    if generator not in GENERATORS:
        raise ValueError(f"generator must be one of {GENERATORS}")
    data_dir = (out or OUT) / f"db-{rows}-{generator}-v{GENERATOR_VERSION}"
    meta_file = data_dir / "bench-meta.json"
    want = {"rows": rows, "seed": seed, "generator": generator,
            "generator_version": GENERATOR_VERSION, "alembic_head": head_revision()}
    if meta_file.exists() and not force:
        meta = json.loads(meta_file.read_text())
        if all(meta.get(k) == v for k, v in want.items()):
            return BenchDB(data_dir, rows, meta["build_seconds"], meta["built_at"], True,
                           generator)
    if data_dir.exists():
        shutil.rmtree(data_dir)
    if not quiet:
        print(f"[bench] building {rows:,} slips with the {generator} generator in {data_dir} "
              "(once; cached) ...", flush=True)
    t0 = time.perf_counter()
    store = open_store(data_dir, create=True)
    try:
        (_populate_demo if generator == "demo" else _populate)(store, rows, seed)
    finally:
        store.dispose()
    # Fold the WAL into the main file so every run starts from the same file layout.
    conn = sqlite3.connect(data_dir / DB_FILE)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    seconds = time.perf_counter() - t0
    built_at = utc_now()
    meta_file.write_text(json.dumps({**want, "build_seconds": round(seconds, 2),
                                     "built_at": built_at}, indent=2))
    if not quiet:
        size = (data_dir / DB_FILE).stat().st_size / 2**20
        print(f"[bench] built in {seconds:.1f} s ({size:.0f} MiB)", flush=True)
    return BenchDB(data_dir, rows, round(seconds, 2), built_at, False, generator)


# --- timing -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Timing:
    runs: list[float]  # seconds

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def min(self) -> float:
        return min(self.runs)

    @property
    def max(self) -> float:
        return max(self.runs)


def time_runs(fn: Callable[[], Any], runs: int = 7, warmup: int = 1) -> Timing:
    """Median-of-N timing with time.perf_counter."""
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return Timing(out)


def time_pair(a: Callable[[], Any], b: Callable[[], Any], runs: int = 7,
              warmup: int = 1) -> tuple[Timing, Timing]:
    """Time two callables interleaved (a, b, a, b ...) so machine noise hits both alike."""
    for _ in range(warmup):
        a()
        b()
    ta, tb = [], []
    for _ in range(runs):
        t0 = time.perf_counter()
        a()
        t1 = time.perf_counter()
        b()
        t2 = time.perf_counter()
        ta.append(t1 - t0)
        tb.append(t2 - t1)
    return Timing(ta), Timing(tb)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))
    return s[k]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


# --- memory -------------------------------------------------------------------------------
def rss_mib() -> float:
    """Current resident set size of this process (Linux /proc; falls back to the peak)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mib()


def peak_rss_mib() -> float:
    """Peak resident set size of this process (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


# --- where and when -----------------------------------------------------------------------
def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def machine() -> dict[str, Any]:
    info: dict[str, Any] = {
        "date_utc": utc_now(),
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        "loadavg_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    try:
        info["cpu"] = next(
            line.split(":", 1)[1].strip() for line in
            Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        info["cpu"] = platform.processor()
    try:
        info["git"] = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                     capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        info["git"] = None
    return info


def write_json(name: str, data: dict[str, Any]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(data, indent=2, default=str))
    return path


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser(description="Build (or reuse) the benchmark database.")
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS)
    ap.add_argument("--generator", choices=GENERATORS, default="demo")
    ap.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = ap.parse_args()
    db = build_db(args.rows, generator=args.generator, force=args.force)
    print(json.dumps({"data_dir": str(db.data_dir), "rows": db.rows,
                      "build_seconds": db.build_seconds, "built_at": db.built_at,
                      "reused": db.reused, **db.describe()}, indent=2))
