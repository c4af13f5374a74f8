"""Personal data in slip text: find it, mask it, and black it out on the page image.

Pure functions (no database, no Qt). What is found (`Span.kind`):

* ``nik`` - a 16-digit NIK (or KK number), written in one run (``3201012345670001``) or in
  groups with one kind of separator (``3201 0123 4567 0001``, ``32.01.01.234567.0001``). A
  grouped number counts only when it starts like a province code (11-99) and holds no date,
  unless "NIK"/"KTP" stands just before it. OCR's ``O``/``o`` for 0 and ``I``/``l``/``|``
  for 1 are read as digits inside a token that is at least two thirds digits. Right after
  its label ("NIK:", "No. KTP") a number is taken even with a digit or two misread.
* ``phone`` - mobile numbers ``08..`` / ``+62 8..`` / ``628..`` of 10-13 digits in the ways
  people group them, and landlines with an area code (``(021) 555 1234``, ``0778-123456``);
  a landline or a number without its ``0`` (``WA 812 3456 7890``) needs a bracketed area
  code, ``+62`` or a word such as telp/hp/wa before it (after which misread digits are
  tolerated as for a NIK).
* ``email`` - ``name@host.tld`` (spaces around the ``@`` that OCR adds are tolerated).
* ``name`` - the 1-4 capitalised or upper-case words after "nama", "nama saya", "saya
  bernama", "nama lengkap", "nama pelapor", "Nama :" and a letter's closing "Hormat saya,";
  the run stops at punctuation, a line end or a word such as alamat/RT/NIK/umur/warga. A
  name of someone else ("petugas bernama ...") is the report's content and is left alone.
* ``extra_terms`` - the slip's own reporter name, NIK, phone and email, found anywhere
  (case-insensitive, any spacing; the phone in any of its prefixes, the parts of a full name
  when they stand capitalised on their own).

Never masked: dates, money amounts, RT/RW, house numbers, postal codes, years, times, local
slip numbers (``KS-KLBS-2026-000123``) and other short numbers - a number is only masked
when it has the length and shape of a NIK or a phone number.

The masked text is always Bahasa Indonesia (it leaves the office), whatever the UI language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .engine import OcrWord
from .redact import Box, compress_page, redact

__all__ = ["EMAIL", "KINDS", "NAME", "NIK", "PHONE", "PLACEHOLDERS", "PROVINCES", "Box", "Span",
           "Term", "compress_page", "digit_view", "find_personal_data", "layout_text", "mask",
           "mask_text", "page_redactions", "redact", "redaction_boxes", "word_spans"]

NIK, PHONE, EMAIL, NAME = "nik", "phone", "email", "name"
KINDS = (NIK, PHONE, EMAIL, NAME)

# What replaces each kind in text that leaves the office: Indonesian by design (the report
# is read upstream in Indonesian), never translated.
PLACEHOLDERS: dict[str, str] = {
    NIK: "[NIK disamarkan]",
    PHONE: "[nomor telepon disamarkan]",
    EMAIL: "[email disamarkan]",
    NAME: "[nama disamarkan]",
}

Term = str | tuple[str, str]  # a value, or (kind, value)


@dataclass(frozen=True)
class Span:
    kind: str  # one of KINDS
    start: int
    end: int  # exclusive
    text: str


# --- digits, including the letters OCR reads for them ------------------------------------------
_AS_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"}
# A whole token of digits and those letters, with at least one digit and one letter.
_MIXED = re.compile(r"(?<![0-9A-Za-z|])(?=[0-9OoIl|]*[OoIl|])(?=[0-9OoIl|]*[0-9])"
                    r"[0-9OoIl|]+(?![0-9A-Za-z|])")
_DIGITS = "0123456789"


def digit_view(text: str) -> str:
    """`text` with O/o/I/l/| turned into digits inside tokens that are mostly digits
    ("32O1" -> "3201", "l0" -> "10"); same length, so offsets carry over."""
    chars: list[str] | None = None
    for m in _MIXED.finditer(text):
        tok = m.group()
        digits = sum(c in _DIGITS for c in tok)
        if digits < 2 * (len(tok) - digits):
            continue
        if chars is None:
            chars = list(text)
        for i, c in enumerate(tok, m.start()):
            chars[i] = _AS_DIGIT.get(c, c)
    return text if chars is None else "".join(chars)


_GROUP = re.compile(r"(?<![A-Za-z0-9])[0-9]+(?![A-Za-z0-9])")
# Between two digit groups of one number: spaces, or one dot or dash (spaces around it
# allowed), with the closing bracket of an area code before it and an opening one after.
_GAP = re.compile(r"\)?[ \t]{0,2}(?:[.\-][ \t]{0,2})?\(?")
# dd-mm-yyyy (or . / space), not inside a longer chain of groups such as 31.71.01.234567.
_DATE = re.compile(r"(?<![0-9])(?<![0-9][-./ ])([0-9]{1,2})([-./ ])([0-9]{1,2})\2"
                   r"([0-9]{4}|[0-9]{2})(?![0-9])(?!\2[0-9])")
_NIK_WORD = re.compile(r"(?i)(?:\bnik|\bktp|\bkk|kependudukan|keluarga)\b[^0-9\n]{0,12}$")
_PHONE_WORD = re.compile(
    r"(?i)\b(?:telp|tlp|telpon|telepon|tel|hp|handphone|ponsel|wa|whatsapp|kontak|hubungi|"
    r"phone|sms)\b[^0-9\n]{0,12}$")


# The first two digits of a NIK: the province codes.
PROVINCES = frozenset([*range(11, 20), 21, *range(31, 37), *range(51, 54), *range(61, 66),
                       *range(71, 77), 81, 82, *range(91, 98)])


@dataclass(frozen=True)
class _Group:
    start: int
    end: int
    digits: str
    sep: str  # the separator before this group in its chain ("" for the first)


def _dates(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _DATE.finditer(text)
            if 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(3)) <= 12]


def _chains(view: str) -> list[list[_Group]]:
    """Runs of digit groups that may be one number written with separators. The digits of a
    date belong to no number (a date breaks a run)."""
    chains: list[list[_Group]] = []
    prev: _Group | None = None
    dates = _dates(view)  # sorted, not overlapping
    k = 0
    for m in _GROUP.finditer(view):
        while k < len(dates) and dates[k][1] <= m.start():
            k += 1
        if k < len(dates) and dates[k][0] <= m.start():
            prev = None
            continue
        gap = view[prev.end:m.start()] if prev is not None else None
        if prev is not None and gap and _GAP.fullmatch(gap) and "\n" not in gap:
            sep = gap.strip(" \t()") or " "
            g = _Group(m.start(), m.end(), m.group(), sep)
            chains[-1].append(g)
        else:
            g = _Group(m.start(), m.end(), m.group(), "")
            chains.append([g])
        prev = g
    return chains


def _has_date(text: str) -> bool:
    return bool(_dates(text))


def _nik_at(view: str, chain: list[_Group], i: int) -> int | None:
    """End index (exclusive, in `chain`) of a NIK starting at group i, or None."""
    total = 0
    for j in range(i, len(chain)):
        total += len(chain[j].digits)
        if total > 16:
            return None
        if total == 16:
            break
    else:
        return None
    window = chain[i:j + 1]
    if len(window) == 1:
        return j + 1
    start, end = window[0].start, window[-1].end
    if _NIK_WORD.search(view[max(0, start - 30):start]):
        return j + 1
    seps = {g.sep for g in window[1:]}
    digits = "".join(g.digits for g in window)
    years = sum(len(g.digits) == 4 and g.digits[:2] in ("19", "20") for g in window)
    if (len(seps) == 1 and int(digits[:2]) in PROVINCES and years < 2 and len(window) <= 6
            and all(len(g.digits) >= 2 for g in window) and not _has_date(view[start:end])
            and not _date_groups(window)):
        return j + 1
    return None


def _date_groups(window: list[_Group]) -> bool:
    """Day, month and a 19xx/20xx year as three groups in a row ("12 08 2024")."""
    for a, b, c in zip(window, window[1:], window[2:], strict=False):
        if (len(a.digits) <= 2 and len(b.digits) <= 2 and len(c.digits) == 4
                and 1 <= int(a.digits) <= 31 and 1 <= int(b.digits) <= 12
                and c.digits[:2] in ("19", "20")):
            return True
    return False


def _phone_at(view: str, text: str, chain: list[_Group], i: int) -> tuple[int, int] | None:
    """(end group index, start offset incl. '+'/'(') of a phone number at group i."""
    first = chain[i]
    start = first.start
    while start > 0 and text[start - 1] in "+(" and first.start - start < 2:
        start -= 1
    plus = "+" in text[start:first.start]
    bracket = "(" in text[start:first.start] or view[first.end:first.end + 1] == ")"
    keyword = _PHONE_WORD.search(view[max(0, start - 30):start]) is not None
    d = first.digits
    if d.startswith("62") and (plus or keyword or d.startswith("628")):
        lo, hi = 11, 14  # 62 + 9..12 national digits
        if len(d) > 2 and d[2] != "8" and not (plus or keyword):
            return None
        if len(d) == 2 and not (plus or keyword):
            return None
    elif d.startswith("08"):
        if len(d) < 3:  # "08.30" is a time
            return None
        lo, hi = 10, 13
    elif d.startswith("0") and len(d) >= 2 and d[1] in "234579":
        if not (bracket or keyword or plus or (3 <= len(d) <= 4 and len(chain) > i + 1)
                or 9 <= len(d) <= 12):
            return None
        lo, hi = 9, 12
    elif d.startswith("8") and keyword:
        lo, hi = 9, 12
    else:
        return None
    total, best = 0, None
    for j in range(i, len(chain)):
        total += len(chain[j].digits)
        if total > hi:
            break
        if total >= lo:
            best = j + 1
    if best is None:
        return None
    if _has_date(view[first.start:chain[best - 1].end]):
        return None
    return best, start


def _numbers(text: str) -> list[Span]:
    view = digit_view(text)
    spans: list[Span] = []
    for chain in _chains(view):
        i = 0
        while i < len(chain):
            end = _nik_at(view, chain, i)
            if end is not None:
                s, e = chain[i].start, chain[end - 1].end
                spans.append(Span(NIK, s, e, text[s:e]))
                i = end
                continue
            found = _phone_at(view, text, chain, i)
            if found is not None:
                end, s = found
                e = chain[end - 1].end
                if text[e:e + 1] == ")" and "(" in text[s:chain[i].start]:
                    e += 1
                spans.append(Span(PHONE, s, e, text[s:e]))
                i = end
                continue
            i += 1
    return spans


# A number written after its label ("NIK:", "HP") is taken even when OCR misread a digit or
# two ("028S"): each token must still be mostly digits, and the count must fit.
_NIK_LABEL = re.compile(r"(?i)\b(?:nik|no\.?[ \t]*ktp|ktp|nomor[ \t]+induk[ \t]+kependudukan)\b"
                        r"[ \t]*[:.=\-]?[ \t]*")
_PHONE_LABEL = re.compile(r"(?i)\b(?:no\.?[ \t]*)?(?:hp|wa|telp|tlp|telepon|whatsapp|ponsel|"
                          r"handphone)\b[ \t]*[:.=\-]?[ \t]*")
_LABELLED_TOKEN = re.compile(r"[ \t]?[.\-]?[ \t]?(\+?\(?[0-9A-Za-z|]+\)?)")
_DIGIT_LIKE = set(_DIGITS) | set(_AS_DIGIT) | set("SBZGsbzg")


def _labelled_run(text: str, pos: int) -> tuple[int, int, int] | None:
    """(start, end, digit count) of the digit-like tokens from `pos` on one line; the first
    token starts with a real digit and at least 60% of the characters are real digits."""
    start, end, count, real = None, pos, 0, 0
    for _ in range(8):
        m = _LABELLED_TOKEN.match(text, end)
        if m is None:
            break
        tok = m.group(1).strip("+()")
        if not tok or any(c not in _DIGIT_LIKE for c in tok):
            break
        if not any(c in _DIGITS for c in tok) and any(c not in _AS_DIGIT for c in tok):
            break  # "Bos" after a number is a word
        if start is None:
            if tok[0] not in _DIGITS:
                break
            start = m.start(1)
        count += len(tok)
        real += sum(c in _DIGITS for c in tok)
        end = m.end(1)
        if m.group(1).endswith(")") and "(" not in m.group(1):
            end -= 1  # "(hp 0812...)": the bracket closes the sentence, not the number
            break
    if start is None or real < 0.6 * count:
        return None
    return start, end, count


def _labelled(text: str) -> list[Span]:
    spans = []
    for label, kind, lo, hi in ((_NIK_LABEL, NIK, 15, 17), (_PHONE_LABEL, PHONE, 9, 14)):
        for m in label.finditer(text):
            run = _labelled_run(text, m.end())
            if run is not None and lo <= run[2] <= hi and not _has_date(text[run[0]:run[1]]):
                spans.append(Span(kind, run[0], run[1], text[run[0]:run[1]]))
    return spans


# --- emails --------------------------------------------------------------------------------
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
# OCR sometimes reads "gmail.com" as "gmail. com": a space after a dot is accepted before
# the common domain endings only.
_COMMON_TLD = r"(?:com|net|org|id|co|go|ac|sch|or|web|my|info|biz)\b"
_EMAIL = re.compile(
    r"(?<![\w.+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*[ \t]?@[ \t]?" + _LABEL
    + r"(?:\.(?:" + _LABEL + r"|[ \t]" + _COMMON_TLD + r"))*"
    + r"\.(?:[A-Za-z]{2,}\b|[ \t]" + _COMMON_TLD + ")", re.ASCII)


def _emails(text: str) -> list[Span]:
    return [Span(EMAIL, m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]


# --- names after "nama" ----------------------------------------------------------------------
_NAME_TRIGGER = re.compile(
    r"(?i)\b(?:nama\s+lengkap(?:\s+saya)?|nama\s+saya|saya\s+bernama|nama\s+pelapor|nama)\b"
    r"(?:[ \t]*[:=\-][ \t]*|[ \t]+(?:adalah|ialah)[ \t]+|[ \t]+)")
_SIGN_TRIGGER = re.compile(r"(?i)\b(?:hormat\s+(?:saya|kami)|salam\s+saya|pelapor)[ \t]*[,:]?"
                           r"[ \t]*\n\s*")
# "Terima kasih, Pak Darto": a closing thanks signed with an honorific and a name.
_THANKS_TRIGGER = re.compile(r"(?i)\bterima\s+kasih[ \t]*,?\s*(?=(?:Bapak|Pak|Ibu|Bu)[ \t]+[A-Z])")
_HONORIFIC = re.compile(
    r"(?i:Bapak|Bpk|Ibu|Pak|Bu|Sdr|Sdri|Saudara|Saudari|Tn|Ny|Nn|Hj|H|Drs|Dra|Dr|Ir)\.?[ \t]+")
_NAME_WORD = re.compile(r"[ \t]*([A-Z][A-Za-z'`\-]*)(\.?)")
# Capitalised words that end a name rather than belong to it.
_STOP_WORDS = """
alamat beralamat tinggal bertempat domisili warga penduduk rt rw nik ktp kk umur usia tahun
thn dari di ke yang dan dengan atau serta selaku sebagai no nomor telp tlp telepon hp wa
email jl jln jalan gang gg blok komplek kompleks perumahan perum lingkungan dusun kampung
desa kelurahan kel kecamatan kec kota kabupaten kab provinsi pekerjaan agama tempat tanggal
tgl lahir jenis kelamin status saya kami ingin mau akan sudah telah mohon terima kasih
lurah camat bupati walikota wali ketua kepala pak bu bapak ibu anak istri suami orang tua
tidak bukan belum
"""
NAME_STOP = frozenset(_STOP_WORDS.split())
MAX_NAME_WORDS = 4


def _name_after(text: str, pos: int) -> Span | None:
    start = pos
    m = _HONORIFIC.match(text, pos)
    if m is not None:
        pos = m.end()
    end = None
    count = 0
    while count < MAX_NAME_WORDS:
        w = _NAME_WORD.match(text, pos)
        if w is None:
            break
        word, dot = w.group(1), w.group(2)
        if word.lower().strip("'`-") in NAME_STOP:
            break
        if not (word[1:].islower() or word.isupper() or len(word) == 1):
            break
        count += 1
        if dot and len(word) > 2:  # a full stop ends the sentence, not an initial
            end = w.start(2)
            break
        end = w.end()
        pos = w.end()
        nxt = text[pos:pos + 1]
        if nxt not in (" ", "\t"):
            break
    if end is None or count == 0:
        return None
    return Span(NAME, start, end, text[start:end])


def _names(text: str) -> list[Span]:
    spans = []
    for trigger in (_NAME_TRIGGER, _SIGN_TRIGGER, _THANKS_TRIGGER):
        for m in trigger.finditer(text):
            span = _name_after(text, m.end())
            if span is not None:
                spans.append(span)
    return spans


# --- the slip's own identity -------------------------------------------------------------
_SPACING = r"[\s.\-]*"
_PHONE_SPACING = r"[ \t.\-()]*"


def _term_kind(value: str) -> str:
    compact = re.sub(r"[\s.\-()]", "", digit_view(value))
    if "@" in value:
        return EMAIL
    if compact.lstrip("+").isdigit():
        return NIK if len(compact) == 16 else PHONE
    return NAME


def _term_patterns(kind: str, value: str) -> list[re.Pattern[str]]:
    value = value.strip()
    if not value:
        return []
    if kind == EMAIL:
        local, _, host = value.partition("@")
        return [re.compile(r"(?i)(?<![\w.])" + re.escape(local) + r"[ \t]?@[ \t]?"
                           + re.escape(host) + r"\b")]
    if kind in (NIK, PHONE):
        digits = re.sub(r"[^0-9]", "", digit_view(value))
        if len(digits) < 6:
            return []
        if kind == PHONE:
            national = digits[2:] if digits.startswith("62") else digits.lstrip("0")
            body = _PHONE_SPACING.join(national)
            return [re.compile(r"(?<![0-9])\(?(?:\+[ \t]?62|62|0)?" + _PHONE_SPACING
                               + body + r"(?![0-9])")]
        return [re.compile(r"(?<![0-9])" + _SPACING.join(digits) + r"(?![0-9])")]
    words = [w for w in re.split(r"\s+", value) if w]
    out = [re.compile(r"(?i)(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")]
    if len(words) > 1:  # a part of the full name, standing capitalised on its own
        for w in words:
            bare = w.strip(".,")
            if len(bare) >= 4 and bare.lower() not in NAME_STOP and bare.isalpha():
                out.append(re.compile(r"(?<!\w)(?:" + re.escape(bare.capitalize()) + "|"
                                      + re.escape(bare.upper()) + r")(?!\w)"))
    return out


def _terms(text: str, terms: Iterable[Term]) -> list[Span]:
    spans: list[Span] = []
    view = digit_view(text)
    for term in terms:
        if isinstance(term, tuple):
            kind, value = term
        else:
            kind, value = _term_kind(term), term
        if not value or kind not in KINDS:
            continue
        haystack = view if kind in (NIK, PHONE) else text
        for pattern in _term_patterns(kind, value):
            for m in pattern.finditer(haystack):
                s, e = m.start(), m.end()
                while s < e and text[s] in " \t":  # a gap before a number without prefix
                    s += 1
                if s < e:
                    spans.append(Span(kind, s, e, text[s:e]))
    return spans


# --- putting it together ---------------------------------------------------------------------
def _resolve(text: str, spans: list[Span]) -> list[Span]:
    """Non-overlapping spans in order; overlapping ones merge into the longest one's kind."""
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if out and sp.start < out[-1].end:
            last = out[-1]
            if sp.end > last.end:
                longer = sp if sp.end - sp.start > last.end - last.start else last
                out[-1] = Span(longer.kind, last.start, sp.end, text[last.start:sp.end])
            continue
        out.append(sp)
    return out


def find_personal_data(text: str, extra_terms: Iterable[Term] = ()) -> list[Span]:
    """Every NIK, phone number, email and self-given name in `text`, plus each occurrence of
    `extra_terms` (plain values, or (kind, value) pairs), sorted and non-overlapping."""
    if not text:
        return []
    spans = _emails(text)
    spans += _numbers(text)
    spans += _labelled(text)
    spans += _names(text)
    spans += _terms(text, extra_terms)
    return _resolve(text, spans)


def mask_text(text: str, spans: Iterable[Span]) -> str:
    """`text` with each span replaced by its Indonesian placeholder."""
    out: list[str] = []
    pos = 0
    for sp in _resolve(text, list(spans)):
        out.append(text[pos:sp.start])
        out.append(PLACEHOLDERS.get(sp.kind, PLACEHOLDERS[NAME]))
        pos = sp.end
    out.append(text[pos:])
    return "".join(out)


def mask(text: str, extra_terms: Iterable[Term] = ()) -> str:
    return mask_text(text, find_personal_data(text, extra_terms))


# --- OCR words <-> text ----------------------------------------------------------------------
def layout_text(words: Sequence[OcrWord]) -> str:
    """The words as lines (a new line where a word does not continue the previous one to the
    right on the same height), for word lists stored without their line numbers."""
    parts: list[str] = []
    prev: OcrWord | None = None
    for w in words:
        if prev is not None:
            px, py, pw, ph = prev.box
            x, y, _, h = w.box
            same_line = x >= px + pw - max(ph, h) and abs((y + h / 2) - (py + ph / 2)) < max(
                ph, h) * 0.6
            parts.append(" " if same_line else "\n")
        parts.append(w.text)
        prev = w
    return "".join(parts)


def word_spans(words: Sequence[OcrWord], text: str | None = None) -> tuple[str, list[tuple[
        int, int]]]:
    """(text, the (start, end) of each word in it). `text` is the page text built from these
    words (engine `_parse`: words joined by spaces, lines by newlines); when it is missing or
    no longer matches the words, a text is laid out from the word boxes instead."""
    if text is not None:
        offsets = _align(words, text)
        if offsets is not None:
            return text, offsets
    text = layout_text(words)
    offsets = _align(words, text)
    assert offsets is not None
    return text, offsets


def _align(words: Sequence[OcrWord], text: str) -> list[tuple[int, int]] | None:
    offsets: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        i = text.find(w.text, pos)
        if i < 0 or text[pos:i].strip():
            return None
        offsets.append((i, i + len(w.text)))
        pos = i + len(w.text)
    return offsets


def redaction_boxes(words: Sequence[OcrWord], spans: Iterable[Span], text: str | None = None,
                    *, pad: int = 4) -> list[Box]:
    """The box of every word a span touches, grown by `pad` pixels on each side. `spans` refer
    to `text` (see `word_spans`)."""
    _, offsets = word_spans(words, text)
    ranges = [(s.start, s.end) for s in spans]
    out: list[Box] = []
    for w, (ws, we) in zip(words, offsets, strict=True):
        if any(ws < e and s < we for s, e in ranges):
            x, y, bw, bh = w.box
            x0, y0 = max(0, x - pad), max(0, y - pad)
            out.append((x0, y0, x + bw + pad - x0, y + bh + pad - y0))
    return out


def page_redactions(words: Sequence[OcrWord], text: str | None = None,
                    extra_terms: Iterable[Term] = (), *, pad: int = 4) -> list[Box]:
    """Boxes to black out on a page: its personal data found in its OCR words."""
    full, _ = word_spans(words, text)
    return redaction_boxes(words, find_personal_data(full, extra_terms), full, pad=pad)
