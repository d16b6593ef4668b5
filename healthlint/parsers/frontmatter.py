"""YAML front matter (``---`` … ``---`` at the top of a Markdown file) into :class:`Metadata`."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Any

from ..document import Metadata

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

# Front-matter keys (lower-cased) that carry each metadata field; first match wins.
FIELDS = {
    "title": ("title", "seo_title", "headline"),
    "description": ("description", "meta_description", "summary", "excerpt"),
    "author": ("author", "authors", "byline", "reviewed_by", "medically_reviewed_by"),
    "date": ("date", "published", "publishdate", "date_published", "pubdate"),
    "modified": ("updated", "lastmod", "modified", "date_modified", "last_updated", "reviewed"),
    "keyphrase": ("keyphrase", "focus_keyphrase", "focus_keyword", "keyword"),
    "slug": ("slug", "permalink", "url"),
    "canonical": ("canonical", "canonical_url", "canonicalurl"),
    "page_type": ("type", "page_type", "pagetype"),
}
# Keys that name the page's featured image: a path, or a mapping with src/url/image and alt.
IMAGE_KEYS = ("image", "featured_image", "cover", "thumbnail")


@dataclass
class FrontMatter:
    text: str  # the YAML between the fences
    start: int  # offset of the YAML text in the file
    end: int  # offset just past the closing fence


def split_front_matter(text: str) -> FrontMatter | None:
    m = _FENCE.match(text)
    if not m:
        return None
    return FrontMatter(m.group(1) or "", m.start(1) if m.group(1) else m.end(), m.end())


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        items = [_as_text(v) for v in value]
        return ", ".join(i for i in items if i) or None
    if isinstance(value, dict):
        name = value.get("name") or value.get("title")
        return _as_text(name)
    text = str(value).strip()
    return text or None


def apply_front_matter(fm: FrontMatter, meta: Metadata, notes: list[str]) -> None:
    import yaml

    from ..yamlutil import YamlValueError, safe_load

    try:
        data = safe_load(fm.text)[0] if fm.text.strip() else {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        notes.append(f"front matter is not valid YAML{where}; it was ignored")
        return
    except YamlValueError as e:
        # A value Python cannot build (a 5,000-digit number, 30 February, an alias bomb): the front
        # matter is ignored and reported; the article's text is still linted.
        where = f" (line {e.line + 1})" if e.line else ""
        notes.append(f"front matter could not be read{where}: {e}; it was ignored")
        return
    if not isinstance(data, dict):
        notes.append("front matter is not a YAML mapping; it was ignored")
        return
    lowered = {str(k).lower(): v for k, v in data.items()}
    for field, keys in FIELDS.items():
        for key in keys:
            if key in lowered and _as_text(lowered[key]):
                setattr(meta, field, _as_text(lowered[key]))
                m = re.search(rf"^{re.escape(key)}\s*:", fm.text, re.I | re.M)
                if m:
                    meta.positions[field] = fm.start + m.start()
                break
    meta.extra = {str(k): v for k, v in data.items()}


def front_matter_images(fm: FrontMatter, meta: Metadata) -> list:
    """The featured image the front matter declares, as :class:`Image` (``where="head"``)."""
    from ..document import Image

    lowered = {str(k).lower(): v for k, v in meta.extra.items()}
    for key in IMAGE_KEYS:
        value = lowered.get(key)
        alt = _as_text(lowered.get(f"{key}_alt") or lowered.get("image_alt"))
        if isinstance(value, dict):
            alt = _as_text(value.get("alt")) or alt
            value = value.get("src") or value.get("url") or value.get("image")
        src = _as_text(value)
        if not src:
            continue
        m = re.search(rf"^{re.escape(key)}\s*:", fm.text, re.I | re.M)
        at = fm.start + (m.start() if m else 0)
        return [Image(src, alt, at, at + len(key), "head")]
    return []
