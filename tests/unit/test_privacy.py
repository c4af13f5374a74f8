"""Personal data in slip text: what is found and masked, and what must stay as written."""

from __future__ import annotations

import io
import random
import re

import pytest
from PIL import Image

from kotaksaran.ocr.engine import OcrWord
from kotaksaran.ocr.privacy import (
    PLACEHOLDERS,
    PROVINCES,
    Span,
    compress_page,
    digit_view,
    find_personal_data,
    layout_text,
    mask,
    mask_text,
    page_redactions,
    redact,
    redaction_boxes,
    word_spans,
)


def found(text: str, extra: tuple[str | tuple[str, str], ...] = ()) -> list[tuple[str, str]]:
    return [(s.kind, s.text) for s in find_personal_data(text, extra)]


# --- what is found ---------------------------------------------------------------------------
POSITIVE = [
    # NIK, written every way people and OCR write it
    ("NIK saya 3201012345670001, mohon dirahasiakan.", [("nik", "3201012345670001")]),
    ("NIK: 3201 0123 4567 0001", [("nik", "3201 0123 4567 0001")]),
    ("No. KTP 32.01.01.234567.0001 atas nama saya.", [("nik", "32.01.01.234567.0001")]),
    ("nik 3201-0123-4567-0001", [("nik", "3201-0123-4567-0001")]),
    ("Nomor Induk Kependudukan 3171 0412 8900 0003", [("nik", "3171 0412 8900 0003")]),
    ("NIK 320101 234567 0001 (sesuai KTP)", [("nik", "320101 234567 0001")]),
    ("31.71.04.120890.0003 adalah NIK istri saya", [("nik", "31.71.04.120890.0003")]),
    ("KTP: 32O1O12345670001", [("nik", "32O1O12345670001")]),  # OCR: O for 0
    ("NIK 3201 0l23 4567 000l", [("nik", "3201 0l23 4567 000l")]),  # OCR: l for 1
    ("No KK 2171 0501 1234 0007", [("nik", "2171 0501 1234 0007")]),
    ("NIK: 3201 01 23 4567 0001", [("nik", "3201 01 23 4567 0001")]),
    # after its label, a number is taken even with a digit or two misread by OCR
    ("NIK: 2171 0446 028S 0002", [("nik", "2171 0446 028S 0002")]),
    ("NIK 217l 0446 0285 OOO2 HP O812 3456 789O",
     [("nik", "217l 0446 0285 OOO2"), ("phone", "O812 3456 789O")]),
    ("No. KTP: 21710446O285OOO2", [("nik", "21710446O285OOO2")]),
    ("HP 0812-34S6-7890", [("phone", "0812-34S6-7890")]),
    ("No. HP : +62 812 345B 7890", [("phone", "+62 812 345B 7890")]),
    ("HP 0812 3456 789 Bos", [("phone", "0812 3456 789")]),
    # phones
    ("Hubungi saya di 0812-3456-7890.", [("phone", "0812-3456-7890")]),
    ("HP 0812 3456 7890 (bisa WA)", [("phone", "0812 3456 7890")]),
    ("no hp: 08123456789", [("phone", "08123456789")]),
    ("WA +62 812 3456 7890", [("phone", "+62 812 3456 7890")]),
    ("wa:+6281234567890", [("phone", "+6281234567890")]),
    ("nomor 6281234567890 aktif", [("phone", "6281234567890")]),
    ("Telp. (021) 555 1234", [("phone", "(021) 555 1234")]),
    ("telp kantor 021-5551234", [("phone", "021-5551234")]),
    ("Tlp (0778) 456789 jam kerja", [("phone", "(0778) 456789")]),
    ("kontak 0778 321 456", [("phone", "0778 321 456")]),
    ("WA 812-3456-7890", [("phone", "812-3456-7890")]),
    ("hp.0813.1234.5678", [("phone", "0813.1234.5678")]),
    ("0857 1234 567", [("phone", "0857 1234 567")]),
    ("Nomor saya O812 3456 789O", [("phone", "O812 3456 789O")]),
    ("+62 21 555 1234", [("phone", "+62 21 555 1234")]),
    # emails
    ("email: budi.santoso@gmail.com", [("email", "budi.santoso@gmail.com")]),
    ("kirim ke siti_aminah88@yahoo.co.id ya", [("email", "siti_aminah88@yahoo.co.id")]),
    ("surel Rina.Wati@kemendagri.go.id.", [("email", "Rina.Wati@kemendagri.go.id")]),
    ("alamat email joko @ gmail.com", [("email", "joko @ gmail.com")]),
    # names given as the writer's
    ("Nama saya Budi Santoso, warga RT 03.", [("name", "Budi Santoso")]),
    ("Saya bernama SITI AMINAH dari RT 05", [("name", "SITI AMINAH")]),
    ("Nama : Ahmad Yani\nAlamat : Jl. Kenanga No. 5", [("name", "Ahmad Yani")]),
    ("Nama Lengkap: Dewi Lestari Ningsih\nUmur: 34", [("name", "Dewi Lestari Ningsih")]),
    ("nama saya adalah Rudi Hartono yang tinggal di gang Mawar", [("name", "Rudi Hartono")]),
    ("NAMA: AGUS SALIM\nNIK: 3201012345670001",
     [("name", "AGUS SALIM"), ("nik", "3201012345670001")]),
    ("nama lengkap: H. Muhammad Ridwan Saputra", [("name", "H. Muhammad Ridwan Saputra")]),
    ("Nama pelapor: Ibu Sri Wahyuni umur 45 tahun", [("name", "Ibu Sri Wahyuni")]),
    ("Perkenalkan, nama saya Yohanes. Saya mau melapor", [("name", "Yohanes")]),
    ("nama saya M. Yusuf Kalla dari Batu Selicin", [("name", "M. Yusuf Kalla")]),
    ("Hormat saya,\n\nRina Wati", [("name", "Rina Wati")]),
    ("Hormat kami,\nBambang Pamungkas\nRT 04", [("name", "Bambang Pamungkas")]),
    ("Nama: Ma'ruf Hidayat", [("name", "Ma'ruf Hidayat")]),
    ("pelapor:\nAhmad Fauzi", [("name", "Ahmad Fauzi")]),
    ("Lampu PJU mati. Terima kasih, Pak Darto", [("name", "Pak Darto")]),
    ("Terima kasih,\nIbu Sri Rahayu\nRT 05", [("name", "Ibu Sri Rahayu")]),
    ("nama saya ibu Yanti", [("name", "ibu Yanti")]),
    # several kinds in one letter
    ("Nama saya Andi Wijaya, NIK 3171012345670001, HP 0812-1111-2222, email andi@mail.com.",
     [("name", "Andi Wijaya"), ("nik", "3171012345670001"), ("phone", "0812-1111-2222"),
      ("email", "andi@mail.com")]),
    ("NIK 3201 0123 4567 0001 dan no HP 0812 3456 7890",
     [("nik", "3201 0123 4567 0001"), ("phone", "0812 3456 7890")]),
    ("NIK 3171012345670001 08123456789",
     [("nik", "3171012345670001"), ("phone", "08123456789")]),
    ("Kejadian 12-08-2024 0812 3456 7890", [("phone", "0812 3456 7890")]),
    ("Telp (021) 555 1234 atau +62 812 3456 7890 atau 6281234567890",
     [("phone", "(021) 555 1234"), ("phone", "+62 812 3456 7890"),
      ("phone", "6281234567890")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE, ids=[t[:40] for t, _ in POSITIVE])
def test_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


# --- what must not be masked --------------------------------------------------------------
NEGATIVE = [
    "Kejadian tanggal 12-08-2024 pukul 08.30 WIB.",
    "Pada 12/08/2024 dan 13/08/2024 lampu jalan mati.",
    "Tanggal 12 Agustus 2024, juga 1 September 2024.",
    "Tanggal 12.08.2024 jam 19.45",
    "Biaya Rp 1.500.000 diminta oleh oknum.",
    "Pungutan Rp1,5 juta per orang.",
    "Dimintai 150.000 rupiah tanpa kuitansi.",
    "Dana desa Rp 2.000.000.000 tahun anggaran 2023-2024.",
    "Harga Rp. 12.500.000,- terlalu mahal.",
    "Rumah saya di RT 03/RW 05.",
    "RT.003 RW.005 Kelurahan Batu Selicin",
    "RT 003 / RW 005, No. 12 B",
    "Jl. Melati No. 12, Blok C-7, kode pos 29432.",
    "Sudah 3 tahun sejak 2021, sekitar 40 kepala keluarga terdampak.",
    "Nomor slip KS-KLBS-2026-000123 belum dibalas.",
    "Lihat laporan KS-KLBS-A-2026-000045 dan KS-KLBS-2025-001234.",
    "Jalan rusak sepanjang 2,5 km dari km 12 sampai km 14,5.",
    "Antrean 120 orang, loket buka 08.00-12.00.",
    "Pukul 08.30 sampai 10.15 tidak ada petugas.",
    "Surat nomor 470/123/KL/2024 tanggal 05-03-2024.",
    "Bantuan 25 kg beras untuk 150 KK.",
    "Tinggi air 1,20 meter pada 01.08.2024.",
    "Nama Jalan Sudirman rusak berat.",
    "atas nama Warga RT 05",
    "petugas bernama Joko meminta uang",  # someone else's name: the complaint's content
    "nama baik kelurahan tercemar",
    "nama saya tidak perlu disebut",
    "Skor IKM 82,5 dari 100; target 2025 adalah 85.",
    "NPWP usaha 12.345.678.9-012.000",  # 15 digits: neither NIK nor phone
    "Tahun 2019 2020 2021 2022 banjir terus.",
    "kejadian 12 08 2024 12 08 2024",
    "pukul 08.30 0812",
    "Terima kasih Pak Lurah atas perhatiannya.",
    "Terima kasih.\nSemoga cepat diperbaiki.",
    "Hormat saya,\n\nWarga RT 05",
    "Nama: -",
    "NIK: -",
    "NIK ada 2, KTP hilang",
    "HP 2 unit rusak, HP Bos besar, HP 1234",
    "HP rusak sejak 12-08-2024",
    "Tahun 1998 1999 2000 2001 tidak pernah diperbaiki.",
]


@pytest.mark.parametrize("text", NEGATIVE, ids=[t[:40] for t in NEGATIVE])
def test_not_masked(text: str) -> None:
    assert found(text) == []
    assert mask(text) == text


# --- the slip's own identity ------------------------------------------------------------
def test_extra_terms_find_the_reporter_anywhere() -> None:
    text = ("Saya budi santoso melapor. BUDI SANTOSO sudah tiga kali datang. "
            "Hubungi 0812 6655 1234 atau +62-812-6655-1234. KTP 3201-0123-4567-0001. "
            "Surel BUDI@Mail.COM. Pak Santoso tetangga saya juga.")
    terms = ("Budi Santoso", "+6281266551234", "3201012345670001", "budi@mail.com")
    got = found(text, terms)
    assert ("name", "budi santoso") in got
    assert ("name", "BUDI SANTOSO") in got
    assert ("phone", "0812 6655 1234") in got
    assert ("phone", "+62-812-6655-1234") in got
    assert ("nik", "3201-0123-4567-0001") in got
    assert ("email", "BUDI@Mail.COM") in got
    assert ("name", "Santoso") in got  # a part of the full name on its own


def test_extra_terms_with_kind_and_short_values() -> None:
    text = "Ani menulis: jalan di depan rumah Ani rusak."
    assert found(text, (("name", "Ani"),)) == [("name", "Ani"), ("name", "Ani")]
    assert found(text, ("",)) == []
    assert found("no 12345", (("phone", "12345"),)) == []  # too short to be anyone's number


def test_extra_name_part_needs_a_real_name_word() -> None:
    # "Jalan" is no name even if the reporter wrote it in the name field
    text = "Jalan di depan rumah rusak."
    assert found(text, ("Jalan Sutomo",)) == []


# --- masking ---------------------------------------------------------------------------------
def test_mask_text_uses_indonesian_placeholders() -> None:
    text = "Nama saya Budi Santoso, NIK 3201012345670001, HP 0812-3456-7890, budi@mail.com."
    assert mask(text) == ("Nama saya [nama disamarkan], NIK [NIK disamarkan], HP "
                          "[nomor telepon disamarkan], [email disamarkan].")
    assert set(PLACEHOLDERS) == {"nik", "phone", "email", "name"}


def test_mask_text_merges_overlapping_spans() -> None:
    text = "HP 0812-3456-7890 ok"
    spans = [Span("phone", 3, 17, text[3:17]), Span("name", 8, 12, text[8:12])]
    assert mask_text(text, spans) == "HP [nomor telepon disamarkan] ok"


LETTER = """Kepada Yth.
Bapak Lurah Batu Selicin
di tempat

Dengan hormat,
Yang bertanda tangan di bawah ini:
Nama : Sumarni
NIK : 2171 0446 0285 0002
Alamat : Perum Bida Asri 2 Blok C No. 14, RT 002/RW 011
No. HP : 0852 6412 3390

Melaporkan bahwa pada hari Senin, 3 Juni 2024 sekitar pukul 09.15 WIB petugas loket
meminta uang Rp 150.000 untuk pengurusan KK. Kejadian di kantor kelurahan, loket 2.

Hormat saya,

Sumarni"""


def test_a_whole_letter() -> None:
    assert found(LETTER) == [("name", "Sumarni"), ("nik", "2171 0446 0285 0002"),
                             ("phone", "0852 6412 3390"), ("name", "Sumarni")]
    masked = mask(LETTER)
    for kept in ("3 Juni 2024", "09.15", "Rp 150.000", "RT 002/RW 011", "No. 14",
                 "Bapak Lurah Batu Selicin", "loket 2"):
        assert kept in masked
    assert "Sumarni" not in masked and "0446" not in masked and "6412" not in masked


def test_masking_leaves_the_rest_untouched() -> None:
    text = ("Kepada Yth. Bapak Lurah,\n\nPada tanggal 12-08-2024 pukul 08.30 saya dimintai "
            "Rp 1.500.000 di kantor RT 03/RW 05. Nama saya Budi, NIK 3201 0123 4567 0001.\n"
            "Terima kasih.")
    masked = mask(text)
    assert masked == text.replace("Budi", "[nama disamarkan]").replace(
        "3201 0123 4567 0001", "[NIK disamarkan]")


def _nik_formats(digits: str) -> list[str]:
    g4 = [digits[i:i + 4] for i in range(0, 16, 4)]
    return [digits, " ".join(g4), "-".join(g4), ".".join(g4),
            f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}.{digits[6:12]}.{digits[12:]}",
            f"{digits[:6]} {digits[6:12]} {digits[12:]}"]


def _phone_formats(national: str) -> list[str]:  # national: 8xxxxxxxxx (10-11 digits)
    a, b, c = national[:3], national[3:7], national[7:]
    return [f"0{national}", f"0{a}-{b}-{c}", f"0{a} {b} {c}", f"+62 {a} {b} {c}",
            f"+62{national}", f"62{national}", f"0{a}.{b}.{c}"]


TEMPLATES = [
    "Pada {date} pukul {time} saya membayar {money} di RT {rt}/RW {rw}. NIK saya {nik}, "
    "HP {phone}.",
    "Yth. Lurah, sejak {date} jalan rusak. Biaya {money}. Identitas: {nik} / {phone}. "
    "Alamat RT.{rt} RW.{rw}, kode pos {post}.",
    "Laporan KS-KLBS-2026-{seq} tgl {date}: hubungi {phone}, NIK {nik}, {money}, jam {time}.",
]


def test_property_every_nik_and_phone_digit_run_is_masked_and_the_rest_kept() -> None:
    rng = random.Random(20240812)
    provinces = sorted(PROVINCES)
    for _ in range(500):
        nik = f"{rng.choice(provinces)}{rng.randint(0, 10**14 - 1):014d}"
        national = "8" + "".join(str(rng.randint(0, 9)) for _ in range(rng.choice((9, 10))))
        keep = {
            "date": rng.choice([f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-2024",
                                f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/2025",
                                f"{rng.randint(1, 28)}.{rng.randint(1, 12):02d}.2023",
                                f"{rng.randint(1, 28)} Agustus 2024"]),
            "time": f"{rng.randint(7, 16):02d}.{rng.choice((0, 15, 30, 45)):02d}",
            "money": rng.choice([f"Rp {rng.randint(1, 999)}.{rng.randint(0, 999):03d}.000",
                                 f"Rp{rng.randint(1, 9)},5 juta",
                                 f"{rng.randint(10, 999)}.000 rupiah"]),
            "rt": f"{rng.randint(1, 15):02d}", "rw": f"{rng.randint(1, 12):03d}",
            "post": f"{rng.randint(20000, 29999)}", "seq": f"{rng.randint(1, 999999):06d}",
        }
        nik_text = rng.choice(_nik_formats(nik))
        phone_text = rng.choice(_phone_formats(national))
        template = rng.choice(TEMPLATES)
        text = template.format(nik=nik_text, phone=phone_text, **keep)
        masked = mask(text)
        # exactly the NIK and the phone are replaced: dates, money, RT/RW, times, postal
        # code and the slip number stay as written
        assert masked == template.format(nik="[NIK disamarkan]",
                                          phone="[nomor telepon disamarkan]", **keep), text
        left = re.sub(r"[^0-9]", "", masked)
        for run in re.findall(r"[0-9]{4,}", nik_text + " " + phone_text):
            assert run not in re.findall(r"[0-9]+", masked) or run in keep.values(), text
        assert nik not in left and national not in left, text


def test_property_no_number_is_masked_in_text_without_personal_data() -> None:
    rng = random.Random(7)
    for _ in range(300):
        parts = [
            f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2015, 2026)}",
            f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2015, 2026)}",
            f"Rp {rng.randint(1, 99)}.{rng.randint(0, 999):03d}.{rng.randint(0, 999):03d}",
            f"RT {rng.randint(1, 20):02d}/RW {rng.randint(1, 15):02d}",
            f"RT.{rng.randint(1, 20):03d} RW.{rng.randint(1, 15):03d}",
            f"No. {rng.randint(1, 300)}", f"kode pos {rng.randint(10000, 99999)}",
            f"tahun {rng.randint(1990, 2030)}",
            f"pukul {rng.randint(0, 23):02d}.{rng.randint(0, 59):02d}",
            f"KS-KLBS-{rng.randint(2024, 2030)}-{rng.randint(1, 999999):06d}",
            f"km {rng.randint(1, 200)}", f"{rng.randint(1, 999)} orang",
        ]
        rng.shuffle(parts)
        text = "Laporan: " + ", ".join(parts) + "."
        assert found(text) == [], text


def test_digit_view_only_touches_mostly_digit_tokens() -> None:
    assert digit_view("32O1 0l23 lO Olah Ibu 2O24") == "3201 0123 lO Olah Ibu 2024"
    assert len(digit_view("x" * 50)) == 50


# --- OCR words and boxes ------------------------------------------------------------------
def _line(words: list[str], y: int, x0: int = 100) -> list[OcrWord]:
    out, x = [], x0
    for w in words:
        width = 20 * len(w)
        out.append(OcrWord(w, 90.0, (x, y, width, 30)))
        x += width + 15
    return out


def test_word_spans_align_with_the_engine_text() -> None:
    words = _line(["Nama", "saya", "Budi"], 100) + _line(["NIK", "3201", "0123", "4567",
                                                          "0001"], 150)
    text = "Nama saya Budi\nNIK 3201 0123 4567 0001"
    got_text, offsets = word_spans(words, text)
    assert got_text == text
    assert [got_text[s:e] for s, e in offsets] == [w.text for w in words]
    # without the text (or with one edited since) the lines come from the boxes
    assert layout_text(words) == text
    assert word_spans(words, "edited by hand")[0] == text


def test_redaction_boxes_cover_each_word_of_a_split_nik_and_phone() -> None:
    words = (_line(["Saya", "warga", "RT", "03/RW", "05"], 100)
             + _line(["NIK", "3201", "0123", "4567", "0001"], 150)
             + _line(["HP", "0812-3456-7890", "tanggal", "12-08-2024"], 200))
    boxes = page_redactions(words)
    by_text = {w.text: w.box for w in words}
    expected = [by_text[t] for t in ("3201", "0123", "4567", "0001", "0812-3456-7890")]
    assert len(boxes) == 5
    for (x, y, w, h), (bx, by, bw, bh) in zip(boxes, expected, strict=True):
        assert (x, y) == (bx - 4, by - 4) and (w, h) == (bw + 8, bh + 8)


def test_redaction_boxes_never_go_negative() -> None:
    words = [OcrWord("08123456789", 80.0, (1, 2, 200, 30))]
    text, _ = word_spans(words)
    assert redaction_boxes(words, find_personal_data(text), text) == [(0, 0, 205, 36)]


def test_redact_draws_opaque_black_boxes_and_keeps_the_original() -> None:
    for mode, white in (("L", 255), ("RGB", (255, 255, 255)), ("1", 255), ("P", None)):
        img = Image.new(mode, (100, 60), white if white is not None else 0)
        out = redact(img, [(10, 10, 20, 15), (90, 50, 30, 30), (0, 0, 0, 5)])
        grey = out.convert("L")
        assert grey.getpixel((10, 10)) == 0 and grey.getpixel((29, 24)) == 0
        assert grey.getpixel((99, 59)) == 0  # clipped at the edge
        if white is not None:
            assert grey.getpixel((30, 10)) == 255 and grey.getpixel((5, 5)) == 255
            assert img.convert("L").getpixel((10, 10)) == 255  # the input is untouched


def test_compress_page_downscales_to_200_dpi_and_picks_the_smaller_form() -> None:
    page = Image.new("L", (2480, 3508), 255)
    for y in range(300, 3200, 60):  # black "text lines" on white: a bilevel page
        page.paste(0, (250, y, 2200, y + 25))
    data, mime = compress_page(page, 300)
    small = Image.open(io.BytesIO(data))
    assert small.size == (1653, 2339)
    assert mime == "image/png" and small.mode == "1"
    # a photo-like page (smooth grey gradient) stays JPEG
    photo = Image.linear_gradient("L").resize((1200, 1600))
    data, mime = compress_page(photo, 0)
    assert mime == "image/jpeg" and Image.open(io.BytesIO(data)).size == (1200, 1600)
    # unknown dpi and a large image: taken as A4 at 200 dpi
    data, _ = compress_page(Image.linear_gradient("L").resize((3000, 4000)), 0)
    assert max(Image.open(io.BytesIO(data)).size) == 2340


def test_a_bracket_after_a_labelled_phone_stays() -> None:
    text = "kata Ahmad (hp 081234567890) lalu"
    masked = mask_text(text, find_personal_data(text))
    assert masked.endswith(") lalu") and "081234567890" not in masked
