"""Suggestions where people type: activity codes read from their own words, offered to the
person who wrote them, who confirms. Nothing is added without that click.

Server-rendered, after the form was saved, so it works without a script and with any
screen reader: the participant's page lists "Je schreef ‘dieren’: Dierenverzorging
toevoegen?" with a button for each; the button adds that one code (and logs it).
"""
from dataclasses import dataclass

from flask_babel import gettext

from matcher import codes, words
from web.labels import label


@dataclass(frozen=True)
class Suggestion:
    code: str
    label: str
    words: tuple[str, ...]

    @property
    def question(self) -> str:
        return gettext("Je schreef %(words)s: %(label)s toevoegen?",
                       words=", ".join(f"‘{w}’" for w in self.words), label=self.label)


def suggestions(text: str, chosen=()) -> list[Suggestion]:
    """Activities the words point to that are not chosen (or avoided) yet, strongest first."""
    return [Suggestion(cue.code, label(codes.ACTIVITY_LABELS, cue.code), cue.words)
            for cue in words.suggest(text or "", known=chosen)]
