"""Kind ``doorway-page`` (HL207): town pages written from one template, found although each is
reworded; and what is not a doorway set — pages that share a title template, pages that share only
the site's boilerplate, pages of one site written apart, and word-for-word copies (HL206's).

Every page here is invented for the test."""

from __future__ import annotations

from kindtools import linter

from healthlint.checks.duplicate_page import place_record, read_place_record
from healthlint.parsers import parse_text


def _run(pages: dict[str, str], select=("HL206", "HL207")) -> dict[str, list]:
    items = [(name, text, "markdown") for name, text in pages.items()]
    report = linter(list(select)).lint_sources(items)
    return {fr.path: [f for f in fr.findings if f.rule in select] for fr in report.files}


# One template, three towns, each reworded the way spun pages are: words changed, sentences
# shortened or joined, the town put in every other sentence.
ASHGROVE = """# Hearing tests in Ashgrove

Looking for a hearing test in Ashgrove? Our audiologists in Ashgrove check how well you hear and explain the results the same day.

A full hearing test in Ashgrove takes about forty minutes. The audiologist looks into your ears, plays quiet tones through headphones and asks you to repeat words against background noise.

If the test shows hearing loss, we talk through hearing aids, ear wax removal or a referral to a specialist, and patients across Ashgrove can try a hearing aid at home for a month before buying.

Children, adults and older people are all welcome at our clinic in Ashgrove. Book a hearing test in Ashgrove today and hear your family clearly again.
"""

BELLMOOR = """# Hearing Test in Bellmoor - Book Online

Searching for a hearing test in Bellmoor? Our audiologists in Bellmoor check how well you can hear and explain your results on the same day.

A complete hearing test in Bellmoor takes around forty minutes. The audiologist looks into your ears, plays soft tones through headphones and asks you to repeat words over background noise.

When the test finds hearing loss, we go through hearing aids, ear wax removal or a referral to a specialist, and patients across Bellmoor may try a hearing aid at home for a month before they buy.

Kids, adults and older people are all welcome at our clinic in Bellmoor. Book your hearing test in Bellmoor now and hear your loved ones clearly again.
"""

CORRAN = """# Best Hearing Tests in Corran

Need a hearing test in Corran? The audiologists in Corran check how well you hear and go over the results the same day.

A full hearing test in Corran lasts about forty minutes: the audiologist looks into your ears, plays quiet tones through headphones and asks you to repeat words against background noise.

If the test shows hearing loss, we discuss hearing aids, ear wax removal or a referral to a specialist. Patients across Corran can try a hearing aid at home for a month before buying one.

Everyone from children to older people is welcome at our clinic in Corran. Book a hearing test in Corran today and hear your family clearly again.
"""


def test_hl207_finds_a_set_of_three_reworded_town_pages():
    found = _run({"ashgrove.md": ASHGROVE, "bellmoor.md": BELLMOOR, "corran.md": CORRAN})
    for page, town, others in (("ashgrove.md", "Ashgrove", ("bellmoor.md", "corran.md")),
                               ("bellmoor.md", "Bellmoor", ("ashgrove.md", "corran.md")),
                               ("corran.md", "Corran", ("ashgrove.md", "bellmoor.md"))):
        hl207 = [f for f in found[page] if f.rule == "HL207"]
        assert len(hl207) == 1, found[page]  # one page-level finding per page
        message = hl207[0].message
        assert "3 pages in the set" in message
        assert all(o in message for o in others)
        assert f"it names {town} where" in message
        assert all(t in message.split(" where ")[1] for t in {"Ashgrove", "Bellmoor", "Corran"} - {town})
    # Reworded, not copied: no page is the other published twice.
    assert not [f for fs in found.values() for f in fs if f.rule == "HL206"]


def test_hl207_two_pages_of_the_set_are_enough():
    found = _run({"ashgrove.md": ASHGROVE, "corran.md": CORRAN}, select=("HL207",))
    assert [f.rule for f in found["ashgrove.md"]] == ["HL207"]
    assert "2 pages in the set" in found["ashgrove.md"][0].message


# Same title template ("What is …?"), each naming its own place, on different subjects.
LYME = """# What is Lyme disease?

Lyme disease is an infection passed on by the bite of a tick that carries the bacterium. Most cases in Connecticut are caught between May and September, when young ticks feed.

A spreading red rash around the bite is the first sign in most people. Fever, tiredness and aching joints may follow within a month. Doctors in Connecticut treat it with a course of antibiotics, usually for two or three weeks.

Walkers in Connecticut can lower the risk by keeping to the middle of paths and checking their skin for ticks after a day outside. Farms in Connecticut put up signs where ticks are common.
"""

VALLEY_FEVER = """# What is valley fever?

Valley fever is a lung infection caught by breathing in the spores of a fungus that lives in dry soil. Dust storms in Arizona stir the spores into the air.

Many people have no symptoms at all; others feel as if they had the flu, with a cough, chest pain and night sweats that last weeks. Clinics in Arizona test for it with a blood sample when a cough does not clear.

Most people get better without treatment, but people with a weak immune system may need antifungal medicine for months. Builders in Arizona wear masks when they dig, and schools in Arizona keep children inside during dust storms.
"""


def test_hl207_same_title_template_on_different_subjects_is_no_set():
    found = _run({"lyme.md": LYME, "valley.md": VALLEY_FEVER})
    assert not any(found.values())


# Two pages of a practice with several branches: different subjects, the same footer with the
# branch's town in it — only site boilerplate is shared.
FOOTER = ("Our branch in {town} is open from eight to six on weekdays. Parking in {town} is free behind the "
          "library, buses stop near {town} station every ten minutes, and the team in {town} can arrange "
          "an interpreter if you ask when you book.")

ECZEMA = """# Eczema in babies

Eczema makes a baby's skin dry, red and itchy, most often on the cheeks and in the folds of the arms and legs. It usually starts in the first year and often fades by school age.

Bathing in lukewarm water, patting the skin dry and spreading a plain moisturiser over it twice a day keep most eczema under control. Soap, bubble bath and wool clothes tend to make it worse.

When the skin flares, a mild steroid cream for a few days calms it. Weeping or crusted patches may be infected and need to be seen the same day.

{footer}
"""

SPRAINS = """# Sprained ankles

An ankle sprain stretches or tears the ligaments on the outside of the ankle, usually when the foot rolls inwards on uneven ground or during sport.

For the first two days, rest the ankle, hold ice wrapped in a towel against it for twenty minutes every few hours and keep the foot raised on a cushion when you sit.

Most sprains heal in two to six weeks. Gentle circles and standing on one leg as soon as the pain allows bring back strength and balance, and make another sprain less likely.

If you cannot put any weight on the foot, or the bone itself is tender, an X-ray rules out a break.

{footer}
"""


def test_hl207_pages_sharing_only_site_boilerplate_are_no_set():
    same = FOOTER.format(town="Dunhallow")
    found = _run({"eczema.md": ECZEMA.format(footer=same), "sprains.md": SPRAINS.format(footer=same)})
    assert not any(f.rule == "HL207" for fs in found.values() for f in fs)
    # Even with each branch's own town in the footer: the footer swaps places, but the pages share
    # too little else to be one template.
    found = _run({"eczema.md": ECZEMA.format(footer=FOOTER.format(town="Dunhallow")),
                  "sprains.md": SPRAINS.format(footer=FOOTER.format(town="Eskbridge"))})
    assert not any(f.rule == "HL207" for fs in found.values() for f in fs)


# Two service pages of one site, written apart, that share the site's stock phrases with the town
# swapped ("patients in Ashgrove can book", "our team in Bellmoor is"): place swaps run through
# both pages, but the pages share too little of their wording to be one template.
DENTAL = """# Dental check-ups in Ashgrove

Patients in Ashgrove can book a check-up online. A dentist looks at each tooth and the gums, takes X-rays every two years and scales off hardened plaque.

Our team in Ashgrove is glad to see children from their first tooth: early visits get them used to the chair, and fluoride varnish twice a year protects their enamel.

Bleeding gums are the first sign of gum disease. Brushing along the gum line for two minutes twice a day and cleaning between the teeth each night usually stop it within weeks. Parking in Ashgrove is free for patients.

Opening hours in Ashgrove are eight to six, and emergency appointments for a broken tooth or a swollen face are kept free every morning.
"""

EYES = """# Eye tests in Bellmoor

Patients in Bellmoor can book an eye test by phone. An optometrist measures how sharply you see at each distance and photographs the back of the eye to look for glaucoma.

Our team in Bellmoor is trained to fit contact lenses, including lenses that slow short sight in growing children, and shows each wearer how to clean and store them.

Flashes of light, a curtain over part of your vision or a sudden shower of floaters can mean a detached retina, which needs the eye hospital the same day. Parking in Bellmoor is free for patients.

Opening hours in Bellmoor are nine to five; people who drive for a living should have their eyes tested every year.
"""


def test_hl207_pages_of_one_site_written_apart_are_no_set():
    found = _run({"dental.md": DENTAL, "eyes.md": EYES})
    assert not any(found.values())


def test_hl207_leaves_word_for_word_copies_to_hl206():
    found = _run({"a.md": ASHGROVE, "copy.md": ASHGROVE})
    assert [f.rule for f in found["a.md"]] == ["HL206"]
    assert [f.rule for f in found["copy.md"]] == ["HL206"]


def test_hl207_record_is_empty_without_a_place_named_four_times():
    page = parse_text("# Sleep\n\nMost adults need seven to nine hours of sleep. A study in Finland and one in "
                      "Japan found the same.\n", "s.md")
    assert place_record(page, 4, 4) == b""
    own, _, entries, shingles, words = read_place_record(place_record(parse_text(CORRAN, "c.md"), 4, 4), True)
    assert own == ["Corran"] and entries and shingles and words > 100


def test_a_config_that_tuned_the_old_paragraph_parameters_still_loads():
    from pathlib import Path

    from healthlint.config import from_mapping
    from healthlint.engine import Linter

    cfg = from_mapping({"rules": {"HL207": {"params": {"threshold": 0.8, "min_share": 0.6, "min_place_swaps": 5}}}},
                       None, None, Path.cwd())
    [active] = [a for a in Linter(cfg, select=["HL207"]).ruleset.active if a.rule.code == "HL207"]
    assert active.check.p["min_place_swaps"] == 5 and "threshold" not in active.check.p
