"""The benchmark code keeps working as the app changes: bench_list on a tiny database.

Checks that the app's listing service and the raw SQL reference agree on every operation; it
never looks at how long anything took (benchmarks check speed, tests check behaviour).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def bench_list() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("bench_list")


def test_bench_list_runs_on_a_small_database(bench_list: ModuleType, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = bench_list.main(["--rows", "500", "--runs", "1", "--plans", "--alternatives",
                            "--out", str(tmp_path)])
    names = {r["name"] for r in data["results"]}
    assert {"first_page", "sort_date_asc", "sort_status", "filter_status", "search_1",
            "search_3", "last_page"} <= names
    by_name = {r["name"]: r for r in data["results"]}
    assert by_name["first_page"]["matches"] == 500
    assert by_name["last_page"]["offset"] == 400
    assert 0 < by_name["search_1"]["matches"] < 500  # the corpus makes FTS meaningful
    assert all(r["plans"]["service_page"] for r in data["results"])
    assert len(data["alternatives"]) == 5  # each gave the same answer as today's SQL
    assert (tmp_path / "bench_list.json").exists()
    assert "| first page" in capsys.readouterr().out


def test_bench_database_is_reused(bench_list: ModuleType, tmp_path: Path) -> None:
    common = importlib.import_module("common")
    first = common.build_db(200, tmp_path, quiet=True)
    again = common.build_db(200, tmp_path, quiet=True)
    assert not first.reused and again.reused
    assert again.build_seconds == first.build_seconds
