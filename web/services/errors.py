"""The one base of every refusal a service makes.

A service raises a ServiceError (or a subclass named after its area) when a rule refuses an
action: `code` names the rule (the interface picks its sentence, in the request's language,
in web/refusals.py), `field` is the form field it belongs next to (None: the whole form),
`others` are further refusals found by the same check (so every error shows at once), and
`message` is an optional plain detail for logs. The edge turns it into a form error or an
API 4xx in one place: web/refusals.py.
"""


class ServiceError(Exception):
    def __init__(self, code: str, field: str | None = None, others: tuple = (), *,
                 message: str | None = None):
        super().__init__(message or code)
        self.code = code
        self.field = field
        self.others = tuple(others)
        self.message = message or code

    @property
    def all(self) -> tuple["ServiceError", ...]:
        return (self, *self.others)
