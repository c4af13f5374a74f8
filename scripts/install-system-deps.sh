#!/usr/bin/env bash
# Install the system (Debian/Ubuntu) packages that Kotak Saran and its tests need.
#
#   scripts/install-system-deps.sh                 # app + test dependencies
#   scripts/install-system-deps.sh --with-postgres # ... plus a PostgreSQL server and client
#
# Only the missing packages are installed; when everything is present it runs no apt command at
# all and takes well under a second. Uses sudo when not root. On systems without apt-get it
# prints the list of packages and exits 0 (install the equivalents by hand).
set -euo pipefail

with_postgres=0
for arg in "$@"; do
    case "$arg" in
        --with-postgres) with_postgres=1 ;;
        -h | --help)
            sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
            exit 0
            ;;
        *)
            echo "install-system-deps: unknown option: $arg" >&2
            exit 2
            ;;
    esac
done

say() { printf '[system-deps] %s\n' "$*"; }

# OCR, virtual X server, PDF tools, gettext, a font, and the Qt xcb/offscreen runtime libraries
# (docs: shared/design/MEASURED.md).
packages=(
    tesseract-ocr tesseract-ocr-ind
    xvfb xauth
    poppler-utils
    gettext
    fonts-dejavu-core
    # more typefaces for the OCR benchmark's letters (bench/gen_letters.py)
    fonts-liberation2 fonts-freefont-ttf
    make
    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-shape0 libxcb-xinerama0 libxcb-randr0
    libdbus-1-3 libfontconfig1
    # scanners: SANE (its "test" backend is what the tests scan from) and the headers that
    # python-sane compiles against; gcc for that build
    libsane1 libsane-dev sane-utils gcc python3-dev
    # qpdf makes the password-protected PDF that the import tests refuse
    qpdf
    # printing: a CUPS scheduler and a PDF printer queue for the test that prints for real
    cups cups-client printer-driver-cups-pdf
)
if ((with_postgres)); then
    packages+=(postgresql postgresql-client)
fi

# python3 -m venv needs ensurepip, which Debian ships separately in python3-venv. Check both the
# python3 on PATH and Debian's own (a non-root user, e.g. CI's test user, gets /usr/bin/python3).
venv_ok() { "$1" -c 'import ensurepip, venv' >/dev/null 2>&1; }
need_venv=0
if command -v python3 >/dev/null 2>&1 && ! venv_ok python3; then need_venv=1; fi
if [[ -x /usr/bin/python3 ]] && ! venv_ok /usr/bin/python3; then need_venv=1; fi
if ((need_venv)); then
    packages=(python3-venv "${packages[@]}")
fi

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg-query >/dev/null 2>&1; then
    say "apt-get/dpkg not found: this is not a Debian/Ubuntu system, so nothing is installed."
    say "Make sure the equivalents of these Debian packages are installed:"
    say "  ${packages[*]}"
    exit 0
fi

is_installed() {
    [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

missing=()
for pkg in "${packages[@]}"; do
    # Ubuntu 24.04 renamed some libraries for the 64-bit time_t transition (libglib2.0-0t64).
    if is_installed "$pkg" || is_installed "${pkg}t64"; then
        continue
    fi
    missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    say "all ${#packages[@]} system packages are installed"
    exit 0
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    else
        say "missing packages: ${missing[*]}"
        say "not root and sudo is not available: install them as root with"
        say "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
        say "(or set KS_SKIP_SYSTEM_DEPS=1 to skip this check in make)"
        exit 1
    fi
fi

apt=("${sudo_cmd[@]}" env DEBIAN_FRONTEND="${DEBIAN_FRONTEND:-noninteractive}" apt-get)
say "missing packages: ${missing[*]}"
say "running: ${sudo_cmd[*]:+${sudo_cmd[*]} }apt-get update"
"${apt[@]}" update -q </dev/null
say "running: ${sudo_cmd[*]:+${sudo_cmd[*]} }apt-get install -y --no-install-recommends ${missing[*]}"
"${apt[@]}" install -y -q --no-install-recommends "${missing[@]}" </dev/null
say "done"
