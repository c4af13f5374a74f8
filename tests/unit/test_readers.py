"""Reading pages out of files: kinds by magic bytes, full decode, limits, PDF page by page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kotaksaran.domain import errors as E
from kotaksaran.intake import readers
from tests import intake_files as F


def test_sniff_by_content_not_name(tmp_path: Path) -> None:
    cases = {
        "jpeg": F.jpeg(tmp_path / "a.png"),  # wrong extensions on purpose
        "png": F.png(tmp_path / "b.jpg"),
        "bmp": F.bmp(tmp_path / "c.dat"),
        "webp": F.webp(tmp_path / "d"),
        "tiff": F.tiff(tmp_path / "e.jpg", (1,)),
        "pdf": F.pdf(tmp_path / "f.bin", (1,)),
    }
    for kind, path in cases.items():
        assert readers.sniff(path) == kind
    with pytest.raises(E.UnsupportedFile):
        readers.sniff(F.elf_as_jpg(tmp_path / "x.jpg"))
    (tmp_path / "z.jpg").write_bytes(b"")
    with pytest.raises(E.EmptyFile):
        readers.sniff(tmp_path / "z.jpg")
    with pytest.raises(E.FileVanished):
        readers.sniff(tmp_path / "tidak-ada.jpg")
    with pytest.raises(E.FileUnreadable):
        readers.sniff(tmp_path)


def test_multi_page_tiff_and_pdf(tmp_path: Path) -> None:
    pages = list(readers.iter_pages(F.tiff(tmp_path / "t.tif", (1, 2, 3))))
    assert [p.index for p in pages] == [0, 1, 2] and {p.dpi for p in pages} == {150}
    assert pages[2].image.getpixel((0, 0)) == 255
    assert pages[0].image.tobytes() != pages[1].image.tobytes()
    pdf_pages = list(readers.iter_pages(F.pdf(tmp_path / "p.pdf", (1, 2))))
    assert [(p.index, p.dpi, p.image.mode) for p in pdf_pages] == [(0, 300, "L"), (1, 300, "L")]
    w, h = pdf_pages[0].image.size
    assert abs(w - 2480) <= 2 and abs(h - 3508) <= 2


def test_truncated_and_bomb(tmp_path: Path) -> None:
    jpg = F.jpeg(tmp_path / "a.jpg")
    for keep in (0.3, 0.9):
        with pytest.raises(E.FileDamaged):
            list(readers.iter_pages(F.truncated(jpg, tmp_path / f"t{keep}.jpg", keep)))
    with pytest.raises(E.ImageTooLarge) as exc:
        list(readers.iter_pages(F.bomb_png(tmp_path / "bom.png")))
    assert exc.value.params["megapixels"] == 900
    # just above the limit, below Pillow's own hard stop: our check, before decoding
    side = int(readers.MAX_PAGE_PIXELS ** 0.5) + 10
    with pytest.raises(E.ImageTooLarge):
        list(readers.iter_pages(F.bomb_png(tmp_path / "bom2.png", side)))


def test_pdf_errors(tmp_path: Path) -> None:
    with pytest.raises(E.PdfEmpty):
        list(readers.iter_pages(F.empty_pdf(tmp_path / "nol.pdf")))
    (tmp_path / "rusak.pdf").write_bytes(b"%PDF-1.4\n garbage \n")
    with pytest.raises(E.FileDamaged):
        list(readers.iter_pages(tmp_path / "rusak.pdf"))
    if F.qpdf_available():
        src = F.pdf(tmp_path / "s.pdf", (1,))
        with pytest.raises(E.PdfEncrypted):
            list(readers.iter_pages(F.password_pdf(tmp_path / "pw.pdf", src)))
    # after a password error PDFium's last error is stale: an empty PDF is still "empty"
    with pytest.raises(E.PdfEmpty):
        list(readers.iter_pages(tmp_path / "nol.pdf"))


def test_messages_use_the_given_name(tmp_path: Path) -> None:
    stored = tmp_path / ("ab" * 32)
    stored.write_bytes(b"")
    with pytest.raises(E.EmptyFile) as exc:
        list(readers.iter_pages(stored, name="slip.jpg"))
    assert exc.value.params["file"] == "slip.jpg"


@pytest.mark.skipif(os.name != "posix", reason="bytes file names are a POSIX thing")
def test_undecodable_file_name(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/lembar-\xff.png"
    F.text_page(1).save(os.fsdecode(raw), "PNG")
    (page,) = readers.iter_pages(raw)
    assert page.image.size == F.A4_150
    assert page.image.getpixel((0, 0)) == 255  # still usable after the reader finished
    assert readers.display_name(raw) == "lembar-\\xff.png"
    assert readers.display_name(os.fsdecode(raw)) == "lembar-\\xff.png"
