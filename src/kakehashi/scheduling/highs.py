"""HiGHS, quietly and reproducibly."""

from __future__ import annotations

import os
import sys
import threading

import highspy

_lock = threading.Lock()
_banner_hidden = False


def quiet_highs() -> highspy.Highs:
    """A Highs object that prints nothing, single-threaded.

    HiGHS writes a banner to the standard output — our JSON channel on the command line —
    once per process, while the object is created and before any option can be set; the
    first time, the output is pointed at /dev/null for that moment."""
    global _banner_hidden
    with _lock:
        if _banner_hidden:
            highs = highspy.Highs()
        else:
            sys.stdout.flush()
            saved = os.dup(1)
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, 1)
                highs = highspy.Highs()
            finally:
                os.dup2(saved, 1)
                os.close(saved)
                os.close(devnull)
            _banner_hidden = True
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    highs.setOptionValue("random_seed", 0)
    return highs
