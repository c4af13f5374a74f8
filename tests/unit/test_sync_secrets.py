"""The upstream token: OS keyring where there is a backend, an owner-only file otherwise."""

from __future__ import annotations

import os
import stat

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError

from kotaksaran.sync import secrets
from kotaksaran.sync.secrets import TokenStore


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps passwords in a dict (stands in for the OS keyring)."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class BrokenKeyring(MemoryKeyring):
    def set_password(self, service, username, password):
        raise KeyringError("locked")


def test_headless_machine_falls_back_to_an_owner_only_file(tmp_path, monkeypatch):
    monkeypatch.setenv(secrets.FORCE_ENV, "file")
    store = TokenStore(tmp_path)
    assert store.where() == "file"
    assert store.get() is None
    assert store.set("s3cret-token\n") == "file"
    assert store.get() == "s3cret-token"
    assert store.file_path.read_text() == "s3cret-token"
    if os.name == "posix":
        assert stat.S_IMODE(store.file_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(store.file_path.parent.stat().st_mode) == 0o700
    info = store.describe()
    assert info == {"set": True, "stored_in": "file", "keyring_backend": None,
                    "file": str(store.file_path)}
    assert "s3cret" not in repr(info)
    store.clear()
    assert store.get() is None and not store.file_path.exists()


def test_the_default_backend_here_decides_by_itself(tmp_path, monkeypatch):
    """Without forcing, the real keyring package is asked; on this headless machine it has
    only its 'fail' backend, so the file is used; with a desktop keyring it would not be."""
    monkeypatch.delenv(secrets.FORCE_ENV, raising=False)
    import keyring
    from keyring.backends import fail

    store = TokenStore(tmp_path)
    expected = "file" if isinstance(keyring.get_keyring(), fail.Keyring) else "keyring"
    assert store.where() == expected
    store.set("abc")
    assert store.get() == "abc"
    store.clear()


def test_keyring_backend_keeps_the_token_out_of_the_data_dir(tmp_path):
    ring = MemoryKeyring()
    store = TokenStore(tmp_path, backend=ring)
    assert store.where() == "keyring"
    assert store.set("tok-123") == "keyring"
    assert store.get() == "tok-123"
    assert not store.file_path.exists()
    assert list(ring.store.values()) == ["tok-123"]
    (service, entry), = ring.store
    assert service == "kotaksaran" and entry.startswith("upstream@")
    assert store.describe()["stored_in"] == "keyring"
    # Another data dir has its own entry.
    assert TokenStore(tmp_path / "demo", backend=ring).get() is None
    store.clear()
    assert ring.store == {}


def test_setting_in_the_keyring_removes_an_older_file_copy(tmp_path, monkeypatch):
    monkeypatch.setenv(secrets.FORCE_ENV, "file")
    TokenStore(tmp_path).set("old")
    ring = MemoryKeyring()
    store = TokenStore(tmp_path, backend=ring)
    assert store.get() == "old"  # found in the file while the keyring has none
    store.set("new")
    assert store.get() == "new" and not store.file_path.exists()


def test_a_keyring_that_refuses_falls_back_to_the_file(tmp_path):
    store = TokenStore(tmp_path, backend=BrokenKeyring())
    assert store.set("tok") == "file"
    assert store.get() == "tok"
    assert store.file_path.exists()


def test_token_with_a_line_break_is_refused(tmp_path):
    from kotaksaran.sync.bundle_errors import TokenStoreProblem

    with pytest.raises(TokenStoreProblem):
        TokenStore(tmp_path, use_keyring=False).set("a\nb")


def test_a_copied_in_token_file_is_narrowed(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX modes")
    store = TokenStore(tmp_path, use_keyring=False)
    store.set("tok")
    os.chmod(store.file_path, 0o644)
    assert store.get() == "tok"
    assert stat.S_IMODE(store.file_path.stat().st_mode) == 0o600
