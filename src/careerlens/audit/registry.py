"""Which models are audited, and which of their fields are left out or masked."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditOptions:
    exclude: tuple[str, ...] = ()
    masked: tuple[str, ...] = ()


_registry: dict[type, AuditOptions] = {}


def audited(exclude: tuple[str, ...] = (), masked: tuple[str, ...] = ()):
    """Class decorator: record every create, update and delete of this model.

    ``exclude`` fields are not recorded at all; ``masked`` fields are recorded only as "changed".
    """

    def register(model):
        _registry[model] = AuditOptions(exclude=tuple(exclude), masked=tuple(masked))
        return model

    return register


def options_for(model) -> AuditOptions | None:
    for klass in model.__mro__:
        if klass in _registry:
            return _registry[klass]
    return None


def audited_models() -> list[type]:
    return list(_registry)
