"""The Kotak Saran page: opening a box session, typing slips for it, closing it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import BoxSessionState
from kotaksaran.ui.box_session_dialogs import CloseSessionDialog, OpenSessionDialog
from kotaksaran.ui.box_sessions import BoxSessionsPage
from tests.conftest import Office, valid_slip
from tests.gui.records_fixtures import backend, make_ctx, records_translator  # noqa: F401

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("records_translator")]


def test_open_session_dialog_records_box_witnesses_and_count(office: Office,
                                                               qtbot: QtBot) -> None:
    ctx = make_ctx(office.petugas)
    dlg = OpenSessionDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.opened_by.text() == "Siti Petugas"
    assert dlg.location.text() == "Lobi kantor"  # the box's own place
    for name in ("Pak RT Ahmad", "Ibu Sari"):
        dlg.witness_name.setText(name)
        dlg.add_witness()
    dlg.slips_found.setValue(3)
    with qtbot.waitSignal(ctx.bus.sessions_changed, timeout=1000):
        dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    (session,) = office.petugas.boxes.sessions()
    assert session.witnesses == ("Pak RT Ahmad", "Ibu Sari") and session.slips_found == 3
    assert session.opened_at == office.clock()  # the default is now (whole minutes)


def test_close_with_a_count_mismatch_warns_and_needs_a_note(office: Office,
                                                            qtbot: QtBot) -> None:
    boxes = office.petugas.boxes
    session = boxes.open_session(slips_found=3, witnesses=["Pak RT"])
    office.petugas.submissions.create(valid_slip(box_session_id=session.id))
    page = BoxSessionsPage(make_ctx(office.petugas))
    qtbot.addWidget(page)
    assert page.model.index(0, 6).data() == "Terbuka"
    assert page.input_button.isEnabled()
    with qtbot.waitSignal(page.ctx.bus.new_submission_in_session, timeout=1000) as sig:
        page.input_button.click()
    assert sig.args == [session.id]

    dlg = CloseSessionDialog(page.ctx, boxes.get_session(session.id), page)
    qtbot.addWidget(dlg)
    dlg.show()
    text = dlg.comparison.text()
    assert "Jumlahnya berbeda" in text and "3 lembar ditemukan" in text and "2 lembar" in text
    assert dlg.ok.text() == "Tutup dengan selisih"
    dlg.accept()  # no note: refused
    assert dlg.error.isVisible() and boxes.get_session(session.id).state == "open"

    dlg.found.setValue(1)  # a miscount, corrected: the numbers agree now
    assert "Semua lembar" in dlg.comparison.text() and not dlg.note.isVisibleTo(dlg)
    dlg.found.setValue(3)
    dlg.note.setPlainText("Dua lembar basah dan tidak terbaca.")
    dlg.accept()
    closed = boxes.get_session(session.id)
    assert closed.state == BoxSessionState.CLOSED and closed.differs
    assert closed.close_note == "Dua lembar basah dan tidak terbaca."
    page.refresh()
    assert page.model.index(0, 6).data() == "Ditutup, selisih 2"
    assert not page.close_button.isEnabled()
