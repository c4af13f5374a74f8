"""The receipt (tanda terima) on A6 and 58/80 mm rolls: rendered to PNG, its text read back
field by field, the roll width kept, the QR code only with a tracking ID."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kotaksaran import i18n
from kotaksaran.documents.data import ReceiptData
from kotaksaran.documents.errors import UnknownPaperSize
from kotaksaran.documents.receipt import render_receipt
from tests.documents_pdf import (
    MM,
    flat,
    ink_ratio,
    pdf_text,
    png_pages,
    printed,
    qr_codes,
    unit,
    words,
)

SIZES = {"a6": (105, 148), "58mm": (58, None), "80mm": (80, None)}
MARGINS = {"a6": 7, "58mm": 5, "80mm": 4}


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def receipt(**over: object) -> ReceiptData:
    base = ReceiptData(
        number="KS-KLBS-2026-000012", received_at=datetime(2026, 6, 10, 2, 5, tzinfo=UTC),
        channel="loket", classification="pengaduan",
        title="Lampu penerangan jalan di Gang Melati mati sejak dua minggu — warga khawatir",
        anonim=False, rahasia=False, respon_awal_days=5, respon_awal_due=date(2026, 6, 18))
    return replace(base, **over)  # type: ignore[arg-type]


@pytest.mark.parametrize("size", list(SIZES))
def test_every_field_on_every_size(size: str, tmp_path: Path) -> None:
    pdf = render_receipt(receipt(), unit(), printed(), size)
    text = flat(pdf_text(pdf))
    expected = [
        "Kelurahan Batu Selicin", "Jl. Raja Ali Haji No. 1, Lubuk Baja, Kota Batam",
        "TANDA TERIMA LAPORAN", "KS-KLBS-2026-000012",
        "Diterima", "Rabu, 10 Juni 2026, 09.05 WIB", "Saluran", "Loket",
        "Klasifikasi", "Pengaduan",
        "Judul", "Lampu penerangan jalan di Gang Melati mati sejak dua minggu — warga khawatir",
        "Langkah selanjutnya", "paling lambat 5 hari kerja", "Kamis, 18 Juni 2026",
        "Cara memantau status", "Nomor pelacakan LAPOR! diberikan setelah laporan terdaftar",
        "Data pribadi Anda", "UU Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
        "Simpan tanda terima ini", "Dicetak 10 Juni 2026, 09.07 WIB oleh Siti Petugas",
    ]
    for part in expected:
        assert part in text, (size, part)
    # In order, top to bottom.
    positions = [text.index(part) for part in expected]
    assert positions == sorted(positions)
    assert "SALINAN" not in text
    pages = png_pages(pdf, tmp_path, dpi=120)
    assert len(pages) == 1, "a receipt is one page (or one piece of roll)"
    assert ink_ratio(pages[0]) > 0.02


@pytest.mark.parametrize("size", list(SIZES))
def test_the_paper_is_kept(size: str) -> None:
    long_title = "Pengaduan tentang " + "jalan rusak dan drainase tersumbat " * 8
    pdf = render_receipt(receipt(title=long_title.strip(), number="KS-KLBS-D1-2026-000123"),
                         unit(), printed(), size)
    pages, ws = words(pdf)
    width, height = SIZES[size]
    assert len(pages) == 1
    assert abs(pages[0].width - width * MM) < 0.5
    margin = MARGINS[size] * MM
    inside = [w for w in ws if w.x0 >= margin - 0.5 and w.x1 <= pages[0].width - margin + 0.5]
    assert inside == ws, [w.text for w in ws if w not in inside]
    assert "KS-KLBS-D1-2026-000123" in [w.text for w in ws]  # the number is not broken
    bottom = max(w.y1 for w in ws)
    if height is None:  # a roll: as long as the text, no more
        assert pages[0].height - bottom < 12 * MM
        assert pages[0].height > 100 * MM
    else:
        assert abs(pages[0].height - height * MM) < 0.5 and bottom < pages[0].height


def test_58mm_is_longer_than_80mm() -> None:
    h58 = words(render_receipt(receipt(), unit(), printed(), "58mm"))[0][0].height
    h80 = words(render_receipt(receipt(), unit(), printed(), "80mm"))[0][0].height
    assert h58 > h80


def test_rahasia_prints_no_title() -> None:
    data = receipt(rahasia=True, title=None)
    for size in SIZES:
        text = flat(pdf_text(render_receipt(data, unit(), printed(), size)))
        assert "Lampu penerangan" not in text
        assert "(laporan rahasia: judul tidak dicetak)" in text
        assert "Laporan rahasia: laporan tidak dipublikasikan" in text


def test_anonim_says_so() -> None:
    text = flat(pdf_text(render_receipt(receipt(anonim=True), unit(), printed())))
    assert "Laporan anonim: identitas Anda tidak keluar dari kantor ini" in text


def test_qr_code_with_tracking_id_only(tmp_path: Path) -> None:
    url = "https://lapor.example.go.id/lacak/1916449"
    with_id = receipt(tracking_id="1916449", tracking_url=url, upstream_status="Terverifikasi")
    for size in SIZES:
        pdf = render_receipt(with_id, unit(), printed(), size)
        assert qr_codes(pdf) == [url], size
        text = flat(pdf_text(pdf))
        assert "Nomor pelacakan LAPOR!: #1916449" in text
        assert "Status di LAPOR!: Terverifikasi" in text
        assert "Pindai untuk melihat status:" in text
    assert qr_codes(render_receipt(receipt(), unit(), printed(), "80mm")) == []
    no_url = render_receipt(replace(with_id, tracking_url=None), unit(), printed(), "80mm")
    assert qr_codes(no_url) == [] and "#1916449" in pdf_text(no_url)


def test_copy_is_marked_on_sheet_and_roll() -> None:
    for size in SIZES:
        text = flat(pdf_text(render_receipt(receipt(), unit(), printed(copy=True), size)))
        assert "SALINAN — cetak ulang dari dokumen yang pernah dicetak" in text


def test_same_input_same_bytes() -> None:
    a = render_receipt(receipt(), unit(), printed(), "58mm")
    assert render_receipt(receipt(), unit(), printed(), "58mm") == a
    later = printed(at=datetime(2026, 6, 10, 2, 8, tzinfo=UTC))
    assert render_receipt(receipt(), unit(), later, "58mm") != a
    assert b"/CreationDate (D:20260610020700+00'00')" in a


def test_english() -> None:
    i18n.set_language("en")
    text = flat(pdf_text(render_receipt(receipt(), unit(), printed())))
    for part in ("RECEIPT FOR A REPORT", "Wednesday, 10 June 2026, 09:05 WIB", "Service desk",
                 "Complaint", "What happens next", "Thursday, 18 June 2026"):
        assert part in text, part


def test_unknown_size() -> None:
    with pytest.raises(UnknownPaperSize) as err:
        render_receipt(receipt(), unit(), printed(), "a4")
    assert "a6, 58mm, 80mm" in i18n.error_message(err.value)


def test_a_damaged_logo_is_left_out() -> None:
    broken = replace(unit(), logo=b"\x89PNG not really")
    text = flat(pdf_text(render_receipt(receipt(), broken, printed())))
    assert "KS-KLBS-2026-000012" in text
