"""Exactly once through a bad link and a pushing process killed at random moments.

The receiver runs as its own process with 20 % injected faults (dropped connections, 500s, slow
answers, resets in the middle of an upload, duplicate deliveries, lost replies). The pushing
process (`kotaksaran sync push`) is SIGKILLed at random moments and started again until the
outbox is empty. Then every submission must be at the receiver exactly once, with its page
images intact (hashes checked), and every slip must carry the tracking ID the receiver gave.

Size: KOTAKSARAN_SYNC_N submissions (default 60, small for CI; 1000 for the full run) with
seeds from KOTAKSARAN_SYNC_SEEDS (default "11,23,37").
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kotaksaran.store.db import DB_FILE, DataDir, Store, open_store
from kotaksaran.store.models import OutboxItem, Page, ReceivedItem, Submission
from tests.sync_support import ROOT, cli, env, expected_pages, receiver, seed_approved

N = int(os.environ.get("KOTAKSARAN_SYNC_N", "60"))
MIN_KILLS = 3  # the first runs are always killed somewhere
SEEDS = [int(x) for x in os.environ.get("KOTAKSARAN_SYNC_SEEDS", "11,23,37").split(",") if x]


def _open_items(store: Store) -> int:
    with store.read() as s:
        items = s.scalar(select(func.count()).select_from(OutboxItem).where(
            OutboxItem.state.in_(("pending", "sending", "retrying"))))
        approved = s.scalar(select(func.count()).select_from(Submission).where(
            Submission.status == "approved"))
        return int(items or 0) + int(approved or 0)


def _done(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxItem).where(
            OutboxItem.state == "done")) or 0)


def _kill_at_random(proc: subprocess.Popen[bytes], store: Store, rng: random.Random, *,
                    must: bool) -> bool:
    """SIGKILL the pusher at a random moment: while it starts or queues (15 %), after a random
    number of further records were sent (70 %), or not at all (15 %; never while `must`).
    True if killed."""
    mode = rng.random() * (0.85 if must else 1.0)
    if mode >= 0.85:
        return False
    if mode < 0.15:
        try:
            proc.wait(timeout=rng.uniform(0.05, 1.0))
            return False
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            return True
    start = _done(store)
    target = start + rng.randint(1, max(1, (N - start) - 1))
    for _ in range(100_000):  # polls until the target or the end of the process
        if proc.poll() is not None:
            return False
        if _done(store) >= target:
            proc.send_signal(signal.SIGKILL)
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("seed", SEEDS)
def test_every_submission_arrives_exactly_once_through_faults_and_kills(
        seed: int, sqlite_template: Path, tmp_path: Path) -> None:
    office_dir = tmp_path / "office"
    DataDir(office_dir).create()
    shutil.copy(sqlite_template, office_dir / DB_FILE)
    store = open_store(office_dir)
    uuids = seed_approved(store, N, seed=seed)
    expected = expected_pages(store)
    rng = random.Random(seed)
    kills = runs = 0
    with receiver(tmp_path / "rcv", "--faults", "0.2", "--seed", str(seed),
                  "--slow-max", "0.5") as r:
        for _round in range(40 + N // 4):  # bounded; each full run makes progress
            if _open_items(store) == 0:
                break
            runs += 1
            proc = subprocess.Popen(
                cli("--data-dir", str(office_dir), "sync", "push", "--url", r.url, "--json"),
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env(), cwd=ROOT)
            if _kill_at_random(proc, store, rng, must=kills < MIN_KILLS):
                kills += 1
            proc.wait()
            err = proc.stderr.read().decode() if proc.stderr else ""
            assert "Traceback" not in err, err
        faults = r.stop()
    print(f"\n[sync kill test] seed {seed}: {N} submissions, {runs} push runs, {kills} killed;"
          f" receiver: {faults.strip().splitlines()[-1] if faults.strip() else '-'}")
    assert _open_items(store) == 0, f"outbox not empty after {runs} runs"
    assert kills >= min(MIN_KILLS, runs - 1)
    assert "Faults injected" in faults or "Gangguan" in faults

    rstore = open_store(tmp_path / "rcv", migrate=False)
    try:
        with rstore.read() as s:
            held = {h.submission_uuid: h for h in s.scalars(select(ReceivedItem))}
            assert sorted(held) == sorted(uuids)
            assert all(h.stores == 1 for h in held.values()), "a submission was stored twice"
            print(f"[sync kill test] repeats answered 200: {sum(h.repeats for h in held.values())}")
            assert s.scalar(select(func.count()).select_from(Submission)) == N
            tracking = {}
            for sub in s.scalars(select(Submission)):
                shas = [p.blob_sha256 for p in s.scalars(
                    select(Page).where(Page.submission_id == sub.id).order_by(Page.position))]
                assert shas == expected[sub.uuid]
                for sha in shas:  # the bytes themselves, hashed again
                    assert rstore.blobs.read(sha)
                tracking[sub.uuid] = sub.tracking_id
    finally:
        rstore.dispose()

    with store.read() as s:
        for sub in s.scalars(select(Submission).where(Submission.uuid.in_(uuids))):
            assert sub.status == "registered"
            assert sub.tracking_id == tracking[sub.uuid]
        per_sub = dict(s.execute(select(OutboxItem.submission_uuid, func.count())
                                 .where(OutboxItem.state == "done")
                                 .group_by(OutboxItem.submission_uuid)).all())
        assert per_sub == dict.fromkeys(uuids, 1)
    store.dispose()
