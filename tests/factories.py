"""The records tests share, in one place.

- The supervisors' area: organisations, staff, workposts, participants, and a placement walked to
  active (make_org, make_user, make_workpost, make_participant, walk_to_active).
- The directory: supervisor organisations in Limburg and Oost-Vlaanderen with public contact
  data and internal workposts, and the rows that must never be public (make_listed_org,
  make_listed_post, make_directory_world, DIRECTORY_HIDDEN).

Tests import these functions (tests have no packages), or take the `make` fixture
(tests/conftest.py), which binds them to the test's database session.
"""
import itertools
from datetime import UTC, date, datetime

import geo
from web.access.auth import hash_password
from web.models import (Consent, Organisation, OrganisationRegion, Participant, User,
                        Workpost)

PASSWORD = "correct horse battery staple"
_serial = itertools.count(1)


def make_org(session, name="OCMW Gent", province="oost_vlaanderen", postcode="9000",
             municipality="Gent", lat=51.054, lon=3.717, regions=(("province", "oost_vlaanderen"),),
             org_type="ocmw"):
    n = next(_serial)
    org = Organisation(name=name, slug=f"org-{n}-{name.lower().replace(' ', '-')}",
                       org_type=org_type, postcode=postcode, municipality=municipality,
                       province=province, lat=lat, lon=lon)
    org.regions = [OrganisationRegion(kind=kind, code=code) for kind, code in regions]
    session.add(org)
    session.flush()
    return org


def make_user(session, org, role="supervisor", email=None, password=PASSWORD, name="Sam"):
    n = next(_serial)
    user = User(email=email or f"staff{n}@example.be", name=name, role=role,
                organisation=org, password_hash=hash_password(password) if password else None)
    session.add(user)
    session.flush()
    return user


def make_workpost(session, name="Kringwinkel Gent", province="oost_vlaanderen",
                  postcode="9000", municipality="Gent", nis="44021", lat=51.05, lon=3.72,
                  activities=("sorting_reuse",), offers=("calm_environment",),
                  schedule=("mon_am", "tue_am"), capacity=2, open_places=2,
                  status="published", organisation=None, legal_form="non_profit"):
    workpost = Workpost(
        legal_form="internal" if organisation is not None else legal_form,
        organisation=organisation, name=name, sector="non_profit", org_type="second_hand_shop",
        description="Sorteren en prijzen van tweedehands spullen.", postcode=postcode,
        municipality=municipality, municipality_nis=nis, province=province, lat=lat, lon=lon,
        activities=list(activities), offers=list(offers), schedule=list(schedule),
        capacity=capacity, open_places=open_places, status=status,
        contact_name="An Peeters", contact_email="an@kringwinkel.example",
        tasks="Kleding sorteren", published_at=datetime.now(UTC) if status == "published" else None)
    session.add(workpost)
    session.flush()
    return workpost


def make_participant(session, org, reference=None, consent=True, supervisor=None, **fields):
    values = dict(postcode="9000", municipality="Gent", province="oost_vlaanderen",
                  lat=51.053, lon=3.725, travel_modes=["bike", "public_transport"],
                  max_minutes=40, interests=["sorting_reuse"], needs=["calm_environment"],
                  availability=["mon_am", "tue_am"], hours_per_week=8.0, status="searching")
    values.update(fields)
    participant = Participant(organisation=org, reference=reference or f"D-{next(_serial)}",
                              supervisor_id=getattr(supervisor, "id", None), **values)
    if consent:
        participant.consents.append(Consent(processed="profiel", shared_with="werkpost",
                                            given_on=date(2026, 1, 5)))
    session.add(participant)
    session.flush()
    return participant


def sign_agreement(session, placement, signed_on=date(2026, 3, 1)):
    """A complete agreement, marked signed (what "active" needs since issue 15)."""
    from web.services.agreements import CLAUSE_KEYS

    placement.agreement = {"clauses": {key: f"Afspraak over {key}." for key in CLAUSE_KEYS},
                           "saved_at": "2026-03-01T09:00:00+00:00",
                           "signed_on": signed_on.isoformat()}
    session.flush()
    return placement


def walk_to_active(session, placement, user, on_date):
    """Every step in order, the agreement signed, then active, through the service."""
    from web.services.placements import move

    for step in ("contacted", "meeting", "trial", "agreement"):
        move(placement, step, user, on_date)
    sign_agreement(session, placement)
    move(placement, "active", user, on_date)
    return placement


# --- the directory ----------------------------------------------------------------------------





def make_listed_org(session, name, postcode, regions=(), org_type="ocmw", active=True, **fields):
    place = geo.postcode_centre(postcode)
    n = next(_serial)
    org = Organisation(name=name, slug=f"{name.lower().replace(' ', '-')}-{n}",
                       org_type=org_type, postcode=postcode, municipality=place.municipality,
                       province=place.province, lat=place.lat, lon=place.lon, active=active,
                       street="Stationsstraat 1", contact_name="Lien Claes",
                       contact_email=f"info{n}@org.example", contact_phone="011 22 33 44",
                       website="https://org.example", description="Wij begeleiden mensen.",
                       **fields)
    org.regions = [OrganisationRegion(kind=kind, code=code) for kind, code in regions]
    session.add(org)
    session.flush()
    return org


def make_listed_post(session, name, postcode, organisation=None, activities=("green",),
              status="published", address_public=True, legal_form=None, offset=(0.004, 0.003),
              **fields):
    place = geo.postcode_centre(postcode)
    values = dict(
        legal_form=legal_form or ("internal" if organisation is not None else "sole_trader"),
        organisation=organisation, name=name, sector="non_profit", org_type="care_provider",
        description=f"{name}: werken in een rustige ploeg.", street="Tuinstraat 7",
        address_public=address_public, postcode=postcode, municipality=place.municipality,
        municipality_nis=place.municipality_nis, province=place.province,
        lat=place.lat + offset[0], lon=place.lon + offset[1], activities=list(activities),
        offers=["calm_environment", "buddy"], schedule=["mon_am", "mon_pm", "thu_am"],
        hours_per_week=8.0, capacity=3, open_places=2, status=status,
        contact_name="", contact_email="", tasks="Onkruid wieden, oogsten",
        published_at=datetime.now(UTC) if status == "published" else None)
    values.update(fields)
    post = Workpost(**values)
    session.add(post)
    session.flush()
    return post


def make_directory_world(session) -> dict:
    """Hasselt and around, one Ghent kitchen, and the rows that must stay hidden."""
    w = {}
    w["ocmw"] = make_listed_org(session, "OCMW Hasselt", "3500", [("province", "limburg")])
    w["lommel_org"] = make_listed_org(session, "Beschut Wonen Kempen", "3920",
                               [("municipality", geo.postcode_centre("3920").municipality_nis)],
                               org_type="sheltered_living")
    w["caw"] = make_listed_org(session, "CAW Gent", "9000", [("province", "oost_vlaanderen")],
                        org_type="caw")
    w["garden"] = make_listed_post(session, "Moestuin De Kruidenhof", "3500", w["ocmw"],
                            activities=("green", "agriculture"))
    w["wood"] = make_listed_post(session, "Houtatelier Genk", "3600", w["ocmw"],
                          activities=("woodwork",), address_public=False,
                          street="Geheimstraat 9")
    w["lommel"] = make_listed_post(session, "Tuinploeg Lommel", "3920", w["lommel_org"])
    w["kitchen"] = make_listed_post(session, "Keuken De Pot", "9000", w["caw"],
                                   activities=("kitchen",))
    # Never public: an external sole trader, a paused atelier, an inactive organisation's post.
    w["bakery"] = make_listed_post(session, "Bakkerij Peeters", "3500", None,
                            activities=("green", "kitchen"))
    w["paused"] = make_listed_post(session, "Gepauzeerde Serre", "3500", w["ocmw"], status="paused")
    w["gone_org"] = make_listed_org(session, "Gesloten Vzw", "3500", [("province", "limburg")],
                             active=False)
    w["gone"] = make_listed_post(session, "Tuin Van Gesloten Vzw", "3500", w["gone_org"])
    return w


DIRECTORY_HIDDEN = ("Bakkerij Peeters", "Gepauzeerde Serre", "Tuin Van Gesloten Vzw",
                    "Gesloten Vzw",
          "Geheimstraat")


class Factories:
    """The factories bound to one database session: the `make` fixture."""

    def __init__(self, session):
        self.session = session

    def org(self, **fields):
        return make_org(self.session, **fields)

    def user(self, org, **fields):
        return make_user(self.session, org, **fields)

    def workpost(self, **fields):
        return make_workpost(self.session, **fields)

    def participant(self, org, **fields):
        return make_participant(self.session, org, **fields)

    def active_placement(self, placement, user, on_date):
        return walk_to_active(self.session, placement, user, on_date)

    def listed_org(self, name, postcode, regions=(), **fields):
        return make_listed_org(self.session, name, postcode, regions, **fields)

    def listed_post(self, name, postcode, organisation=None, **fields):
        return make_listed_post(self.session, name, postcode, organisation, **fields)

    def directory_world(self) -> dict:
        return make_directory_world(self.session)
