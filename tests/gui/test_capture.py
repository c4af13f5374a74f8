"""The capture screen: import through the page, thumbnails, failures with reasons, page
operations with undo (offscreen, synchronous tasks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kotaksaran import i18n
from kotaksaran.ui.capture import CapturePage, expand_paths
from kotaksaran.ui.capture_scan import ScanDialog
from kotaksaran.ui.thumbnails import PageThumbModel
from tests.conftest import Office
from tests.gui.records_fixtures import make_ctx
from tests.intake_files import text_page


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


@pytest.fixture
def page(office: Office, qtbot: object) -> CapturePage:
    for key in ("cardinal_rotation", "deskew", "perspective"):
        office.admin.config.set(f"cleanup.{key}", False)
    w = CapturePage(make_ctx(office.petugas))
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    return w


def files(tmp_path: Path) -> tuple[Path, Path]:
    good = tmp_path / "surat-warga.png"
    text_page(3, size=(400, 560), lines=5).save(good, dpi=(150, 150))
    bad = tmp_path / "rusak.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40)  # a JPEG that ends at once
    return good, bad


def test_import_shows_thumbnails_and_explains_failures(page: CapturePage, tmp_path: Path
                                                       ) -> None:
    good, bad = files(tmp_path)
    page.import_paths([good, bad])
    report = page.last_report
    assert report is not None
    assert [i.pages for i in report.imported] == [1]
    assert [Path(f.file).name for f in report.failed] == ["rusak.jpg"]
    # the failure is listed with its Indonesian reason
    assert page.failed_list.isVisibleTo(page)
    item = page.failed_list.item(0).text()
    assert "rusak.jpg" in item and report.failed[0].message in item
    assert "1" in page.summary.text()
    # the new slip appears as a group of thumbnails in the chosen (new) session
    assert page.current_session_id() is not None
    assert len(page.groups) == 1
    group = next(iter(page.groups.values()))
    model = group.model
    assert isinstance(model, PageThumbModel) and model.rowCount() == 1
    thumb = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert thumb is not None and not thumb.isNull() and thumb.width() <= 150


def test_rotate_and_delete_with_undo(page: CapturePage, office: Office, tmp_path: Path
                                     ) -> None:
    good, _bad = files(tmp_path)
    page.import_paths([good])
    sub_id, group = next(iter(page.groups.items()))
    page_id = group.model.page(0).id  # type: ignore[union-attr]
    before = office.petugas.intake.pages(sub_id)[0]
    page.select_page(sub_id, page_id)
    assert page.viewer.view.has_image()
    assert page.delete_button.isEnabled()

    page.rotate(1)
    after = office.petugas.intake.pages(sub_id)[0]
    assert (after.width, after.height) == (before.height, before.width)
    assert after.blob_sha256 != before.blob_sha256
    page.undo_stack.undo()
    back = office.petugas.intake.pages(sub_id)[0]
    assert back.blob_sha256 == before.blob_sha256
    page.undo_stack.redo()
    assert office.petugas.intake.pages(sub_id)[0].blob_sha256 == after.blob_sha256
    page.undo_stack.undo()

    page.delete_page()
    assert office.petugas.intake.pages(sub_id) == []
    assert next(iter(page.groups.values())).model.rowCount() == 0
    page.undo_action.trigger()  # Ctrl+Z
    assert [p.id for p in office.petugas.intake.pages(sub_id)] == [page_id]
    assert next(iter(page.groups.values())).model.rowCount() == 1
    page.redo_action.trigger()  # Ctrl+Shift+Z
    assert office.petugas.intake.pages(sub_id) == []


def test_split_merge_and_move_from_the_screen(page: CapturePage, office: Office,
                                              tmp_path: Path) -> None:
    pdf = tmp_path / "tiga.pdf"
    images = [text_page(i, size=(300, 420), lines=3).convert("RGB") for i in range(3)]
    images[0].save(pdf, "PDF", save_all=True, append_images=images[1:], resolution=100)
    page.import_paths([pdf])
    sub_id, group = next(iter(page.groups.items()))
    ids = [group.model.page(i).id for i in range(3)]  # type: ignore[union-attr]
    page.select_page(sub_id, ids[2])
    page.move_by(-1)
    assert [p.id for p in office.petugas.intake.pages(sub_id)] == [ids[0], ids[2], ids[1]]
    page.undo_stack.undo()
    assert [p.id for p in office.petugas.intake.pages(sub_id)] == ids

    page.select_page(sub_id, ids[1])
    page.split_here()
    assert len(page.groups) == 2
    assert [p.id for p in office.petugas.intake.pages(sub_id)] == ids[:1]
    page.undo_stack.undo()
    assert len(page.groups) == 1
    assert [p.id for p in office.petugas.intake.pages(sub_id)] == ids

    page.undo_stack.redo()  # split again, then merge it back by hand
    assert len(page.groups) == 2
    second = [s.id for s in page.slips][1]
    page.select_page(second, ids[1])
    page.merge_with_previous()
    assert len(page.groups) == 1
    page.undo_stack.undo()
    assert len(page.groups) == 2


def test_drop_of_a_folder_imports_its_images(page: CapturePage, tmp_path: Path) -> None:
    folder = tmp_path / "map"
    folder.mkdir()
    for i in range(2):
        text_page(10 + i, size=(300, 420), lines=3).save(folder / f"{i}.png")
    (folder / "catatan.txt").write_text("bukan gambar")
    assert [p.name for p in expand_paths([folder])] == ["0.png", "1.png"]
    page.import_paths([folder])
    assert len(page.groups) == 2


def test_open_in_input_asks_the_main_window(page: CapturePage, tmp_path: Path) -> None:
    good, _ = files(tmp_path)
    page.import_paths([good])
    sub_id, group = next(iter(page.groups.items()))
    asked: list[int] = []
    page.ctx.bus.open_submission.connect(asked.append)
    page.select_page(sub_id, group.model.page(0).id)  # type: ignore[union-attr]
    page.open_in_input()
    assert asked == [sub_id]


def test_scan_dialog_without_scanners(qtbot: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from kotaksaran.intake import scanner

    def missing() -> list[object]:
        raise scanner.ScannerDriverMissing()

    monkeypatch.setattr(scanner, "list_devices", missing)
    d = ScanDialog()
    qtbot.addWidget(d)  # type: ignore[attr-defined]
    assert d.status.text() == "No scanner detected — use Import files"
    assert not d.device_box.isEnabled()


def test_page_is_in_the_navigation(office: Office, qtbot: object) -> None:
    from kotaksaran.ui.main_window import MainWindow

    w = MainWindow(make_ctx(office.petugas))
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    keys = [w.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.nav.count())]
    assert keys.index("capture") == keys.index("boxes") + 1 == keys.index("input") - 1
    shown: QWidget = w.navigate("capture")
    assert isinstance(shown, CapturePage)
    w.shutdown()


def test_scan_from_the_sane_test_device(page: CapturePage, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("sane", reason="python-sane is not installed")
    from kotaksaran.intake import scanner
    from kotaksaran.intake.scanner import ScanSettings

    (tmp_path / "dll.conf").write_text("test\n")
    monkeypatch.setenv("SANE_CONFIG_DIR", f"{tmp_path}:")
    if scanner._initialised:
        import sane

        sane.exit()
        monkeypatch.setattr(scanner, "_initialised", False)
    try:
        if not any(d.name == "test:0" for d in scanner.list_devices()):
            pytest.skip("SANE's test backend is not installed")
    except scanner.ScannerDriverMissing:
        pytest.skip("libsane cannot be loaded")
    page.scan_with("test:0", ScanSettings(resolution=75, mode="gray", source="adf",
                                          max_pages=3))
    report = page.last_report
    assert report is not None and [i.pages for i in report.imported] == [3]
    assert len(page.groups) == 1
    assert next(iter(page.groups.values())).model.rowCount() == 3


def test_watch_folder_imports_into_todays_session(office: Office, tmp_path: Path,
                                                  qtbot: object) -> None:
    from kotaksaran.ui.capture_watch import WatchFolderRunner

    for key in ("cardinal_rotation", "deskew", "perspective"):
        office.admin.config.set(f"cleanup.{key}", False)
    folder = tmp_path / "printer"
    folder.mkdir()
    ctx = make_ctx(office.petugas)
    changed: list[list[int]] = []
    ctx.bus.submissions_changed.connect(changed.append)
    runner = WatchFolderRunner(ctx, str(folder))
    good, bad = files(tmp_path)
    good.rename(folder / good.name)
    bad.rename(folder / bad.name)
    import os
    import time

    old = time.time() - 60
    for f in folder.iterdir():
        os.utime(f, (old, old))
    runner.watch.scan_once()
    assert (folder / "imported" / "surat-warga.png").exists()
    assert (folder / "failed" / "rusak.jpg").exists()
    reason = (folder / "failed" / "rusak.jpg.txt").read_text(encoding="utf-8")
    assert "rusak.jpg" in reason
    assert len(changed) == 1 and len(changed[0]) == 1


def test_main_window_runs_the_watch_folder_from_the_setting(office: Office, tmp_path: Path,
                                                            qtbot: object, messages: object
                                                            ) -> None:
    from kotaksaran.ui.main_window import MainWindow

    folder = tmp_path / "printer"
    folder.mkdir()
    office.admin.config.set("intake.watch_folder", str(folder))
    w = MainWindow(make_ctx(office.petugas))
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    runner = w.watch_runner
    assert runner is not None and runner.watch.running  # type: ignore[attr-defined]
    assert (folder / "imported").is_dir() and (folder / "failed").is_dir()
    w.shutdown()
    assert not runner.watch.running  # type: ignore[attr-defined]

    office.admin.config.set("intake.watch_folder", str(tmp_path / "gone"))
    w2 = MainWindow(make_ctx(office.petugas))
    qtbot.addWidget(w2)  # type: ignore[attr-defined]
    assert w2.watch_runner is None
    assert messages.texts  # type: ignore[attr-defined]  # said why, calmly
    w2.shutdown()


def test_a_jam_mid_batch_keeps_the_pages_scanned(page: CapturePage, messages: object,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from kotaksaran.intake import scanner
    from kotaksaran.intake.scanner import ScanSettings

    def batch(*_a: object, **_k: object):  # type: ignore[no-untyped-def]
        yield text_page(40, size=(300, 420), lines=3)
        yield text_page(41, size=(300, 420), lines=3)
        raise scanner.ScannerJammed(device="test:0")

    monkeypatch.setattr(scanner, "scan_batch", batch)
    page.scan_with("test:0", ScanSettings(source="adf"))
    assert page.last_report is not None
    assert [i.pages for i in page.last_report.imported] == [2]
    assert "macet" in messages.last()  # type: ignore[attr-defined]


def test_dragging_a_thumbnail_moves_the_page(page: CapturePage, office: Office,
                                             tmp_path: Path, qtbot: object) -> None:
    pdf = tmp_path / "dua.pdf"
    images = [text_page(50 + i, size=(300, 420), lines=3).convert("RGB") for i in range(3)]
    images[0].save(pdf, "PDF", save_all=True, append_images=images[1:], resolution=100)
    page.import_paths([pdf])
    sub_id, group = next(iter(page.groups.items()))
    ids = [group.model.page(i).id for i in range(3)]  # type: ignore[union-attr]
    # What QListView asks after an internal drop: row 0 to before row 3 (the end).
    assert group.model.moveRows(group.model.index(0).parent(), 0, 1,
                                group.model.index(0).parent(), 3)
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: [p.id for p in office.petugas.intake.pages(sub_id)] == [ids[1], ids[2], ids[0]])
    page.undo_stack.undo()
    assert [p.id for p in office.petugas.intake.pages(sub_id)] == ids


def test_files_dropped_on_the_window_are_imported(office: Office, tmp_path: Path,
                                                  qtbot: object) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from kotaksaran.ui.main_window import MainWindow

    for key in ("cardinal_rotation", "deskew", "perspective"):
        office.admin.config.set(f"cleanup.{key}", False)
    good, bad = files(tmp_path)
    w = MainWindow(make_ctx(office.petugas))
    qtbot.addWidget(w)  # type: ignore[attr-defined]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(good)), QUrl.fromLocalFile(str(bad))])
    event = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    w.dropEvent(event)
    assert w.current_key() == "capture"
    cap = w.pages["capture"]
    assert isinstance(cap, CapturePage)
    assert cap.last_report is not None
    assert len(cap.last_report.imported) == 1 and len(cap.last_report.failed) == 1
    assert len(cap.groups) == 1
    w.shutdown()
