"""Commands: print, report (receipts, minutes, status boards, monthly reports)."""

from __future__ import annotations

from .base import CommandFactory


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
