"""Issue 13: claims on real marketing pages. Every sentence and page here is written by the team.

Covers: the page-level promotion signal (third-person marketing), claim families (structure, not
spelling), the new kinds of claim (outcome statistics, absolute outcome promises, crowd evidence,
named but uncited studies, consensus, cure claims), and what stays quiet (hedged, negated, sourced,
instructional sentences)."""

from __future__ import annotations

import pytest

from healthlint.checks.claim import expand_families
from healthlint.parsers import parse_text
from healthlint.promo import is_promotional, promotion_signals

from helpers import lint

# A clinic page that never says "we": praise, a place, sales vocabulary, a selling heading.
THIRD_PERSON = """# Lakeside Dental Studio in Springfield

Lakeside Dental Studio brings the best dentists in Springfield to your street, with state-of-the-art
equipment and a highly experienced team.

## Benefits of veneers

Veneers give you a radiant smile. Patients enjoy renewed confidence and a flawless, natural-looking
finish that blends in seamlessly.
"""

NEUTRAL = """# Veneers

Veneers are thin shells bonded to the front of teeth. They can chip, and they may need replacing
after ten to fifteen years. Ask your dentist whether they suit your teeth.
"""


def doc(text: str):
    return parse_text(text, "a.md")


def test_third_person_marketing_is_promotional():
    d = doc(THIRD_PERSON)
    assert {"praise", "polish", "local", "pitch", "aspiration"} <= promotion_signals(d)
    assert is_promotional(d)


def test_neutral_page_is_not_promotional():
    assert not is_promotional(doc(NEUTRAL))


def test_one_signal_alone_is_not_promotional():
    d = doc("# Exercise\n\nThe best treatment for mild back pain is often to keep moving.\n")
    assert promotion_signals(d) == {"praise"} or not is_promotional(d)
    assert not is_promotional(d)


def test_a_government_helpline_is_not_promotion():
    d = doc("# Flu\n\nFor help, call 800-555-0199. The best doctors for flu are your own family doctors.\n")
    assert not is_promotional(d)


def test_a_title_that_places_the_page_in_a_town():
    spine = ("## Spinal Manipulation in the Brookvale Area\n\nSpinal manipulation moves a joint of the spine "
             "with a quick push. A highly experienced chiropractor explains each step first.\n")
    assert {"local-title", "polish"} <= promotion_signals(doc(spine))
    assert is_promotional(doc(spine))
    # The title alone is one signal, not a verdict.
    plain = "# Spinal Manipulation in Brookvale\n\nSpinal manipulation moves a joint of the spine with a quick push.\n"
    assert promotion_signals(doc(plain)) == {"local-title"} and not is_promotional(doc(plain))


@pytest.mark.parametrize("title", ["Heart Disease in Women", "Kidney Disease in Children", "Flu Clinics in March"])
def test_a_group_or_a_month_in_a_title_is_no_town(title):
    text = f"# {title}\n\nIt affects women and children differently, and most cases are seen in winter.\n"
    assert "local-title" not in promotion_signals(doc(text))


def test_sales_vocabulary_alone_can_make_a_page_promotional():
    copy = ("# Smile makeovers\n\nA transformative, seamless journey to a radiant smile: flawless results, "
            "renewed confidence and stunning aesthetics for everyone.\n")
    assert is_promotional(doc(copy))


def test_families_expand_placeholders_and_leave_counts_alone():
    out = expand_families([r"\b{agent}\s+(?:\w+\s+){0,3}?{verb}\b"], {"agent": ["it", "this"], "verb": ["heals?"]})
    assert out == [r"\b(?:it|this)\s+(?:\w+\s+){0,3}?(?:heals?)\b"]


@pytest.mark.parametrize("sentence, rule", [
    ("Laser therapy regrows thinning hair in most clients.", "HL408"),
    ("This herbal formula flushes toxins from the liver.", "HL408"),
    ("This root extract cures psoriasis.", "HL411"),
    ("Our figures show patients heal faster here.", "HL404"),
    ("The clinic reports a 97% success rate for knee surgery.", "HL409"),
    ("Eight in ten patients improve within a month.", "HL409"),
    ("Laser hair removal gives permanent results.", "HL410"),
    ("Root canal treatment is always the best option for a damaged tooth.", "HL410"),
    ("Countless patients have found lasting relief at the clinic.", "HL406"),
    ("The clinic has gathered hundreds of successful patient stories.", "HL406"),
    ("Research at a well-known medical school showed that the tea lowers blood sugar.", "HL404"),
    ("One study at a large university found the device relieves knee pain.", "HL404"),
    ("Specialists agree that the brace helps back pain.", "HL404"),
    ("Our surgeons ensure successful outcomes for every patient.", "HL410"),
    ("The new plan achieves your desired results.", "HL410"),
    ("Whitening gives you the smile of your dreams.", "HL405"),
    ("These aligners will transform your life.", "HL405"),
])
def test_claim_on_any_page(sentence, rule):
    found = [f.rule for f in lint(f"# Notes\n\n{sentence}\n", ["HL4"])]
    assert rule in found, (sentence, found)


@pytest.mark.parametrize("sentence, rule", [
    ("Veneers restore your smile and boost your confidence.", "HL408"),
    ("Root canal treatment at the studio is painless.", "HL410"),
    ("Many patients have seen visible results after two visits.", "HL406"),
    ("Lakeside is one of the best dental studios in the county.", "HL412"),
    ("Veneers are the perfect solution for chipped teeth.", "HL412"),
    ("The studio offers world-class implant care.", "HL412"),
    ("Implants function just like natural teeth.", "HL408"),
    ("Patients enjoy faster recovery and less bleeding after laser gum care.", "HL408"),
    ("Laser whitening has revolutionized cosmetic dentistry.", "HL405"),
    ("Laser dentistry is safe for children.", "HL402"),
    ("With modern sedation, discomfort during the procedure is eliminated.", "HL410"),
    ("A root canal is designed to eliminate pain, not cause it.", "HL410"),
    ("Unlike dentures, bridges require no special care.", "HL410"),
    ("Northgate Hospital, the best hospital in the district, opened in 1990.", "HL412"),
    ("These clinics have proven their excellence.", "HL412"),
    ("These studios are the top choices for implants in the county.", "HL412"),
])
def test_claim_only_on_a_promotional_page(sentence, rule):
    assert rule in [f.rule for f in lint(THIRD_PERSON + "\n" + sentence + "\n", ["HL4"])]
    assert rule not in [f.rule for f in lint(NEUTRAL + "\n" + sentence + "\n", ["HL4"])]


@pytest.mark.parametrize("sentence", [
    "Laser therapy may help some people with thinning hair.",           # hedged: info at most
    "There is no cure for psoriasis, but treatment can clear the skin.",  # negated
    "The herbal formula has not been shown to flush toxins.",           # negated
    "An ultrasound is a simple, painless test.",                        # describes a test
    "About 1 in 10 adults has a thyroid problem.",                      # prevalence, not outcome
    "About 25 percent of people who recover later have symptoms again.",  # describes, no promise
    "Ask your doctor whether this treatment relieves your kind of pain.",  # instruction, condition
    "Side effects include redness and, rarely, scarring.",
    "The best treatment for back pain depends on its cause.",
    "Recovery after keyhole surgery is usually faster than after open surgery (Lee et al., 2022).",
    "Are veneers suitable for everyone?",                                # a question asserts nothing
    "Can this herbal formula flush toxins from the liver?",
    "Follow-up visits are needed to ensure the best results.",          # a purpose, not a promise
    "These visits are crucial for achieving optimal results.",
    "In some cases, medication may be used to reduce or eliminate pain.",
])
def test_quiet_on_hedged_negated_and_instructional_text(sentence):
    found = [f for f in lint(f"# Notes\n\n{sentence}\n", ["HL4"]) if f.severity != "info"]
    assert found == [], (sentence, [(f.rule, f.message) for f in found])


def test_a_source_answers_a_benefit_claim():
    cited = "This herbal formula flushes toxins from the liver (Ortiz et al., 2021).\n"
    assert [f for f in lint("# Notes\n\n" + cited, ["HL408"])] == []


def test_families_are_rule_data_users_extend_in_config():
    text = "# Notes\n\nThis tonic unclogs arteries.\n"
    assert lint(text, ["HL408"]) == []
    config = {"rules": {"HL408": {"params": {"families": {"strong": ["unclogs?"]}}}}}
    # One family overridden; the others (the agents: "this") are kept.
    assert [f.rule for f in lint(text, ["HL408"], config=config)] == ["HL408"]


# Session 6: claim structures found missing on spam-dev, written here as our own sentences.
@pytest.mark.parametrize("sentence, rule", [
    ("Acupressure is useful for a wide range of conditions, including migraine and asthma.", "HL401"),
    ("Massage therapists work on the back to relieve a multitude of health conditions.", "HL401"),
    ("The method focuses on treating the cause rather than the symptoms.", "HL401"),
    ("A cleanse can heal your entire body from the inside.", "HL410"),
    ("Your transplanted hair is permanent and can be styled freely.", "HL410"),
])
def test_new_claim_structures_on_any_page(sentence, rule):
    found = [f.rule for f in lint(f"# Notes\n\n{sentence}\n", ["HL4"])]
    assert rule in found, (sentence, found)


@pytest.mark.parametrize("sentence, rule", [
    ("Spinal adjustments can dramatically reduce chronic back pain.", "HL408"),
    ("The brace eases the strain on the knee, reducing pain considerably.", "HL408"),
    ("A brighter smile can positively impact your social life.", "HL408"),
    ("Skilled surgeons restore both function and confidence.", "HL408"),
    ("Implants not only replace a tooth but also preserve the jawbone.", "HL408"),
    ("Aligners also contribute to improved gum health.", "HL408"),
    ("Bridges help stimulate the bone under a missing tooth.", "HL408"),
    ("Veneers provide a natural-looking and seamless smile.", "HL408"),
    ("The new hair grows for the rest of your life.", "HL410"),
    ("If you are looking for a painless way to straighten teeth, aligners are for you.", "HL410"),
    ("Patients have praised the skill of the team and the results of treatment.", "HL406"),
    ("Dr. Rao has helped many patients regain their smiles.", "HL406"),
    ("With the right clinic you can get the best treatment in town.", "HL412"),
    ("Laser dentistry has transformed the dental landscape.", "HL405"),
    ("Experts recommend a scale and polish every six months.", "HL404"),
    ("Try this effective treatment option for sensitive teeth.", "HL401"),
])
def test_new_claim_structures_on_a_promotional_page(sentence, rule):
    assert rule in [f.rule for f in lint(THIRD_PERSON + "\n" + sentence + "\n", ["HL4"])]
    assert rule not in [f.rule for f in lint(NEUTRAL + "\n" + sentence + "\n", ["HL4"])]


@pytest.mark.parametrize("sentence", [
    "Cleaning is relatively painless, though sensitive gums may feel sore.",   # qualified description
    "Surgeons carefully repair the torn ligament during the operation.",       # describes a procedure
    "The nurse will alleviate these problems, improve your comfort and explain each step.",  # "these" is not a treatment
    "Hospitals ensure that basic services are available to everyone.",       # not a health benefit
    "If you are unsure whether the treatment is safe and effective, ask your dentist.",  # a real condition
    "Dental veneers guide, smile makeover cost, transformative veneers, veneer care tips",  # keyword field
])
def test_new_structures_stay_quiet(sentence):
    found = [f for f in lint(THIRD_PERSON + "\n" + sentence + "\n", ["HL4"])
             if f.line > THIRD_PERSON.count("\n")]
    assert found == [], (sentence, [(f.rule, f.message) for f in found])


def test_a_hedged_claim_says_why_it_is_reported_at_info():
    text = "# Tonic\n\nThis herbal formula flushes toxins from the liver, and it may be taken with food.\n"
    [f] = lint(text, ["HL408"])
    assert f.severity == "info" and f.message.endswith("(the sentence also says 'may')")
    [f] = lint(text.replace(", and it may be taken with food", ""), ["HL408"])
    assert f.severity == "warning" and "also says" not in f.message


def test_an_outcome_that_depends_on_the_patients_care_is_hedged():
    # "lasts a lifetime" counts on a page that sells: our clinic's voice and a call to book.
    ad = "# Implants\n\n{} Our clinic offers implants; book a consultation today.\n"
    sure = ad.format("Dental implants last a lifetime and look like natural teeth.")
    cared = ad.format("With proper care, dental implants last a lifetime and look like natural teeth.")
    assert [f.severity for f in lint(sure, ["HL410"])] == ["warning"]
    [f] = lint(cared, ["HL410"])
    assert f.severity == "info" and "'With proper care'" in f.message


# --- claims in other words (2026-12-01): each a structure, not one spelling ------------------------

PLAIN_PAGE_CLAIMS = [
    ("These gummies cure eczema in a week.", "HL411"),                        # a plural product
    ("Our protocol has cured hundreds of cases of fibromyalgia.", "HL411"),   # a cure already done
    ("The cleanse eradicates candida from the gut.", "HL411"),               # a synonym of cure
    ("Data show that this tea reverses fatty liver disease.", "HL404"),       # unnamed evidence, strong promise
    ("Our laser is far more effective than surgery for varicose veins.", "HL412"),  # the business's voice
    ("Harbor Spine Clinic is the best clinic in the county for back pain.", "HL412"),  # a provider ranked
    ("Most of our clients report that their migraines have stopped.", "HL406"),
    ("Marathon runners swear by this balm for sore knees.", "HL406"),
    ("Eight out of ten users reported firmer skin after a month.", "HL409"),
    ("The lift never fails, whatever your age.", "HL410"),
    ("The results of the procedure are permanent.", "HL410"),
    ("Feel better in as little as three days.", "HL407"),
    ("Say goodbye to back pain for good.", "HL405"),                        # an idiom of the promise
    ("Made from plants, this tonic cannot harm you.", "HL403"),
    ("Our fillers have never caused a single complication.", "HL403"),
    ("Thousands of women have already beaten their insomnia with it.", "HL406"),
    ("With the laser the spots are gone for good.", "HL410"),
    ("Our herbal balm is safe.", "HL402"),                                  # the business's voice
    ("Voted the best osteopath in Kestrelford three years running.", "HL412"),
    ("Unlike other clinics, we treat the whole person.", "HL412"),
    ("Shoppers rave about it, and customers rave about the results.", "HL406"),
    ("Enjoy lasting freedom from knee pain.", "HL410"),
    ("This powder cures almost everything.", "HL411"),
    ("Replace your statins with our natural formula.", "HL401"),
]

PROMOTIONAL_PAGE_CLAIMS = [
    ("You can take the drops without any risk.", "HL403"),
    ("The tablets cause no adverse reactions.", "HL403"),
    ("Researchers at a famous university have shown that the spray boosts immunity.", "HL404"),
    ("According to a recent study, the patch lowers cravings.", "HL404"),
    ("In 2021 a trial found that the cream reduces scarring.", "HL404"),
    ("The device outperforms every other brace on the market.", "HL412"),
    ("Athletes everywhere rely on the gel to recover faster.", "HL406"),
    ("Our satisfaction rate currently stands at 98 percent.", "HL409"),
    ("Every patient is a suitable candidate for the treatment.", "HL410"),
    ("Gum disease can be reversed with our programme.", "HL411"),
    ("You will notice whiter teeth within two days.", "HL407"),
    ("The wrap cuts cellulite by up to 60 percent.", "HL409"),
    ("Patients lose up to 8 kg in their first month.", "HL409"),
    ("The procedure is safe and quick.", "HL402"),
    ("The patch cuts hot flushes in half.", "HL409"),
    ("Your cholesterol drops by 25 percent in a month.", "HL409"),
    ("The spray clears a blocked nose overnight.", "HL407"),
    ("Our gel works faster than any painkiller.", "HL412"),
    ("The serum is far superior to fillers.", "HL412"),
    ("Whatever your age, the programme will work for you.", "HL410"),
    ("One session stops snoring forever.", "HL410"),
    ("Back pain is reversed by these capsules.", "HL411"),
    ("I threw away my reading glasses after a month of the eye drills.", "HL406"),
    ("After the first week of the plan, the brain fog simply lifts.", "HL408"),   # the outcome as subject
]

NOT_CLAIMS = [
    "Nobody can promise a permanent result from a cosmetic procedure.",
    "Tattoo removal is rarely painless, and several sessions are usually needed.",
    "Prevention is better than cure, so book a check-up every year.",
    "Experts agree that women in early pregnancy should avoid this medicine because of harm to the fetus.",
    "Studies show that people who walk daily have lower blood pressure (Lee et al., 2023).",
    "Most cases of the infection can be cured with a short course of antibiotics.",
    "Ask your doctor whether the treatment is right for you.",
    "The cream may help some people with mild eczema.",
    "There is no cure for the condition, but its symptoms can be managed.",
    # Text that warns about claims quotes them without making them.
    "Treat claims of a 95% success rate with caution.",
    "Be wary of sellers who promise a cure for arthritis.",
    "Reviews from happy patients are not evidence that a treatment works.",
    "A painless swelling in the neck should be checked by a doctor.",
    "Surgery is safe when a trained surgeon does it, and you can ask about the risks.",
    "Do not stop taking your medicines without talking to your doctor.",
    "Bleach kills germs on kitchen surfaces when used as the label directs.",
    "The patch worked better than the gum in one 2019 trial of 600 smokers (Ng et al., 2019).",
]


def test_limited_evidence_and_usual_outcomes_are_reported_softly():
    for sentence in ("There is limited evidence that the cream reduces scarring in adults.",
                     "Our cream usually reduces redness in adults.",
                     "The soreness usually goes away in a day or two."):
        found = lint(PROMO_TOP.format(sentence), ["HL4"])
        assert all(f.severity == "info" for f in found if f.line == 5)

PROMO_TOP = "# Brookvale Skin Clinic\n\nOur clinic offers same-day appointments; book a consultation today.\n\n{}\n"


@pytest.mark.parametrize("sentence, rule", PLAIN_PAGE_CLAIMS)
def test_claims_in_other_words_on_any_page(sentence, rule):
    assert rule in {f.rule for f in lint(f"# Notes\n\n{sentence}\n", ["HL4"])}


@pytest.mark.parametrize("sentence, rule", PROMOTIONAL_PAGE_CLAIMS)
def test_claims_in_other_words_on_a_page_that_sells(sentence, rule):
    assert rule in {f.rule for f in lint(PROMO_TOP.format(sentence), ["HL4"]) if f.line == 5}


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_warnings_negations_sources_and_advice_are_not_claims(sentence):
    for page in (f"# Notes\n\n{sentence}\n", PROMO_TOP.format(sentence)):
        assert [f for f in lint(page, ["HL4"]) if f.line == page.count("\n") - 0 and f.severity != "info"] == []


def test_a_sentence_in_the_business_voice_carries_the_page_cues():
    # On a page with no other sign of promotion, "our" makes the sentence the business's own claim.
    assert {f.rule for f in lint("# Notes\n\nOur veneers give you a flawless smile.\n", ["HL4"])} >= {"HL410"}
    assert lint("# Notes\n\nVeneers give some people a smile they like better.\n", ["HL4"]) == []
