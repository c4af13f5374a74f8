"""Sync throughput: the outbox push against the reference receiver vs raw HTTP posts.

    .venv/bin/python bench/bench_sync.py [--n 200] [--reps 2] [--quick]

N approved slips with one scanned page each (a typed A4 letter, stored as intake stores it: a
300-dpi bilevel PNG) go to the reference
receiver (`kotaksaran receiver`, its own process, loopback, no TLS) in three ways:

* **raw**: the very payloads the app would send (page image bytes as the privacy service
  prepares them, the JSON record) posted with plain httpx from 4 threads, one
  `PATCH /v1/uploads/{sha}` and one `PUT /v1/submissions/{uuid}` per submission, prepared
  before the clock starts; and the same from one thread;
* **app**: `svc.sync.push(url=...)`: queueing into a batch, building each record (privacy:
  masked text, compressed pages), sending, recording each outcome with the slip's status and
  audit events in the database;
* **app, 20 % faults**: the same against a receiver with `--faults 0.2`; manual pushes are
  repeated until the outbox is empty (time and bytes of all of them).

Each measurement gets a fresh receiver data dir (so nothing is a repeat). Bytes are request
bodies (the page images and the JSON records), per submission. Results go to
bench/out/bench_sync.json and the RESULTS.md section bench/out/bench_sync.md.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid as uuid_mod
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import common
import gen_pages

sys.path.insert(0, str(common.ROOT))

import httpx
from sqlalchemy import func, select

from kotaksaran.services import Actor, Services
from kotaksaran.services.setup import AdminInput, UnitInput, initialize
from kotaksaran.store.db import Store, open_store
from kotaksaran.store.models import OutboxItem, Submission
from kotaksaran.sync.outgoing import build_payload
from tests.sync_support import seed_approved, start_receiver


def scanned_letter(seed: int) -> tuple[bytes, int]:
    """A stored page as intake leaves a typed letter: bilevel PNG at 300 dpi."""
    img = gen_pages.letter(random.Random(seed), dpi=300)
    bw = img.point(lambda v: 255 if v >= 128 else 0).convert("1")
    buf = io.BytesIO()
    bw.save(buf, "PNG", dpi=(300, 300), optimize=True)
    return buf.getvalue(), 300


def office(root: Path, n: int) -> Store:
    store = open_store(root, create=True)
    initialize(store, UnitInput("KLBS", "Kelurahan Batu Selicin", "kelurahan"),
               AdminInput("admin", "Admin", "bench-pass-123"))
    seed_approved(store, n, seed=11, page_maker=scanned_letter)
    return store


def raw_payloads(store: Store, cache: dict[str, list[Any]]
                 ) -> list[tuple[dict[str, Any], list[tuple[str, bytes]]]]:
    """What the app sends for each slip, under a fresh UUID (so the receiver stores it);
    `cache` gets each slip's prepared pages."""
    svc = Services(store, Actor.cli("bench"))
    out = []
    with store.read() as s:
        subs = list(s.scalars(select(Submission).order_by(Submission.id)))
        for sub in subs:
            pages = svc.privacy.outgoing_pages(sub.uuid)
            from kotaksaran.sync.adapters.base import Attachment

            atts = [Attachment(p.name, p.mime, p.sha256, p.data, p.redacted) for p in pages]
            cache[sub.uuid] = atts
            payload = build_payload(s, sub, svc.privacy.outgoing_text(sub.uuid), atts)
            payload["uuid"] = str(uuid_mod.uuid4())
            out.append((payload, [(a.sha256, a.data) for a in atts]))
    return out


def raw_post(url: str, items: list[tuple[dict[str, Any], list[tuple[str, bytes]]]],
             threads: int) -> tuple[float, int]:
    sent = 0

    def one(client: httpx.Client, item: tuple[dict[str, Any], list[tuple[str, bytes]]]) -> int:
        payload, atts = item
        n = 0
        for sha, data in atts:
            r = client.patch(f"/v1/uploads/{sha}", content=data, headers={
                "Upload-Offset": "0", "Upload-Length": str(len(data)),
                "Content-Type": "application/offset+octet-stream"})
            assert r.status_code in (200, 201), r.status_code
            n += len(data)
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        r = client.put(f"/v1/submissions/{payload['uuid']}", content=body,
                       headers={"Content-Type": "application/json"})
        assert r.status_code == 201, r.text
        return n + len(body)

    with httpx.Client(base_url=url, timeout=60, trust_env=False,
                      limits=httpx.Limits(max_connections=threads)) as client:
        t0 = time.perf_counter()
        with ThreadPoolExecutor(max_workers=threads) as pool:
            for n in pool.map(lambda it: one(client, it), items):
                sent += n
        return time.perf_counter() - t0, sent


def app_push(store: Store, url: str, cached: dict[str, list[Any]] | None = None
             ) -> tuple[float, int, int]:
    svc = Services(store, Actor.cli("bench"))
    if cached is not None:  # the pages as the privacy service made them, made beforehand
        text, _pages = svc.sync._sources()
        svc.sync._sources = lambda: (text, lambda uuid: cached[uuid])  # type: ignore[method-assign]
    t0 = time.perf_counter()
    runs = 0
    for _ in range(50):
        runs += 1
        report = svc.sync.push(url=url)
        if report.pending == 0:
            break
    seconds = time.perf_counter() - t0
    with store.read() as s:
        nbytes = int(s.scalar(select(func.sum(OutboxItem.bytes_sent))) or 0)
        left = int(s.scalar(select(func.count()).select_from(OutboxItem)
                            .where(OutboxItem.state != "done")) or 0)
    assert left == 0, f"{left} records not sent"
    return seconds, nbytes, runs


def reset_outbox(store: Store) -> None:
    from sqlalchemy import delete, update

    from kotaksaran.store.models import AuditEvent, SyncBatch, UpstreamStatusEvent

    with store.write() as s:
        s.execute(delete(UpstreamStatusEvent))
        s.execute(delete(OutboxItem))
        s.execute(delete(SyncBatch))
        s.execute(delete(AuditEvent).where(AuditEvent.action != "setup"))
        s.execute(update(Submission).values(status="approved", tracking_id=None,
                                            upstream_status=None))


def markdown(d: dict[str, Any]) -> str:
    m = d["machine"]
    n = d["n"]
    rows = [
        ("raw HTTP posts, 4 threads", d["raw4_s"], d["raw_bytes"] / n, None),
        ("raw HTTP posts, 1 thread", d["raw1_s"], d["raw_bytes"] / n, None),
        ("app: `svc.sync.push` (4 in flight)", d["app_s"], d["app_bytes"] / n, None),
        ("app, pages prepared beforehand (outbox + HTTP only)", d["cached_s"],
         d["app_bytes"] / n, None),
        ("app with 20 % faults, pushes until empty", d["fault_s"], d["fault_bytes"] / n,
         d["fault_pushes"]),
    ]
    lines = [
        "## Sync to the reference receiver (`bench_sync.py`)", "",
        f"Command: `.venv/bin/python bench/bench_sync.py` (part of `bench/run_all.py`); run "
        f"{m['date_utc']}, {m['nproc']} cpu, load {m['loadavg_1m']}, git {m['git']}.", "",
        f"{n} approved slips, one scanned page each (a typed A4 letter stored as a 300-dpi "
        "bilevel PNG; "
        f"{d['page_bytes'] / 1024:.0f} KiB as it leaves the office), to `kotaksaran receiver` "
        "in its own process on loopback (plain HTTP, SQLite on both sides, a fresh receiver "
        f"data dir per measurement). Median of {d['reps']} runs. **raw** posts the same "
        "payloads (prepared beforehand) with httpx: one upload and one submit per slip. "
        "**app** is the whole push: batch, privacy filter and page compression, send, and "
        "each outcome recorded with the slip's status and audit events.", "",
        "| | seconds | submissions/s | ratio to raw (4 threads) | bytes sent per submission |"
        " pushes |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, secs, per, runs in rows:
        lines.append(f"| {name} | {secs:.1f} | {n / secs:.1f} | {secs / d['raw4_s']:.2f} | "
                     f"{per:,.0f} | {runs if runs is not None else '—'} |")
    lines += ["", f"Preparing the pages as they leave the office (privacy service: "
              f"downscale to 200 dpi, grey JPEG or bilevel PNG, whichever is smaller) took "
              f"{d['prepare_s'] / n:.2f} s per page in one thread: most of the app's time. "
              "The row \"pages prepared beforehand\" is the same push with those pages "
              "handed in ready-made: the outbox, the records and audit in the database, and "
              "HTTP.",
              "", f"Bytes are request bodies (page image + JSON record). With faults the "
              f"receiver injected: {d['fault_counts'] or '—'}; every submission arrived once "
              f"(the receiver stored {d['fault_stored']} of {n}, each once)."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--reps", type=int, default=2)
    ap.add_argument("--quick", action="store_true", help="20 slips, 1 run (a smoke test)")
    args = ap.parse_args(argv)
    if args.quick:
        args.n, args.reps = 20, 1
    tmp = Path(tempfile.mkdtemp(prefix="ks-bench-sync-"))
    runs: dict[str, list[float]] = {"raw4": [], "raw1": [], "app": [], "cached": [],
                                    "fault": []}
    d: dict[str, Any] = {"machine": common.machine(), "n": args.n, "reps": args.reps}
    try:
        store = office(tmp / "office", args.n)
        cache: dict[str, list[Any]] = {}
        t0 = time.perf_counter()
        payloads = raw_payloads(store, cache)
        d["prepare_s"] = time.perf_counter() - t0
        d["page_bytes"] = statistics.mean(len(a[1]) for _p, atts in payloads for a in atts)
        for rep in range(args.reps):
            for name, threads in (("raw4", 4), ("raw1", 1)):
                r = start_receiver(tmp / f"rcv-{name}-{rep}")
                seconds, d["raw_bytes"] = raw_post(r.url, payloads, threads)
                r.stop()
                for p, _a in payloads:
                    p["uuid"] = str(uuid_mod.uuid4())
                runs[name].append(seconds)
            reset_outbox(store)
            r = start_receiver(tmp / f"rcv-app-{rep}")
            seconds, d["app_bytes"], _runs = app_push(store, r.url)
            r.stop()
            runs["app"].append(seconds)
            reset_outbox(store)
            r = start_receiver(tmp / f"rcv-cached-{rep}")
            seconds, _b, _runs = app_push(store, r.url, cache)
            r.stop()
            runs["cached"].append(seconds)
            reset_outbox(store)
            r = start_receiver(tmp / f"rcv-fault-{rep}", "--faults", "0.2", "--seed",
                               str(100 + rep), "--slow-max", "0.5")
            seconds, d["fault_bytes"], d["fault_pushes"] = app_push(store, r.url)
            d["fault_counts"] = r.stop().strip().splitlines()[-1:] or None
            runs["fault"].append(seconds)
            rstore = open_store(tmp / f"rcv-fault-{rep}", migrate=False)
            from kotaksaran.store.models import ReceivedItem

            with rstore.read() as s:
                d["fault_stored"] = int(s.scalar(select(func.count()).select_from(
                    ReceivedItem).where(ReceivedItem.stores == 1)) or 0)
            rstore.dispose()
            reset_outbox(store)
            print(" ".join(f"{k} {v[-1]:.1f} s" for k, v in runs.items()), flush=True)
        store.dispose()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for k, v in runs.items():
        d[f"{k}_runs"] = v
        d[f"{k}_s"] = statistics.median(v)
    if d["fault_counts"]:
        d["fault_counts"] = d["fault_counts"][0].split(":", 1)[-1].strip()
    if not args.quick:
        common.write_json("bench_sync.json", d)
        (common.OUT / "bench_sync.md").write_text(markdown(d) + "\n")
    print(markdown(d))
    return d


if __name__ == "__main__":
    main()
