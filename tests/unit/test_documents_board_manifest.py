"""The status board (no personal data, no rahasia titles) and the sync batch manifest."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kotaksaran import i18n
from kotaksaran.documents.data import BoardRow, ManifestData, ManifestItem, StatusBoardData
from kotaksaran.documents.manifest import render_manifest
from kotaksaran.documents.status_board import render_status_board
from tests.documents_pdf import (
    flat,
    ink_ratio,
    line_with,
    pdf_text,
    png_pages,
    printed,
    unit,
    words,
)

AS_OF = datetime(2026, 6, 10, 2, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def board(show_titles: bool = False, n: int = 3) -> StatusBoardData:
    rows = [
        BoardRow("KS-KLBS-2026-000001", "1916449", "registered", "Terdisposisi ke Dinas PU",
                 date(2026, 6, 1), "Jalan berlubang di depan SD 003"),
        BoardRow("KS-KLBS-2026-000002", None, "draft", None, date(2026, 6, 2), None),
        BoardRow("KS-KLBS-2026-000003", "1916450", "closed", "Selesai", date(2026, 6, 3),
                 "Lampu jalan mati"),
    ]
    rows += [BoardRow(f"KS-KLBS-2026-{i:06d}", None, "queued", None, date(2026, 6, 4),
                      "Sampah") for i in range(4, n + 1)]
    return StatusBoardData(AS_OF, tuple(rows), date(2026, 3, 12), show_titles)


def test_status_board_fields(tmp_path: Path) -> None:
    pdf = render_status_board(board(), unit(), printed())
    text = flat(pdf_text(pdf))
    for part in ("PAPAN STATUS LAPORAN", "Keadaan per Rabu, 10 Juni 2026, 09.00 WIB",
                 "Daftar ini tidak memuat nama atau data pribadi lainnya",
                 "Laporan yang diterima sejak 12 Maret 2026.",
                 "Nomor tanda terima", "Nomor pelacakan LAPOR!",
                 "3 laporan tercantum.", "Arti status", "Draf: sedang diinput di kantor",
                 "Terdaftar: terdaftar di LAPOR!", "Selesai: selesai"):
        assert part in text, part
    assert line_with(pdf, "000001") == \
        "KS-KLBS-2026-000001 #1916449 01/06/2026 Terdaftar — Terdisposisi ke Dinas PU"
    assert line_with(pdf, "000002") == "KS-KLBS-2026-000002 — 02/06/2026 Draf"
    # "Selesai" upstream is what the local status says already: not said twice.
    assert line_with(pdf, "000003") == "KS-KLBS-2026-000003 #1916450 03/06/2026 Selesai"
    assert "Jalan berlubang" not in text  # titles only when asked for
    assert "Dikembalikan:" not in text  # only the statuses on the board are explained
    [png] = png_pages(pdf, tmp_path)
    assert ink_ratio(png) > 0.02


def test_status_board_titles_but_not_rahasia() -> None:
    pdf = render_status_board(board(show_titles=True), unit(), printed())
    text = flat(pdf_text(pdf))
    shown = {w.text for w in words(pdf)[1]}
    assert {"berlubang", "Lampu", "mati"} <= shown
    assert "(rahasia)" in text  # row 2 has no title to show


def test_status_board_many_rows_repeat_the_header() -> None:
    pdf = render_status_board(board(n=120), unit(), printed())
    pages, ws = words(pdf)
    assert len(pages) >= 3
    assert sum(1 for w in ws if w.text == "terima" and w.y0 < 200) >= len(pages) - 1
    assert "120 laporan tercantum." in flat(pdf_text(pdf))


def test_empty_status_board() -> None:
    data = StatusBoardData(AS_OF, (), None)
    assert "Tidak ada laporan untuk ditampilkan." in flat(pdf_text(
        render_status_board(data, unit(), printed())))


def manifest(items: tuple[ManifestItem, ...] | None = None) -> ManifestData:
    return ManifestData(
        batch_id=7, batch_uuid="0b7e4a52-8f7e-4d0b-9a57-3c6b1d2e9f10", kind="push",
        adapter="exchange", target="https://relay.batam.example.id/api",
        created_at=AS_OF, created_by="Andi Operator",
        finished_at=datetime(2026, 6, 10, 2, 3, tzinfo=UTC),
        items=items if items is not None else (
            ManifestItem("KS-KLBS-2026-000001", "done", "registered", "1916449", 1),
            ManifestItem("KS-KLBS-2026-000002", "done", "accepted", None, 2),
            ManifestItem("KS-KLBS-2026-000003", "quarantined", None, None, 1,
                         "Server menolak: kategori tidak dikenal — perbaiki kategori lalu "
                         "kirim ulang."),
            ManifestItem("KS-KLBS-2026-000004", "retrying", None, None, 3,
                         "Server tidak dapat dihubungi.",
                         datetime(2026, 6, 10, 3, 0, tzinfo=UTC)),
        ))


def test_manifest_fields(tmp_path: Path) -> None:
    pdf = render_manifest(manifest(), unit(), printed())
    text = flat(pdf_text(pdf))
    for part in ("MANIFES KIRIMAN", "Batch 7 · 0b7e4a52-8f7e-4d0b-9a57-3c6b1d2e9f10",
                 "Jenis pengiriman lewat jaringan", "Cara pengiriman exchange",
                 "Tujuan https://relay.batam.example.id/api",
                 "Mulai 10 Juni 2026, 09.00 WIB", "Selesai 10 Juni 2026, 09.03 WIB",
                 "Operator Andi Operator", "Laporan dalam kiriman 4",
                 "Terkirim 2 (1 di antaranya dengan nomor pelacakan)", "Belum terkirim 1",
                 "Ditolak 1", "(terdaftar)", "(diterima, nomor pelacakan menyusul)",
                 "Server menolak: kategori tidak dikenal", "Server tidak dapat dihubungi. "
                 "Dicoba lagi: 10 Juni 2026, 10.00 WIB."):
        assert part in text, part
    assert line_with(pdf, "000001") == "1 KS-KLBS-2026-000001 terkirim #1916449 1 —"
    assert line_with(pdf, "000002") == "2 KS-KLBS-2026-000002 terkirim — 2 —"
    assert line_with(pdf, "000003").startswith("3 KS-KLBS-2026-000003 ditolak — 1 Server")
    assert line_with(pdf, "000004").startswith("4 KS-KLBS-2026-000004 akan dicoba — 3")
    [png] = png_pages(pdf, tmp_path)
    assert ink_ratio(png) > 0.02


def test_empty_manifest() -> None:
    text = flat(pdf_text(render_manifest(manifest(()), unit(), printed())))
    assert "Kiriman ini tidak berisi laporan." in text and "Laporan dalam kiriman 0" in text
