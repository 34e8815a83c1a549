"""The one exception type the CLI turns into a one-line error and exit code 2."""


class DiplographError(Exception):
    """An error in the user's input or environment, with a message naming the file, line or field."""
