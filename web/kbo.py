"""Belgian enterprise numbers (KBO/BCE): normalise and check the mod-97 check digits."""
import re

from flask_babel import lazy_gettext as _l


class InvalidEnterpriseNumber(ValueError):
    pass


def normalise(raw: str) -> str:
    """'BE 0403.520.196' -> '0403520196'; raises InvalidEnterpriseNumber with a plain reason."""
    text = (raw or "").strip().upper()
    if text.startswith("BE"):
        text = text[2:]
    digits = re.sub(r"[\s.\-/]", "", text)
    if digits and not digits.isdigit():
        raise InvalidEnterpriseNumber(_l("Een ondernemingsnummer bestaat enkel uit cijfers."))
    if len(digits) == 9:
        digits = "0" + digits  # older numbers were written without the leading zero
    if len(digits) != 10:
        raise InvalidEnterpriseNumber(_l("Een ondernemingsnummer heeft 10 cijfers."))
    if digits[0] not in "01":
        raise InvalidEnterpriseNumber(_l("Een ondernemingsnummer begint met 0 of 1."))
    if 97 - int(digits[:8]) % 97 != int(digits[8:]):
        raise InvalidEnterpriseNumber(_l("Dit ondernemingsnummer bestaat niet: de controlecijfers kloppen niet."))
    return digits


def is_valid(raw: str) -> bool:
    try:
        normalise(raw)
    except InvalidEnterpriseNumber:
        return False
    return True


def display(digits: str) -> str:
    """'0403520196' -> '0403.520.196'"""
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
