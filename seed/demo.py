"""The whole demo data set, generated in steps that need the ids of earlier steps.

The caller inserts each step's rows and hands back their ids; generation itself stays pure
(the same seed and sizes give the same data).
"""
import random
from dataclasses import dataclass
from datetime import date

from seed import organisations as organisations_module
from seed import participants as participants_module
from seed import staff as staff_module
from seed import workposts as workposts_module


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
        for index, (org, org_id) in enumerate(zip(organisations, ids)):
            if org["uses"] in ("both", "internal"):
                rows.extend(workposts_module.internal(self.rng, org, org_id, index))
        return rows

    def external_workposts(self, count: int, offset: int) -> list[dict]:
        return workposts_module.external(self.rng, count, offset)

    def participants(self, organisations: list[dict], ids: list[int]) -> list[dict]:
        if not organisations:
            return []
        return participants_module.generate(self.rng, self.participant_count, organisations, ids,
                                            self.today)

    def consents(self, participant_ids: list[int]) -> list[dict]:
        return [participants_module.consent(self.rng, pid, self.today)
                for pid in participant_ids if self.rng.random() < 0.85]

    def staff(self, organisations: list[dict], ids: list[int]) -> list[dict]:
        return staff_module.generate(self.rng, organisations, ids)
