"""``diplograph serve``: the published site live, with content negotiation and a SPARQL endpoint
nobody can abuse (see ``docs/security.md``).

The dataset's namespace is mapped onto the server's root (``https://w3id.org/diplograph/id/x``
is served at ``/id/x``); resource paths answer ``303 See Other`` with the document in the
negotiated format, rendered by :class:`diplograph.publish.site.Site`.

Modules: :mod:`~diplograph.serve.app` (routes, request checks), :mod:`~diplograph.serve.live`
(the dataset as it is now, cached pages), :mod:`~diplograph.serve.pool` (query workers, queue),
:mod:`~diplograph.serve.clients` (per-client limits, 429),
:mod:`~diplograph.serve.worker` (one worker process), :mod:`~diplograph.serve.head` (a query's
form and dataset clause), :mod:`~diplograph.serve.sandbox` (no sockets, a memory limit),
:mod:`~diplograph.serve.run` (the port, uvicorn, slow clients).
"""

from diplograph.serve.app import Settings, application
from diplograph.serve.run import serve
from diplograph.serve.worker import Source

__all__ = ["Settings", "Source", "application", "serve"]
