"""The duplicate benchmark's own code keeps working: its pairs and metrics on the text side
(no images, no tesseract, no database). It checks what the pairs are, never a figure."""

from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("bench_duplicates")


def test_edits_change_the_text_and_keep_its_words(bench: ModuleType) -> None:
    pairs = importlib.import_module("dup_pairs")
    text = ("Jalan masuk ke Perumahan Bida Asri yang rusak parah sudah tidak bisa dilewati. "
            "Lubangnya sedalam lutut. Kami minta jalan ini diaspal ulang, untuk keselamatan.")
    rng = random.Random(1)
    for kind in set(pairs.RETYPE_KINDS) - {"typo"}:
        edited = pairs.retype(text, kind, rng)
        assert edited != text, kind
    typed = pairs.typo(text, rng, rate=1.0)
    assert typed != text and len(typed.split()) == len(text.split())
    assert pairs.reorder(text, random.Random(2)).split(". ")[0] != text.split(". ")[0]
    noisy = pairs.ocr_noise(text, random.Random(3), 0.2)
    assert noisy != text and abs(len(noisy) - len(text)) < len(text) // 3


def test_text_pairs_and_metrics(bench: ModuleType) -> None:
    srcs = bench.sources(4, quick=True)
    assert {s.split for s in srcs} == {"tune", "test"}
    pairs = bench.text_pairs(srcs, {}, 4)
    strata = {p.stratum for p in pairs}
    assert "retyped: combo" in strata and "same topic (hand-written)" in strata
    assert all(p.label == p.stratum.startswith(("retyped", "OCR")) for p in pairs)
    result = bench.evaluate(pairs, bench.TEXT_GRID, lambda t: lambda p: p.score >= t, 0.75,
                            exclude=("demo: same category",))
    test = result["test"]
    assert test["tp"] + test["fn"] == sum(1 for p in pairs if p.label and p.split == "test")
    assert result["chosen_on_tune"] in bench.TEXT_GRID
    assert len(result["sweep_tune"]) == len(bench.TEXT_GRID)
