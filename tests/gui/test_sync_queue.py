"""Antrian Kirim and Pengaturan > Sinkronisasi, against the reference receiver process."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import Status
from kotaksaran.services import ListQuery
from kotaksaran.services.bundles import BundleService
from kotaksaran.sync.secrets import TokenStore
from kotaksaran.ui.settings_sync import SyncSettingsTab
from kotaksaran.ui.sync_queue import SyncQueuePage
from tests.conftest import Office
from tests.gui.records_fixtures import backend, make_ctx  # noqa: F401
from tests.sync_extras import approved_slips, receiver_cli, receiver_process, use_upstream

pytestmark = [pytest.mark.gui]

QM = (Path(__file__).resolve().parents[2] / "resources" / "translations"
      / "kotaksaran_sync_id.qm")


@pytest.fixture(autouse=True)
def sync_translator(qapp: QCoreApplication):
    if not QM.exists():
        pytest.fail(f"{QM.name} missing: run `make translations`")
    tr = QTranslator()
    assert tr.load(str(QM))
    qapp.installTranslator(tr)
    yield tr
    qapp.removeTranslator(tr)


@pytest.fixture(autouse=True)
def token_file_only(monkeypatch):
    monkeypatch.setenv("KOTAKSARAN_TOKEN_STORE", "file")


def _rows(page: SyncQueuePage) -> list[tuple[str, str, str]]:
    m = page.queue_model
    return [(m.index(r, 0).data(), m.index(r, 2).data(), m.index(r, 4).data())
            for r in range(m.rowCount())]


def test_push_with_progress_then_pull_statuses(office: Office, qtbot: QtBot, tmp_path,
                                               messages):
    uuids = approved_slips(office, 3, tmp_path, pages=1)
    page = SyncQueuePage(make_ctx(office.operator))
    qtbot.addWidget(page)
    rows = _rows(page)
    assert [state for _n, state, _d in rows] == ["Disetujui, menunggu"] * 3
    assert "Disetujui, menunggu: 3" in page.counts_label.text()
    assert page.push_button.isEnabled() and page.push_button.text() == "Kirim sekarang"
    rdir = tmp_path / "receiver"
    with receiver_process(rdir, tracking="deferred") as url:
        use_upstream(office, "exchange", url)
        steps: list[tuple[int, int]] = []
        page.progress.valueChanged.connect(lambda v: steps.append((v, page.progress.maximum())))
        page.push_button.click()
        assert "3 terkirim" in page.run_label.text()
        assert steps and steps[-1] == (3, 3)
        rows = _rows(page)
        assert {state for _n, state, _d in rows} == {"Terkirim"}
        assert all("nomor pelacakan" in d for _n, _s, d in rows)
        page.pull_button.click()  # the deferred receiver hands out tracking ids now
        assert "3 baru terdaftar" in page.run_label.text()
        page.filter.setCurrentIndex(page.filter.findData("done"))
        rows = _rows(page)
        assert {state for _n, state, _d in rows} == {"Terdaftar"}
        tracking = office.operator.submissions.get(uuids[0]).tracking_id
        receiver_cli("receiver", "set-status", "--data-dir", str(rdir), tracking, "Selesai")
        page.pull_button.click()
    assert office.operator.submissions.get(uuids[0]).status == Status.CLOSED
    assert page.batches.model().rowCount() == 1
    assert page.batch_model.index(0, 1).data() == "Kirim"
    assert page.batch_model.index(0, 5).data() == "3 selesai"
    assert not messages.texts  # nothing went wrong, no dialog


def test_link_down_then_back_resumes_on_its_own(office: Office, qtbot: QtBot, tmp_path):
    approved_slips(office, 2, tmp_path, pages=0)
    page = SyncQueuePage(make_ctx(office.operator))
    qtbot.addWidget(page)
    rdir = tmp_path / "receiver"
    with receiver_process(rdir) as url:
        pass  # the receiver is gone: its port now refuses connections
    use_upstream(office, "exchange", url)
    page.push_now()
    assert page.link_up is False
    rows = _rows(page)
    assert {state for _n, state, _d in rows} == {"Mencoba lagi"}
    assert all("Dicoba lagi" in d and "koneksi internet" in d.lower() for _n, _s, d in rows)
    page.auto_resume()  # the timer's tick, with the link still down
    assert page.link_up is False and "dicoba lagi" in page.run_label.text().lower()
    with receiver_process(rdir) as url:
        use_upstream(office, "exchange", url)
        page.auto_resume()  # link back: what waited goes now, backoff timers or not
    assert page.link_up is True
    assert {state for _n, state, _d in _rows(page)} == {"Terdaftar"}
    assert office.operator.sync.open_count() == 0


def test_cancel_stops_after_the_records_in_flight(office: Office, qtbot: QtBot, tmp_path):
    """Records already on the way finish; the rest stay in the queue as they were."""
    approved_slips(office, 24, tmp_path, pages=0)
    page = SyncQueuePage(make_ctx(office.operator))
    qtbot.addWidget(page)
    with receiver_process(tmp_path / "receiver") as url:
        use_upstream(office, "exchange", url)
        # Cancel as soon as the first record is reported done.
        page.progress.valueChanged.connect(
            lambda v: page.cancel() if v >= 1 else None)
        page.push_now()
    states = [s for _n, s, _d in _rows(page)]
    assert 1 <= states.count("Terdaftar") < 24
    assert states.count("Terdaftar") + states.count("Menunggu") == 24
    assert office.operator.sync.open_count() == states.count("Menunggu")
    assert "dibatalkan" in page.run_label.text().lower()
    assert not page.cancel_button.isVisible() and page.push_button.isEnabled()


def test_quarantined_item_says_what_to_fix(office: Office, qtbot: QtBot, tmp_path):
    approved_slips(office, 1, tmp_path, pages=0, classification="aspirasi")
    with office.store.write() as s:  # a value the receiver does not know
        from sqlalchemy import text

        s.execute(text("UPDATE submissions SET classification = 'keluhan'"))
    page = SyncQueuePage(make_ctx(office.operator))
    qtbot.addWidget(page)
    with receiver_process(tmp_path / "receiver") as url:
        use_upstream(office, "exchange", url)
        page.push_now()
    page.filter.setCurrentIndex(page.filter.findData("quarantined"))
    ((_number, state, details),) = _rows(page)
    assert state == "Dikarantina"
    assert "klasifikasi" in details.lower() and "HTTP" not in details


def test_export_and_import_bundles_from_the_screen(office: Office, qtbot: QtBot, tmp_path,
                                                   sqlite_template, messages):
    from tests.sync_extras import city_services, second_installation

    approved_slips(office, 2, tmp_path, pages=1)
    city = second_installation(sqlite_template, tmp_path / "city", "KOTA", "Diskominfo")
    try:
        office_b = BundleService(office.store, office.admin.actor, office.clock)
        city_svc = city_services(city)
        city_b = BundleService(city, city_svc.actor, city_svc.clock)
        city_b.trust_key(office_b.generate_key().to_text())
        page = SyncQueuePage(make_ctx(office.operator))
        qtbot.addWidget(page)
        page.export_bundle(str(tmp_path / "usb" / "kirim.ksb"))  # no such folder yet
        assert "tidak ditemukan" in messages.last() and "usb" in messages.last()
        (tmp_path / "usb").mkdir()
        page.export_bundle(str(tmp_path / "usb" / "kirim.ksb"))
        assert "2 lembar" in messages.last()
        assert [s for _n, s, _d in _rows(page)] == ["Terkirim"] * 2  # handed to the bundle
        city_page = SyncQueuePage(make_ctx(city_svc))
        qtbot.addWidget(city_page)
        bad = tmp_path / "usb" / "rusak.ksb"
        data = (tmp_path / "usb" / "kirim.ksb").read_bytes()
        bad.write_bytes(data[: len(data) // 2])
        city_page.import_bundle(str(bad))
        assert "rusak atau tidak lengkap" in messages.last()
        city_page.import_bundle(str(tmp_path / "usb" / "kirim.ksb"))
        assert "2 laporan baru" in messages.last()
        assert [s for _n, s, _d in _rows(city_page)] == ["Disetujui, menunggu"] * 2
        assert city_b.status_recipients() == ["KLBS"]

        # Upstream registers one (the city desk's own pull records it); statuses go back.
        from kotaksaran.sync.adapters.base import StatusChange

        first = office.operator.listing.page(ListQuery(), 0, 10)[0]
        city_svc.sync.apply_changes([StatusChange(first.uuid, tracking_id="1916449",
                                                  status="Terdisposisi")], source="exchange")
        office_b.trust_key(city_b.generate_key().to_text())
        (tmp_path / "back").mkdir()
        city_page.export_bundle(str(tmp_path / "back"), unit="KLBS")
        assert "2 pembaruan status untuk unit KLBS" in messages.last()
        (back,) = (tmp_path / "back").glob("*.ksb")
        page.import_bundle(str(back))
        assert "1 terdaftar" in messages.last()
        assert office.operator.submissions.get(first.uuid).tracking_id == "1916449"
    finally:
        city.dispose()


def test_settings_tab_keeps_the_token_out_of_the_settings_table(office: Office,
                                                                 qtbot: QtBot, tmp_path,
                                                                 messages):
    tab = SyncSettingsTab(make_ctx(office.admin))
    qtbot.addWidget(tab)
    assert tab.token_state.text() == "Belum ada token."
    tab.adapter.setCurrentIndex(tab.adapter.findData("open311"))
    assert tab.mapping_row.isVisibleTo(tab)
    tab.url.setText("http://127.0.0.1:9/open311/v2")
    tab.timeout.setValue(12)
    assert tab.save()
    assert office.admin.config.get("sync.adapter") == "open311"
    assert office.admin.config.get("sync.timeout_seconds") == 12
    tab.token.setText("rahasia-token-123")
    tab.store_token()
    store = TokenStore(office.store.data_dir.root)
    assert store.get() == "rahasia-token-123" and tab.token.text() == ""
    assert "hanya dapat dibaca" in tab.token_state.text()
    assert stat.S_IMODE(os.stat(store.file_path).st_mode) == 0o600
    values = [str(v) for _spec, v in office.admin.config.all()]
    assert not any("rahasia-token" in v for v in values)
    tab.test_connection()  # nothing listens on port 9
    assert "Tidak ada jawaban" in tab.test_result.text()

    assert "belum punya pasangan kunci" in tab.own_key.text()
    tab.generate_key()
    own = BundleService(office.store, office.admin.actor).own_key()
    assert own is not None and own.to_text() in tab.own_key.text()
    other = tmp_path / "other"
    from kotaksaran.sync.keys import UnitKeys

    pub = UnitKeys(other).generate("KOTA", "Diskominfo")
    path = UnitKeys(other).export_public(tmp_path)
    tab.trust_file(str(path))
    assert tab.trusted.rowCount() == 1
    assert tab.trusted.item(0, 2).text() == pub.fingerprint
    assert pub.fingerprint in messages.last()
    written = tmp_path / "mine.pub"
    tab.export_key(str(written))
    assert own.to_text() in written.read_text()
