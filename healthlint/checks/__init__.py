"""The registry of check kinds: the Python that rule files configure (Vale's "extends").

A rule file names a kind in ``check:`` and sets its parameters; many rule files can share one kind.
The contract a kind implements is in :mod:`healthlint.checks.base`.

To add a kind: write ``healthlint/checks/<name>.py`` with a :class:`~healthlint.checks.base.Check`
subclass that sets ``kind`` and is decorated with :func:`register`. That is the only registration:
the first lookup imports every module of this package (all of them are needed as soon as the
shipped rule files are loaded), and each module's decorators fill the registry.

Each kind does one thing. Five kinds once switched between unrelated behaviours on a string
parameter; each behaviour is now a kind of its own, and :data:`RETIRED` maps the old form
(``check: trust`` with ``params: {signal: author}``) to the new kind, so rule files written for
the old kinds still load (:mod:`healthlint.rules` reads them; ``rules/README.md`` documents it).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .base import Check, Param

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


@dataclass(frozen=True)
class Retired:
    """A kind that picked one of several behaviours with a string parameter (``switch``), now one
    kind per behaviour (``kinds``: switch value -> kind). ``default`` is the value the switch took
    when a rule left it out (None: it had to be given)."""

    name: str
    switch: str
    default: str | None
    kinds: dict[str, str]

    def classes(self) -> list[type[Check]]:
        """The kinds it became, in the order of ``kinds`` (each once)."""
        out: list[type[Check]] = []
        for name in self.kinds.values():
            kind = get_kind(name)
            assert kind is not None, name
            if kind not in out:
                out.append(kind)
        return out

    def params(self) -> dict[str, Param]:
        """The parameters the old kind took: the switch, then every parameter of the kinds it
        became (their declarations, which keep the old defaults)."""
        from .base import _REQUIRED, Param

        out = {self.switch: Param(str, _REQUIRED if self.default is None else self.default, choices=tuple(self.kinds))}
        for kind in self.classes():
            for key, spec in kind.params.items():
                out.setdefault(key, spec)
        return out

    def fields(self) -> tuple[str, ...]:
        """The message fields the old kind offered: those of every kind it became."""
        return tuple(dict.fromkeys(f for kind in self.classes() for f in kind.fields))

    def scopes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for kind in self.classes() for s in kind.scopes))

    def kind_for(self, value: str, scope: str) -> type[Check]:
        """The kind a rule with ``switch: value`` on ``scope`` is now. On a scope where the old kind
        did not look at the switch (``keyphrase-stuffing`` on paragraphs), the kind that runs there."""
        kind = get_kind(self.kinds[value])
        assert kind is not None
        if scope not in kind.scopes:
            kind = next((k for k in self.classes() if scope in k.scopes), kind)
        return kind


# The one table of retired kind forms: old kind -> its switch parameter and the kind each value is
# now. A name may stay a kind of its own (keyphrase-stuffing, the summary); rule files naming it
# are still read in the old form, so its old parameters are accepted.
RETIRED: dict[str, Retired] = {r.name: r for r in (
    Retired("input", "event", None, {
        "unreadable": "input-unreadable", "decoding": "input-decoding", "front-matter": "input-front-matter",
        "nesting": "input-nesting", "unused-suppression": "input-unused-suppression",
        "invalid-suppression": "input-invalid-suppression", "rule-timeout": "input-rule-timeout"}),
    Retired("trust", "signal", None, {
        "author": "trust-author", "date": "trust-date", "references": "trust-references",
        "disclosure": "trust-disclosure", "harms": "trust-harms"}),
    Retired("seo", "check", None, {c: f"seo-{c}" for c in (
        "title-length", "description-missing", "description-length", "description-keyphrase", "single-h1",
        "heading-levels", "image-alt", "image-keyphrase", "outbound-links", "text-length", "keyphrase-slug",
        "keyphrase-length", "keyphrase-anchor", "passive-voice")}),
    Retired("focus-keyphrase", "check", None, {
        c: f"focus-keyphrase-{c}" for c in ("density", "title", "introduction", "subheadings")}),
    Retired("keyphrase-stuffing", "report", "summary", {
        "summary": "keyphrase-stuffing", "occurrences": "keyphrase-occurrences"}),
)}


def retired(name: str) -> Retired | None:
    """The retired kind form named ``name`` (a rule file's ``check:``), or None."""
    return RETIRED.get(name)


def retired_origin(kind: str) -> tuple[Retired, str] | None:
    """For a kind split out of a retired one: that one and the switch value that named it."""
    for old in RETIRED.values():
        for value, name in old.kinds.items():
            if name == kind:
                return old, value
    return None
