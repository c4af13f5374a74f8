"""Near-duplicate slips: precision and recall of `kotaksaran.ocr.duplicates` on labelled pairs,
and the time of `DuplicateService.for_submission` on the 100,000-slip database.

    .venv/bin/python bench/bench_duplicates.py [--quick] [--ocr N] [--runs 7] [--seed 4]

Writes bench/out/bench_duplicates.json and bench/out/bench_duplicates.md (its RESULTS.md
section; `bench/run_all.py` puts it in RESULTS.md).

Slips: the hand-written letters of `bench/dup_letters.py` (15 topics, three writers each),
the labelled slips of `tests/data/labelled_slips.jsonl` (when present; read only) and, apart,
slips of the app's demo generator. Each source is in the tuning half or the test half (by
topic or category), so a threshold chosen on one half is judged on the other.

Positive pairs (the same slip twice):
* retyped with small edits (`dup_pairs.retype`): typos, sentences swapped, a greeting and a
  closing added, shorthand, lower case, and all together;
* OCR, simulated (`dup_pairs.ocr_noise`, 3 % and 7 % of characters hit) against the text;
* rescanned (images): the letter typed on A4 in one of several fonts, as a plain letter or on
  a printed form, scanned twice (`dup_pairs.scan`: turned up to 1.5 degrees, shifted,
  rescaled, grain, blur, JPEG), each scan through the app's page cleanup, then `phash`;
* OCR, real: the cleaned second scan read by tesseract (`kotaksaran.ocr.engine.recognize`,
  ind+eng) against the typed text, and both scans' OCR against each other (`--ocr N` letters).
Negative pairs (different slips): two letters of one topic (also with one of them retyped or
read by OCR), two labelled slips of one category, letters of different topics, the images of
different letters (with the same font and layout counted apart), and, reported on their own,
two demo slips of one category (the demo generator fills the same template with other
streets and numbers: as alike as different letters can be).
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import common
import dup_letters
import dup_pairs
from PIL import Image

from kotaksaran.ocr import duplicates as D

LABELLED = common.ROOT / "tests" / "data" / "labelled_slips.jsonl"
TEXT_GRID = [round(0.50 + 0.01 * i, 2) for i in range(50)]
IMAGE_GRID = list(range(0, 21))


@dataclass(frozen=True)
class Source:
    key: str
    group: str  # topic or category: two sources of one group are a hard negative
    text: str
    origin: str  # "hand", "labelled", "demo"
    split: str  # "tune" or "test"


@dataclass
class Pair:
    stratum: str
    label: bool  # True: the same slip
    split: str
    a: str
    b: str
    score: float = 0.0
    text_score: float | None = None  # images: the texts' score when both are comparable
    crowd: tuple[int, ...] = ()  # images: distances of page b to every first scan of its half


def sources(seed: int, quick: bool) -> list[Source]:
    out: list[Source] = []
    for t, (topic, letters) in enumerate(sorted(dup_letters.LETTERS.items())):
        split = "tune" if t % 2 == 0 else "test"
        out += [Source(f"hand:{topic}:{i}", topic, x, "hand", split)
                for i, x in enumerate(letters)]
    if LABELLED.exists():
        rows = [json.loads(line) for line in LABELLED.read_text().splitlines() if line.strip()]
        cats = sorted({r["category"] for r in rows})
        for i, r in enumerate(rows):
            split = "tune" if cats.index(r["category"]) % 2 == 0 else "test"
            out.append(Source(f"lab:{i}", r["category"], r["text"], "labelled", split))
    from kotaksaran.domain.demo_corpus import make_slips

    demo = make_slips(random.Random(seed), 150 if quick else 600)
    dcats = sorted({s.category_code for s in demo})
    out += [Source(f"demo:{i}", s.category_code, s.body, "demo",
                   "tune" if dcats.index(s.category_code) % 2 == 0 else "test")
            for i, s in enumerate(demo)]
    return out


# --- images and real OCR (worker processes) -----------------------------------------------
@dataclass(frozen=True)
class Scanned:
    key: str
    font: str
    layout: str
    phash1: str
    phash2: str
    ocr1: str | None
    ocr2: str | None
    seconds: float


def _scan_job(job: tuple[str, str, str, str, int, bool]) -> Scanned:
    from kotaksaran.intake.cleanup import CleanupOptions, clean_page
    from kotaksaran.ocr import engine
    from kotaksaran.services.intake import phash

    key, text, font, layout, seed, ocr = job
    t0 = time.perf_counter()
    rng = random.Random(seed)
    page = dup_pairs.render_letter(text, Path(font), layout)
    out: list[tuple[str, str | None]] = []
    for strength in (0.3, 1.0):  # a first, gentle scan; then the rescan
        data = dup_pairs.scan(page, rng, strength=strength)
        cleaned = clean_page(Image.open(io.BytesIO(data)), CleanupOptions())
        h = phash(cleaned.image)
        read = engine.recognize(cleaned.image, dpi=cleaned.dpi).text if ocr else None
        out.append((h, read))
    return Scanned(key, Path(font).name, layout, out[0][0], out[1][0], out[0][1], out[1][1],
                   time.perf_counter() - t0)


def scan_all(srcs: list[Source], n_ocr: int, seed: int) -> list[Scanned]:
    fonts = dup_pairs.fonts()
    jobs = []
    for i, s in enumerate(srcs):
        font = fonts[sum(map(ord, s.group)) % len(fonts)]  # one topic, one font: harder
        layout = dup_pairs.LAYOUTS[i % 2]
        jobs.append((s.key, s.text, str(font), layout, seed * 1000 + i, i < n_ocr))
    with ProcessPoolExecutor(2) as pool:
        return list(pool.map(_scan_job, jobs))


def strip_forms(scans: list[Scanned]) -> tuple[list[Scanned], list[str]]:
    """The OCR texts without the lines of the printed form, found as the service finds them:
    lines in the OCR text of many slips (here: of every scan read)."""
    common = D.common_lines(t for s in scans for t in (s.ocr1, s.ocr2) if t)
    out = [replace(s, ocr1=None if s.ocr1 is None else D.strip_common(s.ocr1, common),
                   ocr2=None if s.ocr2 is None else D.strip_common(s.ocr2, common))
           for s in scans]
    return out, sorted(common)


# --- pairs -----------------------------------------------------------------------------------
def text_pairs(srcs: list[Source], scans: dict[str, Scanned], seed: int) -> list[Pair]:
    rng = random.Random(seed)
    pairs: list[Pair] = []
    main = [s for s in srcs if s.origin != "demo"]
    for s in main:
        for kind in dup_pairs.RETYPE_KINDS:
            pairs.append(Pair(f"retyped: {kind}", True, s.split, s.text,
                              dup_pairs.retype(s.text, kind, rng)))
        for rate in (0.03, 0.07):
            pairs.append(Pair(f"OCR simulated {rate:.0%}", True, s.split, s.text,
                              dup_pairs.ocr_noise(s.text, rng, rate)))
        sc = scans.get(s.key)
        if sc is not None and sc.ocr2 is not None and sc.ocr1 is not None:
            pairs.append(Pair("OCR real: typed vs scan", True, s.split, s.text, sc.ocr2))
            pairs.append(Pair("OCR real: scan vs rescan", True, s.split, sc.ocr1, sc.ocr2))
    by_group: dict[str, list[Source]] = {}
    for s in main:
        by_group.setdefault(s.group, []).append(s)
    for group in by_group.values():
        for x, y in itertools.combinations(group, 2):
            label = "same topic (hand-written)" if x.origin == "hand" else \
                "same category (labelled slips)"
            pairs.append(Pair(label, False, x.split, x.text, y.text))
            if x.origin == "hand":
                pairs.append(Pair("same topic, one retyped", False, x.split,
                                  dup_pairs.retype(x.text, "combo", rng), y.text))
                sc = scans.get(y.key)
                if sc is not None and sc.ocr2:
                    pairs.append(Pair("same topic, one by real OCR", False, x.split, x.text,
                                      sc.ocr2))
    read = [s for s in main if s.key in scans and scans[s.key].ocr1 is not None]
    for x, y in itertools.combinations(read, 2):
        if x.split == y.split:
            sx, sy = scans[x.key], scans[y.key]
            where = "both on the printed form" if sx.layout == sy.layout == "form" else \
                "plain letters"
            pairs.append(Pair(f"other letter, both by real OCR ({where})", False, x.split,
                              sx.ocr1 or "", sy.ocr2 or ""))
    for split in ("tune", "test"):
        pool = [s for s in main if s.split == split]
        for _ in range(len(pool) * 2):
            x, y = rng.sample(pool, 2)
            if x.group != y.group:
                pairs.append(Pair("other topic", False, split, x.text, y.text))
    demo = [s for s in srcs if s.origin == "demo"]
    by_cat: dict[str, list[Source]] = {}
    for s in demo:
        by_cat.setdefault(s.group, []).append(s)
    for group in by_cat.values():
        for x, y in itertools.combinations(group[:8], 2):
            if D.normalize(x.text) != D.normalize(y.text):  # the very same text is a duplicate
                pairs.append(Pair("demo: same category", False, x.split, x.text, y.text))
    for p in pairs:
        p.score = D.text_score(p.a, p.b).score
    return pairs


def image_pairs(srcs: list[Source], scans: list[Scanned], seed: int) -> list[Pair]:
    """Scan 1 of each letter against scan 2 of the same letter and of every other letter of
    its half; each pair also carries the score of the two slips' texts (both scans' real
    OCR where read, else the typed text against simulated OCR of the other)."""
    rng = random.Random(seed)
    by_key = {s.key: s for s in srcs}
    noisy = {sc.key: dup_pairs.ocr_noise(by_key[sc.key].text, rng, 0.03) for sc in scans}

    def texts(x: Scanned, y: Scanned) -> tuple[str, str]:
        if x.ocr1 is not None and y.ocr2 is not None:
            return x.ocr1, y.ocr2
        return by_key[x.key].text, noisy[y.key]

    pairs: list[Pair] = []
    crowd = {y.key: tuple(sorted(D.hamming(x.phash1, y.phash2) for x in scans
                                 if by_key[x.key].split == by_key[y.key].split))
             for y in scans}
    for x in scans:
        for y in scans:
            if by_key[x.key].split != by_key[y.key].split:
                continue
            if x is y:
                stratum = "rescanned"
            elif x.layout == "form" and y.layout == "form":
                stratum = "other letter, both on the printed form"
            elif x.font == y.font and x.layout == y.layout:
                stratum = "other letter, plain, same font"
            else:
                stratum = "other letter, other font or layout"
            p = Pair(stratum, x is y, by_key[x.key].split, x.phash1, y.phash2,
                     float(D.hamming(x.phash1, y.phash2)), crowd=crowd[y.key])
            if p.score <= IMAGE_GRID[-1]:
                a, b = texts(x, y)
                pa, pb = D.prepare(a), D.prepare(b)
                if pa.comparable and pb.comparable:
                    p.text_score = D.text_score(pa, pb).score
            pairs.append(p)
    return pairs


def image_flagged(distance: int, veto: bool, crowd: bool = True) -> Any:
    """The service's rule: close enough, not one of a crowd (`IMAGE_CROWD`: the first scans
    of the half stand for the database), and with `veto` not contradicted by the text."""
    def flagged(p: Pair) -> bool:
        if p.score > distance:
            return False
        if crowd and sum(1 for d in p.crowd if d <= distance) > D.IMAGE_CROWD:
            return False
        return not (veto and p.text_score is not None and p.text_score < D.IMAGE_TEXT_VETO)
    return flagged


# --- metrics -------------------------------------------------------------------------------
def prf(pairs: list[Pair], flagged: Any) -> dict[str, Any]:
    tp = sum(1 for p in pairs if p.label and flagged(p))
    fp = sum(1 for p in pairs if not p.label and flagged(p))
    fn = sum(1 for p in pairs if p.label and not flagged(p))
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 4),
            "recall": round(rec, 4), "f1": round(f1, 4)}


def choose(pairs: list[Pair], grid: list[Any], flagged_at: Any) -> tuple[Any, list[Any]]:
    """The middle of the best-F1 plateau on these pairs, and the whole sweep."""
    sweep = [(t, prf(pairs, flagged_at(t))) for t in grid]
    best = max(r["f1"] for _, r in sweep)
    plateau = [t for t, r in sweep if r["f1"] == best]
    return plateau[len(plateau) // 2], [{"threshold": t, **r} for t, r in sweep]


def strata(pairs: list[Pair], flagged: Any) -> list[dict[str, Any]]:
    out = []
    for name in dict.fromkeys(p.stratum for p in pairs):
        ps = [p for p in pairs if p.stratum == name]
        hit = sum(1 for p in ps if flagged(p))
        scores = sorted(p.score for p in ps)
        out.append({"stratum": name, "label": ps[0].label, "pairs": len(ps), "flagged": hit,
                    "min": scores[0], "median": scores[len(scores) // 2],
                    "max": scores[-1]})
    return out


def evaluate(pairs: list[Pair], grid: list[Any], flagged_at: Any, constant: Any,
             exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    main = [p for p in pairs if p.stratum not in exclude]
    tune = [p for p in main if p.split == "tune"]
    test = [p for p in main if p.split == "test"]
    chosen, sweep = choose(tune, grid, flagged_at)
    flagged = flagged_at(constant)
    return {
        "constant": constant, "chosen_on_tune": chosen,
        "tune": prf(tune, flagged), "test": prf(test, flagged), "all": prf(main, flagged),
        "test_at_chosen": prf(test, flagged_at(chosen)),
        "strata_test": strata(test, flagged), "strata_all": strata(pairs, flagged),
        "sweep_tune": sweep,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer slips and runs (smoke test)")
    ap.add_argument("--ocr", type=int, default=None,
                    help="letters read by real tesseract (default: every hand-written one)")
    ap.add_argument("--images", type=int, default=None, help="letters rendered and scanned")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--skip-db", action="store_true", help="no 100,000-slip timing")
    ap.add_argument("--rows", type=int, default=common.DEFAULT_ROWS)
    args = ap.parse_args(argv)
    t_start = time.perf_counter()
    srcs = sources(args.seed, args.quick)
    main_srcs = [s for s in srcs if s.origin != "demo"]
    hand = [s for s in main_srcs if s.origin == "hand"]
    n_img = args.images if args.images is not None else (12 if args.quick else len(hand) + 36)
    n_ocr = args.ocr if args.ocr is not None else (4 if args.quick else len(hand))
    # Hand-written letters first (every one of them read by OCR), then labelled slips.
    labelled = [s for s in main_srcs if s.origin == "labelled"]
    picked = (hand + random.Random(args.seed).sample(labelled, min(len(labelled), n_img)))
    picked = picked[:n_img]
    print(f"[dup] {len(main_srcs)} slips ({len(hand)} hand-written), scanning {len(picked)} "
          f"letters, OCR on {min(n_ocr, len(picked))} ...", flush=True)
    t0 = time.perf_counter()
    scans = scan_all(picked, n_ocr, args.seed)
    scan_s = time.perf_counter() - t0
    raw_scans = {s.key: s for s in scans}  # the database gets the OCR text as read
    scans, form_lines = strip_forms(scans)
    by_key = {s.key: s for s in scans}
    tpairs = text_pairs(srcs, by_key, args.seed)
    ipairs = image_pairs(srcs, scans, args.seed)
    text = evaluate(tpairs, TEXT_GRID, lambda t: lambda p: p.score >= t, D.TEXT_THRESHOLD,
                    exclude=("demo: same category",))
    text["with_demo_test"] = prf([p for p in tpairs if p.split == "test"],
                                 lambda p: p.score >= D.TEXT_THRESHOLD)
    # The distance is chosen for pages without text (the hash decides alone); with text on
    # both slips the service also checks it (`IMAGE_TEXT_VETO`).
    image = evaluate(ipairs, IMAGE_GRID, lambda d: image_flagged(d, False),
                     D.IMAGE_MAX_DISTANCE)
    image_checked = evaluate(ipairs, IMAGE_GRID, lambda d: image_flagged(d, True),
                             D.IMAGE_MAX_DISTANCE)
    image_hash_only = evaluate(ipairs, IMAGE_GRID, lambda d: image_flagged(d, False, False),
                               D.IMAGE_MAX_DISTANCE)
    generic = [D.text_score(x, x).score for x in dup_letters.GENERIC_SHORT]
    data: dict[str, Any] = {
        "command": "bench/bench_duplicates.py" + (" --quick" if args.quick else ""),
        "machine": common.machine(), "seed": args.seed,
        "sources": {o: sum(1 for s in srcs if s.origin == o)
                    for o in ("hand", "labelled", "demo")},
        "scanned": len(scans), "ocr_read": sum(1 for s in scans if s.ocr2 is not None),
        "scan_seconds": round(scan_s, 1), "form_lines": form_lines,
        "text": text, "image": image, "image_checked": image_checked,
        "image_hash_only": image_hash_only,
        "constants": {k: getattr(D, k) for k in (
            "TEXT_THRESHOLD", "TEXT_MIN_CHARS", "TEXT_MIN_WORDS", "SPECIFICS_PENALTY",
            "IMAGE_MAX_DISTANCE", "IMAGE_TEXT_VETO", "IMAGE_CROWD", "BOILERPLATE_MIN_SLIPS")},
        "generic_short": {"pairs": len(generic),
                          "flagged": sum(1 for g in generic if g >= D.TEXT_THRESHOLD)},
        "ocr_samples": [{"key": s.key, "ocr2": (s.ocr2 or "")[:300]} for s in scans
                        if s.ocr2][:3],
    }
    if not args.skip_db:
        import dup_db

        data["db"] = dup_db.run(args, [s for s in main_srcs if s.split == "test"], raw_scans)
    data["seconds"] = round(time.perf_counter() - t_start, 1)
    common.write_json("bench_duplicates.json", data)
    md = markdown(data)
    (common.OUT / "bench_duplicates.md").write_text(md + "\n")
    print(md)


def markdown(d: dict[str, Any]) -> str:
    from dup_report import render

    return render(d)


if __name__ == "__main__":
    sys.exit(main())
