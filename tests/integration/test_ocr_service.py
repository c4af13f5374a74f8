"""Background OCR of stored pages with the real tesseract: results per page, the slip's OCR
text in search, the body filled for printed pages only, cancel, and failures per page."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from kotaksaran.domain.enums import Status
from kotaksaran.ocr.engine import OcrWord
from kotaksaran.services.listing import ListQuery
from kotaksaran.services.ocr import quality
from tests import ocr_pages as P
from tests.conftest import Office

pytestmark = [P.needs_font, P.needs_tesseract]


def scribbles(path: Path, seed: int = 3) -> Path:
    """A handwriting-like page: pen strokes that are not letters, and two printed words."""
    rng = random.Random(seed)
    img = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(img)
    for row in range(14):
        y = 200 + row * 90
        x = 120
        while x < 1050:
            pts = [(x + i * 6, y + rng.randint(-18, 18)) for i in range(rng.randint(6, 16))]
            draw.line(pts, fill=0, width=4, joint="curve")
            x = pts[-1][0] + rng.randint(20, 45)
    font = ImageFont.truetype(str(P.FONT), 36)
    draw.text((120, 1600), "Puskesmas Sukamaju", font=font, fill=0)
    img.save(path, dpi=(150, 150))
    return path


def _import(office: Office, *paths: Path) -> list[int]:
    report = office.petugas.intake.import_files(list(paths))
    assert report.ok, report.failed
    return [f.submission_id for f in report.imported]


def test_printed_page_is_read_prefilled_and_searchable(office: Office, tmp_path: Path) -> None:
    (sub_id,) = _import(office, P.save(tmp_path / "surat.png"))
    svc = office.petugas.ocr
    pending = svc.pending_pages()
    assert len(pending) == 1
    seen: list[tuple[int, int, int]] = []
    report = svc.run(progress=lambda done, total, page: seen.append((done, total, page)),
                     workers=1)
    assert report.done == pending and report.failed == [] and not report.cancelled
    assert seen == [(1, 1, pending[0])]
    assert svc.pending_pages() == []
    (page,) = svc.submission_ocr(sub_id)
    assert page.state == "done" and page.mean_conf is not None and page.mean_conf > 80
    for key in P.KEY_WORDS:
        assert key in page.text
    x, y, w, h = next(wd.box for wd in page.words if wd.text.startswith("berlubang"))
    assert 0 <= x < x + w <= page.width and 0 <= y < y + h <= page.height
    view = office.petugas.submissions.get(sub_id)
    assert "berlubang" in view.body  # a printed page fills the empty draft body
    assert report.prefilled == [sub_id]
    # The OCR text is in the full-text index, so search finds the slip by its words.
    found = office.petugas.listing.page(ListQuery(search="ditindaklanjuti hujan"), 0, 10)
    assert [r.id for r in found] == [sub_id]
    trail = office.petugas.audit_trail("submission", view.uuid)
    assert any(e.action == "ocr_prefill" for e in trail)


def test_handwritten_page_leaves_the_body_empty_and_offers_words(office: Office,
                                                                  tmp_path: Path) -> None:
    (sub_id,) = _import(office, scribbles(tmp_path / "tulisan.png"))
    report = office.petugas.ocr.run(workers=1)
    assert len(report.done) == 1 and report.prefilled == []
    view = office.petugas.submissions.get(sub_id)
    assert view.body == ""
    offered = office.petugas.ocr.offered_words(sub_id)
    assert "Puskesmas" in offered or "Sukamaju" in offered


def test_a_typed_body_is_never_overwritten(office: Office, tmp_path: Path) -> None:
    (sub_id,) = _import(office, P.save(tmp_path / "surat.png"))
    office.petugas.submissions.save_draft(sub_id, {"body": "Diketik petugas."})
    office.petugas.ocr.run(workers=1)
    assert office.petugas.submissions.get(sub_id).body == "Diketik petugas."


def test_cancel_keeps_what_was_read_and_leaves_the_rest_pending(office: Office,
                                                                tmp_path: Path) -> None:
    paths = [P.save(tmp_path / f"surat{i}.png", lines=(*P.LINES, f"Lembar {i}"))
             for i in range(10)]
    _import(office, *paths)
    svc = office.petugas.ocr
    done: list[int] = []
    report = svc.run(progress=lambda d, t, p: done.append(p), cancelled=lambda: len(done) >= 1,
                     workers=2)
    assert report.cancelled
    assert 1 <= len(report.done) < 10  # at most a batch per worker was under way
    assert len(svc.pending_pages()) == 10 - len(report.done)
    svc.run(workers=2)  # the next run reads the rest
    assert svc.pending_pages() == []


def test_a_damaged_page_fails_alone(office: Office, tmp_path: Path) -> None:
    ids = _import(office, P.save(tmp_path / "a.png"),
                  P.save(tmp_path / "b.png", lines=(*P.LINES, "Lembar kedua")))
    pages = [office.petugas.ocr.submission_ocr(i)[0] for i in ids]
    with office.store.read() as s:
        from kotaksaran.store.models import Page

        sha = s.get(Page, pages[0].page_id).blob_sha256  # type: ignore[union-attr]
    blob = office.store.blobs.path(sha)
    blob.chmod(0o644)
    blob.write_bytes(b"not an image any more")
    report = office.petugas.ocr.run(workers=1)
    assert [p for p, _e in report.failed] == [pages[0].page_id]
    assert report.done == [pages[1].page_id]
    assert office.petugas.ocr.page_ocr(pages[0].page_id).state == "failed"  # type: ignore


def test_turning_a_page_reads_it_again(office: Office, tmp_path: Path) -> None:
    (sub_id,) = _import(office, P.save(tmp_path / "surat.png"))
    office.petugas.ocr.run(workers=1)
    (page,) = office.petugas.ocr.submission_ocr(sub_id)
    office.petugas.pages.rotate(page.page_id, 1)
    again = office.petugas.ocr.page_ocr(page.page_id)
    assert again is not None and again.state == "pending" and again.words == ()
    assert office.petugas.submissions.get(sub_id).status == Status.DRAFT


@pytest.mark.parametrize(("confs", "expected"), [
    ([95.0] * 20, "printed"),
    ([30.0] * 20, "handwritten"),
    ([95.0] * 3, "handwritten"),  # too few words to be a typed letter
    ([95.0] * 12 + [40.0] * 8, "mixed"),
])
def test_quality_from_word_confidences(confs: list[float], expected: str) -> None:
    words = [OcrWord("kata", c, (0, 0, 1, 1)) for c in confs]
    assert quality(words) == expected


def test_reflow_joins_lines_of_a_paragraph() -> None:
    from kotaksaran.services.ocr import reflow

    text = "Saluran air di depan\nrumah tersumbat dan me-\nluap ke jalan.\n\nMohon dibantu.\n"
    assert reflow(text) == ("Saluran air di depan rumah tersumbat dan meluap ke jalan.\n\n"
                            "Mohon dibantu.")
    assert reflow("Jl. Kenanga -\nRT 03") == "Jl. Kenanga - RT 03"


def test_reading_a_region_of_a_page(office: Office, tmp_path: Path) -> None:
    (sub_id,) = _import(office, P.save(tmp_path / "surat.png"))
    office.petugas.ocr.run(workers=1)
    (page,) = office.petugas.ocr.submission_ocr(sub_id)
    word = next(w for w in page.words if w.text.startswith("berlubang"))
    x, y, w, h = word.box
    # One line around the word: read as a line (psm 7), boxes in page pixels.
    line = office.petugas.ocr.read_region(page.page_id, (x - 300, y - 10, w + 600, h + 20))
    assert "berlubang" in line.text
    found = next(wd for wd in line.words if wd.text.startswith("berlubang"))
    assert abs(found.box[0] - x) <= 6 and abs(found.box[1] - y) <= 6
    # A block of several lines.
    block = office.petugas.ocr.read_region(page.page_id, (0, y - 200, page.width, 400))
    assert "berlubang" in block.text and "\n" in block.text
    # A sliver reads nothing rather than failing.
    assert office.petugas.ocr.read_region(page.page_id, (5, 5, 2, 2)).text == ""
