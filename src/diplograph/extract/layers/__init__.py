"""The extractor's components: each adds one layer to an annotated :class:`~.doc.Doc`."""
