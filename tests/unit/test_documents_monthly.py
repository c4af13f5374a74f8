"""The monthly report: its figures in the PDF, the charts, and the same figures as CSV and
XLSX read back with csv and openpyxl."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pytest

from kotaksaran import i18n
from kotaksaran.documents.data import MonthlyData, OverdueItem
from kotaksaran.documents.monthly import render_monthly
from kotaksaran.documents.monthly_export import figures, to_csv, to_xlsx
from tests.documents_pdf import flat, ink_ratio, line_with, pdf_text, png_pages, printed, unit

AS_OF = datetime(2026, 7, 3, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def monthly(**over: object) -> MonthlyData:
    base = MonthlyData(
        year=2026, month=6, as_of=AS_OF, total=40,
        by_classification=(("pengaduan", 25), ("aspirasi", 10), ("permintaan_informasi", 4),
                           ("", 1)),
        by_category=(("jalan", "Pekerjaan Umum › Jalan berlubang", 14),
                     ("sampah", "Lingkungan › Pengelolaan sampah", 9),
                     ("", "", 17)),
        by_channel=(("kotak_saran", 28), ("loket", 8), ("surat", 3), ("lainnya", 1)),
        by_status=(("draft", 2), ("verified", 1), ("returned", 1), ("rejected", 2),
                   ("approved", 0), ("queued", 0), ("sent", 3), ("registered", 19),
                   ("closed", 12)),
        completed=12, completion_base=38, avg_days_respon_awal=3.4,
        avg_days_tindak_lanjut=7.25, respon_awal_measured=20, tindak_lanjut_measured=12,
        overdue=(OverdueItem("KS-KLBS-2026-000007", date(2026, 6, 3), date(2026, 6, 10), 16,
                             "registered", "tindak_lanjut", "Sampah menumpuk di pasar"),
                 OverdueItem("KS-KLBS-2026-000009", date(2026, 6, 4), date(2026, 6, 11), 15,
                             "sent", "respon_awal", None)))
    return replace(base, **over)  # type: ignore[arg-type]


def test_pdf_figures(tmp_path: Path) -> None:
    pdf = render_monthly(monthly(), unit(), printed(at=AS_OF))
    text = flat(pdf_text(pdf))
    assert line_with(pdf, "12 / 38") == "40 12 / 38 31,6 %"
    assert line_with(pdf, "Laporan diterima") == "Laporan diterima Selesai Rasio penyelesaian"
    assert line_with(pdf, "3,4") == "3,4 7,3 2"  # 7.25 rounds half up
    assert line_with(pdf, "Hari kerja sampai respon") == \
        "Hari kerja sampai respon awal Hari kerja sampai tindak lanjut Terlambat"
    for part in ("LAPORAN BULANAN", "Juni 2026", "Keadaan per 3 Juli 2026, 09.00 WIB",
                 "Laporan menurut status", "Laporan menurut klasifikasi dan saluran",
                 "Laporan menurut kategori", "Laporan yang terlambat",
                 "Cara menghitung angka", "respon awal 5 hari kerja, tindak lanjut 10 hari kerja"):
        assert part in text, part
    assert line_with(pdf, "47,5 %").startswith("Terdaftar 19 47,5 %")
    assert "Pengaduan 25 62,5 %" in line_with(pdf, "Pengaduan 25")
    assert "Kotak saran 28 70,0 %" in line_with(pdf, "Kotak saran 28")
    assert line_with(pdf, "35,0 %") == "Pekerjaan Umum › Jalan berlubang 14 35,0 %"
    assert line_with(pdf, "42,5 %") == "(belum diisi) 17 42,5 %"
    row = line_with(pdf, "000007")
    assert row.startswith("KS-KLBS-2026-000007 03/06/26 10/06/26 tindak lanjut 16 Terdaftar")
    assert "(rahasia)" in line_with(pdf, "000009")
    pages = png_pages(pdf, tmp_path)
    assert all(ink_ratio(p) > 0.01 for p in pages)


def test_charts_are_drawn(tmp_path: Path) -> None:
    plain = render_monthly(monthly(), unit(), printed())
    # The bar chart's value labels and bar category labels are text in the PDF.
    text = flat(pdf_text(plain))
    assert "10 kategori terbanyak" in text
    # Bars are filled rectangles in the page content: grey fill #555555 present.
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(plain)
    first = doc[0].render(scale=1).to_pil().convert("RGB")
    colours = {c for _n, c in first.getcolors(1 << 20) or []}
    assert (0x55, 0x55, 0x55) in colours


def test_no_history_no_averages() -> None:
    data = monthly(avg_days_respon_awal=None, avg_days_tindak_lanjut=None,
                   respon_awal_measured=0, tindak_lanjut_measured=0,
                   notes=("no_status_history",), overdue=())
    pdf = render_monthly(data, unit(), printed())
    text = flat(pdf_text(pdf))
    assert line_with(pdf, "12 / 38").endswith("31,6 %")
    assert line_with(pdf, "— —").startswith("— — 0")
    assert "Belum ada riwayat status dari LAPOR! untuk laporan bulan ini" in text
    assert "Tidak ada laporan bulan ini yang melewati batas waktunya." in text


def test_csv_holds_the_same_figures() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(monthly()).decode("utf-8-sig"))))
    assert rows[0] == ["month", "section", "code", "label", "value"]
    body = {(r[1], r[2]): (r[3], r[4]) for r in rows[1:]}
    assert body[("summary", "total")] == ("Laporan diterima", "40")
    assert body[("summary", "completion_ratio")] == ("Rasio penyelesaian (selesai / dihitung)",
                                                     "0.3158")
    assert body[("summary", "avg_days_tindak_lanjut")][1] == "7.25"
    assert body[("classification", "")] == ("(belum diisi)", "1")
    assert body[("category", "jalan")] == ("Pekerjaan Umum › Jalan berlubang", "14")
    assert body[("status", "registered")] == ("Terdaftar", "19")
    assert body[("overdue", "KS-KLBS-2026-000007")] == ("tindak lanjut", "16")
    assert len(rows) - 1 == len(figures(monthly()))
    assert to_csv(monthly()).startswith(b"\xef\xbb\xbf")


def test_xlsx_holds_the_same_figures_and_is_stable() -> None:
    content = to_xlsx(monthly())
    book = openpyxl.load_workbook(io.BytesIO(content))
    assert book.sheetnames == ["Ringkasan", "Klasifikasi", "Kategori", "Saluran", "Status",
                               "Terlambat"]
    summary = {r[0]: r[2] for r in book["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["total"] == 40 and summary["completion_ratio"] == 0.3158
    status = {r[0]: r[2] for r in book["Status"].iter_rows(min_row=2, values_only=True)}
    assert status["closed"] == 12 and sum(status.values()) == 40
    overdue = list(book["Terlambat"].iter_rows(min_row=2, values_only=True))
    assert overdue[0][:5] == ("KS-KLBS-2026-000007", datetime(2026, 6, 3),
                              datetime(2026, 6, 10), "tindak lanjut", 16)
    assert book.properties.created == datetime(2026, 7, 3, 2, 0)
    assert to_xlsx(monthly()) == content
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 7, 3, 2, 0, 0)}


def test_english() -> None:
    i18n.set_language("en")
    text = flat(pdf_text(render_monthly(monthly(), unit(), printed())))
    assert "MONTHLY REPORT" in text and "June 2026" in text and "31.6 %" in text
    rows = to_csv(monthly()).decode("utf-8-sig")
    assert "2026-06,summary,total,Reports received,40" in rows
