"""Typed errors of sync and the receiver, and the problems recorded on outbox items.

Two kinds of text for the operator, both in Bahasa Indonesia through `sync.po`:

- `SyncError` subclasses: a push or pull that cannot start or go on as a whole (no address,
  plain http to another computer, another push running ...). Registered with
  `i18n.register_error_messages`, so `i18n.error_message(exc)` gives the sentence.
- Problem codes (`PROBLEMS`): why one record was not taken (retry) or was refused
  (quarantine). Stored on the outbox item as a code plus the field to fix; `describe()` turns
  them into a sentence when shown, e.g. "Server menolak: kategori tidak dikenal — perbaiki
  kategori lalu kirim ulang." Raw HTTP text is kept only in the log-side `detail`.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import EnvironmentProblem, KotakSaranError
from ..i18n import FIELD_LABELS, N_, _, label, register_error_messages


class SyncError(KotakSaranError):
    code = "sync_error"


class SyncConfigError(SyncError):
    """The upstream settings cannot be used as they are (fix them in Pengaturan)."""

    code = "sync_config"


class SyncBusy(SyncError):
    code = "sync_busy"


class SyncUnavailable(EnvironmentProblem):
    """A pull (or probe) that failed as a whole; `problem` is a sentence from PROBLEMS."""

    code = "sync_unavailable"


class ReceiverError(KotakSaranError):
    code = "receiver_error"


ERRORS = {
    "sync_error": N_("Sending could not go on: {detail}."),
    "sync_config": N_("The upstream settings cannot be used: {detail}."),
    "sync_adapter_unknown": N_(
        "'{adapter}' is not a known way of sending. Choose one in Settings > Sync."),
    "sync_url_missing": N_(
        "No upstream address is set. Set it in Settings > Sync (or give --url)."),
    "sync_url_invalid": N_(
        "'{url}' is not a usable address. Write it like https://lapor.example.go.id/api."),
    "sync_plain_http": N_(
        "'{url}' is not encrypted (http://). Plain http is only allowed to this computer "
        "itself; use an https:// address."),
    "sync_demo_upstream": N_(
        "This is demo data: it may only be sent to this computer (127.0.0.1), never to a "
        "real upstream."),
    "sync_ca_file_missing": N_(
        "The certificate file {path} cannot be read. Check the path in Settings > Sync."),
    "sync_busy": N_(
        "Another push or pull is running on this data folder. Wait for it to finish, then "
        "try again."),
    "sync_unavailable": N_("The status could not be pulled. {problem}"),
    "sync_item_not_found": N_("Outbox item {ref} does not exist."),
    "sync_item_not_retryable": N_(
        "Outbox item {ref} is '{state}' and cannot be sent again from here."),
    "receiver_error": N_("The receiver stopped: {detail}."),
    "receiver_cert_missing": N_(
        "The certificate or key file {path} cannot be read. Check the --cert and --key "
        "paths."),
    "receiver_port_in_use": N_(
        "Port {port} on {host} is already in use (is the receiver running already?). Stop "
        "that program or choose another --port."),
    "receiver_tracking_unknown": N_(
        "No report with tracking ID {tracking_id} arrived at this receiver."),
    "receiver_token_unit": N_("'{unit}' is not a unit code (capital letters and digits)."),
}
register_error_messages(ERRORS)


# --- problems of one record ----------------------------------------------------------------
# Retryable: nothing is wrong with the record itself; the engine tries again after a backoff.
RETRYABLE = {
    "offline": N_(
        "The server cannot be reached. Check the internet connection; sending is tried again "
        "automatically."),
    "timeout": N_(
        "The server did not answer in time. Sending is tried again automatically."),
    "connection_lost": N_(
        "The connection broke off during sending. Sending is tried again automatically and "
        "goes on where it stopped."),
    "server_error": N_(
        "The server had an internal problem. Sending is tried again automatically."),
    "server_busy": N_(
        "The server is busy and asked to wait. Sending is tried again automatically."),
    "bad_answer": N_(
        "The server's answer could not be understood. Sending is tried again automatically; "
        "if it keeps happening, check the upstream address in Settings > Sync."),
    "tls_failed": N_(
        "The server's certificate could not be verified, so nothing was sent. Check the "
        "address, or set the office's certificate file (CA) in Settings > Sync."),
    "auth_failed": N_(
        "The server refused the access token. Enter the unit's token again in Settings > "
        "Sync, then send again."),
    "proxy_failed": N_(
        "The proxy server could not be used. Check the proxy in Settings > Sync."),
    "upload_incomplete": N_(
        "A page image did not arrive completely. It is sent again automatically from where it "
        "stopped."),
    "pages_unchecked": N_(
        "A page of this anonymous or confidential slip has not been checked for personal data "
        "yet, so it cannot leave the office. Open the slip, let its pages be read and cover "
        "what must not be seen (Periksa), then send again."),
    "internal": N_(
        "An unexpected problem happened while sending this record. It is tried again "
        "automatically; if it keeps happening, report it to the admin."),
}
# Permanent: the upstream will never take the record as it is.
REFUSALS = {
    "unknown_value": N_(
        "The server refused it: unknown {field} — fix the {field} and send it again."),
    "invalid_field": N_(
        "The server refused it: the {field} is not valid — fix the {field} and send it "
        "again."),
    "missing_field": N_(
        "The server refused it: the {field} is empty — fill in the {field} and send it "
        "again."),
    "too_long": N_(
        "The server refused it: the {field} is too long — shorten the {field} and send it "
        "again."),
    "stale_revision": N_(
        "The server already holds a newer version of this report. Check the slip with the "
        "supervisor before sending it again."),
    "attachment_rejected": N_(
        "The server refused a page image (too large or of a kind it does not take). Check "
        "the pages of the slip, then send it again."),
    "refused": N_(
        "The server refused this report. Check the slip with the supervisor, then send it "
        "again."),
}
PROBLEMS = {**RETRYABLE, **REFUSALS}

# Fields an upstream names that are not slip fields.
_EXTRA_FIELD_LABELS = {
    "attachments": N_("page images"),
    "reporter": N_("reporter's identity"),
    "unit": N_("unit"),
}


def field_label(name: str | None) -> str:
    if not name:
        return _("data")
    if name in FIELD_LABELS:
        return label(FIELD_LABELS, name).lower()
    if name in _EXTRA_FIELD_LABELS:
        return _(_EXTRA_FIELD_LABELS[name])
    if f"{name}_id" in FIELD_LABELS:  # "category" -> category_id
        return label(FIELD_LABELS, f"{name}_id").lower()
    return name


def describe(reason: str | None, field: str | None = None, **params: Any) -> str:
    """The operator's sentence for a problem code; unknown codes say something calm too."""
    template = _(PROBLEMS.get(reason or "", PROBLEMS["refused" if field else "internal"]))
    text = template.format(field=field_label(field), **params)
    return text[:1].upper() + text[1:]


def is_refusal(reason: str | None) -> bool:
    return reason in REFUSALS
