"""`kotaksaran print ...` and `kotaksaran report monthly`: real files, read back."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kotaksaran.documents.errors import UnknownReportFormat
from kotaksaran.domain import errors as E
from tests.cli.test_cli import PASSWORD, Runner, msg, new
from tests.documents_pdf import MM, flat, ink_ratio, pdf_text, png_pages, words


def _d(office: Path) -> list[str]:
    return ["--data-dir", str(office)]


def test_print_receipt_to_a_file_then_a_copy(run: Runner, office: Path, tmp_path: Path
                                             ) -> None:
    number = new(run, office, "--channel", "loket", "--name", "Ahmad Fauzi",
                 "--phone", "081234567890", "--anonim")
    first = tmp_path / "tt.pdf"
    res = run(*_d(office), "--as", "petugas1", "print", "receipt", number, "--out", str(first),
              "--size", "58mm")
    assert res.code == 0, res.err
    assert res.out.strip() == f"Tanda terima disimpan: {first}"
    text = flat(pdf_text(first.read_bytes()))
    assert f"TANDA TERIMA LAPORAN {number}" in text
    assert "Pengaduan" in text and "Jalan berlubang di depan SD 003" in text
    assert "Ahmad Fauzi" not in text and "081234567890" not in text
    pages, _words = words(first.read_bytes())
    assert len(pages) == 1 and abs(pages[0].width - 58 * MM) < 0.5
    [png] = png_pages(first.read_bytes(), tmp_path / "png")
    assert ink_ratio(png) > 0.02

    again = tmp_path / "tt2.pdf"
    res = run(*_d(office), "--as", "petugas1", "print", "receipt", number, "--out", str(again),
              "--json")
    assert res.code == 0, res.err
    info = json.loads(res.out)
    assert info["copy"] is True and info["options"] == {"size": "a6"}
    assert "SALINAN" in pdf_text(again.read_bytes())
    shown = run(*_d(office), "show", number, "--json").json()
    assert isinstance(shown, dict)
    prints = [e for e in shown["audit"] if e["action"] == "document_print"]
    assert [(e["actor"], e["changes"][1]["new"]) for e in prints] == [
        ("user:petugas1", False), ("user:petugas1", True)]


def test_print_minutes_and_attach_the_scan(run: Runner, office: Path, tmp_path: Path
                                           ) -> None:
    res = run(*_d(office), "--as", "petugas1", "session", "open", "--found", "2",
              "--witness", "Pak Rahmat", "--json")
    session = res.json()
    assert isinstance(session, dict)
    numbers = [new(run, office, "--session", str(session["id"])) for _ in range(2)]
    out = tmp_path / "ba.pdf"
    res = run(*_d(office), "--as", "supervisor1", "print", "minutes", str(session["id"]),
              "--out", str(out))
    assert res.code == 0, res.err
    text = flat(pdf_text(out.read_bytes()))
    assert "BERITA ACARA PEMBUKAAN KOTAK SARAN" in text and "Pak Rahmat" in text
    assert all(n in text for n in numbers)
    scan = tmp_path / "ba-ttd.pdf"
    scan.write_bytes(out.read_bytes())  # a scanned PDF stands in for the signed paper
    res = run(*_d(office), "print", "minutes-scan", str(session["id"]), str(scan), "--json")
    assert res.code == 0, res.err
    assert json.loads(res.out)["kind"] == "pdf"


def test_status_board_and_report_monthly(run: Runner, office: Path, tmp_path: Path) -> None:
    number = new(run, office, "--rahasia", title="Rahasia: pungli di loket")
    board = tmp_path / "papan.pdf"
    res = run(*_d(office), "--as", "supervisor1", "print", "status-board", "--titles",
              "--out", str(board))
    assert res.code == 0, res.err
    text = flat(pdf_text(board.read_bytes()))
    assert "PAPAN STATUS LAPORAN" in text and number in text and "(rahasia)" in text
    assert "pungli" not in text
    month = date.today().strftime("%Y-%m")
    for suffix in ("pdf", "csv", "xlsx"):
        target = tmp_path / f"bulanan.{suffix}"
        res = run(*_d(office), "--as", "supervisor1", "report", "monthly", "--month", month,
                  "--out", str(target))
        assert res.code == 0, res.err
        assert res.out.strip() == f"Laporan bulanan disimpan: {target}"
    assert "LAPORAN BULANAN" in pdf_text((tmp_path / "bulanan.pdf").read_bytes())
    rows = list(csv.reader(io.StringIO(
        (tmp_path / "bulanan.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["month", "section", "code", "label", "value"]
    assert [month, "summary", "total", "Laporan diterima", "1"] in rows
    book = openpyxl.load_workbook(tmp_path / "bulanan.xlsx")
    assert book.sheetnames == ["Ringkasan", "Klasifikasi", "Kategori", "Saluran", "Status",
                               "Terlambat"]
    assert ["pengaduan", "Pengaduan", 1] in [list(r) for r in
                                             book["Klasifikasi"].iter_rows(values_only=True)]


def test_refusals_read_well(run: Runner, office: Path, tmp_path: Path) -> None:
    res = run(*_d(office), "report", "monthly", "--month", "2026-06", "--out",
              str(tmp_path / "x.docx"))
    assert res.code == 1
    assert res.err.strip() == msg(UnknownReportFormat(suffix=".docx"))
    res = run(*_d(office), "report", "monthly", "--month", "2026-13", "--out", "x.pdf")
    assert res.code == 2 and "bukan bulan" in res.err
    res = run(*_d(office), "--as", "petugas1", "report", "monthly", "--month", "2026-06",
              "--out", str(tmp_path / "x.pdf"))
    assert res.code == 1 and res.err.strip() == msg(
        E.PermissionDenied(action="monthly_report", role="petugas"))
    res = run(*_d(office), "print", "receipt", "KS-KLBS-2026-999999", "--out",
              str(tmp_path / "x.pdf"))
    assert res.code == 1 and "KS-KLBS-2026-999999" in res.err
    res = run(*_d(office), "print", "status-board")
    assert res.code == 2 and "--out" in res.err
    res = run(*_d(office), "print", "status-board", "--out", str(tmp_path / "no" / "x.pdf"))
    assert res.code == 1 and "tidak dapat disimpan" in res.err
    assert not (tmp_path / "no").exists()


def test_english_on_request(run: Runner, office: Path, tmp_path: Path) -> None:
    number = new(run, office)
    out = tmp_path / "r.pdf"
    res = run(*_d(office), "--lang", "en", "print", "receipt", number, "--out", str(out))
    assert res.code == 0 and res.out.startswith("Receipt written:")
    text = flat(pdf_text(out.read_bytes()))
    assert "RECEIPT FOR A REPORT" in text and "What happens next" in text


@pytest.mark.skipif(shutil.which("lp") is None, reason="CUPS client (lp) not installed")
def test_printer_option_needs_a_queue(run: Runner, office: Path) -> None:
    number = new(run, office)
    res = run(*_d(office), "print", "receipt", number, "--printer", "no-such-queue-ks")
    assert res.code == 1 and "tidak dapat dicetak" in res.err
    assert PASSWORD
