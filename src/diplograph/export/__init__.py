"""Tidy tables, their codebook and the network of who met whom, for analysts' tools.

- ``tables.py``: the export tables, each a stored query of ``queries/export/`` whose header
  declares its columns' names, types and descriptions; typed rows;
- ``network.py``: nodes and edges of the network of who met whom, GraphML and GEXF;
- ``keys.py``: each table's primary key and its foreign keys into the other tables;
- ``package.py``: the Frictionless Tabular Data Package (``datapackage.json``): schemas, keys,
  the dataset's licence, creator and sources, the CSV files' sizes and hashes;
- ``write.py``: ``diplograph export``: CSV or Parquet with ``codebook.md`` and
  ``datapackage.json``, or the network, written atomically;
- ``command.py``: the click command.

The Python API over the same tables is :class:`diplograph.dataset.Dataset`.
"""
