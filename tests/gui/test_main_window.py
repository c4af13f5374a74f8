"""The main window: status bar, role-based navigation, shortcuts, placeholders, idle lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kotaksaran.services import Services
from kotaksaran.services.users import actor_for
from kotaksaran.store.db import Store
from kotaksaran.ui.app import build_main_window
from kotaksaran.ui.main_window import MainWindow
from kotaksaran.ui.navigation import PlaceholderPage
from tests.conftest import PASSWORD


def window_for(qtbot: QtBot, store: Store, username: str, demo: bool = False) -> MainWindow:
    w = build_main_window(store, actor_for(store, username), demo)
    qtbot.addWidget(w)
    w.show()
    return w


def visible_nav(w: MainWindow) -> list[str]:
    return [w.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.nav.count())
            if not w.nav.item(i).isHidden()]


def test_status_bar_marks_demo_data(qtbot: QtBot, store: Store, indonesian: None,
                                    tmp_path: Path) -> None:
    Services(store, actor_for(store, "admin")).config.set("mode.demo", True)
    w = window_for(qtbot, store, "petugas1")
    texts = [lbl.text() for lbl in w.statusBar().findChildren(QLabel) if lbl.isVisible()]
    assert "Siti Petugas" in texts
    assert "Kelurahan Batu Selicin" in texts
    assert "Petugas" in texts  # the role label, in Bahasa Indonesia
    assert "MODE DEMO" in texts
    assert "MODE DEMO" in w.windowTitle()
    w.grab().save(str(tmp_path / "main-window.png"))
    assert (tmp_path / "main-window.png").stat().st_size > 0


def test_real_data_has_no_demo_mark(qtbot: QtBot, store: Store) -> None:
    w = window_for(qtbot, store, "admin")
    assert not w.demo_label.isVisible()


def test_navigation_follows_role(qtbot: QtBot, store: Store) -> None:
    petugas = window_for(qtbot, store, "petugas1")
    assert "settings" not in visible_nav(petugas)
    assert {"home", "boxes", "input", "review"} <= set(visible_nav(petugas))
    admin = window_for(qtbot, store, "admin")
    assert "settings" in visible_nav(admin)
    operator = window_for(qtbot, store, "operator1")
    assert "input" not in visible_nav(operator) and "outbox" in visible_nav(operator)
    assert not operator.pages["home"].new_button.isVisible()  # type: ignore[attr-defined]


def test_every_page_is_built_no_placeholder_left(qtbot: QtBot, store: Store,
                                                 indonesian: None) -> None:
    w = window_for(qtbot, store, "admin")
    for key in visible_nav(w):
        page = w.navigate(key)
        assert not isinstance(page, PlaceholderPage), key
        assert page.findChild(QLabel, "placeholderText") is None
        assert w.current_page() is page


def test_ctrl_n_opens_the_editor(qtbot: QtBot, store: Store) -> None:
    w = window_for(qtbot, store, "petugas1")
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w.nav, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert w.current_key() == "input"
    assert w.current_page() is w.pages["input"]


def test_open_submission_signal_switches_to_editor(qtbot: QtBot, store: Store) -> None:
    w = window_for(qtbot, store, "petugas1")
    loaded: list[int] = []
    editor = w.page("input")
    editor.load_submission = loaded.append  # type: ignore[attr-defined]
    w.ctx.bus.open_submission.emit(42)
    assert w.current_key() == "input" and loaded == [42]


def test_idle_lock_and_unlock(qtbot: QtBot, store: Store) -> None:
    w = window_for(qtbot, store, "petugas1")
    flushed: list[bool] = []
    home = w.page("home")
    home.flush = lambda: flushed.append(True)  # type: ignore[attr-defined]
    w.idle.set_timeout_ms(30)
    qtbot.waitUntil(lambda: w.is_locked, timeout=3000)
    assert flushed, "the page was asked to save before locking"
    assert w._lock_screen is not None
    form = w._lock_screen.form
    assert form.username.text() == "petugas1"
    assert not w.menuBar().isEnabled()
    form.password.setText("salah")
    form.try_login()
    assert w.is_locked
    form.password.setText(PASSWORD)
    form.try_login()
    assert not w.is_locked and w.menuBar().isEnabled()


def test_another_user_may_sign_in_at_the_lock(qtbot: QtBot, store: Store) -> None:
    w = window_for(qtbot, store, "petugas1")
    w.lock_screen()
    assert w._lock_screen is not None
    form = w._lock_screen.form
    form.username.setText("supervisor1")
    form.password.setText(PASSWORD)
    with qtbot.waitSignal(w.user_switched) as blocker:
        form.try_login()
    assert blocker.args is not None and blocker.args[0].username == "supervisor1"


def test_idle_lock_setting_zero_means_never(qtbot: QtBot, store: Store) -> None:
    Services(store, actor_for(store, "admin")).config.set("ui.idle_lock_minutes", 0)
    w = window_for(qtbot, store, "petugas1")
    assert w.idle.timeout_ms == 0
    qtbot.wait(50)
    assert not w.is_locked
