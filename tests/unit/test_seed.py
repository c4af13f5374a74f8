"""Tests for the seed files in resources/seed/ and their loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kotaksaran.domain.seed import (
    AGENCY_KINDS,
    SeedCategory,
    category_codes,
    iter_categories,
    load_agencies,
    load_categories,
    load_seed,
    load_unit_types,
    resources_dir,
    seed_dir,
)

# Top-level categories seen on lapor.go.id (2025), as listed in the design notes (DOMAIN.md).
DOMAIN_ROOTS = [
    "Agama",
    "Corona Virus",
    "Ekonomi dan Keuangan",
    "Energi dan Sumber Daya Alam",
    "Evakuasi Hewan Liar",
    "Fasilitas Diplomatik",
    "Kekerasan di Satuan Pendidikan",
    "Kependudukan",
    "Kerjasama Bilateral",
    "Kerjasama Multilateral",
    "Kesehatan",
    "Kesetaraan Gender dan Sosial Inklusif",
    "Ketenagakerjaan",
    "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
    "Legalisasi Konsuler",
    "Lingkungan Hidup dan Kehutanan",
    "Netralitas ASN",
    "Pekerjaan Umum dan Penataan Ruang",
    "Pelindungan WNI",
    "Pembangunan Desa, Daerah Tertinggal, dan Transmigrasi",
    "Pemulihan Ekonomi Nasional",
    "P4GN (narkotika)",
    "Pendidikan dan Kebudayaan",
    "Peniadaan Mudik",
    "Perairan",
    "Perhubungan",
    "Perlindungan Konsumen",
    "Pertanian dan Peternakan",
    "Politik dan Hukum",
    "Politisasi ASN",
    "Program Makan Bergizi Gratis",
    "Seleksi Calon Hakim Agung",
    "Sosial dan Kesejahteraan",
    "SP4N-LAPOR!",
    "SRGI",
    "Teknologi Informasi dan Komunikasi",
    "Topik Khusus",
    "Topik Lainnya",
]

# Sub-categories a city box sees often (DOMAIN.md), by root name.
DOMAIN_CHILDREN = {
    "Pekerjaan Umum dan Penataan Ruang": [
        "Jalan Berlubang",
        "Penerangan Jalan",
        "Drainase",
        "Trotoar",
        "Taman",
        "Halte",
        "Pemakaman Umum",
    ],
    "Lingkungan Hidup dan Kehutanan": ["Pengelolaan Sampah", "Pencemaran", "Banjir", "Sanitasi"],
    "Perhubungan": ["Parkir Liar", "Lampu PJU", "Transportasi"],
    "Kependudukan": ["KTP", "KK", "Akta Kelahiran", "Pindah Domisili"],
    "Energi dan Sumber Daya Alam": ["Air Minum/PDAM", "Pemadaman Listrik", "BBM/Elpiji"],
    "Politik dan Hukum": ["Pungutan Liar", "Penyalahgunaan Wewenang"],
    "Kesehatan": ["Pelayanan Puskesmas", "BPJS Kesehatan"],
    "Sosial dan Kesejahteraan": ["Bansos", "DTKS", "PKH"],
    "Pendidikan dan Kebudayaan": ["Zonasi PPDB", "Pungutan Sekolah"],
}


@pytest.fixture(scope="module")
def categories() -> list[SeedCategory]:
    return load_categories()


def test_default_paths_point_into_the_repo() -> None:
    assert (resources_dir() / "seed").is_dir()
    assert seed_dir() == resources_dir() / "seed"


def test_resources_env_var(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KOTAKSARAN_RESOURCES", str(tmp_path))
    assert resources_dir() == tmp_path
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "unit_types.json").write_text(
        '[{"code": "kelurahan", "name": "Kelurahan"}]', encoding="utf-8"
    )
    assert [u.code for u in load_unit_types()] == ["kelurahan"]


def test_every_domain_root_present_exactly(categories: list[SeedCategory]) -> None:
    assert [c.name for c in categories] == DOMAIN_ROOTS


def test_codes_unique_and_slugs(categories: list[SeedCategory]) -> None:
    codes = [c.code for c, _ in iter_categories(categories)]
    assert len(codes) == len(set(codes))
    assert category_codes(categories) == set(codes)
    for code in codes:
        assert code.isascii() and code == code.lower() and " " not in code


def test_sub_categories_under_the_right_roots(categories: list[SeedCategory]) -> None:
    by_name = {c.name: c for c in categories}
    for root_name, child_names in DOMAIN_CHILDREN.items():
        names = [child.name for child in by_name[root_name].children]
        for child_name in child_names:
            assert child_name in names, (root_name, child_name)


def test_two_levels_and_keywords(categories: list[SeedCategory]) -> None:
    for cat, parent in iter_categories(categories):
        assert cat.name.strip()
        if parent is None:
            assert cat.keywords, cat.code  # a few per root
        else:
            assert not cat.children
            assert 4 <= len(cat.keywords) <= 12, cat.code
        for word in cat.keywords:
            assert word == word.lower().strip() and word


def test_agencies_reference_existing_categories(categories: list[SeedCategory]) -> None:
    known = category_codes(categories)
    agencies = load_agencies()
    assert len({a.code for a in agencies}) == len(agencies)
    for agency in agencies:
        assert agency.kind in AGENCY_KINDS
        assert agency.name.strip()
        assert agency.category_codes, agency.code
        assert set(agency.category_codes) <= known, agency.code


def test_agency_starter_list_covers_batam(categories: list[SeedCategory]) -> None:
    names = {a.name for a in load_agencies()}
    for expected in (
        "Dinas Lingkungan Hidup Kota Batam",
        "Dinas Bina Marga dan Sumber Daya Air Kota Batam",
        "Dinas Kependudukan dan Pencatatan Sipil Kota Batam",
        "Satuan Polisi Pamong Praja Kota Batam",
        "RSUD Embung Fatimah Kota Batam",
        "BPJS Kesehatan Cabang Batam",
    ):
        assert expected in names
    # Every common sub-category has at least one agency that usually handles it.
    handled = {code for a in load_agencies() for code in a.category_codes}
    by_name = {c.name: c for c in categories}
    for root_name in DOMAIN_CHILDREN:
        for child in by_name[root_name].children:
            assert child.code in handled or by_name[root_name].code in handled, child.code


def test_unit_types() -> None:
    codes = [u.code for u in load_unit_types()]
    for expected in ("kelurahan", "kecamatan", "puskesmas", "rsud", "upt", "dinas", "badan"):
        assert expected in codes
    assert codes[-1] == "lainnya"


def test_load_seed_cross_checks() -> None:
    seed = load_seed()
    assert len(seed.categories) == len(DOMAIN_ROOTS)
    assert seed.agencies and seed.unit_types


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_duplicate_code_rejected(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "c.json",
        [
            {"code": "a", "name": "A", "children": [{"code": "b", "name": "B"}]},
            {"code": "b", "name": "B lagi"},
        ],
    )
    with pytest.raises(ValueError, match="duplicate category code 'b'"):
        load_categories(path)


def test_empty_name_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path / "c.json", [{"code": "a", "name": "  "}])
    with pytest.raises(ValueError, match="name must be a non-empty string"):
        load_categories(path)


def test_bad_shapes_rejected(tmp_path: Path) -> None:
    three_levels = [
        {"code": "a", "name": "A", "children": [{"code": "b", "name": "B", "children": [{}]}]}
    ]
    with pytest.raises(ValueError, match="two levels"):
        load_categories(_write(tmp_path / "c1.json", three_levels))
    with pytest.raises(ValueError, match="slug"):
        load_categories(_write(tmp_path / "c2.json", [{"code": "Jalan Rusak", "name": "X"}]))
    with pytest.raises(ValueError, match="unknown field"):
        load_categories(_write(tmp_path / "c3.json", [{"code": "a", "name": "A", "kw": []}]))
    with pytest.raises(ValueError, match="top level"):
        load_categories(_write(tmp_path / "c4.json", {"code": "a"}))
    bad_json = tmp_path / "c5.json"
    bad_json.write_text('[{"code": "a",}]', encoding="utf-8")
    with pytest.raises(ValueError, match="invalid JSON at line 1"):
        load_categories(bad_json)


def test_keywords_normalised_and_bom_accepted(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    text = json.dumps([{"code": "a", "name": "A", "keywords": ["Jalan  Rusak", "jalan rusak"]}])
    path.write_text("\ufeff" + text, encoding="utf-8")
    assert load_categories(path)[0].keywords == ("jalan rusak",)


def test_agency_checks(tmp_path: Path) -> None:
    unknown_kind = [{"code": "x", "name": "X", "kind": "kementerian"}]
    with pytest.raises(ValueError, match="kind 'kementerian'"):
        load_agencies(_write(tmp_path / "a1.json", unknown_kind))
    unknown_cat = [{"code": "x", "name": "X", "kind": "dinas", "category_codes": ["nope"]}]
    with pytest.raises(ValueError, match="unknown category code 'nope'"):
        load_agencies(_write(tmp_path / "a2.json", unknown_cat), known_category_codes={"a"})
    dup = [{"code": "x", "name": "X", "kind": "dinas"}, {"code": "x", "name": "Y", "kind": "badan"}]
    with pytest.raises(ValueError, match="duplicate agency code"):
        load_agencies(_write(tmp_path / "a3.json", dup))
