"""healthlint's readability figures are textstat's: the fast syllable total must not change them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from healthlint.readability import flesch
from healthlint.syllables import textstat

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "reputable"
SAMPLES = [
    "The cat sat on the mat. It was happy.",
    "Hypertension, or high blood pressure, rarely causes symptoms; it's found by measuring it.",
    "Don't stop taking antihypertensive medication without talking to your pharmacist first!",
    "Zzyzx qwrtp brrr... Xylophones? Rhythm-and-blues — naïve café résumé 12.5 mg/dL",
    "One.\nTwo words.\n\nA third sentence with several polysyllabic terminologies.",
]


def reference(text: str) -> dict[str, float]:
    ts = textstat()
    return {"flesch_reading_ease": ts.flesch_reading_ease(text), "flesch_kincaid_grade": ts.flesch_kincaid_grade(text)}


def test_same_figures_as_textstat_on_written_samples():
    for text in SAMPLES:
        ours, theirs = flesch(text), reference(text)
        assert ours.keys() == theirs.keys()
        for k in ours:
            assert abs(ours[k] - theirs[k]) < 1e-9, (text, k, ours[k], theirs[k])


def test_same_figures_as_textstat_on_reference_articles():
    files = sorted(CORPUS.glob("*.txt"))[::10]
    if not files:
        pytest.skip(f"the reference corpus is not at {CORPUS}")
    for f in files:
        text = f.read_text(encoding="utf-8")
        ours, theirs = flesch(text), reference(text)
        for k in ours:
            assert abs(ours[k] - theirs[k]) < 1e-9, (f.name, k)


@given(st.lists(st.one_of(st.sampled_from(["sleep", "apnea", "isn't", "Hyper-tension", "the", "a.", "x", "?", "—", "naïve", "12", "café's"]),
                          st.text(min_size=1, max_size=10)), min_size=1, max_size=40).map(" ".join))
def test_same_figures_as_textstat_on_random_text(text):
    ours, theirs = flesch(text), reference(text)
    for k in ours:
        assert abs(ours[k] - theirs[k]) < 1e-9, (text, k, ours[k], theirs[k])


def _their_count_sentences(text: str) -> int:
    textstat()
    from textstat.backend.counts._count_sentences import count_sentences as theirs

    return theirs(text)


SENTENCE_PIECES = ["Sleep", "apnea", "isn't", "don't", "'tis", "it's'", "'", "''", "-", "—", "a.", "b!", "?!", "...", "x",
                   "12", "3.5", "_", "__", "naïve", "café's", "rock'n'roll", "O'Neil", "\u00a0", "\t", "\n", "\u2003",
                   "\x1c", "٣", "²", "Ⅳ", "e.g.", "Dr.", "'re", "'ve", "'ll", "'d", "'S", "(", ")", ":", ";", "·"]


@given(st.lists(st.one_of(st.sampled_from(SENTENCE_PIECES), st.text(max_size=6)), max_size=60).map(
    lambda parts: "".join(p + (" " if i % 4 else "") for i, p in enumerate(parts))))
def test_sentence_count_equals_textstat(text):
    from healthlint.readability import count_sentences

    assert count_sentences(text) == _their_count_sentences(text)


def test_sentence_count_equals_textstat_on_written_samples():
    from healthlint.readability import count_sentences

    cases = SAMPLES + ["Yes. No. Maybe so.", "Ok! Sure thing? It's fine, they'll say.", "- . — ! a b c.", ""]
    assert [count_sentences(t) for t in cases] == [_their_count_sentences(t) for t in cases]
    assert count_sentences("Yes. No. Maybe so. Three words here. And four words here.") == 2  # three are too short
