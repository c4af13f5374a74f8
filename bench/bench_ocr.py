"""OCR: the app's pipeline beside raw tesseract, for speed and for accuracy (CER/WER).

    .venv/bin/python bench/bench_ocr.py [--quick] [--seed 11] [--per-stratum 12] [--pages 20]
                                        [--reps 3] [--cli]

Pages come from bench/gen_letters.py (typed Indonesian letters with their exact text; made once
per seed and size under bench/out/, reused while the generator is unchanged).

* Throughput: three sets of `--pages` A4 letters at 300 dpi (JPEG as a scanner writes them):
  upright and straight, skewed 1-10 degrees, rotated 90/180/270. On each set, the app's
  pipeline — `kotaksaran.ocr.engine.recognize_files(paths, workers=2)`, what `kotaksaran ocr`
  and the app run: read the file, `clean_page`, tesseract through pytesseract with word boxes,
  one page per worker process, the pool started inside the timing — beside raw tesseract run
  the best way: `tesseract FILE stdout -l ind+eng --psm 3`, two processes at a time,
  OMP_THREAD_LIMIT=1, on the same files. The two sides alternate (raw first in odd
  repetitions, pipeline first in even ones) and the median of `--reps` wall times is kept;
  ratio = pipeline / raw. `--cli` times `kotaksaran ocr --json FILES` as a subprocess instead.
* Accuracy: `--per-stratum` letters of each stratum (clean, skew, rot90, rot180, rot270, noise,
  blur, jpeg, combo; 150/200/300 dpi and the fonts in turn), read by both sides. Corpus-level
  CER = character edit distance summed over the pages / reference characters; WER the same
  over words (rapidfuzz). Text is compared after Unicode NFKC, typographic quotes and dashes
  mapped to ASCII and every run of white space made one space (line breaks do not count).

Writes bench/out/bench_ocr.json and bench/out/bench_ocr.md (the RESULTS.md section that
`bench/run_all.py` includes); `--quick` (a smoke run: 1 page per stratum, 4 pages per set,
1 repetition) writes bench/out/bench_ocr-quick.{json,md} instead, leaving the real figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import unicodedata
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT, OUT = BENCH_DIR.parent, BENCH_DIR / "out"
for _p in (ROOT, BENCH_DIR):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

# Light imports only: the pipeline's worker processes are spawned, and a spawned child
# imports this module again (`common` would add the store and SQLAlchemy, ~0.9 s, to the
# pipeline's timing; it is imported in main() only).
import gen_letters  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from kotaksaran.ocr import engine  # noqa: E402

LANG = engine.DEFAULT_LANG
PSM = engine.PSM_PAGE
WORKERS = 2
CER_TOLERANCE_PP = 0.2  # the pipeline may be worse than raw by at most this (percentage points)
RATIO_AIM = 1.10
GEOMETRY_STRATA = ("skew", "rot90", "rot180", "rot270", "combo")  # should be far better
_PUNCT = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                        "„": '"', "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00ad": None})


# --- metrics ---------------------------------------------------------------------------------
def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_PUNCT).split())


def errors(reference: str, hypothesis: str) -> dict[str, int]:
    """Character and word edit distances of one page, with the reference lengths."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    rw, hw = ref.split(), hyp.split()
    return {"char_errors": Levenshtein.distance(ref, hyp), "chars": len(ref),
            "word_errors": Levenshtein.distance(rw, hw), "words": len(rw)}


def corpus(rows: Sequence[dict[str, int]]) -> dict[str, float]:
    """Corpus-level CER and WER in percent: errors summed over pages / reference size."""
    ce, cn = sum(r["char_errors"] for r in rows), sum(r["chars"] for r in rows)
    we, wn = sum(r["word_errors"] for r in rows), sum(r["words"] for r in rows)
    return {"cer": 100.0 * ce / max(1, cn), "wer": 100.0 * we / max(1, wn), "pages": len(rows),
            "chars": cn, "words": wn}


# --- the two sides ---------------------------------------------------------------------------
def _env() -> dict[str, str]:
    return dict(os.environ, OMP_THREAD_LIMIT="1")


def _raw_one(path: str) -> tuple[str, float]:
    t0 = time.perf_counter()
    res = subprocess.run(["tesseract", path, "stdout", "-l", LANG, "--psm", str(PSM)],
                         capture_output=True, env=_env(), timeout=engine.DEFAULT_TIMEOUT * 3,
                         check=False)
    return res.stdout.decode("utf-8", "replace"), time.perf_counter() - t0


def run_raw(paths: Sequence[str]) -> tuple[float, list[str], list[float]]:
    """Raw tesseract on every file, two processes at a time: (wall s, texts, s per page)."""
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        out = list(pool.map(_raw_one, paths))
    return time.perf_counter() - t0, [t for t, _ in out], [s for _, s in out]


def run_pipeline(paths: Sequence[str], cli: bool = False
                 ) -> tuple[float, list[str], list[float], list[str]]:
    """The app's pipeline on every file: (wall s, texts, s per page, errors)."""
    t0 = time.perf_counter()
    if cli:
        exe = Path(sys.executable).with_name("kotaksaran")
        res = subprocess.run([str(exe), "ocr", "--json", *paths], capture_output=True,
                             env=_env(), check=False, cwd=ROOT)
        wall = time.perf_counter() - t0
        items = json.loads(res.stdout.decode("utf-8") or "[]")
        texts = [str(i.get("text") or "") for i in items]
        secs = [float(i.get("seconds") or 0.0) for i in items]
        errs = [str(i["error"]) for i in items if i.get("error")]
        if len(items) != len(paths):
            errs.append(f"kotaksaran ocr exited {res.returncode}: "
                        f"{res.stderr.decode('utf-8', 'replace')[-300:]}")
            texts += [""] * (len(paths) - len(texts))
        return wall, texts, secs, errs
    results = engine.recognize_files(paths, workers=WORKERS, lang=LANG, psm=PSM)
    wall = time.perf_counter() - t0
    texts, secs, errs = [], [], []
    for path, r in results:
        if isinstance(r, engine.OcrResult):
            texts.append(r.text)
            secs.append(r.seconds)
        else:
            texts.append("")
            errs.append(f"{Path(path).name}: {r.code}")
    return wall, texts, secs, errs


# --- the pages -------------------------------------------------------------------------------
def _generator_key(seed: int, per_stratum: int, pages: int) -> str:
    h = hashlib.sha256(Path(gen_letters.__file__).read_bytes())
    for reg, _bold in gen_letters.available_fonts():
        h.update(str(reg).encode())
    return f"s{seed}-p{per_stratum}-n{pages}-{h.hexdigest()[:10]}"


def dataset(seed: int, per_stratum: int, pages: int) -> tuple[Path, float, bool]:
    """The folder with `accuracy/` and the throughput sets (made now or reused), the seconds
    it took to make, and whether it was reused."""
    folder = OUT / f"ocr-letters-{_generator_key(seed, per_stratum, pages)}"
    done = folder / "done.json"
    if done.exists():
        return folder, float(json.loads(done.read_text())["seconds"]), True
    for old in OUT.glob(f"ocr-letters-s{seed}-p{per_stratum}-n{pages}-*"):  # older pages
        shutil.rmtree(old, ignore_errors=True)
    t0 = time.perf_counter()
    gen_letters.write(folder / "accuracy", gen_letters.accuracy_set(seed, per_stratum))
    for kind in gen_letters.THROUGHPUT_KINDS:
        gen_letters.write(folder / kind, gen_letters.throughput_set(kind, pages, seed))
    seconds = time.perf_counter() - t0
    done.write_text(json.dumps({"seconds": seconds, "made": time.strftime("%Y-%m-%d %H:%M:%S")}))
    return folder, seconds, False


def _truth(folder: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((folder / "truth.json").read_text("utf-8"))
    for r in rows:
        r["path"] = str(folder / r["file"])
    return rows


# --- the runs --------------------------------------------------------------------------------
def throughput(folder: Path, reps: int, cli: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for kind in gen_letters.THROUGHPUT_KINDS:
        truth = _truth(folder / kind)
        paths = [t["path"] for t in truth]
        raw_s: list[float] = []
        pipe_s: list[float] = []
        raw_pages: list[float] = []
        pipe_pages: list[float] = []
        texts: dict[str, list[str]] = {}
        errs: list[str] = []
        loads = [round(os.getloadavg()[0], 2)]
        for rep in range(reps):
            for side in (("raw", "pipeline") if rep % 2 == 0 else ("pipeline", "raw")):
                if side == "raw":
                    wall, t, per = run_raw(paths)
                    raw_s.append(wall)
                    raw_pages += per
                else:
                    wall, t, per, e = run_pipeline(paths, cli)
                    pipe_s.append(wall)
                    pipe_pages += per
                    errs += e
                texts.setdefault(side, t)
                print(f"[ocr] {kind:8} rep {rep + 1}/{reps} {side:8} {wall:6.2f} s", flush=True)
            loads.append(round(os.getloadavg()[0], 2))
        raw_m, pipe_m = statistics.median(raw_s), statistics.median(pipe_s)
        acc = {side: corpus([errors(tr["text"], tx) for tr, tx in zip(truth, t, strict=True)])
               for side, t in texts.items()}
        out[kind] = {
            "pages": len(paths), "raw_s": raw_m, "pipeline_s": pipe_m, "ratio": pipe_m / raw_m,
            "raw_runs_s": raw_s, "pipeline_runs_s": pipe_s,
            "raw_page_median_s": statistics.median(raw_pages),
            "pipeline_page_median_s": statistics.median(pipe_pages),
            "raw_pps": len(paths) / raw_m, "pipeline_pps": len(paths) / pipe_m,
            "accuracy": acc, "errors": errs, "load_1m": loads,
        }
        print(f"[ocr] {kind:8} raw {raw_m:.2f} s, pipeline {pipe_m:.2f} s: "
              f"x{pipe_m / raw_m:.3f}; CER raw {acc['raw']['cer']:.2f} %, pipeline "
              f"{acc['pipeline']['cer']:.2f} %", flush=True)
    return out


def accuracy(folder: Path, cli: bool) -> dict[str, Any]:
    truth = _truth(folder / "accuracy")
    paths = [t["path"] for t in truth]
    raw_wall, raw_texts, _, = run_raw(paths)
    print(f"[ocr] accuracy set: raw tesseract {raw_wall:.1f} s", flush=True)
    pipe_wall, pipe_texts, _, errs = run_pipeline(paths, cli)
    print(f"[ocr] accuracy set: pipeline {pipe_wall:.1f} s", flush=True)
    pages = []
    for t, rt, pt in zip(truth, raw_texts, pipe_texts, strict=True):
        pages.append({k: t[k] for k in ("name", "stratum", "dpi", "font", "skew", "rotation",
                                        "grain", "speckle", "blur_mm", "jpeg_quality")}
                     | {"raw": errors(t["text"], rt), "pipeline": errors(t["text"], pt),
                        "raw_text": rt, "pipeline_text": pt})

    def group(key: str) -> dict[str, Any]:
        keys = list(dict.fromkeys(str(p[key]) for p in pages))
        rows = {}
        for k in keys:
            sel = [p for p in pages if str(p[key]) == k]
            raw = corpus([p["raw"] for p in sel])
            pipe = corpus([p["pipeline"] for p in sel])
            rows[k] = {"raw": raw, "pipeline": pipe, "pages": len(sel),
                       "cer_diff_pp": pipe["cer"] - raw["cer"],
                       "not_worse": pipe["cer"] - raw["cer"] <= CER_TOLERANCE_PP}
        return rows

    strata = group("stratum")
    for k, row in strata.items():
        if k in GEOMETRY_STRATA:
            raw_cer, pipe_cer = row["raw"]["cer"], row["pipeline"]["cer"]
            row["far_better"] = pipe_cer <= 0.5 * raw_cer if raw_cer >= 1.0 else None
    return {"pages": pages, "strata": strata, "dpi": group("dpi"), "font": group("font"),
            "all": {"raw": corpus([p["raw"] for p in pages]),
                    "pipeline": corpus([p["pipeline"] for p in pages])},
            "raw_wall_s": raw_wall, "pipeline_wall_s": pipe_wall, "errors": errs}


def cleanup_cost(folder: Path) -> dict[str, Any]:
    """`clean_page` alone on the upright set, one process (what it adds before the OCR)."""
    from kotaksaran.intake.cleanup import clean_page
    from kotaksaran.intake.readers import iter_pages

    per: dict[str, list[float]] = {}
    for kind in gen_letters.THROUGHPUT_KINDS:
        for t in _truth(folder / kind):
            src = next(iter_pages(t["path"]))
            res = clean_page(src.image, dpi=src.dpi)
            per.setdefault(kind, []).append(res.steps["total"])
            per.setdefault(f"{kind}_right", []).append(
                float(res.rotation == t["rotation"] and abs(res.skew_degrees - t["skew"]) < 0.5))
    return {kind: {"median_ms": 1000 * statistics.median(per[kind]),
                   "max_ms": 1000 * max(per[kind]),
                   "geometry_right": int(sum(per[f"{kind}_right"])),
                   "pages": len(per[kind])}
            for kind in gen_letters.THROUGHPUT_KINDS}


# --- report ----------------------------------------------------------------------------------
def _pct(x: float) -> str:
    return f"{x:.2f} %"


def _pp(x: float) -> str:
    return f"{x:+.2f}"


def markdown(d: dict[str, Any]) -> str:
    m = d["machine"]
    tp, acc = d["throughput"], d["accuracy"]
    up = tp["upright"]
    lines = [
        "## OCR (`bench_ocr.py`)", "",
        f"Command: `.venv/bin/python {d['command']}` (part of `bench/run_all.py`); pages from "
        f"`bench/gen_letters.py`, seed {d['seed']}" + (" (**quick smoke run**)"
                                                       if d["quick"] else ""), "",
        f"Run: {m['date_utc']}; {m['nproc']} cpu ({m.get('cpu', '?')}), load "
        f"{m['loadavg_1m']} at the start, {d['load_end_1m']} at the end; Python "
        f"{m['python']}; {d['tesseract']}; git {m['git']}", "",
        f"*Pipeline* = the app's OCR path, `engine.recognize_files(paths, workers=2)` "
        f"{'(through `kotaksaran ocr --json`) ' if d['cli'] else ''}(read the file, "
        "`clean_page`, tesseract through pytesseract with word boxes; one page per worker "
        "process, the pool's start-up included). *Raw* = `tesseract FILE stdout -l "
        f"{LANG} --psm {PSM}` on the same files, two processes at a time, OMP_THREAD_LIMIT=1. "
        "The machine's 2 cores are shared with other work: the sides alternate and the "
        "median of the repetitions is kept; read the ratios, not the times.", "",
        f"### Throughput ({up['pages']} A4 pages per set, 300 dpi JPEG, median of "
        f"{d['reps']} runs per side)", "",
        "| set | raw tesseract | pipeline | ratio | per page, one worker (raw / pipeline) "
        "| CER raw / pipeline | aim |", "|---|---:|---:|---:|---:|---:|---|",
    ]
    for kind, label in (("upright", "upright, straight"), ("skewed", "skewed 1-10°"),
                        ("rotated", "rotated 90/180/270°")):
        r = tp[kind]
        aim = "—"
        if kind == "upright":
            aim = f"≤ x{RATIO_AIM:.2f}: " + ("met" if r["ratio"] <= RATIO_AIM else "**missed**")
        lines.append(
            f"| {label} | {r['raw_s']:.2f} s ({r['raw_pps']:.2f} pages/s) | "
            f"{r['pipeline_s']:.2f} s ({r['pipeline_pps']:.2f} pages/s) | "
            f"**x{r['ratio']:.3f}** | {r['raw_page_median_s']:.2f} / "
            f"{r['pipeline_page_median_s']:.2f} s | {_pct(r['accuracy']['raw']['cer'])} / "
            f"{_pct(r['accuracy']['pipeline']['cer'])} | {aim} |")
    runs = "; ".join(f"{k}: raw {', '.join(f'{x:.1f}' for x in tp[k]['raw_runs_s'])} s, "
                     f"pipeline {', '.join(f'{x:.1f}' for x in tp[k]['pipeline_runs_s'])} s"
                     for k in gen_letters.THROUGHPUT_KINDS)
    cc = d.get("cleanup")
    lines += ["", f"Every run: {runs}. Load (1 min) during the runs: "
              + "; ".join(f"{k} {', '.join(str(x) for x in tp[k]['load_1m'])}"
                          for k in gen_letters.THROUGHPUT_KINDS) + "."]
    if cc:
        lines += ["", "`clean_page` alone on the same pages (one process): "
                  + "; ".join(f"{k} {cc[k]['median_ms']:.0f} ms/page median "
                              f"(max {cc[k]['max_ms']:.0f}), turned and deskewed right "
                              f"{cc[k]['geometry_right']}/{cc[k]['pages']}"
                              for k in gen_letters.THROUGHPUT_KINDS) + "."]
    a = acc["all"]
    lines += [
        "", f"### Accuracy per stratum ({a['raw']['pages']} letters, "
        f"{d['per_stratum']} per stratum at 150/200/300 dpi, "
        f"{len(acc['font'])} fonts; corpus-level CER and WER)", "",
        "| stratum | pages | CER raw | CER pipeline | Δ CER (pp) | WER raw | WER pipeline "
        f"| not worse (Δ ≤ {CER_TOLERANCE_PP} pp) | far better (skew, rotation) |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for k, r in acc["strata"].items():
        fb = "—"
        if k in GEOMETRY_STRATA:
            fb = {True: "yes", False: "**no**", None: "raw reads these already"}[
                r.get("far_better")]
        lines.append(
            f"| {k} | {r['pages']} | {_pct(r['raw']['cer'])} | {_pct(r['pipeline']['cer'])} "
            f"| {_pp(r['cer_diff_pp'])} | {_pct(r['raw']['wer'])} | "
            f"{_pct(r['pipeline']['wer'])} | {'yes' if r['not_worse'] else '**no**'} | {fb} |")
    lines.append(f"| **all** | {a['raw']['pages']} | {_pct(a['raw']['cer'])} | "
                 f"{_pct(a['pipeline']['cer'])} | {_pp(a['pipeline']['cer'] - a['raw']['cer'])}"
                 f" | {_pct(a['raw']['wer'])} | {_pct(a['pipeline']['wer'])} | | |")
    lines += ["", "By resolution (all strata) and by font:", "",
              "| group | pages | CER raw | CER pipeline | WER raw | WER pipeline |",
              "|---|---:|---:|---:|---:|---:|"]
    for key, title in (("dpi", "{} dpi"), ("font", "{}")):
        for k, r in acc[key].items():
            lines.append(f"| {title.format(k)} | {r['pages']} | {_pct(r['raw']['cer'])} | "
                         f"{_pct(r['pipeline']['cer'])} | {_pct(r['raw']['wer'])} | "
                         f"{_pct(r['pipeline']['wer'])} |")
    more_words = [
        f"{k} ({round(r['pipeline']['wer'] * r['pipeline']['words'] / 100)} word errors "
        f"against {round(r['raw']['wer'] * r['raw']['words'] / 100)})"
        for k, r in acc["strata"].items() if r["pipeline"]["wer"] > r["raw"]["wer"]]
    if more_words:
        lines += ["", "The pipeline's WER is higher than raw's on " + ", ".join(more_words)
                  + ": one or two words on a few pages, most of them at 150-200 dpi, where "
                  "the bilevel page loses the grey edges of small letters (seen: `teput` for "
                  "`tepat`, `lbu` for `Ibu`, a space inside an e-mail address); the texts of "
                  "both sides are in `bench/out/bench_ocr.json`."]
    worse = [k for k, r in acc["strata"].items() if not r["not_worse"]]
    not_far = [k for k, r in acc["strata"].items() if r.get("far_better") is False]
    ratio_ok = up["ratio"] <= RATIO_AIM
    errs = acc["errors"] + [e for k in tp for e in tp[k]["errors"]]
    lines += [
        "", ("Smoke run, too few pages to judge the aims by. " if d["quick"] else "")
        + "Aims (issue 4): throughput ratio on upright pages "
        + (f"**met** (x{up['ratio']:.3f} ≤ x{RATIO_AIM:.2f})" if ratio_ok
           else f"**missed** (x{up['ratio']:.3f} > x{RATIO_AIM:.2f})")
        + "; pipeline not worse than raw by more than "
        f"{CER_TOLERANCE_PP} pp of CER on any stratum: "
        + ("**met**" if not worse else f"**missed** on {', '.join(worse)}")
        + "; far better on skewed and rotated pages: "
        + ("**met**" if not not_far else f"**missed** on {', '.join(not_far)}")
        + " (where raw tesseract already reads a stratum, under 1 % CER, there is nothing "
        "to win)." + (f" Pages that failed: {'; '.join(errs)}." if errs else ""),
    ]
    return "\n".join(lines)


def _tesseract_version() -> str:
    try:
        out = subprocess.run(["tesseract", "--version"], capture_output=True, text=True,
                             check=False).stdout
        return out.splitlines()[0] if out else "tesseract ?"
    except OSError:
        return "tesseract missing"


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 1 page per stratum, 4 per set, 1 repetition")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-stratum", type=int, default=None, help="accuracy pages (12)")
    ap.add_argument("--pages", type=int, default=None, help="pages per throughput set (20)")
    ap.add_argument("--reps", type=int, default=None, help="runs per side and set (3)")
    ap.add_argument("--cli", action="store_true",
                    help="time `kotaksaran ocr --json` as a subprocess for the pipeline")
    ap.add_argument("--skip-accuracy", action="store_true")
    ap.add_argument("--render", action="store_true",
                    help="run nothing: rewrite bench_ocr.md from bench_ocr.json")
    args = ap.parse_args(argv)
    if args.render:
        stem = "bench_ocr-quick" if args.quick else "bench_ocr"
        data = json.loads((OUT / f"{stem}.json").read_text())
        (OUT / f"{stem}.md").write_text(markdown(data) + "\n")
        print(f"[ocr] wrote {OUT / f'{stem}.md'}")
        return data
    import common  # the store and SQLAlchemy: not in the spawned workers (see the imports)

    q = args.quick
    per = args.per_stratum or (1 if q else 12)
    pages = args.pages or (4 if q else 20)
    reps = args.reps or (1 if q else 3)
    engine.check_tesseract(LANG)
    cmd = "bench/bench_ocr.py" + " ".join(["", *(argv if argv is not None else sys.argv[1:])])
    data: dict[str, Any] = {"machine": common.machine(), "seed": args.seed, "quick": q,
                            "command": cmd.strip(), "per_stratum": per, "pages": pages,
                            "reps": reps, "cli": args.cli, "tesseract": _tesseract_version(),
                            "lang": LANG, "psm": PSM}
    folder, made_s, reused = dataset(args.seed, per, pages)
    data["dataset"] = {"folder": str(folder.relative_to(ROOT)), "seconds": made_s,
                       "reused": reused, "fonts": [p.name for p, _ in
                                                   gen_letters.available_fonts()]}
    print(f"[ocr] pages in {folder} ({'reused' if reused else f'made in {made_s:.0f} s'}); "
          f"load {data['machine']['loadavg_1m']}", flush=True)
    data["throughput"] = throughput(folder, reps, args.cli)
    data["cleanup"] = cleanup_cost(folder)
    if not args.skip_accuracy:
        data["accuracy"] = accuracy(folder, args.cli)
    data["load_end_1m"] = round(os.getloadavg()[0], 2)
    stem = "bench_ocr-quick" if q else "bench_ocr"
    if "accuracy" in data:
        (OUT / f"{stem}.md").write_text(markdown(data) + "\n")
    path = common.write_json(f"{stem}.json", data)
    print(f"[ocr] wrote {path} and {stem}.md", flush=True)
    return data


if __name__ == "__main__":
    main()
