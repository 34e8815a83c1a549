"""The one exception type the CLI turns into a one-line error and exit code 2."""


class DiplographError(Exception):
    """A user-facing error; its message names the file, line or field at fault."""
