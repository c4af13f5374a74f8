"""Commands: bundle (USB stick export/import), keys (signing keys), token (upstream token)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import _
from .base import (
    CommandFactory,
    UsageError,
    _json_flag,
    _require_data_dir,
    cmd_help,
    note,
    out,
    print_json,
    services,
    table,
    warn,
)

if TYPE_CHECKING:
    from ..services.bundles import BundleService
    from ..sync.keys import PublicKeyInfo


def _bundles(svc: object) -> BundleService:
    from ..services.bundles import BundleService

    return BundleService(svc.store, svc.actor, svc.clock)  # type: ignore[attr-defined]


# --- bundle ------------------------------------------------------------------------------------
def cmd_bundle_export(args: argparse.Namespace) -> int:
    target = Path(args.out) if args.out else Path.cwd()
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int, name: str) -> None:
        if show_progress:
            note(_("({done}/{total}) {name}").format(done=done, total=total, name=name))

    with services(args) as svc:
        bundles = _bundles(svc)
        if args.statuses:
            if not args.unit:
                raise UsageError(_("--statuses needs --unit CODE (the office it is for)"))
            report = bundles.export_statuses(target, args.unit, everything=args.all)
        else:
            report = bundles.export_submissions(target, progress=progress)
    if args.json:
        print_json(report.to_json())
    elif report.kind == "statuses":
        out(_("{path}: {count} status update(s) for unit {unit}.").format(
            path=report.path, count=report.statuses, unit=args.unit.upper()))
    else:
        out(_("{path}: {count} slip(s), {files} page image(s), {size} KB.").format(
            path=report.path, count=report.items, files=report.files,
            size=max(1, report.size // 1024)))
        out(_("Checksum (SHA-256) of the file: {sha}").format(sha=report.sha256))
    return 0


def cmd_bundle_import(args: argparse.Namespace) -> int:
    with services(args) as svc:
        report = _bundles(svc).import_bundle(Path(args.file))
    if args.json:
        print_json(report.to_json())
        return 0
    who = f"{report.sender} ({report.sender_name})" if report.sender_name else report.sender
    if report.kind == "statuses":
        out(_("Status bundle from {who}: {changes} change(s), {registered} slip(s) registered, "
              "{closed} closed, {unknown} unknown here.").format(
            who=who, changes=report.changes, registered=report.registered,
            closed=report.closed, unknown=report.unknown))
    else:
        out(_("Bundle from {who}: {created} new slip(s), {updated} updated, {repeated} already "
              "here.").format(who=who, created=report.created, updated=report.updated,
                              repeated=report.repeated))
        for number, message in report.refused:
            warn(f"{number}: {message}")
    return 0


def cmd_bundle_verify(args: argparse.Namespace) -> int:
    with services(args) as svc:
        v = _bundles(svc).inspect(Path(args.file))
    info = {"bundle": v.bundle_id, "kind": v.kind, "created_at": v.created_at,
            "sender": v.sender.unit_code, "sender_name": v.sender.unit_name,
            "fingerprint": v.signer.fingerprint, "recipient": v.recipient,
            "items": len(v.items), "statuses": len(v.statuses)}
    if args.json:
        print_json(info)
    else:
        out(_("The bundle is intact and signed by {unit} (key {fingerprint}): {items} slip(s), "
              "{statuses} status update(s), made {created}.").format(
            unit=v.sender.unit_code, fingerprint=v.signer.fingerprint, items=len(v.items),
            statuses=len(v.statuses), created=v.created_at))
    return 0


# --- keys --------------------------------------------------------------------------------------
def _key_json(k: PublicKeyInfo) -> dict[str, object]:
    return k.to_json()


def cmd_keys_show(args: argparse.Namespace) -> int:
    with services(args) as svc:
        key = _bundles(svc).own_key()
    if key is None:
        from ..sync.bundle_errors import KeyMissing

        raise KeyMissing()
    if args.json:
        print_json(_key_json(key))
    else:
        out(key.to_text())
        note(_("Fingerprint: {fp} (read it out to the other desk to compare)").format(
            fp=key.fingerprint))
    return 0


def cmd_keys_generate(args: argparse.Namespace) -> int:
    with services(args) as svc:
        key = _bundles(svc).generate_key(replace=args.replace)
    if args.json:
        print_json(_key_json(key))
    else:
        out(key.to_text())
        note(_("New key pair made. Fingerprint: {fp}. Give the public key line above (or "
               "'kotaksaran keys export') to the desks that receive your bundles.").format(
            fp=key.fingerprint))
    return 0


def cmd_keys_export(args: argparse.Namespace) -> int:
    with services(args) as svc:
        bundles = _bundles(svc)
        path = bundles.keys.export_public(Path(args.out) if args.out else Path.cwd())
        key = bundles.keys.own_public()
    out(str(path))
    note(_("Fingerprint: {fp}").format(fp=key.fingerprint))
    return 0


def cmd_keys_trust(args: argparse.Namespace) -> int:
    source = args.key
    path = Path(source)
    text = source
    if source == "-":
        text = sys.stdin.read()
    elif len(source) < 255 and path.is_file():
        text = path.read_text(encoding="utf-8", errors="replace")
    with services(args) as svc:
        key = _bundles(svc).trust_key(text, args.label or "")
    if args.json:
        print_json(_key_json(key))
    else:
        out(_("Trusted: unit {unit}{name}, fingerprint {fp}. Check the fingerprint with that "
              "desk by phone.").format(unit=key.unit_code,
                                       name=f" ({key.label})" if key.label else "",
                                       fp=key.fingerprint))
    return 0


def cmd_keys_list(args: argparse.Namespace) -> int:
    with services(args) as svc:
        bundles = _bundles(svc)
        own = bundles.own_key()
        keys = bundles.trusted_keys()
    if args.json:
        print_json({"own": _key_json(own) if own else None,
                    "trusted": [_key_json(k) for k in keys]})
        return 0
    if own:
        out(_("This installation: {unit}, fingerprint {fp}").format(unit=own.unit_code,
                                                                    fp=own.fingerprint))
    else:
        out(_("This installation has no key pair yet ('kotaksaran keys generate')."))
    if keys:
        table([[k.unit_code, k.label or "-", k.fingerprint, k.added_at or "-"] for k in keys],
              [_("Unit"), _("Name"), _("Fingerprint"), _("Trusted since")])
    else:
        note(_("No trusted keys of other units yet."))
    return 0


def cmd_keys_remove(args: argparse.Namespace) -> int:
    with services(args) as svc:
        removed = _bundles(svc).untrust_key(args.key_id)
    if not removed:
        note(_("No trusted key with fingerprint {fp}.").format(fp=args.key_id))
        return 1
    out(_("Removed."))
    return 0


# --- token -------------------------------------------------------------------------------------
def _require_admin(args: argparse.Namespace) -> None:
    """An initialised data dir, and admin rights (the command line, or --as an admin)."""
    from ..domain.enums import Role
    from ..domain.errors import PermissionDenied

    with services(args) as svc:
        if svc.actor.role != Role.ADMIN:
            raise PermissionDenied(action="token_set")


def cmd_token_set(args: argparse.Namespace) -> int:
    from ..sync.secrets import TokenStore

    _require_admin(args)
    if args.token_stdin or not sys.stdin.isatty():
        token = sys.stdin.readline().strip()
    else:
        import getpass

        token = getpass.getpass(_("Upstream access token: ")).strip()
    if not token:
        raise UsageError(_("no token given"))
    where = TokenStore(args.data_dir).set(token)
    out(_("Token stored in the OS keyring.") if where == "keyring"
        else _("Token stored in {path} (readable only by this account).").format(
            path=TokenStore(args.data_dir).file_path))
    return 0


def cmd_token_clear(args: argparse.Namespace) -> int:
    from ..sync.secrets import TokenStore

    _require_admin(args)
    TokenStore(args.data_dir).clear()
    out(_("Token removed."))
    return 0


def cmd_token_status(args: argparse.Namespace) -> int:
    from ..sync.secrets import TokenStore

    _require_data_dir(args)
    info = TokenStore(args.data_dir).describe()
    if args.json:
        print_json(info)
    elif not info["set"]:
        out(_("No upstream token is set."))
    elif info["stored_in"] == "keyring":
        out(_("A token is set, kept in the OS keyring ({backend}).").format(
            backend=info["keyring_backend"]))
    else:
        out(_("A token is set, kept in {path}.").format(path=info["file"]))
    return 0


def register(command: CommandFactory) -> None:
    """Add this module's commands to the parser."""
    bundle = command("bundle", _("signed bundles for a USB stick: export, import, verify"),
                     cmd_help)
    sub = bundle.add_subparsers(dest="bundle_command", metavar=_("COMMAND"))
    p = command("export", _("write every approved slip (or, at the city desk, the statuses "
                            "for one office) into a signed bundle"), cmd_bundle_export, sub)
    p.add_argument("--out", metavar=_("FILE"),
                   help=_("bundle file or folder (default: the current folder)"))
    p.add_argument("--statuses", action="store_true",
                   help=_("city desk: a status bundle for one office instead of slips"))
    p.add_argument("--unit", metavar=_("CODE"), help=_("the office a status bundle is for"))
    p.add_argument("--all", action="store_true",
                   help=_("with --statuses: every status, not only the new ones"))
    _json_flag(p)
    p = command("import", _("check a bundle's signature and every file, then import it "
                            "(nothing is imported from a bad bundle)"), cmd_bundle_import, sub)
    p.add_argument("file", metavar=_("FILE"))
    _json_flag(p)
    p = command("verify", _("check a bundle without importing it"), cmd_bundle_verify, sub)
    p.add_argument("file", metavar=_("FILE"))
    _json_flag(p)

    keys = command("keys", _("signing keys of this installation and of trusted units"),
                   cmd_help)
    ksub = keys.add_subparsers(dest="keys_command", metavar=_("COMMAND"))
    p = command("show", _("print this installation's public key"), cmd_keys_show, ksub)
    _json_flag(p)
    p = command("generate", _("make this installation's key pair"), cmd_keys_generate, ksub)
    p.add_argument("--replace", action="store_true",
                   help=_("replace an existing key pair (receivers must import the new key)"))
    _json_flag(p)
    p = command("export", _("write the public key to a .pub file"), cmd_keys_export, ksub)
    p.add_argument("--out", metavar=_("FILE"), help=_("file or folder (default: here)"))
    p = command("trust", _("trust another unit's public key (a .pub file, the key text, or "
                           "'-' for standard input)"), cmd_keys_trust, ksub)
    p.add_argument("key", metavar=_("KEY"))
    p.add_argument("--label", help=_("a name for the unit"))
    _json_flag(p)
    p = command("list", _("this installation's key and the trusted keys"), cmd_keys_list, ksub)
    _json_flag(p)
    p = command("remove", _("stop trusting a key (by fingerprint)"), cmd_keys_remove, ksub)
    p.add_argument("key_id", metavar=_("FINGERPRINT"))

    token = command("token", _("the upstream access token (kept in the OS keyring or a "
                               "file only this account can read)"), cmd_help)
    tsub = token.add_subparsers(dest="token_command", metavar=_("COMMAND"))
    p = command("set", _("store the token (typed, or one line on standard input)"),
                cmd_token_set, tsub)
    p.add_argument("--token-stdin", action="store_true",
                   help=_("read the token from standard input"))
    command("clear", _("remove the stored token"), cmd_token_clear, tsub)
    p = command("status", _("whether a token is set and where it is kept (never the token)"),
                cmd_token_status, tsub)
    _json_flag(p)
