"""The AMA agreement: edit the draft clause by clause, then print it (to paper or PDF)."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from web.access import supervisor
from web.account import clock
from web.extensions import db
from web.services import agreements, participants
from web.supervisor import bp
from web.supervisor.messages import error_text
from web.supervisor.scope import me, placement_or_404


def _supervisor_name(placement) -> str:
    user = me()
    return user.name or user.email


@bp.route("/plaatsingen/<int:placement_id>/overeenkomst", methods=["GET", "POST"])
@supervisor
def agreement(placement_id: int):
    placement = placement_or_404(placement_id)
    texts = agreements.clauses(placement, _supervisor_name(placement))
    problems = []
    if request.method == "GET":
        participants.viewed(placement.participant, me(), "agreement")
        db.session.commit()
    if request.method == "POST":
        texts = {key: request.form.get(key, "") for key in agreements.CLAUSE_KEYS}
        problems = agreements.save(placement, texts, me(), clock.now())
        if not problems:
            db.session.commit()
            flash(_("De overeenkomst is bewaard. Je kan ze nu afdrukken."), "success")
            return redirect(url_for("supervisor.agreement_print", placement_id=placement.id))
    return render_template("supervisor/agreement.html", placement=placement,
                           clauses=agreements.CLAUSES, texts=texts, problems=problems,
                           limit=agreements.MAX_CLAUSE_LENGTH,
                           frozen_text=error_text("frozen")), 422 if problems else 200


@bp.get("/plaatsingen/<int:placement_id>/overeenkomst/afdrukken")
@supervisor
def agreement_print(placement_id: int):
    placement = placement_or_404(placement_id)
    participants.viewed(placement.participant, me(), "agreement-print")
    db.session.commit()
    return render_template("supervisor/agreement_print.html", placement=placement,
                           clauses=agreements.CLAUSES,
                           texts=agreements.clauses(placement, _supervisor_name(placement)),
                           today=clock.today())
