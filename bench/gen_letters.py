"""Typed Indonesian letters with their exact text, for the OCR benchmark (`bench_ocr.py`).

    .venv/bin/python bench/gen_letters.py --out /tmp/letters [--seed 11] [--per-stratum 12]
    .venv/bin/python bench/gen_letters.py --out /tmp/letters --throughput 20

writes page images (PNG, JPEG) plus `truth.json` (stratum, font, dpi, skew, rotation, defects
and the ground-truth text of every page) and one `<name>.gt.txt` per page. Deterministic for a
seed: the same seed gives byte-identical images and texts on a machine with the same fonts.

Letters: complaints, requests, suggestions and thanks to a kelurahan/kecamatan or a service
office, with dates, RT/RW and house numbers, phone numbers, amounts, abbreviations and
punctuation; typed in one of several fonts (DejaVu, Liberation, FreeFont, whichever are
installed: `FONTS`), 10-12.5 pt, on A4 at 150, 200 or 300 dpi. The ground truth is the text
as laid out, one line per typed line.

Strata (`STRATA`):
* `clean`: upright and straight, printed ink on paper (not pure black/white), lossless PNG;
* `skew`: turned 1-10 degrees either way on the scanner glass;
* `rot90`, `rot180`, `rot270`: fed sideways or upside down (with up to 1.5 degrees of skew);
* `noise`: paper grain, speckle and dust;
* `blur`: out of focus (Gaussian, 0.07-0.14 mm);
* `jpeg`: heavy JPEG artefacts (quality 20-45);
* `combo`: skew up to 10 degrees, any quarter turn, and noise, blur and JPEG together.

Conventions (as in `gen_pages.py` and `kotaksaran.intake.cleanup.CleanedPage`): `skew` is the
angle by which the content was turned counter-clockwise; `rotation` the clockwise quarter turn
that makes the page upright again.
"""

from __future__ import annotations

import argparse
import io
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype"), Path("/usr/share/fonts/TTF"),
             Path("/usr/local/share/fonts")]
# (regular, bold) file names, in the order they are cycled through; a font that is not
# installed is left out (DejaVu comes with the app's system dependencies, the others with
# fonts-liberation2 and fonts-freefont-ttf).
FONTS: list[tuple[str, str]] = [
    ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    ("FreeSerif.ttf", "FreeSerifBold.ttf"),
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    ("FreeSans.ttf", "FreeSansBold.ttf"),
    ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"),
    ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf"),
]
DPIS = (150, 200, 300)
STRATA = ("clean", "skew", "rot90", "rot180", "rot270", "noise", "blur", "jpeg", "combo")
THROUGHPUT_KINDS = ("upright", "skewed", "rotated")
A4_MM = (210.0, 297.0)

# --- the words -------------------------------------------------------------------------------
KOTA = ["Batam", "Tanjungpinang", "Bintan", "Karimun", "Lingga"]
KELURAHAN = ["Sungai Panas", "Baloi Permai", "Teluk Tering", "Belian", "Tanjung Uma", "Sadai",
             "Bengkong Laut", "Tiban Indah", "Sei Harapan", "Patam Lestari", "Kibing",
             "Batu Selicin", "Tembesi", "Mangsang"]
KECAMATAN = ["Batam Kota", "Lubuk Baja", "Bengkong", "Sekupang", "Batu Aji", "Sagulung",
             "Nongsa", "Sei Beduk"]
NAMA = ["Siti Rahmawati", "Budi Santoso", "Agus Salim", "Dewi Lestari", "Rudi Hartono",
        "Nur Aini", "Hendra Gunawan", "Yuliana Putri", "Ahmad Fauzi", "Maria Ulfa",
        "Sri Wahyuni", "Joko Prasetyo", "Fitri Handayani", "Bambang Sutrisno", "Rina Marlina",
        "Yohanes Simanjuntak", "Putu Ayu Lestari", "Muhammad Rizki"]
JALAN = ["Merpati", "Kenanga", "Cendrawasih", "Flamboyan", "Seroja", "Anggrek", "Kutilang",
         "Raja Ali Haji", "Imam Bonjol", "Sudirman", "Engku Putri", "Laksamana Bintan"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
         "September", "Oktober", "November", "Desember"]
TUJUAN = [("Lurah {kel}", "Kantor Kelurahan {kel}"),
          ("Camat {kec}", "Kantor Camat {kec}"),
          ("Kepala Dinas Perhubungan", "Kota {kota}"),
          ("Kepala Dinas Lingkungan Hidup", "Kota {kota}"),
          ("Direktur RSUD", "Kota {kota}"),
          ("Kepala Puskesmas {kel}", "di {kel}")]
OPENINGS = [
    "Dengan hormat,",
    "Assalamualaikum warahmatullahi wabarakatuh,",
    "Dengan hormat, yang bertanda tangan di bawah ini:",
]
BODIES = [
    "Kami warga RT {rt}/RW {rw} Kelurahan {kel} ingin menyampaikan keluhan mengenai lampu "
    "penerangan jalan umum di Jalan {jalan} yang sudah padam sejak {tgl}. Pada malam hari "
    "jalan tersebut gelap sehingga rawan kecelakaan dan pencurian sepeda motor.",
    "Saluran drainase di depan rumah nomor {no} tersumbat sampah plastik dan lumpur. Setiap "
    "hujan deras air meluap setinggi {cm} cm dan masuk ke pekarangan warga. Kami sudah "
    "bergotong royong pada hari Minggu, namun sumbatan berada di gorong-gorong yang tertutup.",
    "Pengangkutan sampah di lingkungan kami tidak teratur. Petugas hanya datang satu kali "
    "dalam seminggu, padahal iuran kebersihan sebesar Rp{iuran} per bulan tetap ditagih. "
    "Tumpukan sampah menimbulkan bau tidak sedap serta mengundang lalat dan tikus.",
    "Pelayanan pembuatan surat keterangan domisili memerlukan waktu yang lama. Saya datang "
    "tiga kali ({tgl}, {tgl2} dan kemarin) karena berkas dinyatakan belum lengkap tanpa "
    "penjelasan tertulis mengenai persyaratan yang dibutuhkan.",
    "Jalan lingkungan di Gang {jalan} rusak dan berlubang sepanjang kurang lebih {m} meter. "
    "Anak-anak sekolah dan pengendara ojek sering terjatuh, terutama pada musim hujan ketika "
    "lubang tertutup genangan air.",
    "Antrean di loket pendaftaran puskesmas dimulai sejak pukul 06.30, sedangkan loket baru "
    "dibuka pukul 08.00. Pasien lanjut usia harus berdiri lama karena kursi di ruang tunggu "
    "hanya {kursi} buah.",
    "Kami mengusulkan agar jadwal pelayanan KTP elektronik diumumkan melalui papan informasi "
    "dan media sosial kelurahan, sehingga warga tidak perlu datang hanya untuk bertanya "
    "apakah blanko sudah tersedia.",
    "Pada tanggal {tgl} pipa air bersih di Jalan {jalan} bocor dan sampai hari ini belum "
    "diperbaiki. Tekanan air di rumah warga menjadi kecil, bahkan di blok {blok} air "
    "tidak mengalir sama sekali pada siang hari.",
    "Kami berterima kasih atas perbaikan jembatan penyeberangan di dekat SD Negeri {sd} yang "
    "selesai tepat waktu. Namun pagar pengaman di sisi timur belum dipasang kembali dan "
    "membahayakan murid yang menyeberang.",
    "Untuk keperluan konfirmasi, saya dapat dihubungi melalui nomor {hp} atau surat "
    "elektronik {email} pada hari kerja.",
]
CLOSINGS = [
    "Demikian surat ini kami sampaikan. Besar harapan kami agar keluhan ini dapat segera "
    "ditindaklanjuti. Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.",
    "Demikian permohonan ini saya sampaikan, atas perhatiannya saya ucapkan terima kasih.",
    "Atas perhatian Bapak/Ibu, kami mengucapkan terima kasih.",
]
PERIHAL = ["Pengaduan lampu jalan padam", "Permohonan perbaikan saluran air",
           "Keluhan pelayanan administrasi", "Saran perbaikan layanan",
           "Pengaduan jalan rusak", "Keluhan pengangkutan sampah", "Laporan kebocoran pipa"]


@dataclass
class Letter:
    """The rows of a letter: (text, alignment, bold), `None` for an empty row; a text
    "\x00<i>" stands for paragraph i, wrapped when the page is drawn."""
    rows: list[tuple[str, str, bool] | None] = field(default_factory=list)

    def add(self, text: str, align: str = "left", bold: bool = False) -> None:
        self.rows.append((text, align, bold))

    def gap(self, n: int = 1) -> None:
        self.rows.extend([None] * n)


def _fill(rng: random.Random) -> dict[str, str]:
    kel = rng.choice(KELURAHAN)
    first = rng.choice(NAMA).split()[0].lower()
    return {
        "rt": f"{rng.randint(1, 12):03d}", "rw": f"{rng.randint(1, 15):03d}", "kel": kel,
        "kec": rng.choice(KECAMATAN), "kota": rng.choice(KOTA), "jalan": rng.choice(JALAN),
        "no": str(rng.randint(2, 148)), "cm": str(rng.randint(20, 60)),
        "iuran": f"{rng.choice([15, 20, 25, 30, 35])}.000", "m": str(rng.randint(5, 40) * 10),
        "kursi": str(rng.randint(4, 12)), "blok": rng.choice("ABCDEFG") + str(rng.randint(1, 9)),
        "sd": f"{rng.randint(1, 40):03d}", "tgl": _date(rng), "tgl2": _date(rng),
        "hp": f"08{rng.randint(11, 13)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
        "email": f"{first}{rng.randint(10, 99)}@gmail.com",
    }


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(BULAN)} 20{rng.randint(24, 26)}"


def compose(rng: random.Random) -> tuple[Letter, list[str]]:
    """The rows of one letter and its paragraphs (wrapped when drawn)."""
    f = _fill(rng)
    let = Letter()
    paras: list[str] = []
    let.add(f"{f['kota']}, {f['tgl']}", "right")
    let.gap()
    let.add(f"Nomor   : {rng.randint(1, 99):02d}/RT.{f['rt']}/{rng.randint(2024, 2026)}")
    let.add(f"Perihal : {rng.choice(PERIHAL)}", bold=True)
    let.gap()
    to, where = rng.choice(TUJUAN)
    let.add("Kepada Yth.")
    let.add(f"Bapak/Ibu {to.format(**f)}", bold=True)
    let.add(where.format(**f))
    let.gap()
    let.add(rng.choice(OPENINGS))
    chosen = rng.sample(BODIES, rng.randint(2, 4))
    for p in [*chosen, rng.choice(CLOSINGS)]:
        let.add(f"\x00{len(paras)}")
        paras.append(p.format(**f))
        let.gap()
    let.gap()
    let.add("Hormat kami,", "sign")
    let.gap(2)
    let.add(rng.choice(NAMA), "sign", bold=True)
    let.add(f"Warga RT {f['rt']}/RW {f['rw']}", "sign")
    return let, paras


def available_fonts() -> list[tuple[Path, Path]]:
    """(regular, bold) paths of the `FONTS` installed here, in `FONTS` order."""
    out = []
    for reg, bold in FONTS:
        for d in FONT_DIRS:
            hits = sorted(d.rglob(reg)) if d.is_dir() else []
            if hits:
                b = sorted(hits[0].parent.glob(bold))
                out.append((hits[0], b[0] if b else hits[0]))
                break
    if not out:
        raise SystemExit("gen_letters: none of the fonts in FONTS is installed "
                         "(apt-get install fonts-dejavu-core)")
    return out


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont,
          width: float) -> list[str]:
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and draw.textlength(trial, font=font) > width:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    if cur:
        lines.append(cur)
    return lines


def render(rng: random.Random, dpi: int, font: tuple[Path, Path]) -> tuple[Image.Image, str]:
    """An upright, clean A4 letter in grayscale "L" (pure black on white) and its text."""
    letter, paras = compose(rng)
    w, h = (round(mm / 25.4 * dpi) for mm in A4_MM)
    img = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(img)
    pt = rng.uniform(10.0, 12.5)
    px = round(pt * dpi / 72)
    regular = ImageFont.truetype(str(font[0]), px)
    bold = ImageFont.truetype(str(font[1]), px)
    margin = round(rng.uniform(22, 28) / 25.4 * dpi)
    lh = round(px * rng.uniform(1.3, 1.5))
    width = w - 2 * margin
    sign_x = w - margin - round(65 / 25.4 * dpi)
    truth: list[str] = []
    y = margin
    bottom = h - margin - lh
    for row in letter.rows:
        if y > bottom:
            break
        if row is None:
            y += lh // 2 if truth and truth[-1] == "" else lh
            if truth and truth[-1] != "":
                truth.append("")
            continue
        text, align, is_bold = row
        f = bold if is_bold else regular
        lines = (_wrap(d, paras[int(text[1:])], f, width) if text.startswith("\x00")
                 else [text])
        for line in lines:
            if y > bottom:
                break
            x = {"left": margin, "sign": sign_x,
                 "right": w - margin - d.textlength(line, font=f)}[align]
            d.text((x, y), line, font=f, fill=0)
            truth.append(line)
            y += lh
    return img, "\n".join(truth).strip("\n")


# --- what the scanner and the paper do -------------------------------------------------------
def ink(img: Image.Image, rng: random.Random) -> Image.Image:
    """Printed ink is not pure black, paper not pure white."""
    a = np.asarray(img, dtype=np.float32)
    lo, hi = rng.uniform(15, 50), rng.uniform(228, 250)
    return Image.fromarray((lo + a / 255.0 * (hi - lo)).round().astype(np.uint8))


def turn(img: Image.Image, skew: float, rotation: int, lid: int = 248) -> Image.Image:
    """Content turned `skew` degrees counter-clockwise on a canvas that holds it all (the white
    scanner lid around), then a counter-clockwise quarter turn of `rotation`."""
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=lid)
    if rotation:
        img = img.rotate(rotation, expand=True)
    return img


def noise(img: Image.Image, rng: random.Random, dpi: int, grain: float,
          speckle: float) -> Image.Image:
    """Paper grain (Gaussian, `grain` grey levels), black speckle (`speckle` of the pixels)
    and a few dust specks ~0.2 mm wide."""
    nrng = np.random.default_rng(rng.randrange(2**32))
    a = np.asarray(img, dtype=np.float32)
    a = a + nrng.normal(0.0, grain, a.shape).astype(np.float32)
    n = int(a.size * speckle)
    ys, xs = nrng.integers(0, a.shape[0], n), nrng.integers(0, a.shape[1], n)
    a[ys, xs] = nrng.integers(0, 110, n)
    s = max(1, round(0.2 * dpi / 25.4))
    for _ in range(n // 40):
        y, x = int(nrng.integers(0, a.shape[0] - s)), int(nrng.integers(0, a.shape[1] - s))
        a[y:y + s, x:x + s] = 70
    return Image.fromarray(np.clip(a, 0, 255).round().astype(np.uint8))


def blur(img: Image.Image, dpi: int, sigma_mm: float) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(sigma_mm * dpi / 25.4))


def jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    out = Image.open(io.BytesIO(buf.getvalue()))
    out.load()
    return out


@dataclass
class Sample:
    name: str
    stratum: str
    dpi: int
    font: str
    text: str  # ground truth, one line per typed line
    skew: float = 0.0
    rotation: int = 0  # clockwise quarter turn that makes the page upright
    grain: float = 0.0
    speckle: float = 0.0
    blur_mm: float = 0.0
    jpeg_quality: int | None = None  # artefacts baked into the image
    fmt: str = "png"  # how the file is written: png (lossless) or jpg (quality 92)
    image: Image.Image | None = field(default=None, repr=False, compare=False)

    def truth(self) -> dict[str, object]:
        d = asdict(self)
        d.pop("image")
        d["file"] = f"{self.name}.{self.fmt}"
        return d


def _defects(stratum: str, rng: random.Random) -> dict[str, object]:
    """The defects of one page of a stratum (drawn from `rng`)."""
    sign = rng.choice([-1, 1])
    if stratum == "clean":
        return {}
    if stratum == "skew":
        return {"skew": round(sign * rng.uniform(1.0, 10.0), 2)}
    if stratum.startswith("rot"):
        return {"skew": round(sign * rng.uniform(0.0, 1.5), 2), "rotation": int(stratum[3:])}
    if stratum == "noise":
        return {"grain": round(rng.uniform(5, 12), 1),
                "speckle": round(rng.uniform(2e-4, 1.5e-3), 5)}
    if stratum == "blur":
        return {"blur_mm": round(rng.uniform(0.07, 0.14), 3)}
    if stratum == "jpeg":
        return {"jpeg_quality": rng.randint(20, 45), "fmt": "jpg"}
    if stratum == "combo":
        return {"skew": round(sign * rng.uniform(0.0, 10.0), 2),
                "rotation": rng.choice([0, 90, 180, 270]),
                "grain": round(rng.uniform(3, 8), 1),
                "speckle": round(rng.uniform(1e-4, 6e-4), 5),
                "blur_mm": round(rng.uniform(0.04, 0.1), 3),
                "jpeg_quality": rng.randint(40, 70), "fmt": "jpg"}
    raise ValueError(f"unknown stratum {stratum!r}")


def make_page(name: str, stratum: str, seed: int, dpi: int, font: tuple[Path, Path],
              defects: dict[str, object] | None = None) -> Sample:
    """One page: the letter from `seed`, then the stratum's defects (drawn from the same seed
    unless given)."""
    rng = random.Random(seed)
    clean, text = render(rng, dpi, font)
    d = _defects(stratum, rng) if defects is None else defects
    s = Sample(name, stratum, dpi, font[0].stem, text, **d)  # type: ignore[arg-type]
    img = ink(clean, rng)
    img = turn(img, s.skew, s.rotation)
    if s.blur_mm:
        img = blur(img, dpi, s.blur_mm)
    if s.grain or s.speckle:
        img = noise(img, rng, dpi, s.grain, s.speckle)
    if s.jpeg_quality is not None:
        img = jpeg(img, s.jpeg_quality)
    s.image = img  # turned counter-clockwise by `rotation`: a clockwise turn undoes it
    return s


def accuracy_set(seed: int = 11, per_stratum: int = 12,
                 strata: tuple[str, ...] = STRATA) -> list[Sample]:
    """`per_stratum` pages of every stratum; dpi cycles 150/200/300 and the font through the
    installed ones (each stratum starting one further), so every stratum has the same mix
    when `per_stratum` is a multiple of 3 and of the number of fonts."""
    fonts = available_fonts()
    out = []
    for si, stratum in enumerate(STRATA):
        if stratum not in strata:
            continue
        for i in range(per_stratum):
            dpi = DPIS[(i + si) % len(DPIS)]
            font = fonts[(i + si) % len(fonts)]
            out.append(make_page(f"{stratum}_{i:02d}_{dpi}", stratum,
                                 seed * 100_003 + si * 1_009 + i, dpi, font))
    return out


def throughput_set(kind: str, n: int = 20, seed: int = 11) -> list[Sample]:
    """`n` A4 pages at 300 dpi, written as scanners do (JPEG): `upright` (straight), `skewed`
    (1-10 degrees either way) or `rotated` (90/180/270, up to 1.5 degrees of skew)."""
    fonts = available_fonts()
    k = THROUGHPUT_KINDS.index(kind)
    out = []
    for i in range(n):
        rng = random.Random(seed * 7_919 + k * 101 + i)
        if kind == "upright":
            stratum, d = "clean", {}
        elif kind == "skewed":
            stratum, d = "skew", _defects("skew", rng)
        else:
            stratum = f"rot{(90, 180, 270)[i % 3]}"
            d = _defects(stratum, rng)
        out.append(make_page(f"{kind}_{i:02d}", stratum, seed * 7_919 + k * 101 + i, 300,
                             fonts[i % len(fonts)], {**d, "fmt": "jpg"}))
    return out


def write(folder: Path, samples: list[Sample]) -> list[Path]:
    """Write the pages (with their dpi) and the truth: `truth.json` and `<name>.gt.txt`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in samples:
        assert s.image is not None
        path = folder / f"{s.name}.{s.fmt}"
        if s.fmt == "jpg":
            s.image.save(path, "JPEG", quality=92, dpi=(s.dpi, s.dpi))
        else:
            s.image.save(path, "PNG", dpi=(s.dpi, s.dpi))
        (folder / f"{s.name}.gt.txt").write_text(s.text + "\n", encoding="utf-8")
        paths.append(path)
    (folder / "truth.json").write_text(
        json.dumps([s.truth() for s in samples], indent=1, ensure_ascii=False),
        encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--per-stratum", type=int, default=12)
    ap.add_argument("--strata", default=",".join(STRATA),
                    help="comma-separated subset of: " + ", ".join(STRATA))
    ap.add_argument("--throughput", type=int, default=0, metavar="N",
                    help="write the three throughput sets of N pages instead (300 dpi, JPEG)")
    args = ap.parse_args(argv)
    if args.throughput:
        for kind in THROUGHPUT_KINDS:
            paths = write(args.out / kind, throughput_set(kind, args.throughput, args.seed))
            print(f"wrote {len(paths)} {kind} pages to {args.out / kind}")
        return
    strata = tuple(s for s in args.strata.split(",") if s)
    unknown = set(strata) - set(STRATA)
    if unknown:
        ap.error(f"unknown strata: {', '.join(sorted(unknown))}")
    samples = accuracy_set(args.seed, args.per_stratum, strata)
    paths = write(args.out, samples)
    total = sum(p.stat().st_size for p in paths)
    print(f"wrote {len(paths)} pages ({total / 1e6:.1f} MB) and truth.json to {args.out}")


if __name__ == "__main__":
    main()
