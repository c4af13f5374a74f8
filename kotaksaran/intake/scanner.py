"""Scanners: list the devices this PC can use and scan a batch of pages (no Qt).

Linux: SANE through python-sane (`SaneBackend`). Windows: a TWAIN or WIA backend can sit behind
the same `ScannerBackend` protocol as an optional extra; none ships yet and nothing here is
tested on Windows. Without a usable driver, `list_devices()` raises `ScannerDriverMissing`
(the screen and the CLI turn it into "no scanner found, use file import"), so "no driver" and
"driver but no scanner" (an empty list) stay distinguishable.

SANE keeps process-wide state, so every call into it is serialised by one lock; a batch runs
on one worker thread at a time.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from PIL import Image

from ..domain.errors import EnvironmentProblem

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
Mode = Literal["gray", "color", "lineart"]
Source = Literal["flatbed", "adf"]

MAX_ADF_PAGES = 500  # a feeder that never reports "empty" must not scan forever


# --- typed errors (codes listed for the message catalog) ---------------------------------
class ScannerProblem(EnvironmentProblem):
    """The scanner or its driver; the screen offers file import as the way forward."""

    code = "scanner_problem"


class ScannerDriverMissing(ScannerProblem):
    code = "scanner_driver_missing"


class ScannerNotFound(ScannerProblem):
    """The chosen device is gone (unplugged, switched off) or cannot be opened."""

    code = "scanner_not_found"


class ScannerBusy(ScannerProblem):
    code = "scanner_busy"


class ScannerJammed(ScannerProblem):
    code = "scanner_jammed"


class ScannerCoverOpen(ScannerProblem):
    code = "scanner_cover_open"


class ScannerFeederEmpty(ScannerProblem):
    """The ADF had no paper at the first page of a batch."""

    code = "scanner_feeder_empty"


class ScannerFailed(ScannerProblem):
    """Any other device error; `detail` carries the driver's words."""

    code = "scanner_failed"


# --- data ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class ScannerDevice:
    name: str  # the driver's device name, e.g. "test:0" or "epson2:libusb:001:004"
    vendor: str
    model: str
    type: str

    @property
    def label(self) -> str:
        return f"{self.vendor} {self.model} ({self.name})".strip()


@dataclass(frozen=True)
class ScanSettings:
    resolution: int = 300
    mode: Mode = "gray"
    source: Source = "flatbed"
    max_pages: int = MAX_ADF_PAGES  # ADF only: stop after this many even if paper remains


class ScannerBackend(Protocol):
    """What a platform driver offers. SANE implements it; TWAIN/WIA on Windows would too."""

    def list_devices(self) -> list[ScannerDevice]: ...

    def scan_batch(self, device_name: str, settings: ScanSettings,
                   progress: Progress | None = None, cancel: Cancel | None = None
                   ) -> Iterator[Image.Image]: ...


# --- SANE ---------------------------------------------------------------------------------
_lock = threading.RLock()
_initialised = False


def _sane() -> Any:
    global _initialised
    try:
        import sane
    except ImportError:
        raise ScannerDriverMissing() from None
    with _lock:
        if not _initialised:
            try:
                sane.init()
            except Exception as exc:  # libsane missing or broken
                raise ScannerDriverMissing(detail=str(exc)) from None
            _initialised = True
    return sane


def _classify(exc: BaseException, device: str) -> ScannerProblem:
    """SANE reports status as text (sane_strstatus); map the ones a person can act on."""
    text = str(exc).lower()
    if "busy" in text:
        return ScannerBusy(device=device)
    if "jam" in text:
        return ScannerJammed(device=device)
    if "cover" in text:
        return ScannerCoverOpen(device=device)
    if "out of documents" in text or "no docs" in text:
        return ScannerFeederEmpty(device=device)
    if "invalid argument" in text or "not found" in text or "access" in text:
        return ScannerNotFound(device=device)
    return ScannerFailed(device=device, detail=str(exc))


def _feeder_empty(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "out of documents" in text or "no docs" in text


def _pick(options: list[Any] | None, wanted: tuple[str, ...]) -> str | None:
    """The first device option whose text contains one of `wanted` (case-insensitive)."""
    for w in wanted:
        for o in options or []:
            if isinstance(o, str) and w in o.lower():
                return o
    return None


_MODE_WORDS: dict[str, tuple[str, ...]] = {
    "gray": ("gray", "grey"), "color": ("color", "colour"),
    "lineart": ("lineart", "binary", "black", "halftone"),
}
_SOURCE_WORDS: dict[str, tuple[str, ...]] = {
    "flatbed": ("flatbed", "normal"), "adf": ("feeder", "adf", "automatic"),
}


class SaneBackend:
    """SANE through python-sane. Device errors become the typed errors above."""

    def list_devices(self) -> list[ScannerDevice]:
        sane = _sane()
        with _lock:
            try:
                rows = sane.get_devices()
            except Exception as exc:
                raise ScannerFailed(device="", detail=str(exc)) from None
        return [ScannerDevice(str(n), str(v), str(m), str(t)) for n, v, m, t in rows]

    def _open(self, device_name: str, settings: ScanSettings) -> Any:
        sane = _sane()
        try:
            dev = sane.open(device_name)
        except Exception as exc:
            raise _classify(exc, device_name) if "busy" in str(exc).lower() \
                else ScannerNotFound(device=device_name) from None
        try:
            self._apply(dev, settings)
        except Exception:
            dev.close()
            raise
        return dev

    @staticmethod
    def _apply(dev: Any, settings: ScanSettings) -> None:
        opts = dev.opt
        if "mode" in opts:
            choice = _pick(opts["mode"].constraint, _MODE_WORDS[settings.mode])
            if choice is None and settings.mode == "lineart":
                choice = _pick(opts["mode"].constraint, _MODE_WORDS["gray"])
            if choice is not None:
                dev.mode = choice
        if "resolution" in opts:
            dev.resolution = int(settings.resolution)
        if "source" in opts:
            choice = _pick(opts["source"].constraint, _SOURCE_WORDS[settings.source])
            if choice is None and settings.source == "adf":
                raise ScannerFailed(device=dev.dev_name if hasattr(dev, "dev_name") else "",
                                    detail="no document feeder")
            if choice is not None:
                dev.source = choice
        elif settings.source == "adf":
            raise ScannerFailed(device="", detail="no document feeder")

    def scan_batch(self, device_name: str, settings: ScanSettings,
                   progress: Progress | None = None, cancel: Cancel | None = None
                   ) -> Iterator[Image.Image]:
        """Flatbed: one page. ADF: pages until the feeder is empty (or `max_pages`).
        Cancel is checked between pages: the pages already scanned have been yielded."""
        limit = 1 if settings.source == "flatbed" else max(1, settings.max_pages)
        with _lock:
            dev = self._open(device_name, settings)
            try:
                for n in range(limit):
                    if cancel is not None and cancel():
                        return
                    if progress is not None:
                        progress(n, 0 if limit > 1 else 1, device_name)
                    try:
                        image = dev.scan()
                    except StopIteration:
                        return
                    except Exception as exc:
                        if settings.source == "adf" and _feeder_empty(exc):
                            if n == 0:
                                raise ScannerFeederEmpty(device=device_name) from None
                            return
                        raise _classify(exc, device_name) from None
                    image.info["dpi"] = (settings.resolution, settings.resolution)
                    if settings.mode == "lineart" and image.mode != "1":
                        image = _to_bilevel(image, settings.resolution)
                    yield image
                if progress is not None and limit == 1:
                    progress(1, 1, device_name)
            finally:
                with contextlib.suppress(Exception):  # the device may be gone already
                    dev.close()


def _to_bilevel(image: Image.Image, dpi: int) -> Image.Image:
    out = image.convert("L").point(lambda v: 255 if v >= 128 else 0).convert("1")
    out.info["dpi"] = (dpi, dpi)
    return out


def default_backend() -> ScannerBackend:
    """SANE everywhere it exists. On Windows there is no backend yet (TWAIN/WIA would go
    here as an optional extra), so the driver is reported missing."""
    if sys.platform == "win32":
        raise ScannerDriverMissing()
    return SaneBackend()


def list_devices() -> list[ScannerDevice]:
    """The scanners found; raises `ScannerDriverMissing` when no driver can be loaded."""
    return default_backend().list_devices()


def scan_batch(device_name: str, settings: ScanSettings, progress: Progress | None = None,
               cancel: Cancel | None = None) -> Iterator[Image.Image]:
    return default_backend().scan_batch(device_name, settings, progress, cancel)
