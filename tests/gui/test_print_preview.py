"""Printing from the window: the preview, printing at the PDF's exact page size, "Simpan
sebagai PDF", reprints marked SALINAN, the Laporan screen, the print buttons on the slip
editor and the box sessions page, and one print through a real CUPS queue."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageFilter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kotaksaran.ui.box_sessions import BoxSessionsPage
from kotaksaran.ui.print_preview import (
    PrintPreviewDialog,
    attach_minutes_scan,
    minutes_preview,
    receipt_preview,
)
from kotaksaran.ui.reports_page import ReportsPage
from kotaksaran.ui.submission_editor import SubmissionEditorPage
from tests.conftest import Office, valid_slip
from tests.documents_pdf import MM, flat, ink_ratio, logo_png, pdf_text, png_pages, words
from tests.gui.records_fixtures import make_ctx

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("indonesian")]
CUPS_QUEUE = os.environ.get("KOTAKSARAN_TEST_CUPS_QUEUE", "")


def _slip(office: Office) -> int:
    return office.petugas.submissions.create(valid_slip(channel="loket")).submission.id


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _difference(a: Path, b: Path) -> float:
    """Mean absolute difference (0 same .. 255) of two page images, slightly blurred so that
    the printer's own anti-aliasing does not count; a shift of 1 mm gives well over 5."""
    first = Image.open(a).convert("L")
    second = Image.open(b).convert("L").resize(first.size)
    ia = np.asarray(first.filter(ImageFilter.GaussianBlur(2)), dtype=np.float32)
    ib = np.asarray(second.filter(ImageFilter.GaussianBlur(2)), dtype=np.float32)
    return float(np.abs(ia - ib).mean())


def test_preview_save_and_reprint(office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    sub_id = _slip(office)
    ctx = make_ctx(office.petugas)
    dialog = receipt_preview(ctx, sub_id)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Tanda terima KS-KLBS-2026-000001"
    assert dialog.paper() == "a6" and len(dialog.page_labels) == 1
    assert dialog.state_label.text() == "Asli: cetakan pertama dokumen ini."
    a6 = dialog.page_labels[0].pixmap().size()
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("58mm"))
    roll = dialog.page_labels[0].pixmap().size()
    assert len(dialog.page_labels) == 1 and roll.height() / roll.width() > 2.5
    assert a6.height() / a6.width() == pytest.approx(148 / 105, rel=0.02)

    saved = dialog.save_to(tmp_path / "tanda-terima.pdf")
    assert saved is not None and "SALINAN" not in pdf_text(saved.read_bytes())
    assert "KS-KLBS-2026-000001" in pdf_text(saved.read_bytes())
    assert dialog.document is not None and dialog.document.copy
    assert dialog.state_label.text() == "Ini cetak ulang: dokumen akan bertanda SALINAN."
    printed = tmp_path / "cetak.pdf"
    assert dialog.print_to(_pdf_printer(printed))
    trail = [e for e in office.admin.audit_trail(
        "submission", office.petugas.submissions.get(sub_id).uuid)
        if e.action == "document_print"]
    assert [(e.changes[1]["new"], e.changes[2]["new"]) for e in trail] == [
        (False, "pdf"), (True, "printer")]
    assert trail[1].changes[3]["new"] == str(printed)


def test_printing_keeps_the_layout(office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    """The printer gets pages of the PDF's own size with the same picture on them."""
    sub_id = _slip(office)
    dialog = receipt_preview(make_ctx(office.petugas), sub_id)
    qtbot.addWidget(dialog)
    for paper in ("58mm", "a6"):
        dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData(paper))
        doc = dialog.document
        assert doc is not None
        out = tmp_path / f"printed-{paper}.pdf"
        assert dialog.print_to(_pdf_printer(out))
        source_pages, _w = words(doc.content)
        printed_pages, _w2 = words(out.read_bytes())
        assert len(printed_pages) == len(source_pages) == 1
        assert printed_pages[0].width == pytest.approx(source_pages[0].width, abs=1.5)
        assert printed_pages[0].height == pytest.approx(source_pages[0].height, abs=1.5)
        [want] = png_pages(doc.content, tmp_path / paper, dpi=80, stem="want")
        [got] = png_pages(out.read_bytes(), tmp_path / paper, dpi=80, stem="got")
        assert ink_ratio(got) > 0.02
        assert _difference(want, got) < 5, paper


def test_print_dialog_path(office: Office, qtbot: QtBot, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    sub_id = _slip(office)
    dialog = receipt_preview(make_ctx(office.petugas), sub_id)
    qtbot.addWidget(dialog)
    out = tmp_path / "via-dialog.pdf"

    def accept(self: QPrintDialog) -> int:
        self.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer().setOutputFileName(str(out))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert dialog.print_document()
    assert out.stat().st_size > 1000
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    assert not dialog.print_document()


def test_minutes_preview_and_scan(office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    session = office.petugas.boxes.open_session(witnesses=["Rina Marlina"], slips_found=1)
    office.petugas.submissions.create(valid_slip(box_session_id=session.id))
    ctx = make_ctx(office.petugas)
    dialog = minutes_preview(ctx, session.id)
    qtbot.addWidget(dialog)
    assert dialog.document is not None and dialog.document.kind == "minutes"
    assert "Rina Marlina" in pdf_text(dialog.document.content)
    scan = tmp_path / "ttd.png"
    scan.write_bytes(logo_png())
    with qtbot.waitSignal(ctx.bus.sessions_changed, timeout=1000):
        assert attach_minutes_scan(ctx, session.id, dialog, str(scan))
    got = office.petugas.documents.minutes_scan(session.id)
    assert got is not None and got.file_name == "ttd.png"
    bad = tmp_path / "catatan.txt"
    bad.write_text("bukan gambar")
    assert not attach_minutes_scan(ctx, session.id, dialog, str(bad))


def test_print_buttons_on_the_editor_and_the_box_sessions_page(
        office: Office, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec",
                        lambda self: opened.append(self.windowTitle()) or 0)
    sub_id = _slip(office)
    editor = SubmissionEditorPage(make_ctx(office.petugas))
    qtbot.addWidget(editor)
    assert editor.receipt_button.text() == "Cetak tanda terima…"
    assert not editor.receipt_button.isEnabled()  # nothing saved yet
    editor.load_submission(sub_id)
    assert editor.receipt_button.isEnabled()
    editor.receipt_button.click()
    assert opened == ["Tanda terima KS-KLBS-2026-000001"]

    session = office.petugas.boxes.open_session(slips_found=0)
    page = BoxSessionsPage(make_ctx(office.petugas))
    qtbot.addWidget(page)
    assert page.minutes_button.text() == "Cetak &berita acara…"
    page.select_session(session.id)
    page.minutes_button.click()
    assert opened[-1] == f"Berita acara pembukaan kotak, sesi {session.id}"


def test_reports_page(office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    _slip(office)
    page = ReportsPage(make_ctx(office.supervisor))
    qtbot.addWidget(page)
    assert page.month() == (2026, 5)  # the month that just ended
    page.month_combo.setCurrentIndex(5)  # June
    assert page.figure_labels["total"].text() == "1"
    assert page.figure_labels["respon_awal"].text() == "—"
    assert "Belum ada riwayat status" in page.note_label.text()
    csv_path = page.export_monthly("csv", str(tmp_path / "juni.csv"))
    assert csv_path is not None and "2026-06,summary,total,Laporan diterima,1" in \
        csv_path.read_text(encoding="utf-8-sig")
    xlsx_path = page.export_monthly("xlsx", str(tmp_path / "juni.xlsx"))
    assert xlsx_path is not None and xlsx_path.read_bytes()[:2] == b"PK"
    dialog = page.preview_monthly()
    qtbot.addWidget(dialog)
    assert dialog.document is not None and "LAPORAN BULANAN" in pdf_text(dialog.document.content)
    dialog.close()
    board = page.preview_board()
    qtbot.addWidget(board)
    assert board.document is not None
    assert "PAPAN STATUS LAPORAN" in flat(pdf_text(board.document.content))
    board.close()
    assert not page.manifest_button.isEnabled()  # no batch yet

    operator = ReportsPage(make_ctx(office.operator))
    qtbot.addWidget(operator)
    assert operator.monthly_box.isHidden() and not operator.board_box.isHidden()


def test_main_window_reports_entry_is_the_reports_page(office: Office, qtbot: QtBot) -> None:
    from kotaksaran.ui.main_window import MainWindow

    window = MainWindow(make_ctx(office.supervisor))
    qtbot.addWidget(window)
    window.navigate("reports")
    assert isinstance(window.pages["reports"], ReportsPage)


# --- a real printer queue --------------------------------------------------------------------
def _cups_queue() -> str:
    queue = CUPS_QUEUE
    lpstat = shutil.which("lpstat")
    plain = {**os.environ, "LC_ALL": "C"}  # lpstat's own words, whatever the locale
    running = lpstat is not None and "is running" in subprocess.run(
        [lpstat, "-r"], capture_output=True, text=True, check=False, env=plain).stdout
    if not queue and running:
        devices = subprocess.run([lpstat, "-v"], capture_output=True, text=True,
                                 check=False, env=plain).stdout
        queue = next((line.split()[2].rstrip(":") for line in devices.splitlines()
                      if "cups-pdf:" in line), "")
    if queue and running:
        return queue
    reason = ("no CUPS scheduler with a cups-pdf queue here (install cups and "
              "printer-driver-cups-pdf and start cupsd, as .ci/run does)")
    if os.environ.get("CI"):
        pytest.fail(reason + " — CI must provide one")
    print(f"SKIP: {reason}")
    pytest.skip(reason)


def _wait_for_pdf(tag: str) -> Path:
    """The PDF cups-pdf wrote for the job whose title holds `tag` (it names files by title)."""
    folders = [Path.home() / "PDF", Path("/var/spool/cups-pdf") / os.environ.get("USER", ""),
               Path("/var/spool/cups-pdf/ANONYMOUS")]
    deadline = time.monotonic() + 120  # a wait for the spooler, not a performance limit
    while time.monotonic() < deadline:
        for folder in folders:
            if folder.is_dir():
                for path in folder.glob("*.pdf"):
                    if tag in path.name and path.stat().st_size > 0:
                        time.sleep(0.5)  # let cups-pdf finish writing
                        return path
        time.sleep(0.5)
    raise AssertionError(f"cups-pdf wrote no PDF for {tag} in {folders}")


def test_print_through_a_real_cups_queue(office: Office, qtbot: QtBot, tmp_path: Path) -> None:
    queue = _cups_queue()
    sub_id = _slip(office)
    dialog = receipt_preview(make_ctx(office.petugas), sub_id)
    qtbot.addWidget(dialog)
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("58mm"))
    tag = f"kstest{uuid.uuid4().hex[:10]}"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(queue)
    assert printer.isValid(), f"Qt does not see the queue {queue}"
    printer.setDocName(tag)
    assert dialog.print_to(printer)
    produced = _wait_for_pdf(tag)
    pages, _w = words(produced.read_bytes())
    assert len(pages) == 1
    assert pages[0].width == pytest.approx(58 * MM, abs=2)
    [png] = png_pages(produced.read_bytes(), tmp_path / "png")
    assert ink_ratio(png) > 0.02
    trail = office.admin.audit_trail("submission", office.petugas.submissions.get(sub_id).uuid)
    assert [e.changes[3]["new"] for e in trail if e.action == "document_print"] == [queue]
    produced.unlink()


def test_command_line_prints_to_the_cups_queue(office: Office, tmp_path: Path) -> None:
    """`lp` through the same queue: cups-pdf keeps the text, so the fields can be read."""
    from kotaksaran.documents.output import send_to_printer

    queue = _cups_queue()
    sub_id = _slip(office)
    doc = office.petugas.documents.receipt(sub_id, "80mm")
    tag = f"kstest{uuid.uuid4().hex[:10]}"
    job = send_to_printer(doc.content, queue, title=tag)
    assert job.startswith(f"{queue}-")
    produced = _wait_for_pdf(tag)
    text = flat(pdf_text(produced.read_bytes()))
    assert "TANDA TERIMA LAPORAN" in text and "KS-KLBS-2026-000001" in text
    produced.unlink()
    assert tmp_path.exists()
