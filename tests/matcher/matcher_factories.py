"""Small builders for matcher tests: a participant in Gent and workposts around it."""
from matcher import Participant, Workpost

GENT = (51.0543, 3.7174)


def km_east(km: float, origin=GENT) -> dict:
    """A location `km` straight east of the origin (1 degree of longitude ~ 70 km here)."""
    return {"lat": origin[0], "lon": origin[1] + km / 69.95}


def person(**overrides) -> Participant:
    values = dict(id="P-1", location={"lat": GENT[0], "lon": GENT[1]},
                  travel={"modes": ["bike"], "max_minutes": 30},
                  interests=["administration"], availability=["mon_am", "tue_am"],
                  hours_per_week=6)
    values.update(overrides)
    return Participant(**values)


def post(id="W-1", km: float = 1.0, **overrides) -> Workpost:
    values = dict(id=id, name="Kantoor", location=km_east(km), activities=["administration"],
                  schedule=["mon_am", "tue_am", "wed_am"], capacity=1, open_places=1)
    values.update(overrides)
    return Workpost(**values)
