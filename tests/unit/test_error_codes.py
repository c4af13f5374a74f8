"""Every typed error code has a message, and the import messages read well in Indonesian."""

from __future__ import annotations

import contextlib
import importlib

import pytest

from kotaksaran import i18n
from kotaksaran.domain import errors as E

OPTIONAL = ("kotaksaran.intake.scanner", "kotaksaran.intake.watch")


def _subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_subclasses(sub))
    return out


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def test_every_error_code_has_a_message() -> None:
    for name in OPTIONAL:  # modules that declare their own codes, where they exist
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
    codes = {c.code for c in _subclasses(E.KotakSaranError)} - {"validation_failed"}
    assert sorted(c for c in codes if c not in i18n.ERROR_MESSAGES) == []


@pytest.mark.parametrize(("exc", "expected"), [
    (E.EmptyFile(file="a.jpg"), "a.jpg kosong (0 bita). Pindai ulang"),
    (E.FileDamaged(file="a.jpg"),
     "Berkas a.jpg rusak atau terpotong; pindai ulang atau salin lagi dari sumbernya."),
    (E.UnsupportedFile(file="x.jpg"), "x.jpg bukan gambar atau PDF"),
    (E.ImageTooLarge(file="b.png", megapixels=900), "(900 juta piksel)"),
    (E.PdfEncrypted(file="s.pdf"), "s.pdf dilindungi kata sandi"),
    (E.PdfEmpty(file="n.pdf"), "n.pdf tidak berisi halaman"),
    (E.FileVanished(file="h.jpg"), "h.jpg hilang saat sedang dibaca"),
    (E.AlreadyImported(file="c.jpg", number="KS-KLBS-2026-000001"),
     "berkas ini sudah diimpor di KS-KLBS-2026-000001"),
    (E.BlobCorrupt(sha="ab" * 32), "rusak di disk"),
])
def test_import_messages(exc: E.KotakSaranError, expected: str) -> None:
    text = i18n.error_message(exc)
    assert expected in text
    assert "{" not in text
