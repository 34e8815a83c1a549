"""A private Virtuoso Open Source 7 server for tests and benchmarks (Debian: virtuoso-opensource).

:class:`Virtuoso` runs ``virtuoso-t`` in the foreground on 127.0.0.1, on free ports, with its own
database and ini file in a folder of its own, and answers once ``/sparql`` does. The default
account is ``dba``/``dba``; ``ResultSetMaxRows`` is raised so that no SELECT result is cut short.
"""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx

SERVER = "virtuoso-t"
DEFAULT_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
USER, PASSWORD = "dba", "dba"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def missing() -> str | None:
    """Why no Virtuoso can run here, or None when one can."""
    if shutil.which(SERVER) is None:
        return f"{SERVER} is not installed (Debian: virtuoso-opensource; make test installs it)"
    if not DEFAULT_INI.is_file():
        return f"{DEFAULT_INI} is missing"
    return None


class Virtuoso:
    """One Virtuoso server whose database lives in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sql_port = free_port()
        self.http_port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.ini = folder / "virtuoso.ini"
        self._write_ini()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        """The anonymous, read-only SPARQL endpoint."""
        return f"{self.base}/sparql"

    @property
    def sparql_auth(self) -> str:
        """The SPARQL endpoint that takes updates (HTTP Digest auth)."""
        return f"{self.base}/sparql-auth"

    @property
    def graph_store(self) -> str:
        """The SPARQL 1.1 Graph Store endpoint (HTTP Digest auth)."""
        return f"{self.base}/sparql-graph-crud-auth"

    def _write_ini(self) -> None:
        ini = configparser.ConfigParser(
            strict=False, interpolation=None, inline_comment_prefixes=(";",)
        )
        ini.optionxform = str  # type: ignore[assignment,method-assign]
        ini.read(DEFAULT_INI, encoding="utf-8")
        db = self.folder / "db"
        db.mkdir(parents=True, exist_ok=True)
        for key in ("DatabaseFile", "ErrorLogFile", "LockFile", "TransactionFile"):
            ini["Database"][key] = str(db / f"virtuoso.{key[:3].lower()}")
        ini["Database"]["xa_persistent_file"] = str(db / "virtuoso.pxa")
        ini["TempDatabase"]["DatabaseFile"] = str(db / "virtuoso-temp.db")
        ini["TempDatabase"]["TransactionFile"] = str(db / "virtuoso-temp.trx")
        parameters = ini["Parameters"]
        parameters["ServerPort"] = f"127.0.0.1:{self.sql_port}"
        parameters["DirsAllowed"] = f"., {self.folder}, /usr/share/virtuoso-opensource-7/vad"
        parameters["NumberOfBuffers"] = "100000"
        parameters["MaxDirtyBuffers"] = "60000"
        ini["HTTPServer"]["ServerPort"] = f"127.0.0.1:{self.http_port}"
        ini["SPARQL"]["ResultSetMaxRows"] = "1000000"
        ini["URIQA"]["DefaultHost"] = f"127.0.0.1:{self.http_port}"
        ini.remove_section("Plugins")
        with self.ini.open("w", encoding="utf-8") as out:
            ini.write(out)

    def start(self, timeout: float = 120.0) -> None:
        """Start the server and return once ``/sparql`` answers a query."""
        log = (self.folder / "server.out").open("ab")
        self.process = subprocess.Popen(
            [SERVER, "+foreground", "+configfile", str(self.ini)],
            cwd=self.folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}: {self.log}")
            try:
                answer = httpx.get(self.sparql, params={"query": "ASK {}"}, timeout=2.0)
                if answer.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer within {timeout} s: {self.log}")

    @property
    def log(self) -> str:
        path = self.folder / "server.out"
        return path.read_text(errors="replace")[-2000:] if path.is_file() else ""

    def kill(self) -> None:
        """End the server at once, as a crash would (SIGKILL)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.process = None

    def stop(self, timeout: float = 30.0) -> None:
        """Shut the server down (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        if self.process is None or self.process.poll() is not None:
            self.process = None
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        self.process = None
