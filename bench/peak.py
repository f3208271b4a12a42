"""Runs one command and prints its wall time and peak memory (max RSS) as JSON.

A separate process per measurement, so the peak is that command's alone.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time

if __name__ == "__main__":
    start = time.perf_counter()
    done = subprocess.run(sys.argv[1:], capture_output=True, text=True, env=os.environ)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(sys.argv[1:])}\n{done.stderr[-3000:]}")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024}))
