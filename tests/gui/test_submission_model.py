"""The lazy submission table model, without widgets: paging, SQL sorting and filtering."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import Status
from kotaksaran.services import ListQuery
from kotaksaran.ui import tasks
from kotaksaran.ui.submission_model import (
    COLUMN_INDEX,
    ID_ROLE,
    PAGE_SIZE,
    STATUS_ROLE,
    SubmissionTableModel,
)
from tests.conftest import Office
from tests.gui.records_fixtures import build_filled_template, filled_office

N = 450  # more than two pages


@pytest.fixture(scope="module")
def template(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
             ) -> tuple[Path, datetime]:
    return build_filled_template(sqlite_template, tmp_path_factory.mktemp("filled"), N,
                                 timedelta(hours=3))


@pytest.fixture
def filled(template: tuple[Path, datetime], tmp_path: Path) -> Iterator[Office]:
    yield from filled_office(template[0], tmp_path, template[1])


def _column(model: SubmissionTableModel, name: str, role: int = Qt.ItemDataRole.DisplayRole
            ) -> list[object]:
    col = COLUMN_INDEX[name]
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def test_model_passes_qt_consistency_checks(filled: Office, qapp: object) -> None:
    model = SubmissionTableModel(filled.petugas)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.sort(COLUMN_INDEX["status"], Qt.SortOrder.AscendingOrder)
    model.set_query(model.query.with_(statuses=(Status.DRAFT,)))
    model.refresh()
    assert model.rowCount() == N // 5


def test_rows_are_read_lazily_one_page_at_a_time(filled: Office, qapp: object) -> None:
    model = SubmissionTableModel(filled.petugas)
    assert model.rowCount() == N and model.page_fetches == 0
    # Newest first by default: the last slip typed is on top.
    assert model.index(0, COLUMN_INDEX["title"]).data() == f"Laporan {N - 1:04d}"
    assert model.page_fetches == 1
    model.index(PAGE_SIZE - 1, 0).data()
    assert model.page_fetches == 1
    assert model.index(N - 1, COLUMN_INDEX["title"]).data() == "Laporan 0000"
    assert model.page_fetches == 2  # straight to the last page, nothing in between
    assert model.index(N, 0).data() is None
    assert model.row_id(0) == model.index(0, 0).data(ID_ROLE) > 0


def test_sort_by_date_and_status_happens_in_sql(filled: Office, qapp: object) -> None:
    model = SubmissionTableModel(filled.petugas)
    model.sort(COLUMN_INDEX["created_at"], Qt.SortOrder.AscendingOrder)
    assert model.query.sort == "created_at" and not model.query.descending
    titles = _column(model, "title")
    assert titles == [f"Laporan {i:04d}" for i in range(N)]
    assert model.sort_column() == (COLUMN_INDEX["created_at"], Qt.SortOrder.AscendingOrder)

    model.sort(COLUMN_INDEX["status"], Qt.SortOrder.DescendingOrder)
    assert model.query.sort == "status" and model.query.descending
    codes = _column(model, "status", STATUS_ROLE)
    assert codes == sorted(codes, reverse=True)
    assert set(codes) == {"draft", "verified", "approved", "returned"}
    # Labels are Indonesian by default (the gettext catalog of i18n).
    assert "Draf" in set(_column(model, "status"))

    before = model.query
    model.sort(COLUMN_INDEX["classification"], Qt.SortOrder.AscendingOrder)
    assert model.query == before  # not sortable in SQL: the order stays as it was


def test_filters_by_status_channel_and_search(filled: Office, qapp: object) -> None:
    model = SubmissionTableModel(filled.petugas)
    model.set_query(ListQuery(statuses=(Status.DRAFT,)))
    assert model.rowCount() == N // 5
    assert set(_column(model, "status", STATUS_ROLE)) == {"draft"}

    model.set_query(ListQuery(channels=("surat",), sort="title", descending=False))
    titles = _column(model, "title")
    assert titles == sorted(titles) and len(titles) == N // 4 + (1 if N % 4 > 2 else 0)
    assert set(_column(model, "channel")) == {"Surat"}

    model.set_query(ListQuery(search="banjir"))
    assert model.rowCount() == N // 10
    assert all(str(t).endswith("0") for t in _column(model, "title"))

    model.set_query(ListQuery(created_from=date(2030, 1, 1)))
    assert model.rowCount() == 0


def test_date_column_is_the_local_date(filled: Office, qapp: object) -> None:
    model = SubmissionTableModel(filled.petugas)
    model.sort(COLUMN_INDEX["created_at"], Qt.SortOrder.AscendingOrder)
    # The first slip was typed at 02:00 UTC on 10 June = 09:00 in Asia/Jakarta.
    idx = model.index(0, COLUMN_INDEX["created_at"])
    assert idx.data() == "10/06/2026"
    assert idx.data(Qt.ItemDataRole.ToolTipRole) == "10/06/2026 09:00"


def test_refresh_keeps_rows_in_place_and_follows_changes(filled: Office, qapp: object) -> None:
    model = SubmissionTableModel(filled.petugas, ListQuery(statuses=(Status.VERIFIED,)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    first = model.rowCount()
    top = model.row_id(0)
    assert model.find_cached(top) == 0
    filled.supervisor.submissions.approve(top)
    model.refresh()
    assert model.rowCount() == first - 1
    assert model.row_id(0) != top
    assert resets == []  # rows removed at the end + dataChanged, not a reset
    assert model.index(0, 0, QModelIndex()).isValid()


def test_background_reads_answer_at_once_and_fill_in_later(
    filled: Office, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tasks, "SYNC_TASKS", False)  # a real worker thread, as in the app
    model = SubmissionTableModel(filled.petugas, background=True)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    last = model.rowCount() - 1
    title = model.index(last, COLUMN_INDEX["title"])
    assert title.data() is None  # not read yet: the view paints an empty row
    assert model.index(last, 0).data() == "…"
    qtbot.waitUntil(lambda: title.data() == "Laporan 0000", timeout=5000)
    assert model.is_loaded(last)

    # A refresh keeps showing the rows it had until their fresh copies arrive.
    filled.petugas.submissions.save_draft(model.row_id(last), {"title": "Diubah"})
    model.refresh()
    assert title.data() == "Laporan 0000"
    qtbot.waitUntil(lambda: title.data() == "Diubah", timeout=5000)
    assert model.wait_idle()
