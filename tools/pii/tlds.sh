#!/usr/bin/env bash
# Rewrites the top-level domain list the e-mail detector checks, from the Public Suffix List
# installed by Debian's publicsuffix package (apt-get install publicsuffix).
# Usage: tools/pii/tlds.sh [public_suffix_list.dat]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
list="${1:-/usr/share/publicsuffix/public_suffix_list.dat}"
out="$root/lookout-core/src/main/resources/dev/lookout/core/guard/pii/rules/tlds.txt"
version="$(dpkg-query -W -f='${Version}' publicsuffix 2>/dev/null || echo unknown)"
{
  echo "# Top-level domains: the last label of every ICANN rule of the Public Suffix List"
  echo "# (https://publicsuffix.org/list/), Debian package publicsuffix $version."
  echo "# The list is subject to the Mozilla Public License, v. 2.0 (https://mozilla.org/MPL/2.0/)."
  echo "# Regenerate with tools/pii/tlds.sh."
  sed -n '1,/===END ICANN DOMAINS===/p' "$list" \
    | grep -v '^//' | grep -v '^[[:space:]]*$' \
    | sed -e 's/^[!*.]*//' -e 's/.*\.//' | tr '[:upper:]' '[:lower:]' | LC_ALL=C sort -u
} > "$out"
echo "Wrote $out ($(grep -vc '^#' "$out") top-level domains)"
