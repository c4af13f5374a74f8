"""The scan dialog: choose a scanner, resolution, colour mode and source (flatbed or feeder).

Devices are listed in a worker (SANE can take seconds to probe USB and the network). When none
is found the dialog says so and points to file import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import KotakSaranError
from ..intake import scanner
from ..intake.scanner import ScannerDevice, ScanSettings
from ..services.intake import ImportReport, IntakeService
from . import tasks


class ScanDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan"))
        self.devices: list[ScannerDevice] = []
        self.status = QLabel(self.tr("Looking for scanners…"))
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        self.device_box = QComboBox()
        self.resolution_box = QComboBox()
        for dpi in (150, 200, 300, 600):
            self.resolution_box.addItem(f"{dpi} dpi", dpi)
        self.resolution_box.setCurrentIndex(2)
        self.mode_box = QComboBox()
        self.mode_box.addItem(self.tr("Grayscale"), "gray")
        self.mode_box.addItem(self.tr("Colour"), "color")
        self.mode_box.addItem(self.tr("Black and white"), "lineart")
        self.source_box = QComboBox()
        self.source_box.addItem(self.tr("Flatbed (one page)"), "flatbed")
        self.source_box.addItem(self.tr("Document feeder (all pages)"), "adf")
        form = QFormLayout()
        form.addRow(self.tr("Scanner"), self.device_box)
        form.addRow(self.tr("Resolution"), self.resolution_box)
        form.addRow(self.tr("Colour"), self.mode_box)
        form.addRow(self.tr("Source"), self.source_box)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Scan"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._set_devices([], searching=True)
        tasks.run_task(lambda _c: scanner.list_devices(), on_done=self._found,
                       on_error=self._not_found, parent=self)

    def _found(self, devices: list[ScannerDevice]) -> None:
        self._set_devices(devices)

    def _not_found(self, exc: BaseException) -> None:
        if not isinstance(exc, KotakSaranError | OSError):
            raise exc
        self._set_devices([])

    def _set_devices(self, devices: list[ScannerDevice], searching: bool = False) -> None:
        self.devices = devices
        self.device_box.clear()
        for d in devices:
            self.device_box.addItem(d.label, d.name)
        ok = bool(devices)
        for w in (self.device_box, self.resolution_box, self.mode_box, self.source_box):
            w.setEnabled(ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)
        if searching:
            self.status.setText(self.tr("Looking for scanners…"))
        elif ok:
            self.status.setText(self.tr("Put the slips in the scanner, then press Scan."))
        else:
            self.status.setText(self.no_scanner_text())

    def no_scanner_text(self) -> str:
        return self.tr("No scanner detected — use Import files")

    def device_name(self) -> str:
        return str(self.device_box.currentData() or "")

    def settings(self) -> ScanSettings:
        return ScanSettings(resolution=int(self.resolution_box.currentData()),
                            mode=self.mode_box.currentData(),
                            source=self.source_box.currentData())


def run_scan(parent: QWidget, intake: IntakeService, device: str, settings: ScanSettings,
             session_id: int | None, *,
             on_done: Callable[[ImportReport, KotakSaranError | None], None],
             on_error: Callable[[BaseException], None]) -> tasks.TaskHandle[Any]:
    """Scan a batch in a worker behind a progress dialog with Cancel, and import the pages as
    one slip. A scanner problem after the first page (a jam ...) keeps what was scanned:
    `on_done(report, problem)`; before the first page it is `on_error(problem)`."""
    progress = QProgressDialog(QCoreApplication.translate("ScanDialog", "Scanning…"),
                               QCoreApplication.translate("ScanDialog", "Cancel"), 0, 0, parent)
    progress.setWindowTitle(QCoreApplication.translate("ScanDialog", "Scan"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)

    def work(control: tasks.TaskControl) -> tuple[ImportReport, KotakSaranError | None]:
        images = []
        problem: KotakSaranError | None = None
        try:
            for image in scanner.scan_batch(
                    device, settings, progress=lambda d, t, _n: control.progress(d, t, ""),
                    cancel=lambda: control.cancelled):
                images.append(image)
        except scanner.ScannerProblem as exc:
            if not images:
                raise
            problem = exc
        report = ImportReport()
        if images:
            report.imported.append(intake.import_images(images, f"scan {device}",
                                                        session_id=session_id))
        return report, problem

    def stepped(done: int, _total: int, _text: str) -> None:
        progress.setLabelText(QCoreApplication.translate("ScanDialog", "Scanning page %1…")
                              .replace("%1", str(done + 1)))

    def finished(result: tuple[ImportReport, KotakSaranError | None]) -> None:
        progress.close()
        on_done(*result)

    def failed(exc: BaseException) -> None:
        progress.close()
        if not isinstance(exc, tasks.TaskCancelled):
            on_error(exc)

    handle = tasks.run_task(work, on_done=finished, on_error=failed, on_progress=stepped,
                            parent=parent)
    progress.canceled.connect(handle.cancel)
    if handle.running:
        progress.show()
    return handle
