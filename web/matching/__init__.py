"""Matching in the web app, one concept per module:

    visibility.py   which workposts an organisation may see (the rule in memory and in SQL)
    convert.py      ORM rows -> the matcher's dataclasses
    index_cache.py  the matcher's index, owned by the app (app.extensions["matching"])
    find.py         find workposts for a participant; caseload proposals
    sentences.py    reasons and concerns as sentences, through the catalogs
    output.py       a found workpost as JSON for the token API
"""
from web.matching.find import Proposal, Result, find_matches, propose_caseload
from web.matching.index_cache import MatchingIndex, workpost_index
from web.matching.output import result_json
from web.matching.visibility import (new_in_region, search_visible, visible_filter,
                                     visible_workpost, visible_workposts)

__all__ = ["MatchingIndex", "Proposal", "Result", "find_matches", "new_in_region",
           "propose_caseload", "result_json", "search_visible", "visible_filter", "visible_workpost",
           "visible_workposts", "workpost_index"]
