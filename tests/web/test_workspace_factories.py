"""Records the workspace tests share: organisations, staff, workposts, participants.

Imported by the other test_workspace_* and test_account_* files (tests have no packages).
"""
import itertools
from datetime import UTC, date, datetime

from web.auth import hash_password
from web.matching.visibility import may_see, place_of, regions_of
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


def test_the_factories_make_a_consistent_world(db_session):
    org = make_org(db_session)
    user = make_user(db_session, org)
    workpost = make_workpost(db_session)
    participant = make_participant(db_session, org, supervisor=user)
    assert may_see(regions_of(org), place_of(workpost))
    assert participant.current_consent is not None
    assert user.organisation_id == org.id


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
