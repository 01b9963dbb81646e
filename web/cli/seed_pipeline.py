"""The demo's placements, walked through the real pipeline.

Each planned placement (seed/placements.py) is made with the placement service and moved
step by step as web/services/pipeline.py allows: an agreement saved and marked signed before
"active", places taken and given back, evaluations planned and done on their dates, an end
with its reason. So the demo holds nothing the application would refuse. Each placement runs
in a savepoint: one the rules refuse (no place left, say) leaves nothing behind.
"""
import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from seed.placements import Planned, evaluation_text
from seed.workposts import POPULAR_ATELIERS
from web.extensions import db
from web.models import Participant, User, Workpost
from web.services import agreements, evaluations, pipeline, placements
from web.services.errors import ServiceError

NEARBY_KM = 25
WAITING = 3  # people on the waiting list of a full popular atelier


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10), UTC)


class Walker:
    def __init__(self, rng: random.Random, today: date, participant_ids: list[int]):
        self.rng, self.today = rng, today
        loaded = {p.id: p for p in db.session.scalars(
            select(Participant).where(Participant.id.in_(participant_ids))
            .options(selectinload(Participant.consents)))}
        self.people = [loaded[pid] for pid in participant_ids]
        self.users = {u.id: u for u in db.session.scalars(
            select(User).where(User.organisation_id.is_not(None)))}
        published = db.session.scalars(select(Workpost).where(Workpost.status == "published")
                                       .order_by(Workpost.id))
        self.internal: dict[int, list[Workpost]] = {}
        # (lat, lon, workpost): read once, so the search near each person is plain arithmetic.
        self.external: dict[str, list[tuple[float, float, Workpost]]] = {}
        for post in published:
            if post.legal_form == "internal":
                self.internal.setdefault(post.organisation_id, []).append(post)
            else:
                self.external.setdefault(post.province, []).append((post.lat, post.lon, post))
        self.made = 0
        self.refused = 0  # walks a pipeline rule refused: those people keep looking

    # --- choosing a workpost ------------------------------------------------------------

    def _candidates(self, person: Participant, plan: Planned, first: date) -> list[Workpost]:
        # The popular ateliers fill first: that is where the waiting lists are.
        own = sorted(self.internal.get(person.organisation_id, []),
                     key=lambda w: (not set(w.activities) & set(POPULAR_ATELIERS),
                                    self.rng.random()))
        # Flat-earth distance is plenty for "nearby" (a degree is 111 km north-south and
        # about 70 km east-west in Belgium).
        lat, lon = person.lat, person.lon
        near = [w for wlat, wlon, w in self.external.get(person.province, [])
                if ((wlat - lat) * 111) ** 2 + ((wlon - lon) * 70) ** 2 <= NEARBY_KM ** 2]
        self.rng.shuffle(near)
        return own + near[:12] if plan.internal else near[:12] + own

    def _workpost(self, person: Participant, plan: Planned, first: date,
                  holds: bool) -> Workpost | None:
        for post in self._candidates(person, plan, first):
            if post.available_from and post.available_from > first:
                continue
            if holds and post.open_places <= 0:
                continue
            return post
        return None

    # --- one placement --------------------------------------------------------------------

    def _path(self, plan: Planned) -> list[str]:
        final = plan.reached if plan.status == "ended" else (
            "active" if plan.status == "paused" else plan.status)
        steps = ["shortlisted"]
        while steps[-1] != final:
            steps.append(pipeline.natural_next(steps[-1])[0])
        return steps

    def _dates(self, plan: Planned, steps: list[str]) -> list[date]:
        if "active" in steps:
            anchor, at = plan.start, steps.index("active")
        else:
            anchor, at = plan.last, len(steps) - 1
        return [anchor - timedelta(days=(at - i) * plan.step_days) for i in range(len(steps))]

    def walk(self, plan: Planned) -> None:
        person = self.people[plan.participant]
        by = self.users.get(person.supervisor_id)
        if by is None or person.current_consent is None:
            return
        steps = self._path(plan)
        dates = self._dates(plan, steps)
        holds = any(s in ("agreement", "active") for s in steps)
        post = self._workpost(person, plan, dates[0], holds)
        if post is None:
            return
        try:
            with db.session.begin_nested():
                self._steps(person, post, by, plan, steps, dates)
            self.made += 1
        except ServiceError:
            self.refused += 1  # the savepoint is gone; this participant keeps looking

    def _steps(self, person, post, by, plan: Planned, steps, dates) -> None:
        placement = placements.shortlist(person, post, by, "", dates[0])
        for step, day in zip(steps[1:], dates[1:]):
            if step == "active":
                self._sign(placement, by, dates[steps.index("agreement")], plan.start)
            placements.move(placement, step, by, day)
            if step == "agreement" and plan.status == "agreement":
                self._agreement(placement, by, day, sign=self.rng.random() < 0.5)
        if "active" in steps:
            self._evaluate(placement, by, plan)
        if plan.status == "paused":
            placements.move(placement, "paused", by, plan.last)
        elif plan.status == "ended":
            placements.move(placement, "ended", by, plan.last, stop_reason=plan.stop_reason)

    def _agreement(self, placement, by: User, day: date, sign: bool,
                   start: date | None = None) -> None:
        if not agreements.hours_fit(placement):
            # The supervisor lowers the hours to what the shared half-days hold.
            placement.hours_per_week = float(
                len(agreements.shared_slots(placement)) * agreements.HOURS_PER_HALF_DAY)
        start = start or day + timedelta(days=14)
        texts = agreements.clauses(placement, by.name)
        problems = agreements.save(placement, texts, by, _moment(day), start_date=start)
        if problems:
            raise ServiceError("agreement_incomplete", message=str(problems))
        if sign and agreements.mark_signed(placement, day, by):
            raise ServiceError("agreement_incomplete")

    def _sign(self, placement, by: User, day: date, start: date) -> None:
        self._agreement(placement, by, day, sign=True, start=start)

    def _evaluate(self, placement, by: User, plan: Planned) -> None:
        horizon = plan.last if plan.status == "ended" else self.today
        db.session.flush()
        while True:
            due = evaluations.open_evaluation(placement)
            if due is None or due.due_on > horizon:
                return
            following = evaluations.add_months(due.due_on, evaluations.interval_after(
                placement, sum(1 for e in placement.evaluations if e.done_on)))
            if plan.behind and following > horizon:
                return  # the latest one is still to do: it shows as due on the dashboard
            done_on = min(due.due_on + timedelta(days=self.rng.randint(0, 7)), horizon)
            notes, follow_up, scores = evaluation_text(self.rng)
            evaluations.complete(due, by, done_on=done_on, today=self.today, scores=scores,
                                 notes=notes, agreements=follow_up)
            db.session.flush()

    # --- waiting lists ----------------------------------------------------------------------

    def waiting_lists(self) -> int:
        """Full popular ateliers get a few more people on their shortlist."""
        added = 0
        db.session.flush()
        for organisation_id, posts in self.internal.items():
            for post in posts:
                db.session.refresh(post, ["open_places"])
                if post.open_places > 0 or not set(post.activities) & set(POPULAR_ATELIERS):
                    continue
                added += self._wait_for(post, organisation_id)
        return added

    def _wait_for(self, post: Workpost, organisation_id: int) -> int:
        added = 0
        for person in self.people:
            if added == WAITING:
                break
            by = self.users.get(person.supervisor_id)
            if person.organisation_id != organisation_id or by is None \
                    or person.current_consent is None:
                continue
            try:
                with db.session.begin_nested():
                    placements.shortlist(person, post, by, "Wachtlijst: wil graag hier werken.",
                                         self.today - timedelta(days=self.rng.randint(3, 60)))
                added += 1
            except ServiceError:
                continue
        return added


def walk_all(rng: random.Random, today: date, participant_ids: list[int],
             planned: list[Planned]) -> dict:
    walker = Walker(rng, today, participant_ids)
    for plan in planned:
        if plan.participant < len(walker.people):
            walker.walk(plan)
    return {"placements": walker.made, "refused": walker.refused,
            "waiting": walker.waiting_lists()}
