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

Printed forms. Lines that are in the OCR text of many slips ("FORMULIR KOTAK SARAN",
"Nama:") are the office's form, not the reporter's words: `common_lines` finds them and
`strip_common` removes them before comparing.

Images. Pages are compared by the 64-bit perceptual hash that intake stores
(`kotaksaran.services.intake.phash`): the number of differing bits (Hamming distance). The
hash sees the page at 32x32 pixels, where two slips on one printed form look alike; so when
both slips have text, an image match needs the texts not to disagree (`IMAGE_TEXT_VETO`), and
a page close to many slips' pages is taken for the form itself (`IMAGE_CROWD`).

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
from rapidfuzz.utils import default_process

# --- thresholds (from bench/bench_duplicates.py) ---------------------------------------------
TEXT_THRESHOLD = 0.75  # text score at or above which two slips are flagged
TEXT_MIN_CHARS = 40  # a normalised text shorter than this never matches
TEXT_MIN_WORDS = 6  # ... nor one with fewer distinct content words than this
# Word-set similarity (a greeting added) counts only between texts of comparable length.
TOKEN_SET_MIN_LENGTH_RATIO = 0.4
# How much the score drops when none of the specifics of either text are in the other.
SPECIFICS_PENALTY = 0.25
# A specific "is in" the other text when a token there is this similar (OCR garbles digits),
# or, for one of at least SPECIFIC_SPAN_MIN_CHARS characters, a stretch of the other text
# with its spaces removed is (OCR runs words together and splits them).
SPECIFIC_MATCH_CUTOFF = 70.0
SPECIFIC_SPAN_MIN_CHARS = 5
SPECIFIC_SPAN_CUTOFF = 80.0
# The penalty in full takes this many specifics on the side with fewer; fewer count less.
SPECIFICS_FULL_WEIGHT = 3
IMAGE_MAX_DISTANCE = 5  # bits of 64: pages this close are flagged as the same image
# ... unless both slips have text to compare and it scores below this: two slips on the same
# printed form look alike at 32x32 pixels, but they say different things.
IMAGE_TEXT_VETO = 0.7
# ... and a page that has more than this many other slips that close is no evidence at all:
# it looks like the printed form, not like one slip.
IMAGE_CROWD = 2
QUICK_LOOK_MIN = 55.0  # `might_match`: candidates below this are not scored at all
# A line that is in the OCR text of this many of the office's recent slips (and this share of
# them) is printed on its form ("FORMULIR KOTAK SARAN", "Nama:", "Isi saran:"), not written
# by the reporter: it is left out before texts are compared.
BOILERPLATE_MIN_SLIPS = 5
BOILERPLATE_SHARE = 0.02
BOILERPLATE_LINE_MATCH = 90.0  # a line this similar to a form line (OCR noise) is one too
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
_SENTENCE_MARKS = frozenset(".!?:;\n")
# Characters that OCR mixes up, folded together when specifics are compared.
_OCR_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "5": "s", "8": "b", "6": "b"})


def _fold_accents(text: str) -> str:
    if text.isascii():
        return text
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
    text = unicodedata.normalize("NFKC", text)
    last_end = -1  # -1: the next word starts a sentence
    for m in _WORD.finditer(text):
        w = m.group()
        starts = last_end < 0 or any(c in _SENTENCE_MARKS for c in text[last_end:m.start()])
        last_end = m.end()
        if any(c.isdigit() for c in w):
            out.add(w.casefold().translate(_OCR_FOLD))
        elif len(w) > 2 and w[0].isupper() and not starts:
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
    content: str = ""  # the normalised words without stopwords: greetings mostly gone
    squeezed: str = ""  # normalised, no spaces, OCR look-alikes folded


def prepare(text: str) -> Prepared:
    ws = words(text)
    norm = " ".join(ws)
    ok = len(norm) >= TEXT_MIN_CHARS and len(content_words(text)) >= TEXT_MIN_WORDS
    if not ok:
        return Prepared(text, norm, False, frozenset())
    content = " ".join(w for w in ws if w not in STOPWORDS)
    return Prepared(text, norm, True, specifics(text), content,
                    norm.replace(" ", "").translate(_OCR_FOLD))


def _covered(mine: Prepared, theirs: Prepared) -> float:
    """Share of the specifics of `mine` found in `theirs`."""
    pool = list(theirs.specifics)
    found = 0
    for w in mine.specifics:
        if process.extractOne(w, pool, scorer=fuzz.ratio,
                              score_cutoff=SPECIFIC_MATCH_CUTOFF) is not None or (
                len(w) >= SPECIFIC_SPAN_MIN_CHARS
                and fuzz.partial_ratio(w, theirs.squeezed) >= SPECIFIC_SPAN_CUTOFF):
            found += 1
    return found / len(mine.specifics)


def _similarity(a: str, b: str) -> tuple[float, float, float]:
    edit = fuzz.ratio(a, b) / 100
    sorted_words = fuzz.token_sort_ratio(a, b, processor=None) / 100
    shorter, longer = sorted((len(a), len(b)))
    word_set = (fuzz.token_set_ratio(a, b, processor=None) / 100
                if shorter >= TOKEN_SET_MIN_LENGTH_RATIO * longer else 0.0)
    return edit, sorted_words, word_set


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
    full = _similarity(pa.normalized, pb.normalized)
    content = _similarity(pa.content, pb.content)
    edit, sorted_words, word_set = (max(x, y) for x, y in zip(full, content, strict=True))
    # Agreement of the specifics: the better direction, so that a line added on one side
    # (a greeting naming the lurah) does not count against it; no evidence when either
    # side has none, and less when there are few.
    few = min(len(pa.specifics), len(pb.specifics))
    agree = max(_covered(pa, pb), _covered(pb, pa)) if few else 1.0
    weight = min(1.0, few / SPECIFICS_FULL_WEIGHT)
    base = max(edit, sorted_words, word_set)
    score = max(0.0, base - SPECIFICS_PENALTY * weight * (1.0 - agree))
    return TextScore(round(score, 4), round(edit, 4), round(sorted_words, 4),
                     round(word_set, 4), round(agree, 4))


def might_match(a: str, b: str) -> bool:
    """A quick look (rapidfuzz's word-set ratio on the raw texts) that rules out most pairs
    before the full `text_score`; never false for a pair that could reach the thresholds
    (in the benchmark, the lowest quick score of a pair scoring 0.7 or more is ~73)."""
    return fuzz.token_set_ratio(a, b, processor=default_process) >= QUICK_LOOK_MIN


def best_text_score(mine: Sequence[str | Prepared], theirs: Sequence[str | Prepared]
                    ) -> float:
    """The best `text_score` between any text of one slip (body, OCR text) and the other's."""
    best = 0.0
    for a in mine:
        for b in theirs:
            best = max(best, text_score(a, b).score)
    return best


# --- printed forms ---------------------------------------------------------------------------
def text_lines(text: str) -> list[str]:
    """The normalised non-empty lines of a text."""
    return [n for n in (normalize(line) for line in text.splitlines()) if n]


def common_lines(texts: Iterable[str], min_slips: int = BOILERPLATE_MIN_SLIPS,
                 share: float = BOILERPLATE_SHARE) -> frozenset[str]:
    """Lines found in many of `texts` (each text counted once): the printed form."""
    counts: dict[str, int] = {}
    n = 0
    for t in texts:
        n += 1
        for line in set(text_lines(t)):
            counts[line] = counts.get(line, 0) + 1
    need = max(min_slips, math.ceil(share * n))
    return frozenset(line for line, c in counts.items() if c >= need)


def strip_common(text: str, common: frozenset[str]) -> str:
    """`text` without its lines of the printed form (exactly, or nearly: OCR noise)."""
    if not common:
        return text
    pool = list(common)
    kept = []
    for line in text.splitlines():
        n = normalize(line)
        if n and (n in common or process.extractOne(
                n, pool, scorer=fuzz.ratio, score_cutoff=BOILERPLATE_LINE_MATCH) is not None):
            continue
        kept.append(line)
    return "\n".join(kept)


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
