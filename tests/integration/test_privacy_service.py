"""What leaves the office: an anonymous slip's NIK and phone masked in the text and blacked
out on the page image (checked by reading the image again with the real tesseract), an open
slip's pages only compressed, and personal data shown only to those who may see it."""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat

from kotaksaran import i18n
from kotaksaran.domain.enums import Status
from kotaksaran.domain.errors import PermissionDenied
from kotaksaran.ocr.engine import recognize
from kotaksaran.services.privacy import HandwritingNotChecked, PageNotChecked, RedactionsClosed
from kotaksaran.store.models import Page
from tests import ocr_pages as P
from tests.conftest import Office, valid_slip

NIK = "2171 0446 0285 0002"
PHONE = "0812-3456-7890"
LETTER = (
    "Kepada Yth. Bapak Lurah",
    "Kelurahan Batu Selicin",
    "",
    "Saya warga RT 03/RW 05 melaporkan bahwa jalan",
    "di depan SD Negeri 003 berlubang besar sejak",
    "tanggal 12-08-2024. Mohon segera diperbaiki.",
    "",
    f"NIK {NIK}",
    f"HP {PHONE}",
    "",
    "Terima kasih.",
)
SECRET_RUNS = ("2171", "0446", "0285", "0002", "3456", "7890")
KEPT = ("Kelurahan", "berlubang", "diperbaiki", "12-08-2024")


def _digit_runs(text: str) -> set[str]:
    return set(re.findall(r"[0-9]+", text))


def _import_letter(office: Office, tmp_path: Path, name: str = "surat.png") -> int:
    path = P.save(tmp_path / name, lines=LETTER)
    report = office.petugas.intake.import_files([path])
    assert report.ok, report.failed
    return report.imported[0].submission_id


def _stored(office: Office, sub_id: int) -> tuple[int, Image.Image, int]:
    (view,) = office.petugas.intake.pages(sub_id)
    img = Image.open(io.BytesIO(office.store.blobs.read(view.blob_sha256)))
    img.load()
    return view.id, img, view.dpi


def _read(data: bytes) -> str:
    img = Image.open(io.BytesIO(data))
    return recognize(img, dpi=200).text


@P.needs_font
@P.needs_tesseract
def test_anonymous_slip_leaves_with_nik_and_phone_masked_in_text_and_image(
        office: Office, tmp_path: Path) -> None:
    sub_id = _import_letter(office, tmp_path)
    report = office.petugas.ocr.run(workers=1)
    assert report.failed == []
    page_id, stored, dpi = _stored(office, sub_id)
    (page,) = office.petugas.ocr.submission_ocr(sub_id)
    assert set(SECRET_RUNS) <= _digit_runs(page.text), page.text  # the engine read them
    office.petugas.submissions.save_draft(sub_id, {"anonim": True})

    # the text: the body was filled from OCR; NIK and phone are masked in Indonesian
    text = office.petugas.privacy.outgoing_text(sub_id)
    assert "[NIK disamarkan]" in text["body"]
    assert "[nomor telepon disamarkan]" in text["body"]
    assert not set(SECRET_RUNS) & _digit_runs(text["body"])
    for word in KEPT:
        assert word in text["body"]
    i18n.set_language("en")  # the interface language does not change what is sent
    try:
        assert office.petugas.privacy.outgoing_text(sub_id) == text
    finally:
        i18n.set_language("id")

    # the image: every word of the NIK and the phone number is covered
    boxes = office.petugas.privacy.redaction_boxes(page_id)
    assert len(boxes) >= 5  # four NIK groups (one box each) and the phone number
    (out,) = office.petugas.privacy.outgoing_pages(sub_id)
    assert out.redacted and out.name.endswith(("-1.jpg", "-1.png"))
    sent = Image.open(io.BytesIO(out.data))
    assert out.mime == Image.MIME[sent.format or ""]
    assert sent.width == round(stored.width * 200 / dpi)  # 300 dpi scan sent at 200 dpi
    again = _read(out.data)
    assert not set(SECRET_RUNS) & _digit_runs(again), again
    for word in KEPT:
        assert word in again, again
    # the boxes are opaque: nothing of the digits is left under them
    scale = sent.width / stored.width
    x, y, w, h = boxes[0]
    region = sent.convert("L").crop((int(x * scale) + 2, int(y * scale) + 2,
                                     int((x + w) * scale) - 2, int((y + h) * scale) - 2))
    assert ImageStat.Stat(region).extrema[0][1] < 60

    # the original stays as it was in the office, for those allowed to see it
    assert stored.tobytes() == _stored(office, sub_id)[1].tobytes()
    found = office.petugas.privacy.findings(sub_id)
    assert {(f.kind, f.text) for f in found if f.field == "ocr_text"} >= {
        ("nik", NIK), ("phone", PHONE)}


VARIED = (
    "Kepada Yth. Bapak Lurah Batu Selicin",
    "",
    "Nama saya Hendra Gunawan, warga RT 04/RW 02.",
    "NIK: 32.01.01.120890.0003",
    "No. HP +62 812 7788 9900 atau (021) 555 1234",
    "Email hendra.g@gmail.com",
    "Pada 12-08-2024 pukul 08.30 saya dimintai Rp 1.500.000",
    "untuk mengurus surat pindah.",
    "",
    "Hormat saya,",
    "",
    "Hendra Gunawan",
)
VARIED_SECRETS = ("3201", "120890", "0003", "7788", "9900", "555", "1234", "Hendra",
                  "hendra", "Gunawan", "gmail")
VARIED_KEPT = ("Lurah", "Selicin", "1.500.000", "pindah", "Hormat")


def _varied_letter(path: Path) -> Path:
    """A serif letter scanned at 200 dpi, 3 degrees askew, with every kind of personal data."""
    img = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(P.FONT.with_name("DejaVuSerif.ttf")), 27)
    for i, line in enumerate(VARIED):
        draw.text((166, 200 + 47 * i), line, font=font, fill=0)
    img = img.rotate(3, resample=Image.Resampling.BICUBIC, fillcolor=255)
    img.save(path, dpi=(200, 200))
    return path


@P.needs_font
@P.needs_tesseract
def test_rahasia_letter_with_every_kind_of_personal_data(office: Office, tmp_path: Path
                                                         ) -> None:
    report = office.petugas.intake.import_files([_varied_letter(tmp_path / "miring.png")])
    sub_id = report.imported[0].submission_id
    office.petugas.ocr.run(workers=1)
    (page,) = office.petugas.ocr.submission_ocr(sub_id)
    assert "Gunawan" in page.text and "7788" in page.text, page.text
    office.petugas.submissions.save_draft(sub_id, {
        "rahasia": True, "reporter_name": "Hendra Gunawan", "reporter_phone": "081277889900"})
    kinds = {f.kind for f in office.petugas.privacy.findings(sub_id) if f.field == "ocr_text"}
    assert kinds == {"nik", "phone", "email", "name"}
    (out,) = office.operator.privacy.outgoing_pages(sub_id)
    again = _read(out.data)
    assert not [s for s in VARIED_SECRETS if s in again], again
    assert not [k for k in VARIED_KEPT if k not in again], again
    body = office.operator.privacy.outgoing_text(sub_id)["body"]
    assert not [s for s in VARIED_SECRETS if s in body], body
    assert "Rp 1.500.000" in body and "RT 04/RW 02" in body


@P.needs_font
@P.needs_tesseract
def test_open_slip_pages_are_only_compressed(office: Office, tmp_path: Path) -> None:
    sub_id = _import_letter(office, tmp_path)
    office.petugas.ocr.run(workers=1)
    page_id, stored, _ = _stored(office, sub_id)
    boxes = office.petugas.privacy.redaction_boxes(page_id)
    assert boxes  # the personal data is found ...
    (out,) = office.petugas.privacy.outgoing_pages(sub_id)
    assert not out.redacted  # ... but the slip is neither anonim nor rahasia
    sent = Image.open(io.BytesIO(out.data)).convert("L")
    expected = stored.convert("L").resize(sent.size, Image.Resampling.LANCZOS)
    diff = ImageChops.difference(sent, expected)
    assert ImageStat.Stat(diff).mean[0] < 6  # the same page, compressed
    scale = sent.width / stored.width
    for x, y, w, h in boxes:  # where an anonymous slip would be black, there is paper
        region = sent.crop((int(x * scale), int(y * scale), int((x + w) * scale),
                            int((y + h) * scale)))
        assert ImageStat.Stat(region).mean[0] > 150
    assert len(out.data) < len(office.store.blobs.read(office.petugas.intake.pages(
        sub_id)[0].blob_sha256))
    assert set(SECRET_RUNS) <= _digit_runs(_read(out.data))


@P.needs_font
def test_unread_page_of_an_anonymous_slip_is_refused_until_marked(office: Office,
                                                                  tmp_path: Path) -> None:
    sub_id = _import_letter(office, tmp_path)
    office.petugas.submissions.save_draft(sub_id, {"rahasia": True})
    with pytest.raises(PageNotChecked) as info:
        office.operator.privacy.outgoing_pages(sub_id)
    assert "belum dibaca OCR" in i18n.error_message(info.value)
    assert office.petugas.privacy.redaction_boxes(office.petugas.intake.pages(
        sub_id)[0].id) == []
    # a person marks what to cover by hand: the page may go, blacked out there
    page_id, stored, _ = _stored(office, sub_id)
    with pytest.raises(PermissionDenied):
        office.operator.privacy.set_redactions(page_id, [(200, 250, 900, 300)])
    assert office.petugas.privacy.set_redactions(
        page_id, [(200, 250, 900, 300), (5, 5, 0, 9)]) == [(200, 250, 900, 300)]
    assert office.petugas.privacy.redaction_boxes(page_id) == [(200, 250, 900, 300)]
    (out,) = office.operator.privacy.outgoing_pages(sub_id)
    assert out.redacted
    sent = Image.open(io.BytesIO(out.data)).convert("L")
    scale = sent.width / stored.width
    region = sent.crop((int(210 * scale), int(260 * scale), int(1090 * scale),
                        int(540 * scale)))
    assert ImageStat.Stat(region).extrema[0][1] < 60
    uuid = office.petugas.submissions.get(sub_id).uuid
    assert any(e.action == "page_redactions" for e in office.petugas.audit_trail(
        "submission", uuid))
    # once sent, what is covered can no longer change
    with office.store.write() as s:
        page = s.get(Page, page_id)
        assert page is not None
        page.submission.status = Status.SENT.value
    with pytest.raises(RedactionsClosed) as closed:
        office.petugas.privacy.set_redactions(page_id, [])
    assert "sudah terkirim" in i18n.error_message(closed.value)


def _handwriting(path: Path) -> Path:
    """Pen strokes that are no letters, like a handwritten slip, at 150 dpi."""
    rng = random.Random(5)
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    for row in range(5):
        x, y = 120, 220 + row * 95
        while x < 1050:
            pts = [(x + i * 6, y + rng.randint(-18, 18)) for i in range(rng.randint(6, 16))]
            draw.line(pts, fill=0, width=4, joint="curve")
            x = pts[-1][0] + rng.randint(20, 45)
    draw.text((120, 1600), "Kotak Saran", font=ImageFont.truetype(str(P.FONT), 36), fill=0)
    img.save(path, dpi=(150, 150))
    return path


@P.needs_font
@P.needs_tesseract
def test_handwritten_page_of_an_anonymous_slip_waits_for_a_person(office: Office,
                                                                  tmp_path: Path) -> None:
    report = office.petugas.intake.import_files([_handwriting(tmp_path / "tangan.png")])
    sub_id = report.imported[0].submission_id
    office.petugas.ocr.run(workers=1)
    (page,) = office.petugas.ocr.submission_ocr(sub_id)
    assert page.state == "done"
    assert len(office.petugas.privacy.outgoing_pages(sub_id)) == 1  # open slip: sent as is
    office.petugas.submissions.save_draft(sub_id, {"anonim": True})
    with pytest.raises(HandwritingNotChecked) as info:
        office.operator.privacy.outgoing_pages(sub_id)
    assert "tulisan tangan" in i18n.error_message(info.value)
    office.petugas.privacy.set_redactions(page.page_id, [])  # looked at: nothing to cover
    (out,) = office.operator.privacy.outgoing_pages(sub_id)
    assert not out.redacted
    office.petugas.privacy.set_redactions(page.page_id, [], checked=False)
    with pytest.raises(HandwritingNotChecked):
        office.operator.privacy.outgoing_pages(sub_id)


def test_findings_are_shown_only_to_those_who_may_see_the_identity(office: Office) -> None:
    body = ("Nama saya Rina Wati, NIK 3171012345670001, HP 0813-1111-2222, email "
            "rina.w@gmail.com. Pada 12-08-2024 saya dimintai Rp 150.000 di RT 03/RW 05. "
            "Tetangga saya juga melihat Rina Wati diminta uang.")
    created = office.petugas.submissions.create(valid_slip(
        body=body, anonim=True, reporter_name="Rina Wati", reporter_phone="081311112222"))
    sub_id = created.submission.id
    own = office.petugas.privacy.findings(sub_id)
    assert [(f.kind, f.field, f.text) for f in own] == [
        ("name", "body", "Rina Wati"), ("nik", "body", "3171012345670001"),
        ("phone", "body", "0813-1111-2222"), ("email", "body", "rina.w@gmail.com"),
        ("name", "body", "Rina Wati")]
    assert all(body[f.start:f.end] == f.text for f in own)
    # the sync operator sees where, not what
    other = office.operator.privacy.findings(sub_id)
    assert [(f.kind, f.start, f.end) for f in other] == [(f.kind, f.start, f.end) for f in own]
    assert {f.text for f in other} == {""}
    assert office.supervisor.privacy.findings(sub_id) == own
    # masked for sending; dates, money and RT/RW stay
    sent = office.operator.privacy.outgoing_text(sub_id)
    assert sent["body"] == (
        "Nama saya [nama disamarkan], NIK [NIK disamarkan], HP [nomor telepon disamarkan], "
        "email [email disamarkan]. Pada 12-08-2024 saya dimintai Rp 150.000 di RT 03/RW 05. "
        "Tetangga saya juga melihat [nama disamarkan] diminta uang.")
    assert sent["title"] == valid_slip()["title"]
    # an open slip is sent as written, and its findings are visible to everyone
    office.petugas.submissions.save_draft(sub_id, {"anonim": False})
    assert office.operator.privacy.outgoing_text(sub_id)["body"] == body
    assert office.operator.privacy.findings(sub_id)[0].text == "Rina Wati"


def test_typed_slip_without_pages_sends_no_images(office: Office) -> None:
    sub_id = office.petugas.submissions.create(valid_slip(anonim=True)).submission.id
    assert office.operator.privacy.outgoing_pages(sub_id) == []
