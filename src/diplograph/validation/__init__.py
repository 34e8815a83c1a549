"""SHACL validation engines and per-graph validation (see :mod:`diplograph.validation.graphs`)."""
