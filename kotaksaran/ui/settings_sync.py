"""Pengaturan > Sinkronisasi: where reports go, the access token, and the signing keys.

- The upstream: the way of sending (exchange API, Open311, LAPOR! XML), its address, an extra
  CA file, a proxy, the timeout, how often to resume on its own, and the dialect's mapping
  file; "Test the connection" asks the upstream in the background.
- The access token: typed into a password field and stored through the token store (the OS
  keyring, or an owner-only file in the data folder); never shown again, never in the
  settings table.
- Signing keys for USB bundles: this installation's key pair (made here; its public key
  shown as one line and exportable as a .pub file) and the public keys of other units that
  may send bundles here (imported from a .pub file or pasted).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KotakSaranError
from ..i18n import error_message
from ..services.bundles import BundleService
from ..sync.secrets import TokenStore
from .context import UiContext
from .errors import show_error
from .sync_queue_model import adapter_name
from .tasks import TaskControl, run_task

ADAPTERS = ("exchange", "open311", "lapor_xml")
MAPPING_KEYS = {"open311": "sync.open311_mapping_file", "lapor_xml": "sync.lapor_mapping_file"}


class SyncSettingsTab(QWidget):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("SyncSettingsTab", "Sync")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.svc = ctx.services
        self.tokens = TokenStore(self.svc.store.data_dir.root)
        self.loaded: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget()
        self.body = QVBoxLayout(inner)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self._upstream_box()
        self._token_box()
        self._keys_box()
        self.body.addStretch(1)
        self.load()

    # --- upstream -----------------------------------------------------------------------------
    def _upstream_box(self) -> None:
        box = QGroupBox(self.tr("Upstream"))
        form = QFormLayout(box)
        self.adapter = QComboBox()
        self.adapter.setObjectName("syncAdapter")
        for code in ADAPTERS:
            self.adapter.addItem(adapter_name(code), code)
        self.adapter.currentIndexChanged.connect(lambda _i: self._adapter_changed())
        form.addRow(self.tr("Way of sending"), self.adapter)
        self.url = QLineEdit()
        self.url.setObjectName("syncUrl")
        self.url.setPlaceholderText("https://lapor.example.go.id/api")
        form.addRow(self.tr("Address (URL)"), self.url)
        self.ca_file = QLineEdit()
        self.ca_file.setObjectName("syncCaFile")
        form.addRow(self.tr("Extra CA certificate (PEM)"),
                    self._with_browse(self.ca_file, self.tr("Certificates (*.pem *.crt)")))
        self.proxy = QLineEdit()
        self.proxy.setObjectName("syncProxy")
        self.proxy.setPlaceholderText("http://proxy.kantor:3128")
        form.addRow(self.tr("Proxy (empty = none)"), self.proxy)
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 600)
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setMaximumWidth(140)
        form.addRow(self.tr("Wait for an answer at most"), self.timeout)
        self.resume = QSpinBox()
        self.resume.setRange(0, 1440)
        self.resume.setSuffix(self.tr(" min"))
        self.resume.setSpecialValueText(self.tr("never"))
        self.resume.setMaximumWidth(140)
        form.addRow(self.tr("Try waiting records again every"), self.resume)
        self.mapping = QLineEdit()
        self.mapping.setObjectName("syncMapping")
        self.mapping.setPlaceholderText(self.tr("(the built-in mapping)"))
        self.mapping_row = self._with_browse(self.mapping, self.tr("Mapping (*.toml)"))
        form.addRow(self.tr("Field mapping file"), self.mapping_row)
        self.mapping_label = form.labelForField(self.mapping_row)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveSync")
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("Test the connection"))
        self.test_button.setObjectName("testSync")
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("testResult")
        self.test_result.setWordWrap(True)
        row.addWidget(self.save_button)
        row.addWidget(self.test_button)
        row.addWidget(self.test_result, 1)
        form.addRow("", row)
        self.body.addWidget(box)

    def _with_browse(self, line: QLineEdit, filter_: str) -> QWidget:
        holder = QWidget()
        lay = QHBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(line, 1)
        browse = QPushButton(self.tr("Choose…"))

        def choose() -> None:
            path, _f = QFileDialog.getOpenFileName(self, self.tr("Choose a file"),
                                                   line.text() or str(Path.home()), filter_)
            if path:
                line.setText(path)
        browse.clicked.connect(choose)
        lay.addWidget(browse)
        return holder

    def _adapter_changed(self) -> None:
        code = self.adapter.currentData()
        dialect = code in MAPPING_KEYS
        self.mapping_row.setVisible(dialect)
        if self.mapping_label is not None:
            self.mapping_label.setVisible(dialect)
        if dialect:
            self.mapping.setText(str(self.svc.config.get(MAPPING_KEYS[code]) or ""))

    def _values(self) -> dict[str, Any]:
        code = str(self.adapter.currentData())
        values: dict[str, Any] = {
            "sync.adapter": code, "sync.url": self.url.text().strip(),
            "sync.ca_file": self.ca_file.text().strip(), "sync.proxy": self.proxy.text().strip(),
            "sync.timeout_seconds": self.timeout.value(),
            "sync.auto_resume_minutes": self.resume.value()}
        if code in MAPPING_KEYS:
            values[MAPPING_KEYS[code]] = self.mapping.text().strip()
        return values

    def load(self) -> None:
        cfg = self.svc.config
        try:
            self.loaded = {k: cfg.get(k) for k in (
                "sync.adapter", "sync.url", "sync.ca_file", "sync.proxy",
                "sync.timeout_seconds", "sync.auto_resume_minutes", *MAPPING_KEYS.values())}
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.adapter.setCurrentIndex(max(0, self.adapter.findData(self.loaded["sync.adapter"])))
        self.url.setText(str(self.loaded["sync.url"] or ""))
        self.ca_file.setText(str(self.loaded["sync.ca_file"] or ""))
        self.proxy.setText(str(self.loaded["sync.proxy"] or ""))
        self.timeout.setValue(int(self.loaded["sync.timeout_seconds"]))
        self.resume.setValue(int(self.loaded["sync.auto_resume_minutes"]))
        self._adapter_changed()
        self.show_token_state()
        self.show_keys()

    def save(self) -> bool:
        changed = {k: v for k, v in self._values().items() if v != self.loaded.get(k)}
        for key, value in changed.items():
            try:
                self.loaded[key] = self.svc.config.set(key, value)
            except KotakSaranError as exc:
                show_error(self, exc)
                return False
        if changed:
            self.ctx.bus.reference_changed.emit()
        self.test_result.setText(self.tr("Saved."))
        return True

    def test_connection(self) -> None:
        if not self.save():
            return
        svc = self.svc
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Asking the upstream…"))

        def work(_control: TaskControl) -> bool:
            return svc.sync.probe()

        def done(ok: bool) -> None:
            self.test_button.setEnabled(True)
            self.test_result.setText(
                self.tr("The upstream answers.") if ok else self.tr(
                    "No answer from the upstream. Check the address, the cable or Wi-Fi, and "
                    "the proxy."))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            if isinstance(exc, KotakSaranError):
                self.test_result.setText(error_message(exc))
            else:
                show_error(self, exc)

        run_task(work, on_done=done, on_error=failed, parent=self)

    # --- token --------------------------------------------------------------------------------
    def _token_box(self) -> None:
        box = QGroupBox(self.tr("Access token of this unit"))
        form = QFormLayout(box)
        self.token_state = QLabel()
        self.token_state.setObjectName("tokenState")
        self.token_state.setWordWrap(True)
        form.addRow(self.tr("Stored"), self.token_state)
        self.token = QLineEdit()
        self.token.setObjectName("tokenInput")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("paste the token given by the upstream admin"))
        form.addRow(self.tr("New token"), self.token)
        row = QHBoxLayout()
        self.token_save = QPushButton(self.tr("Store token"))
        self.token_save.setObjectName("storeToken")
        self.token_save.clicked.connect(self.store_token)
        self.token_clear = QPushButton(self.tr("Remove token"))
        self.token_clear.setObjectName("clearToken")
        self.token_clear.clicked.connect(self.clear_token)
        row.addWidget(self.token_save)
        row.addWidget(self.token_clear)
        row.addStretch(1)
        form.addRow("", row)
        self.body.addWidget(box)

    def show_token_state(self) -> None:
        try:
            info = self.tokens.describe()
        except KotakSaranError as exc:
            self.token_state.setText(error_message(exc))
            return
        if not info["set"]:
            text = self.tr("No token yet.")
        elif info["stored_in"] == "keyring":
            text = self.tr("Yes, in the operating system's keyring.")
        else:
            text = self.tr("Yes, in a file only this Windows/Linux account can read: {path}"
                           ).format(path=info["file"])
        self.token_state.setText(text)
        self.token_clear.setEnabled(bool(info["set"]))

    def store_token(self) -> None:
        token = self.token.text().strip()
        if not token:
            return
        try:
            self.tokens.set(token)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.token.clear()
        self.show_token_state()

    def clear_token(self) -> None:
        if QMessageBox.question(self, self.tr("Remove token"), self.tr(
                "Remove the stored access token? Sending stops until a new one is entered.")
                ) != QMessageBox.StandardButton.Yes:
            return
        self.tokens.clear()
        self.show_token_state()

    # --- keys ---------------------------------------------------------------------------------
    def bundles(self) -> BundleService:
        return BundleService(self.svc.store, self.svc.actor, self.svc.clock)

    def _keys_box(self) -> None:
        box = QGroupBox(self.tr("Signing keys for USB bundles"))
        lay = QVBoxLayout(box)
        self.own_key = QLabel()
        self.own_key.setObjectName("ownKey")
        self.own_key.setWordWrap(True)
        self.own_key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.own_key)
        row = QHBoxLayout()
        self.generate_button = QPushButton(self.tr("Make key pair"))
        self.generate_button.setObjectName("generateKey")
        self.generate_button.clicked.connect(self.generate_key)
        self.copy_button = QPushButton(self.tr("Copy public key"))
        self.copy_button.clicked.connect(self.copy_key)
        self.export_button = QPushButton(self.tr("Export public key…"))
        self.export_button.setObjectName("exportKey")
        self.export_button.clicked.connect(self.export_key)
        for b in (self.generate_button, self.copy_button, self.export_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addWidget(QLabel(self.tr("Units whose bundles are accepted here:")))
        self.trusted = QTableWidget(0, 4)
        self.trusted.setObjectName("trustedKeys")
        self.trusted.setHorizontalHeaderLabels([self.tr("Unit"), self.tr("Name"),
                                                self.tr("Fingerprint"),
                                                self.tr("Trusted since")])
        self.trusted.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trusted.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trusted.verticalHeader().hide()
        self.trusted.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.trusted.horizontalHeader().setStretchLastSection(True)
        self.trusted.setMinimumHeight(120)
        lay.addWidget(self.trusted)
        row = QHBoxLayout()
        self.trust_file_button = QPushButton(self.tr("Import a .pub file…"))
        self.trust_file_button.setObjectName("trustFile")
        self.trust_file_button.clicked.connect(self.trust_file)
        self.trust_text_button = QPushButton(self.tr("Paste a key…"))
        self.trust_text_button.setObjectName("trustText")
        self.trust_text_button.clicked.connect(self.trust_text)
        self.untrust_button = QPushButton(self.tr("Remove"))
        self.untrust_button.clicked.connect(self.untrust)
        for b in (self.trust_file_button, self.trust_text_button, self.untrust_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.body.addWidget(box)

    def show_keys(self) -> None:
        bundles = self.bundles()
        try:
            own = bundles.own_key()
        except KotakSaranError as exc:
            own = None
            self.own_key.setText(error_message(exc))
        if own is not None:
            self.own_key.setText(self.tr(
                "This installation's public key (unit {unit}, fingerprint {fp}):\n{key}").format(
                unit=own.unit_code, fp=own.fingerprint, key=own.to_text()))
        elif not self.own_key.text():
            self.own_key.setText(self.tr(
                "This installation has no key pair yet. Make one before exporting a bundle."))
        self.copy_button.setEnabled(own is not None)
        self.export_button.setEnabled(own is not None)
        self.generate_button.setText(self.tr("Make a new key pair") if own
                                     else self.tr("Make key pair"))
        keys = bundles.trusted_keys()
        self.trusted.setRowCount(len(keys))
        for i, k in enumerate(keys):
            for j, text in enumerate((k.unit_code, k.label, k.fingerprint,
                                      (k.added_at or "")[:16].replace("T", " "))):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, k.key_id)
                self.trusted.setItem(i, j, item)

    def generate_key(self) -> None:
        bundles = self.bundles()
        replace = bundles.own_key() is not None
        if replace and QMessageBox.question(self, self.tr("Make a new key pair"), self.tr(
                "Replace this installation's key pair? Every desk that receives bundles from "
                "here must then import the new public key.")) != QMessageBox.StandardButton.Yes:
            return
        try:
            bundles.generate_key(replace=replace)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.own_key.clear()
        self.show_keys()

    def copy_key(self) -> None:
        own = self.bundles().own_key()
        if own is not None:
            QGuiApplication.clipboard().setText(own.to_text())

    def export_key(self, path: str | None = None) -> None:
        bundles = self.bundles()
        own = bundles.own_key()
        if own is None:
            return
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export public key"),
                str(Path.home() / f"kotaksaran-{own.unit_code}.pub"),
                self.tr("Public key (*.pub)"))
            if not path:
                return
        try:
            written = bundles.keys.export_public(Path(path))
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(self, self.tr("Export public key"), self.tr(
            "Saved as {path}. Give it to the other desk and read the fingerprint {fp} to them "
            "by phone.").format(path=written, fp=own.fingerprint))

    def _trusted(self, text: str) -> None:
        try:
            key = self.bundles().trust_key(text)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.show_keys()
        QMessageBox.information(self, self.tr("Trusted key"), self.tr(
            "Bundles signed by unit {unit} are accepted from now on. Check the fingerprint "
            "{fp} with that desk by phone.").format(unit=key.unit_code, fp=key.fingerprint))

    def trust_file(self, path: str | None = None) -> None:
        if path is None:
            path, _f = QFileDialog.getOpenFileName(self, self.tr("Import a public key"),
                                                   str(Path.home()),
                                                   self.tr("Public key (*.pub);;All files (*)"))
            if not path:
                return
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            from ..sync.bundle_errors import KeyTextInvalid

            show_error(self, KeyTextInvalid(detail=exc.strerror or str(path)))
            return
        self._trusted(text)

    def trust_text(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Paste a key"), self.tr(
            "The other unit's public key (one line, KSD1:…):"))
        if ok and text.strip():
            self._trusted(text)

    def untrust(self) -> None:
        rows = self.trusted.selectionModel().selectedRows()
        if not rows:
            return
        item = self.trusted.item(rows[0].row(), 0)
        if item is None:
            return
        key_id = str(item.data(Qt.ItemDataRole.UserRole))
        if QMessageBox.question(self, self.tr("Remove"), self.tr(
                "Stop accepting bundles signed with this key?")) != \
                QMessageBox.StandardButton.Yes:
            return
        try:
            self.bundles().untrust_key(key_id)
        except KotakSaranError as exc:
            show_error(self, exc)
            return
        self.show_keys()
