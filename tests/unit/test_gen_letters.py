"""The OCR benchmark's letter generator (bench/gen_letters.py): deterministic, every stratum,
ground truth kept; and the benchmark's CER/WER arithmetic. No OCR, no timing."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from PIL import Image

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("gen_letters")


@pytest.fixture(scope="module")
def one_per_stratum(gen: ModuleType) -> list[Any]:
    return list(gen.accuracy_set(seed=5, per_stratum=1))


def _ink_rows(img: Image.Image) -> np.ndarray:
    a = np.asarray(img.convert("L"))
    return np.flatnonzero((a < 128).sum(axis=1) > 0)


def test_same_seed_same_pages_and_text(gen: ModuleType, one_per_stratum: list[Any]) -> None:
    again = gen.accuracy_set(seed=5, per_stratum=1)
    assert [s.name for s in again] == [s.name for s in one_per_stratum]
    for a, b in zip(one_per_stratum, again, strict=True):
        assert a.text == b.text
        assert a.image.tobytes() == b.image.tobytes()
    other = gen.accuracy_set(seed=6, per_stratum=1, strata=("clean",))
    assert other[0].text != one_per_stratum[0].text


def test_every_stratum_with_its_defects(gen: ModuleType, one_per_stratum: list[Any]) -> None:
    by = {s.stratum: s for s in one_per_stratum}
    assert tuple(by) == gen.STRATA
    assert {s.dpi for s in one_per_stratum} == set(gen.DPIS)
    clean = by["clean"]
    assert (clean.skew, clean.rotation, clean.fmt) == (0.0, 0, "png")
    w_mm = clean.image.width / clean.dpi * 25.4
    h_mm = clean.image.height / clean.dpi * 25.4
    assert abs(w_mm - 210) < 1 and abs(h_mm - 297) < 1  # A4 at the page's dpi
    assert 1.0 <= abs(by["skew"].skew) <= 10.0
    for turn in (90, 180, 270):
        s = by[f"rot{turn}"]
        assert s.rotation == turn and abs(s.skew) <= 1.5
    # a quarter turn lays the page on its side: landscape
    assert by["rot90"].image.width > by["rot90"].image.height
    assert by["rot180"].image.height > by["rot180"].image.width
    assert by["noise"].grain > 0 and by["noise"].speckle > 0
    assert by["blur"].blur_mm > 0
    assert by["jpeg"].jpeg_quality is not None and by["jpeg"].fmt == "jpg"
    combo = by["combo"]
    assert combo.jpeg_quality is not None and combo.blur_mm > 0 and combo.grain > 0
    # the defects are in the pixels: blur leaves fewer pure-paper-to-ink jumps than clean
    def edge(img: Image.Image) -> float:
        a = np.asarray(img.convert("L"), np.float32)
        return float(np.abs(np.diff(a, axis=1)).max(axis=1).mean())
    assert edge(by["blur"].image) < edge(by["clean"].image)


def test_rotated_page_is_the_upright_one_turned(gen: ModuleType) -> None:
    fonts = gen.available_fonts()
    upright = gen.make_page("u", "clean", 99, 150, fonts[0], {})
    turned = gen.make_page("t", "rot180", 99, 150, fonts[0], {"rotation": 180})
    assert turned.text == upright.text and turned.rotation == 180
    a = np.asarray(upright.image, np.float32)
    b = np.asarray(turned.image.rotate(180), np.float32)  # turning it back
    assert a.shape == b.shape
    assert np.corrcoef(a.ravel(), b.ravel())[0, 1] > 0.95


def test_ground_truth_is_the_typed_text(gen: ModuleType, one_per_stratum: list[Any]) -> None:
    s = one_per_stratum[0]
    lines = s.text.splitlines()
    assert lines[0].split(",")[0] in gen.KOTA  # the date line
    assert any(line.startswith("Perihal") for line in lines)
    assert any(line.startswith("Kepada Yth.") for line in lines)
    assert lines[-1].startswith("Warga RT ")
    assert all(line == line.strip() for line in lines)
    assert len(s.text.split()) > 60
    # one typed row per non-empty line of the truth (the page has as many ink bands)
    rows = _ink_rows(s.image)
    bands = int(np.sum(np.diff(rows) > 1)) + 1
    assert bands == sum(1 for line in lines if line)


def test_written_files_keep_truth_and_dpi(gen: ModuleType, tmp_path: Path) -> None:
    samples = gen.accuracy_set(seed=3, per_stratum=1, strata=("clean", "jpeg"))
    paths = gen.write(tmp_path, samples)
    truth = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    assert [t["file"] for t in truth] == [p.name for p in paths]
    for t, s, p in zip(truth, samples, paths, strict=True):
        assert t["text"] == s.text
        assert (tmp_path / f"{s.name}.gt.txt").read_text("utf-8") == s.text + "\n"
        with Image.open(p) as im:
            assert round(im.info["dpi"][0]) == s.dpi
            assert im.format == ("JPEG" if s.fmt == "jpg" else "PNG")
        assert "image" not in t and t["stratum"] == s.stratum


def test_throughput_sets(gen: ModuleType) -> None:
    up = gen.throughput_set("upright", 2, seed=4)
    sk = gen.throughput_set("skewed", 2, seed=4)
    rot = gen.throughput_set("rotated", 3, seed=4)
    assert all(s.dpi == 300 and s.fmt == "jpg" for s in up + sk + rot)
    assert all(s.skew == 0 and s.rotation == 0 for s in up)
    assert all(1.0 <= abs(s.skew) <= 10.0 and s.rotation == 0 for s in sk)
    assert [s.rotation for s in rot] == [90, 180, 270]
    assert len({s.text for s in up + sk + rot}) == 7


def test_error_rates_are_corpus_level(gen: ModuleType) -> None:
    bench = importlib.import_module("bench_ocr")
    assert bench.normalise("Kepada  Yth.\n“Bapak” – Lurah") == 'Kepada Yth. "Bapak" - Lurah'
    e1 = bench.errors("jalan rusak", "jalan rusak")
    e2 = bench.errors("lampu mati", "lampu mat1")
    assert (e1["char_errors"], e1["word_errors"]) == (0, 0)
    assert (e2["char_errors"], e2["word_errors"], e2["chars"], e2["words"]) == (1, 1, 10, 2)
    both = bench.corpus([e1, e2])
    assert both["cer"] == pytest.approx(100 * 1 / 21)  # summed, not the mean of page rates
    assert both["wer"] == pytest.approx(100 * 1 / 4)
