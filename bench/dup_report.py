"""The RESULTS.md section of `bench_duplicates.py`, rendered from its JSON."""

from __future__ import annotations

from typing import Any


def _ms(s: float) -> str:
    return f"{s * 1000:.1f} ms"


def _prf(r: dict[str, Any]) -> str:
    return (f"P **{r['precision']:.3f}**, R **{r['recall']:.3f}**, F1 **{r['f1']:.3f}** "
            f"(TP {r['tp']}, FP {r['fp']}, FN {r['fn']})")


def _strata(rows: list[dict[str, Any]], unit: str, lower_is_closer: bool = False) -> list[str]:
    head = "distance" if lower_is_closer else "score"
    out = [f"| stratum | pairs | flagged | {head} min / median / max |", "|---|---:|---:|---|"]
    for r in rows:
        kind = "same slip" if r["label"] else "different slips"
        fmt = (lambda x: f"{x:.0f}") if lower_is_closer else (lambda x: f"{x:.2f}")
        out.append(f"| {r['stratum']} ({kind}) | {r['pairs']} | {r['flagged']} | "
                   f"{fmt(r['min'])} / {fmt(r['median'])} / {fmt(r['max'])}{unit} |")
    return out


def render(d: dict[str, Any]) -> str:
    m, c, t, im, ic = d["machine"], d["constants"], d["text"], d["image"], d["image_checked"]
    src = d["sources"]
    lines = [
        "## Duplicates (`bench_duplicates.py`)", "",
        f"Command: `.venv/bin/python {d['command']}` (part of `bench/run_all.py`); seed "
        f"{d['seed']}; {d['seconds']:.0f} s in all", "",
        f"Run: {m['date_utc']}; {m['nproc']} cpu ({m.get('cpu', '?')}), load "
        f"{m['loadavg_1m']}; Python {m['python']}; SQLite {m['sqlite']}; git {m['git']}", "",
        f"Slips: {src['hand']} hand-written letters (`bench/dup_letters.py`, 15 topics x 3 "
        f"writers), {src['labelled']} labelled slips (`tests/data/labelled_slips.jsonl`), "
        f"{src['demo']} demo-generator slips (reported apart). Each is in the tuning or the "
        "test half by topic/category; thresholds are chosen on the tuning half (best F1, "
        "middle of the plateau) and the constants in `kotaksaran/ocr/duplicates.py` are "
        f"judged on the test half. {d['scanned']} letters rendered (A4, 200 dpi, 7 fonts, "
        "plain or on a printed form) and scanned twice through the app's page cleanup; "
        f"{d['ocr_read']} of them read by real tesseract (ind+eng) on both scans "
        f"({d['scan_seconds']:.0f} s). Form lines found and left out: "
        f"{', '.join(repr(x) for x in d['form_lines']) or 'none'}.", "",
        "| check | at the constant | test half | chosen on tuning half (test half there) |",
        "|---|---|---|---|",
        f"| text: `TEXT_THRESHOLD` | {c['TEXT_THRESHOLD']} | {_prf(t['test'])} | "
        f"{t['chosen_on_tune']} ({_prf(t['test_at_chosen'])}) |",
        f"| text, demo-generator pairs included | {c['TEXT_THRESHOLD']} | "
        f"{_prf(t['with_demo_test'])} | |",
        f"| image, the hash distance only | {c['IMAGE_MAX_DISTANCE']} | "
        f"{_prf(d['image_hash_only']['test'])} | {d['image_hash_only']['chosen_on_tune']} "
        f"({_prf(d['image_hash_only']['test_at_chosen'])}) |",
        f"| image alone, as the service (no text to check; a page close to more than "
        f"`IMAGE_CROWD` {c['IMAGE_CROWD']} others is the form's look): `IMAGE_MAX_DISTANCE` "
        f"bits | "
        f"{c['IMAGE_MAX_DISTANCE']} | {_prf(im['test'])} | {im['chosen_on_tune']} "
        f"({_prf(im['test_at_chosen'])}) |",
        f"| image, checked against the text (`IMAGE_TEXT_VETO` {c['IMAGE_TEXT_VETO']}) | "
        f"{c['IMAGE_MAX_DISTANCE']} | {_prf(ic['test'])} | |",
        f"| short generic slips, identical (must never match) | | "
        f"{d['generic_short']['flagged']} of {d['generic_short']['pairs']} flagged | |",
        "", "Text pairs by stratum (both halves, at the constant):", "",
        *_strata(t["strata_all"], ""),
        "", "Page images by stratum (both halves; Hamming distance of the 64-bit hashes; "
        "flagged = image alone, as the service, at the constant):", "",
        *_strata(im["strata_all"], " bits", lower_is_closer=True),
    ]
    db = d.get("db")
    if db:
        e2e = db["end_to_end"]
        lines += [
            "", f"On the 100,000-slip database ({db['database']['rows']:,} demo slips, "
            f"{db['pages']:,} pages with their hashes) with {db['letters']} test-half slips "
            "and their copies added through the services, `for_submission` on every copy:",
            "", "| copy | copies | original found | hits on another letter | hits on a demo "
            "slip |", "|---|---:|---:|---:|---:|",
        ]
        for variant, r in e2e.items():
            if r["copies"]:
                lines.append(f"| {variant} | {r['copies']} | {r['found']} | "
                             f"{r['false_hits']} | {r['demo_hits']} |")
        found_as = ", ".join(f"{k} {v}" for k, v in sorted(db["found_as"].items()))
        lines += ["", f"Found as: {found_as}.", "",
                  "| `for_submission` on 100,000 slips | hits | service (median) | one raw "
                  "FTS5 query | ratio |", "|---|---:|---:|---:|---:|"]
        for r in db["timing"]:
            if "raw_fts_s" in r:
                lines.append(f"| {r['label']} | {r['hits']} | {_ms(r['service_s'])} "
                             f"(max {_ms(r['service_max_s'])}) | {_ms(r['raw_fts_s'])} | "
                             f"x{r['ratio']} |")
            else:
                lines.append(f"| {r['label']} | | {r['service_s']:.2f} s (read and "
                             f"normalise {r['read_normalise_s']:.2f} s, score "
                             f"{r['score_s']:.2f} s) | | |")
    lines += [
        "", "Reading: the raw FTS5 query is the slip's eight longest words OR-ed and ranked "
        "by BM25, top 20, through `sqlite3` on the same file: the cost of one index query. "
        "The service makes two index statements (word counts, then the rarest words' slips), "
        "reads the page hashes from their index, the recent OCR texts for the form lines, "
        "and scores its candidates with rapidfuzz. The demo slip is the worst case: its "
        "templated text has hundreds of near-copies, so every candidate gets scored.", "",
        "Limits: the 64-bit page hash sees a page at 32x32 pixels, where slips on one "
        "printed form look alike (the form stratum reaches 0 bits); the service therefore "
        "takes a page close to more than `IMAGE_CROWD` other slips for the form's look, and "
        "checks an image match against the texts when both slips have one. A rescan with no "
        "text yet (the labelled slips, scanned without OCR, in the end-to-end table) is then "
        "found only when its page is not one of a crowd: that is where the missed rescans "
        "are. The demo generator's slips of one category are often one template with "
        "another street or number; many score above the text threshold (`demo: same "
        "category`), which is why they are reported apart and not used to choose it.",
    ]
    return "\n".join(lines)
