"""What a query worker may not do: open a socket (so no ``SERVICE`` can reach any host), or use
more memory than its limit.

Oxigraph answers ``SERVICE <url>`` by fetching the URL, and no option of pyoxigraph turns that
off. Rather than guess from the query text which requests would fetch, a worker installs a
seccomp filter (Linux) before it reads its first query: from then on every ``socket()`` and
``io_uring_setup()`` call of the process fails with ``EPROTONOSUPPORT``. The worker talks to the
server through a pipe it inherited, so it needs neither; a federated query, a DNS lookup or an
HTTP fetch fails inside Oxigraph without sending a byte.
"""

from __future__ import annotations

import ctypes
import errno
import platform
import resource
import struct

from diplograph.errors import DiplographError

# (AUDIT_ARCH_*, numbers of socket and io_uring_setup) by machine; see linux/audit.h, unistd.h.
ARCHITECTURES = {
    "x86_64": (0xC000003E, (41, 425)),
    "aarch64": (0xC00000B7, (198, 425)),
}
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_SECCOMP = 22
_SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_X32_SYSCALL_BIT = 0x40000000
_LOAD_WORD, _JUMP_EQUAL, _JUMP_AT_LEAST, _RETURN = 0x20, 0x15, 0x35, 0x06  # BPF opcodes
REFUSED_ERRNO = errno.EPROTONOSUPPORT


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def _filter(machine: str) -> list[bytes]:
    """The BPF program: refuse ``socket``/``io_uring_setup`` (and any foreign ABI), allow the rest.

    >>> len(_filter("x86_64"))
    11
    """
    arch, numbers = ARCHITECTURES[machine]

    def op(code: int, k: int, if_true: int = 0, if_false: int = 0) -> bytes:
        return struct.pack("HBBI", code, if_true, if_false, k)

    refuse = op(_RETURN, _RET_ERRNO | REFUSED_ERRNO)
    program = [op(_LOAD_WORD, 4), op(_JUMP_EQUAL, arch, 1, 0), refuse]  # seccomp_data.arch
    program += [op(_LOAD_WORD, 0), op(_JUMP_AT_LEAST, _X32_SYSCALL_BIT, 0, 1), refuse]  # .nr
    for number in numbers:
        program += [op(_JUMP_EQUAL, number, 0, 1), refuse]
    return [*program, op(_RETURN, _RET_ALLOW)]


def deny_sockets() -> None:
    """From now on, this process (and its threads started later) cannot create a socket."""
    machine = platform.machine()
    if platform.system() != "Linux" or machine not in ARCHITECTURES:
        raise DiplographError(
            f"cannot keep SPARQL queries off the network on {platform.system()} {machine}: "
            "the endpoint needs Linux on x86_64 or aarch64 (seccomp)"
        )
    code = b"".join(_filter(machine))
    buffer = ctypes.create_string_buffer(code, len(code))
    program = _Program(len(code) // 8, ctypes.addressof(buffer))
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or (
        libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.byref(program), 0, 0) != 0
    ):
        number = ctypes.get_errno()
        raise DiplographError(f"cannot install the seccomp filter: {errno.errorcode[number]}")


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space: an allocation past it fails (Oxigraph then aborts)."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
