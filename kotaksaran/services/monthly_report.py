"""The figures of the monthly report, computed from the database.

A slip belongs to the month of its `created_at` in the unit's time zone. Working days come
from the unit's calendar (weekends, national holidays, cuti bersama, the unit's days off),
counted from the day the slip was received:

- respon awal: the first upstream status step after registration that shows the report was
  handled (verified, disposed, followed up, answered, finished, archived, postponed, or "not
  our authority");
- tindak lanjut: the first step that shows a follow-up (followed up, answered, finished).

Both come from `upstream_status_history` (written by sync). A slip is overdue when it is
neither rejected nor closed and its respon awal (or else its tindak lanjut) deadline has
passed without that step.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..documents import data as D
from ..domain.calendar import WorkingDayCalendar
from ..domain.enums import Channel, Classification, Status
from ..store.models import Category, Setting, Submission, UpstreamStatusEvent
from .admin import build_calendar
from .config import SPECS
from .context import current_unit

RESPON_AWAL_STEPS = frozenset({"terverifikasi", "terdisposisi", "ditindaklanjuti", "ditanggapi",
                               "selesai", "arsip", "tunda", "bukan_wewenang"})
TINDAK_LANJUT_STEPS = frozenset({"ditindaklanjuti", "ditanggapi", "selesai"})
CHUNK = 500


def month_bounds(year: int, month: int, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=tz)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end


def _setting_int(s: Session, key: str) -> int:
    row = s.get(Setting, key)
    return int(SPECS[key].default if row is None else row.value)


def _category_names(s: Session) -> dict[int, tuple[str, str]]:
    cats = {c.id: c for c in s.scalars(select(Category))}
    out: dict[int, tuple[str, str]] = {}
    for c in cats.values():
        parent = cats.get(c.parent_id) if c.parent_id else None
        out[c.id] = (c.code, f"{parent.name} › {c.name}" if parent else c.name)
    return out


def _first_steps(s: Session, ids: Sequence[int]
                 ) -> tuple[dict[int, datetime], dict[int, datetime], bool]:
    """First respon awal and tindak lanjut time per slip, and whether any history exists."""
    respon: dict[int, datetime] = {}
    follow: dict[int, datetime] = {}
    seen = False
    for i in range(0, len(ids), CHUNK):
        rows = s.execute(select(UpstreamStatusEvent.submission_id, UpstreamStatusEvent.code,
                                UpstreamStatusEvent.at)
                         .where(UpstreamStatusEvent.submission_id.in_(ids[i:i + CHUNK]))
                         .order_by(UpstreamStatusEvent.at, UpstreamStatusEvent.id))
        for sub_id, code, at in rows:
            seen = True
            if code in RESPON_AWAL_STEPS:
                respon.setdefault(sub_id, at)
            if code in TINDAK_LANJUT_STEPS:
                follow.setdefault(sub_id, at)
    return respon, follow, seen


def _average(values: Iterable[int]) -> float | None:
    items = list(values)
    return sum(items) / len(items) if items else None


def _ordered(counter: Counter[str], order: Sequence[str]) -> tuple[tuple[str, int], ...]:
    """Every known code in its usual order (zeros included), then any other code."""
    out = [(code, counter.get(code, 0)) for code in order]
    out += sorted((code, n) for code, n in counter.items() if code not in order)
    return tuple(out)


def compute_monthly(s: Session, year: int, month: int, now: datetime) -> D.MonthlyData:
    from .documents import title_for_print

    tz = ZoneInfo(current_unit(s).timezone)
    start, end = month_bounds(year, month, tz)
    subs = list(s.scalars(select(Submission).where(Submission.created_at >= start,
                                                   Submission.created_at < end)
                          .order_by(Submission.created_at, Submission.id)))
    calendar = build_calendar(s)
    sla_ra = _setting_int(s, "sla.respon_awal_days")
    sla_tl = _setting_int(s, "sla.tindak_lanjut_days")
    respon, follow, seen = _first_steps(s, [x.id for x in subs])
    names = _category_names(s)
    today = now.astimezone(tz).date()

    classification = Counter(x.classification or "" for x in subs)
    channel = Counter(x.channel for x in subs)
    status = Counter(x.status for x in subs)
    category: Counter[tuple[str, str]] = Counter(
        names.get(x.category_id, ("", "")) if x.category_id else ("", "") for x in subs)

    ra_days: list[int] = []
    tl_days: list[int] = []
    overdue: list[D.OverdueItem] = []
    for x in subs:
        received = x.created_at.astimezone(tz).date()
        if x.id in respon:
            ra_days.append(_between(calendar, received, respon[x.id], tz))
        if x.id in follow:
            tl_days.append(_between(calendar, received, follow[x.id], tz))
        if x.status in (Status.REJECTED, Status.CLOSED):
            continue
        late = _overdue(calendar, x, received, today, sla_ra, sla_tl, respon, follow)
        if late is not None:
            what, due = late
            overdue.append(D.OverdueItem(
                number=x.number, received_on=received, due=due,
                working_days_late=calendar.working_days_between(due, today),
                status=x.status, what=what, title=title_for_print(x)))

    rejected = status.get(Status.REJECTED, 0)
    by_category = tuple(sorted(((code, name, n) for (code, name), n in category.items()),
                               key=lambda r: (-r[2], r[1] == "", r[1])))
    return D.MonthlyData(
        year=year, month=month, as_of=now, total=len(subs),
        by_classification=_ordered(classification, [*(c.value for c in Classification), ""]),
        by_category=by_category,
        by_channel=_ordered(channel, [c.value for c in Channel]),
        by_status=_ordered(status, [c.value for c in Status]),
        completed=status.get(Status.CLOSED, 0), completion_base=len(subs) - rejected,
        avg_days_respon_awal=_average(ra_days), avg_days_tindak_lanjut=_average(tl_days),
        respon_awal_measured=len(ra_days), tindak_lanjut_measured=len(tl_days),
        overdue=tuple(sorted(overdue, key=lambda o: (o.due, o.number))),
        sla_respon_awal_days=sla_ra, sla_tindak_lanjut_days=sla_tl,
        notes=() if seen or not subs else ("no_status_history",))


def _between(calendar: WorkingDayCalendar, received: date, at: datetime, tz: ZoneInfo) -> int:
    return calendar.working_days_between(received, at.astimezone(tz).date())


def _overdue(calendar: WorkingDayCalendar, x: Submission, received: date, today: date,
             sla_ra: int, sla_tl: int, respon: dict[int, datetime],
             follow: dict[int, datetime]) -> tuple[str, date] | None:
    ra_due = calendar.add_working_days(received, sla_ra)
    if x.id not in respon and today > ra_due:
        return "respon_awal", ra_due
    tl_due = calendar.add_working_days(received, sla_tl)
    if x.id not in follow and today > tl_due:
        return "tindak_lanjut", tl_due
    return None
