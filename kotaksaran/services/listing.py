"""The submission list: filters, sorting, paging and full-text search, all done in SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text
from sqlalchemy.orm import Session

from ..domain.enums import Status
from ..store.models import Agency, Submission
from .context import ServiceBase, current_unit
from .views import SubmissionRow

SORT_COLUMNS: dict[str, Any] = {
    "number": Submission.number,
    "status": Submission.status,
    "created_at": Submission.created_at,
    "event_date": Submission.event_date,
    "title": Submission.title,
    "agency": Agency.name,
    "channel": Submission.channel,
    "classification": Submission.classification,
}
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ListQuery:
    statuses: tuple[Status, ...] = ()
    channels: tuple[str, ...] = ()
    box_session_id: int | None = None
    created_from: date | None = None  # in the unit's time zone, inclusive
    created_to: date | None = None  # inclusive
    search: str = ""
    sort: str = "created_at"
    descending: bool = True

    def with_(self, **changes: Any) -> ListQuery:
        return replace(self, **changes)


def search_tokens(text_: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text_)][:12]


def _search_clause(s: Session, q: str) -> ColumnElement[bool] | None:
    tokens = search_tokens(q)
    if not tokens:
        return None
    number_like = Submission.number.ilike(f"%{q.strip()}%")
    if s.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{t}"*' for t in tokens)
        fts: ColumnElement[bool] = Submission.id.in_(
            select(text("rowid")).select_from(text("submissions_fts"))
            .where(text("submissions_fts MATCH :fts_q").bindparams(fts_q=match))
        )
    else:
        tsq = " & ".join(f"{t}:*" for t in tokens)
        fts = text(
            "to_tsvector('simple', coalesce(submissions.title, '') || ' ' || "
            "coalesce(submissions.body, '') || ' ' || coalesce(submissions.ocr_text, '')) "
            "@@ to_tsquery('simple', :ts_q)"
        ).bindparams(ts_q=tsq)  # type: ignore[assignment]
    return or_(fts, number_like) if any(ch.isdigit() for ch in q) else fts


class ListingService(ServiceBase):
    def _where(self, s: Session, q: ListQuery) -> list[ColumnElement[bool]]:
        conds: list[ColumnElement[bool]] = []
        if q.statuses:
            conds.append(Submission.status.in_([st.value for st in q.statuses]))
        if q.channels:
            conds.append(Submission.channel.in_(list(q.channels)))
        if q.box_session_id is not None:
            conds.append(Submission.box_session_id == q.box_session_id)
        if q.created_from or q.created_to:
            tz = ZoneInfo(current_unit(s).timezone)
            if q.created_from:
                start = datetime.combine(q.created_from, time.min, tz).astimezone(UTC)
                conds.append(Submission.created_at >= start)
            if q.created_to:
                end = datetime.combine(q.created_to + timedelta(days=1), time.min, tz)
                conds.append(Submission.created_at < end.astimezone(UTC))
        if q.search.strip():
            clause = _search_clause(s, q.search)
            if clause is not None:
                conds.append(clause)
        return conds

    def _ordering(self, q: ListQuery) -> tuple[Any, Any]:
        col = SORT_COLUMNS.get(q.sort, Submission.created_at)
        order = col.desc() if q.descending else col.asc()
        tie = Submission.id.desc() if q.descending else Submission.id.asc()
        return order, tie

    def _select(self, s: Session, q: ListQuery, offset: int, limit: int | None
                ) -> Select[*tuple[Any, ...]]:
        """A page by deferred join: the ids are picked on the narrow index first, and only
        the rows of the page are read whole (an OFFSET deep in 100,000 rows would otherwise
        read every skipped row)."""
        order, tie = self._ordering(q)
        ids = select(Submission.id)
        if q.sort == "agency":
            ids = ids.outerjoin(Agency, Agency.id == Submission.agency_id)
        conds = self._where(s, q)
        if conds:
            ids = ids.where(and_(*conds))
        ids = ids.order_by(order, tie).offset(offset)
        if limit is not None:
            ids = ids.limit(limit)
        return (
            select(
                Submission.id, Submission.uuid, Submission.number, Submission.status,
                Submission.channel, Submission.classification, Submission.title, Agency.name,
                Submission.created_at, Submission.event_date, Submission.box_session_id,
            )
            .outerjoin(Agency, Agency.id == Submission.agency_id)
            .where(Submission.id.in_(ids.scalar_subquery()))
            .order_by(order, tie)
        )

    def count(self, q: ListQuery) -> int:
        with self.store.read() as s:
            stmt = select(func.count()).select_from(Submission)
            conds = self._where(s, q)
            if conds:
                stmt = stmt.where(and_(*conds))
            return int(s.scalar(stmt) or 0)

    def page(self, q: ListQuery, offset: int, limit: int | None) -> list[SubmissionRow]:
        with self.store.read() as s:
            stmt = self._select(s, q, offset, limit)
            return [
                SubmissionRow(r[0], r[1], r[2], Status(r[3]), r[4], r[5], r[6], r[7], r[8],
                              r[9], r[10])
                for r in s.execute(stmt)
            ]

    def status_counts(self) -> dict[Status, int]:
        with self.store.read() as s:
            rows = s.execute(select(Submission.status, func.count()).group_by(Submission.status))
            return {Status(st): int(n) for st, n in rows}
