"""One visibility rule ("which workposts may this organisation see"), two forms: in SQL
(lists, paging) and in memory (the matcher's cached index). Hypothesis draws organisations
with random regions and workposts with random status, legal form, province and municipality;
the SQL list, the in-memory rule and what a search may rank must be the same set. Runs on
SQLite and, with `-m db`, on PostgreSQL."""
import itertools

from hypothesis import HealthCheck, given, settings, strategies as st
from factories import make_listed_org
from factories import make_workpost

from web import matching
from web.matching.index_cache import matching_index
from web.matching.visibility import may_see, place_of, regions_of
from web.models import OrganisationRegion
from web.models.choices import LEGAL_FORMS, WORKPOST_STATUSES

PROVINCES = ("oost_vlaanderen", "west_vlaanderen", "limburg")
MUNICIPALITIES = ("44021", "44084", "31005", "71022")  # Gent, Lochristi, Brugge, Hasselt
_serial = itertools.count(1)

regions = st.lists(st.one_of(
    st.tuples(st.just("province"), st.sampled_from(PROVINCES)),
    st.tuples(st.just("municipality"), st.sampled_from(MUNICIPALITIES))),
    max_size=3, unique=True)
posts = st.lists(st.fixed_dictionaries({
    # Mostly published: the other statuses all behave alike (never visible).
    "status": st.one_of(st.just("published"), st.sampled_from(sorted(WORKPOST_STATUSES))),
    "legal_form": st.sampled_from(sorted(LEGAL_FORMS) + ["internal"]),
    "province": st.sampled_from(PROVINCES),
    "nis": st.sampled_from(MUNICIPALITIES),
}), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(served=regions, drawn=posts)
def test_sql_and_memory_forms_agree(app, db_session, served, drawn):
    with app.app_context():
        savepoint = db_session.begin_nested()
        try:
            org = make_listed_org(db_session, f"Org {next(_serial)}", "9000")
            org.regions = [OrganisationRegion(kind=k, code=c) for k, c in served]
            owner = make_listed_org(db_session, f"Eigenaar {next(_serial)}", "3500")
            made = []
            for values in drawn:
                internal = values["legal_form"] == "internal"
                post = make_workpost(db_session, name=f"Werkpost {next(_serial)}",
                                     status=values["status"], province=values["province"],
                                     nis=values["nis"], organisation=owner if internal else None,
                                     legal_form=values["legal_form"])
                made.append(post)
            db_session.flush()
            ids = {p.id for p in made}

            in_sql = {p.id for p in matching.visible_workposts(org)} & ids
            in_memory = {p.id for p in made if may_see(regions_of(org), place_of(p))}
            cache = matching_index()
            entry = cache.current()
            hidden = set(cache.hidden(entry, org).ids)
            rankable = {wid for wid in ids if wid in entry.index and wid not in hidden}

            assert in_sql == in_memory == rankable
            for post in made:  # the single-row lookup says the same
                assert (matching.visible_workpost(org, post.id) is not None) == \
                    (post.id in in_memory)
        finally:
            savepoint.rollback()
