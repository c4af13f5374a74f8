"""Indonesian text for the suggestion classifier: tokens with light affix stripping, the
personal data kept out of the features, and a title from the slip's own words (pure).

A token keeps the word as written (`surface`) beside its feature (`stem`), so that an
explanation can name the words of the slip itself.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .suggest_words import ACRONYMS, INFORMAL, KEEP, QUESTION_WORDS, ROOTS, STOP_COMMON

QUESTION_MARK = "?"
MAX_TITLE = 80


class Token(NamedTuple):
    stem: str  # the feature
    surface: str  # the word as the slip writes it (lowercase)
    stop: bool  # a function word (kept only for klasifikasi)


# --- personal data ------------------------------------------------------------------------
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# NIK (16 digits, maybe grouped) and phone numbers (08..., +62 ..., 62...), written with
# spaces, dots or dashes between groups.
_LONG_NUMBER = re.compile(r"(?<![\w])(?:\+?62|0)?[\d][\d .\-]{7,22}\d(?![\w])")
_NAME_AFTER = re.compile(
    r"\b(?i:nama(?:\s+saya)?|pelapor|hormat\s+saya)\s*(?i:adalah|ialah|:|,|-)?\s*"
    r"((?:[A-Z][\w'.]*\.?\s*){1,4})")
_CONTACT_WORDS = re.compile(r"\b(?:nik|hp|no\.?\s*hp|telp|telepon|wa|whatsapp|email|e-mail)\b"
                            r"\s*[:.]?", re.IGNORECASE)


def strip_personal(text: str, extra: Iterable[str] = ()) -> str:
    """The text without e-mail addresses, NIK and phone numbers, a name after "nama", and
    the given strings (the reporter's own name, NIK, phone and e-mail) wherever they occur;
    a capitalised part of a given name (a first name alone) goes too."""
    parts: set[str] = set()
    for value in extra:
        value = " ".join(value.split())
        if len(value) >= 3:
            text = _remove_folded(text, value)
            parts.update(p for p in value.split() if len(p) >= 3 and p[:1].isupper())
    if parts:
        text = _WORDS.sub(lambda m: " " if m.group() in parts else m.group(), text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    if _NUMBER_HINT.search(text):
        text = _LONG_NUMBER.sub(lambda m: " " if _digits(m.group()) >= 9 else m.group(), text)
    if _NAME_HINT.search(text):
        text = _NAME_AFTER.sub(lambda m: m.group()[: m.start(1) - m.start()] + " ", text)
    return text


# Cheap tests that say whether the slower patterns can match at all.
_NUMBER_HINT = re.compile(r"\d[\d .\-]{7}")
_NAME_HINT = re.compile(r"(?i:nama|pelapor|hormat)")


_WORDS = re.compile(r"\w+")


def _remove_folded(text: str, value: str) -> str:
    """``text`` without any case-insensitive occurrence of ``value``."""
    lowered, needle = text.lower(), value.lower()
    if len(lowered) != len(text):  # a letter whose lowercase has another length
        return re.sub(re.escape(value), " ", text, flags=re.IGNORECASE)
    out, start = [], 0
    while (at := lowered.find(needle, start)) >= 0:
        out += [text[start:at], " "]
        start = at + len(needle)
    return "".join(out) + text[start:] if out else text


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def has_personal(sentence: str) -> bool:
    """A sentence that names or reaches a person: better not turned into a title."""
    if _EMAIL.search(sentence) or _NAME_AFTER.search(sentence):
        return True
    if any(_digits(m.group()) >= 9 for m in _LONG_NUMBER.finditer(sentence)):
        return True
    return bool(_CONTACT_WORDS.search(sentence))


# --- tokens -------------------------------------------------------------------------------
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|\?")


def fold(text: str) -> str:
    """Lowercase ASCII: accents dropped, curly quotes and dashes made plain."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def tokens(text: str) -> list[Token]:
    """Words of ``text`` in order: informal spellings made standard, reduplication folded
    ("anak2", "anak-anak" -> "anak"), numbers dropped, each with its stem."""
    out: list[Token] = []
    for raw in _WORD.findall(fold(text)):
        out.extend(_word_tokens(raw))
    return out


@functools.lru_cache(maxsize=131072)
def _word_tokens(raw: str) -> tuple[Token, ...]:
    if raw == QUESTION_MARK:
        return (Token(QUESTION_MARK, QUESTION_MARK, False),)
    out: list[Token] = []
    for word in _split(raw):
        norm = INFORMAL.get(word, word)
        if not norm or norm[0].isdigit():
            continue
        for part in norm.split():
            stop = part in STOP_COMMON
            out.append(Token(part if stop else stem(part), word, stop))
    return tuple(out)


def _split(raw: str) -> list[str]:
    if raw in INFORMAL:
        return [raw]
    if "-" in raw:
        first, _, rest = raw.partition("-")
        if rest == first or rest.startswith(first) or first.startswith(rest):
            return [first]  # kebut-kebutan, anak-anak
        if len(first) <= 2:
            return [first + rest.replace("-", "")]  # e-ktp
        return [first, *rest.split("-")]
    if len(raw) > 3 and raw.endswith("2") and raw[:-1].isalpha():
        return [raw[:-1]]  # ibu2, anak2
    return [raw]


def content(toks: Iterable[Token]) -> list[Token]:
    """The tokens that carry a topic: no function words, questions or question marks."""
    return [t for t in toks if not t.stop and t.stem != QUESTION_MARK
            and t.stem not in QUESTION_WORDS and len(t.stem) > 1]


# --- affix stripping ----------------------------------------------------------------------
_VOWELS = "aeiou"
_PARTICLES = ("nya", "lah", "kah", "pun")
_SUFFIXES = ("", "i", "kan", "an")
# (prefix as written, what replaces it): meN-/peN- drop or recode the root's first letter.
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("", ""), ("di", ""), ("ke", ""), ("se", ""), ("ber", ""), ("be", ""), ("ter", ""),
    ("te", ""), ("per", ""), ("memper", ""), ("diper", ""), ("keber", ""), ("ber", ""),
    ("me", ""), ("mem", ""), ("mem", "p"), ("men", ""), ("men", "t"), ("meng", ""),
    ("meng", "k"), ("meny", "s"), ("menge", ""), ("pe", ""), ("pem", ""), ("pem", "p"),
    ("pen", ""), ("pen", "t"), ("peng", ""), ("peng", "k"), ("peny", "s"), ("penge", ""),
    ("ter", "t"),
)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light, consistent stem: a known root when some way of removing affixes gives one,
    otherwise conservative rules (a stem keeps at least four letters)."""
    if len(word) <= 4 or word in ROOTS or word in KEEP or not word.isalpha():
        return word
    for particle in _PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 3:
            base = word[: -len(particle)]
            if particle == "nya" or base in ROOTS:
                word = base
                break
    if word in ROOTS:
        return word
    for suffix in _SUFFIXES:
        if suffix and (not word.endswith(suffix) or len(word) - len(suffix) < 3):
            continue
        base = word[: len(word) - len(suffix)] if suffix else word
        for prefix, recode in _PREFIXES:
            if not base.startswith(prefix):
                continue
            root = recode + base[len(prefix):]
            if recode and (len(base) <= len(prefix) or base[len(prefix)] not in _VOWELS):
                continue
            if len(root) >= 3 and root in ROOTS:
                return root
    return _rule_stem(word)


def _rule_stem(word: str) -> str:
    prefixed = word.startswith(("di", "me", "pe", "ber", "ter", "ke"))
    suffix = ""
    if word.endswith("kan") and len(word) - 3 >= 4:
        word, suffix = word[:-3], "kan"
    elif word.endswith("an") and len(word) - 2 >= 5:
        word, suffix = word[:-2], "an"
    elif prefixed and word.endswith("i") and len(word) - 1 >= 5 and word[-2] not in _VOWELS:
        word, suffix = word[:-1], "i"
    for prefix, recode in _RULE_PREFIXES:
        if not word.startswith(prefix) or (prefix == "ke" and suffix != "an"):
            continue
        rest = word[len(prefix):]
        if len(rest) < 4:
            return word  # too short to be a root: keep the word
        return recode + rest if recode and rest[0] in _VOWELS else rest
    return word


# Longest first: one prefix at most; meN-/peN- before a vowel recode the dropped letter.
_RULE_PREFIXES: tuple[tuple[str, str], ...] = (
    ("memper", ""), ("diper", ""), ("menge", ""), ("penge", ""), ("meny", "s"), ("peny", "s"),
    ("meng", ""), ("peng", ""), ("mem", "p"), ("pem", "p"), ("men", "t"), ("pen", "t"),
    ("ber", ""), ("ter", ""), ("per", ""), ("di", ""), ("me", ""), ("pe", ""), ("ke", ""),
)


# --- a title from the text ----------------------------------------------------------------
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_GREETING = re.compile(
    r"^\s*(?:(?:dengan\s+hormat|yth\.?|kepada\s+yth\.?|kpd\.?\s*yth\.?|kepada|kpd\.?|"
    r"assalamu'?alaikum(?:\s+wr\.?\s*wb\.?)?|salam\s+sejahtera|selamat\s+(?:pagi|siang|sore|"
    r"malam)|permisi|mohon\s+maaf(?:\s+sebelumnya)?|maaf|numpang\s+tanya|"
    r"(?:bapak|ibu|pak|bu)(?:\s*/\s*ibu)?(?:\s+(?:lurah|camat|petugas|kepala))?"
    r"(?:\s+[a-z]+)?)\s*[,.!:]+\s*)+", re.IGNORECASE)
_LEAD_FILLER = re.compile(
    r"^\s*(?:saya|kami)\s+(?:mau|ingin|hendak)\s+(?:melaporkan|lapor|mengadukan|"
    r"menyampaikan)(?:\s+bahwa)?\s*[,:]?\s*", re.IGNORECASE)
_CLOSING = re.compile(r"^\s*(?:terima\s*kasih|terimakasih|makasih|wassalam|hormat\s+saya)\b",
                      re.IGNORECASE)
_CLAUSE_BREAKS = (", ", "; ", ": ", " karena ", " krn ", " padahal ", " sehingga ", " tapi ",
                  " tetapi ", " namun ", " sedangkan ", " sampai ")
_ABBREVIATIONS = {k: v for k, v in INFORMAL.items()
                  if not any(ch in _VOWELS for ch in k) and k not in ("hp", "wifi")}


@dataclass(frozen=True)
class TitleCandidate:
    text: str
    complete: bool  # the whole clause fitted


def title_candidates(text: str, limit: int = 3) -> list[TitleCandidate]:
    """Short titles from the first sentences that are not greetings, closings or personal
    data, in sentence case, at most ``MAX_TITLE`` characters."""
    out: list[TitleCandidate] = []
    for sentence in _SENTENCES.split(text.strip()):
        sentence = _GREETING.sub("", sentence).strip()
        sentence = _LEAD_FILLER.sub("", sentence).strip()
        if len(sentence.split()) < 3 or _CLOSING.match(sentence) or has_personal(sentence):
            continue
        clause, complete = _trim(sentence)
        title = _sentence_case(clause)
        if title and all(c.text.lower() != title.lower() for c in out):
            out.append(TitleCandidate(title, complete))
        if len(out) >= limit:
            break
    return out


def _trim(sentence: str) -> tuple[str, bool]:
    sentence = " ".join(sentence.split()).rstrip(" .,;:!-")
    if len(sentence) <= MAX_TITLE:
        return sentence, True
    lowered = sentence.lower()
    cuts = [lowered.find(b) for b in _CLAUSE_BREAKS]
    good = [c for c in cuts if 25 <= c <= MAX_TITLE]
    if good:
        return sentence[: min(good)].rstrip(" .,;:-"), False
    cut = sentence.rfind(" ", 0, MAX_TITLE + 1)
    return sentence[: cut if cut > 20 else MAX_TITLE].rstrip(" .,;:-"), False


def _sentence_case(text: str) -> str:
    letters = [ch for ch in text if ch.isalpha()]
    shouting = bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.6
    words = []
    for word in text.split():
        bare = word.strip(".,;:!?()\"'").lower()
        core = re.sub(r"2$", "", bare) if re.fullmatch(r"[a-z]{3,}2", bare) else bare
        if core != bare:  # ibu2 -> ibu-ibu
            word = word.lower().replace(bare, f"{core}-{core}")
        elif bare in _ABBREVIATIONS:
            word = word.lower().replace(bare, _ABBREVIATIONS[bare])
        elif bare in ACRONYMS:
            word = word.replace(word.strip(".,;:!?()\"'"), bare.upper())
        elif shouting:
            word = word.lower()
        words.append(word)
    if not words:
        return ""
    first = words[0]
    words[0] = first[:1].upper() + first[1:]
    return " ".join(words)
