"""Hatch hooks: the package version from the ontology, and what the wheel carries besides the code.

- Version: ``owl:versionInfo "YYYY-MM-DD"`` of ``ontology/diplograph.ttl`` is the package version
  ``YYYY.M.D`` (PEP 440 drops leading zeros), so a release of the model is a release of the tool.
- The model: ``ontology/`` (ontology, code lists, shapes, checks), ``queries/`` and
  ``data/actors.ttl`` are copied from the repository folders, their one source of truth, into the
  wheel under ``diplograph/model/`` (the layout of a checkout) when the wheel is built.
- The site's front-end: the built files of YASGUI (the query page: ``yasgui.min.js``,
  ``yasgui.min.css``), vis-timeline and vis-network (the timeline and the network: their
  standalone builds) are taken from ``node_modules/`` (``npm ci``, pinned by package-lock.json)
  into ``diplograph/publish/static/<folder>/``, each with a ``LICENSE.txt``: the package's license
  and those of the npm packages its bundle includes (its dependencies and peer dependencies in
  package-lock.json). Nothing needs Node.js at run time.

Editable installs (``pip install -e``) get none of these: there the package finds the model and
``node_modules/`` in the checkout it is installed from. An sdist carries the model folders and the
front-end files it needs from ``node_modules/``, so a wheel built from it is complete too.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any, NamedTuple

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

ONTOLOGY = Path("ontology") / "diplograph.ttl"
VERSION_INFO = re.compile(r'owl:versionInfo\s+"(\d{4})-(\d{2})-(\d{2})"')
MODEL = ("ontology", "queries", "data/actors.ttl")
MODEL_TARGET = "diplograph/model"
NODE_MODULES = Path("node_modules")
STATIC_TARGET = "diplograph/publish/static"
LICENSE_NAMES = re.compile(r"^(licen[cs]e|copying|notice)([.-].*)?$", re.IGNORECASE)

# The LICENSE file of YASGUI's repository (https://github.com/rdfjs/Yasgui), verbatim: the npm
# package ships none, and states "license": "MIT" in its package.json (checked below).
YASGUI_MIT = """\
The MIT License (MIT)

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""


class BuildError(Exception):
    """A wheel that cannot be complete: say what is missing and how to get it."""


class FrontEnd(NamedTuple):
    """An npm package whose built files the wheel carries for the site, with their licenses.

    (A named tuple, not a dataclass: hatchling loads this file without registering it as a
    module, which dataclasses need.)
    """

    title: str
    package: str
    """Its name on the npm registry (its folder under ``node_modules/``)."""
    files: tuple[str, ...]
    """The built files, relative to the package's folder."""
    target: str
    """Its folder in the wheel, under ``diplograph/publish/static/``."""
    purpose: str
    homepage: str
    license: str
    """The license its package.json must declare (checked: else the notice would be wrong)."""
    license_text: str | None = None
    """Its license text when the npm package ships no license file."""

    @property
    def folder(self) -> Path:
        return NODE_MODULES / self.package

    @property
    def names(self) -> list[str]:
        return [Path(file).name for file in self.files]


FRONT_ENDS = (
    FrontEnd(
        "YASGUI",
        "@zazuko/yasgui",
        ("build/yasgui.min.js", "build/yasgui.min.css"),
        "yasgui",
        "the query page's front-end",
        "https://github.com/rdfjs/Yasgui",
        "MIT",
        YASGUI_MIT,
    ),
    FrontEnd(
        "vis-timeline",
        "vis-timeline",
        ("standalone/umd/vis-timeline-graph2d.min.js",),
        "vis-timeline",
        "the site's timeline",
        "https://github.com/visjs/vis-timeline",
        "(Apache-2.0 OR MIT)",
    ),
    FrontEnd(
        "vis-network",
        "vis-network",
        ("standalone/umd/vis-network.min.js",),
        "vis-network",
        "the site's network of who met whom",
        "https://github.com/visjs/vis-network",
        "(Apache-2.0 OR MIT)",
    ),
)


def ontology_version(root: Path) -> str:
    """The package version of the ontology's ``owl:versionInfo``: 2026-12-01 is 2026.12.1."""
    text = (root / ONTOLOGY).read_text(encoding="utf-8")
    found = VERSION_INFO.findall(text)
    if len(found) != 1:
        raise BuildError(f'{ONTOLOGY}: expected one owl:versionInfo "YYYY-MM-DD", found {found}')
    return ".".join(str(int(part)) for part in found[0])


class VersionHook(MetadataHookInterface):
    """``project.version`` from the ontology's ``owl:versionInfo``."""

    def update(self, metadata: dict[str, Any]) -> None:
        metadata["version"] = ontology_version(Path(self.root))


def _read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _npm_packages(root: Path) -> list[tuple[str, dict[str, Any]]]:
    """The npm packages package-lock.json installs, by their folder under the root."""
    lock = _read_json(root / "package-lock.json")
    return [(folder, entry) for folder, entry in lock["packages"].items() if folder]


def _license_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and LICENSE_NAMES.match(p.name))


def _bundled(root: Path, front_end: FrontEnd) -> list[str]:
    """The folders of the npm packages ``front_end``'s bundle may include: its dependencies and
    peer dependencies in package-lock.json, and theirs, sorted."""
    packages = dict(_npm_packages(root))
    found: set[str] = set()
    pending = [str(front_end.folder)]
    while pending:
        folder = pending.pop()
        entry = packages.get(folder, {})
        for kind in ("dependencies", "peerDependencies", "optionalDependencies"):
            for name in entry.get(kind, {}):
                nested = f"{folder}/node_modules/{name}"
                resolved = nested if nested in packages else f"{NODE_MODULES.as_posix()}/{name}"
                if resolved in packages and resolved not in found:
                    found.add(resolved)
                    pending.append(resolved)
    return sorted(found - {str(front_end.folder)})


def front_end_sources(root: Path, front_end: FrontEnd) -> list[Path]:
    """Every file under node_modules/ the front-end's part of the wheel is made from (relative).

    Raises :class:`BuildError` when the package is not installed, or not the version
    package-lock.json pins: the wheel would miss a part of the site.
    """
    folder = front_end.folder
    missing = [folder / file for file in front_end.files if not (root / folder / file).is_file()]
    if missing or not (root / folder / "package.json").is_file():
        raise BuildError(
            f"{missing[0] if missing else folder / 'package.json'} is missing: run `npm ci` "
            f"before building the wheel ({front_end.title}, {front_end.purpose}, ships inside "
            "it; package-lock.json pins its version; Node.js is needed to build, never to run)"
        )
    installed = _read_json(root / folder / "package.json")
    pinned = dict(_npm_packages(root)).get(folder.as_posix(), {}).get("version")
    if installed.get("version") != pinned:
        raise BuildError(
            f"{folder} is version {installed.get('version')}, package-lock.json pins {pinned}: "
            "run `npm ci` before building the wheel"
        )
    if installed.get("license") != front_end.license:
        raise BuildError(
            f"{folder}/package.json: license {installed.get('license')!r}, not "
            f"{front_end.license}: update hatch_build.py's FRONT_ENDS"
        )
    sources = [folder / file for file in front_end.files]
    for package in [folder.as_posix(), *_bundled(root, front_end)]:
        if (root / package / "package.json").is_file():
            sources.append(Path(package) / "package.json")
            sources += [p.relative_to(root) for p in _license_files(root / package)]
    return sources


def _license_texts(path: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace").strip() for p in _license_files(path)]


def front_end_license(root: Path, front_end: FrontEnd) -> str:
    """LICENSE.txt of a shipped front-end: its own license, then every bundled package's."""
    version = _read_json(root / front_end.folder / "package.json")["version"]
    names = front_end.names
    listed = " and ".join(names)
    own = front_end.license_text or "\n\n".join(_license_texts(root / front_end.folder))
    parts = [
        f"{front_end.title} {version} (npm {front_end.package}, {front_end.homepage}): the "
        f"{'files' if len(names) > 1 else 'file'}\n{listed} of this folder, taken unchanged "
        f"from the npm package.\n\n{own}"
    ]
    parts.append(
        "The bundle includes the following npm packages (installed by `npm ci` from\n"
        "diplograph's package-lock.json); each one's license as its package states it.\n"
    )
    packages = dict(_npm_packages(root))
    for folder in _bundled(root, front_end):
        path = root / folder
        if not (path / "package.json").is_file():
            continue
        name = folder.removeprefix("node_modules/")
        meta = _read_json(path / "package.json")
        declared = meta.get("license") or packages[folder].get("license") or "not stated"
        body = "\n\n".join(_license_texts(path))
        body = body or f"(no license file in the npm package; license: {declared})"
        parts.append(
            f"{'=' * 79}\n{name} {meta.get('version', '')} — {declared}\n{'=' * 79}\n\n{body}\n"
        )
    return "\n\n".join(parts)


class ResourcesHook(BuildHookInterface):  # type: ignore[type-arg]
    """Put the model and the site's front-end files into the wheel, their sources into the sdist."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return  # the package finds the model and node_modules/ in its checkout
        root = Path(self.root)
        try:
            if self.target_name == "sdist":
                for front_end in FRONT_ENDS:
                    for source in front_end_sources(root, front_end):
                        build_data["force_include"][str(root / source)] = str(source)
                return
            for name in MODEL:
                if not (root / name).exists():
                    raise BuildError(f"{name} is missing: the wheel carries the model from it")
                build_data["force_include"][str(root / name)] = f"{MODEL_TARGET}/{name}"
            for front_end in FRONT_ENDS:
                front_end_sources(root, front_end)
        except BuildError as error:
            raise SystemExit(
                f"error: cannot build the diplograph {self.target_name}: {error}"
            ) from None
        self._staging = Path(tempfile.mkdtemp(prefix="diplograph-wheel-"))
        for front_end in FRONT_ENDS:
            target = f"{STATIC_TARGET}/{front_end.target}"
            for file in front_end.files:
                source = root / front_end.folder / file
                build_data["force_include"][str(source)] = f"{target}/{Path(file).name}"
            license_file = self._staging / front_end.target / "LICENSE.txt"
            license_file.parent.mkdir()
            license_file.write_text(front_end_license(root, front_end), encoding="utf-8")
            build_data["force_include"][str(license_file)] = f"{target}/LICENSE.txt"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        staging = getattr(self, "_staging", None)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
