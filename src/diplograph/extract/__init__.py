"""Extraction: raw diplomatic article text in, graphs of the curated seed's model out.

The pipeline (:mod:`diplograph.extract.pipeline`) reads articles (:mod:`.corpus`), splits them into
sentences with code-point offsets (:mod:`.text`), finds mentions of actors with a
:class:`~diplograph.extract.mentions.MentionFinder` (rule-based today, replaceable by a statistical
model), resolves them to one IRI per real actor (:mod:`.actors`), finds interactions
(:mod:`.interactions`) and statements (:mod:`.statements`), and emits RDF (:mod:`.graph`).
"""
