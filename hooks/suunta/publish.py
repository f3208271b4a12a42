"""All or nothing in the site folder: a build is made beside it and moved in only when the
whole build, strict checks included, has passed.

MkDocs writes straight into `site_dir` and stops a strict build only after writing; without
this, a rejected build would leave the published folder half replaced.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def staging_dir(site_dir: Path) -> Path:
    """Where a build is written first: beside the site folder, on the same file system."""
    return site_dir.parent / f".{site_dir.name}.suunta-new"


def discard(site_dir: Path) -> None:
    """Remove a staged build that will not be published."""
    shutil.rmtree(staging_dir(site_dir), ignore_errors=True)


def publish(site_dir: Path) -> None:
    """Replace `site_dir` with the staged build, by renames (the old one is removed after)."""
    staged, old = staging_dir(site_dir), site_dir.parent / f".{site_dir.name}.suunta-old"
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staged.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)
