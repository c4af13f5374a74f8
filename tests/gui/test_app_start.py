"""Start-up: one instance per data folder, calm messages for unusable databases, demo data,
and the background task helper."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import sys
import threading
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kotaksaran import i18n
from kotaksaran.domain.errors import (
    AlreadyRunning,
    DatabaseReadOnly,
    DataDirMissing,
    SchemaTooNew,
)
from kotaksaran.services import Services
from kotaksaran.services.context import Actor
from kotaksaran.services.setup import AdminInput, UnitInput, initialize
from kotaksaran.store.db import DB_FILE, DataDir, Store, open_store
from kotaksaran.store.lock import InstanceLock
from kotaksaran.ui import app as app_module
from kotaksaran.ui import tasks
from kotaksaran.ui.app import acquire_instance_lock, run_gui
from tests.gui.conftest import Messages


@pytest.fixture
def isolated(monkeypatch: pytest.MonkeyPatch, indonesian: None) -> Iterator[None]:
    """run_gui installs an excepthook and a log handler; put both back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    before = list(logging.getLogger().handlers)
    yield
    root = logging.getLogger()
    for h in list(root.handlers):
        if h not in before:
            root.removeHandler(h)
            h.close()


@pytest.fixture
def data_dir(tmp_path: Path, sqlite_template: Path) -> Path:
    root = tmp_path / "office"
    DataDir(root).create()
    shutil.copy(sqlite_template, root / DB_FILE)
    return root


def test_second_instance_is_refused(data_dir: Path, messages: Messages,
                                    indonesian: None) -> None:
    first = InstanceLock(data_dir)
    first.acquire()
    try:
        assert acquire_instance_lock(data_dir) is None
        assert messages.last() == i18n.error_message(AlreadyRunning(path=str(data_dir)))
        assert "sudah terbuka" in messages.last()
    finally:
        first.release()
    lock = acquire_instance_lock(data_dir)
    assert lock is not None
    lock.release()


def test_run_gui_stops_when_already_running(data_dir: Path, messages: Messages,
                                            isolated: None) -> None:
    first = InstanceLock(data_dir)
    first.acquire()
    try:
        assert run_gui(data_dir, None, "id", False) == 1
    finally:
        first.release()
    assert "sudah terbuka" in messages.last()


def test_database_from_newer_version_is_left_alone(data_dir: Path, messages: Messages,
                                                   isolated: None) -> None:
    db = data_dir / DB_FILE
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    assert run_gui(data_dir, None, "id", False) == 1
    assert messages.last() == i18n.error_message(SchemaTooNew(revision="ffffffffffff"))
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] \
            == "ffffffffffff"
    assert not list((data_dir / "backups").glob("*.db")), "no migration was attempted"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write to read-only files; CI runs this as a normal user")
def test_read_only_database_gives_a_message(data_dir: Path, messages: Messages,
                                            isolated: None) -> None:
    db = data_dir / DB_FILE
    db.chmod(0o444)
    try:
        assert run_gui(data_dir, None, "id", False) == 1
    finally:
        db.chmod(0o644)
    assert messages.last() == i18n.error_message(DatabaseReadOnly(path=str(db)))


def test_vanished_data_folder_gives_a_message(tmp_path: Path, messages: Messages,
                                              isolated: None) -> None:
    gone = tmp_path / "usb-drive" / "kotaksaran"
    assert run_gui(gone, None, "id", False) == 1
    assert messages.last() == i18n.error_message(DataDirMissing(path=str(gone)))
    assert not gone.exists() and not gone.parent.exists()


def _fake_demo(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A stand-in for services.demo (written elsewhere): a unit, its admin and no slips."""
    calls: list[int] = []

    def create_demo(store: Store, count: int, seed: int = 0,
                    progress: Callable[[int, int], None] | None = None,
                    scanned: bool = False) -> None:
        calls.append(count)
        if progress is not None:
            progress(count, count)
        initialize(store, UnitInput(code="DEMO", name="Kelurahan Demo", unit_type="kelurahan"),
                   AdminInput("admin", "Admin Demo", "demo12345"), demo=True)

    module = types.ModuleType("kotaksaran.services.demo")
    module.create_demo = create_demo  # type: ignore[attr-defined]
    module.DEMO_USERS = [("admin", "demo12345", "admin")]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kotaksaran.services.demo", module)
    return calls


def test_first_start_makes_the_per_user_app_folder(tmp_path: Path, messages: Messages,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   isolated: None) -> None:
    """A new user has no ~/.local/share/kotaksaran (nor perhaps ~/.local/share): the default
    demo dir inside it starts, where another missing parent means a removed drive."""
    from kotaksaran import paths

    root = tmp_path / "home" / ".local" / "share" / "kotaksaran"
    monkeypatch.setattr(paths, "app_root", lambda: root)
    calls = _fake_demo(monkeypatch)
    monkeypatch.setattr(app_module.DeskSession, "login", lambda self: False)
    assert run_gui(root / "demo", None, None, True) == 0
    assert calls == [app_module.DEMO_COUNT] and (root / "demo").is_dir()
    assert messages.texts == []  # no "folder not found"


def test_demo_start_creates_demo_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      isolated: None) -> None:
    calls = _fake_demo(monkeypatch)
    seen: list[bool] = []
    monkeypatch.setattr(app_module.DeskSession, "login",
                        lambda self: seen.append(self._is_demo()) or False)
    demo_dir = tmp_path / "demo"
    assert run_gui(demo_dir, None, None, True) == 0
    assert calls == [app_module.DEMO_COUNT]
    assert seen == [True]
    store = open_store(demo_dir)
    try:
        config = Services(store, Actor.system("test")).config
        assert config.get("mode.demo") is True
    finally:
        store.dispose()
    assert (demo_dir / "logs" / "kotaksaran.log").exists()
    # The second start finds the data and does not create it again.
    assert run_gui(demo_dir, None, None, True) == 0
    assert calls == [app_module.DEMO_COUNT]


def test_login_lists_demo_accounts(qtbot: QtBot, store: Store,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from kotaksaran.ui.login import LoginForm, store_authenticator

    _fake_demo(monkeypatch)
    form = LoginForm(store_authenticator(store), unit_name="Kelurahan Demo", demo=True)
    qtbot.addWidget(form)
    assert form.demo_list is not None and form.demo_list.count() == 1
    form._fill_demo(form.demo_list.item(0))
    assert (form.username.text(), form.password.text()) == ("admin", "demo12345")


def test_run_task_delivers_on_the_gui_thread(qtbot: QtBot) -> None:
    tasks.set_synchronous(False)
    gui = QThread.currentThread()
    results: list[object] = []
    progress: list[tuple[int, int, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work(control: tasks.TaskControl) -> int:
        worker_threads.append(threading.current_thread())
        for i in range(3):
            control.progress(i + 1, 3, "langkah")
        return 42

    tasks.run_task(work, on_done=results.append, on_error=pytest.fail,
                   on_progress=lambda d, t, _s: progress.append(
                       (d, t, QThread.currentThread() is gui)))
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results == [42]
    assert worker_threads[0] is not threading.main_thread()
    assert [p[:2] for p in progress] == [(1, 3), (2, 3), (3, 3)]
    assert all(p[2] for p in progress)


def test_run_task_error_and_cancel(qtbot: QtBot) -> None:
    tasks.set_synchronous(False)
    errors: list[BaseException] = []
    started = threading.Event()
    release = threading.Event()

    def slow(control: tasks.TaskControl) -> None:
        started.set()
        release.wait(5)
        control.check()

    handle = tasks.run_task(slow, on_done=pytest.fail, on_error=errors.append)
    assert started.wait(5)
    handle.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], tasks.TaskCancelled)
    assert not handle.running

    def broken(_control: tasks.TaskControl) -> None:
        raise ValueError("rusak")

    tasks.set_synchronous(True)
    tasks.run_task(broken, on_done=pytest.fail, on_error=errors.append)
    assert isinstance(errors[-1], ValueError)


def test_cancelled_setup_leaves_no_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               isolated: None) -> None:
    from kotaksaran.ui.setup_wizard import SetupWizard

    shown: list[Path] = []

    def cancel(self: SetupWizard) -> int:
        shown.append(self.data_dir)
        return int(SetupWizard.DialogCode.Rejected.value)

    monkeypatch.setattr(SetupWizard, "exec", cancel)
    fresh = tmp_path / "kantor-baru"
    assert run_gui(fresh, None, None, False) == 0
    assert shown == [fresh]
    assert not fresh.exists()
