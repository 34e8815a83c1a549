"""Hatch hooks: the package version from the ontology, and what the wheel carries besides the code.

- Version: ``owl:versionInfo "YYYY-MM-DD"`` of ``ontology/diplograph.ttl`` is the package version
  ``YYYY.M.D`` (PEP 440 drops leading zeros), so a release of the model is a release of the tool.
- The model: ``ontology/`` (ontology, code lists, shapes, checks), ``queries/`` and
  ``data/actors.ttl`` are copied from the repository folders, their one source of truth, into the
  wheel under ``diplograph/model/`` (the layout of a checkout) when the wheel is built.
- YASGUI: the query page's built files (``yasgui.min.js``, ``yasgui.min.css``) are taken from
  ``node_modules/@zazuko/yasgui`` (``npm ci``, pinned by package-lock.json) into
  ``diplograph/publish/static/yasgui/`` with a ``LICENSE.txt``: YASGUI's license and those of the
  npm packages its bundle includes. Nothing needs Node.js at run time.

Editable installs (``pip install -e``) get none of these: there the package finds the model and
``node_modules/`` in the checkout it is installed from. An sdist carries the model folders and the
YASGUI files it needs from ``node_modules/``, so a wheel built from it is complete too.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface
from hatchling.metadata.plugin.interface import MetadataHookInterface

ONTOLOGY = Path("ontology") / "diplograph.ttl"
VERSION_INFO = re.compile(r'owl:versionInfo\s+"(\d{4})-(\d{2})-(\d{2})"')
MODEL = ("ontology", "queries", "data/actors.ttl")
MODEL_TARGET = "diplograph/model"
NODE_MODULES = Path("node_modules")
YASGUI = NODE_MODULES / "@zazuko" / "yasgui"
ASSETS = ("yasgui.min.js", "yasgui.min.css")
YASGUI_TARGET = "diplograph/publish/static/yasgui"
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


def yasgui_sources(root: Path) -> list[Path]:
    """Every file under node_modules/ the YASGUI part of the wheel is made from (relative paths).

    Raises :class:`BuildError` when YASGUI is not installed, or not the version package-lock.json
    pins: the wheel would have no query page.
    """
    missing = [
        YASGUI / "build" / name for name in ASSETS if not (root / YASGUI / "build" / name).is_file()
    ]
    if missing or not (root / YASGUI / "package.json").is_file():
        raise BuildError(
            f"{missing[0] if missing else YASGUI / 'package.json'} is missing: run `npm ci` "
            "before building the wheel (YASGUI, the query page's front-end, ships inside it; "
            "package-lock.json pins its version; Node.js is needed to build, never to run)"
        )
    installed = _read_json(root / YASGUI / "package.json")
    pinned = dict(_npm_packages(root)).get(str(YASGUI), {}).get("version")
    if installed.get("version") != pinned:
        raise BuildError(
            f"{YASGUI} is version {installed.get('version')}, package-lock.json pins {pinned}: "
            "run `npm ci` before building the wheel"
        )
    if installed.get("license") != "MIT":
        raise BuildError(
            f"{YASGUI}/package.json: license {installed.get('license')!r}, not MIT: "
            "update hatch_build.py's YASGUI license text"
        )
    sources = [YASGUI / "build" / name for name in ASSETS]
    for folder, _ in _npm_packages(root):
        if (root / folder / "package.json").is_file():
            sources.append(Path(folder) / "package.json")
            sources += [p.relative_to(root) for p in _license_files(root / folder)]
    return sources


def yasgui_license(root: Path) -> str:
    """LICENSE.txt of the shipped YASGUI: its own license, then every bundled package's."""
    version = _read_json(root / YASGUI / "package.json")["version"]
    parts = [
        f"YASGUI {version} (npm @zazuko/yasgui, https://github.com/rdfjs/Yasgui): the files\n"
        "yasgui.min.js and yasgui.min.css of this folder, taken unchanged from the npm package.\n\n"
        + YASGUI_MIT
    ]
    parts.append(
        "The bundle includes the following npm packages (installed by `npm ci` from\n"
        "diplograph's package-lock.json); each one's license as its package states it.\n"
    )
    for folder, entry in _npm_packages(root):
        path = root / folder
        if folder == str(YASGUI) or not (path / "package.json").is_file():
            continue
        name = folder.removeprefix("node_modules/")
        meta = _read_json(path / "package.json")
        declared = meta.get("license") or entry.get("license") or "not stated"
        texts = [
            p.read_text(encoding="utf-8", errors="replace").strip() for p in _license_files(path)
        ]
        body = "\n\n".join(texts) or f"(no license file in the npm package; license: {declared})"
        parts.append(
            f"{'=' * 79}\n{name} {meta.get('version', '')} — {declared}\n{'=' * 79}\n\n{body}\n"
        )
    return "\n\n".join(parts)


class ResourcesHook(BuildHookInterface):  # type: ignore[type-arg]
    """Put the model and YASGUI into the wheel, and the files they come from into the sdist."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":
            return  # the package finds the model and node_modules/ in its checkout
        root = Path(self.root)
        try:
            if self.target_name == "sdist":
                for source in yasgui_sources(root):
                    build_data["force_include"][str(root / source)] = str(source)
                return
            for name in MODEL:
                if not (root / name).exists():
                    raise BuildError(f"{name} is missing: the wheel carries the model from it")
                build_data["force_include"][str(root / name)] = f"{MODEL_TARGET}/{name}"
            yasgui_sources(root)
        except BuildError as error:
            raise SystemExit(
                f"error: cannot build the diplograph {self.target_name}: {error}"
            ) from None
        self._staging = Path(tempfile.mkdtemp(prefix="diplograph-wheel-"))
        for name in ASSETS:
            build_data["force_include"][str(root / YASGUI / "build" / name)] = (
                f"{YASGUI_TARGET}/{name}"
            )
        license_file = self._staging / "LICENSE.txt"
        license_file.write_text(yasgui_license(root), encoding="utf-8")
        build_data["force_include"][str(license_file)] = f"{YASGUI_TARGET}/LICENSE.txt"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        staging = getattr(self, "_staging", None)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
