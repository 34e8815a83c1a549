#!/usr/bin/env bash
# Debian packages the test suite needs, installed when missing (run as root, as CI does).
# One line per need: a check, and the package that satisfies it.
set -euo pipefail
need=()
command -v java >/dev/null || need+=(default-jre-headless) # HermiT (owlready2)
command -v chromium >/dev/null || need+=(chromium) # tests/test_serve.py (browser test)
command -v virtuoso-t >/dev/null || need+=(virtuoso-opensource) # tests/test_remote.py
[ -f /usr/share/java/jena-shacl.jar ] || need+=(libapache-jena-java) # tests/test_jena.py
[ -f /usr/share/java/owlapi-api.jar ] || need+=(libowlapi-java) # OWL 2 DL profile check (tests/owlapi.py)
command -v javac >/dev/null || need+=(default-jdk-headless) # compiles tests/JenaShacl.java, tests/OwlProfile.java
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    # Not root: the tests that need these skip with a reason, except under CI=true, where they fail.
    echo "warning: missing Debian packages: ${need[*]} (run as root, or install them)" >&2
    exit 0
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
