"""bench/bench_import_memory.py keeps working: a short PDF through the same code (no timing
or memory figure is checked here; the benchmark reports those)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_bench_import_memory_small(tmp_path: Path) -> None:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    bench = importlib.import_module("bench_import_memory")
    result = bench.main(["--pages", "6", "--first", "2", "--out", str(tmp_path)])
    assert result["imported_pages"] == 6
    assert set(result["samples"]) >= {"2", "6"}
    saved = json.loads((tmp_path / "bench_import_memory.json").read_text())
    assert saved["pages"] == 6 and "peak_growth_mb" in saved
