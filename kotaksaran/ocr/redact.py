"""Page images that leave the office: black boxes over personal data, then compressed.

Pure Pillow; the boxes come from `ocr.privacy` (OCR words) and from people (manual boxes).
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from PIL import Image, ImageDraw

Box = tuple[int, int, int, int]  # x, y, w, h in pixels


def redact(image: Image.Image, boxes: Iterable[Box]) -> Image.Image:
    """A copy of `image` with each (x, y, w, h) box filled opaque black."""
    out = image.convert("RGB") if image.mode not in ("1", "L", "RGB", "RGBA") else image.copy()
    draw = ImageDraw.Draw(out)
    for x, y, w, h in boxes:
        if w <= 0 or h <= 0:
            continue
        draw.rectangle((x, y, x + w - 1, y + h - 1), fill="black")
    return out


A4_LONG_INCHES = 11.7
MID_GREY_SHARE = 0.03  # at most this share of mid-grey pixels: the page may go bilevel


def compress_page(image: Image.Image, dpi: int = 0, *, max_dpi: int = 200,
                  jpeg_quality: int = 70) -> tuple[bytes, str]:
    """The compact form of a page that leaves the office: (bytes, mime type).

    Downscaled to `max_dpi` when finer (an unknown dpi is taken as an A4 page; box
    averaging: as sharp as text needs, a third of the time of Lanczos); then greyscale JPEG,
    or a bilevel PNG when the page is black on white and that is smaller (a page stored
    bilevel goes straight to PNG: its JPEG is several times larger)."""
    grey = image.convert("L")
    long_side = max(grey.size)
    scale = 1.0
    if dpi > max_dpi:
        scale = max_dpi / dpi
    elif dpi <= 0 and long_side > A4_LONG_INCHES * max_dpi:
        scale = A4_LONG_INCHES * max_dpi / long_side
    out_dpi = min(dpi, max_dpi) if dpi > 0 else max_dpi
    if scale < 1.0:
        size = (max(1, round(grey.width * scale)), max(1, round(grey.height * scale)))
        grey = grey.resize(size, Image.Resampling.BOX)
    best: tuple[bytes, str] | None = None
    if image.mode != "1":
        buf = io.BytesIO()
        grey.save(buf, "JPEG", quality=jpeg_quality, dpi=(out_dpi, out_dpi), optimize=True)
        best = (buf.getvalue(), "image/jpeg")
    hist = grey.histogram()
    total = grey.width * grey.height
    if image.mode == "1" or sum(hist[64:192]) <= MID_GREY_SHARE * total:
        bw = grey.point(lambda v: 255 if v >= 128 else 0).convert("1", dither=Image.Dither.NONE)
        buf = io.BytesIO()
        bw.save(buf, "PNG", dpi=(out_dpi, out_dpi), optimize=True)
        if best is None or len(buf.getvalue()) < len(best[0]):
            best = (buf.getvalue(), "image/png")
    assert best is not None
    return best
