"""The cleanup benchmark's generator and per-file pipeline keep working (no timing checked)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("bench_cleanup")


def test_mixed_set_is_deterministic_and_written_with_its_truth(bench: ModuleType,
                                                               tmp_path: Path) -> None:
    gen = importlib.import_module("gen_pages")
    a = gen.mixed_set(seed=3, n=4)
    b = gen.mixed_set(seed=3, n=4)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(x.image.tobytes() == y.image.tobytes() for x, y in zip(a, b, strict=True))
    paths = gen.write_set(tmp_path, a)
    truth = json.loads((tmp_path / "truth.json").read_text())
    assert [t["file"] for t in truth] == [p.name for p in paths]
    row = bench._pipeline(str(paths[0]))
    assert row["bytes"] > 0 and row["format"] in ("png", "jpeg")
    assert {"decode", "encode", "output"} <= set(row["steps"])


def test_bench_cases_measure_skew_and_photo_corners(bench: ModuleType) -> None:
    case = bench._deskew_case((1, 4.0))
    assert abs(case["measured"] - 4.0) < 0.5
    photo = bench._photo_case(2)
    assert photo["found"] and max(photo["errors_pct"]) < 1.0
