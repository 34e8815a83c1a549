"""``diplograph serve``: bind the port (a busy or invalid one is a one-line error, exit 2), then run
uvicorn with timeouts for slow clients until Ctrl-C or SIGTERM.

uvicorn by itself waits forever for a request's headers (its keep-alive timer runs only between
requests, and any byte received resets it), so one connection sending a byte now and then stays
open for good. :func:`protocol` adds two deadlines per connection: the headers of each request
within ``header_timeout``, and the whole exchange (body, query, response read by the client)
within ``request_timeout``; past either the connection is closed.

uvicorn also rewrites the client's address from ``X-Forwarded-For`` by default, for requests
from ``127.0.0.1`` (or ``$FORWARDED_ALLOW_IPS``); the per-client limits depend on that address,
so here it reads the header only from the proxies the operator names (``trusted_proxies``:
addresses or networks), and from nobody by default.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from diplograph.errors import DiplographError
from diplograph.reconcile_routes import routes as reconcile_routes
from diplograph.search_routes import routes as search_routes
from diplograph.serve.app import Settings, application


def protocol(header_timeout: float, request_timeout: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a deadline for headers and one for each whole request."""

    class Deadlines(H11Protocol):
        deadline: asyncio.TimerHandle | None = None
        started: object = None

        def _arm(self, seconds: float) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
            self.deadline = self.loop.call_later(seconds, self._expire)

        def _expire(self) -> None:
            if not self.transport.is_closing():
                self.transport.close()  # the application sees a disconnect; its query is ended

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm(header_timeout)

        def handle_events(self) -> None:
            super().handle_events()
            if self.cycle is not None and self.cycle is not self.started:
                self.started = self.cycle  # headers complete: now the whole exchange's deadline
                self._arm(request_timeout)

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm(header_timeout)  # the next request on this connection

        def connection_lost(self, exc: Exception | None) -> None:
            if self.deadline is not None:
                self.deadline.cancel()
            super().connection_lost(exc)

    return Deadlines


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``; :class:`DiplographError` when it cannot be had."""
    if not 0 <= port <= 65535:
        raise DiplographError(f"--port {port}: not a port number (0 to 65535)")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as error:
        raise DiplographError(f"--host {host}: {error.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as error:
        sock.close()
        raise DiplographError(f"{host}:{port}: {error.strerror}") from None
    sock.set_inheritable(True)
    return sock


def proxies(given: tuple[str, ...]) -> tuple[str, ...]:
    """The ``--trust-proxy`` values as networks; :class:`DiplographError` names one that is not
    an IP address or network (uvicorn would take it as a host name and never match it).

    >>> proxies(("10.0.0.1", "192.0.2.0/24", "::1"))
    ('10.0.0.1/32', '192.0.2.0/24', '::1/128')
    >>> proxies(("proxy.local",))
    Traceback (most recent call last):
    diplograph.errors.DiplographError: --trust-proxy 'proxy.local': not an IP address or network
    """
    networks = []
    for value in given:
        try:
            networks.append(str(ipaddress.ip_network(value.strip(), strict=False)))
        except ValueError:
            raise DiplographError(
                f"--trust-proxy {value!r}: not an IP address or network"
            ) from None
    return tuple(networks)


def serve(
    settings: Settings,
    host: str,
    port: int,
    header_timeout: float = 10.0,
    trusted_proxies: tuple[str, ...] = (),
) -> None:
    """Serve the dataset with uvicorn until interrupted (Ctrl-C, SIGTERM); the client of a
    request from one of ``trusted_proxies`` is the last address in its ``X-Forwarded-For`` that
    is not a trusted proxy."""
    sock = bind(host, port)
    config = uvicorn.Config(
        application(settings, [*search_routes(), *reconcile_routes(settings.base)]),
        log_level="info",
        http=protocol(header_timeout, settings.timeout + settings.body_timeout + 60),
        timeout_keep_alive=5,
        timeout_graceful_shutdown=5,
        h11_max_incomplete_event_size=64 * 1024,
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=list(trusted_proxies) or None,
    )
    uvicorn.Server(config).run(sockets=[sock])
