"""The claim layer: where a statement says a cited agreement was reached, the claim that it
was reached at the meeting a curated article says it was."""

from __future__ import annotations

import re

from diplograph.extract.layers.doc import Doc, Keys, local, local_iri, unique
from diplograph.extract.model import Claim, Interaction
from diplograph.extract.text import normalize, span

# The text says an agreement was reached: in its own words ("the consensus reached by the two
# heads of state") or right after them ("the agreement they signed in 2021").
_REACHED = re.compile(r"\b(?:reached|set|agreed|adopted|signed|concluded|struck)\b")
_REACHED_AFTER = re.compile(
    r"\s*(?:(?:that|which)\s+(?:was|were)\s+)?(?:reached|set|agreed|adopted|signed|concluded)\b"
    r"[^,;.]*"
)


class Claims:
    """Adds the claims (``doc.extraction.claims``) and the known meetings they name."""

    def __call__(self, doc: Doc) -> None:
        """Where a statement says a cited agreement was reached ("the consensus reached by the
        two heads of state"), the claim that it was reached at the meeting a curated article says
        it was (re-reported, cited, not coded); the meeting is marked inferred unless the text
        names its place ("... in Bali"). Nothing when the text does not say it was reached."""
        text = doc.text
        known: dict[str, Interaction] = {}
        said: set[tuple[str, int, int]] = set()
        keys = Keys(s.key for s in doc.extraction.statements)
        for statement in doc.extraction.statements:
            for cited, mention in zip(statement.cites, statement.cited_at, strict=True):
                event = doc.registry.events.get(cited.iri)
                if event is None or (cited.iri, mention.start, mention.end) in said:
                    continue
                end = mention.end
                if not _REACHED.search(mention.text):
                    after = _REACHED_AFTER.match(text, mention.end)
                    if after is None:
                        continue
                    end = after.end()
                said.add((cited.iri, mention.start, mention.end))
                evidence = span(text, mention.start, end)
                place = doc.registry.actors.get(event.place or "")
                named = place is not None and normalize(place.label) in normalize(evidence.text)
                interaction = known.get(event.iri)
                if interaction is None:
                    interaction = Interaction(
                        event.iri,
                        event.kind,
                        [doc.registry.actors[p] for p in event.participants],
                        [evidence],
                        place=place,
                        known=event.iri,
                        label=event.label,
                    )
                    known[event.iri] = interaction
                    doc.extraction.interactions.append(interaction)
                elif evidence not in interaction.evidence:
                    interaction.evidence.append(evidence)
                key = unique(f"claim-{local(cited)}-reached-at-{local_iri(event.iri)}", keys)
                doc.extraction.claims.append(
                    Claim(key, statement, cited, "reachedAt", interaction, [evidence], not named)
                )
