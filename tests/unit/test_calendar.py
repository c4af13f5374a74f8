"""Tests for the working-day calendar, on real Indonesian dates of 2025-2026."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from kotaksaran.domain.calendar import WorkingDayCalendar


@pytest.fixture(scope="module")
def cal() -> WorkingDayCalendar:
    return WorkingDayCalendar()


def test_independence_day_2026_is_a_monday_off(cal: WorkingDayCalendar) -> None:
    d = date(2026, 8, 17)
    assert d.weekday() == 0
    assert not cal.is_working_day(d)
    assert cal.holiday_name(d) == "Hari Kemerdekaan Republik Indonesia"


def test_plain_days(cal: WorkingDayCalendar) -> None:
    assert cal.is_working_day(date(2026, 8, 18))  # Tuesday
    assert not cal.is_working_day(date(2026, 8, 15))  # Saturday
    assert not cal.is_working_day(date(2026, 8, 16))  # Sunday
    assert cal.holiday_name(date(2026, 8, 15)) is None  # weekend, no holiday
    assert cal.holiday_name(date(2026, 8, 18)) is None


def test_idul_fitri_2026_with_cuti_bersama(cal: WorkingDayCalendar) -> None:
    # 1 Syawal 1447 H: Saturday 21 and Sunday 22 March 2026; Nyepi on Thursday 19 March;
    # cuti bersama on 18 (Nyepi), 20, 23 and 24 March.
    assert cal.holiday_name(date(2026, 3, 21)) == "Hari Raya Idul Fitri"
    assert "Idul Fitri" in (cal.holiday_name(date(2026, 3, 22)) or "")
    assert cal.holiday_name(date(2026, 3, 19)) == "Hari Suci Nyepi"
    for day in (18, 19, 20, 21, 22, 23, 24):
        assert not cal.is_working_day(date(2026, 3, day)), day
    assert cal.holiday_name(date(2026, 3, 23)) == "Cuti Bersama Hari Raya Idul Fitri"
    assert cal.next_working_day(date(2026, 3, 17)) == date(2026, 3, 25)
    assert cal.add_working_days(date(2026, 3, 17), 1) == date(2026, 3, 25)


def test_idul_fitri_2026_without_cuti_bersama() -> None:
    cal = WorkingDayCalendar(include_government=False)
    assert cal.is_working_day(date(2026, 3, 18))
    assert not cal.is_working_day(date(2026, 3, 19))  # Nyepi
    assert cal.is_working_day(date(2026, 3, 20))
    assert cal.is_working_day(date(2026, 3, 23))
    assert cal.holiday_name(date(2026, 3, 23)) is None


def test_idul_fitri_2025_long_break(cal: WorkingDayCalendar) -> None:
    # Cuti bersama Nyepi on Fri 28 March, Idul Fitri 31 March - 1 April, cuti 2-4 and 7 April.
    assert cal.next_working_day(date(2025, 3, 27)) == date(2025, 4, 8)
    assert cal.working_days_between(date(2025, 3, 27), date(2025, 4, 8)) == 1


def test_cuti_bersama_2025_after_independence_day() -> None:
    with_gov = WorkingDayCalendar()
    without_gov = WorkingDayCalendar(include_government=False)
    monday = date(2025, 8, 18)  # 17 August 2025 was a Sunday
    assert not with_gov.is_working_day(monday)
    assert with_gov.holiday_name(monday) == "Cuti Bersama Hari Kemerdekaan Republik Indonesia"
    assert without_gov.is_working_day(monday)


def test_add_five_working_days_across_weekend_and_holiday(cal: WorkingDayCalendar) -> None:
    # Wed 12 Aug 2026 -> Thu 13, Fri 14, (weekend, Mon 17 Aug), Tue 18, Wed 19, Thu 20.
    assert cal.add_working_days(date(2026, 8, 12), 5) == date(2026, 8, 20)
    assert cal.working_days_between(date(2026, 8, 12), date(2026, 8, 20)) == 5


def test_admin_cuti_bersama_day() -> None:
    extra = {date(2026, 8, 18): "Cuti bersama daerah"}
    cal = WorkingDayCalendar(extra_days_off=extra)
    assert not cal.is_working_day(date(2026, 8, 18))
    assert cal.holiday_name(date(2026, 8, 18)) == "Cuti bersama daerah"
    assert cal.add_working_days(date(2026, 8, 12), 5) == date(2026, 8, 21)
    assert (date(2026, 8, 18), "Cuti bersama daerah") in cal.days_off(2026)


def test_admin_day_off_with_empty_reason_gets_a_name() -> None:
    cal = WorkingDayCalendar(extra_days_off={date(2026, 9, 9): "  "})
    assert cal.holiday_name(date(2026, 9, 9)) == "Hari libur"


def test_admin_day_off_on_national_holiday_merges_names() -> None:
    cal = WorkingDayCalendar(extra_days_off={date(2026, 8, 17): "Upacara HUT RI"})
    assert cal.holiday_name(date(2026, 8, 17)) == (
        "Hari Kemerdekaan Republik Indonesia; Upacara HUT RI"
    )
    days = [d for d, _ in cal.days_off(2026)]
    assert days.count(date(2026, 8, 17)) == 1


def test_extra_working_day_overrides_weekend_and_holiday() -> None:
    saturday = date(2026, 8, 15)
    cal = WorkingDayCalendar(
        extra_working_days={saturday: "Hari kerja pengganti", date(2026, 8, 17): "Layanan buka"}
    )
    assert cal.is_working_day(saturday)
    assert cal.is_working_day(date(2026, 8, 17))
    assert cal.holiday_name(date(2026, 8, 17)) is None
    assert cal.add_working_days(date(2026, 8, 12), 5) == date(2026, 8, 18)
    assert date(2026, 8, 17) not in [d for d, _ in cal.days_off(2026)]
    assert cal.extra_working_days(2026) == [
        (saturday, "Hari kerja pengganti"),
        (date(2026, 8, 17), "Layanan buka"),
    ]


def test_configurable_weekend() -> None:
    cal = WorkingDayCalendar(weekend={6})  # only Sunday off
    assert cal.is_working_day(date(2026, 8, 15))
    assert not cal.is_working_day(date(2026, 8, 16))
    assert cal.weekend == frozenset({6})
    with pytest.raises(ValueError):
        WorkingDayCalendar(weekend=range(7))
    with pytest.raises(ValueError):
        WorkingDayCalendar(weekend={7})


def test_without_national_holidays() -> None:
    cal = WorkingDayCalendar(include_national=False)
    assert cal.is_working_day(date(2026, 8, 17))
    assert cal.days_off(2026) == []


def test_unknown_language_falls_back_to_default_names() -> None:
    cal = WorkingDayCalendar(language="xx")
    assert cal.holiday_name(date(2026, 8, 17)) == "Independence Day"


def test_zero_days_is_identity_even_on_a_day_off(cal: WorkingDayCalendar) -> None:
    saturday = date(2026, 8, 15)
    assert cal.add_working_days(saturday, 0) == saturday
    assert cal.add_working_days(date(2026, 8, 18), 0) == date(2026, 8, 18)
    # The "on or after" meaning is roll_forward: Saturday -> Tuesday (Monday is 17 August).
    assert cal.roll_forward(saturday) == date(2026, 8, 18)
    assert cal.roll_forward(date(2026, 8, 18)) == date(2026, 8, 18)


def test_received_on_a_day_off_counts_from_next_working_day(cal: WorkingDayCalendar) -> None:
    # Slips received Friday 14 or Saturday 15 Aug 2026 get the same 1-day deadline.
    assert cal.add_working_days(date(2026, 8, 14), 1) == date(2026, 8, 18)
    assert cal.add_working_days(date(2026, 8, 15), 1) == date(2026, 8, 18)


def test_bad_arguments(cal: WorkingDayCalendar) -> None:
    with pytest.raises(ValueError):
        cal.add_working_days(date(2026, 1, 5), -1)
    with pytest.raises(TypeError):
        cal.is_working_day(datetime(2026, 8, 17, 9, 0))
    with pytest.raises(TypeError):
        WorkingDayCalendar(extra_days_off={datetime(2026, 1, 2): "x"})


def test_working_days_between_cases(cal: WorkingDayCalendar) -> None:
    mon, wed = date(2026, 8, 3), date(2026, 8, 5)
    assert cal.working_days_between(mon, wed) == 2
    assert cal.working_days_between(wed, mon) == 0  # never negative
    assert cal.working_days_between(mon, mon) == 0
    # Friday -> Monday across a plain weekend is one working day, either order gives >= 0.
    fri, next_mon = date(2026, 8, 7), date(2026, 8, 10)
    assert cal.working_days_between(fri, next_mon) == 1
    assert cal.working_days_between(next_mon, fri) == 0
    # Sat -> Sun: no working day in between.
    assert cal.working_days_between(date(2026, 8, 8), date(2026, 8, 9)) == 0
    # A whole plain week Monday -> next Monday.
    assert cal.working_days_between(mon, next_mon) == 5


def test_working_days_between_is_additive(cal: WorkingDayCalendar) -> None:
    rng = random.Random(17)
    base = date(2025, 1, 1)
    for _ in range(300):
        a = base + timedelta(days=rng.randrange(730))
        b = a + timedelta(days=rng.randrange(40))
        c = b + timedelta(days=rng.randrange(40))
        assert cal.working_days_between(a, c) == (
            cal.working_days_between(a, b) + cal.working_days_between(b, c)
        )


def test_add_then_count_round_trip(cal: WorkingDayCalendar) -> None:
    rng = random.Random(2026)
    base = date(2024, 12, 1)
    for _ in range(600):
        start = base + timedelta(days=rng.randrange(3 * 365))
        n = rng.randrange(0, 70)
        result = cal.add_working_days(start, n)
        assert cal.working_days_between(start, result) == n
        if n > 0:
            assert cal.is_working_day(result)
            assert result > start
            # The deadline is the earliest day that reaches n working days.
            assert cal.working_days_between(start, result - timedelta(days=1)) == n - 1


def test_days_off_sorted_and_complete(cal: WorkingDayCalendar) -> None:
    days = cal.days_off(2026)
    dates = [d for d, _ in days]
    assert dates == sorted(dates)
    assert len(dates) == len(set(dates))
    assert all(d.year == 2026 for d in dates)
    names = dict(days)
    assert names[date(2026, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert names[date(2026, 12, 24)] == "Cuti Bersama Hari Raya Natal"
    assert names[date(2026, 12, 25)] == "Hari Raya Natal"
    # 17 national holidays plus 8 cuti bersama in 2026 (holidays 0.109).
    assert len(days) == 25
    public_only = WorkingDayCalendar(include_government=False).days_off(2026)
    assert len(public_only) == 17
