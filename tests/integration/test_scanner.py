"""Scanning against SANE's own `test` backend (a virtual frontend-tester device)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

sane = pytest.importorskip("sane", reason="python-sane is not installed")

from kotaksaran.intake import scanner  # noqa: E402
from kotaksaran.intake.scanner import ScanSettings  # noqa: E402


@pytest.fixture(scope="module")
def sane_test(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Only the `test` backend, set before SANE's first init (it reads the config then)."""
    cfg = tmp_path_factory.mktemp("sanecfg")
    (cfg / "dll.conf").write_text("test\n")
    old = os.environ.get("SANE_CONFIG_DIR")
    os.environ["SANE_CONFIG_DIR"] = f"{cfg}:"  # trailing colon: the default dirs too
    if scanner._initialised:  # another module initialised SANE first: start it again
        sane.exit()
        scanner._initialised = False
    try:
        devices = scanner.list_devices()
    except scanner.ScannerDriverMissing:
        pytest.skip("libsane cannot be loaded on this machine")
    if not any(d.name.startswith("test:") for d in devices):
        pytest.skip("SANE's test backend is not installed (package sane-backends / libsane1)")
    yield "test:0"
    if old is None:
        os.environ.pop("SANE_CONFIG_DIR", None)
    else:
        os.environ["SANE_CONFIG_DIR"] = old


def test_lists_the_test_devices(sane_test: str) -> None:
    devices = scanner.list_devices()
    names = [d.name for d in devices]
    assert "test:0" in names
    dev = next(d for d in devices if d.name == "test:0")
    assert dev.vendor == "Noname" and dev.model == "frontend-tester"
    assert "test:0" in dev.label


def test_flatbed_scans_one_gray_page_at_150_dpi(sane_test: str) -> None:
    seen: list[tuple[int, int]] = []
    pages = list(scanner.scan_batch(sane_test, ScanSettings(resolution=150, mode="gray"),
                                    progress=lambda d, t, _n: seen.append((d, t))))
    assert len(pages) == 1
    page = pages[0]
    assert page.mode == "L"
    assert page.info["dpi"] == (150, 150)
    # The test device's default area is about 8 x 10 cm: 472 x 590 pixels at 150 dpi.
    assert 400 < page.width < 550 and 500 < page.height < 700
    assert seen[-1] == (1, 1)


def test_color_and_lineart_modes(sane_test: str) -> None:
    color = next(scanner.scan_batch(sane_test, ScanSettings(resolution=75, mode="color")))
    assert color.mode == "RGB"
    bw = next(scanner.scan_batch(sane_test, ScanSettings(resolution=75, mode="lineart")))
    assert bw.mode == "1"  # the test device has no lineart mode: gray, thresholded


def test_adf_batch_until_the_feeder_is_empty(sane_test: str) -> None:
    # The test backend's feeder holds 10 sheets; a fresh device handle starts full.
    pages = list(scanner.scan_batch("test:1", ScanSettings(resolution=50, source="adf")))
    assert 5 <= len(pages) <= 10
    assert all(p.size == pages[0].size for p in pages)


def test_adf_batch_of_n_pages(sane_test: str) -> None:
    pages = list(scanner.scan_batch(sane_test, ScanSettings(resolution=50, source="adf",
                                                            max_pages=4)))
    assert len(pages) == 4


def test_cancel_mid_batch_keeps_what_was_scanned(sane_test: str) -> None:
    got = []
    cancelled = False
    for page in scanner.scan_batch(sane_test, ScanSettings(resolution=50, source="adf")):
        got.append(page)
        if len(got) == 3:
            cancelled = True
        if cancelled:
            break
    assert len(got) == 3
    # Cancel through the callback: checked before each page.
    count = 0

    def cancel() -> bool:
        return count >= 2

    pages = []
    for p in scanner.scan_batch(sane_test, ScanSettings(resolution=50, source="adf"),
                                cancel=cancel):
        pages.append(p)
        count += 1
    assert len(pages) == 2
    # The device is free again afterwards.
    assert len(list(scanner.scan_batch(sane_test, ScanSettings(resolution=50)))) == 1


def test_unknown_device_is_a_typed_error(sane_test: str) -> None:
    with pytest.raises(scanner.ScannerNotFound) as info:
        list(scanner.scan_batch("test:99", ScanSettings(resolution=50)))
    assert info.value.code == "scanner_not_found"


def test_jammed_feeder_is_a_typed_error(sane_test: str, monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    def apply(dev: object, settings: ScanSettings) -> None:
        dev.source = "Automatic Document Feeder"  # type: ignore[attr-defined]
        dev.resolution = 50  # type: ignore[attr-defined]
        dev.read_return_value = "SANE_STATUS_JAMMED"  # type: ignore[attr-defined]

    monkeypatch.setattr(scanner.SaneBackend, "_apply", staticmethod(apply))
    with pytest.raises(scanner.ScannerJammed):
        list(scanner.scan_batch(sane_test, ScanSettings(resolution=50, source="adf")))


def test_without_python_sane_the_driver_is_missing(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    monkeypatch.setitem(__import__("sys").modules, "sane", None)
    monkeypatch.setattr(scanner, "_initialised", False)
    with pytest.raises(scanner.ScannerDriverMissing):
        scanner.list_devices()
