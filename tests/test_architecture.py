"""Layering rules, checked on the source with `ast` (no module is imported).

* Only ``kotaksaran/ui/`` may import Qt (PySide6 / shiboken6).
* ``domain`` imports nothing from ``store``, ``services`` or ``ui``;
  ``store`` nothing from ``services`` or ``ui``; ``services`` nothing from ``ui``.

Every form counts: ``import x``, ``from x import y``, relative imports, imports inside functions
or ``if TYPE_CHECKING:`` blocks, and ``importlib.import_module("x")`` / ``__import__("x")``
with a literal name.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "kotaksaran"
PACKAGE_DIR = Path(__file__).resolve().parents[1] / PACKAGE

QT_MODULES = ("PySide6", "shiboken6")

# layer -> layers it must not import
FORBIDDEN_LAYERS: dict[str, tuple[str, ...]] = {
    "domain": ("store", "services", "ui"),
    "store": ("services", "ui"),
    "services": ("ui",),
}


@dataclass(frozen=True)
class Imported:
    module: str  # absolute dotted name as far as it can be resolved
    line: int


def module_name(path: Path, root: Path) -> str:
    """Dotted module name of ``path`` (a file under ``root``, the package's parent dir)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_relative(current: str, is_package: bool, level: int, module: str | None) -> str:
    base = current.split(".") if is_package else current.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    if module:
        base = [*base, *module.split(".")]
    return ".".join(base)


def _literal_import_call(node: ast.Call) -> str | None:
    """The module named by ``importlib.import_module("x")`` or ``__import__("x")``."""
    func = node.func
    is_import = (isinstance(func, ast.Name) and func.id in {"__import__", "import_module"}) or (
        isinstance(func, ast.Attribute) and func.attr == "import_module"
    )
    if not is_import or not node.args:
        return None
    first = node.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def imports_of(
    source: str, current: str, is_package: bool, filename: str = "<src>"
) -> Iterator[Imported]:
    """Every module that ``source`` (module ``current``) imports, with absolute names.

    ``from a import b`` yields both ``a`` and ``a.b`` (``b`` may be a submodule).
    """
    tree = ast.parse(source, filename=filename)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Imported(alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _resolve_relative(current, is_package, node.level, node.module)
            else:
                base = node.module or ""
            yield Imported(base, node.lineno)
            for alias in node.names:
                if alias.name != "*":
                    yield Imported(f"{base}.{alias.name}" if base else alias.name, node.lineno)
        elif isinstance(node, ast.Call):
            name = _literal_import_call(node)
            if name is not None:
                yield Imported(name, node.lineno)


def _is_within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def package_modules() -> list[tuple[Path, str]]:
    files = sorted(PACKAGE_DIR.rglob("*.py"))
    return [(path, module_name(path, PACKAGE_DIR.parent)) for path in files]


def _scan(path: Path, module: str) -> Iterator[Imported]:
    source = path.read_text(encoding="utf-8")
    yield from imports_of(source, module, path.name == "__init__.py", str(path))


def _where(path: Path, line: int) -> str:
    return f"{path.relative_to(PACKAGE_DIR.parent).as_posix()}:{line}"


def test_package_is_found() -> None:
    assert PACKAGE_DIR.is_dir(), PACKAGE_DIR
    assert any(module == f"{PACKAGE}.domain" for _, module in package_modules())


def test_only_ui_imports_qt() -> None:
    offences = []
    for path, module in package_modules():
        if _is_within(module, f"{PACKAGE}.ui"):
            continue
        for imp in _scan(path, module):
            if any(_is_within(imp.module, qt) for qt in QT_MODULES):
                offences.append(f"{_where(path, imp.line)}: imports {imp.module}")
    assert not offences, "Qt may only be imported under kotaksaran/ui/:\n" + "\n".join(
        sorted(set(offences))
    )


def test_layers_import_only_downwards() -> None:
    offences = []
    for path, module in package_modules():
        for layer, forbidden in FORBIDDEN_LAYERS.items():
            if not _is_within(module, f"{PACKAGE}.{layer}"):
                continue
            for imp in _scan(path, module):
                for other in forbidden:
                    if _is_within(imp.module, f"{PACKAGE}.{other}"):
                        offences.append(f"{_where(path, imp.line)}: {layer} imports {imp.module}")
    assert not offences, "layering violated (domain < store < services < ui):\n" + "\n".join(
        sorted(set(offences))
    )


# The checker itself, on small sources, so that a broken checker cannot pass silently.


@pytest.mark.parametrize(
    ("source", "current", "is_package", "expected"),
    [
        ("import PySide6.QtCore", "kotaksaran.domain.x", False, "PySide6.QtCore"),
        ("from shiboken6 import isValid", "kotaksaran.store", True, "shiboken6"),
        ("from ..store import models", "kotaksaran.domain.x", False, "kotaksaran.store.models"),
        ("from .. import ui", "kotaksaran.services.x", False, "kotaksaran.ui"),
        ("from . import ui", "kotaksaran", True, "kotaksaran.ui"),
        ("from .sub import y", "kotaksaran.domain", True, "kotaksaran.domain.sub"),
        (
            "def f():\n    from kotaksaran.ui import main_window\n",
            "kotaksaran.store.x",
            False,
            "kotaksaran.ui.main_window",
        ),
        (
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from PySide6 import QtGui\n",
            "kotaksaran.domain.x",
            False,
            "PySide6.QtGui",
        ),
        ("import importlib\nimportlib.import_module('PySide6')", "kotaksaran.x", False, "PySide6"),
        ("__import__('kotaksaran.ui')", "kotaksaran.domain.x", False, "kotaksaran.ui"),
    ],
)
def test_checker_sees_import(source: str, current: str, is_package: bool, expected: str) -> None:
    found = {imp.module for imp in imports_of(source, current, is_package)}
    assert expected in found, found


def test_checker_reports_line_numbers() -> None:
    source = "import os\n\n\nfrom kotaksaran.ui import app\n"
    lines = {imp.module: imp.line for imp in imports_of(source, "kotaksaran.domain.x", False)}
    assert lines["kotaksaran.ui"] == 4
    assert lines["os"] == 1


def test_module_name() -> None:
    root = Path("/src")
    assert module_name(root / "kotaksaran/__init__.py", root) == "kotaksaran"
    assert module_name(root / "kotaksaran/store/models.py", root) == "kotaksaran.store.models"
