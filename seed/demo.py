"""The whole demo data set, generated in steps that need the ids of earlier steps.

The caller inserts each step's rows and hands back their ids; generation itself stays pure
(the same seed and sizes give the same data).
"""
import random
from dataclasses import dataclass
from datetime import date

from seed import organisations as organisations_module
from seed import participants as participants_module
from seed import placements as placements_module
from seed import staff as staff_module
from seed import workposts as workposts_module

# Offers waiting for the platform admin's review: a handful, from the last weeks.
RECENT_OFFERS = 8
# The organisations whose logins `flask seed logins` shows first get a full caseload, so
# that a demo supervisor sees every step of the pipeline on the dashboard.
SHOWCASE = 4
SHOWCASE_WEIGHT = 12


def showcase_order(organisation: dict, index: int) -> tuple:
    """The order in which the logins are shown: OCMWs in Oost-Vlaanderen first."""
    return (organisation["org_type"] != "ocmw", organisation["province"] != "oost_vlaanderen",
            index)


@dataclass
class DemoPlan:
    seed: int
    org_count: int
    workpost_count: int
    participant_count: int
    today: date

    def __post_init__(self):
        for name, option in (("org_count", "orgs"), ("workpost_count", "workposts"),
                             ("participant_count", "participants")):
            if getattr(self, name) < 0:
                raise ValueError(f"--{option}: must be 0 or more")
        self.rng = random.Random(self.seed)

    def organisations(self) -> list[dict]:
        return organisations_module.generate(self.rng, self.org_count)

    def internal_workposts(self, organisations: list[dict], ids: list[int]) -> list[dict]:
        rows = []
        chosen = self.showcase(organisations)
        for index, (org, org_id) in enumerate(zip(organisations, ids)):
            if org["uses"] in ("both", "internal"):
                rows.extend(workposts_module.internal(self.rng, org, org_id, index, self.today,
                                                      showcase=index in chosen))
        return rows

    def external_workposts(self, count: int, offset: int) -> list[dict]:
        return workposts_module.external(self.rng, count, offset, self.today)

    def recent_offers(self, count: int, offset: int) -> list[dict]:
        return workposts_module.recent_offers(self.rng, count, offset, self.today)

    def showcase(self, organisations: list[dict]) -> set[int]:
        """Indexes of the organisations with a full caseload."""
        ordered = sorted(range(len(organisations)),
                         key=lambda i: showcase_order(organisations[i], i))
        return set(ordered[:SHOWCASE])

    def participants(self, organisations: list[dict], ids: list[int]) -> list[dict]:
        if not organisations:
            return []
        chosen = self.showcase(organisations)
        weights = [SHOWCASE_WEIGHT if i in chosen else 1 for i in range(len(organisations))]
        return participants_module.generate(self.rng, self.participant_count, organisations, ids,
                                            self.today, weights)

    def consents(self, participant_ids: list[int]) -> list[dict]:
        return [participants_module.consent(self.rng, pid, self.today)
                for pid in participant_ids if self.rng.random() < 0.85]

    def staff(self, organisations: list[dict], ids: list[int]) -> list[dict]:
        return staff_module.generate(self.rng, organisations, ids)

    def placements(self, participant_count: int) -> list[placements_module.Planned]:
        return placements_module.plan(self.rng, participant_count, self.today)
