"""Who is acting, and the one place that decides what they may write."""
from dataclasses import dataclass

from core import texts


class AccessDenied(Exception):
    """The acting user may not do this."""


class WeekLocked(Exception):
    """Reporting for this event is locked."""


class ValidationFailed(Exception):
    """Input rejected; `errors` maps a field name to a Vietnamese message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class NeedsConfirmation(ValidationFailed):
    """Input that is valid but unusual (a line identical to a saved one, a unit with nothing
    counted): saved only when the caller repeats the call with the named confirmation.
    `errors` maps the confirmation's name to the Vietnamese question."""


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: str  # unit | committee | admin | system
    unit_id: int | None = None
    # The organiser whose file this actor signed in to (issue 24); None in a
    # single-organiser installation and for the command line.
    organiser: str | None = None

    @classmethod
    def system(cls, name: str = "manage.py") -> "Actor":
        """The command line acts as the system: it runs with the server's own rights."""
        return cls(None, name, "system")


def require_role(actor: Actor, *roles: str) -> None:
    if actor.role != "system" and actor.role not in roles:
        raise AccessDenied(texts.ACCESS_DENIED)


def require_unit_access(actor: Actor, unit_id: int) -> None:
    """A unit user writes only its own unit's rows; committee and system write any."""
    if actor.role in ("committee", "system"):
        return
    if actor.role == "unit" and actor.unit_id == unit_id:
        return
    raise AccessDenied(texts.ACCESS_DENIED_OTHER_UNIT)
