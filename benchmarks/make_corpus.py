"""A synthetic corpus of diplomatic readouts, in the corpus format of data/corpus/README.md.

Readouts of calls, meetings, trips and joint statements, with demands and commitments, written from
templates with seeded random counterparts (a name, a state, a post), dates and places, so the
extractor does real work on every article. The same seed gives the same bytes.

    python benchmarks/make_corpus.py --articles 10000 --seed 1 -o /tmp/corpus-10k.jsonl

>>> first = next(articles(1, seed=7))
>>> sorted(first), first == next(articles(1, seed=7))
(['creator', 'id', 'published', 'publisher', 'text', 'title', 'url'], True)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

# (state, demonym, capital) -- every one known to the extractor's gazetteer
STATES = [
    ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"),
    ("United Kingdom", "British", "London"),
    ("Italy", "Italian", "Rome"),
    ("Japan", "Japanese", "Tokyo"),
    ("South Korea", "South Korean", "Seoul"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Jordan", "Jordanian", "Amman"),
    ("Qatar", "Qatari", "Doha"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("Sweden", "Swedish", "Stockholm"),
    ("India", "Indian", "New Delhi"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Estonia", "Estonian", ""),
    ("Brazil", "Brazilian", ""),
    ("Canada", "Canadian", ""),
    ("Greece", "Greek", ""),
    ("Finland", "Finnish", ""),
    ("Ghana", "Ghanaian", ""),
]
TITLES = ["Foreign Minister", "Prime Minister", "President", "Defense Minister"]
US_OFFICIALS = [
    ("Secretary of State Antony J. Blinken", "Secretary Blinken", "The Secretary"),
    (
        "Deputy Secretary of State Wendy R. Sherman",
        "Deputy Secretary Sherman",
        "The Deputy Secretary",
    ),
]
GIVEN = [
    "Anna",
    "Lukas",
    "Marie",
    "Jonas",
    "Elena",
    "Paolo",
    "Yuki",
    "Kenji",
    "Min-jun",
    "Ji-woo",
    "Ahmed",
    "Layla",
    "Omar",
    "Fatima",
    "Olena",
    "Taras",
    "Ingrid",
    "Erik",
    "Priya",
    "Rahul",
    "Siti",
    "Budi",
    "Kadri",
    "Joao",
    "Ana",
    "Claire",
    "Eleni",
    "Nikos",
    "Kwame",
    "Ama",
]
FAMILY = [
    "Keller",
    "Moreau",
    "Hughes",
    "Bianchi",
    "Tanaka",
    "Park",
    "Hassan",
    "Mansour",
    "Al-Khalifa",
    "Kovalenko",
    "Lindqvist",
    "Sharma",
    "Wibowo",
    "Tamm",
    "Silva",
    "Tremblay",
    "Papadakis",
    "Virtanen",
    "Mensah",
    "Okafor",
    "Brandt",
    "Laurent",
    "Fischer",
    "Romano",
    "Sato",
    "Lee",
    "Nasser",
    "Shevchenko",
    "Berg",
    "Mehta",
]
TOPICS = [
    "Russia's unprovoked war against Ukraine",
    "the climate crisis and the transition to clean energy",
    "regional security and stability",
    "efforts to end the COVID-19 pandemic",
    "humanitarian assistance for the people of Gaza",
    "economic cooperation and supply chains",
    "the situation in Afghanistan",
    "food security and the global food crisis",
]
DEMANDS = [
    "release all political prisoners",
    "respect the sovereignty and territorial integrity of its neighbors",
    "allow unhindered humanitarian access",
    "stop the violence against peaceful protesters",
    "hold free and fair elections",
]
COMMITMENTS = [
    "deepening the strategic partnership",
    "working together to address the climate crisis",
    "supporting a rules-based international order",
    "expanding trade and investment ties",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
START = dt.date(2021, 1, 4)


def _counterpart(rng: random.Random) -> tuple[str, str, str, str, str]:
    """(state, demonym, capital, title, full name) of a seeded foreign official."""
    state, demonym, capital = rng.choice(STATES)
    return state, demonym, capital, rng.choice(TITLES), f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _readout(rng: random.Random) -> tuple[str, str]:
    """(title, text) of one readout."""
    full, short, role = rng.choice(US_OFFICIALS)
    state, demonym, capital, title, name = _counterpart(rng)
    surname = name.split()[-1]
    kind = rng.choice(["call", "meeting", "trip", "joint"])
    topic, other = rng.sample(TOPICS, 2)
    if kind == "call":
        headline = f"{short}'s Call with {demonym} {title} {surname}"
        opening = f"{full} spoke today with {demonym} {title} {name}."
    elif kind == "meeting":
        where = f" in {capital}" if capital else ""
        headline = f"{short}'s Meeting with {demonym} {title} {surname}"
        opening = f"{full} met today{where} with {demonym} {title} {name}."
    elif kind == "trip":
        day = rng.choice(WEEKDAYS)
        where = capital or state
        headline = f"{short}'s Travel to {where}"
        opening = (
            f"{full} traveled to {where} on {day}, where {role.lower()} met with "
            f"{demonym} {title} {name}."
        )
    else:
        headline = f"Joint Statement of the United States and {state}"
        opening = (
            f"{full} and {demonym} {title} {name} met today and issued a joint statement "
            f"on {topic}."
        )
    sentences = [
        opening,
        f"{short} and {title} {surname} discussed {topic} and {other}.",
    ]
    if rng.random() < 0.6:
        sentences.append(f"{role} urged {state} to {rng.choice(DEMANDS)}.")
    if rng.random() < 0.6:
        sentences.append(
            f"{role} reaffirmed the U.S. commitment to {rng.choice(COMMITMENTS)} with {state}."
        )
    if rng.random() < 0.5:
        sentences.append(
            f"{title} {surname} said that {state} remains committed to {rng.choice(COMMITMENTS)}."
        )
    if rng.random() < 0.4:
        sentences.append(f"{role} also underscored the importance of {rng.choice(TOPICS)}.")
    spokesperson = (
        "Office of the Spokesperson\n\nThe below is attributable to Spokesperson Ned Price:"
    )
    return headline, spokesperson + "\n\n" + " ".join(sentences)


def articles(count: int, seed: int) -> Iterator[dict[str, str]]:
    """``count`` corpus rows, the same for the same seed."""
    rng = random.Random(seed)
    for number in range(count):
        published = START + dt.timedelta(days=rng.randrange(4 * 365))
        title, text = _readout(rng)
        identifier = f"synthetic-{seed}-{number:06d}"
        yield {
            "id": identifier,
            "title": title,
            "url": f"https://example.org/readouts/{identifier}/",
            "published": published.isoformat(),
            "publisher": "U.S. Department of State",
            "creator": "Office of the Spokesperson",
            "text": text,
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .jsonl to write")
    options = parser.parse_args(argv)
    if options.articles < 0:
        parser.error("--articles must be 0 or more")
    temporary = options.output.with_name(f".{options.output.name}.part")
    with temporary.open("w", encoding="utf-8") as stream:
        for row in articles(options.articles, options.seed):
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")
    temporary.replace(options.output)
    print(f"{options.articles} articles written to {options.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
