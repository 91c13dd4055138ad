"""The status of a relationship, from the clause's own words.

Statuses: signed, renewed, implemented, to_be_signed, negotiating, postponed, proposed, in_contact.
A modal cue before the signing verb governs it ("đề nghị ... ký thỏa thuận" is proposed, "sẽ ký" is
to_be_signed); in plans and schemes an imperative "Ký thỏa thuận ..." is to_be_signed.

>>> clause_status("Hai tỉnh đã ký Biên bản hợp tác", future=False)
'signed'
>>> clause_status("đề nghị cử đoàn tới Hàn Quốc ký thỏa thuận hợp tác", future=False)
'proposed'
>>> clause_status("Ký thỏa thuận hợp tác giữa hai Hội", future=True)
'to_be_signed'
>>> clause_status("Căn cứ nội dung đã ký kết giữa hai tỉnh", future=True)
'signed'
"""

from __future__ import annotations

import re

from ingest.extract.cues import Cues, blank, cue_form, load_cues

# Higher wins when one document states several statuses for one pair.
RANK = {
    "signed": 8, "renewed": 8, "postponed": 7, "to_be_signed": 6, "negotiating": 5,
    "implemented": 4, "proposed": 3, "in_contact": 2,
}  # fmt: skip
CONTINUING = re.compile(r"(?:tiếp tục|continue to|continues to|continued to)\s+(?:thực hiện|triển khai|implement)")
MODAL = ("to_be_signed", "negotiating", "proposed")


def clause_status(clause: str, future: bool, cues: Cues | None = None, *, in_cue_form: bool = False) -> str | None:
    """The status a clause states, or None when it states none. Words inside the names of
    instruments ("Thỏa thuận thiết lập quan hệ ...") and of bodies do not count. `in_cue_form`: the
    clause is already in cue form (matching form, lower case)."""
    cues = cues or load_cues()
    text = blank(clause if in_cue_form else cue_form(clause), cues.instrument_mask_re, cues.agency_name_re,
                 cues.national_re)  # fmt: skip
    hits = sorted((h.start(), status) for status, rx in cues.statuses for h in rx.finditer(text))
    if not hits:
        return None
    present = {s for _, s in hits}
    for decisive in ("postponed", "renewed"):
        if decisive in present:
            return decisive
    if CONTINUING.search(text):  # "tiếp tục thực hiện các thỏa thuận đã ký": carried out, not signed now
        return "implemented"
    first_signing = next((p for p, s in hits if s == "signed"), None)
    if first_signing is not None:
        modal_before = [s for p, s in hits if s in MODAL and p < first_signing]
        if modal_before:
            return max(modal_before, key=RANK.__getitem__)
        imperative = first_signing <= _lead_in(text)
        return "to_be_signed" if future and imperative else "signed"
    for status in ("to_be_signed", "negotiating", "proposed", "in_contact", "implemented"):
        if status in present:
            return status
    return None


_ITEM_NUMBER = re.compile(r"^[\s\-+•*]*(?:\d+(?:\.\d+)*\.?|[a-zđ]\))?\s*")


def _lead_in(text: str) -> int:
    """Where a clause's first words end: an item number and up to two words ("Tổ chức ký ...")."""
    head = _ITEM_NUMBER.match(text)
    pos = head.end() if head else 0
    words = re.match(r"(?:\S+\s+){0,2}", text[pos:])
    return pos + (words.end() if words else 0)


def postpones(clause_in_cue_form: str, cues: Cues | None = None) -> bool:
    """Does the clause postpone something ("hai bên thống nhất hoãn ...")? Cheaper than `clause_status`."""
    cues = cues or load_cues()
    rx = next(rx for status, rx in cues.statuses if status == "postponed")
    return bool(rx.search(clause_in_cue_form))


def best_status(statuses: list[str]) -> str:
    """The status that wins among those one document states for one pair."""
    return max(statuses, key=RANK.__getitem__)
