"""Near-duplicate slips: text comparison and perceptual-hash distance (pure: no database).

Text. Both texts are normalised (case, accents, punctuation and the usual Indonesian
shorthand such as "yg", "dgn", "utk" folded away) and compared three ways with rapidfuzz:
the plain edit similarity (typos, OCR noise), the same on the words sorted (sentences in
another order) and, when the texts are of comparable length, the word-set similarity (a
greeting or a closing line added). The best of the three is lowered when the two texts name
different specifics: numbers (RT/RW, house numbers, amounts, dates) and names written with a
capital inside a sentence. Two letters of the same template that differ only in the street
and the RT are not the same letter. Texts that are short or made of generic words only
("Terima kasih atas pelayanannya.") never match: many people write exactly that.

Images. Pages are compared by the 64-bit perceptual hash that intake stores
(`kotaksaran.services.intake.phash`): the number of differing bits (Hamming distance).

The thresholds below were chosen on the tuning half of `bench/bench_duplicates.py` and
checked on its other half (figures in `bench/RESULTS.md`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

# --- thresholds (from bench/bench_duplicates.py) ---------------------------------------------
TEXT_THRESHOLD = 0.80  # text score at or above which two slips are flagged
TEXT_MIN_CHARS = 40  # a normalised text shorter than this never matches
TEXT_MIN_WORDS = 6  # ... nor one with fewer distinct content words than this
# Word-set similarity (a greeting added) counts only between texts of comparable length.
TOKEN_SET_MIN_LENGTH_RATIO = 0.6
# How much the score drops when none of the specifics of either text are in the other.
SPECIFICS_PENALTY = 0.25
# A specific "is in" the other text when a token there is this similar (OCR garbles digits).
SPECIFIC_MATCH_CUTOFF = 70.0
IMAGE_MAX_DISTANCE = 6  # bits of 64: pages this close are flagged as the same image
HASH_BITS = 64

# Shorthand that writers use or do not use; folded to the full word before comparing.
SHORTHAND: dict[str, str] = {
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "utk": "untuk", "tdk": "tidak",
    "gak": "tidak", "nggak": "tidak", "ngga": "tidak", "gk": "tidak", "tak": "tidak",
    "sdh": "sudah", "udah": "sudah", "udh": "sudah", "blm": "belum", "jg": "juga",
    "krn": "karena", "karna": "karena", "dr": "dari", "pd": "pada", "sy": "saya",
    "skrg": "sekarang", "smp": "sampai", "sampe": "sampai", "tsb": "tersebut",
    "tlg": "tolong", "mhn": "mohon", "byk": "banyak", "dlm": "dalam", "kpd": "kepada",
    "thd": "terhadap", "sbg": "sebagai", "bpk": "bapak", "dtg": "datang", "org": "orang",
    "trs": "terus", "lg": "lagi", "aja": "saja", "bgt": "banget", "tp": "tapi",
    "tpi": "tapi", "kl": "kalau", "klo": "kalau", "kalo": "kalau", "gmn": "bagaimana",
    "knp": "kenapa", "spt": "seperti", "ttg": "tentang", "hrs": "harus", "msh": "masih",
    "bln": "bulan", "thn": "tahun", "hr": "hari", "mgg": "minggu", "jln": "jalan",
    "jl": "jalan", "kel": "kelurahan", "kec": "kecamatan", "no": "nomor", "nmr": "nomor",
    "wr": "warahmatullahi", "wb": "wabarakatuh",
}

# Words that say nothing about which slip it is: function words, courtesy, people, the
# office. Neither counted as content nor used to look for candidates.
_STOPWORD_TEXT = """
ada adalah agar akan aku anda antara apa apakah atas atau bagaimana bagi bahkan bahwa baik
banyak banget bapak begitu belum berapa bersama beserta bila bisa boleh bu buat bukan dalam
dan dapat dari daripada dengan di dia dini dong ya hal hanya harap harus hingga ia ibu ini
itu jadi jika juga jangan kalau kalian kami kamu kapan karena kasih ke kecuali kemudian
kenapa kepada ketika kini kita lagi lah lain lalu maaf mana masih mau melalui memang mereka
misalnya mohon naik namun nya oleh pada padahal pak para per perlu pun saat saja sama sampai
sangat saya se sebab sebagai sebelum sedang sedangkan sehingga sejak selalu semua semoga
sendiri seperti sering serta sesudah setelah setiap sih silakan supaya sudah tadi tahu
tapi telah terima tersebut tetapi tidak tolong untuk walaupun yaitu yakni yang yth hormat
terhormat kasih terimakasih assalamualaikum warahmatullahi wabarakatuh wassalam selamat
pagi siang sore malam salam dengan sekali juga atas perhatian perhatiannya bantuannya
mohon kami harap berharap semoga segera diperhatikan ditindaklanjuti dimohon tindak lanjut
demikian laporan lapor melaporkan pelayanan pelayanannya petugas warga pihak kantor
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;\n]\s*$")
# Characters that OCR mixes up, folded together when specifics are compared.
_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "8": "b", "6": "b"})


def _fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The words of `text` in order: lower case, accents and punctuation gone, shorthand
    expanded."""
    folded = _fold_accents(unicodedata.normalize("NFKC", text).casefold())
    return [SHORTHAND.get(w, w) for w in _WORD.findall(folded)]


def normalize(text: str) -> str:
    """The text as compared: its `words` joined by single spaces."""
    return " ".join(words(text))


def content_words(text: str) -> list[str]:
    """Distinct words that can tell one slip from another (letters only, at least four of
    them, no stopword), in order of first appearance."""
    seen: dict[str, None] = {}
    for w in words(text):
        if len(w) >= 4 and w.isalpha() and w not in STOPWORDS:
            seen.setdefault(w, None)
    return list(seen)


def comparable(text: str) -> bool:
    """Long and specific enough to be compared at all."""
    return prepare(text).comparable


def specifics(text: str) -> frozenset[str]:
    """Numbers and capitalised names inside sentences: what tells two letters of one
    template apart (the street, the RT, the amount). Lower case, OCR look-alikes folded."""
    out: set[str] = set()
    for m in _WORD.finditer(unicodedata.normalize("NFKC", text)):
        w = m.group()
        if any(c.isdigit() for c in w):
            out.add(w.casefold().translate(_OCR_FOLD))
        elif (len(w) > 2 and w[0].isupper() and m.start() > 0
              and not _SENTENCE_END.search(text[:m.start()])):
            folded = _fold_accents(w.casefold())
            if folded not in STOPWORDS and folded not in SHORTHAND:
                out.add(folded.translate(_OCR_FOLD))
    return frozenset(out)


def search_words(text: str) -> list[str]:
    """Distinct words to look a text up in the full-text index: as written (lower case,
    accents folded, shorthand NOT expanded, so they are the index's own terms), letters
    only, at least four, no stopword and no word that shorthand stands for."""
    folded = _fold_accents(unicodedata.normalize("NFKC", text).casefold())
    seen: dict[str, None] = {}
    for w in _WORD.findall(folded):
        if (len(w) >= 4 and w.isalpha() and w not in STOPWORDS and w not in SHORTHAND
                and w not in _EXPANSIONS):
            seen.setdefault(w, None)
    return list(seen)


_EXPANSIONS = frozenset(SHORTHAND.values())


@dataclass(frozen=True)
class Prepared:
    """One text made ready for comparison (done once per text, not once per pair)."""

    text: str
    normalized: str
    comparable: bool
    specifics: frozenset[str]


def prepare(text: str) -> Prepared:
    norm = normalize(text)
    ok = len(norm) >= TEXT_MIN_CHARS and len(content_words(text)) >= TEXT_MIN_WORDS
    return Prepared(text, norm, ok, specifics(text) if ok else frozenset())


def _covered(mine: frozenset[str], theirs: frozenset[str]) -> float:
    """Share of `mine` with a close enough token in `theirs`."""
    pool = list(theirs)
    found = sum(1 for w in mine if process.extractOne(
        w, pool, scorer=fuzz.ratio, score_cutoff=SPECIFIC_MATCH_CUTOFF) is not None)
    return found / len(mine)


@dataclass(frozen=True)
class TextScore:
    """How alike two texts are, 0-1, and its parts (for the benchmark and tests)."""

    score: float
    edit: float  # plain edit similarity of the normalised texts
    sorted_words: float  # the same on the words sorted
    word_set: float  # word-set similarity (0 when the lengths differ too much)
    specifics: float  # 1 when the specifics agree (or there are none to compare)

    @property
    def is_duplicate(self) -> bool:
        return self.score >= TEXT_THRESHOLD


NO_MATCH = TextScore(0.0, 0.0, 0.0, 0.0, 1.0)


def text_score(a: str | Prepared, b: str | Prepared) -> TextScore:
    """Similarity of two slip texts; 0 when either is too short or generic to compare."""
    pa = a if isinstance(a, Prepared) else prepare(a)
    pb = b if isinstance(b, Prepared) else prepare(b)
    if not (pa.comparable and pb.comparable):
        return NO_MATCH
    na, nb = pa.normalized, pb.normalized
    edit = fuzz.ratio(na, nb) / 100
    sorted_words = fuzz.token_sort_ratio(na, nb, processor=None) / 100
    shorter, longer = sorted((len(na), len(nb)))
    word_set = (fuzz.token_set_ratio(na, nb, processor=None) / 100
                if shorter >= TOKEN_SET_MIN_LENGTH_RATIO * longer else 0.0)
    sa, sb = pa.specifics, pb.specifics
    # Agreement of the specifics: the better direction, so that a line added on one side
    # (a greeting naming the lurah) does not count against it; no evidence when either
    # side has none.
    agree = max(_covered(sa, sb), _covered(sb, sa)) if sa and sb else 1.0
    base = max(edit, sorted_words, word_set)
    score = max(0.0, base - SPECIFICS_PENALTY * (1.0 - agree))
    return TextScore(round(score, 4), round(edit, 4), round(sorted_words, 4),
                     round(word_set, 4), round(agree, 4))


def best_text_score(mine: Sequence[str | Prepared], theirs: Sequence[str | Prepared]
                    ) -> float:
    """The best `text_score` between any text of one slip (body, OCR text) and the other's."""
    best = 0.0
    for a in mine:
        for b in theirs:
            best = max(best, text_score(a, b).score)
    return best


# --- images --------------------------------------------------------------------------------
def hamming(a: str, b: str) -> int:
    """Differing bits between two perceptual hashes (hex strings)."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def image_score(distance: int) -> float:
    """A 0-1 score for a hash distance: 1 for identical hashes."""
    return round(max(0.0, 1.0 - distance / HASH_BITS), 4)


def close_hashes(target: str, hashes: Iterable[str],
                 max_distance: int = IMAGE_MAX_DISTANCE) -> dict[str, int]:
    """The hashes among `hashes` within `max_distance` bits of `target`, with the distance."""
    t = int(target, 16)
    out: dict[str, int] = {}
    for h in hashes:
        d = (t ^ int(h, 16)).bit_count()
        if d <= max_distance:
            out[h] = d
    return out


def percent(score: float) -> str:
    """A score as people read it: "92%"."""
    return f"{math.floor(score * 100 + 0.5)}%"
