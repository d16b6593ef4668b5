"""A deterministic synthetic corpus of health articles for benchmarks (written by us, seeded RNG)."""

from __future__ import annotations

import random
from pathlib import Path

TOPICS = ["sleep", "asthma", "back pain", "diabetes", "migraine", "anxiety", "eczema", "gout", "acne", "anemia"]
SENTENCES = [
    "Many people with {t} find that small daily habits make a real difference.",
    "Your doctor can explain which tests are useful and what the results mean.",
    "Keep a short diary of symptoms, meals and sleep for two weeks before your visit.",
    "Some treatments work quickly, while others take several weeks to show an effect.",
    "Ask about side effects, and about what to do if a dose is missed.",
    "Regular activity, such as a brisk walk on most days, supports overall health.",
    "Family members can help by learning the warning signs and when to call for help.",
    "If symptoms change suddenly or get much worse, seek medical care the same day.",
    "Bring a list of every medicine and supplement you take to each appointment.",
    "Nurses and pharmacists are good sources of practical advice about {t}.",
    "Research on {t} continues, and advice may change as new evidence appears.",
    "Write down your questions before the appointment so you do not forget them.",
    "Living with {t} can be tiring, and it is normal to need support.",
    "Local support groups let people share what has worked for them.",
    "Avoid starting or stopping a medicine without talking to your care team first.",
]
HEADINGS = ["What is {t}?", "Common signs", "Getting a diagnosis", "Treatment choices", "Everyday tips", "When to get help"]


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
        para = " ".join(rng.choice(SENTENCES).format(t=topic) for _ in range(rng.randint(3, 5)))
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
