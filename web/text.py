"""Control characters in text people type: the rule shared by forms, the API and services.

Single-line text (names, codes, addresses) may hold none; multi-line text keeps line breaks
(as \\n) and tabs only.
"""
import re

# C0 and C1 control characters and DEL, plus the bidirectional overrides and isolates that
# make text read differently from what is stored.
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# The same without tab (\x09) and line feed (\x0a).
_CONTROL_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def has_control(text: str) -> bool:
    return bool(_ANY_CONTROL.search(text))


def multiline(text):
    """Multi-line text with only line breaks (\\n) and tabs left as control characters."""
    if not isinstance(text, str):
        return text
    return _CONTROL_BUT_LINES.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """Text for a place that holds one line (a mail header): every run of control
    characters and line breaks becomes one space."""
    return " ".join(_ANY_CONTROL.sub(" ", text or "").split())
