"""The longest article the extractor takes, and how the environment changes it."""

from __future__ import annotations

import os

from diplograph.errors import DiplographError

# The longest article extracted; a longer one is refused (one line naming the article), so that no
# input can hold a run for long: extraction is linear in the text, about 30 s a million
# characters of dense readout prose on this machine, and no readout or transcript of the corpus
# is longer than 8,000 characters. The environment variable raises or lowers it.
MAX_ARTICLE_CHARS = 500_000
MAX_ARTICLE_CHARS_VARIABLE = "DIPLOGRAPH_MAX_ARTICLE_CHARS"


def max_article_chars() -> int:
    """The limit in force: ``$DIPLOGRAPH_MAX_ARTICLE_CHARS`` when set, else the default.

    >>> import os
    >>> os.environ[MAX_ARTICLE_CHARS_VARIABLE] = "1e6"
    >>> max_article_chars()  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplograph.errors.DiplographError: DIPLOGRAPH_MAX_ARTICLE_CHARS: not a positive whole ...
    >>> del os.environ[MAX_ARTICLE_CHARS_VARIABLE]
    >>> max_article_chars()
    500000
    """
    value = os.environ.get(MAX_ARTICLE_CHARS_VARIABLE)
    if value is None:
        return MAX_ARTICLE_CHARS
    if not value.strip().isdigit() or int(value) < 1:
        raise DiplographError(
            f"{MAX_ARTICLE_CHARS_VARIABLE}: not a positive whole number of characters: {value!r}"
        )
    return int(value)
