"""Synthetic scanned pages and phone photos with known defects, for the cleanup benchmark.

    .venv/bin/python bench/gen_pages.py --out /tmp/pages [--n 50] [--seed 7]

writes the 50-page mixed set (JPEG, PNG and TIFF files) plus `truth.json` (skew, rotation,
sheet corners, blank) to a folder. Everything is deterministic for a given seed. Imported by
`bench_cleanup.py` and the cleanup tests (no Qt, no database).

Conventions (the same as `kotaksaran.intake.cleanup.CleanedPage`):
* `skew` is the angle in degrees by which the page content was turned counter-clockwise;
* `rotation` is the clockwise turn (0/90/180/270) that makes the page upright again;
* `corners` are the sheet's corners in the photo, in pixels, upright TL, TR, BR, BL order.
"""

from __future__ import annotations

import argparse
import io
import json
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ["DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansCondensed.ttf", "DejaVuSerif.ttf",
         "DejaVuSans.ttf"]
HAND_FONTS = ["DejaVuSans-Oblique.ttf", "DejaVuSerifCondensed-Italic.ttf",
              "DejaVuSansCondensed-Oblique.ttf"]
A4_MM = (210.0, 297.0)
A5_MM = (148.0, 210.0)

KELURAHAN = ["Sungai Panas", "Baloi Permai", "Teluk Tering", "Belian", "Tanjung Uma",
             "Sadai", "Bengkong Laut", "Tiban Indah", "Sei Harapan", "Patam Lestari"]
NAMES = ["Siti Rahmawati", "Budi Santoso", "Agus Salim", "Dewi Lestari", "Rudi Hartono",
         "Nur Aini", "Hendra Gunawan", "Yuliana Putri", "Ahmad Fauzi", "Maria Ulfa"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
PARAS = [
    "Dengan hormat, bersama surat ini kami warga RT {rt}/RW {rw} menyampaikan keluhan "
    "mengenai lampu penerangan jalan umum di Jalan {jalan} yang sudah padam selama kurang "
    "lebih tiga minggu. Pada malam hari jalan tersebut sangat gelap sehingga rawan terjadi "
    "kecelakaan dan tindak kejahatan.",
    "Selain itu, saluran drainase di depan rumah nomor {no} tersumbat oleh sampah dan lumpur. "
    "Setiap kali hujan deras air meluap ke jalan dan masuk ke pekarangan warga. Kami sudah "
    "bergotong royong membersihkannya, namun sumbatan berada di gorong-gorong yang tertutup.",
    "Kami juga mohon perhatian terhadap pengangkutan sampah yang tidak teratur. Petugas "
    "kebersihan hanya datang satu kali dalam seminggu, padahal sebelumnya dua kali. Tumpukan "
    "sampah menimbulkan bau tidak sedap dan mengundang lalat serta tikus.",
    "Pelayanan pembuatan surat keterangan domisili di kantor kelurahan memerlukan waktu yang "
    "lama. Kami harus datang berulang kali karena berkas dinyatakan belum lengkap tanpa "
    "penjelasan yang jelas mengenai persyaratan yang dibutuhkan.",
    "Jalan lingkungan di Gang {jalan} rusak berat dan berlubang sepanjang kurang lebih "
    "{no}0 meter. Anak-anak sekolah dan pengendara sepeda motor sering terjatuh, terutama "
    "pada musim hujan ketika lubang tertutup genangan air.",
    "Demikian surat ini kami sampaikan. Besar harapan kami agar keluhan ini dapat segera "
    "ditindaklanjuti oleh instansi terkait. Atas perhatian dan kerja sama Bapak/Ibu, kami "
    "ucapkan terima kasih.",
]
JALAN = ["Merpati", "Kenanga", "Cendrawasih", "Flamboyan", "Seroja", "Anggrek", "Kutilang"]


@dataclass
class GenPage:
    name: str
    image: Image.Image
    dpi: int
    kind: str  # scan | rotated | photo | blank | near_blank | photo_like | lowres
    skew: float = 0.0
    rotation: int = 0
    corners: list[tuple[float, float]] | None = None
    blank: bool = False
    border: bool = False


def _font(name: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_DIR / name), px)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: int) -> list[str]:
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            cur = trial
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def letter(rng: random.Random, dpi: int = 300, paper: tuple[float, float] = A4_MM,
           paragraphs: int | None = None) -> Image.Image:
    """An upright, clean Indonesian complaint letter as grayscale "L" at `dpi`."""
    w, h = (round(mm / 25.4 * dpi) for mm in paper)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    pt = rng.uniform(10.5, 13.0)
    fname = rng.choice(FONTS)
    font = _font(fname, round(pt * dpi / 72))
    bold = _font(fname.replace(".ttf", "-Bold.ttf"), round((pt + 1) * dpi / 72))
    margin = round(rng.uniform(20, 28) / 25.4 * dpi)
    lh = round(pt * dpi / 72 * rng.uniform(1.35, 1.6))
    x, y = margin, margin
    day = rng.randint(1, 28)
    date = f"Batam, {day} {rng.choice(BULAN)} 202{rng.randint(4, 6)}"
    d.text((w - margin - d.textlength(date, font=font), y), date, font=font, fill=0)
    y += 2 * lh
    kel = rng.choice(KELURAHAN)
    for line, f in ((f"Kepada Yth. Lurah {kel}", bold), ("di", font), ("   Tempat", font)):
        d.text((x, y), line, font=f, fill=0)
        y += lh
    y += lh
    d.text((x, y), f"Perihal: Pengaduan warga RT {rng.randint(1, 9):02d}/RW "
                   f"{rng.randint(1, 15):02d}", font=bold, fill=0)
    y += 2 * lh
    fill = {"rt": f"{rng.randint(1, 9):02d}", "rw": f"{rng.randint(1, 15):02d}",
            "jalan": rng.choice(JALAN), "no": str(rng.randint(2, 48))}
    n = paragraphs if paragraphs is not None else rng.randint(2, 4)
    chosen = [*rng.sample(PARAS[:-1], min(n, len(PARAS) - 1)), PARAS[-1]]
    for para in chosen:
        for line in _wrap(d, para.format(**fill), font, w - 2 * margin):
            if y > h - margin - 4 * lh:
                break
            d.text((x, y), line, font=font, fill=0)
            y += lh
        y += lh // 2
    y = min(y + lh, h - margin - 3 * lh)
    sx = w - margin - round(70 / 25.4 * dpi)
    d.text((sx, y), "Hormat kami,", font=font, fill=0)
    d.text((sx, y + 2 * lh), rng.choice(NAMES), font=bold, fill=0)
    return img


def _ink(img: Image.Image, rng: random.Random) -> Image.Image:
    """Printed ink is not pure black, paper not pure white."""
    a = np.asarray(img, dtype=np.float32)
    lo, hi = rng.uniform(10, 45), rng.uniform(235, 252)
    return Image.fromarray((lo + a / 255.0 * (hi - lo)).astype(np.uint8))


def degrade(img: Image.Image, rng: random.Random, *, speckle: float = 0.0,
            blur: float = 0.0, jpeg: int | None = None) -> Image.Image:
    if blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(blur))
    if speckle > 0:
        a = np.array(img)
        nrng = np.random.default_rng(rng.randrange(2**31))
        n = int(a.size * speckle)
        ys = nrng.integers(0, a.shape[0], n)
        xs = nrng.integers(0, a.shape[1], n)
        a[ys, xs] = nrng.integers(0, 120, n).astype(np.uint8)
        # a few bigger dust specks (2-3 px)
        for _ in range(n // 50):
            yy, xx = int(nrng.integers(0, a.shape[0] - 3)), int(nrng.integers(0, a.shape[1] - 3))
            a[yy:yy + 2, xx:xx + 3] = 60
        img = Image.fromarray(a)
    if jpeg is not None:
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=jpeg)
        img = Image.open(io.BytesIO(buf.getvalue()))
        img.load()
    return img


def scan(page: Image.Image, rng: random.Random, *, skew: float = 0.0, rotation: int = 0,
         border: bool = False, speckle: float = 0.0, blur: float = 0.0,
         jpeg: int | None = None) -> Image.Image:
    """The page as a flatbed/ADF would deliver it: turned by `skew` degrees counter-clockwise
    (same canvas size, white scanner lid, or a dark lid/border when `border`), then turned
    `rotation` degrees counter-clockwise (fed sideways or upside down)."""
    img = _ink(page, rng)
    bg = rng.randint(20, 60) if border else 250
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=bg)
    if border:  # the page lies a little off the glass: dark bands on two or three sides
        w, h = img.size
        dx, dy = rng.randint(20, 90), rng.randint(20, 90)
        canvas = Image.new("L", (w, h), bg)
        canvas.paste(img.crop((0, 0, w - dx, h - dy)),
                     (dx if rng.random() < 0.5 else 0, dy if rng.random() < 0.5 else 0))
        img = canvas
        if rng.random() < 0.6:  # a thin dark strip along one more side
            a = np.array(img)
            s = rng.randint(15, 50)
            a[:, -s:] = bg if rng.random() < 0.5 else a[:, -s:]
            a[-s:, :] = bg
            img = Image.fromarray(a)
    if rotation:
        img = img.rotate(rotation, expand=True)
    return degrade(img, rng, speckle=speckle, blur=blur, jpeg=jpeg)


def blank_sheet(rng: random.Random, dpi: int = 300, *, speckle: float = 2e-4,
                jpeg: int | None = 80) -> Image.Image:
    """A separator sheet: white with faint grain, speckle and a few dust specks."""
    w, h = (round(mm / 25.4 * dpi) for mm in A4_MM)
    nrng = np.random.default_rng(rng.randrange(2**31))
    a = np.clip(nrng.normal(rng.uniform(236, 250), 3.0, (h, w)), 0, 255).astype(np.uint8)
    img = Image.fromarray(a)
    return degrade(img, rng, speckle=speckle, jpeg=jpeg)


def near_blank(rng: random.Random, dpi: int = 300) -> Image.Image:
    """A nearly empty slip: one short handwritten-looking line somewhere on the sheet."""
    img = blank_sheet(rng, dpi, jpeg=None)
    d = ImageDraw.Draw(img)
    text = rng.choice(["Lampu jalan mati", "Tolong diperbaiki", "Sampah menumpuk",
                       "Terima kasih", "Jalan rusak", "RT 03 / RW 07"])
    font = _font(rng.choice(HAND_FONTS), round(rng.uniform(14, 22) * dpi / 72))
    x = rng.randint(dpi // 2, img.width // 2)
    y = rng.randint(dpi // 2, img.height - dpi)
    d.text((x, y), text, font=font, fill=rng.randint(40, 90))
    return degrade(img, rng, jpeg=85)


def photo_like(rng: random.Random, dpi: int = 300) -> Image.Image:
    """A letter with a large continuous-tone picture (a printed photo of the broken road)."""
    page = letter(rng, dpi, paragraphs=1)
    w, h = page.size
    pw, ph = w - 2 * dpi, h // 3
    nrng = np.random.default_rng(rng.randrange(2**31))
    small = nrng.normal(128, 50, (ph // 40, pw // 40)).astype(np.float32)
    pic = cv2.resize(small, (pw, ph), interpolation=cv2.INTER_CUBIC)
    yy, xx = np.mgrid[0:ph, 0:pw]
    pic += 40 * np.sin(xx / 90.0) * np.cos(yy / 130.0)
    pic = np.clip(pic, 30, 225).astype(np.uint8)
    a = np.array(page)
    a[h - ph - dpi: h - dpi, dpi: dpi + pw] = pic
    return _ink(Image.fromarray(a), rng)


def _desk(rng: random.Random, size: tuple[int, int]) -> np.ndarray:
    """A textured, coloured tabletop (wood, laminate, cloth), RGB float32 (drawn at half
    size and enlarged, plus fine grain)."""
    w, h = size
    hw, hh = max(1, w // 2), max(1, h // 2)
    nrng = np.random.default_rng(rng.randrange(2**31))
    base = np.array(rng.choice([(120, 80, 45), (95, 60, 35), (70, 70, 75), (40, 90, 60),
                                (50, 70, 120), (140, 110, 80), (105, 105, 100),
                                (150, 60, 40)]), np.float32)
    yy, xx = np.mgrid[0:hh, 0:hw].astype(np.float32)
    ang = rng.uniform(0, np.pi)
    t = xx * np.cos(ang) + yy * np.sin(ang)
    grain = np.sin(t / rng.uniform(3, 10) + 3 * np.sin(t / 150.0)) * rng.uniform(4, 14)
    low = cv2.resize(nrng.normal(0, 18, (hh // 32 + 1, hw // 32 + 1)).astype(np.float32),
                     (hw, hh), interpolation=cv2.INTER_CUBIC)
    tex = cv2.resize(grain + low, (w, h), interpolation=cv2.INTER_LINEAR)
    tex += nrng.normal(0, 6, (h, w)).astype(np.float32)
    desk: np.ndarray = base[None, None, :] + tex[..., None] * (base[None, None, :] / base.mean())
    return desk


def phone_photo(page: Image.Image, rng: random.Random, *,
                size: tuple[int, int] = (2448, 3264)) -> tuple[Image.Image,
                                                               list[tuple[float, float]]]:
    """The page lying on a desk, photographed at an angle: perspective, desk texture, uneven
    light, slight blur, JPEG. Returns the RGB photo and the true sheet corners (TL, TR, BR,
    BL of the upright page) in photo pixels."""
    w, h = size
    pw, ph = page.size
    scale = rng.uniform(0.62, 0.82) * min(w / pw, h / ph)
    cw, ch = pw * scale, ph * scale
    cx, cy = w / 2 + rng.uniform(-0.06, 0.06) * w, h / 2 + rng.uniform(-0.05, 0.05) * h
    rot = np.deg2rad(rng.uniform(-10, 10))
    base = np.array([(-cw / 2, -ch / 2), (cw / 2, -ch / 2), (cw / 2, ch / 2), (-cw / 2, ch / 2)])
    # perspective: one edge (the far one) shorter, plus corner jitter
    far = rng.uniform(0.0, 0.14)
    side = rng.choice(["top", "top", "left", "right", "bottom"])
    if side == "top":
        base[0, 0] *= 1 - far
        base[1, 0] *= 1 - far
    elif side == "bottom":
        base[2, 0] *= 1 - far
        base[3, 0] *= 1 - far
    elif side == "left":
        base[0, 1] *= 1 - far
        base[3, 1] *= 1 - far
    else:
        base[1, 1] *= 1 - far
        base[2, 1] *= 1 - far
    base += np.array([[rng.uniform(-0.03, 0.03) * cw, rng.uniform(-0.03, 0.03) * ch]
                      for _ in range(4)])
    c, s = np.cos(rot), np.sin(rot)
    dst = np.array([(cx + x * c - y * s, cy + x * s + y * c) for x, y in base], np.float32)
    margin = 0.02 * min(w, h)
    dst[:, 0] = np.clip(dst[:, 0], margin, w - margin)
    dst[:, 1] = np.clip(dst[:, 1], margin, h - margin)
    src = np.array([(0, 0), (pw, 0), (pw, ph), (0, ph)], np.float32)
    m = cv2.getPerspectiveTransform(src, dst)
    tint = np.array([rng.uniform(238, 252), rng.uniform(236, 250), rng.uniform(228, 246)],
                    np.float32)
    paper = np.asarray(_ink(page, rng), np.float32)[..., None] / 255.0 * tint[None, None, :]
    warped = cv2.warpPerspective(paper, m, (w, h), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((ph, pw), np.float32), m, (w, h),
                               flags=cv2.INTER_LINEAR)[..., None]
    out = _desk(rng, (w, h)) * (1 - mask) + warped * mask
    # uneven light: a linear gradient plus a vignette
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    g = rng.uniform(0.25, 0.4)
    ang = rng.uniform(0, 2 * np.pi)
    t = ((xx - w / 2) * np.cos(ang) + (yy - h / 2) * np.sin(ang)) / max(w, h)
    r2 = ((xx - w / 2) ** 2 + (yy - h / 2) ** 2) / (max(w, h) / 2) ** 2
    light = (1.0 - g / 2 + g * (t + 0.5)) * (1 - 0.12 * r2)
    out = out * light[..., None]
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.8, 1.6))
    nrng = np.random.default_rng(rng.randrange(2**31))
    out += nrng.normal(0, 3, out.shape).astype(np.float32)
    img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8), "RGB")
    if rng.random() < 0.5:  # landscape shot: the phone was held sideways
        img = img.transpose(Image.Transpose.ROTATE_90)  # counter-clockwise
        dst = np.array([(y, w - x) for x, y in dst], np.float32)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=rng.randint(80, 92))
    photo = Image.open(io.BytesIO(buf.getvalue()))
    photo.load()
    return photo, [(float(x), float(y)) for x, y in dst]


def skewed_scan(rng: random.Random, angle: float, dpi: int = 300,
                **kw: object) -> GenPage:
    page = letter(rng, dpi)
    return GenPage(f"skew_{angle:+.1f}", scan(page, rng, skew=angle, **kw),  # type: ignore[arg-type]
                   dpi, "scan", skew=angle)


def mixed_set(seed: int = 7, n: int = 50) -> list[GenPage]:
    """The import benchmark's mixed batch: mostly 300-dpi scans skewed 0-10 degrees (JPEG, some
    with dark borders, speckle, blur), some upside down or sideways, phone photos, a few 150/200
    dpi pages, blank separators."""
    rng = random.Random(seed)
    kinds = (["scan"] * 27 + ["upside"] * 6 + ["sideways"] * 3 + ["photo"] * 7
             + ["lowres"] * 4 + ["blank"] * 3)
    while len(kinds) < n:
        kinds.append("scan")
    rng.shuffle(kinds)
    kinds = kinds[:n]  # a shorter set keeps the mix
    out: list[GenPage] = []
    for i, kind in enumerate(kinds):
        name = f"p{i:02d}_{kind}"
        skew = round(rng.uniform(0, 10) * rng.choice([-1, 1]), 2)
        noise = {"speckle": rng.choice([0.0, 0.0, 1e-4, 3e-4]),
                 "blur": rng.choice([0.0, 0.0, 0.6, 1.0]), "jpeg": rng.choice([60, 75, 90])}
        if kind == "blank":
            out.append(GenPage(name, blank_sheet(rng), 300, "blank", blank=True))
        elif kind == "photo":
            photo, corners = phone_photo(letter(rng), rng)
            out.append(GenPage(name, photo, 300, "photo", corners=corners))
        elif kind == "lowres":
            dpi = rng.choice([150, 200])
            img = scan(letter(rng, dpi), rng, skew=skew, **noise)  # type: ignore[arg-type]
            out.append(GenPage(name, img, dpi, "lowres", skew=skew))
        else:
            rot = {"scan": 0, "upside": 180, "sideways": rng.choice([90, 270])}[kind]
            border = kind == "scan" and rng.random() < 0.3
            img = scan(letter(rng), rng, skew=skew, rotation=rot, border=border,
                       **noise)  # type: ignore[arg-type]
            out.append(GenPage(name, img, 300, kind if rot == 0 else "rotated", skew=skew,
                               rotation=rot, border=border))
    return out


def write_set(folder: Path, pages: list[GenPage]) -> list[Path]:
    """Write pages as files the importer reads (JPEG, PNG, TIFF in turn; photos as JPEG),
    with `truth.json` beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    truth = []
    for i, p in enumerate(pages):
        fmt = "jpg" if p.kind == "photo" else ["jpg", "png", "tif", "jpg"][i % 4]
        path = folder / f"{p.name}.{fmt}"
        if fmt == "jpg":
            p.image.save(path, "JPEG", quality=85, dpi=(p.dpi, p.dpi))
        elif fmt == "png":
            p.image.save(path, "PNG", dpi=(p.dpi, p.dpi), optimize=False)
        else:
            p.image.save(path, "TIFF", compression="tiff_lzw", dpi=(p.dpi, p.dpi))
        paths.append(path)
        truth.append({"file": path.name, "kind": p.kind, "dpi": p.dpi, "skew": p.skew,
                      "rotation": p.rotation, "corners": p.corners, "blank": p.blank})
    (folder / "truth.json").write_text(json.dumps(truth, indent=1))
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    paths = write_set(args.out, mixed_set(args.seed, args.n))
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} pages ({total / 1e6:.1f} MB) to {args.out}")


if __name__ == "__main__":
    main()
