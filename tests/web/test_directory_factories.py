"""Records the directory, API and info tests share: supervisor organisations in Limburg and
Oost-Vlaanderen with internal workposts, and the kinds of rows that must never be public.

Imported by the other test_directory_*, test_api_* and test_info_* files (tests have no
packages)."""
import itertools
from datetime import UTC, datetime

import geo
from web.models import Organisation, OrganisationRegion, Workpost

_serial = itertools.count(1)


def make_org(session, name, postcode, regions=(), org_type="ocmw", active=True, **fields):
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


def make_post(session, name, postcode, organisation=None, activities=("green",),
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


def make_world(session) -> dict:
    """Hasselt and around, one Ghent kitchen, and the rows that must stay hidden."""
    w = {}
    w["ocmw"] = make_org(session, "OCMW Hasselt", "3500", [("province", "limburg")])
    w["lommel_org"] = make_org(session, "Beschut Wonen Kempen", "3920",
                               [("municipality", geo.postcode_centre("3920").municipality_nis)],
                               org_type="sheltered_living")
    w["caw"] = make_org(session, "CAW Gent", "9000", [("province", "oost_vlaanderen")],
                        org_type="caw")
    w["garden"] = make_post(session, "Moestuin De Kruidenhof", "3500", w["ocmw"],
                            activities=("green", "agriculture"))
    w["wood"] = make_post(session, "Houtatelier Genk", "3600", w["ocmw"],
                          activities=("woodwork",), address_public=False,
                          street="Geheimstraat 9")
    w["lommel"] = make_post(session, "Tuinploeg Lommel", "3920", w["lommel_org"])
    w["kitchen"] = make_post(session, "Keuken De Pot", "9000", w["caw"], activities=("kitchen",))
    # Never public: an external sole trader, a paused atelier, an inactive organisation's post.
    w["bakery"] = make_post(session, "Bakkerij Peeters", "3500", None,
                            activities=("green", "kitchen"))
    w["paused"] = make_post(session, "Gepauzeerde Serre", "3500", w["ocmw"], status="paused")
    w["gone_org"] = make_org(session, "Gesloten Vzw", "3500", [("province", "limburg")],
                             active=False)
    w["gone"] = make_post(session, "Tuin Van Gesloten Vzw", "3500", w["gone_org"])
    return w


HIDDEN = ("Bakkerij Peeters", "Gepauzeerde Serre", "Tuin Van Gesloten Vzw", "Gesloten Vzw",
          "Geheimstraat")


def test_the_world_has_public_and_hidden_rows(db_session):
    world = make_world(db_session)
    assert world["garden"].internal and not world["bakery"].internal
    assert world["gone_org"].active is False
