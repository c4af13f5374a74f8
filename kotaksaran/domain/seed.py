"""Static seed data shipped in resources/seed/: the LAPOR! category tree, starter agencies
(instansi tujuan) and unit types, loaded from JSON and validated. No database here."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

RESOURCES_ENV_VAR = "KOTAKSARAN_RESOURCES"

CATEGORIES_FILE = "categories.json"
AGENCIES_FILE = "agencies.json"
UNIT_TYPES_FILE = "unit_types.json"

# Kinds of agency (instansi): a perangkat daerah is a "dinas", "badan" or "satuan";
# "instansi_vertikal" is an office of a central body (police, BP Batam, Kemenag).
AGENCY_KINDS: tuple[str, ...] = (
    "dinas",
    "badan",
    "kecamatan",
    "kelurahan",
    "puskesmas",
    "rsud",
    "satuan",
    "bumn",
    "instansi_vertikal",
    "lainnya",
)

_CODE_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


@dataclass(frozen=True)
class SeedCategory:
    """A LAPOR! category (kategori); roots have children, children have none."""

    code: str
    name: str
    keywords: tuple[str, ...] = ()
    children: tuple[SeedCategory, ...] = ()


@dataclass(frozen=True)
class SeedAgency:
    """An agency a report can be addressed to (instansi tujuan)."""

    code: str
    name: str
    kind: str
    category_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitType:
    """A kind of public-service unit that owns suggestion boxes (kelurahan, puskesmas, ...)."""

    code: str
    name: str


@dataclass(frozen=True)
class SeedData:
    """All seed files, loaded and checked against each other."""

    categories: tuple[SeedCategory, ...]
    agencies: tuple[SeedAgency, ...]
    unit_types: tuple[UnitType, ...]


def resources_dir() -> Path:
    """The resources/ folder: ``$KOTAKSARAN_RESOURCES`` if set, else the one in the repo root."""
    override = os.environ.get(RESOURCES_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parents[2] / "resources"


def seed_dir() -> Path:
    """The folder holding the seed JSON files."""
    return resources_dir() / "seed"


def _read_list(path: Path) -> list[Any]:
    try:
        # utf-8-sig: the files are meant to be edited by hand, and Notepad may add a BOM.
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"{path}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON list at the top level")
    return data


class _Checker:
    """Shared checks that point at the file and the item in their messages."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> ValueError:
        return ValueError(f"{self.path}: {where}: {message}")

    def obj(
        self, item: object, where: str, allowed: set[str], required: set[str]
    ) -> dict[str, Any]:
        if not isinstance(item, dict):
            raise self.fail(where, "expected a JSON object")
        unknown = sorted(set(item) - allowed)
        if unknown:
            raise self.fail(where, f"unknown field(s) {unknown}; allowed: {sorted(allowed)}")
        missing = sorted(required - set(item))
        if missing:
            raise self.fail(where, f"missing field(s) {missing}")
        return item

    def code(self, value: object, where: str) -> str:
        if not isinstance(value, str) or not _CODE_RE.match(value):
            raise self.fail(
                where,
                f"code {value!r} must be a lowercase ASCII slug (letters, digits, '-' or '_')",
            )
        return value

    def name(self, value: object, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, "name must be a non-empty string")
        return value.strip()

    def words(self, value: object, where: str, field: str, lower: bool) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(where, f"{field} must be a list of strings")
        result: list[str] = []
        for word in value:
            if not isinstance(word, str) or not word.strip():
                raise self.fail(where, f"{field} must hold non-empty strings, got {word!r}")
            cleaned = " ".join(word.split())
            if lower:
                cleaned = cleaned.lower()
            if cleaned not in result:
                result.append(cleaned)
        return tuple(result)


def _parse_category(
    check: _Checker, item: object, where: str, seen: dict[str, str], depth: int
) -> SeedCategory:
    allowed = {"code", "name", "keywords", "children"}
    data = check.obj(item, where, allowed, {"code", "name"})
    code = check.code(data["code"], where)
    where = f"{where} ({code})"
    if code in seen:
        raise check.fail(where, f"duplicate category code {code!r} (also at {seen[code]})")
    seen[code] = where
    name = check.name(data["name"], where)
    keywords = check.words(data.get("keywords", []), where, "keywords", lower=True)
    raw_children = data.get("children", [])
    if not isinstance(raw_children, list):
        raise check.fail(where, "children must be a list")
    if raw_children and depth > 0:
        raise check.fail(where, "a sub-category cannot have children (the tree has two levels)")
    children = tuple(
        _parse_category(check, child, f"{where} child {i}", seen, depth + 1)
        for i, child in enumerate(raw_children)
    )
    return SeedCategory(code=code, name=name, keywords=keywords, children=children)


def load_categories(path: Path | None = None) -> list[SeedCategory]:
    """Read the two-level category tree; codes must be unique across the whole tree."""
    path = path if path is not None else seed_dir() / CATEGORIES_FILE
    check = _Checker(path)
    seen: dict[str, str] = {}
    return [
        _parse_category(check, item, f"item {i}", seen, depth=0)
        for i, item in enumerate(_read_list(path))
    ]


def iter_categories(
    categories: Sequence[SeedCategory],
) -> Iterator[tuple[SeedCategory, SeedCategory | None]]:
    """Every category with its parent (None for a root), roots before their children."""
    for root in categories:
        yield root, None
        for child in root.children:
            yield child, root


def category_codes(categories: Sequence[SeedCategory]) -> frozenset[str]:
    """All codes of the tree, roots and sub-categories."""
    return frozenset(cat.code for cat, _ in iter_categories(categories))


def load_agencies(
    path: Path | None = None, *, known_category_codes: Collection[str] | None = None
) -> list[SeedAgency]:
    """Read the starter agencies; with ``known_category_codes``, check every category code."""
    path = path if path is not None else seed_dir() / AGENCIES_FILE
    check = _Checker(path)
    seen: set[str] = set()
    result: list[SeedAgency] = []
    allowed = {"code", "name", "kind", "category_codes"}
    for i, item in enumerate(_read_list(path)):
        where = f"item {i}"
        data = check.obj(item, where, allowed, {"code", "name", "kind"})
        code = check.code(data["code"], where)
        where = f"{where} ({code})"
        if code in seen:
            raise check.fail(where, f"duplicate agency code {code!r}")
        seen.add(code)
        name = check.name(data["name"], where)
        kind = data["kind"]
        if kind not in AGENCY_KINDS:
            raise check.fail(where, f"kind {kind!r} is not one of {list(AGENCY_KINDS)}")
        codes = check.words(data.get("category_codes", []), where, "category_codes", lower=False)
        for cat_code in codes:
            check.code(cat_code, where)
            if known_category_codes is not None and cat_code not in known_category_codes:
                raise check.fail(where, f"unknown category code {cat_code!r}")
        result.append(SeedAgency(code=code, name=name, kind=kind, category_codes=codes))
    return result


def load_unit_types(path: Path | None = None) -> list[UnitType]:
    """Read the unit types (kelurahan, kecamatan, puskesmas, ...)."""
    path = path if path is not None else seed_dir() / UNIT_TYPES_FILE
    check = _Checker(path)
    seen: set[str] = set()
    result: list[UnitType] = []
    for i, item in enumerate(_read_list(path)):
        where = f"item {i}"
        data = check.obj(item, where, {"code", "name"}, {"code", "name"})
        code = check.code(data["code"], where)
        where = f"{where} ({code})"
        if code in seen:
            raise check.fail(where, f"duplicate unit type code {code!r}")
        seen.add(code)
        result.append(UnitType(code=code, name=check.name(data["name"], where)))
    return result


def load_seed(directory: Path | None = None) -> SeedData:
    """Load the three seed files of ``directory`` (default ``seed_dir()``) and cross-check."""
    directory = directory if directory is not None else seed_dir()
    categories = load_categories(directory / CATEGORIES_FILE)
    agencies = load_agencies(
        directory / AGENCIES_FILE, known_category_codes=category_codes(categories)
    )
    unit_types = load_unit_types(directory / UNIT_TYPES_FILE)
    return SeedData(tuple(categories), tuple(agencies), tuple(unit_types))
