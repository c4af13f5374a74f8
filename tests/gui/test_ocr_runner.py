"""The background OCR strip: pages imported are read with progress, cancel pauses with the
rest waiting, and a missing tesseract is said plainly without stopping the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kotaksaran.domain.errors import TesseractMissing
from kotaksaran.ocr import engine
from kotaksaran.ui.ocr_runner import OcrRunner, OcrStatus
from tests import ocr_pages as P
from tests.conftest import Office
from tests.gui.records_fixtures import make_ctx

pytestmark = [P.needs_font, P.needs_tesseract]


def _runner(office: Office, qtbot: QtBot) -> tuple[OcrRunner, OcrStatus]:
    ctx = make_ctx(office.petugas)
    runner = OcrRunner(ctx)
    status = OcrStatus(runner)
    qtbot.addWidget(status)
    return runner, status


def _import(office: Office, tmp_path: Path, n: int, tag: str = "") -> None:
    files = [P.save(tmp_path / f"surat{i}.png", lines=(*P.LINES, f"Lembar {tag}{i}"))
             for i in range(n)]
    assert office.petugas.intake.import_files(files).ok


def test_pages_are_read_and_lists_are_told(office: Office, qtbot: QtBot,
                                           tmp_path: Path) -> None:
    _import(office, tmp_path, 2)
    runner, status = _runner(office, qtbot)
    told: list[list[int]] = []
    runner.ctx.bus.submissions_changed.connect(told.append)
    steps: list[tuple[int, int]] = []
    runner.progressed.connect(lambda d, t: steps.append((d, t)))
    assert runner.start_if_pending()
    assert steps[-1] == (2, 2)
    assert office.petugas.ocr.pending_pages() == []
    assert status.mode == "done" and "2" in status.label.text()
    assert told and len(told[-1]) == 2  # both slips announced for open lists and editors
    assert not runner.start_if_pending()  # nothing left to read


def test_cancel_pauses_with_pages_waiting_and_resume_reads_them(office: Office, qtbot: QtBot,
                                                                tmp_path: Path) -> None:
    _import(office, tmp_path, 3)
    runner, status = _runner(office, qtbot)
    runner.progressed.connect(lambda d, t: status.button.click())  # Batal after the 1st page
    runner.start_if_pending()
    waiting = len(office.petugas.ocr.pending_pages())
    assert 0 < waiting < 3
    assert status.mode == "paused" and str(waiting) in status.label.text()
    # A change elsewhere does not restart what the person stopped ...
    assert not runner.start_if_pending()
    # ... "Lanjutkan" does.
    runner.progressed.disconnect()
    status.button.click()
    assert office.petugas.ocr.pending_pages() == []


def test_missing_tesseract_is_said_and_not_retried_on_every_change(
        office: Office, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _import(office, tmp_path, 1)

    def missing(lang: str = "") -> None:
        raise TesseractMissing()

    monkeypatch.setattr(engine, "check_tesseract", missing)
    runner, status = _runner(office, qtbot)
    runner.start_if_pending()
    assert status.mode == "stopped"
    assert "tesseract" in status.toolTip().lower()
    assert runner.blocked and not runner.start_if_pending()
    assert len(office.petugas.ocr.pending_pages()) == 1  # nothing lost: still waiting


def test_an_import_here_is_read_as_it_goes_in_one_run(office: Office, qtbot: QtBot,
                                                      tmp_path: Path) -> None:
    """With real threads: a file stored by an import in this window is read at once, and the
    run waits for the import's later files instead of ending when it has caught up."""
    from kotaksaran.ui import tasks

    tasks.set_synchronous(False)
    runner, _status = _runner(office, qtbot)
    finished: list[object] = []
    runner.finished.connect(finished.append)
    try:
        (tmp_path / "a").mkdir()
        _import(office, tmp_path / "a", 1)
        runner.ctx.bus.importing.emit(True)  # the capture page stored its first file
        assert runner.running
        qtbot.waitUntil(lambda: office.petugas.ocr.pending_pages() == [], timeout=120_000)
        qtbot.wait(300)
        assert runner.running and not finished  # caught up, but the import goes on
        (tmp_path / "b").mkdir()
        _import(office, tmp_path / "b", 1, tag="B")  # the import's second file
        qtbot.waitUntil(lambda: office.petugas.ocr.pending_pages() == [], timeout=120_000)
        runner.ctx.bus.importing.emit(False)
        qtbot.waitUntil(lambda: bool(finished), timeout=120_000)
        assert not runner.running
        report = finished[0]
        assert len(report.done) == 2  # type: ignore[attr-defined]  # one run read both
    finally:
        runner.shutdown()
        qtbot.waitUntil(lambda: not runner.running, timeout=120_000)
        tasks.set_synchronous(True)
