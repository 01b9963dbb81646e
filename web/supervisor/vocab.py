"""The matcher's vocabulary (matcher.codes) as choices and labels in the current language."""
from matcher import codes
from web.labels import label


def _codes():
    return codes


def activities() -> list[tuple[str, str]]:
    c = _codes()
    return [(code, label(c.ACTIVITY_LABELS, code)) for code in c.ACTIVITIES]


def supports() -> list[tuple[str, str]]:
    c = _codes()
    return [(code, label(c.SUPPORT_LABELS, code)) for code in c.SUPPORTS]


def support_explanations() -> dict[str, str]:
    c = _codes()
    explain = getattr(c, "SUPPORT_EXPLAIN", {})
    return {code: (text if isinstance(text, str) else label(explain, code))
            for code, text in explain.items()}


def modes() -> list[tuple[str, str]]:
    c = _codes()
    return [(code, label(c.MODE_LABELS, code)) for code in c.MODES]


def slots() -> list[tuple[str, str]]:
    c = _codes()
    return [(code, label(c.SLOT_LABELS, code)) for code in c.SLOTS]


def labels() -> dict[str, dict]:
    """Every code list's labels, for templates: label(vocab.activity, code)."""
    c = _codes()
    return {"activity": c.ACTIVITY_LABELS, "support": c.SUPPORT_LABELS,
            "mode": c.MODE_LABELS, "slot": c.SLOT_LABELS}
