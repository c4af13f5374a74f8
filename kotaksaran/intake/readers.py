"""Reading page images out of the files people import (no Qt, no database).

`sniff(path)` tells the kind of file by its first bytes, never by its name: an executable
renamed `.jpg` is refused. `iter_pages(path)` yields the pages one at a time, fully decoded:
a truncated JPEG or PNG raises `FileDamaged` instead of giving half a page, an image whose
header promises more pixels than `MAX_PAGE_PIXELS` raises `ImageTooLarge` before anything is
allocated, and a PDF is rendered one page at a time (each page and bitmap closed before the
next), so a 500-page PDF costs the memory of one page.

Every problem is a typed `ImportProblem` naming the file; nothing here writes anything.
"""

from __future__ import annotations

import os
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from ..domain import errors as E

PathLike = str | bytes | os.PathLike[str]

KINDS = ("jpeg", "png", "tiff", "bmp", "webp", "pdf")
PDF_DPI = 300
# Pillow's own decompression-bomb limit (~89 Mpx): an A3 page at 600 dpi is ~70 Mpx.
MAX_PAGE_PIXELS = int(Image.MAX_IMAGE_PIXELS or 89_478_485)
_PILLOW_FORMATS = {"jpeg": {"JPEG", "MPO"}, "png": {"PNG"}, "tiff": {"TIFF"}, "bmp": {"BMP"},
                   "webp": {"WEBP"}}
# PDFium's FPDF_GetLastError codes
_FPDF_ERR_SUCCESS, _FPDF_ERR_FILE, _FPDF_ERR_PASSWORD = 0, 2, 4


@dataclass
class SourcePage:
    image: Image.Image  # fully decoded
    dpi: int  # from the file, or a guess (PDF: the rendering resolution)
    index: int  # 0-based position in the file


def as_path(p: PathLike) -> Path:
    """A Path from a str, Path or raw bytes; a Linux name that is not valid UTF-8 is kept
    through surrogateescape so it can still be opened."""
    return Path(os.fsdecode(p)) if isinstance(p, bytes) else Path(p)


def display_name(p: PathLike) -> str:
    """The file name for messages and the database: always printable UTF-8 (bytes that are
    not valid UTF-8 are shown as \\xNN)."""
    name = as_path(p).name
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _open(path: Path, name: str) -> BinaryIO:
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise E.FileVanished(file=name) from None
    except OSError as exc:
        raise E.FileUnreadable(file=name, detail=exc.strerror or str(exc)) from None


def kind_of(head: bytes) -> str | None:
    """The kind of file from its first bytes (at least 12; 1024 for PDFs with a preamble)."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "tiff"
    if head.startswith(b"BM") and len(head) >= 14:
        return "bmp"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return None


def sniff(path: PathLike, *, name: str | None = None) -> str:
    """'jpeg', 'png', 'tiff', 'bmp', 'webp' or 'pdf'; anything else raises a typed error.
    `name` is the file name for messages (default: the path's)."""
    p = as_path(path)
    name = name or display_name(p)
    with _open(p, name) as fh:
        try:
            head = fh.read(1024)
        except OSError as exc:
            raise E.FileUnreadable(file=name, detail=exc.strerror or str(exc)) from None
    if not head:
        raise E.EmptyFile(file=name)
    kind = kind_of(head)
    if kind is None:
        raise E.UnsupportedFile(file=name)
    return kind


def iter_pages(path: PathLike, *, pdf_dpi: int = PDF_DPI, name: str | None = None
               ) -> Iterator[SourcePage]:
    """The pages of an image or PDF file, decoded one at a time. `name` is the file name for
    messages (the importer reads a stored copy, named by its hash, of the user's file)."""
    p = as_path(path)
    name = name or display_name(p)
    kind = sniff(p, name=name)
    if kind == "pdf":
        yield from _pdf_pages(p, pdf_dpi, name)
    else:
        yield from _image_pages(p, kind, name)


# --- images ------------------------------------------------------------------------------
def _too_large(name: str, size: tuple[int, int]) -> None:
    w, h = size
    if w * h > MAX_PAGE_PIXELS or w <= 0 or h <= 0:
        raise E.ImageTooLarge(file=name, megapixels=round(w * h / 1e6))


def _image_pages(p: Path, kind: str, name: str) -> Iterator[SourcePage]:
    with _open(p, name) as fh:
        try:
            with warnings.catch_warnings():
                # Our own size check below replaces Pillow's bomb warning.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                im = Image.open(fh)  # reads the header only
        except Image.DecompressionBombError as exc:
            found = re.search(r"\((\d+) pixels\)", str(exc))
            pixels = int(found.group(1)) if found else 0
            raise E.ImageTooLarge(file=name, megapixels=round(pixels / 1e6)) from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise E.FileDamaged(file=name) from None
        keep_open = False  # a single-frame image is handed over as it is, never closed here
        try:
            if im.format not in _PILLOW_FORMATS[kind]:
                raise E.FileDamaged(file=name)
            frames = int(getattr(im, "n_frames", 1) or 1)
            for index in range(frames):
                try:
                    if index:
                        im.seek(index)
                    _too_large(name, im.size)
                    im.load()  # decode everything now: a truncated file fails here
                    page = im.copy() if frames > 1 else im
                except E.KotakSaranError:
                    raise
                except FileNotFoundError:
                    raise E.FileVanished(file=name) from None
                except MemoryError:
                    raise E.ImageTooLarge(file=name, megapixels=round(
                        im.size[0] * im.size[1] / 1e6)) from None
                except (OSError, SyntaxError, ValueError, EOFError, IndexError):
                    raise E.FileDamaged(file=name) from None
                keep_open = frames == 1
                yield SourcePage(page, _image_dpi(page), index)
        finally:
            if not keep_open:
                im.close()


def _image_dpi(im: Image.Image) -> int:
    """The file's dpi when plausible for a page (3-17 inches long), else a guess for A4."""
    long_side = max(im.size)
    try:
        d = float(im.info.get("dpi", (0, 0))[0])
    except (TypeError, ValueError, IndexError):
        d = 0.0
    if d >= 50 and 3.0 <= long_side / d <= 17.0:
        return round(d)
    return int(min(600, max(50, round(long_side / (297 / 25.4)))))


# --- PDF ---------------------------------------------------------------------------------
def _pdf_pages(p: Path, dpi: int, name: str) -> Iterator[SourcePage]:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(str(p))
    except pdfium.PdfiumError:
        # pypdfium2 refuses a document without pages with PDFium's *last* error code, which
        # may be stale (left by another file); ask PDFium again, directly.
        code, pages = _pdf_probe(p)
        if code == _FPDF_ERR_PASSWORD:
            raise E.PdfEncrypted(file=name) from None
        if code == _FPDF_ERR_SUCCESS and pages == 0:
            raise E.PdfEmpty(file=name) from None
        if code == _FPDF_ERR_FILE and not p.exists():
            raise E.FileVanished(file=name) from None
        raise E.FileDamaged(file=name) from None
    except FileNotFoundError:
        raise E.FileVanished(file=name) from None
    except OSError as exc:
        raise E.FileUnreadable(file=name, detail=exc.strerror or str(exc)) from None
    try:
        count = len(pdf)
        if count == 0:
            raise E.PdfEmpty(file=name)
        for index in range(count):
            image = _render(pdf, index, dpi, name)
            yield SourcePage(image, int(image.info["dpi"][0]), index)
    finally:
        pdf.close()


def _pdf_probe(p: Path) -> tuple[int, int]:
    """(PDFium's error code of loading the file, its page count when it loaded)."""
    import pypdfium2.raw as pdfium_c

    doc = pdfium_c.FPDF_LoadDocument(os.fsencode(p), None)
    if not doc:
        return int(pdfium_c.FPDF_GetLastError()), -1
    try:
        return _FPDF_ERR_SUCCESS, int(pdfium_c.FPDF_GetPageCount(doc))
    finally:
        pdfium_c.FPDF_CloseDocument(doc)


def _render(pdf: object, index: int, dpi: int, name: str) -> Image.Image:
    """One page as an 8-bit grayscale image (the stored pages are grayscale or bilevel), at
    `dpi`, or lower for a page so big it would pass MAX_PAGE_PIXELS."""
    import pypdfium2 as pdfium

    assert isinstance(pdf, pdfium.PdfDocument)
    try:
        page = pdf[index]
    except pdfium.PdfiumError:
        raise E.FileDamaged(file=name) from None
    try:
        w_pt, h_pt = page.get_size()
        scale = dpi / 72.0
        px = w_pt * h_pt * scale * scale
        if px > MAX_PAGE_PIXELS:
            scale *= (MAX_PAGE_PIXELS / px) ** 0.5
        try:
            bitmap = page.render(scale=scale, grayscale=True)
        except pdfium.PdfiumError:
            raise E.FileDamaged(file=name) from None
        try:
            rendered: Image.Image = bitmap.to_pil()
            image = rendered.convert("L") if rendered.mode != "L" else rendered.copy()
        finally:
            bitmap.close()
        image.info["dpi"] = (round(scale * 72), round(scale * 72))
        return image
    finally:
        page.close()
