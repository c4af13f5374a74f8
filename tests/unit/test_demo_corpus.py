"""Tests for the demo slip generator: determinism, valid codes, distributions, formats."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from kotaksaran.domain import demo_corpus
from kotaksaran.domain.demo_corpus import (
    CLASSIFICATIONS,
    MAX_TITLE_LENGTH,
    DemoSlip,
    make_box_names,
    make_slip,
    make_slips,
    make_witness_names,
)
from kotaksaran.domain.seed import iter_categories, load_seed

N = 1000

# Sentence ends, ignoring the abbreviations that appear in addresses, greetings and amounts.
_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bJl)(?<!\bNo)(?<!\bKel)(?<!\bKec)(?<!\bYth)(?<!\bHj)(?<!\bRp)[.!?]+(?:\s+|$)"
)
_PHONE = re.compile(
    r"^(?:08\d{2}-\d{4}-\d{4}|\+62 8\d{2} \d{4} \d{4}|08\d{2} \d{4} \d{4}|0\d{11})$"
)


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


@pytest.fixture(scope="module")
def slips() -> list[DemoSlip]:
    return make_slips(random.Random(20260817), N)


def test_deterministic_for_a_seed() -> None:
    assert make_slips(random.Random(7), 50) == make_slips(random.Random(7), 50)
    assert make_slips(random.Random(7), 50) != make_slips(random.Random(8), 50)
    rng_a, rng_b = random.Random(99), random.Random(99)
    assert [make_slip(rng_a) for _ in range(5)] == [make_slip(rng_b) for _ in range(5)]


def test_all_codes_exist_and_agency_fits_category(slips: list[DemoSlip]) -> None:
    seed = load_seed()
    root_of = {cat.code: (parent or cat).code for cat, parent in iter_categories(seed.categories)}
    children: dict[str, set[str]] = {}
    for cat, parent in iter_categories(seed.categories):
        if parent is not None:
            children.setdefault(parent.code, set()).add(cat.code)
    agencies = {a.code: a for a in seed.agencies}
    for slip in slips:
        assert slip.category_code in root_of
        if slip.agency_code is None:
            continue
        assert slip.agency_code in agencies
        related = {slip.category_code, root_of[slip.category_code]}
        related |= children.get(slip.category_code, set())
        assert related & set(agencies[slip.agency_code].category_codes), slip


def test_both_sub_and_root_codes_occur(slips: list[DemoSlip]) -> None:
    roots = {c.code for c in load_seed().categories}
    as_root = sum(s.category_code in roots for s in slips)
    assert 0 < as_root < N / 3


def test_every_template_category_has_an_agency() -> None:
    for template in demo_corpus._TEMPLATES:
        candidates, weights = demo_corpus._agency_candidates(template.category)
        assert candidates and len(candidates) == len(weights), template.category


def test_distributions(slips: list[DemoSlip]) -> None:
    counts = Counter(s.classification for s in slips)
    assert set(counts) == set(CLASSIFICATIONS)
    assert 0.62 < counts["pengaduan"] / N < 0.78
    assert 0.12 < counts["aspirasi"] / N < 0.26
    assert 0.06 < counts["permintaan_informasi"] / N < 0.18
    assert 0.24 < sum(s.anonim for s in slips) / N < 0.36
    assert 0.05 < sum(s.rahasia for s in slips) / N < 0.15
    assert 0.34 < sum(s.reporter is None for s in slips) / N < 0.46
    assert 0.08 < sum(s.agency_code is None for s in slips) / N < 0.22
    offsets = [s.event_date_offset_days for s in slips]
    assert all(0 <= o <= 60 for o in offsets)
    assert max(offsets) > 30 and min(offsets) == 0


def test_reporter_identity_is_partial_and_well_formed(slips: list[DemoSlip]) -> None:
    reporters = [s.reporter for s in slips if s.reporter is not None]
    assert all(r.name.strip() for r in reporters)
    niks = [r.nik for r in reporters if r.nik is not None]
    assert 0 < len(niks) < len(reporters)
    assert all(re.fullmatch(r"\d{16}", nik) for nik in niks)
    assert sum(nik.startswith("2171") for nik in niks) > 0.7 * len(niks)
    phones = [r.phone for r in reporters if r.phone is not None]
    assert 0 < len(phones) < len(reporters)
    for phone in phones:
        assert _PHONE.match(phone), phone
    emails = [r.email for r in reporters if r.email is not None]
    assert emails and all(re.fullmatch(r"[a-z.0-9]+@[a-z.]+", e) for e in emails)
    assert any(r.address is None for r in reporters)
    assert any(r.address is not None for r in reporters)


def test_personal_data_inline_in_some_bodies(slips: list[DemoSlip]) -> None:
    with_nik = [s for s in slips if re.search(r"\b\d{16}\b", s.body)]
    with_phone = [s for s in slips if re.search(r"(?:\b08\d{2}|\+62 8\d{2})[- ]?\d{4}", s.body)]
    assert N * 0.04 < len(with_nik) < N * 0.3
    assert N * 0.04 < len(with_phone) < N * 0.3
    for slip in with_nik:
        for nik in re.findall(r"\b\d{16}\b", slip.body):
            assert re.fullmatch(r"\d{16}", nik)


def test_titles_bodies_locations(slips: list[DemoSlip]) -> None:
    for slip in slips:
        assert slip.title.strip() and len(slip.title) <= MAX_TITLE_LENGTH
        assert slip.location.strip()
        assert "{" not in slip.body and "{" not in slip.title and "{" not in slip.location
        count = len(_sentences(slip.body))
        assert 2 <= count <= 6, (count, slip.body)


def test_variety() -> None:
    assert len({t.body for t in demo_corpus._TEMPLATES}) >= 60
    slips = make_slips(random.Random(3), 300)
    assert len({s.body for s in slips}) >= 290
    assert len({s.category_code for s in slips}) >= 40
    informal = [s for s in slips if re.search(r"\b(yg|tdk|gak|udah|sdh|dgn|utk|aja)\b", s.body)]
    assert len(informal) >= 20
    assert any("Batu Selicin" in s.location for s in slips)
    assert any("Jl. Raja Haji Fisabilillah" in s.body + s.location for s in slips)


def test_every_template_formats() -> None:
    rng = random.Random(1)
    for area in demo_corpus._AREAS:
        for offset in (0, 1, 5, 10, 20, 45):
            slots = demo_corpus._slot_values(rng, area, offset)
            for t in demo_corpus._TEMPLATES:
                for text in (t.title, t.body, t.place, demo_corpus._informalise(rng, t.body)):
                    assert "{" not in text.format_map(slots)
                assert 2 <= len(_sentences(t.body.format_map(slots))) <= 3, t.body


def test_witness_names() -> None:
    names = make_witness_names(random.Random(5), 12)
    assert len(names) == 12 == len(set(names))
    assert names == make_witness_names(random.Random(5), 12)
    assert make_witness_names(random.Random(5), 0) == []
    with pytest.raises(ValueError):
        make_witness_names(random.Random(5), -1)
    with pytest.raises(ValueError):
        make_witness_names(random.Random(5), 100_000)


def test_box_names() -> None:
    boxes = make_box_names()
    codes = [code for code, _ in boxes]
    assert len(codes) == len(set(codes)) >= 4
    assert all(name.startswith("Kotak Saran ") for _, name in boxes)
    assert ("lobi-kantor-lurah", "Kotak Saran Lobi Kantor Lurah") in boxes
