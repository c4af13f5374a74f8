"""Scanned slips for the demo: a few letters rendered as page images and imported as drafts
in today's box session, their text left for the background OCR of the window, so that a demo
shows the verification workspace with real pages — typed letters (some carrying a NIK and a
phone number, for the personal-data marks) and handwriting-like slips where OCR is unsure.

Rendering uses a TrueType font when one is found (DejaVu/Liberation on Linux, Arial on
Windows) and Pillow's built-in font otherwise; no network, nothing downloaded.
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from . import Services

DPI = 200
A4 = (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "C:/Windows/Fonts/times.ttf",
    "C:/Windows/Fonts/arial.ttf",
)

# (heading lines, body paragraphs, signature) of typed letters, as people write them.
LETTERS: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (("Kepada Yth. Bapak Lurah", "di tempat"),
     ("Dengan hormat, saya warga RT 04/RW 02 ingin menyampaikan bahwa lampu penerangan "
      "jalan di ujung gang Melati sudah padam hampir tiga minggu. Malam hari jalan menjadi "
      "gelap dan ibu-ibu pulang mengaji merasa takut.",
      "Mohon kiranya lampu tersebut dapat segera diganti. Atas perhatian Bapak kami ucapkan "
      "terima kasih."), "Warga Gang Melati"),
    (("Perihal: Antrean pengambilan obat",),
     ("Nama saya Sulastri Wahyuningsih, NIK 2171 0245 0688 0003, nomor HP 0812-6677-3401. "
      "Hari Selasa kemarin saya menunggu obat di apotek puskesmas dari jam 08.30 sampai "
      "jam 12.00 karena hanya satu petugas yang melayani.",
      "Kami mohon ditambah petugas pada jam sibuk, terutama untuk lansia yang tidak kuat "
      "berdiri lama."), "Sulastri W."),
    (("Kepada Yth. Kepala Kelurahan",),
     ("Saluran air di depan rumah nomor 17 Jalan Kenanga tersumbat sampah plastik sehingga "
      "setiap hujan deras air meluap ke jalan dan masuk ke rumah warga.",
      "Kami sudah gotong royong dua kali tetapi sampahnya datang lagi dari hulu. Mohon "
      "dibantu pengerukan dan dipasang saringan."), "Ketua RT 03"),
    (("Usulan untuk pelayanan KTP",),
     ("Saya usul agar perekaman KTP elektronik bisa dibuka juga hari Sabtu pagi, karena "
      "banyak warga yang bekerja di kawasan industri tidak bisa izin pada hari kerja.",
      "Kalau perlu pakai sistem nomor antrean lewat WhatsApp supaya tidak menumpuk."),
     "Hendra, warga RW 07"),
    (("Kepada Yth. Bapak/Ibu Pimpinan",),
     ("Saya ingin bertanya tentang syarat mengurus surat keterangan tidak mampu untuk "
      "keringanan biaya sekolah anak. Apakah cukup membawa KK dan surat pengantar RT?",
      "Mohon jawabannya dapat dikirim ke email saya rina.marlina77@gmail.com atau telepon "
      "+62 813 7012 5566. Terima kasih."), "Rina Marlina"),
    (("Keluhan pungutan parkir",),
     ("Di halaman kantor kelurahan ada orang yang menarik uang parkir Rp 5.000 untuk motor "
      "padahal tidak ada karcis resmi. Saya tidak tahu apakah ini resmi atau liar.",
      "Mohon ditertibkan agar warga yang datang mengurus surat tidak terbebani."),
     "Pengunjung"),
)
# Handwriting-like slips: pen strokes the engine cannot read, with a few printed words.
HANDWRITTEN: tuple[tuple[str, ...], ...] = (
    ("Posyandu", "Mawar"),
    ("Sampah", "pasar", "Sabtu"),
)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
          width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def letter_page(heading: tuple[str, ...], paragraphs: tuple[str, ...], signature: str,
                rng: random.Random) -> Image.Image:
    img = Image.new("L", A4, 250)
    draw = ImageDraw.Draw(img)
    font = _font(round(12 * DPI / 72))
    margin = round(25 / 25.4 * DPI)
    line_h = round(12 * DPI / 72 * 1.5)
    y = margin
    day = rng.randint(2, 27)
    date = f"Batam, {day} November 2026"
    draw.text((A4[0] - margin - draw.textlength(date, font=font), y), date, font=font, fill=25)
    y += 2 * line_h
    for line in heading:
        draw.text((margin, y), line, font=font, fill=25)
        y += line_h
    y += line_h
    for para in paragraphs:
        for line in _wrap(draw, para, font, A4[0] - 2 * margin):
            draw.text((margin, y), line, font=font, fill=25)
            y += line_h
        y += line_h // 2
    y += line_h
    x = A4[0] - margin - round(60 / 25.4 * DPI)
    draw.text((x, y), "Hormat saya,", font=font, fill=25)
    draw.text((x, y + 3 * line_h), signature, font=font, fill=25)
    # A scanner never lays the sheet perfectly straight.
    return img.rotate(rng.uniform(-1.2, 1.2), resample=Image.Resampling.BICUBIC,
                      fillcolor=250)


def handwritten_page(words: tuple[str, ...], rng: random.Random) -> Image.Image:
    img = Image.new("L", (A4[0], A4[1] // 2), 248)  # a half-sheet slip
    draw = ImageDraw.Draw(img)
    margin = round(20 / 25.4 * DPI)
    for row in range(9):
        y = margin + row * round(DPI * 0.45)
        x = margin
        while x < A4[0] - margin - 60:
            points = [(x + i * 7, y + rng.randint(-14, 14)) for i in range(rng.randint(5, 14))]
            draw.line(points, fill=40, width=3)
            x = points[-1][0] + rng.randint(25, 50)
    font = _font(round(13 * DPI / 72))
    x = margin
    y = img.height - margin - round(13 * DPI / 72)
    for word in words:
        draw.text((x, y), word, font=font, fill=30)
        x += round(draw.textlength(word + "  ", font=font))
    return img


def add_scanned_drafts(svc: Services, seed: int = 1) -> list[str]:
    """Import the demo letters as drafts (their OCR left pending); returns their numbers."""
    rng = random.Random(seed)
    numbers: list[str] = []
    for i, (heading, paragraphs, signature) in enumerate(LETTERS):
        page = letter_page(heading, paragraphs, signature, rng)
        page.info["dpi"] = (DPI, DPI)
        numbers.append(svc.intake.import_images([page], f"pindaian-{i + 1:02d}.png").submission)
    for i, words in enumerate(HANDWRITTEN):
        page = handwritten_page(words, rng)
        page.info["dpi"] = (DPI, DPI)
        numbers.append(svc.intake.import_images([page], f"tulisan-tangan-{i + 1:02d}.png")
                       .submission)
    return numbers
