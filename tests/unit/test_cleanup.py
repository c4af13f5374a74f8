"""Page cleanup behaviour on generated pages (bench/gen_pages.py): orientation, skew, sheet
finding, blank pages, output mode, options. No wall-clock limits (benchmarks measure speed)."""

from __future__ import annotations

import io
import random
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from PIL import Image

from kotaksaran.intake import deskew, orientation
from kotaksaran.intake.cleanup import CleanedPage, CleanupOptions, clean_page

BENCH = Path(__file__).resolve().parents[2] / "bench"
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))
gen: ModuleType = __import__("gen_pages")

DPI = 200  # smaller than the real 300 to keep the tests quick; the pipeline is dpi-aware
ALL_OFF = CleanupOptions(exif_orientation=False, cardinal_rotation=False, deskew=False,
                         border_crop=False, blank_detection=False, perspective=False,
                         bilevel_when_text=False)


@pytest.fixture(scope="module")
def page() -> Image.Image:
    img: Image.Image = gen.letter(random.Random(11), DPI)
    return img


def _scan(page: Image.Image, **kw: object) -> Image.Image:
    img: Image.Image = gen.scan(page, random.Random(5), jpeg=85, **kw)
    return img


def _similarity(a: Image.Image, b: Image.Image) -> float:
    """Correlation of two pages' ink at a common small size."""
    size = (200, 280)
    x = np.asarray(a.convert("L").resize(size, Image.Resampling.BOX), np.float64).ravel()
    y = np.asarray(b.convert("L").resize(size, Image.Resampling.BOX), np.float64).ravel()
    return float(np.corrcoef(x, y)[0, 1])


def _ocr(img: Image.Image) -> str:
    buf = io.BytesIO()
    img.convert("L").save(buf, "PNG")
    res = subprocess.run(["tesseract", "stdin", "stdout", "-l", "ind", "--psm", "3"],
                         input=buf.getvalue(), capture_output=True, timeout=120, check=False,
                         env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"})
    return res.stdout.decode("utf-8", "replace")


needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract binary not installed")


def test_upright_clean_page_keeps_its_orientation_and_is_not_rotated(page: Image.Image) -> None:
    res = clean_page(_scan(page), dpi=DPI)
    assert isinstance(res, CleanedPage)
    assert res.rotation == 0
    assert abs(res.skew_degrees) < 0.2
    assert not res.is_blank and res.perspective_corners is None
    assert res.image.mode == "1"  # plain text
    assert res.dpi == DPI
    # cropped to the ink, never bigger than the page, and the same page
    assert res.image.width <= page.width and res.image.height <= page.height
    assert {"exif", "deskew", "rotation", "crop", "output", "total"} <= set(res.steps)
    assert all(v >= 0 for v in res.steps.values())


@pytest.mark.parametrize("angle", [7.0, -7.0, 2.5, -12.0])
def test_skewed_page_comes_back_straight(page: Image.Image, angle: float) -> None:
    res = clean_page(_scan(page, skew=angle), dpi=DPI)
    assert abs(res.skew_degrees - angle) < 0.5
    assert res.rotation == 0
    straight = clean_page(_scan(page), dpi=DPI)
    assert _similarity(res.image, straight.image) > 0.6


def test_small_skew_is_left_alone(page: Image.Image) -> None:
    res = clean_page(_scan(page, skew=0.1), dpi=DPI)
    assert abs(res.skew_degrees) < 0.2
    assert any("left as it is" in n for n in res.notes) or res.skew_degrees == 0


def test_upside_down_page_comes_back_upright(page: Image.Image) -> None:
    upright = clean_page(_scan(page), dpi=DPI)
    res = clean_page(_scan(page, skew=3.0, rotation=180), dpi=DPI)
    assert res.rotation == 180
    assert abs(res.skew_degrees - 3.0) < 0.5
    same = _similarity(res.image, upright.image)
    flipped = _similarity(res.image.rotate(180), upright.image)
    assert same > 0.6 and same > flipped + 0.2


@pytest.mark.parametrize("turn", [90, 270])
def test_sideways_page_is_turned_upright(page: Image.Image, turn: int) -> None:
    res = clean_page(_scan(page, skew=-2.0, rotation=turn), dpi=DPI)
    assert res.rotation == turn
    assert res.image.height > res.image.width * 0.8  # portrait letter again (cropped)


@needs_tesseract
def test_upside_down_page_reads_after_cleanup(page: Image.Image) -> None:
    res = clean_page(_scan(page, skew=-6.0, rotation=180), dpi=DPI)
    text = _ocr(res.image)
    assert "Kepada Yth" in text and "Lurah" in text


def test_phone_photo_sheet_is_found_and_flattened() -> None:
    rng = random.Random(21)
    photo, truth = gen.phone_photo(gen.letter(rng, 150), rng, size=(1224, 1632))
    res = clean_page(photo)
    assert res.perspective_corners is not None
    found = np.array(res.perspective_corners)
    true = np.array(truth)
    diag = np.hypot(*(true[2] - true[0]))
    err = min(np.linalg.norm(np.roll(found, k, axis=0) - true, axis=1).max() for k in range(4))
    assert err < 0.01 * diag
    assert res.dpi == 300
    assert res.rotation in (0, 90, 270)  # a landscape shot is turned back to portrait
    assert not res.is_blank
    ink = np.asarray(res.image.convert("L")) < 128
    assert not deskew.estimate_skew(ink).vertical  # text lines run across
    assert not orientation.upside_down_score(ink).upside_down


def test_ordinary_scans_are_not_warped(page: Image.Image) -> None:
    for kw in ({"skew": 5.0}, {"skew": -4.0, "border": True}, {"border": True}):
        res = clean_page(_scan(page, **kw), dpi=DPI)
        assert res.perspective_corners is None, kw


def test_dark_scanner_border_is_removed(page: Image.Image) -> None:
    res = clean_page(_scan(page, skew=4.0, border=True), dpi=DPI)
    a = np.asarray(res.image.convert("L"))
    edge = np.concatenate([a[:3].ravel(), a[-3:].ravel(), a[:, :3].ravel(), a[:, -3:].ravel()])
    assert (edge < 128).mean() < 0.02


def test_blank_and_nearly_blank_pages() -> None:
    rng = random.Random(3)
    for _ in range(3):
        assert clean_page(gen.blank_sheet(rng, DPI), dpi=DPI).is_blank
    speckled = gen.blank_sheet(rng, DPI, speckle=1e-3)
    assert clean_page(speckled, dpi=DPI).is_blank
    for _ in range(3):
        res = clean_page(gen.near_blank(rng, DPI), dpi=DPI)
        assert not res.is_blank
    off = clean_page(gen.blank_sheet(rng, DPI), CleanupOptions(blank_detection=False), DPI)
    assert not off.is_blank


def test_output_mode_follows_the_content(page: Image.Image) -> None:
    assert clean_page(_scan(page), dpi=DPI).image.mode == "1"
    pic = gen.photo_like(random.Random(4), DPI)
    assert clean_page(pic, dpi=DPI).image.mode == "L"
    gray = clean_page(_scan(page), CleanupOptions(bilevel_when_text=False), DPI)
    assert gray.image.mode == "L"


def test_exif_orientation_is_honoured(page: Image.Image) -> None:
    stored = page.transpose(Image.Transpose.ROTATE_90)  # the camera stored it sideways
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 degrees clockwise to display"
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=90, exif=exif)
    img = Image.open(io.BytesIO(buf.getvalue()))
    no_turns = CleanupOptions(cardinal_rotation=False, deskew=False, border_crop=False)
    res = clean_page(img, no_turns, DPI)
    assert res.image.size == page.size
    assert _similarity(res.image, page) > 0.9
    raw = clean_page(Image.open(io.BytesIO(buf.getvalue())),
                     CleanupOptions(exif_orientation=False, cardinal_rotation=False,
                                    deskew=False, border_crop=False), DPI)
    assert raw.image.size == stored.size


def test_every_option_off_only_converts_to_grayscale(page: Image.Image) -> None:
    src = _scan(page, skew=6.0, border=True).convert("RGB")
    res = clean_page(src, ALL_OFF, DPI)
    assert res.image.mode == "L"
    assert np.array_equal(np.asarray(res.image), np.asarray(src.convert("L")))
    assert res.rotation == 0 and res.skew_degrees == 0 and not res.is_blank
    assert res.perspective_corners is None


def test_pages_above_max_dpi_are_scaled_down(page: Image.Image) -> None:
    big = page.resize((page.width * 2, page.height * 2))
    res = clean_page(big, CleanupOptions(max_dpi=DPI, border_crop=False), DPI * 2)
    assert res.dpi == DPI
    assert abs(res.image.width - page.width) <= 2


@pytest.mark.parametrize("size,mode", [((10, 10), "L"), ((1, 1), "RGB"), ((5000, 12), "L"),
                                       ((12, 5000), "RGB"), ((300, 200), "RGBA"),
                                       ((400, 300), "1"), ((400, 300), "P"),
                                       ((400, 300), "I;16"), ((400, 300), "CMYK")])
def test_odd_images_do_not_crash(size: tuple[int, int], mode: str) -> None:
    img = Image.new(mode, size)
    res = clean_page(img)
    assert res.image.mode in ("L", "1")
    assert res.image.width >= 1 and res.image.height >= 1
    res = clean_page(img, dpi=300)
    assert res.image.mode in ("L", "1")


def test_without_tesseract_osd_falls_back_to_the_heuristic(page: Image.Image,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.setattr("kotaksaran.intake.orientation.shutil.which", lambda _name: None)
    res = clean_page(_scan(page, rotation=180), CleanupOptions(rotation_method="osd"), DPI)
    assert res.rotation == 180
    assert any("tesseract not found" in n for n in res.notes)
    assert orientation.tesseract_osd(page) is None


@needs_tesseract
def test_tesseract_osd_agrees_on_an_upside_down_page(page: Image.Image) -> None:
    res = clean_page(_scan(page, rotation=180), CleanupOptions(rotation_method="osd"), DPI)
    assert res.rotation == 180
    res = clean_page(_scan(page), CleanupOptions(rotation_method="osd"), DPI)
    assert res.rotation == 0


def test_orientation_layout_decides_only_when_the_letter_shapes_are_unsure() -> None:
    up_down = orientation.UpDown
    assert up_down(0.3, 1.2, 15).upside_down  # clear descender excess: turned
    assert not up_down(1.2, 0.3, 15, left_aligned=0, right_aligned=15).upside_down
    # close call: ragged left edge and aligned right edge means the page is turned
    assert up_down(0.77, 0.72, 15, left_aligned=4, right_aligned=12).upside_down
    assert not up_down(0.77, 0.72, 15, left_aligned=12, right_aligned=4).upside_down
    assert not up_down(0.77, 0.72, 15, left_aligned=12, right_aligned=12).upside_down  # justified
    assert not up_down(0.1, 0.9, 1).upside_down  # one line is not evidence
