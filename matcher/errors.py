"""The one exception callers catch: bad input, with the field at fault."""


class MatcherError(ValueError):
    """Bad input to the matcher. `field` is a dotted path such as `travel.modes[1]`; the
    message starts with it, so one line tells a user what to fix."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.reason = message

    def within(self, prefix: str) -> "MatcherError":
        """The same error one level up: `travel.modes[1]` becomes `participant.travel.modes[1]`."""
        field = f"{prefix}.{self.field}" if self.field and not self.field.startswith("[") \
            else f"{prefix}{self.field}"
        return type(self)(field, self.reason)
