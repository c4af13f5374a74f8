"""Reading printed documents back in tests: text (pdftotext), word boxes, page sizes, PNG
pages (pdftoppm) and QR codes found on them (OpenCV)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from html import unescape
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from kotaksaran.documents.data import PrintInfo, UnitInfo

MM = 72 / 25.4
FIXED_AT = datetime(2026, 6, 10, 2, 7, tzinfo=UTC)
PERSONAL = ("Ahmad Fauzi", "3171012345678901", "081234567890", "ahmad.fauzi@example.id",
            "Jl. Melati No. 7")


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} is missing: install poppler-utils (scripts/install-system-deps.sh)")
    return path


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    args = [_need("pdftotext"), "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    done = subprocess.run([*args, "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def line_with(pdf: bytes, needle: str) -> str:
    """The first line of the laid-out text holding `needle` (a table row), spaces folded."""
    for line in pdf_text(pdf, layout=True).splitlines():
        if needle in flat(line):
            return flat(line)
    raise AssertionError(f"{needle!r} not on any line")


def flat(text: str) -> str:
    """Text with line breaks and runs of spaces folded (a wrapped value reads as one)."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    page: int


@dataclass(frozen=True)
class PageBox:
    width: float
    height: float


def words(pdf: bytes) -> tuple[list[PageBox], list[Word]]:
    """Every word with its box in points (origin top left), and the size of each page."""
    done = subprocess.run([_need("pdftotext"), "-bbox", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=True)
    html = done.stdout.decode("utf-8")
    pages: list[PageBox] = []
    out: list[Word] = []
    for n, page in enumerate(re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>',
                                         html, re.S)):
        pages.append(PageBox(float(page[1]), float(page[2])))
        for w in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                             r'yMax="([\d.]+)">(.*?)</word>', page[3]):
            out.append(Word(unescape(w[5]), float(w[1]), float(w[2]), float(w[3]),
                            float(w[4]), n))
    return pages, out


def png_pages(pdf: bytes, out_dir: Path, dpi: int = 100, stem: str = "page") -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    source = out_dir / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run([_need("pdftoppm"), "-r", str(dpi), "-png", str(source),
                    str(out_dir / stem)], check=True)
    return sorted(out_dir.glob(f"{stem}-*.png"))


def ink_ratio(png: Path) -> float:
    """Share of pixels that are not white (a blank page is 0)."""
    with Image.open(png) as im:
        gray = im.convert("L")
        hist = gray.histogram()
    return 1 - sum(hist[245:]) / max(1, sum(hist))


def qr_codes(pdf: bytes) -> list[str]:
    """The text of every QR code found on the pages (OpenCV's detector misses a code now and
    then at one resolution, so three are tried and what any of them finds counts)."""
    import cv2
    import numpy as np

    found: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for dpi in (150, 200, 300):
            for png in png_pages(pdf, Path(tmp) / str(dpi), dpi=dpi, stem="qr"):
                image = np.array(Image.open(png).convert("L"))
                ok, texts, _points, _raw = cv2.QRCodeDetector().detectAndDecodeMulti(image)
                if ok:
                    found += [t for t in texts if t and t not in found]
    return found


def logo_png(colour: str = "navy") -> bytes:
    img = Image.new("RGB", (240, 240), "white")
    draw = ImageDraw.Draw(img)
    draw.ellipse((12, 12, 228, 228), outline=colour, width=16)
    draw.rectangle((90, 90, 150, 150), fill=colour)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def unit(logo: bool = True) -> UnitInfo:
    return UnitInfo("Kelurahan Batu Selicin", "kelurahan",
                    "Jl. Raja Ali Haji No. 1, Lubuk Baja, Kota Batam", "Asia/Jakarta",
                    logo_png() if logo else None)


def printed(copy: bool = False, at: datetime = FIXED_AT) -> PrintInfo:
    return PrintInfo(at, "Siti Petugas", copy=copy, copy_number=1 if copy else 0)


def local_day(y: int, m: int, d: int) -> date:
    return date(y, m, d)
