"""Mails to businesses (in the language they signed up in) and to supervisors.

Each mail is queued in the outbox in the current transaction (web.infra.mail.queue): it leaves
only once the change it reports on is committed.
"""
from flask import url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from web.infra import mail
from web.extensions import db
from web.models import User
from web.signup import links
from web.infra.urls import absolute


def _to_business(workpost, subject_fn, template: str, **context) -> None:
    with force_locale(workpost.language or "nl"):
        message = mail.render(workpost.contact_email, subject_fn(), template,
                              workpost=workpost, manage_url=links.manage_url(workpost),
                              lang=workpost.language or "nl", **context)
    mail.queue(message)


def confirmation(workpost) -> None:
    _to_business(workpost, lambda: _("Bevestig je aanbod op Werkpostwijzer"), "signup_confirm",
                 confirm_url=links.confirm_url(workpost))


def received(workpost) -> None:
    _to_business(workpost, lambda: _("We bekijken je aanbod"), "signup_received")


def already_registered(workpost) -> None:
    context = {}
    if workpost.status == "unconfirmed":
        context["confirm_url"] = links.confirm_url(workpost)
    _to_business(workpost, lambda: _("Je bent al aangemeld op Werkpostwijzer"),
                 "signup_duplicate", **context)


def manage_links(email: str, workposts: list) -> None:
    """One mail listing a fresh link for each offer of this address."""
    language = workposts[0].language or "nl"
    items = [{"workpost": w, "manage_url": links.manage_url(w),
              "confirm_url": links.confirm_url(w) if w.status == "unconfirmed" else None}
             for w in workposts]
    with force_locale(language):
        message = mail.render(email, _("Je link om je aanbod te beheren"), "signup_lost_link",
                              items=items, lang=language)
    mail.queue(message)


def email_changed(workpost, old_email: str) -> None:
    with force_locale(workpost.language or "nl"):
        message = mail.render(old_email, _("Het e-mailadres van je aanbod is veranderd"),
                              "signup_email_changed", workpost=workpost)
    mail.queue(message)


def review_outcome(workpost) -> None:
    """Approved or rejected; nothing is sent for spam."""
    if workpost.status == "published":
        _to_business(workpost, lambda: _("Je aanbod staat online"), "signup_approved")
    elif workpost.status == "rejected" and workpost.review_reason != "spam":
        _to_business(workpost, lambda: _("We kunnen je aanbod niet publiceren"),
                     "signup_rejected")


def edit_approved(workpost) -> None:
    """A change to an approved offer is online now."""
    _to_business(workpost, lambda: _("Je wijziging staat online"), "signup_edit_approved")


def edit_rejected(workpost, reason: str) -> None:
    """A change to an approved offer was not accepted; the offer stays as it was."""
    _to_business(workpost, lambda: _("We kunnen je wijziging niet publiceren"),
                 "signup_edit_rejected", reason=reason)


def withdrawn(workpost) -> None:
    _to_business(workpost, lambda: _("Je aanbod is ingetrokken"), "signup_withdrawn")


def supervisors_told(workpost, notices) -> None:
    """Supervisors work in Dutch; the mail names the workpost, never the participants."""
    for notice in notices:
        with force_locale("nl"):
            message = mail.render(notice.email, _("Een werkpost trok zich terug: %(name)s",
                                                  name=workpost.name),
                                  "workpost_withdrawn", workpost=workpost, notice=notice)
        mail.queue(message)


def received_new_link(workpost) -> None:
    """After a change of address: the fresh manage link goes to the new address."""
    _to_business(workpost, lambda: _("Je nieuwe link om je aanbod te beheren"),
                 "signup_new_link")


def review_waiting(workpost, review_url: str | None) -> None:
    """Tell the platform admins that a confirmed offer waits in the moderation queue."""
    admins = db.session.scalars(select(User).where(User.role == "platform_admin",
                                                   User.active.is_(True)))
    for admin in admins:
        with force_locale("nl"):
            message = mail.render(admin.email, _("Nieuw aanbod om na te kijken: %(name)s",
                                                 name=workpost.name),
                                  "signup_review_waiting", workpost=workpost,
                                  review_url=review_url)
        mail.queue(message)


# --- the workpost as a partner (issue 16) -----------------------------------------------------

def supervisor_of(placement, preferred_id=None):
    """Who hears about a workpost's answer or concern: the sender of the request, else the
    participant's own supervisor, else whoever put the person on the shortlist."""
    for user_id in (preferred_id, placement.participant.supervisor_id,
                    placement.created_by_id):
        user = db.session.get(User, user_id) if user_id else None
        if user is not None and user.active:
            return user
    return None


def contact_request(request, sender) -> None:
    """To the business: a supervisor asks to meet someone; the link answers it."""
    workpost = request.placement.workpost
    _to_business(workpost, lambda: _("Een begeleider wil kennismaken: %(ref)s",
                                     ref=request.placement.participant.reference),
                 "contact_request", request=request, sender=sender,
                 organisation=sender.organisation, reference=request.placement.participant.reference,
                 answer_url=links.contact_url(request))


def contact_answered(request) -> None:
    """To the supervisor: the workpost answered."""
    placement = request.placement
    _to_supervisor(placement, supervisor_of(placement, request.sent_by_id),
                   lambda: _("%(name)s antwoordde op je aanvraag voor %(ref)s",
                             name=placement.workpost.name, ref=placement.participant.reference),
                   "contact_answered", request=request)


def concern_raised(concern) -> None:
    """To the supervisor, at once: the workpost signals a concern."""
    placement = concern.placement
    _to_supervisor(placement, supervisor_of(placement),
                   lambda: _("Signaal van %(name)s over %(ref)s",
                             name=placement.workpost.name, ref=placement.participant.reference),
                   "workpost_concern", concern=concern)


def _to_supervisor(placement, user, subject, template: str, **context) -> None:
    """A mail about a placement to its supervisor, in Dutch (as supervisors work); the
    subject is a callable so that it is written in that language."""
    if user is None:
        return
    with force_locale("nl"):
        message = mail.render(user.email, subject(), template, placement=placement, user=user,
                              placement_url=_placement_url(placement), **context)
    mail.queue(message)


def _placement_url(placement) -> str:
    return absolute(url_for("supervisor.placement", placement_id=placement.id))
