"""Baselines: adopt healthlint on a site with thousands of old articles.

``--write-baseline FILE`` records the current findings; ``--baseline FILE`` then reports only
findings that are not in it. Findings are matched by path, rule and fingerprint — a hash of the
rule and the text the finding points at, numbered among identical texts — never by line, so
inserting or deleting lines elsewhere does not bring old findings back, while a new claim, even
one identical to an old claim in another file, is new.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import PurePath
from typing import Any

from .findings import score
from .yamlutil import ConfigError

VERSION = 1


def _key(path: str, rule: str, fingerprint: str) -> tuple[str, str, str]:
    return (PurePath(path).as_posix(), rule, fingerprint)


def dumps(report: Any) -> str:
    entries = [
        {"path": PurePath(fr.path).as_posix(), "rule": f.rule, "fingerprint": f.fingerprint, "line": f.line}
        for fr in report.files for f in fr.findings
    ]
    return json.dumps({"version": VERSION, "tool": "healthlint", "findings": entries}, indent=1) + "\n"


def load(path: str) -> Counter:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as e:
        raise ConfigError(path, f"cannot read baseline: {e.strerror or e}") from None
    except ValueError as e:
        raise ConfigError(path, f"baseline is not valid JSON: {e}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise ConfigError(path, "not a healthlint baseline (expected version 1 with a findings list)")
    keys: Counter = Counter()
    for i, e in enumerate(data["findings"]):
        if not isinstance(e, dict) or not all(isinstance(e.get(k), str) for k in ("path", "rule", "fingerprint")):
            raise ConfigError(path, f"entry {i} needs path, rule and fingerprint")
        keys[_key(e["path"], e["rule"], e["fingerprint"])] += 1
    return keys


def apply(report: Any, known: Counter) -> int:
    """Drop findings recorded in the baseline; return how many were dropped."""
    dropped = 0
    remaining = Counter(known)

    def drop_known(fr: Any) -> None:
        nonlocal dropped
        kept = []
        for f in fr.findings:
            k = _key(fr.path, f.rule, f.fingerprint)
            if remaining[k] > 0:
                remaining[k] -= 1
                dropped += 1
            else:
                kept.append(f)
        if len(kept) != len(fr.findings):
            fr.findings = kept
            fr.score = score(kept, fr.words)

    from .store import rewrite_each

    rewrite_each(report.files, drop_known)
    return dropped
