"""kotaksaran.ocr.engine with the real tesseract on rendered Indonesian pages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kotaksaran import i18n
from kotaksaran.domain import errors as E
from kotaksaran.intake.cleanup import clean_page
from kotaksaran.ocr import engine
from kotaksaran.ocr.engine import OcrResult, OcrWord
from tests import ocr_pages as P

pytestmark = P.needs_font


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def _inside(word: OcrWord, size: tuple[int, int]) -> bool:
    x, y, w, h = word.box
    return x >= 0 and y >= 0 and w > 0 and h > 0 and x + w <= size[0] and y + h <= size[1]


def test_thread_limit_is_set_for_every_tesseract_process() -> None:
    assert os.environ["OMP_THREAD_LIMIT"] == "1"


@P.needs_tesseract
def test_recognize_reads_key_words_with_boxes_inside_the_image() -> None:
    image = P.page()
    result = engine.recognize(image, dpi=300)
    assert isinstance(result, OcrResult) and result.size == image.size
    found = {w.text.strip(".,"): w for w in result.words}
    for key in P.KEY_WORDS:
        assert key in found, result.text
        assert 0 < found[key].conf <= 100
    assert all(_inside(w, image.size) for w in result.words)
    assert all(w.conf >= 0 for w in result.words)  # tesseract's -1 rows are dropped
    # the text is rebuilt line by line, a blank line between paragraphs
    lines = result.text.splitlines()
    assert lines[0] == "Kepada Yth. Bapak Lurah"
    assert "Saya ingin melaporkan bahwa jalan di depan" in lines
    assert "" in lines
    # a box points at its word: "Kelurahan" sits on the second text line, at the left margin
    x, y, _w, h = found["Kelurahan"].box
    assert 230 <= x <= 270 and 360 <= y + h / 2 <= 420


@P.needs_tesseract
def test_field_crop_with_single_line_segmentation() -> None:
    crop = P.page().crop((200, 500, 1500, 580))  # the line "Saya ingin melaporkan ..."
    result = engine.recognize(crop, psm=engine.PSM_LINE, dpi=300)
    assert "melaporkan" in result.text and "\n" not in result.text


@P.needs_tesseract
def test_skewed_page_is_read_after_cleanup(tmp_path: Path) -> None:
    path = P.save(tmp_path / "miring.png", angle=7)
    [(got_path, result)] = engine.recognize_files([path])
    assert got_path == path
    assert isinstance(result, OcrResult), result
    words = {w.text.strip(".,") for w in result.words}
    assert set(P.KEY_WORDS) <= words, result.text
    # boxes are in pixels of the cleaned page (cropped to its content), not of the scan
    cleaned = clean_page(P.page(7), dpi=300)
    assert abs(abs(cleaned.skew_degrees) - 7) < 1
    assert result.size == cleaned.image.size
    assert all(_inside(w, result.size) for w in result.words)


@P.needs_tesseract
def test_files_keep_their_order_and_errors_stay_in_place(tmp_path: Path) -> None:
    one = P.save(tmp_path / "satu.png", lines=("Kelurahan Sukamaju",))
    empty = tmp_path / "kosong.png"
    empty.write_bytes(b"")
    two = P.save(tmp_path / "dua.png", lines=("Puskesmas Cempaka",))
    missing = tmp_path / "tidak-ada.png"
    results = engine.recognize_files([one, empty, two, missing], workers=2)
    assert [p for p, _r in results] == [one, empty, two, missing]
    first, bad, second, gone = (r for _p, r in results)
    assert isinstance(first, OcrResult) and "Kelurahan" in first.text
    assert isinstance(second, OcrResult) and "Puskesmas" in second.text
    assert first.seconds > 0
    assert isinstance(bad, E.EmptyFile) and bad.params == {"file": "kosong.png"}
    assert isinstance(gone, E.FileMissing)
    assert "tidak ada" in i18n.error_message(gone)


@P.needs_tesseract
def test_without_cleanup_the_boxes_are_in_the_original_pixels(tmp_path: Path) -> None:
    path = P.save(tmp_path / "lurus.png")
    [(_p, result)] = engine.recognize_files([path], cleanup=False)
    assert isinstance(result, OcrResult) and result.size == (2480, 3508)
    found = {w.text: w for w in result.words}
    assert found["Kelurahan"].box[0] >= 240  # the page's own left margin


@P.needs_tesseract
def test_timeout_is_a_typed_error() -> None:
    with pytest.raises(E.OcrTimeout) as info:
        engine.recognize(P.page(), timeout=0.001, file="lambat.png")
    text = i18n.error_message(info.value)
    assert text.startswith("lambat.png: pembacaan teks") and "{" not in text


@P.needs_tesseract
def test_missing_language_names_the_package() -> None:
    engine.check_tesseract()  # ind and eng are there
    with pytest.raises(E.TesseractLanguageMissing) as info:
        engine.check_tesseract("ind+xyz")
    assert info.value.params == {"lang": "xyz"}
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-xyz" in i18n.error_message(
        info.value)


def test_missing_tesseract_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import pytesseract.pytesseract as pt

    monkeypatch.setattr(pt, "tesseract_cmd", "/nonexistent/bin/tesseract")
    with pytest.raises(E.TesseractMissing) as info:
        engine.check_tesseract()
    text = i18n.error_message(info.value)
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-ind" in text
    assert "UB Mannheim" in text and "{" not in text
    assert text.startswith("Program pengenal teks (tesseract) belum terpasang")
    with pytest.raises(E.TesseractMissing):
        engine.recognize(P.page(lines=("Kelurahan",)))
    with pytest.raises(E.TesseractMissing):
        engine.recognize_files(["a.png"])
    i18n.set_language("en")
    assert "is not installed" in i18n.error_message(info.value)
    i18n.set_language("id")


@P.needs_tesseract
def test_a_batch_of_stored_pages_reads_each_page_as_alone(tmp_path: Path) -> None:
    """Several pages in one tesseract run (the language data loads once) give each page the
    words and text it gets read alone; a page that cannot be read fails alone."""
    paths = [str(P.save(tmp_path / f"p{i}.png", lines=(*P.LINES, f"Lembar {word}")))
             for i, word in enumerate(("pertama", "kedua", "ketiga"))]
    alone = [engine._unpack(engine._ocr_image(p, 300, engine.DEFAULT_LANG,
                                              engine.PSM_PAGE, 60)) for p in paths]
    together = [engine._unpack(a) for a in engine._ocr_images(
        paths, 300, engine.DEFAULT_LANG, engine.PSM_PAGE, 60)]
    for one, many in zip(alone, together, strict=True):
        assert isinstance(one, OcrResult) and isinstance(many, OcrResult)
        assert many.text == one.text and many.size == one.size
        assert [w.box for w in many.words] == [w.box for w in one.words]
    assert "kedua" in together[1].text and "kedua" not in together[0].text  # type: ignore[union-attr]
    # A missing page: the others are still read, that one fails with its own error.
    mixed = [engine._unpack(a) for a in engine._ocr_images(
        [paths[0], str(tmp_path / "gone.png"), paths[2]], 300, engine.DEFAULT_LANG,
        engine.PSM_PAGE, 60)]
    assert isinstance(mixed[1], E.FileMissing)
    assert isinstance(mixed[0], OcrResult) and "pertama" in mixed[0].text
    assert isinstance(mixed[2], OcrResult) and "ketiga" in mixed[2].text
    # Through the pool: more pages than workers are shared out and every key comes back.
    jobs = [(i, p, 300) for i, p in enumerate(paths * 3)]
    got = dict(engine.iter_recognize_images(iter(jobs), workers=2))
    assert sorted(got) == list(range(9))
    assert all(isinstance(r, OcrResult) and r.text == alone[i % 3].text  # type: ignore[union-attr]
               for i, r in got.items())
