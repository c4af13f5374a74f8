"""First-start wizard and the login dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from kotaksaran.domain.enums import Role
from kotaksaran.services import Services
from kotaksaran.services.setup import is_initialized
from kotaksaran.store.db import Store, open_store
from kotaksaran.ui.login import LoginDialog, LoginForm, store_authenticator
from kotaksaran.ui.setup_wizard import SetupWizard
from tests.conftest import PASSWORD


def _fill_wizard(w: SetupWizard) -> None:
    w.code.setText("pkmsb")
    w.name.setText("Puskesmas Sei Panas")
    w.unit_type.setCurrentIndex(w.unit_type.findData("puskesmas"))
    w.address.setText("Jl. Sei Panas No. 1, Batam")
    w.box_name.setText("Kotak Saran Lobi")
    w.box_location.setText("Lobi pendaftaran")
    w.timezone.setCurrentIndex(w.timezone.findData("Asia/Jakarta"))
    w.username.setText("kepala")
    w.full_name.setText("dr. Rina Kepala")
    w.password.setText("sandi-aman-1")
    w.password2.setText("sandi-aman-1")


def test_setup_wizard_creates_unit_and_admin(qtbot: QtBot, tmp_path: Path) -> None:
    data = tmp_path / "baru"
    opened: list[Store] = []

    def open_new() -> Store:
        opened.append(open_store(data, create=True))
        return opened[0]

    w = SetupWizard(data, open_new)
    qtbot.addWidget(w)
    w.show()
    _fill_wizard(w)
    w.next()
    w.next()
    assert not data.exists(), "nothing is written before Finish"
    w.button(QWizard.WizardButton.FinishButton).click()
    assert w.result() == SetupWizard.DialogCode.Accepted
    assert w.store is opened[0] and w.actor is not None
    store = w.store
    try:
        assert is_initialized(store)
        unit = Services(store, w.actor).admin.unit()
        assert (unit.code, unit.name, unit.unit_type) == ("PKMSB", "Puskesmas Sei Panas",
                                                           "puskesmas")
        assert w.actor.role == Role.ADMIN and w.actor.username == "kepala"
        boxes = Services(store, w.actor).boxes.boxes()
        assert [(b.name, b.location, b.is_default) for b in boxes] == [
            ("Kotak Saran Lobi", "Lobi pendaftaran", True)]
    finally:
        store.dispose()


def test_setup_wizard_inline_messages_keep_what_was_typed(
        qtbot: QtBot, tmp_path: Path, indonesian: None) -> None:
    w = SetupWizard(tmp_path / "x", lambda: pytest.fail("must not create the store"))
    qtbot.addWidget(w)
    w.show()
    w.code.setText("kode salah!")
    w.next()
    assert w.currentPage() is w.unit_page
    assert w.unit_page.errors["code"].isVisibleTo(w)
    assert "huruf kapital" in w.unit_page.errors["code"].text().lower()
    assert w.unit_page.errors["name"].text() == "Kolom ini wajib diisi."
    assert w.code.text() == "kode salah!"

    _fill_wizard(w)
    w.password2.setText("lain")
    w.next()
    w.next()
    assert w.currentPage() is w.admin_page
    assert not w.validateCurrentPage()
    assert w.admin_page.errors["password2"].text() == "Kedua kata sandi tidak sama."


def test_setup_wizard_shows_service_problems(qtbot: QtBot, tmp_path: Path,
                                             indonesian: None) -> None:
    stores: list[Store] = []

    def open_new() -> Store:
        stores.append(open_store(tmp_path / "d", create=True))
        return stores[-1]

    w = SetupWizard(tmp_path / "d", open_new)
    qtbot.addWidget(w)
    w.show()
    _fill_wizard(w)
    w.username.setText("Nama Dengan Spasi")
    w.next()
    w.next()
    assert not w.validateCurrentPage()
    assert "huruf kecil" in w.admin_page.errors["username"].text()
    # Fixing the field and finishing again uses the same (still empty) database.
    w.username.setText("kepala")
    assert w.validateCurrentPage()
    assert len(stores) == 1 and is_initialized(stores[0])
    stores[0].dispose()


def _form(qtbot: QtBot, store: Store, demo: bool = False) -> LoginForm:
    form = LoginForm(store_authenticator(store), unit_name="Kelurahan Batu Selicin", demo=demo)
    qtbot.addWidget(form)
    return form


def test_login_wrong_password_then_lockout(qtbot: QtBot, store: Store,
                                           indonesian: None) -> None:
    form = _form(qtbot, store)
    form.username.setText("petugas1")
    for _ in range(4):
        form.password.setText("salah-salah")
        form.try_login()
        assert "kata sandi salah" in form.message.text().lower()
        assert form.password.text() == ""
    form.password.setText("salah-salah")
    form.try_login()
    assert "dikunci" in form.message.text().lower()
    # Even the right password is refused while the account is locked.
    with qtbot.assertNotEmitted(form.logged_in):
        form.password.setText(PASSWORD)
        form.try_login()
    assert "dikunci" in form.message.text().lower()


def test_login_dialog_accepts_right_password(qtbot: QtBot, store: Store) -> None:
    dialog = LoginDialog(store_authenticator(store), unit_name="Kelurahan Batu Selicin",
                         demo=True)
    qtbot.addWidget(dialog)
    assert dialog.form.demo_label.isVisibleTo(dialog)
    dialog.form.username.setText("Supervisor1")
    dialog.form.password.setText(PASSWORD)
    dialog.form.submit.click()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.role == Role.SUPERVISOR


def test_login_asks_for_username(qtbot: QtBot, store: Store, indonesian: None) -> None:
    form = _form(qtbot, store)
    form.try_login()
    assert form.message.text() == "Ketik nama pengguna Anda."
