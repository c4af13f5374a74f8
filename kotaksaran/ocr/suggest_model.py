"""Multinomial naive Bayes over binary features, seeded and learning, with explanations.

Two count tables share one vocabulary: the **seed** (keyword phrases, as virtual slips) and
the **data** (slips learned, which can also be forgotten again, so that a model follows the
database slip by slip). The word probabilities of a class mix the two:

    P(f | c) = lam_c * P_seed(f | c) + (1 - lam_c) * P_data(f | c),
    lam_c = 1 with no learned slip, else max(seed_floor, seed_docs / (seed_docs + n_c)),

so a class starts from its keywords, takes in the office's own wording as slips arrive, and
keeps at least ``seed_floor`` of its keyword knowledge however many slips it learned: an
office's slips cover only part of the words its next slips will use.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

Features = dict[str, str]  # feature -> the words of the slip it came from
Ranked = list[tuple[str, float]]


class NaiveBayes:
    def __init__(self, classes: Sequence[str], *, alpha: float = 0.3, seed_docs: float = 10.0,
                 seed_floor: float = 0.5, min_count: float = 2.0) -> None:
        self.classes = list(classes)
        self.index = {c: i for i, c in enumerate(self.classes)}
        self.alpha, self.seed_docs, self.seed_floor = alpha, seed_docs, seed_floor
        self.min_count = min_count
        n = len(self.classes)
        self.vocab: dict[str, int] = {}
        self._seed = np.zeros((256, n))
        self._data = np.zeros((256, n))
        self._docs = np.zeros(n)
        self._prior = np.ones(n)
        self.logp = np.zeros((0, n), dtype=np.float32)
        self.usable = np.zeros(0, dtype=bool)
        self.log_prior = np.full(n, -math.log(max(n, 1)))

    # --- counting -------------------------------------------------------------------------
    def ids(self, features: Iterable[str], *, grow: bool = True) -> np.ndarray:
        """Feature ids, adding new features to the vocabulary when ``grow``."""
        out: list[int] = []
        for f in features:
            k = self.vocab.get(f)
            if k is None:
                if not grow:
                    continue
                k = self.vocab[f] = len(self.vocab)
                if k >= len(self._seed):
                    self._grow()
            out.append(k)
        return np.array(out, dtype=np.int64)

    def _grow(self) -> None:
        extra = np.zeros_like(self._seed)
        self._seed = np.vstack([self._seed, extra])
        self._data = np.vstack([self._data, extra])

    def add_seed(self, cls: str, features: Iterable[str], weight: float) -> None:
        i = self.index.get(cls)
        if i is not None:
            ids = self.ids(features)  # first: it may grow the tables
            self._seed[ids, i] += weight

    def add(self, cls: int, ids: np.ndarray, sign: float = 1.0) -> None:
        """Learn (``sign`` 1) or forget (-1) one slip of class index ``cls``."""
        self._data[ids, cls] += sign
        self._docs[cls] += sign

    def set_prior(self, weights: dict[str, float]) -> None:
        for cls, w in weights.items():
            if cls in self.index:
                self._prior[self.index[cls]] = w

    def finish(self) -> None:
        """Fix the probabilities after counting; learned features seen fewer than
        ``min_count`` times are left out (seed features never)."""
        n = len(self.vocab)
        seed, data = self._seed[:n], np.maximum(self._data[:n], 0.0)
        usable = (seed.sum(axis=1) > 0) | (data.sum(axis=1) >= self.min_count)
        size = max(int(usable.sum()), 1)
        p_seed = (seed + self.alpha) / (seed[usable].sum(axis=0) + self.alpha * size)
        p_data = (data + self.alpha) / (data[usable].sum(axis=0) + self.alpha * size)
        docs = np.maximum(self._docs, 0.0)
        lam = np.where(docs > 0, np.maximum(self.seed_floor,
                                            self.seed_docs / (self.seed_docs + docs)), 1.0)
        self.logp = np.log(lam * p_seed + (1 - lam) * p_data).astype(np.float32)
        self.usable = usable
        prior = docs + self._prior
        self.log_prior = np.log(prior / prior.sum())

    # --- reading --------------------------------------------------------------------------
    def rank(self, features: Features) -> tuple[Ranked, dict[str, np.ndarray], int]:
        """Classes by tempered posterior (log scores divided by the square root of the number
        of features used), each feature's evidence per class, and how many features counted."""
        known = [f for f in features
                 if (k := self.vocab.get(f)) is not None and k < len(self.usable)
                 and self.usable[k]]
        if not known:
            post = np.exp(self.log_prior)
            return [(self.classes[i], float(post[i])) for i in np.argsort(-post)], {}, 0
        rows = self.logp[[self.vocab[f] for f in known]]
        scores = self.log_prior + rows.sum(axis=0)
        z = (scores - scores.max()) / max(1.0, math.sqrt(len(known)))
        post = np.exp(z) / np.exp(z).sum()
        evidence = rows - rows.mean(axis=1, keepdims=True)
        order = np.argsort(-post, kind="stable")
        return ([(self.classes[i], float(post[i])) for i in order],
                {f: evidence[k] for k, f in enumerate(known)}, len(known))

    def because(self, cls: str, evidence: dict[str, np.ndarray], features: Features,
                limit: int = 4, floor: float = 0.5) -> tuple[str, ...]:
        """The slip's words that speak most for ``cls`` against the average class."""
        i = self.index[cls]
        best = sorted(((float(ev[i]), f) for f, ev in evidence.items() if ev[i] > floor),
                      reverse=True)
        out: list[str] = []
        seen: set[str] = set()
        for _, f in best:
            words = features[f].split()
            if all(w in seen for w in words):
                continue
            seen.update(words)
            out.append(features[f])
            if len(out) >= limit:
                break
        return tuple(out)
