"""Issue 3: duplicated, restated and spliced text, within an article and across files.

Fixtures are written by the team, inline, so each test shows exactly what it feeds the linter.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from healthlint.config import Config, from_mapping
from healthlint.engine import Linter

from conftest import EXAMPLES
from helpers import lint




# --- 1. duplicates within an article ---------------------------------------------------------

PARA = "Gout causes sudden pain, redness and swelling in a joint, most often the big toe, and attacks often start at night."


def test_exact_duplicate_reported_on_later_copy_naming_first_line():
    text = f"# Gout\n\n{PARA}\n\nDrinking water and limiting alcohol can lower the chance of another attack.\n\n{PARA}\n"
    [f] = lint(text, ["HL201"])
    assert f.line == 7 and f.column == 1
    assert "line 3" in f.message and "100%" in f.message


def test_near_duplicate_with_small_edits():
    edited = PARA.replace("sudden", "abrupt").replace("redness", "reddening")
    text = f"# Gout\n\n{PARA}\n\nAn unrelated paragraph about diet and the foods that are high in purines.\n\n{edited}\n"
    [f] = lint(text, ["HL201"])
    assert f.line == 7 and "line 3" in f.message


def test_sentence_block_contained_in_earlier_paragraph():
    first = ("Ice packs wrapped in a thin towel ease the swelling of the joint. Raising the foot on a pillow "
             "above the heart helps too. Rest the joint until the attack passes, which is usually within a week.")
    later = ("Ice packs wrapped in a thin towel ease the swelling of the joint. Raising the foot on a pillow "
             "above the heart helps too.")
    text = f"# Gout\n\n{first}\n\n## At home\n\n{later}\n"
    [f] = lint(text, ["HL201"])
    assert f.line == 7


def test_distinct_and_parallel_paragraphs_are_not_duplicates():
    text = (
        "# Staging\n\n"
        "Treatment of stage II bladder cancer may include surgery to remove part of the bladder, followed by chemotherapy.\n\n"
        "Treatment of stage III bladder cancer may include surgery to remove part of the bladder, followed by chemotherapy.\n\n"
        "- Stage 0: abnormal cells are found in the lining of the upper part of the duct and may spread.\n"
        "- Stage 0: abnormal cells are found in the lining of the lower part of the duct and may spread.\n\n"
        "Surgery with or without chemotherapy is used when the tumour has spread to nearby lymph nodes.\n\n"
        "Surgery with chemotherapy is used when the tumour has spread to nearby lymph nodes.\n"
    )
    assert lint(text, ["HL201"]) == []


def test_a_repeat_in_the_answer_to_another_question_is_info_in_one_answer_a_warning():
    faq = f"# Gout\n\n## What is gout?\n\n{PARA}\n\n## Who gets gout?\n\n{PARA}\n"
    [f] = lint(faq, ["HL201"])
    assert (f.line, f.severity) == (9, "info")
    same = f"# Gout\n\n## What is gout?\n\n{PARA}\n\n### Symptoms\n\n{PARA}\n"
    [f] = lint(same, ["HL201"])
    assert (f.line, f.severity) == (9, "warning")


def test_allowed_duplicates_are_exempt():
    disclaimer = "This article is for general information and does not replace advice from your own doctor or nurse."
    text = f"# A\n\n{disclaimer}\n\nSome text about sleep and how much of it adults need each night.\n\n{disclaimer}\n"
    assert len(lint(text, ["HL201"])) == 1
    assert lint(text, ["HL201"], config={"allowed-duplicates": [disclaimer]}) == []


def test_title_repeated_as_first_line_or_first_heading():
    assert [f.line for f in lint("Ear infections in children\nEar infections in children\n\nMost ear infections clear up on their own.\n", ["HL202"], "text")] == [2]
    md = "# Ear infections in children\n\n## Ear Infections in Children\n\nMost ear infections clear up on their own.\n"
    assert [f.line for f in lint(md, ["HL202"])] == [3]
    ok = "# Ear infections in children\n\n## Symptoms\n\nMost ear infections clear up on their own.\n"
    assert lint(ok, ["HL202"]) == []


# --- 2. duplicates across files -----------------------------------------------------------------

SHARED = ("Our caring team offers same-day appointments, accepts most insurance plans, and will help you "
          "understand every option before you decide on treatment.")


def test_cross_file_duplicate_reported_in_both_files(tmp_path):
    (tmp_path / "austin.md").write_text(f"# Austin\n\nThe Austin office is on Lamar Boulevard near the river.\n\n{SHARED}\n")
    (tmp_path / "dallas.md").write_text(f"# Dallas\n\n{SHARED.replace('caring', 'friendly')}\n\nThe Dallas office has free parking.\n")
    (tmp_path / "other.md").write_text("# Other\n\nA different paragraph about office hours, staff training, and the way referrals are handled here.\n")
    report = Linter(Config(), select=["HL203"]).lint_paths([str(tmp_path)])
    by = {Path(f.path).name: f.findings for f in report.files}
    [a], [d] = by["austin.md"], by["dallas.md"]
    assert by["other.md"] == []
    assert (a.line, d.line) == (5, 3)
    assert "dallas.md:3" in a.message and "austin.md:5" in d.message


def test_a_copy_on_a_page_mostly_its_own_is_info_and_on_a_copied_page_a_warning(tmp_path):
    own = [f"Paragraph {w} of the Austin page describes its own topic in enough words to be compared with others, part {w}."
           for w in ("one", "two", "three", "four")]
    (tmp_path / "austin.md").write_text("# Austin\n\n" + "\n\n".join(own + [SHARED]) + "\n")
    (tmp_path / "dallas.md").write_text(f"# Dallas\n\n{SHARED}\n")
    report = Linter(Config(), select=["HL203"]).lint_paths([str(tmp_path)])
    by = {Path(f.path).name: f.findings for f in report.files}
    [a], [d] = by["austin.md"], by["dallas.md"]
    assert (a.severity, d.severity) == ("info", "warning")
    assert "20% of this page's paragraphs are copies" in a.message
    assert "100% of this page's paragraphs are copies" in d.message
    # The share is a parameter: at 0 every copy is a warning.
    cfg = from_mapping({"rules": {"HL203": {"params": {"page_copy_share": 0.0}}}}, None, None, tmp_path)
    report = Linter(cfg, select=["HL203"]).lint_paths([str(tmp_path)])
    assert {f.severity for fr in report.files for f in fr.findings} == {"warning"}


def test_cross_file_allowed_boilerplate(tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"# {name}\n\n{SHARED}\n")
    cfg = from_mapping({"allowed-duplicates": [SHARED]}, None, None, tmp_path)
    assert Linter(cfg, select=["HL203"]).lint_paths([str(tmp_path)]).findings == []
    assert len(Linter(Config(), select=["HL203"]).lint_paths([str(tmp_path)]).findings) == 2


# --- 3. mid-word splice ---------------------------------------------------------------------------

def test_mid_word_splice_found_with_both_pieces():
    text = ("Patients often describe noticeable relie Picture a future where clinics across the state offer "
            "the same care to everyone in the region. f within a day or two of the first visit.\n")
    [f] = lint(text, ["HL211"])
    assert "'relief'" in f.message and "'relie'" in f.message and "Picture a future" in f.message
    assert f.column == text.index("relie") + 1
    assert f.end_column == text.index(" within") + 1


def test_mid_word_splice_with_real_word_fragment():
    text = "The treat Many clinics in the city now open on weekends for families. ment plan is set by your doctor.\n"
    [f] = lint(text, ["HL211"])
    assert "'treatment'" in f.message


@pytest.mark.parametrize("text", [
    "Ask your doctor at Boston Medical Center about ketamine and esketamine before you start treatment.",
    "Patients take metformin Daily doses are set by the doctor and can change over time as needed.",
    "Some people feel relief. For others it takes a few weeks to notice a change in mood.",
])
def test_no_splice_in_ordinary_text(text):
    assert lint(text + "\n", ["HL211"]) == []


# --- 4. cut-off sentence ----------------------------------------------------------------------------

def test_cut_off_paragraph_before_heading():
    text = ("## Recovery\n\nThe time it takes to recover after a hip replacement can vary depending on the "
            "patient's condition and response\n\n## Costs\n\nMost plans pay part of the cost.\n")
    [f] = lint(text, ["HL212"])
    assert f.line == 3 and "condition and response" in f.message
    # A sentence with a series is still a sentence: its parts around the series are long.
    series = ("## Diet\n\nAfter surgery most people can eat soft foods such as yoghurt, soup, eggs, rice "
              "and mashed vegetables for the first few days while the wound heals\n\n## Costs\n\nPlans vary.\n")
    assert [f.line for f in lint(series, ["HL212"])] == [3]


@pytest.mark.parametrize("text", [
    "## Signs\n\nYou may be more likely to get kidney stones if you have\n\n- gout\n- a family history of stones\n",
    "## Contact\n\nCall our nurse line any weekday between nine and five on 555-0100\n",
    "## Read more\n\nFor more about treatment choices see [the national guideline on hip care](https://example.org/hip)\n",
    "## Risk\n\nGirls are more likely than boys to get a urinary tract infection in childhood.1,2\n",
    "Treatment Options for Adults With Stage II and Stage III Disease\n\nSurgery is the main treatment.\n",
    "## Symptoms\n\nSymptoms may include:\n\nPain in the jaw, neck, back, or chest\n\nCoughing and hoarseness that lasts\n",
    "## Hips\n\nHip pain is common.\n\nTags: hip replacement recovery, hip pain in older adults, physiotherapy after surgery, walking aids\n",
])
def test_not_cut_off(text):
    fmt = "text" if not text.startswith("#") and "##" not in text else "markdown"
    assert lint(text, ["HL212"], fmt) == []


# --- 5. second introduction ------------------------------------------------------------------------

def test_second_introduction_after_opening():
    text = ("# Knee pain\n\nKnee pain is common in runners.\n\n## Causes\n\nOveruse and injury are common causes. "
            "In this blog post, we'll delve into the best knee braces.\n")
    [f] = lint(text, ["HL213"])
    assert f.line == 7 and "In this blog post, we'll" in f.message


def test_two_introductions_in_opening():
    text = ("# Sleep\n\nWelcome to the Riverside clinic. We see adults.\n\nImagine a world where everyone sleeps "
            "well.\n\n## Tests\n\nA sleep study is simple.\n")
    [f] = lint(text, ["HL214"])
    assert "Imagine a world" in f.message and f.line == 5
    assert lint(text, ["HL213"]) == []


def test_two_hooks_in_one_opening_paragraph_are_one_introduction():
    text = ("# Gaps\n\nAre you tired of the gaps in your smile? Imagine a world where you smile freely. "
            "Bridges are one way to fill a gap.\n\n## Types\n\nThere are three types.\n")
    assert lint(text, ["HL214"]) == []


def test_single_introduction_is_fine():
    text = "# Sleep\n\nIn this article, we will explain what happens at a sleep study.\n\n## Tests\n\nA sleep study is simple.\n"
    assert lint(text, ["HL213", "HL214"]) == []


# --- 6. restated definitions -----------------------------------------------------------------------

def test_restated_definition_in_other_words():
    text = ("# Anxiety\n\nAnxiety is a common condition that affects millions of people.\n\n## Help\n\n"
            "Therapy helps.\n\nAnxiety disorders are one of the most widespread mental health problems.\n")
    [f] = lint(text, ["HL204"])
    assert f.line == 9 and "line 3" in f.message and f.severity == "info"


def test_different_subjects_are_not_restatements():
    text = ("# Asthma\n\nAsthma is a long-term condition of the airways.\n\n## Treatment\n\n"
            "An inhaler is a device that delivers medicine to the lungs.\n\nAsthma is a major cause of missed school days.\n")
    assert lint(text, ["HL204"]) == []


# --- the examples and the reference corpus ---------------------------------------------------------

def test_spammy_examples_light_up():
    report = Linter(Config(), select=["HL2"]).lint_paths([str(EXAMPLES / "spammy")])
    codes = {f.rule for f in report.findings}
    assert {"HL201", "HL204", "HL211", "HL212", "HL213"} <= codes


def test_reference_corpus_stays_quiet(corpus_dir):
    report = Linter(Config(), select=["HL2"]).lint_paths([str(corpus_dir)])
    count = {}
    for f in report.findings:
        count[f.rule] = count.get(f.rule, 0) + 1
    # Splices (3, 4, 5): the corpus has none; the 3 cut-off findings are real missing full stops.
    assert count.get("HL211", 0) + count.get("HL212", 0) + count.get("HL213", 0) + count.get("HL214", 0) <= 5
    assert count.get("HL202", 0) == 0
    # HL201: each finding on the corpus is a paragraph it really prints twice (see docs/quality.md).
    assert count.get("HL201", 0) <= 21
    assert count.get("HL204", 0) <= 12


# --- issue 14: site boilerplate is told from copies ------------------------------------------------

BOILER = "Talk with your doctor before you start any new treatment, because some treatments interact with medicines you already take."
COPY = "Our clinic in Austin offers ketamine infusions for depression, anxiety and chronic pain in a calm and private setting."


def test_boilerplate_on_many_pages_is_reported_once_not_per_page(tmp_path):
    from helpers import run_json

    for i in range(6):
        extra = f"\n\n{COPY}\n" if i < 2 else ""
        (tmp_path / f"p{i}.md").write_text(f"# Page {i}\n\nUnique words for page number {i} about topic {i}.\n\n{BOILER}\n{extra}", encoding="utf-8")
    _, data = run_json(str(tmp_path), "--select", "HL203,HL205")
    found = [(fr["path"].rsplit("/", 1)[-1], x["rule"], x["line"]) for fr in data["files"] for x in fr["findings"]]
    assert [x for x in found if x[1] == "HL205"] == [("p0.md", "HL205", 5)]
    # The copy between two pages is still HL203, on both; the boilerplate never is.
    assert sorted(x[0] for x in found if x[1] == "HL203") == ["p0.md", "p1.md"]


def test_a_page_published_twice_is_one_finding_per_page_not_one_per_paragraph(tmp_path):
    from helpers import run_json

    body = "\n\n".join([
        "Snoring is common and often harmless, but loud snoring with pauses in breathing can be a sign of sleep apnea.",
        "People with sleep apnea often wake up tired, with a dry mouth or a headache, even after a full night in bed.",
        "A doctor may ask about your sleep, weigh you, look at your throat and suggest a sleep study at home or in a clinic.",
        "Losing weight, sleeping on your side and avoiding alcohol in the evening can make the breathing pauses less frequent.",
        "A machine that blows air through a mask at night keeps the airway open and is the most common treatment for adults.",
    ])
    (tmp_path / "a.md").write_text("# Sleep\n\n" + body + "\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Sleep, again\n\n" + body + "\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Other\n\nA different page about knees, stairs and the exercises a physiotherapist may suggest.\n", encoding="utf-8")
    _, data = run_json(str(tmp_path), "--select", "HL203,HL206")
    found = sorted((fr["path"].rsplit("/", 1)[-1], x["rule"]) for fr in data["files"] for x in fr["findings"])
    assert found == [("a.md", "HL206"), ("b.md", "HL206")]


def test_outside_a_repository_or_with_folders_there_is_no_context(tmp_path):
    from healthlint.config import Config
    from healthlint.repo import context_files

    (tmp_path / "a.md").write_text("# A\n\nText.\n", encoding="utf-8")
    assert context_files([str(tmp_path / "a.md")], Config()) == []
    assert context_files([str(tmp_path)], Config()) == []
