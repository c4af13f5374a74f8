"""Upstream status text -> a normalised step, and what that step means for the local status.

LAPOR! does not publish its status enum (DOMAIN.md): the text is stored as received and
matched here by its words, so "Terdisposisi ke Dinas PU" and "terdisposisi" are one step.
"""

from __future__ import annotations

import re

from ..domain.enums import Status

# (code, words that identify it), checked in order: the most final step first.
_STEPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("selesai", ("selesai", "closed", "finished", "resolved")),
    ("arsip", ("arsip", "diarsipkan", "archived")),
    ("bukan_wewenang", ("bukan wewenang",)),
    ("ditanggapi", ("ditanggapi", "tanggapan pelapor")),
    ("ditindaklanjuti", ("ditindaklanjuti", "tindak lanjut", "in_progress", "in progress")),
    ("terdisposisi", ("terdisposisi", "disposisi")),
    ("tunda", ("tunda", "ditunda")),
    ("belum_diverifikasi", ("belum diverifikasi", "belum terverifikasi")),
    ("terverifikasi", ("terverifikasi", "diverifikasi", "verified")),
    ("diterima", ("diterima", "received", "open", "submitted")),
)

# Steps that close the slip locally (ARCHITECTURE.md: finished or archived upstream).
CLOSING = frozenset({"selesai", "arsip"})

# What the receiver itself says for its own steps (Bahasa Indonesia, as LAPOR! writes them).
RECEIVED_TEXT = "Belum diverifikasi"


def normalise(text: str | None) -> str | None:
    """The step code of an upstream status text, or None when it is not recognised."""
    if not text:
        return None
    low = re.sub(r"[\s_]+", " ", text.strip().lower())
    for code, words in _STEPS:
        if any(w.replace("_", " ") in low for w in words):
            return code
    return None


def local_target(code: str | None) -> Status | None:
    """The local status a step moves a slip to, if any (a tracking id alone moves it to
    `registered`; that is decided by the engine)."""
    if code in CLOSING:
        return Status.CLOSED
    return None
