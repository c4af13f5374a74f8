"""Realistic Indonesian suggestion-box slips for demo data and tests (Kota Batam setting).

Pure Python: every random choice comes from the caller's ``random.Random``; codes come from the
seed files, so each category and agency code produced exists there."""

from __future__ import annotations

import functools
import random
import re
from dataclasses import dataclass

from kotaksaran.domain.demo_templates import (
    _CLOSINGS,
    _IDENTITY_SENTENCES,
    _INFORMAL,
    _OPENINGS,
    _TEMPLATES,
    CLASSIFICATIONS,
    PERMINTAAN_INFORMASI,
    Classification,
)
from kotaksaran.domain.seed import SeedAgency, iter_categories, load_seed

MAX_TITLE_LENGTH = 150


@dataclass(frozen=True)
class DemoReporter:
    """Who wrote the slip, as far as the slip tells; any field but the name may be missing."""

    name: str
    nik: str | None
    phone: str | None
    email: str | None
    address: str | None


@dataclass(frozen=True)
class DemoSlip:
    """One generated paper slip, already sorted into the fields of a LAPOR! report."""

    classification: Classification
    title: str
    body: str
    event_date_offset_days: int
    location: str
    category_code: str
    agency_code: str | None
    anonim: bool
    rahasia: bool
    reporter: DemoReporter | None


# --- Places -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Area:
    kelurahan: str
    kecamatan: str
    streets: tuple[str, ...]
    housing: tuple[str, ...]
    landmarks: tuple[str, ...]
    junction: str
    market: str
    puskesmas: str


_AREAS: tuple[_Area, ...] = (
    _Area(
        "Batu Selicin",
        "Lubuk Baja",
        ("Jl. Imam Bonjol", "Jl. Raden Patah", "Jl. Teuku Umar"),
        ("Komplek Bumi Indah", "Perumahan Batu Selicin Permai"),
        ("Nagoya Hill", "Pasar Penuin", "Masjid Al-Ikhlas"),
        "simpang Pasar Penuin",
        "Pasar Penuin",
        "Puskesmas Lubuk Baja",
    ),
    _Area(
        "Sei Panas",
        "Batam Kota",
        ("Jl. Laksamana Bintan", "Jl. Raja Haji Fisabilillah", "Jl. Sei Panas"),
        ("Perumahan Anggrek Mas", "Perumahan Sei Panas Indah"),
        ("Simpang Frengky", "SPBU Sei Panas", "Masjid Nurul Iman"),
        "Simpang Frengky",
        "Pasar Sei Panas",
        "Puskesmas Sei Panas",
    ),
    _Area(
        "Baloi Permai",
        "Batam Kota",
        ("Jl. Ahmad Yani", "Jl. Raja Haji Fisabilillah", "Jl. Baloi Permai"),
        ("Perumahan Puri Legenda", "Perumahan Legenda Malaka"),
        ("Simpang Jam", "Kantor Camat Batam Kota", "lapangan bola Baloi"),
        "Simpang Jam",
        "Pasar Mitra Raya",
        "Puskesmas Baloi Permai",
    ),
    _Area(
        "Belian",
        "Batam Kota",
        ("Jl. Engku Putri", "Jl. Ahmad Yani", "Jl. Raja Isa"),
        ("Perumahan Bida Asri", "Perumahan Taman Raya", "Perumahan Villa Hang Lekir"),
        ("Kepri Mall", "Masjid Raya Batam", "Alfamart Bida Asri"),
        "simpang Kepri Mall",
        "Pasar Mitra Raya",
        "Puskesmas Belian",
    ),
    _Area(
        "Tiban Indah",
        "Sekupang",
        ("Jl. Gajah Mada", "Jl. Tiban Raya", "Jl. Tiban Indah"),
        ("Perumahan Tiban Indah Permai", "Perumahan Tiban Mas"),
        ("Tiban Center", "Indomaret Tiban", "Gereja HKBP Tiban"),
        "simpang Tiban Center",
        "Pasar Tiban Center",
        "Puskesmas Tiban Baru",
    ),
    _Area(
        "Sungai Langkai",
        "Sagulung",
        ("Jl. Letjen R. Suprapto", "Jl. Sei Langkai", "Jl. Sagulung Baru"),
        ("Perumahan Griya Permata Sagulung", "Perumahan Sagulung Baru"),
        ("Top 100 Tembesi", "pangkalan ojek Sei Langkai", "Musala Al-Falah"),
        "simpang Top 100 Tembesi",
        "Pasar Sagulung",
        "Puskesmas Sei Langkai",
    ),
    _Area(
        "Bukit Tempayan",
        "Batu Aji",
        ("Jl. Letjen R. Suprapto", "Jl. Brigjen Katamso", "Jl. Bukit Tempayan"),
        ("Perumahan Bukit Tempayan Permai", "Perumahan Griya Batu Aji Asri"),
        ("Pasar Aviari", "RSUD Embung Fatimah", "Indomaret Batu Aji"),
        "simpang Pasar Aviari",
        "Pasar Aviari",
        "Puskesmas Batu Aji",
    ),
)

# Kemendagri district codes inside Kota Batam (21.71.xx), used in the NIK.
_KECAMATAN_CODES: dict[str, str] = {
    "Belakang Padang": "01",
    "Batu Ampar": "02",
    "Sekupang": "03",
    "Nongsa": "04",
    "Bulang": "05",
    "Lubuk Baja": "06",
    "Sei Beduk": "07",
    "Galang": "08",
    "Bengkong": "09",
    "Batam Kota": "10",
    "Sagulung": "11",
    "Batu Aji": "12",
}
# Many Batam residents still carry the NIK of their home region (Medan, Padang, Java...).
_MIGRANT_NIK_PREFIXES = ("1271", "1371", "1207", "3374", "3578", "1471", "7371")

# --- People -------------------------------------------------------------------------------

_MALE = "L"
_FEMALE = "P"


def _names(text: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in text.split(";") if name.strip())


# Names by origin, roughly in this order: Malay, Javanese, Batak, Minang, Chinese-Indonesian,
# Sundanese, Bugis, Flores/Manado/Maluku. Batam is a city of migrants.
_MALE_NAMES = _names(
    """
    Raja Azwan; Tengku Hafiz; Syahrul Nizam; Zulkarnain; Muhammad Rizki; Said Abdullah;
    Hamdan bin Yusof; Budi Santoso; Agus Setiawan; Joko Susilo; Suparman; Sutrisno;
    Bambang Priyono; Eko Prasetyo; Wahyu Hidayat; Slamet Riyadi; Roy Sihombing;
    Maruli Simanjuntak; Hotman Sinaga; Sahat Manurung; Jhon Freddy Tambunan; Lamhot Panjaitan;
    Parlindungan Siregar; Ahmad Rivai Nasution; Irwan Harahap; Afrizal; Rahmat Hidayat;
    Zulkifli; Syafrizal; Hendri Kurniawan; Asrul Sani; Hendra Wijaya; Kelvin Gunawan;
    Robert Tan; Aliong; Andi Setiawan Lim; Asep Saepudin; Ujang Sobari; Cecep Rahmat;
    Andi Baso; Muhammad Yusuf; Yohanes Bria; Fransiskus Nong; Stevan Lumentut;
    Yopie Pattiasina
    """
)
_FEMALE_NAMES = _names(
    """
    Siti Aminah; Nurhayati; Rosnah binti Daud; Zaleha; Wan Suryani; Nur Aisyah;
    Fatimah Azzahra; Sri Wahyuni; Dwi Lestari; Endang Sulistyowati; Tri Wulandari; Sumiati;
    Rina Situmorang; Tiur Nainggolan; Rosmaida Simanjuntak; Debora Hutapea; Lamtiur Pardede;
    Yusra Dewi; Darmawati; Yulnita; Fitri Yeni; Susanti Halim; Liliana Tanuwijaya;
    Yenny Kurniawati; Sherly Angelina; Euis Komariah; Dede Kurniasih; Andi Rahmawati;
    Hj. Nurlaela; Maria Goreti Lado; Jeane Rumondor; Agustina Wowor
    """
)
_NAMES: tuple[tuple[str, str], ...] = tuple(
    [(n, _MALE) for n in _MALE_NAMES] + [(n, _FEMALE) for n in _FEMALE_NAMES]
)
_SEX_OF: dict[str, str] = dict(_NAMES)

# Extra family names to build more distinct names for witness lists.
_FAMILY_NAMES = _names(
    """
    Sihombing; Siregar; Lubis; Hasibuan; Saragih; Purba; Ginting; Hutagalung; Pratama;
    Saputra; Kurniawan; Wibowo; Hidayat; Gunawan; Wijaya
    """
)
# Mobile prefixes of Telkomsel, Indosat, XL, Tri and Smartfren.
_PHONE_PREFIXES = _names(
    """
    0811; 0812; 0813; 0821; 0822; 0852; 0853; 0815; 0856; 0857; 0817; 0818; 0819; 0878;
    0877; 0895; 0896; 0882
    """
)
_EMAIL_DOMAINS = ("gmail.com",) * 7 + ("yahoo.co.id", "yahoo.com", "hotmail.com")
_MONTHS = _names(
    """
    Januari; Februari; Maret; April; Mei; Juni; Juli; Agustus; September; Oktober; November;
    Desember
    """
)

_INFORMAL_RE = re.compile(r"\b(" + "|".join(_INFORMAL) + r")\b")


# --- Seed codes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _SeedIndex:
    codes: frozenset[str]
    root_of: dict[str, str]
    agencies: tuple[SeedAgency, ...]


@functools.cache
def _seed_index() -> _SeedIndex:
    seed = load_seed()
    root_of = {cat.code: (parent or cat).code for cat, parent in iter_categories(seed.categories)}
    index = _SeedIndex(frozenset(root_of), root_of, seed.agencies)
    unknown = sorted({t.category for t in _TEMPLATES} - index.codes)
    if unknown:
        raise RuntimeError(f"demo templates use category codes missing from the seed: {unknown}")
    return index


_TERRITORIAL_KINDS = frozenset({"kelurahan", "kecamatan", "puskesmas"})


def _local_areas(agency: SeedAgency) -> list[_Area]:
    """The corpus areas of a local unit (kelurahan, kecamatan, puskesmas); empty otherwise."""
    return [
        a
        for a in _AREAS
        if agency.name in (a.puskesmas, f"Kelurahan {a.kelurahan}", f"Kecamatan {a.kecamatan}")
    ]


def _fits_corpus(agency: SeedAgency) -> bool:
    # A local unit outside the corpus areas would contradict the place named in the text.
    return agency.kind not in _TERRITORIAL_KINDS or bool(_local_areas(agency))


def _agency_candidates(category: str) -> tuple[list[SeedAgency], list[int]]:
    """Agencies that usually handle ``category`` (else its root), with selection weights."""
    index = _seed_index()
    usable = [a for a in index.agencies if _fits_corpus(a)]
    found = [a for a in usable if category in a.category_codes]
    if not found:
        root = index.root_of[category]
        found = [a for a in usable if root in a.category_codes]
    # Perangkat daerah are the usual addressees; local units come up less often each.
    weights = [1 if a.kind in _TERRITORIAL_KINDS else 4 for a in found]
    return found, weights


# --- Small generators ---------------------------------------------------------------------


def _rupiah(rng: random.Random, amount: int) -> str:
    digits = f"{amount:,}".replace(",", ".")
    style = rng.random()
    if style < 0.15 and amount % 1000 == 0 and amount < 1_000_000:
        return f"{amount // 1000} ribu"
    if style < 0.3:
        return f"Rp. {digits}"
    return f"Rp {digits}"


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(_PHONE_PREFIXES)
    rest = "".join(str(rng.randrange(10)) for _ in range(8))
    style = rng.randrange(4)
    if style == 0:
        return f"{prefix}-{rest[:4]}-{rest[4:]}"
    if style == 1:
        return f"+62 {prefix[1:]} {rest[:4]} {rest[4:]}"
    if style == 2:
        return f"{prefix} {rest[:4]} {rest[4:]}"
    return prefix + rest


def _nik(rng: random.Random, kecamatan: str, sex: str) -> str:
    if rng.random() < 0.85:
        region = "2171" + _KECAMATAN_CODES[kecamatan]
    else:
        region = rng.choice(_MIGRANT_NIK_PREFIXES) + f"{rng.randrange(1, 13):02d}"
    day = rng.randrange(1, 29) + (40 if sex == _FEMALE else 0)
    month = rng.randrange(1, 13)
    year = rng.randrange(1955, 2007) % 100
    serial = rng.randrange(1, 1000)
    return f"{region}{day:02d}{month:02d}{year:02d}{serial:04d}"


def _email(rng: random.Random, name: str) -> str:
    words = [w for w in re.sub(r"[^a-z ]", "", name.lower()).split() if w not in ("bin", "binti")]
    two_words = len(words) > 1 and rng.random() < 0.6
    local = f"{words[0]}.{words[-1]}" if two_words else words[0]
    if rng.random() < 0.7:
        local += str(rng.randrange(1, 100))
    return f"{local}@{rng.choice(_EMAIL_DOMAINS)}"


def _address(rng: random.Random, area: _Area) -> str:
    rt, rw = rng.randrange(1, 16), rng.randrange(1, 13)
    if rng.random() < 0.6:
        home = f"{rng.choice(area.housing)} Blok {rng.choice('ABCDEFGH')}{rng.randrange(1, 9)}"
        home += f" No. {rng.randrange(1, 40)}"
    else:
        home = f"{rng.choice(area.streets)} No. {rng.randrange(1, 120)}"
    return f"{home}, RT {rt:02d}/RW {rw:02d}, Kel. {area.kelurahan}, Kec. {area.kecamatan}"


def _when(offset: int) -> tuple[str, str]:
    """('since when' phrase, 'when' phrase) for an event ``offset`` days before the slip."""
    if offset == 0:
        return "sejak tadi pagi", "tadi pagi"
    if offset == 1:
        return "sejak kemarin", "kemarin"
    if offset < 7:
        return f"sudah {offset} hari", f"{offset} hari yang lalu"
    if offset < 14:
        return "sudah seminggu lebih", "minggu lalu"
    if offset < 30:
        return f"sudah {offset // 7} minggu", f"{offset // 7} minggu yang lalu"
    return "sudah lebih dari sebulan", "bulan lalu"


def _event_offset(rng: random.Random, classification: Classification) -> int:
    if classification == PERMINTAAN_INFORMASI:
        return rng.randrange(0, 8)
    roll = rng.random()
    if roll < 0.4:
        return rng.randrange(0, 4)
    if roll < 0.75:
        return rng.randrange(4, 15)
    return rng.randrange(15, 61)


def _school(rng: random.Random, area: _Area) -> str:
    level = rng.random()
    if level < 0.6:
        return f"SD Negeri {rng.randrange(1, 40):03d} {area.kecamatan}"
    if level < 0.9:
        return f"SMP Negeri {rng.randrange(1, 60)} Batam"
    return f"SMA Negeri {rng.randrange(1, 30)} Batam"


def _slot_values(rng: random.Random, area: _Area, offset: int) -> dict[str, str]:
    lamanya, kapan = _when(offset)
    anak = rng.choice(("anak saya", "cucu saya", "keponakan saya", "anak kami"))
    slots = {
        "jalan": rng.choice(area.streets),
        "perumahan": rng.choice(area.housing),
        "blok": f"Blok {rng.choice('ABCDEFGH')}{rng.randrange(1, 9)}",
        "no": str(rng.randrange(1, 40)),
        "rt": f"{rng.randrange(1, 16):02d}",
        "rw": f"{rng.randrange(1, 13):02d}",
        "kelurahan": area.kelurahan,
        "kecamatan": area.kecamatan,
        "landmark": rng.choice(area.landmarks),
        "simpang": area.junction,
        "pasar": area.market,
        "puskesmas": area.puskesmas,
        "sekolah": _school(rng, area),
        "kantor_capil": rng.choice(
            (
                "Kantor Disdukcapil Kota Batam",
                f"Kantor Camat {area.kecamatan}",
                "Mal Pelayanan Publik Batam",
            )
        ),
        "lamanya": lamanya,
        "Lamanya": lamanya[0].upper() + lamanya[1:],
        "kapan": kapan,
        "Kapan": kapan[0].upper() + kapan[1:],
        "waktu": rng.choice(("pagi", "siang", "sore", "malam")),
        "jam_pagi": rng.choice(("jam 6 pagi", "jam setengah 7 pagi", "sebelum jam 7", "subuh")),
        "lama": rng.choice(("3 jam", "lima jam", "setengah hari", "6 jam")),
        "lama_bulan": rng.choice(("dua bulan", "tiga bulan", "empat bulan", "hampir enam bulan")),
        "bulan": rng.choice(_MONTHS),
        "kali": rng.choice(("dua kali", "tiga kali", "empat kali", "berkali-kali")),
        "tinggi_air": rng.choice(("selutut", "sebetis", "sepinggang orang dewasa", "30 cm")),
        "jumlah_kasus": rng.choice(("tiga", "empat", "5", "enam")),
        "anak": anak,
        "Anak": anak[0].upper() + anak[1:],
        "uang": _rupiah(rng, rng.choice((50_000, 100_000, 150_000, 200_000, 250_000, 300_000))),
        "uang_kecil": _rupiah(rng, rng.choice((2_000, 5_000, 10_000, 15_000, 20_000))),
        "uang_gas": _rupiah(rng, rng.choice((28_000, 30_000, 32_000, 35_000))),
        "uang_besar": _rupiah(rng, rng.choice((2_500_000, 3_000_000, 4_000_000, 5_000_000))),
    }
    return slots


def _informalise(rng: random.Random, text: str) -> str:
    """Handwritten style: short forms, and now and then two letters swapped in a word."""

    def short(match: re.Match[str]) -> str:
        word = match.group(1)
        return rng.choice(_INFORMAL[word]) if rng.random() < 0.7 else word

    text = _INFORMAL_RE.sub(short, text)
    if rng.random() < 0.4:
        words = text.split(" ")
        # Only plain lowercase words: slots such as {jalan} must survive untouched.
        candidates = [i for i, w in enumerate(words) if w.isalpha() and w.islower() and len(w) > 5]
        if candidates:
            i = rng.choice(candidates)
            w = words[i]
            j = rng.randrange(1, len(w) - 2)
            words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            text = " ".join(words)
    return text


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(_NAMES)


def _reporter(rng: random.Random, area: _Area) -> DemoReporter:
    name, sex = _person(rng)
    return DemoReporter(
        name=name,
        nik=_nik(rng, area.kecamatan, sex) if rng.random() < 0.35 else None,
        phone=_phone(rng) if rng.random() < 0.65 else None,
        email=_email(rng, name) if rng.random() < 0.15 else None,
        address=_address(rng, area) if rng.random() < 0.45 else None,
    )


def _identity_sentence(
    rng: random.Random, area: _Area, slots: dict[str, str], reporter: DemoReporter | None
) -> str:
    name, sex = (reporter.name, _SEX_OF[reporter.name]) if reporter else _person(rng)
    values = dict(slots)
    values["nama"] = name
    values["nik"] = (reporter.nik if reporter else None) or _nik(rng, area.kecamatan, sex)
    values["hp"] = (reporter.phone if reporter else None) or _phone(rng)
    values["email"] = (reporter.email if reporter else None) or _email(rng, name)
    values["alamat"] = (reporter.address if reporter else None) or _address(rng, area)
    return rng.choice(_IDENTITY_SENTENCES).format_map(values)


def _shorten(title: str) -> str:
    if len(title) <= MAX_TITLE_LENGTH:
        return title
    cut = title[: MAX_TITLE_LENGTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,") + "…"


# --- Public API ---------------------------------------------------------------------------


def make_slip(rng: random.Random) -> DemoSlip:
    """One realistic slip; the same ``rng`` state always gives the same slip.

    About 70 % pengaduan, 18 % aspirasi, 12 % permintaan informasi; ~30 % anonim, ~10 % rahasia
    (both more often for sensitive topics such as pungli or narkoba); ~40 % without a reporter;
    ~15 % without an agency; ~10 % filed under the top-level category only; about one body in
    five carries a name, NIK, phone or address inline, and about 30 % are written informally.
    """
    index = _seed_index()
    classification = rng.choices(CLASSIFICATIONS, weights=(70, 18, 12))[0]
    template = rng.choice([t for t in _TEMPLATES if t.classification == classification])
    offset = _event_offset(rng, classification)
    area = rng.choice(_AREAS)

    agency: SeedAgency | None = None
    candidates, weights = _agency_candidates(template.category)
    if candidates and rng.random() < 0.85:
        agency = rng.choices(candidates, weights=weights)[0]
        # Keep the text in the agency's own area when the agency is a local unit.
        local = _local_areas(agency)
        if local:
            area = rng.choice(local)

    category = template.category
    if index.root_of[category] != category and rng.random() < 0.1:
        category = index.root_of[category]  # staff picked only the top-level category

    reporter = _reporter(rng, area) if rng.random() < 0.6 else None
    anonim = rng.random() < (0.6 if template.sensitive else 0.27)
    rahasia = rng.random() < (0.4 if template.sensitive else 0.07)

    slots = _slot_values(rng, area, offset)
    if agency is not None and agency.kind == "puskesmas":
        slots["puskesmas"] = agency.name
    informal = rng.random() < 0.3
    core = _informalise(rng, template.body) if informal else template.body
    parts: list[str] = []
    if rng.random() < 0.35:
        parts.append(rng.choice(_OPENINGS[classification]).format_map(slots))
    parts.append(core.format_map(slots))
    if rng.random() < 0.22:
        parts.append(_identity_sentence(rng, area, slots, reporter))
    if rng.random() < 0.5:
        closing = rng.choice(_CLOSINGS[classification])
        parts.append(_informalise(rng, closing) if informal else closing)
    body = " ".join(parts)

    return DemoSlip(
        classification=classification,
        title=_shorten(template.title.format_map(slots)),
        body=body,
        event_date_offset_days=offset,
        location=template.place.format_map(slots),
        category_code=category,
        agency_code=agency.code if agency else None,
        anonim=anonim,
        rahasia=rahasia,
        reporter=reporter,
    )


def make_slips(rng: random.Random, n: int) -> list[DemoSlip]:
    """``n`` slips in a row from the same ``rng``."""
    return [make_slip(rng) for _ in range(n)]


def make_witness_names(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct realistic names (e.g. witnesses of a box opening)."""
    pool = _name_pool()
    if not 0 <= n <= len(pool):
        raise ValueError(f"n must be between 0 and {len(pool)}, got {n}")
    return rng.sample(pool, n)


@functools.cache
def _name_pool() -> tuple[str, ...]:
    pool = [name for name, _ in _NAMES]
    for name, _ in _NAMES:
        first = name.split()[0]
        if first in ("Hj.", "Andi", "Raja", "Tengku", "Wan", "Said"):
            continue
        for family in _FAMILY_NAMES:
            candidate = f"{first} {family}"
            if candidate not in pool:
                pool.append(candidate)
    return tuple(pool)


def make_box_names() -> list[tuple[str, str]]:
    """(code, name) of typical suggestion boxes at a kelurahan, puskesmas or service office."""
    return [
        ("lobi-kantor-lurah", "Kotak Saran Lobi Kantor Lurah"),
        ("ruang-tunggu-puskesmas", "Kotak Saran Ruang Tunggu Puskesmas"),
        ("loket-kantor-camat", "Kotak Saran Loket Pelayanan Kantor Camat"),
        ("poli-rsud", "Kotak Saran Ruang Tunggu Poli RSUD"),
        ("balai-rw", "Kotak Saran Balai Warga RW"),
        ("mal-pelayanan-publik", "Kotak Saran Mal Pelayanan Publik"),
    ]
