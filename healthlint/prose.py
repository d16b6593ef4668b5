"""An article's prose as the readability formulas read it: blocks' text joined, each block a
sentence. Used by :attr:`healthlint.document.Document.prose` and by the per-section figures of
:mod:`healthlint.readability`; a module of its own so that neither imports the other for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Block


def prose_of(blocks: list[Block]) -> str:
    """Blocks' text joined for the readability formulas: each block ends a sentence (a list item or
    caption is a unit of reading of its own)."""
    parts = []
    for b in blocks:
        t = b.text.strip()
        if t and t[-1] not in ".!?:;…":
            t += "."
        parts.append(t)
    return "\n".join(parts)
