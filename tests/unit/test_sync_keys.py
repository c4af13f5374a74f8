"""Unit keys: generation, owner-only private key, the text form, trusted keys."""

from __future__ import annotations

import os
import stat

import pytest

from kotaksaran.sync.bundle_errors import KeyExists, KeyMissing, KeyTextInvalid
from kotaksaran.sync.keys import PRIVATE_FILE, UnitKeys, parse_public_text


def test_generate_writes_owner_only_private_key(tmp_path):
    keys = UnitKeys(tmp_path)
    info = keys.generate("KEL01", "Kelurahan Satu")
    assert keys.private_path.name == PRIVATE_FILE
    if os.name == "posix":
        assert stat.S_IMODE(keys.private_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(keys.root.stat().st_mode) == 0o700
    # The public file holds the key line but never the private key.
    pub = keys.public_path.read_text()
    assert info.to_text() in pub and "PRIVATE" not in pub
    assert keys.own_public().key == info.key
    assert keys.own_public().label == "Kelurahan Satu"


def test_generate_refuses_to_replace_silently(tmp_path):
    keys = UnitKeys(tmp_path)
    first = keys.generate("KEL01")
    with pytest.raises(KeyExists):
        keys.generate("KEL01")
    second = keys.generate("KEL01", replace=True)
    assert second.key != first.key


def test_sign_and_verify(tmp_path):
    keys = UnitKeys(tmp_path)
    info = keys.generate("KEL01")
    sig = keys.sign(b"manifest")
    assert info.verify(sig, b"manifest")
    assert not info.verify(sig, b"manifesT")
    other = UnitKeys(tmp_path / "other").generate("KEL01")
    assert not other.verify(sig, b"manifest")


def test_missing_key_is_a_typed_error(tmp_path):
    with pytest.raises(KeyMissing):
        UnitKeys(tmp_path).sign(b"x")


def test_text_form_round_trips_and_catches_typos(tmp_path):
    info = UnitKeys(tmp_path).generate("PKM02")
    text = info.to_text()
    assert text.startswith("KSD1:PKM02:") and text == text.upper()
    assert len(text) < 80
    again = parse_public_text("  " + text.lower().replace(":", " : ") + "\n")
    assert again.key == info.key and again.unit_code == "PKM02"
    body = text.split(":")[2]
    typo = body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    with pytest.raises(KeyTextInvalid):
        parse_public_text(f"KSD1:PKM02:{typo}")
    with pytest.raises(KeyTextInvalid):  # the right key under another unit code
        parse_public_text(f"KSD1:PKM03:{body}")
    with pytest.raises(KeyTextInvalid):
        parse_public_text(f"KSD1:PKM02:{body[:-2]}")
    with pytest.raises(KeyTextInvalid):
        parse_public_text("hello")


def test_trust_export_and_untrust(tmp_path):
    office = UnitKeys(tmp_path / "office")
    city = UnitKeys(tmp_path / "city")
    office_key = office.generate("KEL01", "Kelurahan Satu")
    city.generate("KOTA")
    pub = office.export_public(tmp_path)
    assert pub.name == "kotaksaran-KEL01.pub"
    trusted = city.trust_file(pub)
    assert trusted.key_id == office_key.key_id and trusted.label == "Kelurahan Satu"
    assert city.find_trusted(office_key.key_id) is not None
    # Trusting the same key twice keeps one entry.
    city.trust(office_key.to_text(), "Kel. Satu")
    assert [k.label for k in city.trusted()] == ["Kel. Satu"]
    assert city.untrust(office_key.fingerprint)
    assert city.trusted() == []
    assert not city.untrust(office_key.key_id)


def test_wide_private_key_mode_is_narrowed_before_use(tmp_path):
    if os.name != "posix":
        pytest.skip("POSIX modes")
    keys = UnitKeys(tmp_path)
    keys.generate("KEL01")
    os.chmod(keys.private_path, 0o644)
    keys.sign(b"x")
    assert stat.S_IMODE(keys.private_path.stat().st_mode) == 0o600
