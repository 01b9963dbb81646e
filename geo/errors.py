"""Exceptions a caller can tell apart; all are ValueErrors, so bad input stays bad input.
Messages start with the name of the field at fault ("postcode: ..."), which the matcher and
the forms pass on."""


class GeoError(ValueError):
    """Base of every error geo raises on purpose."""


class UnknownPostcode(GeoError):
    """Malformed (not four digits) or not a Belgian postcode."""


class OutsideBelgium(GeoError):
    """Coordinates that are valid but not in Belgium (or not valid at all)."""


class InvalidCoordinates(GeoError):
    """A latitude outside [-90, 90] or a longitude outside [-180, 180]."""
