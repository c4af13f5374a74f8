"""Typed errors of the file bundle, the unit keys, the token store and the dialect adapters.

Each class carries a code; the English sentence for it is registered with
`i18n.register_error_messages` below (the Indonesian one lives in `sync_extras.po`), so the
GUI and the CLI say the same calm thing: what happened and what to do next.
"""

from __future__ import annotations

from ..domain.errors import EnvironmentProblem, KotakSaranError
from ..i18n import N_, register_error_messages


class BundleProblem(KotakSaranError):
    """A bundle that is refused as a whole; nothing of it was imported."""

    code = "bundle_problem"


class BundleUnreadable(BundleProblem):
    """Not a zip at all, or cut short (a copy to the USB stick that did not finish)."""

    code = "bundle_unreadable"


class BundleTampered(BundleProblem):
    """A file differs from its SHA-256 in the manifest, is missing, or was added."""

    code = "bundle_tampered"


class BundleBadSignature(BundleProblem):
    """The signature does not match the manifest (changed after signing)."""

    code = "bundle_bad_signature"


class BundleUnknownKey(BundleProblem):
    """Signed with a key this installation does not trust (a foreign bundle)."""

    code = "bundle_unknown_key"


class BundleWrongKind(BundleProblem):
    """A status bundle given where submissions were expected, or the other way round."""

    code = "bundle_wrong_kind"


class BundleTooNew(BundleProblem):
    code = "bundle_too_new"


class BundleNotForUs(BundleProblem):
    """A status bundle addressed to another unit."""

    code = "bundle_not_for_us"


class BundleEmpty(KotakSaranError):
    """Nothing to put in a bundle (no approved slip waiting, no status to return)."""

    code = "bundle_empty"


class BundleTargetMissing(EnvironmentProblem):
    """The folder the bundle should go into is not there (a USB stick pulled out)."""

    code = "bundle_target_missing"


class BundleExportCancelled(KotakSaranError):
    code = "bundle_export_cancelled"


class BundleNoStatuses(KotakSaranError):
    """The city desk has no new status for that unit since the last status bundle."""

    code = "bundle_no_statuses"


class KeyMissing(KotakSaranError):
    """This installation has no key pair yet."""

    code = "key_missing"


class KeyExists(KotakSaranError):
    code = "key_exists"


class KeyTextInvalid(KotakSaranError):
    """A public key as text or .pub file that is mistyped or damaged."""

    code = "key_text_invalid"


class KeyFileUnsafe(EnvironmentProblem):
    """The private key file could not be protected (permissions)."""

    code = "key_file_unsafe"


class TokenStoreProblem(EnvironmentProblem):
    code = "token_store_problem"


class DialectConfigInvalid(KotakSaranError):
    """The LAPOR! XML or Open311 configuration file cannot be used as written."""

    code = "dialect_config_invalid"


ERROR_MESSAGES = {
    "bundle_problem": N_("The bundle {file} cannot be used; nothing from it was imported."),
    "bundle_unreadable": N_(
        "The bundle {file} is damaged or incomplete (perhaps the copy to the USB stick did not "
        "finish). Nothing from it was imported. Ask the sender to export it again and copy it "
        "once more."),
    "bundle_tampered": N_(
        "The bundle {file} was changed after it was made ({detail}). Nothing from it was "
        "imported. Ask the sender for a fresh export, and do not open or edit the file on the "
        "way."),
    "bundle_bad_signature": N_(
        "The signature of the bundle {file} does not match its contents: it was changed after "
        "signing. Nothing from it was imported. Ask the sender to export it again."),
    "bundle_unknown_key": N_(
        "The bundle {file} was signed by {unit} with a key this installation does not trust "
        "(key {fingerprint}). Nothing from it was imported. Import that unit's public key in "
        "Settings > Sync (check the fingerprint with them by phone), then import the bundle "
        "again."),
    "bundle_wrong_kind": N_(
        "The bundle {file} holds {found}, but {expected} were expected here. Nothing was "
        "imported."),
    "bundle_too_new": N_(
        "The bundle {file} was made by a newer version of Kotak Saran Digital (format "
        "{version}). Install the newer version here, then import it again; nothing was "
        "imported."),
    "bundle_not_for_us": N_(
        "The status bundle {file} is addressed to unit {unit}, not to this one. Nothing was "
        "imported. Give it to that unit."),
    "bundle_empty": N_(
        "There is nothing to put in a bundle: no approved slip is waiting to be sent."),
    "bundle_target_missing": N_(
        "The folder {folder} cannot be found, so the bundle was not written. If it is on a USB "
        "stick, plug it in again and choose the folder once more; the slips wait in the "
        "queue."),
    "bundle_export_cancelled": N_(
        "The export was cancelled. No bundle was written; the slips wait for the next "
        "export or push."),
    "bundle_no_statuses": N_(
        "There is no new status for unit {unit} since the last status bundle. To send every "
        "status again, tick 'all statuses' (or use --all)."),
    "key_missing": N_(
        "This installation has no signing key yet. An admin makes one in Settings > Sync "
        "('Make key pair') or with 'kotaksaran keys generate'."),
    "key_exists": N_(
        "This installation already has a key pair (fingerprint {fingerprint}). Making a new "
        "one means every receiving desk must import the new public key again; confirm that to "
        "replace it."),
    "key_text_invalid": N_(
        "This is not a valid public key ({detail}). Copy it again exactly as it was sent, or "
        "import the .pub file."),
    "key_file_unsafe": N_(
        "The private key file {path} could not be protected so that only you can read it. "
        "Check the data folder's permissions."),
    "token_store_problem": N_(
        "The upstream access token could not be stored or read ({detail}). Check the data "
        "folder's permissions, then enter the token again in Settings > Sync."),
    "dialect_config_invalid": N_(
        "The configuration file {file} cannot be used: {detail}. Correct it (or remove it to "
        "use the built-in mapping), then try again."),
}

register_error_messages(ERROR_MESSAGES)
