#!/usr/bin/env bash
# Unpacks Debian's CPython 3.11 for arm64 (python3.11-minimal, which has `math` built in)
# into DIR (default target/cpython-aarch64) and prints a command that runs it under
# qemu-aarch64, for recording the AArch64 expectations of the differential tests:
#
#   python3 tests/regen_expected.py --machine aarch64 \
#       --python "$(bash tests/cpython_aarch64.sh)" math_functions
#
# Needs qemu-user and the arm64 C library (libc6:arm64), as .ci/run installs them; the
# packages are fetched with `apt-get download` (no installation). Debian's CPython is 3.11.2,
# the x86-64 expectations come from 3.11.7: record only programs whose output depends on
# the machine (so far the libm functions), never a whole directory.
set -euo pipefail
dir="$(realpath -m "${1:-$(dirname "$0")/../target/cpython-aarch64}")"
if [ ! -x "$dir/root/usr/bin/python3.11" ]; then
  mkdir -p "$dir/debs"
  (cd "$dir/debs" && apt-get download python3.11-minimal:arm64 libpython3.11-minimal:arm64 \
    libexpat1:arm64 zlib1g:arm64 >&2)
  for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root"; done
fi
libs="$dir/root/usr/lib/aarch64-linux-gnu:$dir/root/lib/aarch64-linux-gnu"
echo "qemu-aarch64 -L / -E LD_LIBRARY_PATH=$libs -E PYTHONHOME=$dir/root/usr $dir/root/usr/bin/python3.11"
