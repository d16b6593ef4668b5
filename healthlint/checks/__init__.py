"""The registry of check kinds: the Python that rule files configure (Vale's "extends").

A rule file names a kind in ``check:`` and sets its parameters; many rule files can share one kind.
The contract a kind implements is in :mod:`healthlint.checks.base`.

To add a kind: write ``healthlint/checks/<name>.py`` with a :class:`~healthlint.checks.base.Check`
subclass that sets ``kind`` and is decorated with :func:`register`. That is the only registration:
the first lookup imports every module of this package (all of them are needed as soon as the
shipped rule files are loaded), and each module's decorators fill the registry.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Check

_REGISTRY: dict[str, type[Check]] = {}
_LOADED = [False]


def register(cls: type[Check]) -> type[Check]:
    """Class decorator: make ``cls`` the kind named ``cls.kind``."""
    if _REGISTRY.get(cls.kind, cls) is not cls:
        raise ValueError(f"two check kinds are named {cls.kind!r}: {_REGISTRY[cls.kind].__qualname__} and {cls.__qualname__}")
    _REGISTRY[cls.kind] = cls
    return cls


def _load() -> None:
    if not _LOADED[0]:
        import pkgutil

        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
        _LOADED[0] = True


def get_kind(name: str) -> type[Check] | None:
    """The kind named ``name`` (as a rule file's ``check:`` writes it), or None."""
    _load()
    return _REGISTRY.get(name)


def kind_names() -> list[str]:
    """Every kind's name, sorted."""
    _load()
    return sorted(_REGISTRY)
