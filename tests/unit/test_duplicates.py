"""Text and image similarity for duplicate slips (kotaksaran.ocr.duplicates), pure functions."""

from __future__ import annotations

import pytest

from kotaksaran import i18n
from kotaksaran.domain.enums import Status
from kotaksaran.ocr import duplicates as D
from kotaksaran.services.duplicates import DuplicateHit, describe, kind_label

LETTER = (
    "Bak sampah di ujung Jl. Raden Patah sudah lima hari tidak diangkut. Baunya sampai ke "
    "warung-warung makan di sekitarnya dan banyak lalat. Kami sudah bayar retribusi tiap "
    "bulan, jadi mohon jadwal truk sampah diperbaiki."
)
SAME_TOPIC = (
    "Kami warga Bengkong Laut mengeluhkan petugas kebersihan yang hanya mengambil sampah "
    "seminggu sekali, padahal dulu dua kali. Sampah plastik berserakan dibongkar kucing dan "
    "anjing. Harap ditambah jadwal pengangkutannya."
)


def test_normalize_folds_case_accents_punctuation_and_shorthand() -> None:
    assert D.normalize("Yg  SUDAH dtg, tdk   ada kafé!") == "yang sudah datang tidak ada kafe"
    assert D.words("Jl. Raden Patah No. 5") == ["jalan", "raden", "patah", "nomor", "5"]


def test_search_words_are_the_index_terms_without_stopwords() -> None:
    words = D.search_words("Yang kami laporkan: lampu PJU di Jln. Teuku Umar mati, tdk menyala")
    assert "lampu" in words and "teuku" in words and "umar" in words
    assert not {"yang", "kami", "jalan", "jln", "tidak", "tdk", "di"} & set(words)
    assert all(len(w) >= 4 and w.isalpha() for w in words)


def test_retyped_with_typos_matches() -> None:
    typed = LETTER.replace("diangkut", "diangkt").replace("warung", "waurng")
    assert D.text_score(LETTER, typed).score >= D.TEXT_THRESHOLD


def test_reordered_sentences_and_added_greeting_match() -> None:
    s1, s2, s3 = (LETTER[:LETTER.index(" Baunya")], LETTER[LETTER.index("Baunya"):
                  LETTER.index(" Kami")], LETTER[LETTER.index("Kami"):])
    assert f"{s1} {s2} {s3}" == LETTER
    moved = f"Assalamualaikum Bapak Lurah. {s3} {s1} {s2} Terima kasih atas perhatiannya."
    score = D.text_score(LETTER, moved)
    assert score.edit < D.TEXT_THRESHOLD  # plain edit similarity alone would miss it
    assert score.score >= D.TEXT_THRESHOLD


def test_shorthand_and_lower_case_match() -> None:
    casual = LETTER.lower().replace("sudah", "sdh").replace("tidak", "tdk").replace(",", "")
    assert D.text_score(LETTER, casual).score >= 0.95


def test_ocr_noise_matches() -> None:
    ocr = ("Bak sarnpah di ujung J1. Raden Patah sudah lirna hari tidak diangkut. Baunya "
           "sampai ke warung-warung rnakan di sekitarnya dan banyak 1alat. Kami sudah bayar "
           "retribusi tiap bulan, jadi mohon jadwa1 truk sampah diperbaiki.")
    assert D.text_score(LETTER, ocr).score >= D.TEXT_THRESHOLD


def test_another_letter_on_the_same_topic_does_not_match() -> None:
    score = D.text_score(LETTER, SAME_TOPIC)
    assert 0 < score.score < D.TEXT_THRESHOLD
    assert not score.is_duplicate


def test_other_street_and_numbers_lower_the_score() -> None:
    a = ("Lampu jalan di depan rumah nomor 12 di Jl. Teuku Umar RT 04 RW 02 mati sudah tiga "
         "minggu, jalan menjadi gelap dan rawan begal. Mohon segera diganti.")
    b = a.replace("12", "37").replace("Teuku Umar", "Gajah Mada").replace("04", "09") \
        .replace("02", "05")
    other = D.text_score(a, b)
    same = D.text_score(a, a.replace("tiga", "3"))
    assert other.specifics < 0.5 <= same.specifics
    assert other.score <= max(other.edit, other.sorted_words, other.word_set) - 0.1
    assert same.score >= D.TEXT_THRESHOLD


@pytest.mark.parametrize("text", [
    "Terima kasih atas pelayanannya.",
    "Terima kasih atas pelayanannya yang sangat baik dan ramah, semoga pelayanan dipertahankan.",
    "Mohon ditindaklanjuti, terima kasih banyak pak.",
])
def test_short_or_generic_text_never_matches(text: str) -> None:
    assert not D.prepare(text).comparable
    assert D.text_score(text, text).score == 0.0


def test_form_lines_are_found_in_many_texts_and_left_out() -> None:
    form = "FORMULIR KOTAK SARAN\nKelurahan Batu Selicin\nNama:\nIsi saran / pengaduan:\n"
    texts = [form + f"Isi yang berbeda nomor {i} tentang hal lain." for i in range(6)]
    texts.append("Surat biasa tanpa formulir.\nBaris kedua surat.")
    common = D.common_lines(texts)
    assert common == {"formulir kotak saran", "kelurahan batu selicin", "nama",
                      "isi saran pengaduan"}
    # Read by OCR with a few letters wrong, the form line is still recognised.
    ocr = "F0RMULIR KOTAK SARAN\nKelurahan Batu Selicin\n" + LETTER
    assert D.strip_common(ocr, common) == LETTER
    # Two texts only: not a form (that is a duplicate, not boilerplate).
    assert D.common_lines([LETTER, LETTER]) == frozenset()


def test_form_lines_no_longer_make_different_slips_alike() -> None:
    form = "FORMULIR KOTAK SARAN\nKelurahan Batu Selicin Kecamatan Lubuk Baja\n" \
           "Nama (boleh dikosongkan):\nTanggal:\nIsi saran / pengaduan:\n"
    short_a = "Lampu jalan gang Mawar mati sejak minggu lalu, mohon diganti."
    short_b = "Parit depan musala tersumbat sampah plastik, air meluap ke jalan."
    a, b = form + short_a, form + short_b
    assert D.text_score(a, b).score > D.text_score(short_a, short_b).score
    common = D.common_lines([form + f"isi nomor {i}" for i in range(5)])
    assert D.text_score(D.strip_common(a, common), D.strip_common(b, common)).score == \
        D.text_score(short_a, short_b).score


def test_might_match_rules_out_unrelated_texts_only() -> None:
    typed = LETTER.replace("diangkut", "diangkt")
    assert D.might_match(LETTER, typed)
    assert not D.might_match(LETTER, "Jadwal vaksin balita di posyandu Melati bulan depan?")


def test_best_text_score_takes_the_best_pair() -> None:
    assert D.best_text_score([LETTER, SAME_TOPIC], [LETTER.upper()]) == 1.0
    assert D.best_text_score([], [LETTER]) == 0.0


def test_hamming_and_image_score() -> None:
    assert D.hamming("ffff000000000000", "ffff000000000000") == 0
    assert D.hamming("0000000000000000", "000000000000000f") == 4
    assert D.hamming("ffffffffffffffff", "0000000000000000") == 64
    assert D.image_score(0) == 1.0 and D.image_score(64) == 0.0
    assert D.image_score(8) == 0.875
    near = D.close_hashes("00000000000000ff", ["00000000000000fe", "ffffffff00000000",
                                                "00000000000000ff"], max_distance=1)
    assert near == {"00000000000000fe": 1, "00000000000000ff": 0}


def test_percent() -> None:
    assert D.percent(0.9249) == "92%" and D.percent(1.0) == "100%" and D.percent(0.005) == "1%"


def test_thresholds_are_sane() -> None:
    assert 0.5 < D.TEXT_THRESHOLD < 1.0
    assert 0.5 < D.IMAGE_TEXT_VETO <= D.TEXT_THRESHOLD
    assert 0 < D.IMAGE_MAX_DISTANCE < D.HASH_BITS // 4


def test_hit_sentences_in_indonesian_and_english() -> None:
    hit = DuplicateHit(7, "KS-KLBS-2026-000007", "Lampu padam", Status.DRAFT, "text", 0.92,
                       "92%")
    try:
        i18n.set_language("id")
        assert describe(hit) == "Mirip KS-KLBS-2026-000007: teksnya hampir sama (92%)"
        assert kind_label("image") == "Gambar halaman sama"
        i18n.set_language("en")
        assert describe(hit) == "Looks like KS-KLBS-2026-000007: nearly the same text (92%)"
        assert hit.to_json()["status"] == "draft"
    finally:
        i18n.set_language("id")
