"""Real Indonesian text pages rendered with PIL, for the OCR tests (300 dpi, A4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
LINES = (
    "Kepada Yth. Bapak Lurah",
    "Kelurahan Sukamaju",
    "",
    "Saya ingin melaporkan bahwa jalan di depan",
    "SD Negeri 003 berlubang besar dan sudah",
    "tiga bulan tidak diperbaiki. Mohon segera",
    "ditindaklanjuti sebelum musim hujan.",
    "",
    "Terima kasih.",
)
KEY_WORDS = ("Kelurahan", "jalan", "berlubang")

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None,
                                     reason="tesseract is not installed on this machine")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts are not installed")


def page(angle: float = 0.0, lines: tuple[str, ...] = LINES) -> Image.Image:
    """An A4 page at 300 dpi with ~40 px text; `angle` degrees counter-clockwise of skew."""
    img = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 40)
    y = 300
    for line in lines:
        draw.text((250, y), line, font=font, fill=0)
        y += 70
    if angle:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    return img


def save(path: Path, angle: float = 0.0, lines: tuple[str, ...] = LINES) -> Path:
    page(angle, lines).save(path, dpi=(300, 300))
    return path
