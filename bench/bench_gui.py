"""GUI figures on the 100,000-slip database, each in fresh processes (Qt offscreen).

(a) cold start: process launch to a usable main window (imports, opening the store,
    `build_main_window(store, actor, demo=False)`, shown, exposed and painted), beside a
    bare QWidget (imports included) in the same run, alternated; median of --starts (5).
(b) resident memory: bare window; main window; with the list page open on 100,000 slips; after
    scrolling that list to the end (and the peak).
(c) GUI-thread stalls: the list scrolled a page at a time to the end, each step timed (it
    includes the page fetches its repaint causes): max, p99, p50; on the app's list page and on
    a bare QTableView over SubmissionTableModel. Aim: no step over 50 ms.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import common

CHILD = common.BENCH_DIR / "gui_child.py"
STALL_AIM_MS = 50.0


def _env(guard: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = env.get("QT_QPA_PLATFORM") or "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(common.ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("KS_BENCH_NONE_GUARD", None)
    if guard:
        env["KS_BENCH_NONE_GUARD"] = "1"
    return env


def cold_start(args: list[str], timeout: float = 120) -> tuple[float, dict[str, Any]]:
    """Seconds from launch to the child's READY line, and its RESULT."""
    with tempfile.TemporaryFile("w+") as err_file:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                                stderr=err_file, text=True, env=_env(), cwd=common.ROOT)
        assert proc.stdout is not None
        elapsed = None
        lines: list[str] = []
        while True:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if elapsed is None and line.strip() == "READY":
                elapsed = time.perf_counter() - t0
        proc.wait(timeout=timeout)
        err_file.seek(0)
        err = err_file.read()
    if elapsed is None:
        raise SystemExit(f"[bench_gui] {args[0]} never became ready (exit {proc.returncode}):"
                         f"\n{err[-3000:]}")
    res = next((json.loads(x[7:]) for x in lines if x.startswith("RESULT ")), None)
    if res is None:
        raise SystemExit(f"[bench_gui] {args[0]} gave no RESULT (exit {proc.returncode}):"
                         f"\n{err[-3000:]}")
    res["exit"] = proc.returncode
    res["crashed"] = _crash(proc.returncode, err)
    return elapsed, res


def _crash(code: int, err: str) -> str | None:
    if code == 0:
        return None
    if "none_dealloc" in err:
        return "none_dealloc (PySide6 dropped None's last reference)"
    tail = [ln for ln in err.strip().splitlines() if ln.strip()]
    return f"exit {code}: {tail[-1] if tail else ''}"


def run_child(args: list[str], timeout: float = 1800) -> dict[str, Any]:
    """Run a scrolling child; if it dies of the PySide6 None-refcount bug, say so and run it
    again with the guard so that the timings and memory can still be taken."""
    attempts: list[dict[str, Any]] = []
    for guard in (False, True):
        proc = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True,
                              text=True, env=_env(guard), cwd=common.ROOT, timeout=timeout)
        res = next((json.loads(x[7:]) for x in proc.stdout.splitlines()
                    if x.startswith("RESULT ")), None)
        progress = [x for x in proc.stdout.splitlines() if x.startswith("PROGRESS ")]
        crash = _crash(proc.returncode, proc.stderr)
        attempts.append({"guard": guard, "exit": proc.returncode, "crashed": crash,
                         "completed": res is not None,
                         "last_progress": progress[-1][9:] if progress else None})
        if res is not None:
            res["attempts"] = attempts
            return res
        if not crash or "none_dealloc" not in crash:
            break
    return {"error": "child failed", "attempts": attempts,
            "stderr_tail": proc.stderr[-2000:]}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=common.DEFAULT_ROWS)
    ap.add_argument("--starts", type=int, default=5, help="cold starts of each kind (median)")
    ap.add_argument("--skip-scroll", action="store_true", help="only (a) and (b) at start")
    ap.add_argument("--generator", choices=common.GENERATORS, default="demo",
                    help="who makes the benchmark database (see common.py)")
    ap.add_argument("--out", type=Path, default=common.OUT)
    args = ap.parse_args(argv)
    db = common.build_db(args.rows, args.out, generator=args.generator)
    info = common.machine()
    print(f"[bench_gui] {db.rows:,} slips ({'cached' if db.reused else 'built'}; build took "
          f"{db.build_seconds:.1f} s, not measured); {info['nproc']} cpu, python "
          f"{info['python']}, QT_QPA_PLATFORM={_env()['QT_QPA_PLATFORM']}", flush=True)
    data_dir = str(db.data_dir)

    # (a) cold start, alternated so that machine noise hits both kinds alike
    cold_start(["bare"])  # warm the page cache for both, untimed
    cold_start(["app", data_dir])
    bare: list[float] = []
    app: list[float] = []
    bare_res: list[dict[str, Any]] = []
    app_res: list[dict[str, Any]] = []
    for _ in range(args.starts):
        t, r = cold_start(["bare"])
        bare.append(t)
        bare_res.append(r)
        t, r = cold_start(["app", data_dir])
        app.append(t)
        app_res.append(r)
    cold = {
        "bare_s": statistics.median(bare), "app_s": statistics.median(app),
        "ratio": statistics.median(app) / statistics.median(bare),
        "bare_runs_s": bare, "app_runs_s": app,
        "bare_rss_mib": statistics.median(r["rss_mib"] for r in bare_res),
        "app_rss_mib": statistics.median(r["rss_mib"] for r in app_res),
        "app_none_refs_at_ready": min(r.get("none_refs", 0) for r in app_res),
        "app_crashed_on_exit": sorted({r["crashed"] for r in app_res if r["crashed"]}),
    }
    print(f"  cold start: main window {common.ms(cold['app_s'])}, bare QWidget "
          f"{common.ms(cold['bare_s'])}, x{cold['ratio']:.1f}  (RSS {cold['app_rss_mib']:.0f} "
          f"vs {cold['bare_rss_mib']:.0f} MiB)", flush=True)

    results: dict[str, Any] = {"cold_start": cold}
    if not args.skip_scroll:
        for key, child_args in (("app_list", ["app", data_dir, "--list"]),
                                ("table", ["table", data_dir])):
            print(f"  scrolling {key} to the end ...", flush=True)
            res = run_child(child_args)
            results[key] = res
            sc = res.get("scroll")
            if sc:
                print(f"    {sc['steps']} steps of {sc['rows_per_step']} rows: max "
                      f"{sc['max_ms']:.0f} ms, p99 {sc['p99_ms']:.0f} ms, p50 "
                      f"{sc['p50_ms']:.0f} ms, {sc['over_50ms']} steps over 50 ms; RSS "
                      f"{res['rss_after_scroll_mib']:.0f} MiB after, peak "
                      f"{res['peak_rss_mib']:.0f} MiB", flush=True)
            for a in res.get("attempts", []):
                if a["crashed"]:
                    print(f"    {'guarded' if a['guard'] else 'plain'} run crashed: "
                          f"{a['crashed']} (last progress {a['last_progress']}, "
                          f"completed={a['completed']})", flush=True)
            if "error" in res:
                print(f"    failed: {res['error']}", flush=True)
    data = {"bench": "bench_gui", "command": "QT_QPA_PLATFORM=offscreen bench/bench_gui.py "
            + " ".join(argv if argv is not None else sys.argv[1:]),
            "machine": info, "rows": db.rows, "db_build_seconds": db.build_seconds,
            "db_built_at": db.built_at, "database": db.describe(),
            "stall_aim_ms": STALL_AIM_MS, **results}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_gui.json").write_text(json.dumps(data, indent=2))
    return data


if __name__ == "__main__":
    main()
