"""diplograph: diplomatic news as a validated, queryable, publishable RDF knowledge graph."""

__version__ = "0.1.0"
