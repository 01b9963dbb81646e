"""Exceptions a caller can tell apart; all are ValueErrors, so bad input stays bad input."""


class GeoError(ValueError):
    pass


class UnknownPostcode(GeoError):
    pass


class OutsideBelgium(GeoError):
    pass


class InvalidCoordinates(GeoError):
    pass
