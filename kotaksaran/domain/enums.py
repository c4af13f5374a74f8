"""Codes that appear in the database, in JSON and on the command line."""

from __future__ import annotations

from enum import StrEnum


class Classification(StrEnum):
    """Klasifikasi of a LAPOR! report."""

    PENGADUAN = "pengaduan"  # complaint
    ASPIRASI = "aspirasi"  # suggestion
    PERMINTAAN_INFORMASI = "permintaan_informasi"  # request for information


class Channel(StrEnum):
    """How a slip reached the office."""

    KOTAK_SARAN = "kotak_saran"  # found in a suggestion box; belongs to a box session
    LOKET = "loket"  # handed in at the desk; a receipt is printed on the spot
    SURAT = "surat"  # a letter by post
    LAINNYA = "lainnya"


class Status(StrEnum):
    """Submission status; one table, see docs/architecture.md."""

    DRAFT = "draft"
    VERIFIED = "verified"
    RETURNED = "returned"
    REJECTED = "rejected"
    APPROVED = "approved"
    QUEUED = "queued"
    SENT = "sent"
    REGISTERED = "registered"
    CLOSED = "closed"


class Role(StrEnum):
    PETUGAS = "petugas"  # desk staff
    SUPERVISOR = "supervisor"
    OPERATOR = "operator"  # operator sinkronisasi
    ADMIN = "admin"


class BoxSessionState(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


class DayOffKind(StrEnum):
    CUTI_BERSAMA = "cuti_bersama"
    LOCAL = "local"
