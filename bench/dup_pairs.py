"""Labelled pairs for the duplicate benchmark (`bench_duplicates.py`): what a slip becomes when
it is typed again, rescanned or read by OCR, and letter images to scan.

Everything is deterministic for a seed. No database, no Qt.

* Retyped (`retype`): typos (a swapped, dropped, doubled or wrong letter in a few words), two
  sentences swapped, a greeting and a closing added, shorthand ("yg", "dgn", "utk"), lower
  case without commas, and all of these together.
* OCR as simulated (`ocr_noise`): character confusions that tesseract makes on printed
  Indonesian (rn/m, l/1/I, O/0, e/c, cl/d, li/h ...), dropped letters, lost and extra spaces.
* Letter images (`render_letter`, `scan`): the slip typed on A4 at 200 dpi in one of several
  fonts, as a plain letter or on a printed kotak-saran form; a scan turns it by up to 1.5
  degrees, shifts and rescales it, darkens the paper, adds grain and blur and saves it as a
  JPEG.
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

# --- retyping ------------------------------------------------------------------------------
RETYPE_KINDS = ("typo", "reorder", "greeting", "shorthand", "casual", "combo")
GREETINGS = ("Assalamualaikum wr. wb. Bapak/Ibu yang kami hormati, ", "Selamat pagi Pak Lurah. ",
             "Kepada Yth. Pimpinan, ", "Dengan hormat, ", "Permisi pak, ")
CLOSINGS = (" Terima kasih atas perhatiannya.", " Hormat saya, warga setempat.",
            " Atas perhatian Bapak/Ibu kami ucapkan terima kasih.", " Wassalam.")
SHORT = {"yang": "yg", "dengan": "dgn", "untuk": "utk", "tidak": "tdk", "sudah": "sdh",
         "belum": "blm", "juga": "jg", "karena": "krn", "sampai": "sampe", "tolong": "tlg"}
_NEIGHBOURS = {"a": "sq", "e": "wr", "i": "uo", "o": "ip", "u": "yi", "n": "bm", "r": "et",
               "s": "ad", "t": "ry", "k": "jl", "m": "n", "g": "fh", "d": "sf", "l": "k",
               "h": "gj", "b": "vn", "p": "o", "j": "hk"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text.strip()) if s]


def typo(text: str, rng: random.Random, rate: float = 0.06) -> str:
    out = []
    for w in text.split(" "):
        if len(w) > 3 and w.isalpha() and rng.random() < rate:
            j = rng.randrange(1, len(w) - 1)
            op = rng.choice("sdiw")
            if op == "s":
                w = w[:j - 1] + w[j] + w[j - 1] + w[j + 1:]
            elif op == "d":
                w = w[:j] + w[j + 1:]
            elif op == "i":
                w = w[:j] + w[j] + w[j:]
            else:
                c = w[j].lower()
                w = w[:j] + rng.choice(_NEIGHBOURS.get(c, "aeiou")) + w[j + 1:]
        out.append(w)
    return " ".join(out)


def reorder(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    if len(parts) < 2:
        return text
    i = rng.randrange(len(parts) - 1)
    parts[i], parts[i + 1] = parts[i + 1], parts[i]
    return " ".join(parts)


def greeting(text: str, rng: random.Random) -> str:
    return rng.choice(GREETINGS) + text + (rng.choice(CLOSINGS) if rng.random() < 0.7 else "")


def shorthand(text: str, rng: random.Random) -> str:
    def sub(m: re.Match[str]) -> str:
        w = m.group()
        return SHORT[w] if w in SHORT and rng.random() < 0.8 else w
    return re.sub(r"\b\w+\b", sub, text)


def casual(text: str, rng: random.Random) -> str:
    del rng
    return text.lower().replace(",", "").replace("  ", " ")


def retype(text: str, kind: str, rng: random.Random) -> str:
    if kind == "typo":
        return typo(text, rng)
    if kind == "reorder":
        return reorder(text, rng)
    if kind == "greeting":
        return greeting(text, rng)
    if kind == "shorthand":
        return shorthand(text, rng)
    if kind == "casual":
        return casual(text, rng)
    if kind == "combo":
        return greeting(reorder(typo(shorthand(text, rng), rng, 0.05), rng), rng)
    raise ValueError(kind)


# --- OCR noise -----------------------------------------------------------------------------
_CONFUSIONS = {"m": ("rn", "nn"), "l": ("1", "I", "|"), "i": ("l", "1", "í"), "o": ("0", "c"),
               "O": ("0", "Q"), "e": ("c", "é"), "a": ("o", "e"), "d": ("cl",), "h": ("li", "b"),
               "n": ("ri", "h"), "u": ("ii", "v"), "r": ("n",), "t": ("f", "l"),
               "s": ("5",), "S": ("5", "8"), "g": ("q", "9"), "1": ("l", "I"), "0": ("O", "o"),
               "5": ("S",), "8": ("B",), "c": ("e",), "k": ("lc",), "w": ("vv",)}


def ocr_noise(text: str, rng: random.Random, rate: float = 0.04) -> str:
    """Text as tesseract might read a poor scan of it: `rate` is the share of characters
    hit by a confusion, a drop or a space error."""
    out: list[str] = []
    for c in text:
        r = rng.random()
        if r < rate * 0.6 and c in _CONFUSIONS:
            out.append(rng.choice(_CONFUSIONS[c]))
        elif r < rate * 0.8:
            if c == " ":
                continue  # two words run together
            out.append(c)
            if rng.random() < 0.3:
                out.append(" ")  # a word split
        elif r < rate:
            continue  # a letter lost
        else:
            out.append(c)
    return "".join(out)


# --- letter images ---------------------------------------------------------------------------
FONT_DIR = Path("/usr/share/fonts/truetype")
FONT_FILES = ("dejavu/DejaVuSans.ttf", "dejavu/DejaVuSerif.ttf",
              "liberation2/LiberationSans-Regular.ttf", "liberation2/LiberationSerif-Regular.ttf",
              "freefont/FreeSans.ttf", "freefont/FreeSerif.ttf",
              "dejavu/DejaVuSansCondensed.ttf")
LAYOUTS = ("plain", "form")
DPI = 200
A4 = (round(210 / 25.4 * DPI), round(297 / 25.4 * DPI))


def fonts() -> list[Path]:
    found = [FONT_DIR / f for f in FONT_FILES if (FONT_DIR / f).exists()]
    if not found:
        raise SystemExit(f"no TrueType fonts under {FONT_DIR} (install fonts-dejavu-core)")
    return found


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
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


def render_letter(text: str, font_path: Path, layout: str, size_pt: float = 12.0
                  ) -> Image.Image:
    """The slip typed on an A4 page (grey levels, 200 dpi)."""
    w, h = A4
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    px = round(size_pt / 72 * DPI)
    font = ImageFont.truetype(str(font_path), px)
    small = ImageFont.truetype(str(font_path), round(px * 0.8))
    left, top, width = round(w * 0.12), round(h * 0.08), round(w * 0.76)
    y = top
    if layout == "form":
        bold = ImageFont.truetype(str(font_path), round(px * 1.3))
        d.text((left, y), "FORMULIR KOTAK SARAN", font=bold, fill=0)
        y += round(px * 2)
        d.text((left, y), "Kelurahan Batu Selicin - Kecamatan Lubuk Baja", font=small, fill=0)
        y += round(px * 1.6)
        d.rectangle((left, y, left + width, y + round(px * 3.2)), outline=0, width=3)
        d.text((left + 15, y + 12), "Nama (boleh dikosongkan):", font=small, fill=0)
        d.text((left + 15, y + 12 + round(px * 1.3)), "Tanggal:", font=small, fill=0)
        y += round(px * 4.2)
        d.text((left, y), "Isi saran / pengaduan:", font=small, fill=0)
        y += round(px * 1.6)
    line_h = round(px * 1.45)
    for para in text.split("\n"):
        for line in _wrap(d, para, font, width):
            if layout == "form":
                d.line((left, y + line_h - 6, left + width, y + line_h - 6), fill=170, width=2)
            d.text((left, y), line, font=font, fill=0)
            y += line_h
        y += line_h // 2
    if layout == "form":
        while y < h * 0.62:  # the rest of the ruled box, left empty
            d.line((left, y + line_h - 6, left + width, y + line_h - 6), fill=170, width=2)
            y += line_h
        d.rectangle((left - 10, round(h * 0.33), left + width + 10, y + 10), outline=0, width=3)
    return im


def scan(page: Image.Image, rng: random.Random, *, strength: float = 1.0) -> bytes:
    """The page through a scanner, as JPEG bytes: turned, shifted, rescaled, grey paper,
    grain, blur. `strength` 0 is a clean scan, 1 the usual rescan."""
    angle = rng.uniform(-1.5, 1.5) * strength
    dx = round(rng.uniform(-0.02, 0.02) * page.width * strength)
    dy = round(rng.uniform(-0.02, 0.02) * page.height * strength)
    im = page.rotate(angle, resample=Image.Resampling.BICUBIC, translate=(dx, dy),
                     fillcolor=255)
    scale = 1.0 + rng.uniform(-0.25, 0.0) * strength  # scanned at 150-200 dpi
    if abs(scale - 1.0) > 1e-3:
        im = im.resize((round(im.width * scale), round(im.height * scale)),
                       Image.Resampling.LANCZOS)
    a = np.asarray(im, dtype=np.float32)
    paper, ink = rng.uniform(228, 250), rng.uniform(15, 60)
    a = ink + (paper - ink) * (a / 255.0)
    a += np.random.default_rng(rng.randrange(2**32)).normal(0, 3 + 5 * strength, a.shape)
    im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")
    blur = rng.uniform(0, 0.8) * strength
    if blur > 0.05:
        im = im.filter(ImageFilter.GaussianBlur(blur))
    buf = io.BytesIO()
    quality = round(90 - rng.uniform(0, 45) * strength)
    im.save(buf, "JPEG", quality=quality, dpi=(round(DPI * scale),) * 2)
    return buf.getvalue()
