"""Berita acara pembukaan kotak saran: every field, the signature lines, a long number list."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kotaksaran import i18n
from kotaksaran.documents.data import MinutesData
from kotaksaran.documents.minutes import render_minutes
from tests.documents_pdf import MM, flat, ink_ratio, pdf_text, png_pages, printed, unit, words


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def minutes(n: int = 5, **over: object) -> MinutesData:
    base = MinutesData(
        session_id=12, box_code="K1", box_name="Kotak Saran Lobi", location="Lobi kantor",
        opened_at=datetime(2026, 6, 10, 1, 30, tzinfo=UTC), opened_by="Budi Santoso",
        witnesses=("Hj. Nurhayati Lubis", "Rudi Hartono"), slips_found=n + 1,
        slips_digitised=n, closed_at=datetime(2026, 6, 10, 4, 0, tzinfo=UTC),
        close_note="Satu lembar kosong.",
        numbers=tuple(f"KS-KLBS-2026-{i:06d}" for i in range(101, 101 + n)))
    return replace(base, **over)  # type: ignore[arg-type]


def test_every_field(tmp_path: Path) -> None:
    pdf = render_minutes(minutes(), unit(), printed())
    text = flat(pdf_text(pdf))
    expected = [
        "Kelurahan Batu Selicin", "BERITA ACARA PEMBUKAAN KOTAK SARAN",
        "Pada hari ini, Rabu, 10 Juni 2026, pukul 08.30 WIB, bertempat di Lobi kantor, "
        "kotak saran \"Kotak Saran Lobi\" dibuka oleh Budi Santoso",
        "Sesi 12", "Kotak saran Kotak Saran Lobi (K1)", "Tempat Lobi kantor",
        "Dibuka Rabu, 10 Juni 2026, 08.30 WIB", "Dibuka oleh Budi Santoso",
        "Saksi Hj. Nurhayati Lubis, Rudi Hartono", "Jumlah lembar di dalam kotak 6",
        "Jumlah yang diinput 5", "Selisih 1 lembar ditemukan tetapi tidak diinput",
        "Sesi ditutup 10 Juni 2026, 11.00 WIB", "Catatan Satu lembar kosong.",
        "Nomor lokal lembar yang diinput (5)",
        "Demikian berita acara ini dibuat dengan sebenarnya",
        "Kelurahan Batu Selicin, 10 Juni 2026",
        "Yang membuka,", "Saksi 1,", "Saksi 2,",
    ]
    for part in expected:
        assert part in text, part
    assert "Saksi 3" not in text
    # Each signer's name sits under a signature line with room to sign above it.
    _pages, ws = words(pdf)
    role = next(w for w in ws if w.text == "membuka,")
    name = next(w for w in ws if w.text == "Santoso" and w.y0 > role.y1)
    assert name.y0 - role.y1 > 15 * MM
    [png] = png_pages(pdf, tmp_path)
    assert ink_ratio(png) > 0.02


def test_long_list_runs_on_in_order() -> None:
    pdf = render_minutes(minutes(180), unit(), printed())
    pages, ws = words(pdf)
    assert len(pages) == 2
    # Read as a person does: page by page, line by line, left to right.
    ordered = sorted(ws, key=lambda w: (w.page, round(w.y0), w.x0))
    numbers = [w.text for w in ordered if w.text.startswith("KS-KLBS-2026-")]
    assert numbers == [f"KS-KLBS-2026-{i:06d}" for i in range(101, 281)]
    text = flat(pdf_text(pdf))
    assert "Halaman 1 dari 2" in text and "Halaman 2 dari 2" in text


def test_open_session_no_witnesses_no_slips() -> None:
    data = minutes(0, witnesses=(), closed_at=None, close_note="", slips_found=0)
    text = flat(pdf_text(render_minutes(data, unit(logo=False), printed())))
    assert "Sesi ditutup belum (sesi masih terbuka)" in text
    assert "Belum ada lembar yang diinput untuk sesi ini." in text
    assert "Saksi (tidak ada)" in text
    assert "Saksi 1," in text and "Saksi 2," in text  # lines to sign by hand
    assert "Selisih" not in text


def test_copy_and_english() -> None:
    assert "SALINAN" in pdf_text(render_minutes(minutes(), unit(), printed(copy=True)))
    i18n.set_language("en")
    text = flat(pdf_text(render_minutes(minutes(), unit(), printed())))
    assert "MINUTES OF THE OPENING OF THE SUGGESTION BOX" in text and "Witness 1," in text
