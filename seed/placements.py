"""Where each demo participant stands in the placement pipeline, and when things happened.

Pure data: which step each participant's placement reached, why it ended, whether it is in
the organisation's own atelier, and its dates relative to `today`. The web side
(web/cli/seed_pipeline.py) walks every placement through the real pipeline rules, so that
agreements, places and evaluations come out as the application itself makes them.
"""
import random
from dataclasses import dataclass
from datetime import date, timedelta

from seed.distributions import STOP_REASONS, apportion, weighted

# Where participants stand, in per cent. Most work (active), a few pause; a fifth is still
# looking at one of the steps before the start; some ended (the study's reasons, below).
STANDING = {"searching": 10, "shortlisted": 9, "contacted": 6, "meeting": 6, "trial": 5,
            "agreement": 7, "active": 36, "paused": 4, "ended": 17}
# The last step an ended placement reached before it stopped.
ENDED_AFTER = {"active": 65, "trial": 15, "meeting": 12, "contacted": 8}
# Most participants work in their organisation's own atelier (DOMAIN.md §1).
INTERNAL_SHARE = 0.7
# Share of running placements whose latest evaluation is due or late (the rest are done).
BEHIND_SHARE = 0.3
EVALUATION_NOTES = [
    "Ze zegt dat ze graag komt. De collega's zijn vriendelijk.",
    "Hij vindt de uren goed. Hij wil graag meer in de keuken helpen.",
    "Ze is soms moe na de middag. We houden het bij de voormiddag.",
    "Hij voelt zich nuttig. Hij wil later misschien betaald werk.",
    "Ze wil een rustiger plek in het atelier. Dat lukt vanaf volgende maand.",
    "Hij komt op tijd en kent de taken nu goed.",
]
EVALUATION_AGREEMENTS = [
    "Over drie maanden praten we opnieuw.",
    "We proberen een extra halve dag.",
    "De begeleider komt één keer per maand langs.",
    "",
]


@dataclass(frozen=True)
class Planned:
    participant: int            # index in the participants list
    status: str                 # where it stands now (a pipeline step, "paused" or "ended")
    reached: str | None         # for "ended": the last step before the end
    stop_reason: str | None
    internal: bool              # in the organisation's own atelier
    step_days: int              # days between two steps before the start
    start: date | None          # the day it became active, if it did
    last: date                  # the day of its latest step
    behind: bool                # its latest evaluation is still to do


def _stop_reasons(rng: random.Random, count: int) -> list[str]:
    """Exactly the study's proportions (largest remainders), in a random order."""
    reasons = [r for r, n in apportion(count, STOP_REASONS).items() for _ in range(n)]
    rng.shuffle(reasons)
    return reasons


def plan(rng: random.Random, participant_count: int, today: date) -> list[Planned]:
    standing = [s for s, n in apportion(participant_count, STANDING).items() for _ in range(n)]
    rng.shuffle(standing)
    reasons = iter(_stop_reasons(rng, standing.count("ended")))
    planned = []
    for index, status in enumerate(standing):
        if status == "searching":
            continue
        reached = weighted(rng, ENDED_AFTER) if status == "ended" else None
        started = status in ("active", "paused") or reached == "active"
        start = today - timedelta(days=rng.randint(20, 700)) if started else None
        if status == "ended" and start is not None:
            last = start + timedelta(days=rng.randint(10, max(11, (today - start).days - 1)))
        elif status == "paused":
            last = today - timedelta(days=rng.randint(2, min(40, (today - start).days - 1)))
        elif status == "active":
            last = start
        else:
            last = today - timedelta(days=rng.randint(1, 25 if status != "ended" else 300))
        planned.append(Planned(
            participant=index, status=status, reached=reached,
            stop_reason=next(reasons) if status == "ended" else None,
            internal=rng.random() < INTERNAL_SHARE, step_days=rng.randint(4, 12),
            start=start, last=min(last, today), behind=rng.random() < BEHIND_SHARE))
    return planned


def evaluation_text(rng: random.Random) -> tuple[str, str, dict]:
    """The participant's own view, the follow-up agreements and the scores (1 to 5)."""
    scores = {"satisfaction_workpost": rng.choice([3, 4, 4, 5, 5]),
              "satisfaction_guidance": rng.choice([3, 4, 4, 5]),
              "satisfaction_hours": rng.choice([2, 3, 4, 4, 5]),
              "satisfaction_tasks": rng.choice([3, 4, 5])}
    return rng.choice(EVALUATION_NOTES), rng.choice(EVALUATION_AGREEMENTS), scores
