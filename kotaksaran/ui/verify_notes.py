"""The sentences of the verification workspace that depend on what was found: the OCR state
of the pages, the personal data note and the possible duplicates."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication

from .verify_data import CONFIDENT, SlipPages

translate = QCoreApplication.translate  # by this name lupdate finds the texts
MAX_DUPLICATES = 3


def ocr_state_text(snap: SlipPages, body: str) -> tuple[str, bool, bool]:
    """(sentence, whether reading again helps, whether it is a failure)."""
    states = [snap.ocr[p.id].state for p in snap.pages if p.id in snap.ocr]
    pending = states.count("pending")
    failed = states.count("failed")
    if failed:
        text = translate("VerifyNotes", "The app could not read the text of %n page(s). Read "
                         "again, or type the text from the image.", None, failed)
        return text, True, True
    if pending:
        text = translate("VerifyNotes", "The text of %n page(s) is waiting to be read; this "
                         "happens in the background (see the status bar).", None, pending)
        return text, False, False
    if states and all(s == "skipped" for s in states):
        return translate("VerifyNotes", "The page is blank."), False, False
    words = snap.words
    sure = round(100 * sum(1 for w in words if w.conf >= CONFIDENT) / len(words)) \
        if words else 0
    if snap.quality == "handwritten":
        if body.strip():
            text = translate("VerifyNotes", "Handwriting: the app could hardly read it. "
                             "Compare the text with the page.")
        else:
            text = translate("VerifyNotes", "Handwriting: the app could hardly read it, so the "
                             "text is left for you to type from the page.")
        return text, False, False
    if snap.quality in ("printed", "mixed") and body.strip() and sure == 100:
        return translate("VerifyNotes", "Text read from the page, every word with "
                         "confidence."), False, False
    if snap.quality in ("printed", "mixed") and body.strip():
        text = translate("VerifyNotes", "Text read from the page; %1% of its words with "
                         "confidence. Check the marked words.").replace("%1", str(sure))
        return text, False, False
    return "", False, False


def _kind_name(kind: str) -> str:
    return {
        "nik": translate("VerifyNotes", "NIK"),
        "phone": translate("VerifyNotes", "phone number"),
        "email": translate("VerifyNotes", "email address"),
        "name": translate("VerifyNotes", "name"),
    }.get(kind, kind)


def privacy_text(findings: Sequence[Any], *, anonim: bool, rahasia: bool,
                 handwritten: bool = False) -> str:
    by_hand = ""
    if handwritten and (anonim or rahasia):
        by_hand = translate("VerifyNotes", "Handwriting: the app cannot find a NIK or phone "
                            "number on it by itself. Tick Preview redacted, then cover them "
                            "by hand or confirm there is nothing to cover; until then the "
                            "slip cannot be sent.")
    if not findings:
        return by_hand
    kinds = list(dict.fromkeys(str(f.kind) for f in findings))
    fields = {str(getattr(f, "field", "body")) for f in findings}
    where = []
    if "body" in fields:
        where.append(translate("VerifyNotes", "the text"))
    if "title" in fields:
        where.append(translate("VerifyNotes", "the title"))
    if "ocr_text" in fields and "body" not in fields:
        where.append(translate("VerifyNotes", "the page image"))
    found = translate("VerifyNotes", "Personal data in %1: %2.") \
        .replace("%1", translate("VerifyNotes", " and ").join(where)) \
        .replace("%2", ", ".join(_kind_name(k) for k in kinds))
    if anonim:
        after = translate("VerifyNotes", "This slip is anonymous: it is masked in the text and "
                          "blacked out on the pages that leave the office.")
    elif rahasia:
        after = translate("VerifyNotes", "This slip is confidential: it is masked in the text "
                          "and blacked out on the pages that leave the office.")
    else:
        after = translate("VerifyNotes", "It is sent as it is. Tick Anonymous or Confidential "
                          "if the reporter asked to keep it private.")
    return f"{found} {after} {by_hand}".strip()


def _kind_label(kind: str) -> str:
    return {
        "same_file": translate("VerifyNotes", "the same file"),
        "image": translate("VerifyNotes", "a very similar page image"),
        "text": translate("VerifyNotes", "nearly the same text"),
    }.get(kind, kind)


def duplicate_html(hits: Sequence[Any]) -> str:
    """The banner over a slip that may repeat others; each number links to its slip."""
    if not hits:
        return ""
    parts = []
    for hit in list(hits)[:MAX_DUPLICATES]:
        detail = str(getattr(hit, "detail", "") or f"{round(float(hit.score) * 100)}%")
        link = f'<a href="{int(hit.submission_id)}">{escape(str(hit.number))}</a>'
        title = str(getattr(hit, "title", "") or "")
        line = (translate("VerifyNotes", "%1 “%2” — %3 (%4)") if title
                else translate("VerifyNotes", "%1 — %3 (%4)"))
        parts.append(line.replace("%1", link).replace("%2", escape(title))
                     .replace("%3", escape(_kind_label(str(hit.kind))))
                     .replace("%4", escape(detail)))
    head = escape(translate("VerifyNotes", "This slip may already be in the database:"))
    text = f"<b>{head}</b> " + " · ".join(parts)
    more = len(hits) - MAX_DUPLICATES
    if more > 0:
        text += " " + escape(translate("VerifyNotes", "(and %n more)", None, more))
    hint = translate("VerifyNotes", "Click a number to open that slip; Back returns here.")
    return f"{text}<br>{escape(hint)}"
