"""diplograph: diplomatic news as a validated, queryable, publishable RDF knowledge graph."""

from importlib.metadata import PackageNotFoundError, version

from diplograph.dataset import Dataset  # the Python API: diplograph.Dataset.open(...)

__all__ = ["Dataset", "__version__"]

try:
    # The installed package's version: the ontology's owl:versionInfo (hatch_build.py).
    __version__ = version("diplograph")
except PackageNotFoundError:  # run from a source tree that is not installed
    __version__ = "0+unknown"
