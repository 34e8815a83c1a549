"""Linked-data publishing: resource descriptions, HTML pages, the static site and its metadata.

``describe`` gives the description of one resource as triples and its RDF serialisations,
``html`` the pages, ``void`` the VoID / DCAT / SPARQL service descriptions, ``rewrite`` the
Apache and w3id.org rewrite rules, and ``site`` puts them together (``diplograph publish``);
:mod:`diplograph.serve` serves the same documents live.
"""
