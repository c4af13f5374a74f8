"""Commands: sync, bundle, receiver (SP4N-LAPOR! and the exchange API)."""

from __future__ import annotations

from .base import CommandFactory


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
