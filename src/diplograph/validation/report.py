"""What a validation found, the same whichever engine ran it.

A :class:`Result` is one ``sh:result`` reduced to what identifies it: the focus node, the result
path, the constraint component, the named source shape, the severity and the value, each as the
same string whichever engine produced it (IRIs bare, literals in N-Triples syntax, blank nodes as
``[]``), and the message. The message is the shape's (or the SPARQL constraint's) ``sh:message``
when it declares one — the smallest, when several, with ``{$this}``/``{?path}``/``{?value}``
filled in; where it declares none each engine words its own (pySHACL's wording, or
:func:`generic_message`): the one documented difference between engines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diplograph.vocab import compact

SH = "http://www.w3.org/ns/shacl#"
VIOLATION = f"{SH}Violation"


@dataclass(frozen=True, order=True)
class Result:
    """One ``sh:result`` of a validation report."""

    focus: str
    path: str | None
    component: str
    shape: str  # the source shape, or the named node shape holding it
    message: str
    severity: str = VIOLATION
    value: str | None = None

    def __str__(self) -> str:
        where = f" {compact(self.path)}" if self.path else ""
        return f"{compact(self.focus)}{where}: {self.message} [{compact(self.component)}]"

    @property
    def key(self) -> tuple[str, str, str, str, str, str]:
        """Everything but the message: what two engines must agree on exactly."""
        return (
            self.focus,
            self.path or "",
            self.component,
            self.shape,
            self.severity,
            self.value or "",
        )


@dataclass(frozen=True)
class Validation:
    """The outcome of validating some files: what was looked at, and what was wrong."""

    files: list[Path]
    shapes: int
    focus_nodes: int
    results: list[Result]

    @property
    def conforms(self) -> bool:
        return not self.results


def generic_message(component: str, value: str | None) -> str:
    """The fast engine's message for a constraint whose shape declares no ``sh:message``.

    >>> generic_message("http://www.w3.org/ns/shacl#MinCountConstraintComponent", None)
    'violates sh:minCount'
    >>> generic_message("http://www.w3.org/ns/shacl#LessThanConstraintComponent", '"2023-06-19"')
    'violates sh:lessThan with "2023-06-19"'
    >>> generic_message("http://www.w3.org/ns/shacl#SPARQLConstraintComponent", "urn:x")
    'violates sh:sparql with urn:x'
    """
    name = component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    parameter = name.lower() if name.isupper() else name[0].lower() + name[1:]
    return f"violates sh:{parameter}" + (f" with {value}" if value is not None else "")


def sort_results(results: list[Result]) -> list[Result]:
    """Results in report order: by focus node, path, component, message, then the rest."""
    return sorted(results, key=lambda r: (r.focus, r.path or "", r.component, r.message, r.key))
