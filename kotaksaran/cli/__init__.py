"""The `kotaksaran` command line; see `app` for the parser and the exit codes."""

from . import slips
from .app import build_parser, main
from .base import ARGPARSE_MESSAGES

__all__ = ["ARGPARSE_MESSAGES", "build_parser", "main", "slips"]
