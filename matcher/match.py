"""What ranking returns: a Match per workpost, with the reasons and concerns behind it.

`code` and `detail` are the contract's JSON (detail lists codes, comma separated, so the web
app can show labels); `text_nl` / `text_en` are ready-made plain sentences.
"""
from dataclasses import dataclass, field

from matcher import codes

REASON_CODES = ("interest", "interest_text", "wish_met", "need_met", "close", "schedule")
CONCERN_CODES = ("wish_missed", "far", "driven_far", "schedule_short", "avoid_partly",
                 "congestion")


def _labels(detail: str, table: dict, lang: int) -> str:
    parts = [p.strip() for p in detail.split(",") if p.strip()]
    return ", ".join(_lower(table[p][lang]) if p in table and p not in codes.SLOT_LABELS
                     else table.get(p, (p, p))[lang] for p in parts)


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def _all_labels():
    return {**codes.ACTIVITY_LABELS, **codes.SUPPORT_LABELS, **codes.SLOT_LABELS}


@dataclass(frozen=True)
class Reason:
    code: str
    detail: str = ""
    contribution: float = 0.0  # signed change of the score this term made
    minutes: int | None = None
    km: float | None = None
    count: int | None = None   # hours wanted (schedule) or people shortlisted (congestion)

    def to_json(self) -> dict:
        return {"code": self.code, "detail": self.detail}

    @property
    def text_nl(self) -> str:
        return self._text(0)

    @property
    def text_en(self) -> str:
        return self._text(1)

    def _text(self, lang: int) -> str:
        labels = _labels(self.detail, _all_labels(), lang)
        mode = codes.MODE_LABELS.get(self.detail, ("", ""))[lang].lower()
        templates = _TEMPLATES[self.code][lang]
        return templates.format(labels=labels, detail=self.detail, minutes=self.minutes,
                                km=self.km, mode=mode, count=self.count)


_TEMPLATES = {
    "interest": ("Past bij interesse: {labels}", "Matches interests: {labels}"),
    "interest_text": ("Sluit aan bij wat je vertelde: {detail}",
                      "Matches what you told us: {detail}"),
    "wish_met": ("Wens vervuld: {labels}", "Wish met: {labels}"),
    "need_met": ("Wat je nodig hebt is er: {labels}", "What you need is there: {labels}"),
    "close": ("Op {minutes} minuten {mode}", "{minutes} minutes {mode}"),
    "schedule": ("Samen mogelijk op: {labels}", "Possible together on: {labels}"),
    "wish_missed": ("Wens niet vervuld: {labels}", "Wish not met: {labels}"),
    "far": ("Op {minutes} minuten {mode}, dicht bij je grens",
            "{minutes} minutes {mode}, close to your limit"),
    "driven_far": ("Gebracht door de werkpost: {km} km, ongeveer {minutes} minuten, verder "
                   "dan de eigen grens",
                   "Driven there by the workpost: {km} km, about {minutes} minutes, beyond "
                   "their own limit"),
    "schedule_short": ("Te weinig gedeelde halve dagen voor {count} uur per week: {labels}",
                       "Too few shared half-days for {count} hours a week: {labels}"),
    "avoid_partly": ("Ook taken die je liever niet doet: {labels}",
                     "Also tasks you would rather avoid: {labels}"),
    "congestion": ("Al door {count} mensen gekozen voor weinig open plaatsen",
                   "Already shortlisted by {count} people for few open places"),
}


@dataclass(frozen=True)
class Match:
    workpost_id: str | int
    score: float
    distance_km: float
    travel_minutes: float
    travel_mode: str
    reasons: tuple[Reason, ...] = ()
    concerns: tuple[Reason, ...] = ()
    terms: dict = field(default_factory=dict, compare=False)  # term -> value, for fitting

    def to_json(self) -> dict:
        return {"workpost_id": self.workpost_id, "score": round(self.score, 3),
                "distance_km": round(self.distance_km, 1),
                "travel_minutes": int(round(self.travel_minutes)),
                "travel_mode": self.travel_mode,
                "reasons": [r.to_json() for r in self.reasons],
                "concerns": [c.to_json() for c in self.concerns]}
