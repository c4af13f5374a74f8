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
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.enums import Role, Status
from ..i18n import CLASSIFICATION_LABELS, label
from ..ocr.suggest import AgencyInfo, CategoryInfo, Example, Guess, Guesses, Suggester
from ..store.db import Store
from ..store.models import Agency, AuditEvent, Category, Submission
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


@dataclass
class _Model:
    """A learned model and what it was learned from; changed in place under ``lock``."""

    quick: tuple[int, int]  # (verified slips, latest audit event id): the cheap check
    fingerprint: tuple[Any, ...]  # (verified slips, their latest updated_at, taxonomy digest)
    latest: datetime | None
    suggester: Suggester
    category_ids: dict[str, int]
    category_labels: dict[str, str]
    agency_ids: dict[str, int]
    agency_labels: dict[str, str]
    lock: threading.Lock = field(default_factory=threading.Lock)


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
        with model.lock:
            return _convert(model, model.suggester.suggest(title, body))

    def for_submission(self, ref: int | str) -> Suggestions:
        """Suggestions for a stored slip: its title and body, else its OCR text (unless the
        OCR found the page handwritten); the place of the event may name the agency."""
        self.require(*self.STAFF, action="suggest")
        with self.store.read() as s:
            sub = find_submission(s, ref)
            title, body = sub.title or "", sub.body or ""
            if not body.strip() and _ocr_quality(sub) != "handwritten":
                body = sub.ocr_text or ""  # a handwritten page's OCR text is mostly noise
            context = sub.location or ""
            personal = _identity(sub)
        model = self._model()
        with model.lock:
            return _convert(model, model.suggester.suggest(title, body, personal,
                                                           context=context))

    def learned_from(self) -> int:
        """How many verified slips the current model learned from."""
        return self._model().suggester.learned

    # --- the cached model -----------------------------------------------------------------
    def _model(self) -> _Model:
        """The current model of this database: cached while the count of verified slips and
        the latest audit event stay the same (two index lookups); otherwise the count and
        latest ``updated_at`` of the verified slips and the categories and agencies decide:
        unchanged, the model stays; changed slips only, it learns and forgets just those;
        else it is learned again."""
        key = _store_key(self.store)
        with self.store.read() as s:
            quick = _quick(s)
        with _lock:
            cached = _models.get(key)
        if cached is not None and cached.quick == quick:
            return cached
        with self.store.read() as s:
            fingerprint, taxonomy = _fingerprint(s)
            if cached is not None and cached.fingerprint[2] == fingerprint[2]:
                with cached.lock:
                    if cached.fingerprint == fingerprint or _catch_up(s, cached, fingerprint):
                        cached.quick, cached.fingerprint = quick, fingerprint
                        return cached
            model = _build(s, quick, fingerprint, taxonomy)
        with _lock:
            _models[key] = model
            _models.move_to_end(key)
            while len(_models) > _CACHE_SIZE:
                _models.popitem(last=False)
        return model


def _store_key(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=True)


_Taxonomy = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]


def _quick(s: Session) -> tuple[int, int]:
    count = s.scalar(select(func.count()).where(Submission.status.in_(LEARN_STATUSES)))
    last_event = s.scalar(select(func.max(AuditEvent.id)))
    return int(count or 0), int(last_event or 0)


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
    return (int(count or 0), latest, digest), (cats, agencies)


_SLIP_COLUMNS = (Submission.id, Submission.status, Submission.title, Submission.body,
                 Submission.ocr_text, Submission.classification, Submission.category_id,
                 Submission.agency_id, Submission.reporter_name, Submission.reporter_nik,
                 Submission.reporter_phone, Submission.reporter_email)


def _example(row: Any, code_of: dict[int, str], agency_code_of: dict[int, str]) -> Example:
    (_id, _status, title, body, ocr, klass, cat_id, agency_id, *identity) = row
    return Example(text=f"{title or ''}.\n{body or ocr or ''}", classification=klass,
                   category=code_of.get(cat_id), agency=agency_code_of.get(agency_id),
                   personal=tuple(v for v in identity if v))


def _build(s: Session, quick: tuple[int, int], fingerprint: tuple[Any, ...],
           taxonomy: _Taxonomy) -> _Model:
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
    suggester = Suggester(categories, agencies)
    rows = s.execute(select(*_SLIP_COLUMNS).where(Submission.status.in_(LEARN_STATUSES))
                     .order_by(Submission.id.desc()).limit(LEARN_LIMIT))
    for row in rows:
        suggester.learn(_example(row, code_of, agency_code_of), key=row[0])
    suggester.finish()
    return _Model(
        quick=quick, fingerprint=fingerprint, latest=fingerprint[1], suggester=suggester,
        category_ids={row[1]: row[0] for row in cat_rows},
        category_labels=category_labels,
        agency_ids={row[1]: row[0] for row in agency_rows},
        agency_labels={row[1]: row[2] for row in agency_rows},
    )


def _catch_up(s: Session, model: _Model, fingerprint: tuple[Any, ...]) -> bool:
    """Learn and forget the slips changed since the model's latest ``updated_at``; False
    when that cannot account for the database (a clock set back, say): learn again then."""
    if model.latest is None:
        return False
    code_of = {v: k for k, v in model.category_ids.items()}
    agency_code_of = {v: k for k, v in model.agency_ids.items()}
    suggester = model.suggester
    changed = s.execute(select(*_SLIP_COLUMNS)
                        .where(Submission.updated_at >= model.latest)
                        .order_by(Submission.id))
    for row in changed:
        if row[1] in LEARN_STATUSES:
            suggester.learn(_example(row, code_of, agency_code_of), key=row[0])
        else:
            suggester.forget(row[0])
    keys = sorted(k for k in suggester.learned_keys() if isinstance(k, int))
    for old in keys[: max(len(keys) - LEARN_LIMIT, 0)]:  # the newest LEARN_LIMIT stay
        suggester.forget(old)
    suggester.finish()
    count = int(fingerprint[0])
    if suggester.learned != min(count, LEARN_LIMIT):
        return False
    model.latest = fingerprint[1]
    return True


def _ocr_quality(sub: Submission) -> str:
    ocr = (sub.flags or {}).get("ocr")
    return str(ocr.get("quality", "")) if isinstance(ocr, dict) else ""


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
