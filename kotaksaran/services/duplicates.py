"""Slips that look like one already in the database: the same file, the same page image, or
nearly the same text.

`DuplicateService.for_submission(ref)` answers for one slip, best first. It never reads the
whole database: at 100,000 slips it works from a few index lookups.

* same_file: a live page of another slip made from the same page of the same file
  (`pages.original_sha256` and `source_page`, indexed). Intake refuses a file that is
  imported already, so this comes from a page restored after its file was imported again.
* image: live pages whose perceptual hash (`pages.phash`) is within
  `ocr.duplicates.IMAGE_MAX_DISTANCE` bits of one of the slip's pages. SQLite: the hashes
  are read from their covering index and compared with numpy; PostgreSQL compares in SQL
  (`bit_count` of the XOR). Two slips on one printed form look alike at the hash's 32x32
  pixels, so an image match is dropped when both slips have text to compare and it scores
  below `ocr.duplicates.IMAGE_TEXT_VETO`; without text (a handwritten page, OCR not run
  yet) the image decides alone. A page with more than `ocr.duplicates.IMAGE_CROWD` other
  slips that close is not evidence at all: that is the look of the form, not of one slip.
* text: candidates first, then rapidfuzz on them only (`ocr.duplicates.text_score` between
  the body and OCR text of both slips). Candidates are the slips that share the most of the
  slip's rarest words in the full-text index (FTS5 on SQLite, the GIN `to_tsvector` index on
  PostgreSQL): the document frequency of up to `PROBE_WORDS` words is counted (capped at
  `DF_CAP`), the `RARE_WORDS` rarest that some other slip has are looked up (newest
  `DF_CAP` slips each), and the slips holding at least two of them are ranked by how many
  and how rare. The slips of the same box-opening session are added, so that a slip typed
  twice in one sitting is found even in words the index cannot tell apart.

Before texts are compared, the lines printed on the office's forms are left out: lines found
in the OCR text of many recent slips (`form_lines`), such as "FORMULIR KOTAK SARAN" or
"Nama:", which would make any two slips on that form look alike.

What is returned: one hit per other slip (its strongest evidence: same file, then the higher
score of image and text), never the slip itself, at most `MAX_HITS`. Rejected slips are
included, with their status: a slip that was rejected as spam or as a duplicate and comes in
again is exactly what the verifier should see. Hits carry no identity fields and no body
text; the title of an anonim or rahasia slip whose identity the actor may not see has its
personal data masked (`ocr.privacy.mask` with that slip's own identity values).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..domain.enums import Role, Status
from ..i18n import _
from ..ocr import duplicates as D
from ..ocr import privacy
from ..store.models import Page, Submission
from .context import ServiceBase
from .submissions import find_submission, identity_visible

STAFF = (Role.PETUGAS, Role.SUPERVISOR, Role.ADMIN)
KINDS = ("same_file", "image", "text")
MAX_HITS = 20
PROBE_WORDS = 16  # words whose document frequency is counted (the longest ones)
RARE_WORDS = 6  # of those, the rarest that another slip has: their slips are the candidates
DF_CAP = 2000  # counting stops here; a word in more slips than this is not rare
MAX_TEXT_CANDIDATES = 80  # slips compared with rapidfuzz, from the index
SESSION_CANDIDATES = 100  # ... plus this many of the same box-opening session
FORM_SAMPLE = 300  # recent OCR texts in which the lines of the printed form are found,
FORM_WINDOW = 2000  # ... among this many most recent slips
# The expression of PostgreSQL's full-text index (migration 0004): a query must use the very
# same expression for the index to be used.
PG_TSVECTOR = ("to_tsvector('simple', coalesce(submissions.title, '') || ' ' || "
               "coalesce(submissions.body, '') || ' ' || coalesce(submissions.ocr_text, ''))")


@dataclass(frozen=True)
class DuplicateHit:
    submission_id: int
    number: str
    title: str
    status: Status
    kind: str  # one of KINDS
    score: float  # 0-1
    detail: str  # e.g. "92%"

    def to_json(self) -> dict[str, Any]:
        return {"submission_id": self.submission_id, "number": self.number,
                "title": self.title, "status": self.status.value, "kind": self.kind,
                "score": self.score, "detail": self.detail}


KIND_LABELS = {
    "same_file": "Same file",
    "image": "Same page image",
    "text": "Nearly the same text",
}


def kind_label(kind: str) -> str:
    return _(KIND_LABELS.get(kind, kind))


_SENTENCES = {
    "same_file": "Looks like {number}: the same file ({detail})",
    "image": "Looks like {number}: the same page image ({detail})",
    "text": "Looks like {number}: nearly the same text ({detail})",
}


def describe(hit: DuplicateHit) -> str:
    """One line for people: "Looks like KS-...: nearly the same text (92%)"."""
    return _(_SENTENCES[hit.kind]).format(number=hit.number, detail=hit.detail)


@dataclass
class _Evidence:
    kind: str
    score: float


def _stronger(a: _Evidence | None, b: _Evidence) -> _Evidence:
    if a is None:
        return b
    rank = {"same_file": 2, "image": 1, "text": 1}
    return max(a, b, key=lambda e: (rank[e.kind], e.score, e.kind == "image"))


def _prepared(body: str | None, ocr_text: str | None, form: frozenset[str]
              ) -> list[D.Prepared]:
    """The texts of a slip that are compared, ready: its body and its OCR text (when
    different), without the lines of the printed form; only those long enough."""
    out: list[D.Prepared] = []
    seen: set[str] = set()
    for raw in (body or "", ocr_text or ""):
        t = D.strip_common(raw, form).strip()
        if t and t not in seen:
            seen.add(t)
            p = D.prepare(t)
            if p.comparable:
                out.append(p)
    return out


class DuplicateService(ServiceBase):
    def for_submission(self, ref: int | str) -> list[DuplicateHit]:
        """Other slips that look like this one, best first (see the module docstring)."""
        self.require(*STAFF, action="duplicates")
        with self.store.read() as s:
            sub = find_submission(s, ref)
            form = form_lines(s)
            mine = _prepared(sub.body, sub.ocr_text, form)
            found: dict[int, _Evidence] = {}
            for sid, ev in self._image_evidence(s, sub):
                found[sid] = _stronger(found.get(sid), ev)
            if found and mine:
                self._check_images(s, mine, found, form)
            for sid, ev in self._text_evidence(s, sub, mine, form):
                found[sid] = _stronger(found.get(sid), ev)
            found.pop(sub.id, None)
            if not found:
                return []
            rows = {r.id: r for r in s.scalars(
                select(Submission).where(Submission.id.in_(list(found))))}
            hits = [self._hit(rows[sid], ev) for sid, ev in found.items() if sid in rows]
        hits.sort(key=lambda h: (h.kind != "same_file", -h.score, -h.submission_id))
        return hits[:MAX_HITS]

    def _hit(self, other: Submission, ev: _Evidence) -> DuplicateHit:
        title = other.title
        if not identity_visible(self.actor, other):
            own: list[privacy.Term] = [v for v in (
                other.reporter_name, other.reporter_nik, other.reporter_phone,
                other.reporter_email) if v]
            title = privacy.mask(title, own)
        return DuplicateHit(other.id, other.number, title, Status(other.status), ev.kind,
                            round(ev.score, 4), D.percent(ev.score))

    # --- images ---------------------------------------------------------------------------
    def _image_evidence(self, s: Session, sub: Submission
                        ) -> Iterable[tuple[int, _Evidence]]:
        own = s.execute(select(Page.phash, Page.original_sha256, Page.source_page).where(
            Page.submission_id == sub.id, Page.deleted_at.is_(None))).all()
        originals = {(o, sp) for _h, o, sp in own if o}
        if originals:
            rows = s.execute(select(Page.submission_id, Page.original_sha256, Page.source_page)
                             .where(Page.original_sha256.in_({o for o, _sp in originals}),
                                    Page.deleted_at.is_(None),
                                    Page.submission_id != sub.id)).all()
            for sid, o, sp in rows:
                if (o, sp) in originals:
                    yield sid, _Evidence("same_file", 1.0)
        hashes = sorted({h.lower() for h, _o, _sp in own if h and len(h) == 16})
        if not hashes:
            return
        pg = s.get_bind().dialect.name == "postgresql"
        near = (self._close_pages_pg if pg else self._close_pages)(s, sub.id, hashes)
        for h in hashes:
            # Many slips close to one page is the look of the printed form, not of one slip.
            if len(near[h]) <= D.IMAGE_CROWD:
                for sid, d in near[h].items():
                    yield sid, _Evidence("image", D.image_score(d))

    def _close_pages(self, s: Session, own_id: int, hashes: Sequence[str]
                     ) -> dict[str, dict[int, int]]:
        """Per hash of the slip: the other slips with a live page within the distance, with
        the smallest distance."""
        near: dict[str, dict[int, int]] = {h: {} for h in hashes}
        # Every hash in one string (read from the covering index), decoded by numpy: a
        # hundred thousand pages cost some milliseconds rather than a row object each.
        joined = s.execute(text(
            "SELECT group_concat(phash, '') FROM pages "
            "WHERE phash IS NOT NULL AND length(phash) = 16")).scalar()
        if not joined:
            return near
        values = np.frombuffer(bytes.fromhex(joined), dtype=">u8").astype(np.uint64)
        close: dict[str, dict[str, int]] = {}  # stored hash -> {own hash: distance}
        for h in hashes:
            dist = np.bitwise_count(values ^ np.uint64(int(h, 16)))
            for i in np.flatnonzero(dist <= D.IMAGE_MAX_DISTANCE):
                close.setdefault(f"{int(values[i]):016x}", {})[h] = int(dist[i])
        if not close:
            return near
        rows = s.execute(select(Page.submission_id, Page.phash).where(
            Page.phash.in_([*close, *(k.upper() for k in close)]), Page.deleted_at.is_(None),
            Page.submission_id != own_id)).all()
        for sid, stored in rows:
            for h, d in close.get((stored or "").lower(), {}).items():
                near[h][sid] = min(near[h].get(sid, d), d)
        return near

    def _close_pages_pg(self, s: Session, own_id: int, hashes: Sequence[str]
                        ) -> dict[str, dict[int, int]]:
        near: dict[str, dict[int, int]] = {h: {} for h in hashes}
        for h in hashes:
            rows = s.execute(text(
                "SELECT submission_id, min(d) FROM (SELECT submission_id, "
                "bit_count(('x' || phash)::bit(64) # ('x' || :h)::bit(64)) AS d "
                "FROM pages WHERE phash IS NOT NULL AND length(phash) = 16 "
                "AND deleted_at IS NULL AND submission_id <> :own) AS t WHERE d <= :max "
                "GROUP BY submission_id"),
                {"h": h, "own": own_id, "max": D.IMAGE_MAX_DISTANCE}).all()
            near[h] = {int(sid): int(d) for sid, d in rows}
        return near

    def _check_images(self, s: Session, mine: list[D.Prepared], found: dict[int, _Evidence],
                      form: frozenset[str]) -> None:
        """Drop an image match whose slip says something else: two slips on one printed
        form look alike at 32x32 pixels (`ocr.duplicates.IMAGE_TEXT_VETO`)."""
        ids = [sid for sid, ev in found.items() if ev.kind == "image"]
        rows = s.execute(select(Submission.id, Submission.body, Submission.ocr_text)
                         .where(Submission.id.in_(ids))).all()
        for sid, body, ocr in rows:
            theirs = _prepared(body, ocr, form)
            if theirs and D.best_text_score(mine, theirs) < D.IMAGE_TEXT_VETO:
                del found[sid]

    # --- text -----------------------------------------------------------------------------
    def _text_evidence(self, s: Session, sub: Submission, mine: list[D.Prepared],
                       form: frozenset[str]) -> Iterable[tuple[int, _Evidence]]:
        if not mine:
            return
        ids = set(self.text_candidates(s, sub, [p.text for p in mine]))
        if sub.box_session_id is not None:
            ids.update(s.scalars(select(Submission.id).where(
                Submission.box_session_id == sub.box_session_id, Submission.id != sub.id)
                .order_by(Submission.id.desc()).limit(SESSION_CANDIDATES)))
        ids.discard(sub.id)
        if not ids:
            return
        rows = s.execute(select(Submission.id, Submission.body, Submission.ocr_text)
                         .where(Submission.id.in_(list(ids))))
        for sid, body, ocr in rows:
            raw = [t for t in (body or "", ocr or "") if t.strip()]
            if not any(D.might_match(m.text, t) for m in mine for t in raw):
                continue
            score = D.best_text_score(mine, _prepared(body, ocr, form))
            if score >= D.TEXT_THRESHOLD:
                yield int(sid), _Evidence("text", score)

    def text_candidates(self, s: Session, sub: Submission, texts: Sequence[str]
                        ) -> list[int]:
        """Ids of the slips sharing most of the rarest words of `texts` (see the module
        docstring); the slip itself left out."""
        seen: dict[str, None] = {}
        for t in texts:
            for w in D.search_words(t):
                seen.setdefault(w, None)
        # Longer words first: they are more often the rare ones.
        probe = sorted(seen, key=len, reverse=True)[:PROBE_WORDS]
        if not probe:
            return []
        pg = s.get_bind().dialect.name == "postgresql"
        df = (_doc_counts_pg if pg else _doc_counts_sqlite)(s, probe)
        # The slip itself holds every one of its words: others hold df - 1.
        rare = sorted((w for w in probe if df.get(w, 0) >= 2), key=lambda w: df[w])
        rare = rare[:RARE_WORDS]
        if not rare:
            return []
        postings = (_postings_pg if pg else _postings_sqlite)(s, rare)
        count: Counter[int] = Counter()
        weight: dict[int, float] = {}
        for w, ids in postings.items():
            idf = math.log(1 + DF_CAP / max(1, df[w]))
            for i in ids:
                if i != sub.id:
                    count[i] += 1
                    weight[i] = weight.get(i, 0.0) + idf
        need = 2 if len(rare) >= 2 else 1
        ranked = sorted((i for i, n in count.items() if n >= need),
                        key=lambda i: (-count[i], -weight[i], -i))
        return ranked[:MAX_TEXT_CANDIDATES]


def form_lines(s: Session) -> frozenset[str]:
    """The lines printed on the office's forms: those in the OCR text of many of the
    `FORM_SAMPLE` most recent slips that have one, among the last `FORM_WINDOW`
    (`ocr.duplicates.common_lines`)."""
    recent = (select(Submission.ocr_text).order_by(Submission.id.desc())
              .limit(FORM_WINDOW).subquery())
    texts = s.scalars(select(recent.c.ocr_text).where(recent.c.ocr_text != "")
                      .limit(FORM_SAMPLE))
    return D.common_lines(texts)


# --- full-text index lookups, one statement each ---------------------------------------------
def _fts5_term(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def _doc_counts_sqlite(s: Session, words: Sequence[str]) -> dict[str, int]:
    parts = [f"SELECT {i} AS w, count(*) AS n FROM (SELECT rowid FROM submissions_fts "
             f"WHERE submissions_fts MATCH :q{i} LIMIT {DF_CAP})" for i in range(len(words))]
    params = {f"q{i}": _fts5_term(w) for i, w in enumerate(words)}
    rows = s.execute(text(" UNION ALL ".join(parts)), params).all()
    return {words[int(i)]: int(n) for i, n in rows}


def _postings_sqlite(s: Session, words: Sequence[str]) -> dict[str, list[int]]:
    parts = [f"SELECT * FROM (SELECT {i} AS w, rowid AS id FROM submissions_fts "
             f"WHERE submissions_fts MATCH :q{i} ORDER BY rowid DESC LIMIT {DF_CAP})"
             for i in range(len(words))]
    params = {f"q{i}": _fts5_term(w) for i, w in enumerate(words)}
    out: dict[str, list[int]] = {w: [] for w in words}
    for i, sid in s.execute(text(" UNION ALL ".join(parts)), params):
        out[words[int(i)]].append(int(sid))
    return out


def _doc_counts_pg(s: Session, words: Sequence[str]) -> dict[str, int]:
    parts = [f"SELECT {i} AS w, count(*) AS n FROM (SELECT 1 FROM submissions WHERE "
             f"{PG_TSVECTOR} @@ to_tsquery('simple', :q{i}) LIMIT {DF_CAP}) AS t{i}"
             for i in range(len(words))]
    params = {f"q{i}": w for i, w in enumerate(words)}
    rows = s.execute(text(" UNION ALL ".join(parts)), params).all()
    return {words[int(i)]: int(n) for i, n in rows}


def _postings_pg(s: Session, words: Sequence[str]) -> dict[str, list[int]]:
    parts = [f"(SELECT {i} AS w, id FROM submissions WHERE "
             f"{PG_TSVECTOR} @@ to_tsquery('simple', :q{i}) ORDER BY id DESC LIMIT {DF_CAP})"
             for i in range(len(words))]
    params = {f"q{i}": w for i, w in enumerate(words)}
    out: dict[str, list[int]] = {w: [] for w in words}
    for i, sid in s.execute(text(" UNION ALL ".join(parts)), params):
        out[words[int(i)]].append(int(sid))
    return out
