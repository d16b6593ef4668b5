"""A deterministic synthetic corpus of health articles for benchmarks (written by us, seeded RNG).

Sentences come from templates whose slots are filled from word lists, so an article reads like
ordinary patient information (headings every ~150 words, paragraphs of 3-5 sentences, a few
repeated topic words) without repeating whole sentences the way no real article does.
"""

from __future__ import annotations

import random
from pathlib import Path

TOPICS = ["sleep", "asthma", "back pain", "diabetes", "migraine", "anxiety", "eczema", "gout", "acne", "anemia",
          "arthritis", "heartburn", "psoriasis", "shingles", "tinnitus", "vertigo", "glaucoma", "allergies"]
NOUNS = """appointment blood test diary symptom medicine dose routine habit exercise walk meal snack breakfast
water coffee tea alcohol smoking weight stress worry mood energy pain swelling rash itch cough fever
nurse pharmacist doctor therapist specialist family friend partner neighbour colleague school office
bedroom pillow mattress window light screen phone noise schedule weekend evening morning afternoon
plan goal record question answer leaflet website clinic hospital test result scan referral follow-up
inhaler cream tablet capsule patch spray drop injection vaccine check-up review visit support group""".split()
ADJECTIVES = """small regular gentle short long simple careful quiet busy calm warm cool dry fresh steady
new old common rare mild severe sudden slow quick early late daily weekly useful helpful clear""".split()
VERBS = """helps eases reduces improves changes affects supports protects worsens triggers explains shows
records measures tracks lowers raises calms""".split()
TEMPLATES = [
    "Many people with {t} find that a {a} {n} {v} their {n2}.",
    "Your {n} can explain how a {a} {n2} {v} {t}.",
    "Keep a {a} {n} of your {n2} for two weeks before the {n3}.",
    "Some people notice that {a} {n} {v} the {n2}, while others do not.",
    "Ask your {n} whether a {a} {n2} is right for you.",
    "A {a} {n} in the {n2} often {v} how {t} feels.",
    "If the {n} gets {a} or the {n2} changes, talk to your {n3} the same day.",
    "Bring your {n} and a list of each {n2} to the {n3}.",
    "Research on {t} and the {n} continues, so advice may change.",
    "It is normal to need {a} {n} when living with {t}.",
    "Try a {a} {n} after the {n2}, and note whether it {v} your {n3}.",
    "Your {n} may suggest a {n2} or a {n3}, depending on how {a} the symptoms are.",
]
HEADINGS = ["What is {t}?", "Common signs", "Getting a diagnosis", "Treatment choices", "Everyday tips", "When to get help"]


def sentence(rng: random.Random, topic: str) -> str:
    t = rng.choice(TEMPLATES)
    return t.format(t=topic, a=rng.choice(ADJECTIVES), n=rng.choice(NOUNS), n2=rng.choice(NOUNS),
                    n3=rng.choice(NOUNS), v=rng.choice(VERBS))


def article(i: int, words: int = 900, shared: list[str] | None = None) -> str:
    rng = random.Random(i)
    topic = TOPICS[i % len(TOPICS)]
    out = [f"# {topic.capitalize()}: a guide, part {i}", ""]
    count = 0
    section = 0
    while count < words:
        if count // 150 >= section and section < len(HEADINGS):
            out += [f"## {HEADINGS[section].format(t=topic)}", ""]
            section += 1
        para = " ".join(sentence(rng, topic) for _ in range(rng.randint(3, 5)))
        out += [para, ""]
        count += len(para.split())
    for p in shared or []:
        out += [p, ""]
    return "\n".join(out)


def write_corpus(folder: Path, n: int, words: int = 900) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"article-{i:06d}.md"
        p.write_text(article(i, words), encoding="utf-8")
        paths.append(p)
    return paths
