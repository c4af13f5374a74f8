"""Pengaturan: users, agencies, categories, days off, unit profile and preferences."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QSpinBox
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import Role
from kotaksaran.services import Services
from kotaksaran.services.users import actor_for, login
from kotaksaran.store.db import Store
from kotaksaran.ui.context import ChangeBus, UiContext
from kotaksaran.ui.settings_page import SettingsPage
from kotaksaran.ui.settings_unit import UnitTab
from kotaksaran.ui.setup_wizard import copy_logo
from tests.conftest import FixedClock
from tests.gui.conftest import Messages


def ctx_for(store: Store, username: str) -> UiContext:
    return UiContext(services=Services(store, actor_for(store, username)), bus=ChangeBus())


def settings(qtbot: QtBot, store: Store, username: str = "admin") -> SettingsPage:
    page = SettingsPage(ctx_for(store, username))
    qtbot.addWidget(page)
    page.show()
    return page


def test_non_admin_sees_only_own_account(qtbot: QtBot, store: Store) -> None:
    page = settings(qtbot, store, "petugas1")
    assert page.tabs.count() == 1
    assert page.tabs.widget(0) is page.account_tab


def test_add_user(qtbot: QtBot, store: Store) -> None:
    page = settings(qtbot, store)
    tab = page.users_tab
    tab.add_user()
    dialog = tab.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.username.setText("petugas2")  # type: ignore[attr-defined]
    dialog.full_name.setText("Dewi Loket")  # type: ignore[attr-defined]
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PETUGAS.value))  # type: ignore[attr-defined]
    dialog.password.setText("kata-sandi-1")  # type: ignore[attr-defined]
    dialog.password2.setText("kata-sandi-2")  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.isVisible(), "mismatched passwords keep the dialog open"
    dialog.password2.setText("kata-sandi-1")  # type: ignore[attr-defined]
    dialog.accept()
    assert not dialog.isVisible()
    names = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert "petugas2" in names
    actor = login(store, "petugas2", "kata-sandi-1", FixedClock().value)
    assert actor.role == Role.PETUGAS and actor.full_name == "Dewi Loket"


def test_add_user_service_problem_is_shown_inline(qtbot: QtBot, store: Store,
                                                  indonesian: None) -> None:
    page = settings(qtbot, store)
    tab = page.users_tab
    tab.add_user()
    dialog = tab.dialog
    assert dialog is not None
    dialog.username.setText("petugas3")  # type: ignore[attr-defined]
    dialog.full_name.setText("")  # type: ignore[attr-defined]
    dialog.password.setText("kata-sandi-1")  # type: ignore[attr-defined]
    dialog.password2.setText("kata-sandi-1")  # type: ignore[attr-defined]
    dialog.accept()
    assert dialog.isVisible()
    assert dialog._errors["full_name"].text() == "Kolom ini wajib diisi."


def test_admin_edits_role_and_unlocks(qtbot: QtBot, store: Store) -> None:
    page = settings(qtbot, store)
    tab = page.users_tab
    row = next(r for r in range(tab.table.rowCount())
               if tab.table.item(r, 0).text() == "operator1")
    tab.table.selectRow(row)
    tab.edit_user()
    dialog = tab.dialog
    assert dialog is not None
    dialog.role.setCurrentIndex(dialog.role.findData(Role.SUPERVISOR.value))  # type: ignore[attr-defined]
    dialog.accept()
    assert not dialog.isVisible()
    assert Services(store, actor_for(store, "admin")).users.get("operator1").role \
        == Role.SUPERVISOR


def test_add_agency_and_filter(qtbot: QtBot, store: Store) -> None:
    page = settings(qtbot, store)
    tab = page.agencies_tab
    tab.add_agency()
    dialog = tab.dialog
    assert dialog is not None
    dialog.name.setText("UPT Pelabuhan Rakyat Sekupang")  # type: ignore[attr-defined]
    dialog.accept()
    assert not dialog.isVisible()
    agencies = Services(store, actor_for(store, "admin")).admin.agencies()
    assert "UPT Pelabuhan Rakyat Sekupang" in [a.name for a in agencies]
    tab.filter.setText("pelabuhan rakyat")
    assert tab.proxy.rowCount() == 1
    tab.view.selectRow(0)
    tab.toggle_active()
    names = [a.name for a in Services(store, actor_for(store, "admin")).admin.agencies()]
    assert "UPT Pelabuhan Rakyat Sekupang" not in names


def test_add_category_child(qtbot: QtBot, store: Store) -> None:
    page = settings(qtbot, store)
    tab = page.categories_tab
    root_item = tab.tree.topLevelItem(0)
    root = tab.categories[int(root_item.data(0, Qt.ItemDataRole.UserRole))]
    tab.tree.setCurrentItem(root_item)
    tab.add_child()
    dialog = tab.dialog
    assert dialog is not None
    dialog.name.setText("Lampu jalan padam")  # type: ignore[attr-defined]
    dialog.accept()
    assert not dialog.isVisible()
    cats = Services(store, actor_for(store, "admin")).admin.categories()
    child = next(c for c in cats if c.name == "Lampu jalan padam")
    assert child.parent_id == root.id
    # The tree shows it under its root.
    root_item = next(tab.tree.topLevelItem(i) for i in range(tab.tree.topLevelItemCount())
                     if int(tab.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole))
                     == root.id)
    kids = [root_item.child(i).text(0) for i in range(root_item.childCount())]
    assert "Lampu jalan padam" in kids


def test_days_off(qtbot: QtBot, store: Store, messages: Messages) -> None:
    page = settings(qtbot, store)
    tab = page.days_off_tab
    tab.year.setValue(2026)
    assert tab.national.rowCount() > 10  # national holidays and cuti bersama, built in
    tab.add_day()
    dialog = tab.dialog
    assert dialog is not None
    dialog.day.setDate(date(2026, 8, 18))  # type: ignore[attr-defined]
    dialog.name.setText("Hari jadi kelurahan")  # type: ignore[attr-defined]
    dialog.accept()
    assert tab.local.rowCount() == 1
    assert tab.local.item(0, 1).text() == "Hari jadi kelurahan"
    tab.local.selectRow(0)
    tab.remove_day()
    assert messages.texts, "removing asks first"
    assert tab.local.rowCount() == 0


def test_preferences_saved_with_typed_widgets(qtbot: QtBot, store: Store) -> None:
    page = settings(qtbot, store)
    tab = page.preferences_tab
    spin = tab.editors["ui.idle_lock_minutes"]
    assert isinstance(spin, QSpinBox) and spin.maximum() == 480
    spin.setValue(3)
    check = tab.editors["review.allow_self_approval"]
    assert isinstance(check, QCheckBox)
    check.setChecked(True)
    assert not tab.editors["mode.demo"].isEnabled()
    tab.save()
    config = Services(store, actor_for(store, "admin")).config
    assert config.get("ui.idle_lock_minutes") == 3
    assert config.get("review.allow_self_approval") is True


def test_unit_profile_and_logo(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    picture = tmp_path / "logo.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(picture))
    sha = copy_logo(store.data_dir.root, picture)
    assert (store.data_dir.blobs / sha).read_bytes() == picture.read_bytes()

    tab = UnitTab(ctx_for(store, "admin"))
    qtbot.addWidget(tab)
    tab.name.setText("Kelurahan Batu Selicin (baru)")
    tab._logo_sha = sha
    tab.save_profile()
    unit = Services(store, actor_for(store, "admin")).admin.unit()
    assert unit.name == "Kelurahan Batu Selicin (baru)" and unit.logo_sha256 == sha
    tab.name.setText("  ")
    tab.save_profile()
    assert tab.name_error.isVisibleTo(tab)


def test_large_logo_is_scaled_down(tmp_path: Path, store: Store) -> None:
    picture = tmp_path / "foto.jpg"
    image = QImage(1600, 1200, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    assert image.save(str(picture))
    sha = copy_logo(store.data_dir.root, picture)
    stored = QImage(str(store.data_dir.blobs / sha))
    assert (stored.width(), stored.height()) == (600, 450)
    assert not list(store.data_dir.blobs.glob("*.tmp"))
