"""``diplograph ingest``: one pipeline from a JSONL corpus to a served graph.

The corpus is read as a stream (:mod:`.reading`); each article is extracted on its own against the
actor registry and validated (:mod:`.work`), in parallel on local processes or a Dask cluster
(:mod:`.engines`); conforming article graphs go into an embedded Oxigraph store or a SPARQL 1.1
server (:mod:`.targets`), the new actors of every loaded article merged into
``graph:extracted-actors`` (:mod:`.actors`). A ledger beside the graphs (:mod:`.ledger`) keys each
article by a content hash of its fields and of the pipeline's version, so a rerun skips unchanged
articles and replaces changed ones (:mod:`.pipeline`). docs/scaling.md describes it.
"""
