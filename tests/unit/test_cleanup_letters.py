"""Page cleanup on the OCR benchmark's letters (bench/gen_letters.py): pages it once got wrong,
and the one-pass turn + deskew + crop. No OCR, no timing."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import cv2
import numpy as np
import pytest

from kotaksaran.intake import cleanup, crop, deskew, orientation
from kotaksaran.intake.cleanup import CleanupOptions, clean_page

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("gen_letters")


def _font(gen: ModuleType, name: str) -> tuple[Path, Path]:
    for f in gen.available_fonts():
        if f[0].name == name:
            return f  # type: ignore[no-any-return]
    pytest.skip(f"font {name} not installed")


@pytest.mark.parametrize("seed,font,skew", [(5119, "DejaVuSans.ttf", -2.39),
                                            (5136, "DejaVuSerif.ttf", -4.61)])
def test_short_letter_lying_sideways_is_turned_upright(gen: ModuleType, seed: int, font: str,
                                                       skew: float) -> None:
    """A short letter on a sheet turned sideways: along both axes the ink's projection is
    concentrated (much white paper), so its absolute energy could not tell the axes apart;
    the sharpness of the peak over the angles does."""
    page = gen.make_page("p", "rot270", seed, 150, _font(gen, font),
                         {"skew": skew, "rotation": 270})
    gray, _ = cleanup._to_gray(page.image)
    est = deskew.estimate_skew(crop.ink_mask(gray))
    assert est.vertical
    res = clean_page(page.image, dpi=150)
    assert res.rotation == 270
    assert abs(res.skew_degrees - skew) < 0.5
    out = np.asarray(res.image.convert("L")) < 128
    assert not deskew.estimate_skew(out).vertical  # the lines run across now
    assert not orientation.upside_down_score(out).upside_down


def test_speckle_does_not_hide_the_aligned_margin() -> None:
    """Upside down, left-aligned lines end together on the right; a speck of dust in a line's
    band, far beyond its words, must not count as where the line starts or ends."""
    ink = np.zeros((420, 700), dtype=bool)
    rng = np.random.default_rng(3)
    for i in range(12):
        y = 20 + 32 * i
        end = 60 + int(rng.integers(380, 560))
        ink[y + 6:y + 16, 60:end] = True  # the x-height band of the words
        ink[y:y + 6, 60:end:9] = True  # ascenders
        ink[y + 16:y + 19, 60:end:23] = True  # fewer descenders
        ink[y + 10, int(rng.integers(0, 20))] = True  # a speck in the left margin
        ink[y + 12, 699 - int(rng.integers(0, 20))] = True  # and one in the right margin
    upright = orientation.upside_down_score(ink)
    assert upright.left_aligned == 12 and upright.right_aligned < 6
    turned = orientation.upside_down_score(np.rot90(ink, 2))
    assert turned.right_aligned == 12 and turned.left_aligned < 6


@pytest.mark.parametrize("k", [0, 1, 2, 3])
@pytest.mark.parametrize("degrees", [0.0, 4.5, -7.25])
def test_one_pass_warp_equals_turn_then_rotate_then_crop(k: int, degrees: float) -> None:
    rng = np.random.default_rng(k)
    a = cv2.GaussianBlur((rng.random((203, 151)) * 255).astype(np.uint8), (0, 0), 2)
    ref = np.ascontiguousarray(np.rot90(a, k))
    if degrees:
        ref = cleanup._rotate(ref, degrees, cv2.INTER_LINEAR)
    w, h = cleanup._turned_size(a.shape[1], a.shape[0], k, degrees)
    assert (w, h) == (ref.shape[1], ref.shape[0])
    box = (4, 9, w - 6, h - 3)
    got = cleanup._warp(a, k, degrees, box, cv2.INTER_LINEAR)
    diff = np.abs(got.astype(int) - ref[box[1]:box[3], box[0]:box[2]].astype(int))
    assert diff.max() <= 1 and diff.mean() < 0.01


@pytest.mark.parametrize("k", [1, 2, 3])
def test_turned_ink_box_is_the_measured_one(k: int) -> None:
    ink = np.zeros((120, 80), dtype=bool)
    ink[30:50, 10:60] = True
    ink[70:90, 20:40] = True
    box = crop.ink_stats(ink, 150).bbox
    turned = np.rot90(ink, k)
    assert cleanup._turn_box(box, turned.shape[1], turned.shape[0], k) == \
        crop.ink_stats(turned, 150).bbox


def test_skewed_letter_cropped_in_the_same_pass(gen: ModuleType) -> None:
    """The deskewed page is cropped to its ink plus the margin, at the page's dpi."""
    page = gen.make_page("p", "skew", 77, 200, gen.available_fonts()[0], {"skew": 6.0})
    res = clean_page(page.image, dpi=200)
    assert abs(res.skew_degrees - 6.0) < 0.3 and res.rotation == 0
    a = np.asarray(res.image.convert("L"))
    margin = round(CleanupOptions().margin_mm / 25.4 * 200)
    rows = np.flatnonzero((a < 128).sum(axis=1) > 2)
    cols = np.flatnonzero((a < 128).sum(axis=0) > 2)
    assert abs(int(rows[0]) - margin) <= 8 and abs(a.shape[0] - 1 - int(rows[-1]) - margin) <= 8
    assert abs(int(cols[0]) - margin) <= 8 and abs(a.shape[1] - 1 - int(cols[-1]) - margin) <= 8


def test_despeckle_removes_specks_and_keeps_stops_and_thin_lines() -> None:
    ink = np.zeros((200, 300), dtype=bool)
    ink[20:60, 20:24] = True  # a letter's stem
    ink[55:60, 30:35] = True  # a full stop at 300 dpi (~0.4 mm)
    ink[100, 20:200] = True  # a one-pixel rule
    ink[150:152, 100:102] = True  # a 2 x 2 speck
    ink[170, 250] = True  # a single black pixel
    ink[60, 22] = True  # a speck touching the stem stays (not alone on the paper)
    out = cleanup._despeckle(ink, 300)
    assert out[20:60, 20:24].all() and out[55:60, 30:35].all()
    assert out[100, 23:197].all()  # a one-pixel line keeps all but ~0.25 mm at each end
    assert not out[150:152, 100:102].any() and not out[170, 250]
    assert out[60, 22]


def test_noisy_letter_loses_its_specks_but_not_its_text(gen: ModuleType) -> None:
    page = gen.make_page("p", "noise", 31, 300, gen.available_fonts()[0],
                         {"grain": 8.0, "speckle": 1e-3})
    kept = clean_page(page.image, dpi=300)
    raw = clean_page(page.image, CleanupOptions(despeckle=False), dpi=300)
    assert kept.image.mode == raw.image.mode == "1" and kept.image.size == raw.image.size

    def components(img: object) -> np.ndarray:
        ink = (~np.asarray(img)).astype(np.uint8)
        return cv2.connectedComponentsWithStats(ink, connectivity=8)[2][1:, 4]

    before, after = components(raw.image), components(kept.image)
    assert (before <= 4).sum() > 100  # the specks were there
    assert (after <= 4).sum() < 0.1 * (before <= 4).sum()
    assert (after >= 30).sum() == (before >= 30).sum()  # every letter-sized component stays
    assert "despeckle" in kept.steps
