"""The shared factories make a world the rules agree with."""
from factories import make_directory_world

from web.matching.visibility import may_see, place_of, regions_of


def test_the_factories_make_a_consistent_world(db_session, make):
    org = make.org()
    user = make.user(org)
    workpost = make.workpost()
    participant = make.participant(org, supervisor=user)
    assert may_see(regions_of(org), place_of(workpost))
    assert participant.current_consent is not None
    assert user.organisation_id == org.id


def test_the_world_has_public_and_hidden_rows(db_session):
    world = make_directory_world(db_session)
    assert world["garden"].internal and not world["bakery"].internal
    assert world["gone_org"].active is False
