"""Duplicate slips through the service on SQLite and PostgreSQL: retyped text, the same page
image imported twice, the same file, OCR text against a typed slip, and identity privacy."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from kotaksaran.domain.enums import Role
from kotaksaran.domain.errors import PermissionDenied
from kotaksaran.ocr import duplicates as D
from kotaksaran.services.duplicates import DuplicateHit, describe
from tests import intake_files as F
from tests import ocr_pages as P
from tests.conftest import Office, valid_slip

LETTER = (
    "Lampu penerangan di sepanjang Jl. Teuku Umar dekat gang Mawar sudah padam hampir "
    "sebulan. Anak-anak yang pulang mengaji harus lewat dalam gelap dan minggu lalu ada "
    "tetangga yang dijambret di situ. Kami mohon lampunya segera diganti."
)
# The same letter typed again by someone else: typos, a greeting, two sentences swapped.
RETYPED = (
    "Assalamualaikum Bapak Lurah. Anak-anak yang pulang mengaji harus lewat dalam gelap dan "
    "minggu lalu ada tetanga yang dijambret disitu. Lampu penerangan di sepanjang Jl. Teuku "
    "Umar dekat gang Mawar sudah padam hampir sebulan. Kami mohon lampunya segera diganti."
)
# Another letter about a dark street: same topic, same words, another slip.
SAME_TOPIC = (
    "Saya mau melaporkan lampu jalan di depan Masjid Nurul Iman yang mati total sejak awal "
    "bulan. Sudah dua kali saya telepon ke kantor kelurahan tapi belum ada petugas yang "
    "datang. Jalan itu gelap dan ramai dipakai jamaah subuh, mohon lampunya diganti."
)


def _slip(office: Office, body: str, **over: object) -> int:
    res = office.petugas.submissions.create(valid_slip(body=body, **over))
    return res.submission.id


def _ids(hits: list[DuplicateHit]) -> list[int]:
    return [h.submission_id for h in hits]


def test_retyped_slip_is_found_and_same_topic_is_not(office: Office) -> None:
    original = _slip(office, LETTER, title="Lampu jalan padam di Jl. Teuku Umar")
    other = _slip(office, SAME_TOPIC, title="Lampu jalan mati di depan masjid")
    unrelated = _slip(office, "Bak sampah di ujung Jl. Raden Patah sudah lima hari tidak "
                              "diangkut, baunya sampai ke warung makan dan banyak lalat.")
    retyped = _slip(office, RETYPED, title="Penerangan jalan")

    hits = office.petugas.duplicates.for_submission(retyped)
    assert _ids(hits) == [original]
    (hit,) = hits
    assert hit.kind == "text" and hit.number.startswith("KS-")
    assert hit.title == "Lampu jalan padam di Jl. Teuku Umar"
    assert D.TEXT_THRESHOLD <= hit.score <= 1.0
    assert hit.detail == f"{round(hit.score * 100)}%"
    assert hit.status.value == "draft"
    # Both ways, by number as well as by id; never the slip itself.
    number = office.petugas.submissions.get(original).number
    assert _ids(office.petugas.duplicates.for_submission(number)) == [retyped]
    assert office.petugas.duplicates.for_submission(other) == []
    assert office.petugas.duplicates.for_submission(unrelated) == []


def test_short_generic_slips_never_match(office: Office) -> None:
    a = _slip(office, "Terima kasih atas pelayanannya yang sangat baik dan ramah sekali.")
    _slip(office, "Terima kasih atas pelayanannya yang sangat baik dan ramah sekali.")
    _slip(office, "Terima kasih atas pelayanannya.")
    assert office.petugas.duplicates.for_submission(a) == []


def test_rejected_slip_is_returned_with_its_status(office: Office) -> None:
    first = _slip(office, LETTER)
    office.petugas.submissions.verify(first)
    office.supervisor.submissions.reject(first, "Duplikat")
    again = _slip(office, LETTER.replace("sebulan", "satu bulan"))
    (hit,) = office.petugas.duplicates.for_submission(again)
    assert hit.submission_id == first and hit.status.value == "rejected"


def test_identity_is_masked_for_those_who_may_not_see_it(office: Office) -> None:
    office.admin.users.add("petugas2", "Rina Petugas", Role.PETUGAS, "rahasia123")
    secret = _slip(office, LETTER, anonim=True, reporter_name="Budi Santoso",
                   reporter_phone="081234567890",
                   title="Laporan Budi Santoso 081234567890: lampu padam")
    theirs = office.as_user("petugas2").submissions.create(valid_slip(body=RETYPED))
    retyped = theirs.submission.id

    (hit,) = office.as_user("petugas2").duplicates.for_submission(retyped)
    assert hit.submission_id == secret
    shown = repr(hit) + str(hit.to_json())
    assert "Budi" not in shown and "Santoso" not in shown and "081234567890" not in shown
    assert "lampu padam" in hit.title
    assert not any(f.startswith("reporter") for f in hit.to_json())
    # The supervisor, and the petugas who captured it, see the title as it is.
    for svc in (office.supervisor, office.petugas):
        (seen,) = svc.duplicates.for_submission(retyped)
        assert seen.title == "Laporan Budi Santoso 081234567890: lampu padam"


def test_operator_may_not_ask(office: Office) -> None:
    sid = _slip(office, LETTER)
    with pytest.raises(PermissionDenied):
        office.operator.duplicates.for_submission(sid)


# --- images --------------------------------------------------------------------------------
def _rescan(src: Image.Image, path: Path) -> Path:
    """The same sheet through the scanner again: a little turned and shifted, smaller, and
    saved as a rougher JPEG (other bytes, so intake does not refuse it as the same file)."""
    im = src.convert("L").rotate(0.7, resample=Image.Resampling.BICUBIC, fillcolor=255,
                                 translate=(9, -6))
    im = im.resize((im.width * 9 // 10, im.height * 9 // 10), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=60)
    path.write_bytes(buf.getvalue())
    return path


def _import(office: Office, *paths: Path) -> list[int]:
    report = office.petugas.intake.import_files(list(paths))
    assert report.ok, report.failed
    return [f.submission_id for f in report.imported]


def test_rescanned_page_is_found_by_its_image(office: Office, tmp_path: Path) -> None:
    (first,) = _import(office, F.png(tmp_path / "surat.png", seed=11))
    (other,) = _import(office, F.png(tmp_path / "lain.png", seed=12))
    (again,) = _import(office, _rescan(F.text_page(11), tmp_path / "pindai-ulang.jpg"))

    hits = office.petugas.duplicates.for_submission(again)
    assert _ids(hits) == [first]
    assert hits[0].kind == "image"
    assert 1 - D.IMAGE_MAX_DISTANCE / 64 <= hits[0].score <= 1.0
    assert _ids(office.petugas.duplicates.for_submission(other)) == []
    # A deleted page does not count.
    (page,) = office.petugas.intake.pages(first)
    office.petugas.pages.delete(page.id)
    assert office.petugas.duplicates.for_submission(again) == []


def _form(path: Path, i: int) -> Path:
    """A slip on the office's printed form: the form is most of the page, the few words
    written on it differ from slip to slip."""
    im = Image.new("L", (1240, 1754), 255)
    d = ImageDraw.Draw(im)
    d.rectangle((100, 100, 1140, 1650), outline=0, width=8)
    d.rectangle((100, 100, 1140, 300), fill=0)
    d.rectangle((100, 1400, 1140, 1650), fill=0)
    for y in range(400, 1350, 60):
        d.line((140, y, 1100, y), fill=60, width=4)
    words = ["lampu jalan mati", "parit tersumbat", "sampah menumpuk", "air keruh sekali"]
    d.text((160, 350), f"isi saran nomor {i}: {words[i]}", fill=0)
    im.save(path, dpi=(150, 150))
    return path


def test_slips_on_one_printed_form_are_not_the_same_image(office: Office,
                                                          tmp_path: Path) -> None:
    first, second = _import(office, _form(tmp_path / "a.png", 0), _form(tmp_path / "b.png", 1))
    # Two slips on the form look alike to the hash: that is all it can say.
    assert [h.kind for h in office.petugas.duplicates.for_submission(second)] == ["image"]
    # With more slips on the form, its look is no evidence of anything.
    _import(office, _form(tmp_path / "c.png", 2), _form(tmp_path / "d.png", 3))
    assert office.petugas.duplicates.for_submission(second) == []
    assert office.petugas.duplicates.for_submission(first) == []


def test_same_file_again_is_found_as_the_same_file(office: Office, tmp_path: Path) -> None:
    path = F.jpeg(tmp_path / "surat.jpg", seed=5)
    (first,) = _import(office, path)
    (page,) = office.petugas.intake.pages(first)
    # Intake refuses a file whose page is live; deleted, the file can come in again, and
    # restoring the first page makes two slips of one file.
    office.petugas.pages.delete(page.id)
    (second,) = _import(office, path)
    office.petugas.pages.restore(page.id)

    (hit,) = office.petugas.duplicates.for_submission(second)
    assert (hit.submission_id, hit.kind, hit.score, hit.detail) == (first, "same_file", 1.0,
                                                                     "100%")
    assert "100%" in describe(hit)


@P.needs_font
@P.needs_tesseract
def test_ocr_text_of_a_scan_matches_the_typed_slip(office: Office, tmp_path: Path) -> None:
    lines = ("Kepada Yth. Bapak Lurah Sukamaju", "",
             "Lampu penerangan di sepanjang Jl. Teuku Umar dekat",
             "gang Mawar sudah padam hampir sebulan. Anak-anak yang",
             "pulang mengaji harus lewat dalam gelap dan minggu lalu",
             "ada tetangga yang dijambret di situ. Kami mohon",
             "lampunya segera diganti.", "", "Hormat kami, warga RT 04")
    typed = _slip(office, LETTER)
    other = _slip(office, SAME_TOPIC)
    (scanned,) = _import(office, P.save(tmp_path / "surat.png", lines=lines))
    office.petugas.ocr.run(workers=1)

    hits = office.petugas.duplicates.for_submission(scanned)
    assert _ids(hits) == [typed]
    assert hits[0].kind == "text"
    assert other not in _ids(office.petugas.duplicates.for_submission(typed))
