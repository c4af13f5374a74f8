"""The Input page: typing a slip with the keyboard, autosave, inline problems, verify and next."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import Status
from kotaksaran.domain.errors import DatabaseLocked
from kotaksaran.services import ListQuery, Services
from kotaksaran.services.users import login
from kotaksaran.ui.audit_view import AuditDialog
from kotaksaran.ui.submission_editor import SubmissionEditorPage
from tests.conftest import PASSWORD, Office, valid_slip
from tests.gui.records_fixtures import backend, make_ctx, records_translator  # noqa: F401

pytestmark = pytest.mark.gui


def _editor(qtbot: QtBot, services: Services) -> SubmissionEditorPage:
    page = SubmissionEditorPage(make_ctx(services))
    qtbot.addWidget(page)
    page.resize(1070, 750)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # focus changes (leaving a field) need it
    return page


def _type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def _drafts(services: Services) -> list[int]:
    return [r.id for r in services.listing.page(ListQuery(), 0, None)]


@pytest.mark.usefixtures("records_translator")
def test_type_a_slip_autosave_verify_and_screenshot(
    office: Office, qtbot: QtBot, tmp_path: Path
) -> None:
    """THE desk flow: log in, type a slip with the keyboard, it saves itself, Ctrl+Enter."""
    office.admin.config.set("ui.autosave_seconds", 1)
    actor = login(office.store, "petugas1", PASSWORD, office.clock())
    services = Services(office.store, actor, office.clock)
    page = _editor(qtbot, services)
    form = page.form
    assert page.number_label.text() == "Laporan baru"

    form.classification.button(0).setFocus()
    qtbot.keyClick(form.classification.button(0), Qt.Key.Key_Space)
    _type(qtbot, form.title, "Lampu jalan mati di Jl. Sudirman")
    # The first change creates the draft after a quiet second; typing goes on meanwhile.
    qtbot.waitUntil(lambda: len(_drafts(services)) == 1, timeout=5000)
    _type(qtbot, form.body, "Sudah dua minggu lampu jalan mati, warga takut lewat malam.")
    _type(qtbot, form.event_date, "01062026")
    _type(qtbot, form.location, "Jl. Sudirman depan masjid")

    sub_id = _drafts(services)[0]
    qtbot.waitUntil(lambda: services.submissions.get(sub_id).location
                    == "Jl. Sudirman depan masjid", timeout=5000)
    saved = services.submissions.get(sub_id)
    assert saved.status == Status.DRAFT and saved.classification == "pengaduan"
    assert saved.event_date == date(2026, 6, 1) and saved.title.startswith("Lampu jalan")
    assert saved.box_session_id is None and saved.channel == "kotak_saran"
    assert page.save_state.text().startswith("Tersimpan ")
    assert len(_drafts(services)) == 1  # later saves changed the draft, never made a second

    shot = tmp_path / "editor.png"
    assert page.window().grab().save(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000

    with qtbot.waitSignal(page.ctx.bus.submissions_changed, timeout=2000):
        qtbot.keyClick(form.location, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert services.submissions.get(sub_id).status == Status.VERIFIED
    # Nothing else to verify: a fresh form, ready for the next slip.
    assert page.number_label.text() == "Laporan baru" and form.title.text() == ""
    assert "terverifikasi" in page.save_state.text()
    trail = [e.action for e in office.admin.submissions.get(sub_id, with_audit=True).audit]
    assert trail[0] == "create" and trail[-1] == "status_verified"


def test_verify_and_next_opens_the_next_draft(office: Office, qtbot: QtBot) -> None:
    pet = office.petugas
    first = pet.submissions.create(valid_slip(title="Pertama")).submission.id
    second = pet.submissions.create(valid_slip(title="Kedua")).submission.id
    page = _editor(qtbot, pet)
    page.load_submission(first)
    page.verify_and_next()
    assert pet.submissions.get(first).status == Status.VERIFIED
    assert page.form.title.text() == "Kedua" and page._view is not None
    assert page._view.id == second


@pytest.mark.usefixtures("records_translator")
def test_bad_nik_and_future_date_are_shown_and_text_kept(
    office: Office, qtbot: QtBot
) -> None:
    page = _editor(qtbot, office.petugas)
    form = page.form
    _type(qtbot, form.title, "Pungutan liar di loket KTP")
    form.set_identity_expanded(True)
    nik = "12345678901234567890"
    _type(qtbot, form.identity["reporter_nik"], nik)
    form.event_date.setDate(QDate(2026, 7, 1))  # the office's today is 10 June 2026
    page.save_now()

    nik_error = form._errors["reporter_nik"]
    assert nik_error.isVisible() and nik_error.text() == "NIK harus tepat 16 angka."
    assert "border" in form.identity["reporter_nik"].styleSheet()
    date_error = form._errors["event_date"]
    assert date_error.isVisible() and date_error.text() == "Tanggal tidak boleh di masa depan."
    # Required-field nags wait for a verify attempt; untouched fields stay quiet.
    assert not form._errors["location"].isVisible()
    # What was typed stays, on screen and in the draft.
    assert form.identity["reporter_nik"].text() == nik
    assert page._view is not None
    assert office.petugas.submissions.get(page._view.id).reporter_nik == nik

    page.verify_and_next()  # refused: stays on the slip, every missing field flagged
    assert page._view is not None and page._view.status == Status.DRAFT
    assert form._errors["location"].text() == "Kolom ini wajib diisi."
    assert form.title.text() == "Pungutan liar di loket KTP"
    assert "Belum bisa diverifikasi" in page.save_state.text()


def test_emptied_title_says_required(office: Office, qtbot: QtBot) -> None:
    sub = office.petugas.submissions.create(valid_slip()).submission
    page = _editor(qtbot, office.petugas)
    page.load_submission(sub.id)
    page.form.title.selectAll()
    qtbot.keyClick(page.form.title, Qt.Key.Key_Delete)
    page.save_now()
    assert page.form._errors["title"].text() == "Kolom ini wajib diisi."
    assert office.petugas.submissions.get(sub.id).title == ""


@pytest.mark.usefixtures("records_translator")
def test_returned_slip_shows_the_reason_and_approved_is_read_only(
    office: Office, qtbot: QtBot
) -> None:
    pet, sup = office.petugas, office.supervisor
    a = pet.submissions.create(valid_slip()).submission.id
    b = pet.submissions.create(valid_slip()).submission.id
    for ident in (a, b):
        pet.submissions.verify(ident)
    sup.submissions.return_(a, "Lokasi kurang lengkap")
    sup.submissions.approve(b)

    page = _editor(qtbot, pet)
    page.load_submission(a)
    assert page.banner.isVisible()
    assert page.banner.text() == "Dikembalikan: Lokasi kurang lengkap"
    assert page.status_chip.text() == "Dikembalikan"
    assert not page.form.title.isReadOnly()

    page.load_submission(b)
    assert page.form.title.isReadOnly() and not page.verify_button.isEnabled()
    assert "tidak dapat diubah" in page.banner.text()


@pytest.mark.usefixtures("records_translator")
def test_hidden_identity_is_disabled(office: Office, qtbot: QtBot) -> None:
    pet = office.petugas
    sub = pet.submissions.create(valid_slip(anonim=True, reporter_name="Siti")).submission
    pet.submissions.verify(sub.id)  # no longer open: its petugas no longer sees the identity
    page = _editor(qtbot, pet)
    page.load_submission(sub.id)
    name = page.form.identity["reporter_name"]
    assert not name.isEnabled() and name.text() == ""
    assert name.placeholderText() == "disembunyikan"
    assert "reporter_name" not in page.form.values()


@pytest.mark.usefixtures("records_translator")
def test_history_lists_field_changes(office: Office, qtbot: QtBot) -> None:
    pet = office.petugas
    sub = pet.submissions.create(valid_slip(title="Lama")).submission
    pet.submissions.save_draft(sub.id, {"title": "Baru"})
    dialog = AuditDialog(make_ctx(pet), sub.id)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    assert [r[2] for r in rows] == ["Dibuat", "Disimpan otomatis"]
    assert rows[1][3] == "Judul: 'Lama' → 'Baru'"
    assert rows[1][0] == "10/06/2026 09:00:00" and rows[1][1] == "petugas1"


def test_empty_date_starts_from_today_when_typing(office: Office, qtbot: QtBot) -> None:
    page = _editor(qtbot, office.petugas)
    edit = page.form.event_date
    assert edit.is_empty() and page.form.value("event_date") is None
    edit.setFocus()
    QTest.keyClicks(edit, "5")
    assert edit.date() == QDate(2026, 6, 5)
    edit.clear_value()
    assert page.form.value("event_date") is None


def test_flush_saves_what_is_typed_at_once(office: Office, qtbot: QtBot) -> None:
    page = _editor(qtbot, office.petugas)
    _type(qtbot, page.form.title, "Ketik lalu tutup")
    page.flush()  # what the main window calls before it closes or switches
    assert [r.title for r in office.petugas.listing.page(ListQuery(), 0, None)] == [
        "Ketik lalu tutup"]
    assert QApplication.instance() is not None


def test_agency_by_typing_part_of_its_name_and_two_level_category(
    office: Office, qtbot: QtBot
) -> None:
    services = office.petugas
    page = _editor(qtbot, services)
    form = page.form
    agency = next(a for a in services.admin.agencies() if "Bina Marga" in a.name)
    form.agency.setFocus()
    qtbot.keyClicks(form.agency.lineEdit(), "bina marga")
    popup = form.agency.completer().popup()
    assert popup.isVisible()  # the suggestions, filtered as one types
    qtbot.keyClick(popup, Qt.Key.Key_Tab)  # leaving picks the one agency that matches
    assert form.agency.value() == agency.id and form.agency.currentText() == agency.name

    form.agency.setFocus()
    form.agency.lineEdit().selectAll()
    qtbot.keyClicks(form.agency.lineEdit(), "zzz tidak ada")
    qtbot.keyClick(form.agency.lineEdit(), Qt.Key.Key_Return)
    assert form.agency.currentText() == agency.name  # no match: the last choice comes back

    cats = services.admin.categories()
    root = next(c for c in cats if c.parent_id is None
                and any(k.parent_id == c.id for k in cats))
    child = next(c for c in cats if c.parent_id == root.id)
    form.category_root.set_value(root.id)
    assert form.category_value() == root.id and form.category_sub.isEnabled()
    form.category_sub.setCurrentIndex(form.category_sub.findData(child.id))
    assert form.category_value() == child.id
    page.save_now()
    assert page._view is not None
    saved = services.submissions.get(page._view.id)
    assert saved.agency_id == agency.id and saved.category_id == child.id

    page.load_submission(saved.id)  # the two levels come back from the sub-category alone
    assert form.category_root.value() == root.id and form.category_value() == child.id


def test_new_slip_for_a_box_session_and_channel_change(office: Office, qtbot: QtBot) -> None:
    boxes = office.petugas.boxes
    older = boxes.open_session(slips_found=2)
    office.clock.value = office.clock.value.replace(hour=3)
    newer = boxes.open_session(slips_found=5)
    page = _editor(qtbot, office.petugas)
    assert page.form.value("box_session_id") == newer.id  # the newest open session
    page.new_submission(older.id)  # "Input slip untuk sesi ini" on the Kotak Saran page
    assert page.form.value("box_session_id") == older.id
    assert not page.form.session_hint.isVisibleTo(page.form)
    page.form.channel.setCurrentIndex(page.form.channel.findData("surat"))
    assert page.form.value("box_session_id") is None  # a letter is not from the box
    page.flush()
    assert page._view is not None and page._view.channel == "surat"


@pytest.mark.usefixtures("records_translator")
def test_a_session_closed_meanwhile_does_not_hold_back_the_slip(
    office: Office, qtbot: QtBot
) -> None:
    session = office.petugas.boxes.open_session(slips_found=1)
    page = _editor(qtbot, office.petugas)
    assert page.form.value("box_session_id") == session.id
    office.supervisor.boxes.close_session(session.id)  # at another desk
    _type(qtbot, page.form.title, "Tetap tersimpan")
    page.save_now()
    assert page._view is not None  # the draft exists, without the closed session
    saved = office.petugas.submissions.get(page._view.id)
    assert saved.title == "Tetap tersimpan" and saved.box_session_id is None
    assert page.form._errors["box_session_id"].text() == "Sesi kotak saran itu sudah ditutup."


def test_database_out_of_reach_keeps_the_typed_slip_on_screen(
    office: Office, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, messages: Any
) -> None:
    other = office.petugas.submissions.create(valid_slip(title="Yang lain")).submission.id
    page = _editor(qtbot, office.petugas)
    _type(qtbot, page.form.title, "Belum tersimpan")

    def locked(*_a: object, **_k: object) -> None:
        raise DatabaseLocked()

    monkeypatch.setattr(page._svc.submissions, "save_draft", locked)
    page.load_submission(other)  # refused: switching now would throw the typing away
    assert page.form.title.text() == "Belum tersimpan"
    assert page.save_state.text() == "Not saved!"
    assert "Basis data sedang sibuk" in messages.last()  # told why, in Indonesian
    monkeypatch.undo()
    page.load_submission(other)  # the database is back: saved, then switched
    assert page.form.title.text() == "Yang lain"
    titles = {r.title for r in office.petugas.listing.page(ListQuery(), 0, None)}
    assert titles == {"Yang lain", "Belum tersimpan"}
