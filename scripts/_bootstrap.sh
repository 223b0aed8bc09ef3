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

# Debian packages the rendering tests need (pdftotext/pdftoppm, LibreOffice for DOCX round trips, fonts).
ensure_system_packages() {
  local missing=()
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
  # WeasyPrint subsets the bundled fonts with HarfBuzz (it warns, and will require it, otherwise)
  ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || missing+=(libharfbuzz-subset0)
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
