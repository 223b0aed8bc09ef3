# Shared by scripts/render-samples and scripts/test: a project virtual environment with pianodocs installed.
# Sourced, not run. Uses python3.11 (or python3 if it is 3.11 or newer).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${PIANODOCS_VENV:-$ROOT/.venv}"

pick_python() {
  for candidate in python3.11 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; raise SystemExit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Serve Python 3.11 o successivo." >&2
  return 1
}

ensure_venv() {
  local extras="$1"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creo l'ambiente virtuale in $VENV ..."
    "$(pick_python)" -m venv "$VENV"
  fi
  local stamp="$VENV/.pianodocs-installed-$extras"
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    echo "Installo pianodocs e le sue dipendenze (registro in $VENV/pip.log) ..."
    if ! { "$VENV/bin/python" -m pip install --upgrade pip &&
           "$VENV/bin/python" -m pip install -e "$ROOT[$extras]"; } > "$VENV/pip.log" 2>&1; then
      tail -n 30 "$VENV/pip.log" >&2
      echo "Installazione non riuscita: vedere $VENV/pip.log" >&2
      return 1
    fi
    touch "$stamp"
  fi
}

# Debian packages: "render" is what rendering needs (scripts/render-samples), "test" adds what the tests also use.
# render: WeasyPrint's Pango and HarfBuzz subsetting, cairo for the DOCX figures, LibreOffice Writer (the DOCX
# SOMMARIO's page numbers and the annex's page count are LibreOffice's pagination) with its Italian hyphenation
# patterns (hyphen-it), venv for a bare Python.
# test: pdftotext/pdftoppm, LibreOffice Calc (a workbook saved again by LibreOffice computes its formulas),
# Chromium (the web page's browser tests drive Debian's headless Chromium with Playwright, tests/test_web_browser.py)
# and libatomic1 for Playwright's driver.
# No font package: the PDF and the DOCX carry their own fonts (src/pianodocs/fonts).
ensure_system_packages() {
  local purpose="${1:-test}"
  local missing=()
  has_library() { ldconfig -p 2>/dev/null | grep "$1" >/dev/null; }
  [ -x "$VENV/bin/python" ] || "$(pick_python)" -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
  has_library libpango-1.0.so || missing+=(libpango-1.0-0)
  has_library libpangoft2-1.0.so || missing+=(libpangoft2-1.0-0)
  has_library libharfbuzz-subset || missing+=(libharfbuzz-subset0)
  has_library libcairo.so.2 || missing+=(libcairo2)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  # LibreOffice's Italian hyphenation patterns: the DOCX's automatic hyphenation, hence its pagination
  [ -e /usr/share/hyphen/hyph_it_IT.dic ] || missing+=(hyphen-it)
  if [ "$purpose" = test ]; then
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    libreoffice_has_calc || missing+=(libreoffice-calc-nogui)
    command -v chromium >/dev/null 2>&1 || missing+=(chromium)
    # Playwright's own driver (a node binary in its wheel) needs libatomic, which a bare Debian lacks
    has_library libatomic.so.1 || missing+=(libatomic1)
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Mancano ${missing[*]} e apt-get non è disponibile: installarli a mano." >&2
    return 1
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installo i pacchetti di sistema: ${missing[*]} ..."
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# LibreOffice Calc is there when the program folder of soffice holds its library (libsclo.so)
libreoffice_has_calc() {
  local soffice
  soffice="$(command -v soffice 2>/dev/null)" || return 1
  [ -e "$(dirname "$(readlink -f "$soffice")")/libsclo.so" ]
}
