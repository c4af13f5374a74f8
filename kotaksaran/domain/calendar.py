"""Working-day calendar for SLA deadlines: weekends, Indonesian national holidays, cuti bersama
and days off or extra working days set by an admin. Plain Python, no I/O."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta

import holidays

SATURDAY = 5
SUNDAY = 6
DEFAULT_WEEKEND: frozenset[int] = frozenset({SATURDAY, SUNDAY})
# Shown to users when an admin leaves the reason empty.
DEFAULT_DAY_OFF_NAME = "Hari libur"
DEFAULT_WORKING_DAY_NAME = "Hari kerja pengganti"

_ONE_DAY = timedelta(days=1)
_NAME_SEPARATOR = "; "


def _require_date(value: object, name: str) -> date:
    # datetime is a subclass of date; accepting it would silently drop the time and the tz.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise TypeError(
            f"{name} must be a datetime.date (not datetime), got {type(value).__name__}"
        )
    return value


def _merge_names(names: Iterable[str]) -> str:
    unique: list[str] = []
    for part in names:
        for piece in part.split(_NAME_SEPARATOR):
            piece = piece.strip()
            if piece and piece not in unique:
                unique.append(piece)
    return _NAME_SEPARATOR.join(unique)


class WorkingDayCalendar:
    """Decides which dates are working days for public-service units in Indonesia.

    A date is a working day unless it falls on a weekend day, a national holiday (from the
    ``holidays`` package, category ``public``), a cuti bersama day (category ``government``,
    when ``include_government`` is true) or an admin-set extra day off. An admin-set extra
    working day wins over all of these (e.g. a Saturday made a working day to replace a
    cuti bersama).

    About the ``holidays`` package (checked with version 0.109): ``public`` gives the national
    holidays with Indonesian names under ``language="id"`` (e.g. "Hari Raya Idul Fitri",
    "Hari Kemerdekaan Republik Indonesia"); for years past the published decrees the Islamic,
    Chinese and Buddhist dates are computed and their names end in "(perkiraan)". ``government``
    gives the cuti bersama of the SKB Tiga Menteri ("Cuti Bersama Hari Raya Idul Fitri", ...):
    11 days in 2025, 8 in 2026, 8 in 2027 and nothing from 2028 on, so for later years (or when
    a decree changes) the admin must enter cuti bersama as extra days off. National holidays that
    fall on a weekend are listed on their real date; the package adds no substitute day.

    Holiday lists are computed lazily per year and cached; the object is safe to share between
    threads.
    """

    def __init__(
        self,
        extra_days_off: Mapping[date, str] | None = None,
        extra_working_days: Mapping[date, str] | None = None,
        weekend: Iterable[int] = DEFAULT_WEEKEND,
        *,
        include_national: bool = True,
        include_government: bool = True,
        language: str = "id",
    ) -> None:
        """Build a calendar.

        ``extra_days_off`` and ``extra_working_days`` map a date to a reason shown to users.
        ``weekend`` holds weekday numbers as in ``date.weekday()`` (Monday 0 .. Sunday 6).
        ``include_national`` adds the national holidays of the ``holidays`` package,
        ``include_government`` also adds its cuti bersama days (ignored without
        ``include_national``). ``language`` is the language of holiday names; an unsupported
        one falls back to the package's default (English).
        """
        weekend_days = frozenset(weekend)
        bad = sorted(d for d in weekend_days if not isinstance(d, int) or not 0 <= d <= 6)
        if bad:
            raise ValueError(f"weekend days must be weekday numbers 0..6, got {bad}")
        if len(weekend_days) == 7:
            raise ValueError("weekend cannot cover all seven days of the week")
        self._weekend = weekend_days
        self._extra_off = {
            _require_date(d, "extra day off"): name.strip() or DEFAULT_DAY_OFF_NAME
            for d, name in (extra_days_off or {}).items()
        }
        self._extra_working = {
            _require_date(d, "extra working day"): name.strip() or DEFAULT_WORKING_DAY_NAME
            for d, name in (extra_working_days or {}).items()
        }
        self._include_national = include_national
        self._include_government = include_government
        self._language = language
        self._by_year: dict[int, dict[date, str]] = {}
        self._lock = threading.Lock()

    @property
    def weekend(self) -> frozenset[int]:
        """Weekday numbers (Monday 0 .. Sunday 6) that are not working days."""
        return self._weekend

    def _national(self, year: int) -> dict[date, str]:
        """National holidays (and cuti bersama, if asked) of one year, cached."""
        cached = self._by_year.get(year)
        if cached is not None:
            return cached
        with self._lock:
            cached = self._by_year.get(year)
            if cached is not None:
                return cached
            result: dict[date, str] = {}
            if self._include_national:
                categories = ("public", "government") if self._include_government else ("public",)
                result = self._load_year(year, categories)
            self._by_year[year] = result
            return result

    def _load_year(self, year: int, categories: tuple[str, ...]) -> dict[date, str]:
        try:
            table = holidays.country_holidays(
                "ID", years=year, categories=categories, language=self._language
            )
        except (NotImplementedError, ValueError, KeyError, LookupError):
            table = holidays.country_holidays("ID", years=year, categories=categories)
        # The package joins several names of one day with "; "; keep that separator.
        return {day: _merge_names([str(name)]) for day, name in table.items()}

    def holiday_name(self, d: date) -> str | None:
        """Why ``d`` is a day off, or None when it is not a holiday.

        Covers national holidays, cuti bersama and admin days off (names joined with "; "
        when several apply); weekends without a holiday give None, and so does a date that an
        admin made an extra working day.
        """
        d = _require_date(d, "d")
        if d in self._extra_working:
            return None
        names: list[str] = []
        national = self._national(d.year).get(d)
        if national:
            names.append(national)
        extra = self._extra_off.get(d)
        if extra:
            names.append(extra)
        return _merge_names(names) or None

    def is_working_day(self, d: date) -> bool:
        """True when ``d`` is a working day for public-service units."""
        d = _require_date(d, "d")
        if d in self._extra_working:
            return True
        if d.weekday() in self._weekend or d in self._extra_off:
            return False
        return d not in self._national(d.year)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after ``d``."""
        d = _require_date(d, "d") + _ONE_DAY
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d

    def roll_forward(self, d: date) -> date:
        """``d`` itself when it is a working day, else the next working day."""
        d = _require_date(d, "d")
        return d if self.is_working_day(d) else self.next_working_day(d)

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start``; ``start`` itself never counts.

        This is the SLA convention: "respond within N working days" of a slip received on day D
        ends on ``add_working_days(D, N)``. A slip received on a Saturday therefore gets the same
        deadline as one received on the Friday before it: both count from Monday on.
        ``n == 0`` returns ``start`` unchanged, even on a day off (use ``roll_forward`` for the
        "next working day on or after" meaning), so that
        ``working_days_between(start, add_working_days(start, n)) == n`` for every ``n >= 0``.
        """
        start = _require_date(start, "start")
        if isinstance(n, bool) or not isinstance(n, int):
            raise TypeError(f"n must be an int, got {type(n).__name__}")
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        current = start
        for _ in range(n):
            current = self.next_working_day(current)
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Number of working days after ``start`` up to and including ``end``.

        ``start`` itself is not counted; the result is 0 when ``end <= start`` (never negative).
        A slip received on Monday and answered on Wednesday of a plain week took 2 working days;
        one answered the same day took 0.
        """
        start = _require_date(start, "start")
        end = _require_date(end, "end")
        count = 0
        current = start + _ONE_DAY
        while current <= end:
            if self.is_working_day(current):
                count += 1
            current += _ONE_DAY
        return count

    def days_off(self, year: int) -> list[tuple[date, str]]:
        """Holidays, cuti bersama and admin days off of ``year``, sorted by date.

        Weekends are not listed; a day that an admin made an extra working day is left out.
        """
        merged: dict[date, list[str]] = {}
        for day, name in self._national(year).items():
            merged.setdefault(day, []).append(name)
        for day, name in self._extra_off.items():
            if day.year == year:
                merged.setdefault(day, []).append(name)
        return [
            (day, _merge_names(names))
            for day, names in sorted(merged.items())
            if day not in self._extra_working
        ]

    def extra_working_days(self, year: int) -> list[tuple[date, str]]:
        """Admin-set extra working days of ``year`` with their reasons, sorted by date."""
        return sorted((d, name) for d, name in self._extra_working.items() if d.year == year)
