"""`kotaksaran keys`, `bundle` and `token`: a USB round trip between two data dirs."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

from tests.cli.test_cli import PASSWORD, slip_args


def _init(run, data: Path, code: str, name: str) -> None:
    res = run("--data-dir", str(data), "init", "--unit-code", code, "--unit-name", name,
              "--unit-type", "kelurahan", "--admin-user", "admin", "--admin-name", "Admin",
              "--admin-password-stdin", stdin=PASSWORD + "\n")
    assert res.code == 0, res.err


def _approved(run, data: Path, n: int) -> None:
    for i in range(n):
        res = run("--data-dir", str(data), "--as", "petugas1", "new",
                  *slip_args(title=f"Laporan {i}"), "--json")
        assert res.code == 0, res.err
        number = json.loads(res.out)["number"]
        assert run("--data-dir", str(data), "--as", "petugas1", "verify", number).code == 0
        res = run("--data-dir", str(data), "--as", "supervisor1", "approve", number)
        assert res.code == 0, res.err


def test_keys_bundle_round_trip(run, office: Path, tmp_path: Path) -> None:
    city = tmp_path / "city"
    _init(run, city, "KOTA", "Diskominfo Kota")
    d_office, d_city = ["--data-dir", str(office)], ["--data-dir", str(city)]

    res = run(*d_office, "bundle", "export", "--out", str(tmp_path))
    assert res.code == 1 and "kunci tanda tangan" in res.err  # no key yet: said calmly

    res = run(*d_office, "keys", "generate", "--json")
    assert res.code == 0, res.err
    key = json.loads(res.out)
    assert key["unit_code"] == "KLBS" and key["key"].startswith("KSD1:KLBS:")
    private = office / "keys" / "unit_ed25519.key"
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert run(*d_office, "keys", "generate").code == 1  # never replaced silently
    assert run(*d_city, "keys", "generate").code == 0
    pub = tmp_path / "klbs.pub"
    assert run(*d_office, "keys", "export", "--out", str(pub)).code == 0
    res = run(*d_city, "keys", "trust", str(pub))
    assert res.code == 0 and key["fingerprint"] in res.out
    res = run(*d_city, "keys", "trust", "-", stdin="KSD1:KLBS:AAAA\n")
    assert res.code == 1 and "bukan kunci publik yang sah" in res.err
    listed = json.loads(run(*d_city, "keys", "list", "--json").out)
    assert [k["unit_code"] for k in listed["trusted"]] == ["KLBS"]

    _approved(run, office, 2)
    res = run(*d_office, "bundle", "export", "--out", str(tmp_path / "usb"), "--json")
    assert res.code == 0, res.err
    report = json.loads(res.out)
    assert report["items"] == 2
    bundle = Path(report["path"])
    assert bundle.parent == tmp_path / "usb"
    # Nothing secret travels: no private key, no token.
    raw = bundle.read_bytes()
    assert private.read_bytes() not in raw

    res = run(*d_city, "bundle", "verify", str(bundle), "--json")
    assert res.code == 0 and json.loads(res.out)["items"] == 2
    tampered = tmp_path / "tampered.ksb"
    with zipfile.ZipFile(bundle) as zin, zipfile.ZipFile(tampered, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "manifest.json":
                data = data.replace(b"Laporan 0", b"Laporan X")
            zout.writestr(name, data)
    res = run(*d_city, "bundle", "import", str(tampered))
    assert res.code == 1 and "tidak cocok dengan isinya" in res.err
    res = run(*d_city, "list", "--json")
    assert json.loads(res.out) == []
    res = run(*d_city, "bundle", "import", str(bundle), "--json")
    assert res.code == 0, res.err
    assert json.loads(res.out)["created"] == 2
    res = run(*d_city, "list", "--json")
    assert sorted(r["title"] for r in json.loads(res.out)) == ["Laporan 0", "Laporan 1"]


def test_token_set_status_clear(run, office: Path, monkeypatch) -> None:
    monkeypatch.setenv("KOTAKSARAN_TOKEN_STORE", "file")
    d = ["--data-dir", str(office)]
    res = run(*d, "token", "status", "--json")
    assert json.loads(res.out)["set"] is False
    res = run(*d, "token", "set", "--token-stdin", stdin="tok-rahasia-42\n")
    assert res.code == 0 and "tok-rahasia-42" not in res.out + res.err
    info = json.loads(run(*d, "token", "status", "--json").out)
    assert info["set"] is True and info["stored_in"] == "file"
    path = Path(info["file"])
    assert path.read_text() == "tok-rahasia-42"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    res = run(*d, "--as", "petugas1", "token", "set", "--token-stdin", stdin="x\n")
    assert res.code == 1  # only an admin sets it
    # Not in the settings table, not in any printed setting.
    assert "tok-rahasia-42" not in run(*d, "config", "list").out
    assert run(*d, "token", "clear").code == 0
    assert json.loads(run(*d, "token", "status", "--json").out)["set"] is False
