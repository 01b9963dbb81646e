"""The naive baseline: what a first version would do. One Python loop over every workpost
per participant, geopy's great-circle distance per pair, tf-idf cosine per pair.

It applies the same five rules, so its suitable set can be checked against the index."""
from geopy.distance import great_circle
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

import geo


class NaiveMatcher:
    def __init__(self, workposts):
        self.workposts = list(workposts)
        self.vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5))
        self.matrix = self.vectorizer.fit_transform([w.text for w in self.workposts])

    def suitable(self, p, w, km: float) -> bool:
        if w.open_places <= 0 or not set(p.needs) <= set(w.offers):
            return False
        if p.availability and w.schedule and not set(p.availability) & set(w.schedule):
            return False
        if w.activities and set(w.activities) <= set(p.avoid):
            return False
        t = p.travel
        for mode in p.travel.modes:
            if (t.max_minutes is None or geo.travel_minutes(km, mode) <= t.max_minutes) and \
                    (t.max_km is None or km <= t.max_km):
                return True
        radius = w.service_radius_km
        if radius is None:  # no radius stated: driven only within the person's own limits
            minutes = geo.travel_minutes(km, "driven")
            return "transport_provided" in w.offers and \
                (t.max_minutes is None or minutes <= t.max_minutes) and \
                (t.max_km is None or km <= t.max_km)
        return "transport_provided" in w.offers and km <= radius

    def scored(self, p):
        query = self.vectorizer.transform([p.interests_text])
        here = (p.location.lat, p.location.lon)
        for i, w in enumerate(self.workposts):
            km = great_circle(here, (w.location.lat, w.location.lon)).km
            if not self.suitable(p, w, km):
                continue
            text = cosine_similarity(query, self.matrix[i])[0, 0]
            shared = len(set(p.interests) & set(w.activities))
            yield (shared + text - km / 50, w.id)

    def rank(self, p, top: int = 10):
        return sorted(self.scored(p), reverse=True)[:top]


def same_suitable(model: NaiveMatcher, index, p) -> bool:
    """The naive loop and the index agree on which workposts are suitable."""
    naive_ids = {wid for _, wid in model.scored(p)}
    ours = {m.workpost_id for m in index.rank(p, top=max(1, len(index)))}
    return naive_ids == ours
