"""The shared page style: embedded fonts (and a clear message without them), numbers and
dates in the document's language, papers."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kotaksaran import i18n
from kotaksaran.documents import fonts, style
from kotaksaran.documents.errors import FontMissing
from kotaksaran.documents.receipt import render_receipt
from tests.documents_pdf import pdf_text, printed, unit
from tests.unit.test_documents_receipt import receipt

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _indonesian() -> None:
    i18n.set_language("id")


def test_fonts_are_embedded_and_indonesian_text_survives(tmp_path: Path) -> None:
    title = "Pungutan Rp 50.000 “uang rokok” di loket — café, naïve, Ibu Ni’mah"
    pdf = render_receipt(receipt(title=title), unit(), printed(), "80mm")
    fonts_list = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True,
                                check=False).stdout.decode()
    body = fonts_list.splitlines()[2:]
    used = [line for line in body if "DejaVuSans" in line]
    assert used and all(" yes yes " in line for line in used), fonts_list  # embedded subsets
    # reportlab always lists Helvetica as /F1; no text may be set in it.
    (tmp_path / "in.pdf").write_bytes(pdf)
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(tmp_path / "in.pdf"),
                    str(tmp_path / "out.pdf")], check=True)
    plain = (tmp_path / "out.pdf").read_bytes()
    font_uses = set(re.findall(rb"(/F[^\s/]+) [\d.]+ Tf", plain))
    assert font_uses and b"/F1" not in font_uses, font_uses
    text = " ".join(pdf_text(pdf).split())
    assert title in text


def test_bundled_fonts_come_first() -> None:
    assert fonts.find_font("DejaVuSans.ttf") == ROOT / "resources" / "fonts" / "DejaVuSans.ttf"
    assert (ROOT / "resources" / "fonts" / "LICENSE-DejaVu.txt").is_file()


def test_a_missing_font_says_what_to_do(tmp_path: Path) -> None:
    """In a fresh process with no fonts anywhere: a typed error with a calm sentence."""
    code = (
        "import sys\n"
        "from kotaksaran.documents import fonts\n"
        "from kotaksaran import i18n\n"
        "from kotaksaran.documents.errors import FontMissing\n"
        "fonts.search_dirs = lambda: [__import__('pathlib').Path(sys.argv[1])]\n"
        "try:\n"
        "    fonts.register_fonts()\n"
        "except FontMissing as exc:\n"
        "    print(i18n.error_message(exc))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    assert done.stdout.startswith("Huruf DejaVuSans.ttf yang dipakai dokumen cetak tidak "
                                  "ditemukan")
    assert str(tmp_path) in done.stdout and "fonts-dejavu-core" in done.stdout
    assert FontMissing.code == "document_font_missing"


def test_numbers_and_dates_follow_the_language() -> None:
    assert style.fmt_int(12345) == "12.345"
    assert style.fmt_decimal(7.25) == "7,3" and style.fmt_decimal(2.5) == "2,5"
    assert style.fmt_percent(0.3158) == "31,6 %"
    at = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)  # already 1 January in Jakarta
    assert style.fmt_datetime(at, "Asia/Jakarta", weekday=True) == \
        "Jumat, 1 Januari 2027, 00.30 WIB"
    assert style.fmt_time(at, "Asia/Makassar") == "01.30 WITA"
    assert style.fmt_time(at, "Asia/Jayapura") == "02.30 WIT"
    assert style.month_name(2026, 8) == "Agustus 2026"
    assert style.tracking("1916449") == "#1916449" and style.tracking("#12") == "#12"
    i18n.set_language("en")
    assert style.fmt_int(12345) == "12,345" and style.fmt_decimal(7.25) == "7.3"
    assert style.fmt_date(date(2026, 8, 17), weekday=True) == "Monday, 17 August 2026"


def test_papers() -> None:
    assert style.paper("58mm").is_roll and not style.paper("a6").is_roll
    assert round(style.paper("58mm").frame_width / style.mm) == 48
    assert round(style.paper("80mm").frame_width / style.mm) == 72
