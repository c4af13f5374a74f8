"""Files to import, generated in code: text pages, every supported format, and bad input."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

A4_150 = (1240, 1754)  # A4 at 150 dpi


def text_page(seed: int = 0, size: tuple[int, int] = A4_150, lines: int = 0) -> Image.Image:
    """A white page with lines of dark text (different text, line count and box per seed)."""
    lines = lines or 6 + (seed * 5) % 17
    im = Image.new("L", size, 255)
    d = ImageDraw.Draw(im)
    try:
        font: ImageFont.ImageFont | ImageFont.FreeTypeFont = ImageFont.load_default(size=28)
    except TypeError:
        font = ImageFont.load_default()
    w, h = size
    d.text((w // 10, h // 14), f"KOTAK SARAN  lembar {seed}", fill=0, font=font)
    words = ["jalan", "berlubang", "lampu", "mati", "sampah", "pelayanan", "lambat", "air",
             "bersih", "antrian", "puskesmas", "kelurahan", "terima", "kasih"]
    y = h // 7
    for i in range(lines):
        text = " ".join(words[(seed * 7 + i * 3 + k) % len(words)] for k in range(6))
        d.text((w // 10, y), f"{i + 1}. {text}", fill=0, font=font)
        y += h // (lines + 6)
    # a box in a position that depends on the seed: pages differ in their layout, too
    x0 = (seed * 97) % (w // 2) + w // 10
    y0 = h // 3 + (seed * 131) % (h // 2)
    d.rectangle((x0, y0, x0 + w // 4, y0 + h // 10), outline=0, width=6)
    return im


def save(im: Image.Image, path: Path, fmt: str, **kw: object) -> Path:
    im.save(path, fmt, dpi=(150, 150), **kw)
    return path


def jpeg(path: Path, seed: int = 0) -> Path:
    return save(text_page(seed).convert("RGB"), path, "JPEG", quality=85)


def png(path: Path, seed: int = 0) -> Path:
    return save(text_page(seed), path, "PNG")


def bmp(path: Path, seed: int = 0) -> Path:
    return save(text_page(seed), path, "BMP")


def webp(path: Path, seed: int = 0) -> Path:
    return save(text_page(seed).convert("RGB"), path, "WEBP", quality=80)


def tiff(path: Path, seeds: tuple[int, ...] = (0, 1, 2)) -> Path:
    pages = [text_page(s) for s in seeds]
    pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], dpi=(150, 150),
                  compression="tiff_deflate")
    return path


def pdf(path: Path, seeds: tuple[int, ...] = (0, 1), size: tuple[int, int] = A4_150) -> Path:
    pages = [text_page(s, size).convert("RGB") for s in seeds]
    pages[0].save(path, "PDF", save_all=True, append_images=pages[1:], resolution=150.0)
    return path


def truncated(src: Path, path: Path, keep: float = 0.5) -> Path:
    data = src.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def elf_as_jpg(path: Path) -> Path:
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(56) + b"\x00" * 200)
    return path


def script_as_jpg(path: Path) -> Path:
    path.write_bytes(b"#!/bin/sh\necho halo\n")
    return path


def bomb_png(path: Path, side: int = 30_000) -> Path:
    """A valid 1-bit PNG of side x side pixels (small on disk, huge when decoded)."""
    def chunk(tag: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + tag + body
                + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF))

    comp = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    parts = [comp.compress(row) for _ in range(side)]
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                     + chunk(b"IDAT", b"".join(parts)) + chunk(b"IEND", b""))
    return path


def empty_pdf(path: Path) -> Path:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    buf = io.BytesIO()
    doc.save(buf)
    doc.close()
    path.write_bytes(buf.getvalue())
    return path


def qpdf_available() -> bool:
    return shutil.which("qpdf") is not None


def password_pdf(path: Path, src: Path) -> Path:
    subprocess.run(["qpdf", "--encrypt", "rahasia", "rahasia", "256", "--", str(src),
                    str(path)], check=True, capture_output=True)
    return path
