"""The AMA agreement: edit the draft clause by clause, then print it (to paper or PDF), and
record that it was signed."""
from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from web.access import supervisor
from web import clock
from web.extensions import db
from web.services import agreements
from web.supervisor import bp
from web.refusals import text as error_text
from web.supervisor.scope import me, placement_or_404
from web.services.agreements import HOURS_PER_HALF_DAY, shared_slots


def _supervisor_name(placement) -> str:
    user = me()
    return user.name or user.email


def _date(text: str):
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return False


def _render(placement, texts, problems, start_value, status=200, signed_error="",
            signed_value=""):
    hours = placement.hours_per_week or placement.workpost.hours_per_week
    hours_text = _("%(hours)s uur per week past niet in %(n)s halve dag(en) van hoogstens "
                   "%(per)s uur. Pas de uren of de dagen van de plaatsing aan.",
                   hours="%g" % (hours or 0), n=len(shared_slots(placement)),
                   per=HOURS_PER_HALF_DAY)
    return render_template("supervisor/agreement.html", placement=placement,
                           clauses=agreements.CLAUSES, texts=texts, problems=problems,
                           limit=agreements.MAX_CLAUSE_LENGTH, hours_text=hours_text,
                           start_value=start_value, today=clock.today(),
                           signed_on=(placement.agreement or {}).get("signed_on")
                           if agreements.is_signed(placement) else None,
                           gaps=agreements.missing(placement),
                           frozen_text=error_text("frozen"), signed_error=signed_error,
                           signed_value=signed_value or clock.today().isoformat()), status


@bp.route("/plaatsingen/<int:placement_id>/overeenkomst", methods=["GET", "POST"])
@supervisor
def agreement(placement_id: int):
    placement = placement_or_404(placement_id)
    texts = agreements.clauses(placement, _supervisor_name(placement))
    start_value = placement.start_date.isoformat() if placement.start_date else ""
    if request.method == "GET":
        return _render(placement, texts, {}, start_value)
    texts = {key: request.form.get(key, "") for key in agreements.CLAUSE_KEYS}
    start_value = request.form.get("start_date", "").strip()
    start = _date(start_value)
    problems = {} if start is not False else {"start_date": "bad_date"}
    if not problems:
        problems = agreements.save(placement, texts, me(), clock.now(), start_date=start)
    else:  # every error at once: the clauses are checked too
        problems.update(agreements.problems(placement, texts))
    if problems:
        db.session.rollback()
        return _render(placement_or_404(placement_id), texts, problems, start_value, 422)
    flash(_("De overeenkomst is bewaard. Je kan ze nu afdrukken."), "success")
    return redirect(url_for("supervisor.agreement_print", placement_id=placement.id))


@bp.post("/plaatsingen/<int:placement_id>/overeenkomst/ondertekend")
@supervisor
def agreement_signed(placement_id: int):
    placement = placement_or_404(placement_id)
    typed = request.form.get("signed_on", "").strip()[:20]
    signed_on = _date(typed)
    problem = ""
    if not signed_on or signed_on > clock.today():
        problem = _("Vul een geldige datum van de handtekeningen in, niet in de toekomst.")
    elif agreements.mark_signed(placement, signed_on, me()):
        db.session.rollback()
        problem = _("De overeenkomst is nog niet volledig: vul elke afspraak in en bewaar ze.")
    if problem:  # next to the date, on the agreement page itself, with what was typed
        placement = placement_or_404(placement_id)
        start_value = placement.start_date.isoformat() if placement.start_date else ""
        return _render(placement, agreements.clauses(placement, _supervisor_name(placement)),
                       {}, start_value, 422, signed_error=problem, signed_value=typed)
    flash(_("De overeenkomst is als ondertekend gemarkeerd."), "success")
    return redirect(url_for("supervisor.placement", placement_id=placement.id))


@bp.get("/plaatsingen/<int:placement_id>/overeenkomst/afdrukken")
@supervisor
def agreement_print(placement_id: int):
    placement = placement_or_404(placement_id)
    return render_template("supervisor/agreement_print.html", placement=placement,
                           clauses=agreements.CLAUSES,
                           texts=agreements.clauses(placement, _supervisor_name(placement)),
                           today=clock.today())
