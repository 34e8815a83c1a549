"""Tidy tables, their codebook and the network of who met whom, for analysts' tools.

- ``tables.py``: the export tables, each a stored query of ``queries/export/`` whose header
  declares its columns' names, types and descriptions; typed rows;
- ``network.py``: nodes and edges of the network of who met whom, GraphML and GEXF;
- ``write.py``: ``diplograph export``: CSV or Parquet with ``codebook.md`` and a Frictionless
  ``datapackage.json``, or the network, written atomically;
- ``command.py``: the click command.

The Python API over the same tables is :class:`diplograph.dataset.Dataset`.
"""
