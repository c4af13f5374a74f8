"""SuggestionService on SQLite and PostgreSQL: cold suggestions from the seed keywords, learning
from verified slips (and only those), the model cache, OCR text, roles and identity privacy."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from kotaksaran.domain.errors import PermissionDenied
from kotaksaran.services import suggestions as suggestions_mod
from kotaksaran.services.suggestions import Suggestion, Suggestions, clear_cache
from kotaksaran.store.models import Submission
from tests.conftest import Office, valid_slip

BENCH = Path(__file__).resolve().parents[2] / "bench"
FERRY = "Pompong penyeberangan ke pulau bocor dan dermaganya reyot, penumpang takut naik."


def ids(office: Office) -> tuple[dict[str, int], dict[str, int]]:
    admin = office.admin.admin
    cats = {c.code: c.id for c in admin.categories(include_inactive=True)}
    agencies = {a.code: a.id for a in admin.agencies(include_inactive=True)}
    return cats, agencies


def all_words(s: Suggestions) -> list[str]:
    """Every text a suggestion shows: values, labels, reasons, alternatives."""
    out: list[str] = []

    def add(x: Suggestion | None) -> None:
        if x is None:
            return
        out.extend([str(x.value), x.label, *x.because])
        for alt in x.alternatives:
            add(alt)

    for x in (s.classification, s.category, s.agency, s.title):
        add(x)
    return out


def test_cold_suggestions_from_the_seed_keywords(office: Office) -> None:
    cats, agencies = ids(office)
    text = "Sampah di TPS dekat pasar sudah seminggu tidak diangkut, baunya busuk sekali."
    got = office.petugas.suggestions.for_text("", text)
    assert got.category is not None and got.category.value == cats["pengelolaan-sampah"]
    assert got.category.label.endswith("Pengelolaan Sampah")
    assert got.agency is not None and got.agency.value == agencies["dlh"]
    assert got.classification is not None and got.classification.value == "pengaduan"
    assert got.classification.label == "Pengaduan"
    words = {w.strip(".,").lower() for w in text.split()}
    for phrase in got.category.because:
        assert set(phrase.split()) <= words
    assert all(isinstance(a.value, int) for a in got.category.alternatives)
    assert got.title is not None and got.title.value == got.title.label
    assert str(got.title.value).startswith("Sampah di TPS dekat pasar")
    assert got.learned_from == 0


def verified_ferry_slips(office: Office, n: int, *, verify: bool = True) -> list[int]:
    cats, agencies = ids(office)
    out = []
    for i in range(n):
        sub = office.petugas.submissions.create(valid_slip(
            title=f"Pompong dan dermaga pulau {i}",
            body=f"Pompong ke pulau sering mogok, dermaga kayu lapuk ({i}).",
            category_id=cats["perairan"], agency_id=agencies["dkpp"],
        )).submission
        if verify:
            office.petugas.submissions.verify(sub.id)
        out.append(sub.id)
    return out


def test_learning_from_verified_slips_changes_the_answer(office: Office) -> None:
    clear_cache()
    cats, agencies = ids(office)
    svc = office.petugas.suggestions
    before = svc.for_text("", FERRY)
    assert before.category is None or before.category.value != cats["perairan"]

    verified_ferry_slips(office, 3, verify=False)  # drafts teach nothing
    drafts = svc.for_text("", FERRY)
    assert drafts.learned_from == 0 and drafts.category == before.category

    verified_ferry_slips(office, 3)
    after = svc.for_text("", FERRY)
    assert after.learned_from == 3
    assert after.category is not None and after.category.value == cats["perairan"]
    assert after.agency is not None and after.agency.value == agencies["dkpp"]
    assert {"pompong", "dermaganya"} & set(after.category.because)


def test_model_is_cached_and_follows_verified_slips(office: Office) -> None:
    clear_cache()
    svc = office.petugas.suggestions
    svc.for_text("", FERRY)
    first = svc._model()
    assert svc._model() is first  # nothing changed: the same model
    office.petugas.submissions.create(valid_slip())  # a draft: still the same
    assert svc._model().suggester.learned == 0
    (a,) = verified_ferry_slips(office, 1)
    second = svc._model()
    assert second.suggester.learned == 1
    (b,) = verified_ferry_slips(office, 1)
    third = svc._model()
    assert third is second and third.suggester.learned == 2  # caught up in place
    caught_up = svc.for_text("", FERRY)
    clear_cache()
    assert svc.for_text("", FERRY) == caught_up  # the same as learning from scratch
    # An edit of a verified slip moves it back to draft: it is forgotten.
    office.petugas.submissions.save_draft(a, {"body": "Dermaga lapuk."}, autosave=False)
    assert svc._model().suggester.learned == 1
    office.supervisor.submissions.return_(b, "Lokasi kurang jelas")
    assert svc._model().suggester.learned == 0


def test_only_the_newest_verified_slips_are_learned(office: Office,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    clear_cache()
    monkeypatch.setattr(suggestions_mod, "LEARN_LIMIT", 2)
    svc = office.petugas.suggestions
    ids_ = verified_ferry_slips(office, 3)
    model = svc._model()
    assert sorted(model.suggester.learned_keys()) == ids_[1:]  # type: ignore[type-var]
    more = verified_ferry_slips(office, 1)
    assert sorted(svc._model().suggester.learned_keys()) == [ids_[2], *more]  # type: ignore[type-var]


def test_a_deactivated_category_is_not_suggested(office: Office) -> None:
    clear_cache()
    admin = office.admin.admin
    text = "Sampah di TPS dekat pasar sudah seminggu tidak diangkut truk sampah."
    got = office.petugas.suggestions.for_text("", text)
    assert got.category is not None
    cat = admin.find_category("pengelolaan-sampah")
    assert got.category.value == cat.id
    admin.save_category(cat.id, name=cat.name, parent_id=cat.parent_id, active=False)
    again = office.petugas.suggestions.for_text("", text)
    assert again.category is not None and again.category.value != cat.id
    assert cat.id not in [a.value for a in again.category.alternatives]


def test_for_submission_reads_the_slip_else_its_ocr_text(office: Office) -> None:
    cats, _ = ids(office)
    typed = office.petugas.submissions.create(valid_slip(
        title="", body="Lampu jalan di gang kami mati, jalan gelap gulita kalau malam.",
    )).submission
    got = office.petugas.suggestions.for_submission(typed.number)
    assert got.category is not None
    assert got.category.value in (cats["penerangan-jalan"], cats["lampu-pju"])
    assert got.title is not None
    assert str(got.title.value).startswith("Lampu jalan di gang kami mati")

    scanned = office.petugas.submissions.create(valid_slip(title="", body="")).submission
    with office.store.write() as s:
        row = s.get(Submission, scanned.id)
        assert row is not None
        row.ocr_text = "Kartu BPJS saya nonaktif waktu berobat, iuran BPJS sudah dibayar."
    got = office.petugas.suggestions.for_submission(scanned.id)
    assert got.category is not None and got.category.value == cats["bpjs-kesehatan"]
    assert "bpjs" in got.category.because
    with office.store.write() as s:  # OCR of a handwritten page: noise, not read
        row = s.get(Submission, scanned.id)
        assert row is not None
        row.flags = {"ocr": {"quality": "handwritten", "mean_conf": 31.0}}
    noise = office.petugas.suggestions.for_submission(scanned.id)
    assert noise.category is None and noise.title is None


def test_identity_never_reaches_a_suggestion(office: Office) -> None:
    body = ("Saya Rahmat Hidayat warga RT 03, NIK 2171061234567890, hp 0812 7788 1234. "
            "Rahmat melihat sampah menumpuk di TPS pasar dan tidak diangkut.")
    sub = office.petugas.submissions.create(valid_slip(
        title="Sampah menumpuk di TPS pasar", body=body, anonim=True,
        reporter_name="Rahmat Hidayat",
        reporter_phone="081277881234", reporter_nik="2171061234567890",
    )).submission
    office.petugas.submissions.verify(sub.id)
    for svc in (office.petugas, office.supervisor, office.admin):
        got = svc.suggestions.for_submission(sub.id)
        assert got.category is not None and got.title is not None
        shown = " ".join(all_words(got)).lower()
        for secret in ("rahmat", "hidayat", "2171061234567890", "7788", "1234"):
            assert secret not in shown, (svc.actor.label, secret)
    # The slip itself is untouched, and still hides its reporter from the petugas.
    view = office.petugas.submissions.get(sub.id)
    assert view.reporter_name is None and not view.identity_visible
    assert office.supervisor.submissions.get(sub.id).reporter_name == "Rahmat Hidayat"


def test_operators_get_no_suggestions(office: Office) -> None:
    with pytest.raises(PermissionDenied):
        office.operator.suggestions.for_text("", "Jalan rusak")
    sub = office.petugas.submissions.create(valid_slip()).submission
    with pytest.raises(PermissionDenied):
        office.operator.suggestions.for_submission(sub.id)


def test_suggestion_benchmark_runs_quick(tmp_path: Path) -> None:
    """bench/bench_suggest.py keeps working: the labelled slips through the service, cold and
    after learning from demo slips, beside the majority baseline."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    bench = importlib.import_module("bench_suggest")
    data = bench.main(["--quick", "--out", str(tmp_path)])
    for state in ("cold", "learned"):
        assert data[state]["n"] >= 110
        for target in ("classification", "category", "agency"):
            assert data[state]["accuracy"][target] > data["majority"]["accuracy"][target]
            assert data[state]["top3"][target] >= data[state]["accuracy"][target]
    assert data["learned"]["learned_from"] > 0
    assert (tmp_path / "bench_suggest.json").exists()
    assert "| category |" in (tmp_path / "bench_suggest.md").read_text()
