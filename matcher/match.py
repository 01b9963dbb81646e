"""What ranking returns: a Match per workpost, with the reasons and concerns behind it.

Codes and numbers only: `code` says which criterion, `detail` lists the contract's codes
(comma separated), `words` quotes the participant's own words where they led to it, and
minutes, km and count carry the figures. People read sentences; the web app writes them
from these, in the visitor's language, through its translation catalogs.
"""
from dataclasses import dataclass, field

REASON_CODES = ("interest", "interest_words", "interest_text", "wish_met", "wish_words",
                "need_met", "close", "schedule")
CONCERN_CODES = ("wish_missed", "far", "driven_far", "schedule_short", "avoid_partly",
                 "avoid_words", "congestion")


@dataclass(frozen=True)
class Reason:
    code: str
    detail: str = ""
    contribution: float = 0.0  # signed change of the score this term made
    minutes: int | None = None
    km: float | None = None
    count: int | None = None   # hours wanted (schedule) or people shortlisted (congestion)
    words: tuple[str, ...] = ()  # the participant's own words behind it (soft codes, text)

    def codes(self) -> tuple[str, ...]:
        return tuple(p.strip() for p in self.detail.split(",") if p.strip())

    def to_json(self) -> dict:
        out = {"code": self.code, "detail": self.detail}
        if self.words:
            out["words"] = list(self.words)
        return out


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
    # Shares one of the person's interests (codes, or codes read from their words): such
    # workposts rank above those that share none (the person's wishes first).
    shares_interest: bool = False

    def to_json(self) -> dict:
        return {"workpost_id": self.workpost_id, "score": round(self.score, 3),
                "distance_km": round(self.distance_km, 1),
                "travel_minutes": int(round(self.travel_minutes)),
                "travel_mode": self.travel_mode,
                "reasons": [r.to_json() for r in self.reasons],
                "concerns": [c.to_json() for c in self.concerns]}
