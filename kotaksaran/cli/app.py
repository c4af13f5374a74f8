"""The `kotaksaran` command: the same services as the GUI, without Qt.

The command line acts with admin rights, audited as ``cli:<os user>``; the data dir's file
permissions are its access control. ``--as USERNAME`` acts as that user instead (that role's
permissions, and nobody approves their own slip). Only ``init``, ``demo`` and the GUI's first
start create a data dir; any other command on a missing one says so and stops (it may be a
USB drive that was pulled out). Output is Bahasa Indonesia unless ``--lang en``.

Exit codes: 0 done, 1 refused or failed (an expected error, printed as one calm message),
2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .. import __version__, i18n, paths
from ..domain.errors import (
    KotakSaranError,
)
from ..i18n import _
from . import admin, bundle, documents, intake, slips, sync
from .admin import cmd_gui
from .base import PROG, UsageError, _argparse_language, _global_options, note


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)

    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_("Kotak Saran Digital: suggestion-box slips into verified SP4N-LAPOR! "
                      "reports. Without a command the window opens."),
    )
    _global_options(parser, suppress=False)
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}",
                        help=_("print the version and exit"))
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"))

    def command(name: str, help_: str, func: Callable[[argparse.Namespace], int],
                parent: Any = sub) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, help=help_, description=help_,
                                                       parents=[common])
        p.set_defaults(func=func)
        return p

    for module in (admin, slips, intake, sync, bundle, documents):
        module.register(command)

    parser.set_defaults(func=cmd_gui, demo=False)
    return parser


# --- main ----------------------------------------------------------------------------------
def _language_from(argv: Sequence[str]) -> str | None:
    """--lang before the parser exists, so that its help and errors are translated too."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    previous = i18n.get_language()
    i18n.set_language(_language_from(args_list))
    try:
        with _argparse_language():
            parser = build_parser()
            try:
                args = parser.parse_args(args_list)
            except SystemExit as exc:  # argparse: 2 on a usage error, 0 after --help
                return exc.code if isinstance(exc.code, int) else 2
        _resolve_globals(args)
        try:
            return int(args.func(args))
        except KotakSaranError as exc:
            note(i18n.error_message(exc))
            return 1
        except UsageError as exc:
            note(f"{PROG}: {exc}")
            return 2
        except KeyboardInterrupt:
            note(_("Interrupted."))
            return 130
        except BrokenPipeError:
            # `kotaksaran list | head`: the reader went away; that is not an error.
            _silence_stdout()
            return 0
    finally:
        i18n.set_language(previous)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _resolve_globals(args: argparse.Namespace) -> None:
    args.explicit_data_dir = args.data_dir is not None
    demo_dir = (args.command == "demo") or (args.command in (None, "gui") and args.demo)
    if args.data_dir is None:
        # Demo data never goes into the real data dir, so $KOTAKSARAN_DATA_DIR is not used.
        args.data_dir = paths.default_demo_dir() if demo_dir else paths.default_data_dir()
    args.data_dir = Path(args.data_dir).expanduser()
    if args.db_url is None:
        args.db_url = paths.default_db_url()
    args.lang = args.lang or i18n.get_language()


