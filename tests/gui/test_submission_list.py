"""The Verifikasi / list page: filters, search, opening a slip, and supervisor review."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import Status
from kotaksaran.services import Services
from kotaksaran.ui import tasks
from kotaksaran.ui.review import ReasonDialog
from kotaksaran.ui.submission_list import SubmissionListPage
from kotaksaran.ui.submission_model import COLUMN_INDEX, STATUS_ROLE
from tests.conftest import Office, valid_slip
from tests.gui.records_fixtures import backend, make_ctx, records_translator  # noqa: F401

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("records_translator")]


def _page(qtbot: QtBot, services: Services, **kw: bool) -> SubmissionListPage:
    page = SubmissionListPage(make_ctx(services), **kw)
    qtbot.addWidget(page)
    page.resize(1070, 750)
    page.show()
    qtbot.waitExposed(page)
    return page


def _verified(office: Office, *titles: str) -> list[int]:
    ids = []
    for title in titles:
        sid = office.petugas.submissions.create(valid_slip(title=title)).submission.id
        office.petugas.submissions.verify(sid)
        office.clock.value = office.clock.value.replace(minute=office.clock.value.minute + 1)
        ids.append(sid)
    return ids


def _when_dialog(act: Callable[[ReasonDialog], None]) -> None:
    """Answer the modal reason dialog as soon as it opens."""
    def answer() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, ReasonDialog):
            QTimer.singleShot(20, answer)
            return
        act(dlg)
    QTimer.singleShot(0, answer)


def test_filters_and_search_narrow_the_list(office: Office, qtbot: QtBot) -> None:
    _verified(office, "Sampah menumpuk di pasar", "Jalan berlubang dekat SD")
    office.petugas.submissions.create(valid_slip(title="Draf soal banjir", body="Air naik"))
    page = _page(qtbot, office.petugas)
    assert page.count_label.text() == "3 laporan"
    assert not page.approve_button.isVisible()  # a petugas does not review

    page.status_filter.setCurrentIndex(page.status_filter.findData("draft"))
    assert page.count_label.text() == "1 laporan"
    page.show_review_queue()  # a petugas's queue: what is still to verify
    assert page.status_filter.currentText() == "Draf & dikembalikan"
    assert page.count_label.text() == "1 laporan"
    page.status_filter.setCurrentIndex(0)
    page.search.setText("sampah")
    qtbot.waitUntil(lambda: page.count_label.text() == "1 laporan", timeout=2000)
    title = page.model.index(0, COLUMN_INDEX["title"]).data()
    assert title == "Sampah menumpuk di pasar"
    page.search.clear()
    qtbot.waitUntil(lambda: page.count_label.text() == "3 laporan", timeout=2000)

    page.all_dates.setChecked(False)  # the last 30 days up to the office's today: all of them
    assert page.model.query.created_from is not None
    assert page.count_label.text() == "3 laporan"


def test_enter_opens_the_selected_slip(office: Office, qtbot: QtBot) -> None:
    (sid,) = _verified(office, "Satu")
    page = _page(qtbot, office.petugas)
    page.table.setFocus()
    page.table.selectRow(0)
    with qtbot.waitSignal(page.ctx.bus.open_submission, timeout=1000) as sig:
        qtbot.keyClick(page.table, "\r")
    assert sig.args == [sid]


def test_supervisor_approves_and_returns_with_reason(office: Office, qtbot: QtBot) -> None:
    first, second, third = _verified(office, "Pertama", "Kedua", "Ketiga")
    sup = office.supervisor
    page = _page(qtbot, sup, review_mode=True)
    assert page.count_label.text() == "3 laporan"
    # The review queue: verified slips, oldest first, the first one selected.
    assert page.selected_id() == first
    assert page.approve_button.isVisible() and page.approve_button.isEnabled()

    page.approve_button.click()
    assert sup.submissions.get(first).status == Status.APPROVED
    # It left the queue; the next slip moved up and is selected for review.
    assert page.count_label.text() == "2 laporan"
    assert page.selected_id() == second

    def give_reason(dlg: ReasonDialog) -> None:
        dlg.ok.click()  # empty: refused, the dialog says a reason is needed
        assert dlg.error.isVisible() and dlg.isVisible()
        chip = next(b for b in dlg.findChildren(QPushButton)
                    if b.text() == "Lokasi kurang lengkap")
        chip.click()
        dlg.ok.click()

    _when_dialog(give_reason)
    page.return_button.click()
    returned = sup.submissions.get(second)
    assert returned.status == Status.RETURNED
    assert returned.status_reason == "Lokasi kurang lengkap"
    assert page.selected_id() == third

    _when_dialog(lambda dlg: dlg.reject())  # cancelled: nothing happens
    page.reject_button.click()
    assert sup.submissions.get(third).status == Status.VERIFIED

    page.status_filter.setCurrentIndex(0)
    codes = {page.model.index(r, 0).data(STATUS_ROLE) for r in range(page.model.rowCount())}
    assert codes == {"approved", "returned", "verified"}


def test_list_follows_changes_on_the_bus(office: Office, qtbot: QtBot) -> None:
    page = _page(qtbot, office.petugas)
    assert page.count_label.text() == "0 laporan"
    sid = office.petugas.submissions.create(valid_slip()).submission.id
    page.ctx.bus.submissions_changed.emit([sid])
    assert page.count_label.text() == "1 laporan"


def test_selection_follows_its_slip_when_new_ones_arrive_on_top(
    office: Office, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "SYNC_TASKS", False)  # pages read on a worker, as in the app
    _verified(office, "Satu", "Dua", "Tiga")
    page = _page(qtbot, office.petugas)
    qtbot.waitUntil(lambda: page.model.is_loaded(0), timeout=5000)
    page.table.selectRow(1)
    chosen = page.selected_id()
    assert chosen is not None
    office.clock.value = office.clock.value.replace(hour=5)
    new = office.petugas.submissions.create(valid_slip(title="Baru")).submission.id
    page.ctx.bus.submissions_changed.emit([new])  # newest first: every row moves down one
    # Until the fresh rows are read, the old ones stay on screen; then the choice moves.
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == 2, timeout=5000)
    assert page.selected_id() == chosen
    assert page.model.wait_idle()
