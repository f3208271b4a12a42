"""A free TCP port on localhost, for the tests' and the benchmark's `mkdocs serve`."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port the system just handed out and took back: free unless another process races us."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
