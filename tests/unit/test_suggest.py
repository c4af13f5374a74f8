"""The suggestion classifier on its own: Indonesian tokens, personal data kept out, keyword
seeds that work cold, learning, explanations, alternatives and titles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kotaksaran.domain.seed import iter_categories, load_seed
from kotaksaran.ocr.suggest import (
    AgencyInfo,
    CategoryInfo,
    Example,
    Guess,
    Suggester,
)
from kotaksaran.ocr.suggest_text import (
    MAX_TITLE,
    has_personal,
    stem,
    strip_personal,
    title_candidates,
    tokens,
)

LABELLED = Path(__file__).resolve().parents[1] / "data" / "labelled_slips.jsonl"


def seed_taxonomy() -> tuple[list[CategoryInfo], list[AgencyInfo]]:
    seed = load_seed()
    cats = [CategoryInfo(c.code, c.name, c.keywords, p.code if p else None)
            for c, p in iter_categories(seed.categories)]
    agencies = [AgencyInfo(a.code, a.name, a.category_codes, a.kind) for a in seed.agencies]
    return cats, agencies


@pytest.fixture(scope="module")
def cold() -> Suggester:
    return Suggester(*seed_taxonomy())


def words_of(text: str) -> set[str]:
    return {t.surface for t in tokens(text)}


def assert_explained(guess: Guess | None, text: str) -> None:
    """Every word given as a reason is a word of the slip."""
    assert guess is not None
    assert guess.because, "a suggestion names at least one reason"
    present = words_of(text)
    for phrase in guess.because:
        for word in phrase.split():
            assert word in present, (word, text)


# --- tokens -------------------------------------------------------------------------------
def test_tokens_fold_informal_spelling_reduplication_and_numbers() -> None:
    toks = tokens("Sdh 2 mgg sampah gak diangkut, anak2 & ibu-ibu RT 03 kena DBD!!")
    stems = [t.stem for t in toks]
    assert "sudah" in stems and "tidak" in stems  # sdh, gak
    assert "angkut" in stems  # diangkut
    assert "anak" in stems and "ibu" in stems  # anak2, ibu-ibu
    assert not any(s[0].isdigit() for s in stems)  # 2, 03 dropped
    assert "dbd" in stems
    sampah = next(t for t in toks if t.stem == "sampah")
    assert sampah.surface == "sampah" and not sampah.stop
    assert next(t for t in toks if t.stem == "sudah").stop


@pytest.mark.parametrize(("word", "expected"), [
    ("perbaikan", "baik"), ("diperbaiki", "baik"), ("pemadaman", "padam"),
    ("berlubang", "lubang"), ("pelayanan", "layan"), ("dilayani", "layan"),
    ("kelurahan", "lurah"), ("pengangkutan", "angkut"), ("tagihan", "tagih"),
    ("penerangan", "terang"), ("menyala", "nyala"), ("memakai", "pakai"),
    ("sekolah", "sekolah"), ("masalah", "masalah"), ("jalan", "jalan"),
    ("disdukcapil", "disdukcapil"), ("perusahaan", "perusahaan"), ("tertib", "tertib"),
    ("sampahnya", "sampah"),
])
def test_affix_stripping_reaches_the_root_or_leaves_the_word(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_forms_of_one_root_share_a_stem() -> None:
    assert len({stem(w) for w in ("daftar", "mendaftar", "pendaftaran", "didaftarkan",
                                  "terdaftar")}) == 1
    assert len({stem(w) for w in ("urus", "mengurus", "pengurusan", "diurus")}) == 1


# --- personal data ------------------------------------------------------------------------
def test_personal_data_is_stripped_but_dates_money_and_rt_stay() -> None:
    text = ("Nama saya Rahmat Hidayat, NIK 2171.0612.3456.7890, hp 0812-7788-1234 atau "
            "+62 813 1122 3344, email rahmat.h@contoh.id. Kejadian 12-05-2026, diminta "
            "Rp 150.000 di RT 02/RW 05.")
    out = strip_personal(text)
    for gone in ("Rahmat", "Hidayat", "3456", "7788", "1122", "contoh.id"):
        assert gone not in out
    for kept in ("12-05-2026", "150.000", "RT 02/RW 05"):
        assert kept in out
    assert has_personal("Bisa hubungi saya di 0812 7788 1234")
    assert not has_personal("Lampu jalan di RT 02/RW 05 mati sejak 12-05-2026")


def test_named_strings_are_stripped_wherever_they_occur() -> None:
    out = strip_personal("Saya Siti Aminah melapor, Siti tinggal di gang Mawar.",
                         ["Siti Aminah"])
    assert "Siti" not in out and "Aminah" not in out and "Mawar" in out


# --- cold suggestions ---------------------------------------------------------------------
@pytest.mark.parametrize(("text", "category", "agency"), [
    ("Sampah di TPS dekat pasar sudah seminggu tidak diangkut truk sampah, baunya busuk.",
     "pengelolaan-sampah", "dlh"),
    ("Listrik padam tiap malam, token listrik baru diisi tapi tetap mati lampu.",
     "pemadaman-listrik", "pln-batam"),
    ("Saya sudah rekam KTP elektronik 3 bulan lalu tapi belum dicetak, blangko habis.",
     "ktp", "disdukcapil"),
    ("Juru parkir di depan minimarket minta uang tanpa karcis parkir.",
     "parkir-liar", "dishub"),
])
def test_keyword_seeds_work_cold(cold: Suggester, text: str, category: str,
                                 agency: str) -> None:
    got = cold.suggest("", text)
    assert got.category is not None and got.category.code == category
    assert got.agency is not None and got.agency.code == agency
    assert_explained(got.category, text)
    assert 0 < got.category.score <= 1


@pytest.mark.parametrize(("text", "expected"), [
    ("Bagaimana cara mengurus akta kelahiran dan apa saja syaratnya?", "permintaan_informasi"),
    ("Kami mengusulkan supaya dibangun taman bermain untuk anak-anak di RW kami.", "aspirasi"),
    ("Jalan di depan rumah rusak parah dan berlubang, sudah ada yang jatuh.", "pengaduan"),
])
def test_classification_cues(cold: Suggester, text: str, expected: str) -> None:
    got = cold.suggest("", text).classification
    assert got is not None and got.code == expected
    assert_explained(got, text)


def test_alternatives_are_other_classes_in_falling_order(cold: Suggester) -> None:
    got = cold.suggest("", "Air PDAM mati dan tagihan air naik, pipa bocor di depan rumah.")
    for guess in (got.classification, got.category, got.agency):
        assert guess is not None and guess.alternatives
        codes = [guess.code, *(a.code for a in guess.alternatives)]
        assert len(codes) == len(set(codes))
        scores = [guess.score, *(a.score for a in guess.alternatives)]
        assert scores == sorted(scores, reverse=True)
        assert all(0 <= s <= 1 for s in scores)


def test_no_known_word_gives_no_topic(cold: Suggester) -> None:
    got = cold.suggest("", "Xyzzy plugh qwerty.")
    assert got.category is None and got.agency is None
    empty = cold.suggest("", "")
    assert empty.classification is None and empty.title is None


def test_the_agency_named_in_the_text_wins(cold: Suggester) -> None:
    text = "Antrean di Puskesmas Sei Panas lama sekali dan dokter datang terlambat."
    got = cold.suggest("", text)
    assert got.agency is not None and got.agency.code == "pkm-sei-panas"
    assert "panas" in got.agency.because
    # The place of the event counts too, without being content.
    other = cold.suggest("", "Obat di puskesmas habis terus.", context="Puskesmas Batu Aji")
    assert other.agency is not None and other.agency.code == "pkm-batu-aji"


# --- learning -----------------------------------------------------------------------------
def test_learning_changes_the_answer() -> None:
    cats, agencies = seed_taxonomy()
    text = "Pompong penyeberangan ke pulau bocor, dermaganya reyot."
    before = Suggester(cats, agencies).suggest("", text)
    assert before.category is None or before.category.code != "perairan"
    examples = [
        Example("Pompong nelayan karam dekat dermaga, mesinnya rusak.", "pengaduan",
                "perairan", "dkpp"),
        Example("Dermaga pompong di pulau tidak ada atapnya.", "pengaduan", "perairan", "dkpp"),
        Example("Usul dermaga pompong diperpanjang supaya aman.", "aspirasi", "perairan",
                "dkpp"),
    ]
    learner = Suggester(cats, agencies, examples)
    after = learner.suggest("", text)
    assert learner.learned == 3
    assert after.category is not None and after.category.code == "perairan"
    assert after.agency is not None and after.agency.code == "dkpp"
    assert_explained(after.category, text)
    assert {"pompong", "dermaganya"} & set(after.category.because)


def test_examples_with_unknown_codes_are_ignored() -> None:
    cats, agencies = seed_taxonomy()
    learner = Suggester(cats, agencies, [Example("Jalan rusak", "keluhan", "nope", "nope")])
    assert learner.suggest("", "Jalan berlubang").category is not None


# --- titles -------------------------------------------------------------------------------
def test_title_skips_greetings_and_personal_data() -> None:
    text = ("Assalamualaikum Bapak/Ibu. Nama saya Budi, HP 0812 3456 7890. "
            "Pak lurah, jln di gang Mawar berlubang besar dan sdh 3 kali ada yg jatuh. "
            "Terima kasih.")
    found = title_candidates(text)
    assert found and found[0].text.startswith("Jalan di gang Mawar berlubang besar")
    assert "yang jatuh" in found[0].text and "Budi" not in " ".join(c.text for c in found)


def test_title_is_trimmed_at_a_clause_in_sentence_case() -> None:
    text = ("LAMPU JALAN DI GANG MELATI RT 02 SUDAH DUA BULAN MATI TOTAL, SEHINGGA KALAU MALAM "
            "WARGA TAKUT LEWAT DAN SUDAH ADA YANG DIJAMBRET DI UJUNG GANG DEKAT MUSALA.")
    title = title_candidates(text)[0]
    assert title.text == "Lampu jalan di gang melati RT 02 sudah dua bulan mati total"
    assert not title.complete
    long_text = "kata " * 60
    assert len(title_candidates(long_text)[0].text) <= MAX_TITLE


def test_suggested_title_and_its_reasons(cold: Suggester) -> None:
    got = cold.suggest("", "Selamat pagi. Sampah di TPS pasar menumpuk dan tidak diangkut.")
    assert got.title is not None
    assert got.title.text == "Sampah di TPS pasar menumpuk dan tidak diangkut"
    assert got.title.because and all(w in got.title.text.lower() for w in got.title.because)


def test_personal_strings_never_explain_or_title(cold: Suggester) -> None:
    text = "Saya Rahmat Hidayat warga RT 03. Rahmat melihat sampah menumpuk di TPS pasar."
    got = cold.suggest("Laporan Rahmat Hidayat", text, personal=["Rahmat Hidayat"])
    shown = [*(got.title.alternatives if got.title else ()), got.title.text if got.title else ""]
    for guess in (got.classification, got.category, got.agency):
        assert guess is not None
        shown += guess.because
    assert not any("rahmat" in s.lower() or "hidayat" in s.lower() for s in shown)


# --- the labelled data --------------------------------------------------------------------
def test_labelled_slips_are_well_formed() -> None:
    rows = [json.loads(line) for line in LABELLED.read_text(encoding="utf-8").splitlines()]
    cats, agencies = seed_taxonomy()
    cat_codes = {c.code for c in cats}
    agency_codes = {a.code for a in agencies}
    assert len(rows) >= 110
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"text", "classification", "category", "agency"}
        assert r["classification"] in ("pengaduan", "aspirasi", "permintaan_informasi")
        assert r["category"] in cat_codes and r["agency"] in agency_codes
    assert len({r["category"] for r in rows}) >= 40
    assert {r["classification"] for r in rows} == {"pengaduan", "aspirasi",
                                                   "permintaan_informasi"}
