"""Explainable offline suggestions for a slip: klasifikasi, kategori, instansi tujuan, title.

Pure: no database, no Qt, no network, no downloaded model. A :class:`Suggester` is built from
the category tree and the agencies (with the seed keywords of each category) and, optionally,
from labelled examples (slips already verified in this office); it then suggests for any text.

* **Kategori**: multinomial naive Bayes over word stems and adjacent-stem pairs (binary per
  slip; ``suggest_model``). Each category's keywords and name count as ``keyword_docs``
  virtual slips, so it works cold; a sub-category also inherits its parent's keywords at half
  that weight. Verified slips add their own counts, mixed with the keywords' so that the
  keywords keep at least ``seed_floor`` of the weight however many slips were learned. Slips
  can be learned and forgotten one at a time (:meth:`Suggester.learn`, :meth:`~.forget`), so a
  model can follow a database without learning everything again.
* **Klasifikasi**: the same model over all words (questions and negations included) and the
  question mark, seeded with a few cue words per class (``suggest_words.CLASSIFICATION_CUES``).
* **Instansi**: P(agency | text) = sum over categories of P(category | text) x P(agency |
  category), times a boost when the text names the agency (its place or its own name).
  P(agency | category) starts from the agencies that list the category (perangkat daerah four
  times as likely as a kelurahan, kecamatan or puskesmas) and learns from verified slips.
* **Title**: the first sentence that is not a greeting, closing or personal data, trimmed at a
  clause break to at most 80 characters, in sentence case.

Every suggestion lists ``because``: the words of the slip that weighed most for it against the
average class, as written in the slip. Scores are a tempered posterior (the log scores divided
by the square root of the number of features), a relative confidence rather than a calibrated
probability. Personal data (e-mail, NIK, phone, a name after "nama", and any strings the caller
passes) is removed before anything is read, so it can neither steer nor explain a suggestion.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .suggest_model import Features, NaiveBayes, Ranked
from .suggest_text import (
    Token,
    content,
    strip_personal,
    title_candidates,
    tokens,
)
from .suggest_words import AGENCY_NAME_STOP, CLASSIFICATION_CUES, QUESTION_WORDS

CLASSIFICATIONS = ("pengaduan", "aspirasi", "permintaan_informasi")
_NO_IDS = np.zeros(0, dtype=np.int64)
# Before any slip is learned: complaints are what a suggestion box mostly holds.
CLASSIFICATION_PRIOR = {"pengaduan": 2.0, "aspirasi": 1.0, "permintaan_informasi": 1.0}
TERRITORIAL_KINDS = frozenset({"kelurahan", "kecamatan", "puskesmas"})
_KIND_WORDS = {"kelurahan": ("lurah", "kelurahan"), "kecamatan": ("camat", "kecamatan"),
               "puskesmas": ("puskesmas", "pustu")}


@dataclass(frozen=True)
class CategoryInfo:
    code: str
    name: str
    keywords: tuple[str, ...] = ()
    parent: str | None = None


@dataclass(frozen=True)
class AgencyInfo:
    code: str
    name: str
    category_codes: tuple[str, ...] = ()
    kind: str = "lainnya"


@dataclass(frozen=True)
class Example:
    """A labelled slip to learn from; any label may be missing. ``personal``: strings to keep
    out of what is learned (the reporter's name, NIK, phone, e-mail)."""

    text: str
    classification: str | None = None
    category: str | None = None
    agency: str | None = None
    personal: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guess:
    code: str
    score: float  # 0-1
    because: tuple[str, ...]
    alternatives: tuple[Guess, ...] = ()


@dataclass(frozen=True)
class TitleGuess:
    text: str
    score: float
    because: tuple[str, ...]
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class Guesses:
    classification: Guess | None
    category: Guess | None
    agency: Guess | None
    title: TitleGuess | None


# --- features -----------------------------------------------------------------------------
def topic_features(toks: Sequence[Token]) -> Features:
    """Stems and adjacent-stem pairs of the content words."""
    words = content(toks)
    out: Features = {}
    for t in words:
        out.setdefault(t.stem, t.surface)
    for a, b in itertools.pairwise(words):
        if a.stem != b.stem:
            out.setdefault(f"{a.stem} {b.stem}", f"{a.surface} {b.surface}")
    return out


# Function words that are cues on their own ("tidak", "belum", "bisa"); inside a longer cue
# phrase a function word ("di mana", "kalau bisa") counts only if it is such a cue itself.
_CUE_STEMS = frozenset(
    t.stem for cues in CLASSIFICATION_CUES.values() for phrase in cues if " " not in phrase
    for t in tokens(phrase)
) | QUESTION_WORDS


def class_features(toks: Sequence[Token]) -> Features:
    """Every word that is not a plain function word, cue words and the question mark."""
    out: Features = {}
    for t in toks:
        if not t.stop or t.stem in _CUE_STEMS:
            out.setdefault(t.stem, t.surface)
    return out


def phrase_features(phrase: str, classification: bool = False) -> list[str]:
    toks = tokens(phrase)
    return list((class_features(toks) if classification else topic_features(toks)).keys())


# --- the model ----------------------------------------------------------------------------
@dataclass(frozen=True)
class _Learned:
    """What one learned slip added, so that it can be taken back exactly."""

    klass: int
    class_ids: np.ndarray
    category: str | None
    topic_ids: np.ndarray
    agency: str | None


class Suggester:
    """Suggestions from the seed keywords plus whatever labelled examples it was given."""

    def __init__(self, categories: Sequence[CategoryInfo], agencies: Sequence[AgencyInfo],
                 examples: Iterable[Example] = (), *, keyword_docs: float = 4.0,
                 alpha: float = 0.3, seed_floor: float = 0.5, territorial_weight: float = 1.0,
                 other_weight: float = 4.0) -> None:
        self.categories = {c.code: c for c in categories}
        self.agencies = {a.code: a for a in agencies}
        self.topic = NaiveBayes([c.code for c in categories], alpha=alpha,
                                seed_floor=seed_floor)
        self.klass = NaiveBayes(CLASSIFICATIONS, alpha=alpha, seed_floor=seed_floor,
                                min_count=1.0)
        self._seed(keyword_docs)
        self._agency_names = {a.code: _name_features(a) for a in agencies}
        # P(agency | category) as pseudo-counts: the seed, then learned pairs.
        self._pair: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for a in agencies:
            w = territorial_weight if a.kind in TERRITORIAL_KINDS else other_weight
            for code in a.category_codes:
                self._pair[code][a.code] += w
        self._learned: dict[Hashable, _Learned] = {}
        for n, ex in enumerate(examples):
            self.learn(ex, key=("example", n))
        self.finish()

    @property
    def learned(self) -> int:
        """How many slips the model has taken in (and not forgotten)."""
        return len(self._learned)

    def learned_keys(self) -> list[Hashable]:
        return list(self._learned)

    # --- building -------------------------------------------------------------------------
    def _seed(self, weight: float) -> None:
        for cat in self.categories.values():
            for phrase in (cat.name, *cat.keywords):
                self.topic.add_seed(cat.code, phrase_features(phrase), weight)
            parent = self.categories.get(cat.parent or "")
            if parent is not None:
                for phrase in (parent.name, *parent.keywords):
                    self.topic.add_seed(cat.code, phrase_features(phrase), weight / 2)
        for cls, cues in CLASSIFICATION_CUES.items():
            for phrase in cues:
                self.klass.add_seed(cls, phrase_features(phrase, classification=True), weight)
        self.klass.set_prior(CLASSIFICATION_PRIOR)

    def learn(self, ex: Example, key: Hashable) -> None:
        """Take in one labelled slip under ``key`` (a key taken in before is replaced); a slip
        without words or known labels is kept as seen but counts for nothing. Call
        :meth:`finish` after a batch of changes."""
        self.forget(key)
        toks = tokens(strip_personal(ex.text, ex.personal)) if ex.text.strip() else []
        klass = self.klass.index.get(ex.classification or "", -1) if toks else -1
        category = ex.category if toks and ex.category in self.categories else None
        entry = _Learned(
            klass, self.klass.ids(class_features(toks)) if klass >= 0 else _NO_IDS,
            category, self.topic.ids(topic_features(toks)) if category else _NO_IDS,
            ex.agency if category and ex.agency in self.agencies else None)
        self._apply(entry, 1.0)
        self._learned[key] = entry

    def forget(self, key: Hashable) -> bool:
        """Take back what :meth:`learn` counted under ``key``."""
        entry = self._learned.pop(key, None)
        if entry is None:
            return False
        self._apply(entry, -1.0)
        return True

    def _apply(self, e: _Learned, sign: float) -> None:
        if e.klass >= 0:
            self.klass.add(e.klass, e.class_ids, sign)
        if e.category is not None:
            self.topic.add(self.topic.index[e.category], e.topic_ids, sign)
            if e.agency is not None:
                self._pair[e.category][e.agency] += sign

    def finish(self) -> None:
        self.topic.finish()
        self.klass.finish()

    # --- suggesting -----------------------------------------------------------------------
    def suggest(self, title: str, body: str, personal: Iterable[str] = (),
                context: str = "") -> Guesses:
        """Suggestions for a slip's title and body. ``personal``: strings to keep out (the
        reporter's own name, NIK, phone, e-mail); ``context``: more text that may name the
        agency (the place of the event) without counting as content."""
        personal = list(personal)
        text = strip_personal(f"{title}.\n{body}" if title.strip() else body, personal)
        toks = tokens(text)
        cat, ranked = self._category(toks)
        places = {t.surface for t in tokens(strip_personal(context, personal))}
        return Guesses(
            classification=self._classify(toks),
            category=cat,
            agency=self._agency(toks, cat, ranked, places),
            title=self._title(title, body, personal, cat),
        )

    def _classify(self, toks: Sequence[Token]) -> Guess | None:
        if not toks:
            return None
        feats = class_features(toks)
        ranked, evidence, _ = self.klass.rank(feats)
        return _guess(self.klass, ranked, evidence, feats, alternatives=2)

    def _category(self, toks: Sequence[Token]) -> tuple[Guess | None, Ranked]:
        feats = topic_features(toks)
        ranked, evidence, used = self.topic.rank(feats)
        if not used:
            return None, []
        return _guess(self.topic, ranked, evidence, feats, alternatives=3), ranked

    def _agency(self, toks: Sequence[Token], cat: Guess | None,
                ranked_categories: Ranked, places: set[str]) -> Guess | None:
        present = {t.surface for t in toks} | places
        named = {code: [w for w in words if w in present]
                 for code, words in self._agency_names.items()}
        boost = {code: _name_boost(self.agencies[code], words, self._agency_names[code])
                 for code, words in named.items() if words}
        if cat is None and not boost:
            return None
        scores: dict[str, float] = defaultdict(float)
        if cat is not None:
            for code, p_cat in ranked_categories[:10]:
                for agency, p_pair in self._p_agency(code).items():
                    scores[agency] += p_cat * p_pair
        else:
            for code in boost:
                scores[code] = 1e-3
        for code, factor in boost.items():
            scores[code] = max(scores[code], 1e-4) * factor
        total = sum(scores.values())
        if total <= 0:
            return None
        ranked = sorted(((c, s / total) for c, s in scores.items()), key=lambda x: -x[1])
        cat_because = cat.because if cat is not None else ()

        def because(code: str) -> tuple[str, ...]:
            words = named.get(code, [])
            return tuple(dict.fromkeys([*words, *cat_because]))[:4]

        top = [Guess(c, s, because(c)) for c, s in ranked[:4]]
        return Guess(top[0].code, top[0].score, top[0].because, tuple(top[1:]))

    def _p_agency(self, category: str) -> dict[str, float]:
        pairs = self._pair.get(category)
        if not pairs:
            parent = self.categories[category].parent if category in self.categories else None
            pairs = self._pair.get(parent or "")
        if not pairs:
            return {}
        total = sum(n for n in pairs.values() if n > 0)
        return {a: n / total for a, n in pairs.items() if n > 0} if total > 0 else {}

    def _title(self, title: str, body: str, personal: Iterable[str],
               cat: Guess | None) -> TitleGuess | None:
        source = body if body.strip() else title
        found = title_candidates(strip_personal(source, personal))
        if not found:
            return None
        first = found[0]
        lowered = first.text.lower()
        because = tuple(w for w in (cat.because if cat else ()) if w in lowered)
        return TitleGuess(first.text, 1.0 if first.complete else 0.7, because,
                          tuple(c.text for c in found[1:]))


def _guess(model: NaiveBayes, ranked: Ranked, evidence: dict[str, np.ndarray],
           feats: Features, alternatives: int) -> Guess:
    top = [Guess(c, s, model.because(c, evidence, feats) if evidence else ())
           for c, s in ranked[: alternatives + 1]]
    return Guess(top[0].code, top[0].score, top[0].because, tuple(top[1:]))


def _name_features(agency: AgencyInfo) -> list[str]:
    words = [t.surface for t in tokens(agency.name)
             if not t.stop and t.surface not in AGENCY_NAME_STOP and len(t.surface) > 2]
    parts = [p for p in agency.code.split("-") if len(p) > 2 and p not in AGENCY_NAME_STOP
             and p not in {"kec", "kel", "pkm"}]
    return list(dict.fromkeys([*words, *parts]))


def _name_boost(agency: AgencyInfo, matched: list[str], wanted: list[str]) -> float:
    """How much more likely an agency is when the slip names it (its place or its name)."""
    if agency.kind in TERRITORIAL_KINDS:
        kind_words = set(_KIND_WORDS.get(agency.kind, ()))
        places = [w for w in wanted if w not in kind_words]
        hit_places = [w for w in matched if w in places]
        if not places or len(hit_places) < len(places):
            return 1.0  # a partial place name ("sei") says nothing
        return 30.0 if any(w in kind_words for w in matched) else 4.0
    return 1.0 + 4.0 * len(matched) / max(len(wanted), 1)
