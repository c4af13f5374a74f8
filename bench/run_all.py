"""Run every benchmark, print a summary and write bench/RESULTS.md from the figures.

    .venv/bin/python bench/run_all.py              # or: make bench
    .venv/bin/python bench/run_all.py --no-write   # print only, leave RESULTS.md alone
    .venv/bin/python bench/run_all.py --render-only  # rewrite RESULTS.md from bench/out/*.json

Each benchmark runs in its own process and leaves its figures in bench/out/*.json; this script
turns them into the tables of RESULTS.md. The hand-written notes at the end of RESULTS.md
(between the `notes` markers) are kept as they are.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from typing import Any

import common

RESULTS = common.BENCH_DIR / "RESULTS.md"
# Benchmarks of later areas: each script runs with no arguments (or `--quick`), writes its
# figures to bench/out/<stem>.json and its own RESULTS.md section to bench/out/<stem>.md.
# One line per script here; the sections appear in this order.
AREA_BENCHES: tuple[str, ...] = (
    "bench_drop.py",
    "bench_sync.py",
    "bench_ocr.py",
    "bench_suggest.py",
    "bench_duplicates.py",
)
NOTES_START, NOTES_END = "<!-- notes: kept by run_all.py -->", "<!-- /notes -->"


def _run(script: str, args: list[str]) -> float:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, str(common.BENCH_DIR / script), *args], check=True,
                   env=env, cwd=common.ROOT)
    return time.perf_counter() - t0


def _n(x: object) -> str:
    return f"{x:,}" if isinstance(x, int) else str(x)


def _ms(s: float | None) -> str:
    return "—" if s is None else f"{s * 1000:.1f} ms"


def _machine_line(m: dict[str, Any]) -> str:
    return (f"{m['date_utc']}; {m['nproc']} cpu ({m.get('cpu', '?')}), load {m['loadavg_1m']}; "
            f"Python {m['python']}; SQLite {m['sqlite']}; {m['platform']}; git {m['git']}")


def list_section(d: dict[str, Any]) -> str:
    lines = [
        "## List and search (`bench_list.py`)", "",
        "Command: `.venv/bin/python bench/bench_list.py --plans --alternatives` (part of "
        "`bench/run_all.py`)",
        "", f"Run: {_machine_line(d['machine'])}", "",
        f"{d['rows']:,} submissions; median of {d['runs']} runs per side, interleaved; "
        f"each figure is a count plus one page of {d['page']} rows (what the list model "
        "does), app service = `ListingService.count` + `.page` through the app's store, "
        "raw = the same answer in hand-written SQL on a plain `sqlite3` connection to the "
        "same file. Ratio = app / raw. Both sides are checked to return the same count and "
        "ids.", "",
        "| operation | matches | app service (count + page) | raw SQL (count + page) "
        "| ratio | aim |", "|---|---:|---:|---:|---:|---|",
    ]
    for r in d["results"]:
        aim = "—"
        if r["aim_s"] is not None:
            aim = f"< {r['aim_s'] * 1000:g} ms: " + (
                "met" if r["service_s"] < r["aim_s"] else "**missed**")
        lines.append(
            f"| {r['label']}{' *(extra)*' if r['extra'] else ''} | {r['matches']:,} "
            f"| {_ms(r['service_s'])} ({_ms(r['service_count_s'])} + "
            f"{_ms(r['service_page_s'])}) | {_ms(r['raw_s'])} ({_ms(r['raw_count_s'])} + "
            f"{_ms(r['raw_page_s'])}) | {r['ratio']:.1f} | {aim} |")
    if d.get("alternatives"):
        lines += [
            "", "### What a change in the service's SQL would give", "",
            "Raw `sqlite3` on both sides, same run, same answer checked; pages of 200 rows as "
            "the GUI model reads them. See the notes below for the plans.", "",
            "| query | as the service shapes it today | proposed | speed-up |",
            "|---|---:|---:|---:|"]
        for a in d["alternatives"]:
            lines.append(f"| {a['label']} | {_ms(a['today_s'])} | {_ms(a['proposed_s'])} "
                         f"| x{a['speedup']:.0f} |")
    return "\n".join(lines)


def gui_section(d: dict[str, Any]) -> str:
    c = d["cold_start"]
    lines = [
        "## GUI (`bench_gui.py`)", "",
        "Command: `QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py` "
        "(part of `bench/run_all.py`)", "", f"Run: {_machine_line(d['machine'])}", "",
        "### Cold start (process launch to a painted, usable main window)", "",
        "| what | median | runs | RSS at ready |", "|---|---:|---|---:|",
        f"| main window (`build_main_window`, 100k database, Home page) | {_ms(c['app_s'])} "
        f"| {', '.join(f'{x * 1000:.0f}' for x in c['app_runs_s'])} ms "
        f"| {c['app_rss_mib']:.0f} MiB |",
        f"| bare `QWidget`, imports included | {_ms(c['bare_s'])} "
        f"| {', '.join(f'{x * 1000:.0f}' for x in c['bare_runs_s'])} ms "
        f"| {c['bare_rss_mib']:.0f} MiB |",
        f"| **ratio** | **{c['ratio']:.1f}** | | "
        f"{c['app_rss_mib'] / c['bare_rss_mib']:.1f} |", "",
    ]
    if c.get("app_crashed_on_exit"):
        lines += [f"Cold-start children exited with: {', '.join(c['app_crashed_on_exit'])}.",
                  ""]
    rows = []
    for key, label in (("app_list", "app list page (`SubmissionListPage`, status chips)"),
                       ("table", "bare `QTableView` on `SubmissionTableModel(background=False)`")):
        r = d.get(key)
        if not r:
            continue
        if "scroll" not in r:
            rows.append((label, r, None))
            continue
        rows.append((label, r, r["scroll"]))
    if rows:
        lines += [
            "### Scrolling 100,000 rows to the end (GUI-thread stalls) and memory", "",
            "Each step moves the scroll bar one page down and processes events. A model that "
            "reads pages on the GUI thread pays the page fetch inside the step; one that reads "
            "in the background leaves the rows blank until the page arrives, and the step "
            "then waits (processing events) until the rows on screen have their data: that is "
            "the *fill* time. *Stall* = the longest single stretch the GUI thread was busy in "
            f"a step. Aim: no stall over {d['stall_aim_ms']:.0f} ms.", "",
            "| view | page reads | steps (rows/step) | stall max | p99 | p50 | stalls > 50 ms "
            "| stall in steps with a page fetch: max / p50 | without: max / p50 "
            "| fill p50 / p99 / max | page fetch p50 / max / in last 10 % "
            "| RSS list open → after scroll (peak) | plain run |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
        ]
        for label, r, sc in rows:
            plain = next((a for a in r.get("attempts", []) if not a["guard"]), None)
            if plain is None:
                verdict = "—"
            elif plain["crashed"] and not plain["completed"]:
                verdict = f"**crashed**: {plain['crashed']}"
            elif plain["crashed"]:
                verdict = f"completed; crashed at exit: {plain['crashed']}"
            else:
                verdict = "completed"
            if sc is None:
                lines.append(f"| {label} | | failed: {r.get('error', '?')} | | | | | | | | "
                             f"| | {verdict} |")
                continue
            f = sc["fetch_ms"]
            guard = " (guarded run)" if r.get("none_guard") else ""
            over = sc["over_50ms"]
            fill = sc.get("fill_ms") or {"p50": 0, "p99": 0, "max": 0}
            reads = "background" if sc.get("background_reads") else "GUI thread"
            lines.append(
                f"| {label}{guard} | {reads} | {sc['steps']:,} ({sc['rows_per_step']}) "
                f"| {sc['max_ms']:.0f} ms | {sc['p99_ms']:.0f} ms | {sc['p50_ms']:.0f} ms "
                f"| {'**' if over else ''}{over}{'**' if over else ''} "
                f"| {sc['steps_with_fetch']['max_ms']:.0f} / "
                f"{sc['steps_with_fetch']['p50_ms']:.0f} ms "
                f"| {sc['steps_without_fetch']['max_ms']:.0f} / "
                f"{sc['steps_without_fetch']['p50_ms']:.0f} ms "
                f"| {fill['p50']:.0f} / {fill['p99']:.0f} / {fill['max']:.0f} ms "
                f"| {f['p50']:.0f} / {f['max']:.0f} / {f['last_10pct_p50'] or 0:.0f} ms "
                f"| {r['rss_list_open_mib']:.0f} → {r['rss_after_scroll_mib']:.0f} "
                f"({r['peak_rss_mib']:.0f}) MiB | {verdict} |")
        app_list = d.get("app_list") or {}
        if "open_list_s" in app_list:
            lines += ["", f"Opening the list page on 100,000 slips (navigate, count, first "
                      f"page, paint): {_ms(app_list['open_list_s'])}. Main window RSS: "
                      f"{app_list['rss_ready_mib']:.0f} MiB at start, "
                      f"{app_list['rss_list_open_mib']:.0f} MiB with the list open, "
                      f"{app_list['rss_after_scroll_mib']:.0f} MiB after scrolling all "
                      f"100,000 rows (peak {app_list['peak_rss_mib']:.0f} MiB)."]
    return "\n".join(lines)


def cleanup_section(d: dict[str, Any]) -> str:
    import bench_cleanup  # the page-cleanup benchmark renders its own section

    return bench_cleanup.markdown(d)


def render(list_data: dict[str, Any] | None, gui_data: dict[str, Any] | None,
           notes: str, cleanup_data: dict[str, Any] | None = None) -> str:
    any_data = list_data or gui_data
    assert any_data is not None
    db = any_data.get("database") or {"rows": any_data["rows"], "generator": "?",
                                      "build_seconds": any_data["db_build_seconds"],
                                      "built_at": any_data["db_built_at"],
                                      "audit_events": "?", "size_mib": "?"}
    parts = [
        "# Benchmark results", "",
        "Latest figures, written by `bench/run_all.py` (how to run: `bench/README.md`). "
        "Shared 2-core machines are noisy: read the ratios, which compare runs taken in the "
        "same run, rather than the absolute times.", "",
        f"Benchmark database: {db['rows']:,} submissions (with {_n(db['audit_events'])} audit "
        f"events; {db['size_mib']} MiB), made by the `{db['generator']}` generator "
        f"(`bench/common.py`) in **{db['build_seconds']:.1f} s** on {db['built_at']}; "
        "the build is not part of any figure below.", "",
    ]
    if list_data:
        parts += [list_section(list_data), ""]
    if gui_data:
        parts += [gui_section(gui_data), ""]
    if cleanup_data:
        parts += [cleanup_section(cleanup_data), ""]
    for script in AREA_BENCHES:
        section = common.OUT / (script.removesuffix(".py") + ".md")
        if section.exists():  # the last figures of a benchmark that was skipped stay
            parts += [section.read_text().strip("\n"), ""]
    parts += [NOTES_START, notes.strip("\n"), NOTES_END, ""]
    return "\n".join(parts)


def _notes() -> str:
    if RESULTS.exists():
        text = RESULTS.read_text()
        if NOTES_START in text and NOTES_END in text:
            return text.split(NOTES_START, 1)[1].split(NOTES_END, 1)[0]
    return "\n## Notes\n\n(none yet)\n"


def _load(name: str) -> dict[str, Any] | None:
    p = common.OUT / name
    return json.loads(p.read_text()) if p.exists() else None


def summary(list_data: dict[str, Any] | None, gui_data: dict[str, Any] | None,
            cleanup_data: dict[str, Any] | None = None) -> str:
    out = ["", "=== summary ==="]
    if cleanup_data:
        t, dk = cleanup_data["throughput"], cleanup_data["deskew"]
        ph = cleanup_data["photos"]
        out.append(f"clean deskew mean {dk['mean_error']:.3f} deg, worst {dk['max_error']:.3f}; "
                   f"photos {ph['within_1pct']}/{ph['photos']} corners within 1 %; "
                   f"{t['pipeline_pps']:.1f} pages/s vs bare {t['bare_pps']:.1f} "
                   f"(x{t['ratio']:.2f})")
    if list_data:
        for r in list_data["results"]:
            flag = ""
            if r["aim_s"] is not None:
                flag = "  ok" if r["service_s"] < r["aim_s"] else "  MISSED AIM"
            out.append(f"list  {r['label']:<46} app {_ms(r['service_s']):>9}  raw "
                       f"{_ms(r['raw_s']):>9}  x{r['ratio']:.1f}{flag}")
    if gui_data:
        c = gui_data["cold_start"]
        out.append(f"gui   cold start: app {_ms(c['app_s'])}, bare {_ms(c['bare_s'])}, "
                   f"x{c['ratio']:.1f}; RSS {c['app_rss_mib']:.0f} vs "
                   f"{c['bare_rss_mib']:.0f} MiB")
        for key in ("app_list", "table"):
            r = gui_data.get(key) or {}
            sc = r.get("scroll")
            crashed = [a["crashed"] for a in r.get("attempts", []) if a["crashed"]]
            if sc:
                out.append(f"gui   scroll {key}: max {sc['max_ms']:.0f} ms, p99 "
                           f"{sc['p99_ms']:.0f} ms, {sc['over_50ms']} steps > 50 ms; RSS "
                           f"after {r['rss_after_scroll_mib']:.0f} MiB"
                           + (f"; plain run: {crashed[0]}" if crashed else ""))
            elif r:
                out.append(f"gui   scroll {key}: FAILED {r.get('error')}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=common.DEFAULT_ROWS)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--generator", choices=common.GENERATORS, default="demo")
    ap.add_argument("--skip-gui", action="store_true")
    ap.add_argument("--skip-cleanup", action="store_true",
                    help="keep the last page-cleanup figures (bench/out/bench_cleanup.json)")
    ap.add_argument("--only", action="append", default=[], metavar="SCRIPT",
                    help="run just these area benchmarks (e.g. bench_ocr.py), keep the rest")
    ap.add_argument("--render-only", action="store_true",
                    help="run nothing: rewrite RESULTS.md from the JSON files in bench/out/")
    ap.add_argument("--no-write", action="store_true", help="do not rewrite RESULTS.md")
    args = ap.parse_args(argv)
    if args.render_only:
        list_data, gui_data = _load("bench_list.json"), _load("bench_gui.json")
        cleanup_data = _load("bench_cleanup.json")
        print(summary(list_data, gui_data, cleanup_data))
        RESULTS.write_text(render(list_data, gui_data, _notes(), cleanup_data))
        print(f"\n[run_all] wrote {RESULTS.relative_to(common.ROOT)}")
        return
    if args.only:
        for script in args.only:
            _run(script, [])
        RESULTS.write_text(render(_load("bench_list.json"), _load("bench_gui.json"), _notes(),
                                  _load("bench_cleanup.json")))
        print(f"\n[run_all] wrote {RESULTS.relative_to(common.ROOT)}")
        return
    db = common.build_db(args.rows, generator=args.generator)  # once, before any timing
    print(f"[run_all] database: {db.rows:,} slips, build {db.build_seconds:.1f} s "
          f"({'cached' if db.reused else 'built now'})", flush=True)
    rows = ["--rows", str(args.rows), "--generator", args.generator]
    _run("bench_list.py", [*rows, "--runs", str(args.runs), "--plans", "--alternatives"])
    list_data = _load("bench_list.json")
    gui_data = None
    if not args.skip_gui:
        _run("bench_gui.py", [*rows, "--starts", str(args.starts)])
        gui_data = _load("bench_gui.json")
    if not args.skip_cleanup:
        _run("bench_cleanup.py", [])
    cleanup_data = _load("bench_cleanup.json")  # the last figures when skipped
    for script in AREA_BENCHES:
        _run(script, [])
    print(summary(list_data, gui_data, cleanup_data))
    if not args.no_write and args.rows == common.DEFAULT_ROWS:
        if gui_data is None:  # keep the last GUI figures rather than dropping them
            gui_data = _load("bench_gui.json")
        RESULTS.write_text(render(list_data, gui_data, _notes(), cleanup_data))
        print(f"\n[run_all] wrote {RESULTS.relative_to(common.ROOT)}")


if __name__ == "__main__":
    main()
