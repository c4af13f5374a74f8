"""Suggestion accuracy and speed: klasifikasi, kategori and instansi on hand-written slips.

    .venv/bin/python bench/bench_suggest.py            # writes bench/out/bench_suggest.{json,md}
    .venv/bin/python bench/bench_suggest.py --quick    # 500 demo slips, no 100k timing

Accuracy is measured on `tests/data/labelled_slips.jsonl` (hand-written slips, worded unlike
the demo generator) through the app's own path, `Services(...).suggestions.for_text("", text)`,
in three states:

* **cold**: a new office database, no slips (the seed keywords of the categories only);
* **learned (demo)**: a temporary office with `--demo` slips made by the demo generator
  (`services.demo.create_demo(bulk=True)`); the model learns from the ones verified or later;
* **majority**: always the most common class of the labelled set (a baseline that peeks at
  the answers' distribution, which the classifier cannot).

Top-3: the right answer among the suggestion and its first two alternatives. The same learned
model is also scored on fresh demo slips (the generator's own wording, so it flatters). Timing:
`for_text` on the 100,000-slip benchmark database (`common.build_db`), the first call (learning
from the newest 20,000 verified slips) against later calls that reuse the cached model.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import common
from sqlalchemy import select

from kotaksaran.domain.demo_corpus import make_slips
from kotaksaran.domain.errors import KotakSaranError
from kotaksaran.services import Services
from kotaksaran.services import suggestions as suggestions_mod
from kotaksaran.services.context import Actor
from kotaksaran.services.demo import create_demo
from kotaksaran.services.setup import AdminInput, UnitInput, initialize
from kotaksaran.store.db import DB_FILE, Store, open_store
from kotaksaran.store.models import Agency, Category, Submission

LABELLED = common.ROOT / "tests" / "data" / "labelled_slips.jsonl"
TARGETS = ("classification", "category", "agency")
DEMO_SLIPS = 2_000
FRESH_DEMO = 500
TIMED_RUNS = 15


def load_labelled(path: Path = LABELLED) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


# --- scoring ------------------------------------------------------------------------------
Predict = Callable[[str], dict[str, list[str]]]  # text -> target -> ranked codes
SCORE = "_score"  # key of the top suggestion's score per target in a prediction


def service_predictor(store: Store) -> Predict:
    """Suggestions through the service, with ids turned back into codes."""
    svc = Services(store, Actor.cli("bench")).suggestions
    with store.read() as s:
        cat_code = dict(s.query(Category.id, Category.code).all())
        agency_code = dict(s.query(Agency.id, Agency.code).all())

    def codes(sug: Any, mapping: dict[Any, str] | None) -> list[Any]:
        if sug is None:
            return []
        values = [sug.value, *(a.value for a in sug.alternatives)]
        return [mapping[v] if mapping is not None else str(v) for v in values]

    def predict(text: str) -> dict[str, list[str]]:
        got = svc.for_text("", text)
        out = {"classification": codes(got.classification, None),
               "category": codes(got.category, cat_code),
               "agency": codes(got.agency, agency_code)}
        for t in TARGETS:
            sug = getattr(got, t)
            out[t + SCORE] = [sug.score] if sug is not None else []
        return out

    return predict


def score(rows: Sequence[dict[str, str]], predict: Predict) -> dict[str, Any]:
    hits = {t: 0 for t in TARGETS}
    top3 = {t: 0 for t in TARGETS}
    missing = {t: 0 for t in TARGETS}
    right: dict[str, list[float]] = {t: [] for t in TARGETS}
    wrong: dict[str, list[float]] = {t: [] for t in TARGETS}
    seconds = []
    for row in rows:
        t0 = time.perf_counter()
        got = predict(row["text"])
        seconds.append(time.perf_counter() - t0)
        for t in TARGETS:
            ranked = got[t]
            if not ranked:
                missing[t] += 1
            hits[t] += bool(ranked) and ranked[0] == row[t]
            top3[t] += row[t] in ranked[:3]
            for sc in got.get(t + SCORE, []):
                (right if ranked[0] == row[t] else wrong)[t].append(float(sc))
    n = len(rows)
    return {"n": n,
            "accuracy": {t: hits[t] / n for t in TARGETS},
            "top3": {t: top3[t] / n for t in TARGETS},
            "no_suggestion": missing,
            "score_right": {t: statistics.fmean(right[t]) if right[t] else 0.0 for t in TARGETS},
            "score_wrong": {t: statistics.fmean(wrong[t]) if wrong[t] else 0.0 for t in TARGETS},
            "median_ms": statistics.median(seconds) * 1000}


def majority(rows: Sequence[dict[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {"accuracy": {}, "top3": {}, "class": {}}
    for t in TARGETS:
        counts = Counter(r[t] for r in rows).most_common()
        out["class"][t] = counts[0][0]
        out["accuracy"][t] = counts[0][1] / len(rows)
        out["top3"][t] = sum(c for _, c in counts[:3]) / len(rows)
    return out


def demo_rows(n: int, seed: int) -> list[dict[str, str]]:
    """Fresh slips from the demo generator (another seed than the learned office)."""
    return [{"text": f"{s.title}. {s.body}", "classification": s.classification,
             "category": s.category_code, "agency": s.agency_code or ""}
            for s in make_slips(random.Random(seed), n)]


# --- the offices --------------------------------------------------------------------------
def cold_office(root: Path) -> Store:
    store = open_store(root / "cold", create=True)
    initialize(store, UnitInput(code="KLBS", name="Kelurahan Batu Selicin",
                                unit_type="kelurahan", address="Batam", box_location="Lobi"),
               AdminInput("admin", "Admin", common.PASSWORD))
    return store


def demo_office(root: Path, n: int) -> tuple[Store, float]:
    store = open_store(root / "demo", create=True)
    t0 = time.perf_counter()
    create_demo(store, n, seed=7, bulk=True)
    return store, time.perf_counter() - t0


def timing_100k(rows: Sequence[dict[str, str]], root: Path) -> dict[str, Any]:
    """On a copy of the benchmark database (one slip gets verified here)."""
    db = common.build_db()
    copy = root / "big"
    copy.mkdir()
    shutil.copy(db.db_path, copy / DB_FILE)
    store = open_store(copy)
    try:
        svc = Services(store, Actor.cli("bench")).suggestions
        texts = [r["text"] for r in rows]
        suggestions_mod.clear_cache()
        t0 = time.perf_counter()
        svc.for_text("", texts[0])
        first = time.perf_counter() - t0
        learned = svc.learned_from()
        cached = []
        for i in range(TIMED_RUNS):
            t0 = time.perf_counter()
            svc.for_text("", texts[(i + 1) % len(texts)])
            cached.append(time.perf_counter() - t0)
        with store.read() as s:
            quick = common.time_runs(lambda: suggestions_mod._quick(s), runs=TIMED_RUNS)
            full = common.time_runs(lambda: suggestions_mod._fingerprint(s), runs=5)
        accuracy = score(rows, service_predictor(store))
        after_verify = _after_one_verification(store, svc, texts[0])
        rebuilds = []
        for _ in range(3):
            suggestions_mod.clear_cache()
            t0 = time.perf_counter()
            svc.for_text("", texts[0])
            rebuilds.append(time.perf_counter() - t0)
        return {"database": db.describe(), "learned_from": learned, "accuracy": accuracy,
                "limit": suggestions_mod.LEARN_LIMIT,
                "first_call_s": first, "cold_runs_s": [first, *rebuilds],
                "cold_median_s": statistics.median([first, *rebuilds]),
                "cached_median_s": statistics.median(cached),
                "cached_max_s": max(cached), "quick_check_median_s": quick.median,
                "full_check_median_s": full.median, **after_verify,
                "peak_rss_mib": round(common.peak_rss_mib(), 1)}
    finally:
        store.dispose()


def _after_one_verification(store: Store, svc: Any, text: str) -> dict[str, Any]:
    """Verify one draft of the database, then time the next suggestion (it catches up)."""
    petugas = Services(store, Actor.cli("bench"))
    with store.read() as s:
        drafts = list(s.scalars(select(Submission.id).where(Submission.status == "draft")
                                .order_by(Submission.id.desc()).limit(50)))
    before = svc.learned_from()
    for sid in drafts:
        try:
            petugas.submissions.verify(sid)
        except KotakSaranError:
            continue
        t0 = time.perf_counter()
        svc.for_text("", text)
        seconds = time.perf_counter() - t0
        return {"after_verify_s": seconds, "after_verify_learned": svc.learned_from(),
                "before_verify_learned": before}
    return {"after_verify_s": None}


# --- report -------------------------------------------------------------------------------
def _pct(x: float) -> str:
    return f"{x * 100:.1f} %"


def markdown(d: dict[str, Any]) -> str:
    m = d["machine"]
    big = (d.get("timing") or {}).get("accuracy")
    lines = [
        "## Suggestions (`bench_suggest.py`)", "",
        "Command: `.venv/bin/python bench/bench_suggest.py` (part of `bench/run_all.py`)", "",
        f"Run: {m['date_utc']}; {m['nproc']} cpu ({m.get('cpu', '?')}), load "
        f"{m['loadavg_1m']}; Python {m['python']}; git {m['git']}", "",
        f"Accuracy on {d['labelled']['n']} hand-written labelled slips "
        "(`tests/data/labelled_slips.jsonl`, worded unlike the demo generator), through "
        "`Services.suggestions.for_text`. *Cold*: a new office, seed keywords only. "
        f"*Learned*: an office with {d['demo_slips']:,} demo-generator slips, of which "
        f"{d['learned']['learned_from']:,} verified or later were learned. *Majority*: "
        "always the labelled set's most common class (it knows the answers' distribution). "
        "Top-3: the right answer among the suggestion and its first two alternatives "
        "(klasifikasi has three classes, so its top-3 is always 100 %).", "",
        "| target | majority | cold | learned (demo) | cold top-3 | learned top-3 "
        "| learned, on fresh demo slips |" + (" learned from 20,000 (100k db) |" if big else ""),
        "|---|---:|---:|---:|---:|---:|---:|" + ("---:|" if big else ""),
    ]
    cold, learned, maj, fresh = d["cold"], d["learned"], d["majority"], d["learned_on_demo"]
    for t in TARGETS:
        lines.append(
            f"| {t} | {_pct(maj['accuracy'][t])} (`{maj['class'][t]}`) "
            f"| {_pct(cold['accuracy'][t])} | {_pct(learned['accuracy'][t])} "
            f"| {_pct(cold['top3'][t])} | {_pct(learned['top3'][t])} "
            f"| {_pct(fresh['accuracy'][t])} |"
            + (f" {_pct(big['accuracy'][t])} (top-3 {_pct(big['top3'][t])}) |" if big else ""))
    def none(d: dict[str, Any]) -> str:
        return ", ".join(f"{t} {d['no_suggestion'][t]}" for t in TARGETS)

    lines += [
        "", f"Slips with no suggestion at all (no known word; counted as wrong): cold "
        f"{none(cold)}; learned {none(learned)}. Mean score of the suggestion when right / "
        f"wrong (learned): " + "; ".join(
            f"{t} {learned['score_right'][t]:.2f} / {learned['score_wrong'][t]:.2f}"
            for t in TARGETS) + ". Median time per slip through the "
        f"service: cold {cold['median_ms']:.1f} ms, learned {learned['median_ms']:.1f} ms. "
        f"The fresh demo slips ({fresh['n']}, another seed) share the generator's templates "
        "with what was learned, which is why that column flatters.",
    ]
    tm = d.get("timing")
    if tm:
        lines += [
            "", f"### Speed on the {tm['database']['rows']:,}-slip benchmark database", "",
            "| what | time |", "|---|---:|",
            f"| first `for_text` (learns from the newest {tm['learned_from']:,} verified slips; "
            f"limit {tm['limit']:,}) | {tm['first_call_s']:.2f} s |",
            f"| the same with the cache cleared, median of {len(tm['cold_runs_s'])} "
            f"| {tm['cold_median_s']:.2f} s |",
            f"| later `for_text` (cached model), median of {TIMED_RUNS} "
            f"| {tm['cached_median_s'] * 1000:.1f} ms (max {tm['cached_max_s'] * 1000:.1f}) |",
            f"| of which the check every call makes (count of verified slips, latest audit "
            f"event) | {tm['quick_check_median_s'] * 1000:.1f} ms |",
            f"| the full check when those moved (count and latest `updated_at` of verified "
            f"slips, categories, agencies) | {tm['full_check_median_s'] * 1000:.1f} ms |",
            *([f"| next `for_text` after one more slip was verified (the full check, then "
               f"only the changed slips are learned or forgotten; learned "
               f"{tm['before_verify_learned']:,} -> {tm['after_verify_learned']:,}, the "
               f"newest {tm['limit']:,} kept) | {tm['after_verify_s'] * 1000:.0f} ms |"]
              if tm.get("after_verify_s") else []),
            f"| peak RSS of the benchmark process | {tm['peak_rss_mib']:.0f} MiB |",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="500 demo slips, no 100k timing")
    ap.add_argument("--demo", type=int, default=None, help=f"demo slips (default {DEMO_SLIPS})")
    ap.add_argument("--no-timing", action="store_true", help="skip the 100k timing")
    ap.add_argument("--out", type=Path, default=common.OUT)
    args = ap.parse_args(argv)
    n_demo = args.demo or (500 if args.quick else DEMO_SLIPS)
    rows = load_labelled()
    data: dict[str, Any] = {"machine": common.machine(), "labelled": {"n": len(rows)},
                            "demo_slips": n_demo, "majority": majority(rows)}
    with tempfile.TemporaryDirectory(prefix="bench-suggest-") as tmp:
        root = Path(tmp)
        store = cold_office(root)
        try:
            data["cold"] = score(rows, service_predictor(store))
        finally:
            store.dispose()
        store, build_s = demo_office(root, n_demo)
        try:
            predict = service_predictor(store)
            data["learned"] = score(rows, predict)
            data["learned"]["learned_from"] = Services(
                store, Actor.cli("bench")).suggestions.learned_from()
            data["learned"]["demo_build_s"] = build_s
            fresh = [r for r in demo_rows(FRESH_DEMO, seed=99) if r["agency"]]
            data["learned_on_demo"] = score(fresh, predict)
        finally:
            store.dispose()
        if not (args.quick or args.no_timing):
            data["timing"] = timing_100k(rows, root)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_suggest.json").write_text(json.dumps(data, indent=2, default=str))
    text = markdown(data)
    (args.out / "bench_suggest.md").write_text(text + "\n")
    print(text)
    return data


if __name__ == "__main__":
    sys.exit(0 if main() else 1)
