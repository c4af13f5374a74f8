"""List and search latency on the 100,000-slip database: the app's service beside raw SQL.

For each operation the list model performs (count + one page), this times
  (a) `ListingService.count` + `ListingService.page` through the app's own store, and
  (b) the same answer written by hand in raw sqlite3 SQL on the same file (the reference),
interleaved in the same run, median of --runs (default 9), and prints both with the ratio.
Both sides must return the same count and the same row ids; a mismatch fails the run.

    .venv/bin/python bench/bench_list.py            # 100,000 rows (built once, cached)
    .venv/bin/python bench/bench_list.py --plans    # also print EXPLAIN QUERY PLAN of each
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import common
from sqlalchemy import event

from kotaksaran.domain.enums import Status
from kotaksaran.services import ListQuery, Services
from kotaksaran.services.listing import search_tokens
from kotaksaran.services.users import actor_for
from kotaksaran.store.db import open_store

PAGE = 100  # rows per page asked for here; the GUI model asks for PAGE_SIZE (200) at a time
FIRST_PAGE_AIM = 0.3
SEARCH_AIM = 0.1

_COLS = ("s.id, s.uuid, s.number, s.status, s.channel, s.classification, s.title, a.name, "
         "s.created_at, s.event_date, s.box_session_id")


@dataclass(frozen=True)
class Op:
    name: str
    label: str
    query: ListQuery
    # Raw reference: WHERE clause and params (on `s`), ORDER BY, and an FTS MATCH if any.
    where: str = ""
    params: tuple[Any, ...] = ()
    order: str = "s.created_at DESC, s.id DESC"
    fts: str | None = None  # MATCH expression: the raw side joins submissions_fts
    last_page: bool = False
    aim: float | None = None
    extra: bool = False  # beyond the list; shown, not aimed


def _fts_match(q: str) -> str:
    """The MATCH string the service builds (prefix match on every word)."""
    return " ".join(f'"{t}"*' for t in search_tokens(q))


def operations() -> list[Op]:
    verified = Status.VERIFIED.value
    s1, s3, sc, sn = "sampah", "lampu jalan mati", "jalan", "2025-0001"
    return [
        Op("first_page", "first page (newest first)", ListQuery(), aim=FIRST_PAGE_AIM),
        Op("sort_date_asc", "sort by date, ascending", ListQuery(descending=False),
           order="s.created_at ASC, s.id ASC", aim=FIRST_PAGE_AIM),
        Op("sort_status", "sort by status", ListQuery(sort="status", descending=False),
           order="s.status ASC, s.id ASC", aim=FIRST_PAGE_AIM),
        Op("filter_status", "filter status = verified",
           ListQuery(statuses=(Status.VERIFIED,)),
           where="s.status = ?", params=(verified,), aim=FIRST_PAGE_AIM),
        Op("search_1", f"search '{s1}'", ListQuery(search=s1), fts=_fts_match(s1),
           aim=SEARCH_AIM),
        Op("search_3", f"search '{s3}'", ListQuery(search=s3), fts=_fts_match(s3),
           aim=SEARCH_AIM),
        Op("last_page", "jump to the last page", ListQuery(), last_page=True,
           aim=FIRST_PAGE_AIM),
        # Extras: shapes a person produces with two clicks, to show where the plans turn.
        Op("filter_2_status", "filter status in (verified, returned)",
           ListQuery(statuses=(Status.VERIFIED, Status.RETURNED)),
           where="s.status IN (?, ?)", params=(verified, Status.RETURNED.value), extra=True),
        Op("sort_status_desc", "sort by status, descending",
           ListQuery(sort="status", descending=True),
           order="s.status DESC, s.id DESC", extra=True),
        Op("sort_title", "sort by title", ListQuery(sort="title", descending=False),
           order="s.title ASC, s.id ASC", extra=True),
        Op("sort_agency", "sort by agency", ListQuery(sort="agency", descending=False),
           order="a.name ASC, s.id ASC", extra=True),
        Op("search_common", f"search '{sc}' (very common word)", ListQuery(search=sc),
           fts=_fts_match(sc), extra=True),
        Op("search_number", f"search '{sn}' (digits: number LIKE too)", ListQuery(search=sn),
           where=("(s.id IN (SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ?)"
                  " OR s.number LIKE ?)"),
           params=(_fts_match(sn), f"%{sn}%"), extra=True),
    ]


class Raw:
    """The reference: hand-written SQL on a plain sqlite3 connection to the same file."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path)

    def sql(self, op: Op, offset: int) -> tuple[str, tuple[Any, ...], str, tuple[Any, ...]]:
        if op.fts is not None:
            count = "SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH ?"
            page = (f"SELECT {_COLS} FROM submissions_fts f "
                    "JOIN submissions s ON s.id = f.rowid "
                    "LEFT JOIN agencies a ON a.id = s.agency_id "
                    f"WHERE submissions_fts MATCH ? ORDER BY {op.order} LIMIT ? OFFSET ?")
            return count, (op.fts,), page, (op.fts, PAGE, offset)
        where = f" WHERE {op.where}" if op.where else ""
        count = f"SELECT count(*) FROM submissions s{where}"
        page = (f"SELECT {_COLS} FROM submissions s LEFT JOIN agencies a ON a.id = s.agency_id"
                f"{where} ORDER BY {op.order} LIMIT ? OFFSET ?")
        return count, op.params, page, (*op.params, PAGE, offset)

    def count(self, op: Op) -> int:
        c, cp, _, _ = self.sql(op, 0)
        return int(self.conn.execute(c, cp).fetchone()[0])

    def page_ids(self, op: Op, offset: int) -> list[int]:
        _, _, p, pp = self.sql(op, offset)
        return [r[0] for r in self.conn.execute(p, pp).fetchall()]

    def plan(self, sql: str, params: tuple[Any, ...]) -> list[str]:
        return [r[3] for r in self.conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]

    def close(self) -> None:
        self.conn.close()


@dataclass
class Result:
    op: Op
    rows: int
    offset: int
    svc_count: common.Timing
    svc_page: common.Timing
    raw_count: common.Timing
    raw_page: common.Timing
    plans: dict[str, list[str]] = field(default_factory=dict)

    @staticmethod
    def _total(a: common.Timing, b: common.Timing) -> float:
        return common.Timing([x + y for x, y in zip(a.runs, b.runs, strict=True)]).median

    @property
    def svc(self) -> float:
        return self._total(self.svc_count, self.svc_page)

    @property
    def raw(self) -> float:
        return self._total(self.raw_count, self.raw_page)

    @property
    def ratio(self) -> float:
        return self.svc / self.raw if self.raw > 0 else float("inf")

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.op.name, "label": self.op.label, "extra": self.op.extra,
            "aim_s": self.op.aim, "matches": self.rows, "offset": self.offset,
            "service_s": self.svc, "raw_s": self.raw, "ratio": self.ratio,
            "service_count_s": self.svc_count.median, "service_page_s": self.svc_page.median,
            "raw_count_s": self.raw_count.median, "raw_page_s": self.raw_page.median,
            "service_runs_s": [x + y for x, y in
                               zip(self.svc_count.runs, self.svc_page.runs, strict=True)],
            "raw_runs_s": [x + y for x, y in
                           zip(self.raw_count.runs, self.raw_page.runs, strict=True)],
            "plans": self.plans,
        }


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


class SqlTap:
    """Records the SQL the app's engine sends, to EXPLAIN exactly what the service ran."""

    def __init__(self, engine: Any) -> None:
        self.on = False
        self.seen: list[tuple[str, tuple[Any, ...]]] = []

        @event.listens_for(engine, "before_cursor_execute")
        def _tap(_c: Any, _cur: Any, statement: str, parameters: Any, *_: Any) -> None:
            if self.on:
                self.seen.append((statement, tuple(parameters or ())))

    def capture(self, fn: Callable[[], Any]) -> list[tuple[str, tuple[Any, ...]]]:
        self.seen, self.on = [], True
        try:
            fn()
        finally:
            self.on = False
        return [(s, p) for s, p in self.seen if s.lstrip().upper().startswith("SELECT")]


def run(data_dir: Path, runs: int = 9, *, plans: bool = False,
        only: set[str] | None = None, quiet: bool = False) -> list[Result]:
    store = open_store(data_dir)
    raw = Raw(data_dir / "kotaksaran.db")
    tap = SqlTap(store.engine)
    try:
        listing = Services(store, actor_for(store, "petugas1")).listing
        results: list[Result] = []
        for op in operations():
            if only and op.name not in only:
                continue
            total = listing.count(op.query)
            offset = max(0, (total - 1) // PAGE * PAGE) if op.last_page else 0

            def svc(op: Op = op, offset: int = offset) -> tuple[float, float, int, list[int]]:
                tc, n = _timed(lambda: listing.count(op.query))
                tp, rows = _timed(lambda: listing.page(op.query, offset, PAGE))
                return tc, tp, n, [r.id for r in rows]

            def ref(op: Op = op, offset: int = offset) -> tuple[float, float, int, list[int]]:
                tc, n = _timed(lambda: raw.count(op))
                tp, ids = _timed(lambda: raw.page_ids(op, offset))
                return tc, tp, n, ids

            # Warm-up, and the check that both sides give the same answer.
            a, b = svc(), ref()
            if a[2:] != b[2:]:
                raise SystemExit(f"[bench_list] {op.name}: service and raw SQL disagree "
                                 f"(count {a[2]} vs {b[2]}, ids {a[3][:5]} vs {b[3][:5]})")
            times: list[list[float]] = [[], [], [], []]
            for _ in range(runs):
                a, b = svc(), ref()
                for i, t in enumerate((a[0], a[1], b[0], b[1])):
                    times[i].append(t)
            res = Result(op, total, offset, *(common.Timing(t) for t in times))
            if plans:
                c, cp, p, pp = raw.sql(op, offset)
                seen = tap.capture(lambda op=op, offset=offset: (
                    listing.count(op.query), listing.page(op.query, offset, PAGE)))
                for i, (stmt, params) in enumerate(seen):
                    res.plans[f"service_{'count' if i == 0 else 'page'}"] = raw.plan(stmt, params)
                    res.plans[f"service_{'count' if i == 0 else 'page'}_sql"] = [stmt]
                res.plans["raw_count"] = raw.plan(c, cp)
                res.plans["raw_page"] = raw.plan(p, pp)
            results.append(res)
            if not quiet:
                print(f"  {op.label:<44} service {common.ms(res.svc):>10}  raw "
                      f"{common.ms(res.raw):>10}  x{res.ratio:5.1f}", flush=True)
        return results
    finally:
        raw.close()
        store.dispose()


# --- what a change in the service's SQL would give ---------------------------------------
_J = "FROM submissions s LEFT JOIN agencies a ON a.id = s.agency_id"
_NEWEST = "ORDER BY s.created_at DESC, s.id DESC"
_IN_FTS = "s.id IN (SELECT rowid FROM submissions_fts WHERE submissions_fts MATCH ?)"


def _deferred(where: str = "") -> str:
    inner_where = f" WHERE {where}" if where else ""
    return (f"SELECT {_COLS} {_J} WHERE s.id IN (SELECT s.id FROM submissions s{inner_where} "
            f"{_NEWEST} LIMIT ? OFFSET ?) {_NEWEST}")


def alternatives(total: int, verified: int) -> list[tuple[str, str, tuple[Any, ...], str,
                                                           tuple[Any, ...]]]:
    """(label, SQL as the service shapes it today, params, proposed SQL, params); raw sqlite3
    on both sides, same answer required. Page size 200 as the GUI model reads."""
    last = max(0, total - 200)
    mid = total // 2
    vlast = max(0, verified - 200)
    jalan = _fts_match("jalan")
    return [
        (f"page of 200 at offset {mid:,}: deferred join",
         f"SELECT {_COLS} {_J} {_NEWEST} LIMIT 200 OFFSET ?", (mid,),
         _deferred(), (200, mid)),
        (f"page of 200 at offset {last:,} (the end): deferred join",
         f"SELECT {_COLS} {_J} {_NEWEST} LIMIT 200 OFFSET ?", (last,),
         _deferred(), (200, last)),
        (f"status = verified, last page (offset {vlast:,}): deferred join",
         f"SELECT {_COLS} {_J} WHERE s.status = ? {_NEWEST} LIMIT 200 OFFSET ?",
         (Status.VERIFIED.value, vlast),
         _deferred("s.status = ?"), (Status.VERIFIED.value, 200, vlast)),
        ("search count 'jalan': count the FTS table",
         f"SELECT count(*) FROM submissions s WHERE {_IN_FTS}", (jalan,),
         "SELECT count(*) FROM submissions_fts WHERE submissions_fts MATCH ?", (jalan,)),
        ("search page 'jalan': sort ids first, then read 100 rows",
         f"SELECT {_COLS} {_J} WHERE {_IN_FTS} {_NEWEST} LIMIT 100", (jalan,),
         f"SELECT {_COLS} {_J} WHERE s.id IN (SELECT s.id FROM submissions s WHERE {_IN_FTS} "
         f"{_NEWEST} LIMIT 100) {_NEWEST}", (jalan,)),
    ]


def run_alternatives(path: Path, runs: int) -> list[dict[str, Any]]:
    raw = Raw(path)
    try:
        total = raw.conn.execute("SELECT count(*) FROM submissions").fetchone()[0]
        verified = raw.conn.execute("SELECT count(*) FROM submissions WHERE status = ?",
                                    (Status.VERIFIED.value,)).fetchone()[0]
        out = []
        for label, now_sql, now_p, new_sql, new_p in alternatives(total, verified):
            a = raw.conn.execute(now_sql, now_p).fetchall()
            b = raw.conn.execute(new_sql, new_p).fetchall()
            if a != b:
                raise SystemExit(f"[bench_list] alternative '{label}' changes the answer")
            ta, tb = common.time_pair(lambda q=now_sql, p=now_p: raw.conn.execute(q, p).fetchall(),
                                      lambda q=new_sql, p=new_p: raw.conn.execute(q, p).fetchall(),
                                      runs)
            out.append({"label": label, "today_s": ta.median, "proposed_s": tb.median,
                        "speedup": ta.median / tb.median if tb.median else float("inf"),
                        "today_plan": raw.plan(now_sql, now_p),
                        "proposed_plan": raw.plan(new_sql, new_p)})
            print(f"  {label:<58} today {common.ms(ta.median):>9}  proposed "
                  f"{common.ms(tb.median):>9}  x{out[-1]['speedup']:.0f} faster", flush=True)
        return out
    finally:
        raw.close()


def alternatives_table(alts: list[dict[str, Any]]) -> str:
    lines = ["| query (raw SQL, same answer) | as the service shapes it | proposed | speed-up |",
             "|---|---:|---:|---:|"]
    for a in alts:
        lines.append(f"| {a['label']} | {common.ms(a['today_s'])} | {common.ms(a['proposed_s'])} "
                     f"| x{a['speedup']:.0f} |")
    return "\n".join(lines)


def table(results: list[Result]) -> str:
    head = ("| operation | matches | app service (count + page) | raw SQL (count + page) "
            "| ratio | aim |\n|---|---:|---:|---:|---:|---|")
    lines = [head]
    for r in results:
        if r.op.aim is None:
            aim = "—"
        else:
            aim = f"< {r.op.aim:g} s: {'met' if r.svc < r.op.aim else '**missed**'}"
        lines.append(
            f"| {r.op.label}{' (extra)' if r.op.extra else ''} | {r.rows:,} "
            f"| {common.ms(r.svc)} ({common.ms(r.svc_count.median)} + "
            f"{common.ms(r.svc_page.median)}) | {common.ms(r.raw)} "
            f"({common.ms(r.raw_count.median)} + {common.ms(r.raw_page.median)}) "
            f"| {r.ratio:.1f} | {aim} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=common.DEFAULT_ROWS)
    ap.add_argument("--runs", type=int, default=9, help="timed runs per side (median)")
    ap.add_argument("--plans", action="store_true", help="print EXPLAIN QUERY PLAN")
    ap.add_argument("--only", default="", help="comma-separated operation names")
    ap.add_argument("--alternatives", action="store_true",
                    help="also time proposed SQL shapes beside today's (raw SQL both)")
    ap.add_argument("--generator", choices=common.GENERATORS, default="demo",
                    help="who makes the benchmark database (see common.py)")
    ap.add_argument("--out", type=Path, default=common.OUT,
                    help="where the cached database and the JSON go")
    args = ap.parse_args(argv)
    db = common.build_db(args.rows, args.out, generator=args.generator)
    info = common.machine()
    print(f"[bench_list] {db.rows:,} slips ({'cached' if db.reused else 'built'}; build took "
          f"{db.build_seconds:.1f} s, not measured below); median of {args.runs} runs, "
          f"{info['nproc']} cpu, python {info['python']}, sqlite {info['sqlite']}", flush=True)
    only = {x.strip() for x in args.only.split(",") if x.strip()} or None
    results = run(db.data_dir, args.runs, plans=args.plans, only=only)
    print()
    print(table(results))
    alts: list[dict[str, Any]] = []
    if args.alternatives:
        print("\n[bench_list] proposed SQL shapes, raw sqlite3 on both sides:")
        alts = run_alternatives(db.db_path, args.runs)
        print()
        print(alternatives_table(alts))
    if args.plans:
        for r in results:
            print(f"\n## {r.op.label}")
            for k, v in r.plans.items():
                if not k.endswith("_sql"):
                    print(f"  {k:<14} " + " | ".join(v))
    data = {"bench": "bench_list", "command": "bench/bench_list.py "
            + " ".join(argv if argv is not None else sys.argv[1:]),
            "machine": info, "rows": db.rows, "runs": args.runs, "page": PAGE,
            "db_build_seconds": db.build_seconds, "db_built_at": db.built_at,
            "database": db.describe(),
            "results": [r.to_json() for r in results], "alternatives": alts}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench_list.json").write_text(__import__("json").dumps(data, indent=2))
    return data


if __name__ == "__main__":
    main()
