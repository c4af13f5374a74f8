"""The 100,000-slip half of `bench_duplicates.py`: the service end to end, and its time.

A copy of the cached benchmark database (`common.build_db`, 100,000 demo slips) gets one page
row per slip with a random perceptual hash (so that the image search has 100,000 pages to go
through), then the test half of the benchmark's slips through `SubmissionService.create`:
each original, and as other slips its copies: retyped with edits, read by (simulated) OCR,
and, for the letters that were rendered, the rescan (its page hash, and its real OCR text
as tesseract read it, printed form included, where it was read: the service finds the form's
lines itself). `for_submission` on every copy must find its original and nothing else
made from another letter.

Timing, interleaved (`common.time_pair`), on three slips: a retyped letter, a rescanned one
(page + OCR text) and a demo slip (a templated text with many near-copies in the database).
The reference in the same run is one raw FTS5 query through `sqlite3` on the same file: the
slip's eight longest search words OR-ed, ranked by BM25, top 20 (what an index alone can
say about "more like this"). Also measured once: the brute force, rapidfuzz against the text
of every slip.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import time
from typing import Any

import common
import dup_pairs
from rapidfuzz import fuzz, process
from sqlalchemy import insert, select, update

from kotaksaran.ocr import duplicates as D
from kotaksaran.services import Services
from kotaksaran.services.users import actor_for
from kotaksaran.store.db import DB_FILE, open_store
from kotaksaran.store.models import Page, Submission

VARIANTS = ("retyped", "OCR simulated", "rescanned")


def _hex(rng: random.Random, bits: int) -> str:
    return f"{rng.getrandbits(bits):0{bits // 4}x}"


def _page(rng: random.Random, sid: int, phash: str) -> dict[str, Any]:
    return {"submission_id": sid, "position": 1, "blob_sha256": _hex(rng, 256),
            "original_sha256": _hex(rng, 256), "source_name": "bench.jpg", "width": 1240,
            "height": 1754, "dpi": 150, "phash": phash, "ocr_state": "done"}


def run(args: Any, test_sources: list[Any], scans: dict[str, Any]) -> dict[str, Any]:
    db = common.build_db(args.rows)
    work = common.OUT / f"dup-{args.rows}"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(db.data_dir, work)
    store = open_store(work)
    rng = random.Random(args.seed)
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        demo_ids = list(conn.scalars(select(Submission.id).order_by(Submission.id)))
        for i in range(0, len(demo_ids), 10_000):
            conn.execute(insert(Page), [_page(rng, sid, _hex(rng, 64))
                                        for sid in demo_ids[i:i + 10_000]])
    svc = Services(store, actor_for(store, "petugas1"))
    srcs = test_sources[:12] if args.quick else test_sources
    originals: dict[str, int] = {}
    copies: list[tuple[str, str, int]] = []  # (source key, variant, slip id)

    def slip(body: str, ocr_text: str = "", phash: str | None = None) -> int:
        sid = svc.submissions.create({"classification": "pengaduan", "channel": "surat",
                                      "title": "Surat warga", "body": body}).submission.id
        with store.engine.begin() as conn:
            if ocr_text:
                conn.execute(update(Submission).where(Submission.id == sid)
                             .values(ocr_text=ocr_text))
            if phash:
                conn.execute(insert(Page), [_page(rng, sid, phash)])
        return sid

    for s in srcs:
        sc = scans.get(s.key)
        originals[s.key] = slip(s.text, phash=sc.phash1 if sc else None)
        copies.append((s.key, "retyped", slip(dup_pairs.retype(s.text, "combo", rng))))
        copies.append((s.key, "OCR simulated", slip(
            "", ocr_text=dup_pairs.ocr_noise(s.text, rng, 0.05))))
        if sc is not None:
            copies.append((s.key, "rescanned", slip("", ocr_text=sc.ocr2 or "",
                                                    phash=sc.phash2)))
    setup_s = time.perf_counter() - t0
    own = {sid: key for key, sid in originals.items()}
    own.update({sid: key for key, _v, sid in copies})
    last_demo = demo_ids[-1]
    per: dict[str, dict[str, int]] = {v: {"copies": 0, "found": 0, "false_hits": 0,
                                          "demo_hits": 0} for v in VARIANTS}
    kinds: dict[str, int] = {}
    for key, variant, sid in copies:
        hits = svc.duplicates.for_submission(sid)
        r = per[variant]
        r["copies"] += 1
        found = [h for h in hits if h.submission_id == originals[key]]
        if found:
            r["found"] += 1
            kinds[f"{variant}: {found[0].kind}"] = kinds.get(f"{variant}: {found[0].kind}",
                                                             0) + 1
        r["false_hits"] += sum(1 for h in hits if h.submission_id in own
                               and own[h.submission_id] != key)
        r["demo_hits"] += sum(1 for h in hits if h.submission_id <= last_demo)
    timing = _timing(args, store, svc, work, copies)
    store.dispose()
    return {"database": db.describe(), "pages": len(demo_ids) + sum(
        1 for s in srcs if s.key in scans) * 2, "setup_seconds": round(setup_s, 1),
        "letters": len(srcs), "end_to_end": per, "found_as": kinds, "timing": timing}


def _fts_baseline(conn: sqlite3.Connection, words: list[str]) -> list[int]:
    q = " OR ".join(f'"{w}"' for w in words)
    return [r[0] for r in conn.execute(
        "SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ? ORDER BY rank "
        "LIMIT 20", (q,))]


def _timing(args: Any, store: Any, svc: Services, work: Any,
            copies: list[tuple[str, str, int]]) -> list[dict[str, Any]]:
    retyped = next(sid for _k, v, sid in copies if v == "retyped")
    rescanned = next((sid for _k, v, sid in copies if v == "rescanned"), retyped)
    demo = 54_321 if args.rows > 54_321 else args.rows // 2
    conn = sqlite3.connect(work / DB_FILE)
    out = []
    runs = 3 if args.quick else args.runs
    for label, sid in (("retyped letter", retyped), ("rescanned letter (page + OCR text)",
                                                      rescanned),
                       ("demo slip (templated text, many near-copies)", demo)):
        body, ocr = conn.execute("SELECT body, ocr_text FROM submissions WHERE id = ?",
                                 (sid,)).fetchone()
        text = body or ocr
        words = sorted(D.search_words(text), key=len, reverse=True)[:8]
        hits = svc.duplicates.for_submission(sid)
        t_svc, t_raw = common.time_pair(lambda s=sid: svc.duplicates.for_submission(s),
                                        lambda w=words: _fts_baseline(conn, w), runs=runs)
        out.append({"label": label, "submission_id": sid, "hits": len(hits),
                    "service_s": t_svc.median, "service_max_s": t_svc.max,
                    "raw_fts_s": t_raw.median,
                    "ratio": round(t_svc.median / t_raw.median, 1)})
    # The brute force, once: every slip's text against the retyped letter.
    t0 = time.perf_counter()
    rows = conn.execute("SELECT id, body, ocr_text FROM submissions").fetchall()
    texts = [D.normalize(b or o or "") for _i, b, o in rows]
    t1 = time.perf_counter()
    query = D.normalize(conn.execute("SELECT body FROM submissions WHERE id = ?",
                                     (retyped,)).fetchone()[0])
    process.extract(query, texts, scorer=fuzz.ratio, limit=20)
    t2 = time.perf_counter()
    out.append({"label": "brute force: rapidfuzz against every slip (once)",
                "read_normalise_s": round(t1 - t0, 3), "score_s": round(t2 - t1, 3),
                "service_s": t2 - t0})
    conn.close()
    return out
