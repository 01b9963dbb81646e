"""The supervisors' home page (what needs attention today) and the user's own account page."""
from datetime import timedelta

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from web import clock, matching
from web.access import supervisor
from web.services import contact_requests, evaluations, participants, placements, staff
from web.supervisor import bp
from web.models.choices import PARTICIPANT_STATUSES
from web.supervisor.scope import me, organisation_id, purpose, read_people

NEW_WORKPOST_DAYS = 7
PARTNER_NEWS_DAYS = 14  # workposts' answers and concerns stay on the dashboard this long


@bp.get("/")
@supervisor
def dashboard():
    user, today = me(), clock.today()
    mine = participants.read_list(by=user, purpose=purpose(), supervisor_id=user.id,
                                  status=tuple(s for s in PARTICIPANT_STATUSES if s != "ended"))
    rows = evaluations.due(organisation_id(), today)
    affected = placements.affected_by_withdrawal(organisation_id())
    since = clock.now() - timedelta(days=PARTNER_NEWS_DAYS)
    answers = contact_requests.recent_answers(organisation_id(), since)
    concerns = contact_requests.recent_concerns(organisation_id(), since)
    read_people([r.placement.participant_id for r in rows] +
                [p.participant_id for p in affected] +
                [x.placement.participant_id for x in [*answers, *concerns]])
    return render_template(
        "supervisor/dashboard.html", mine=mine, today=today, rows=rows,
        new_workposts=matching.new_in_region(user.organisation,
                                             clock.now() - timedelta(days=NEW_WORKPOST_DAYS)),
        affected=affected, answers=answers, concerns=concerns)


@bp.get("/mijn-account")
@supervisor
def my_account():
    return render_template("supervisor/my_account.html", token=None, now=clock.now())


@bp.post("/mijn-account/api-sleutel")
@supervisor
def api_token():
    token = staff.new_api_token(me(), now=clock.now(), days=current_app.config["API_TOKEN_DAYS"],
                                read_only=request.form.get("read_only") == "1")
    # Shown once: only its hash is kept.
    return render_template("supervisor/my_account.html", token=token, now=clock.now())


@bp.post("/mijn-account/api-sleutel/intrekken")
@supervisor
def api_token_revoke():
    staff.revoke_api_token(me())
    flash(_("Je API-sleutel werkt niet meer."), "success")
    return redirect(url_for("supervisor.my_account"))
