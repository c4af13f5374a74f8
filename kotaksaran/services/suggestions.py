"""Suggested klasifikasi, kategori, instansi tujuan and title for a slip, with the words
that led to each (`kotaksaran.ocr.suggest` does the reading; this module feeds it the office's
categories, agencies and verified slips).

The model learns from the newest ``LEARN_LIMIT`` slips whose status is verified or later
(verified, approved, queued, sent, registered, closed): a person has checked their klasifikasi,
kategori and instansi. It is built once per process and database and rebuilt when the number
of those slips, their latest ``updated_at``, or the categories and agencies change. Identity
never reaches the model: the reporter's name, NIK, phone and e-mail are removed from the text
first, whoever asks and whatever the slip's anonim/rahasia switches say.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import Role, Status
from ..i18n import CLASSIFICATION_LABELS, label
from ..ocr.suggest import AgencyInfo, CategoryInfo, Example, Guess, Guesses, Suggester
from ..ocr.suggest_text import strip_personal
from ..store.db import Store
from ..store.models import Agency, Category, Submission
from .context import ServiceBase
from .submissions import find_submission

LEARN_STATUSES: tuple[str, ...] = tuple(s.value for s in (
    Status.VERIFIED, Status.APPROVED, Status.QUEUED, Status.SENT, Status.REGISTERED,
    Status.CLOSED))
LEARN_LIMIT = 20_000  # the newest verified slips; enough to learn, quick to rebuild
_CACHE_SIZE = 4  # databases per process (a desk has one; tests open many)


@dataclass(frozen=True)
class Suggestion:
    """One suggested value: a classification code, a category id, an agency id or a title."""

    value: str | int
    label: str
    score: float  # 0-1, relative confidence
    because: tuple[str, ...]  # the words of the slip that led to it
    alternatives: tuple[Suggestion, ...] = ()


@dataclass(frozen=True)
class Suggestions:
    classification: Suggestion | None
    category: Suggestion | None
    agency: Suggestion | None
    title: Suggestion | None
    learned_from: int = 0  # verified slips the model learned from


@dataclass(frozen=True)
class _Model:
    fingerprint: tuple[Any, ...]
    suggester: Suggester
    category_ids: dict[str, int]
    category_labels: dict[str, str]
    agency_ids: dict[str, int]
    agency_labels: dict[str, str]


_lock = threading.Lock()
_models: OrderedDict[str, _Model] = OrderedDict()


def clear_cache() -> None:
    """Forget every learned model of this process (the next call learns again)."""
    with _lock:
        _models.clear()


class SuggestionService(ServiceBase):
    STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)

    def for_text(self, title: str, body: str) -> Suggestions:
        """Suggestions for text that is not (yet) a stored slip."""
        self.require(*self.STAFF, action="suggest")
        model = self._model()
        return _convert(model, model.suggester.suggest(title, body))

    def for_submission(self, ref: int | str) -> Suggestions:
        """Suggestions for a stored slip: its title and body, else its OCR text."""
        self.require(*self.STAFF, action="suggest")
        with self.store.read() as s:
            sub = find_submission(s, ref)
            title, body = sub.title or "", sub.body or ""
            if not body.strip():
                body = sub.ocr_text or ""
            context = sub.location or ""
            personal = _identity(sub)
        model = self._model()
        return _convert(model, model.suggester.suggest(title, body, personal, context=context))

    def learned_from(self) -> int:
        """How many verified slips the current model learned from."""
        return self._model().suggester.learned

    # --- the cached model -----------------------------------------------------------------
    def _model(self) -> _Model:
        key = _store_key(self.store)
        with self.store.read() as s:
            fingerprint, taxonomy = _fingerprint(s)
        with _lock:
            cached = _models.get(key)
            if cached is not None and cached.fingerprint == fingerprint:
                _models.move_to_end(key)
                return cached
        with self.store.read() as s:
            model = _build(s, fingerprint, taxonomy)
        with _lock:
            _models[key] = model
            _models.move_to_end(key)
            while len(_models) > _CACHE_SIZE:
                _models.popitem(last=False)
        return model


def _store_key(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=True)


_Taxonomy = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def _fingerprint(s: Session) -> tuple[tuple[Any, ...], _Taxonomy]:
    count, latest = s.execute(
        select(func.count(), func.max(Submission.updated_at))
        .where(Submission.status.in_(LEARN_STATUSES))).one()
    cats = [tuple(r) for r in s.execute(
        select(Category.id, Category.code, Category.name, Category.parent_id,
               Category.keywords, Category.active).order_by(Category.id))]
    agencies = [tuple(r) for r in s.execute(
        select(Agency.id, Agency.code, Agency.name, Agency.kind, Agency.category_codes,
               Agency.active).order_by(Agency.id))]
    digest = hashlib.sha256(repr((cats, agencies)).encode()).hexdigest()
    stamp = latest.isoformat() if isinstance(latest, datetime) else str(latest)
    return (int(count or 0), stamp, digest), (cats, agencies)


def _build(s: Session, fingerprint: tuple[Any, ...], taxonomy: _Taxonomy) -> _Model:
    cat_rows, agency_rows = taxonomy
    code_of = {row[0]: row[1] for row in cat_rows}
    name_of = {row[0]: row[2] for row in cat_rows}
    categories = [
        CategoryInfo(code=code, name=name, keywords=tuple(keywords or ()),
                     parent=code_of.get(parent_id) if parent_id else None)
        for _id, code, name, parent_id, keywords, active in cat_rows if active
    ]
    category_labels = {
        code: (f"{name_of[parent_id]} › {name}" if parent_id in name_of else name)
        for _id, code, name, parent_id, _kw, active in cat_rows if active
    }
    agencies = [
        AgencyInfo(code=code, name=name, kind=kind or "lainnya",
                   category_codes=tuple(codes or ()))
        for _id, code, name, kind, codes, active in agency_rows if active
    ]
    agency_code_of = {row[0]: row[1] for row in agency_rows}
    rows = s.execute(
        select(Submission.title, Submission.body, Submission.ocr_text,
               Submission.classification, Submission.category_id, Submission.agency_id,
               Submission.reporter_name, Submission.reporter_nik, Submission.reporter_phone,
               Submission.reporter_email)
        .where(Submission.status.in_(LEARN_STATUSES))
        .order_by(Submission.id.desc()).limit(LEARN_LIMIT))
    examples = [
        Example(text=_text(title, body or ocr or "", (name, nik, phone, email)),
                classification=klass, category=code_of.get(cat_id),
                agency=agency_code_of.get(agency_id))
        for title, body, ocr, klass, cat_id, agency_id, name, nik, phone, email in rows
    ]
    return _Model(
        fingerprint=fingerprint,
        suggester=Suggester(categories, agencies, examples),
        category_ids={row[1]: row[0] for row in cat_rows},
        category_labels=category_labels,
        agency_ids={row[1]: row[0] for row in agency_rows},
        agency_labels={row[1]: row[2] for row in agency_rows},
    )


def _text(title: str | None, body: str, identity: Iterable[str | None]) -> str:
    return strip_personal(f"{title or ''}.\n{body}", [v for v in identity if v])


def _identity(sub: Submission) -> list[str]:
    values = (sub.reporter_name, sub.reporter_nik, sub.reporter_phone, sub.reporter_email)
    return [v for v in values if v]


def _convert(model: _Model, g: Guesses) -> Suggestions:
    def klass(x: Guess) -> Suggestion:
        return Suggestion(x.code, label(CLASSIFICATION_LABELS, x.code), x.score, x.because,
                          tuple(klass(a) for a in x.alternatives))

    def cat(x: Guess) -> Suggestion:
        return Suggestion(model.category_ids[x.code], model.category_labels[x.code], x.score,
                          x.because, tuple(cat(a) for a in x.alternatives))

    def agency(x: Guess) -> Suggestion:
        return Suggestion(model.agency_ids[x.code], model.agency_labels[x.code], x.score,
                          x.because, tuple(agency(a) for a in x.alternatives))

    title = None
    if g.title is not None:
        title = Suggestion(g.title.text, g.title.text, g.title.score, g.title.because,
                           tuple(Suggestion(t, t, g.title.score * 0.8, ())
                                 for t in g.title.alternatives))
    return Suggestions(
        classification=klass(g.classification) if g.classification else None,
        category=cat(g.category) if g.category else None,
        agency=agency(g.agency) if g.agency else None,
        title=title,
        learned_from=model.suggester.learned,
    )
