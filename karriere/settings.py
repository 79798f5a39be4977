"""Project settings, in one place. ``pelicanconf.py`` reads them; nothing else redefines them.

The site's public address and the repository's address come from the environment, so that the same
code builds a local preview and the published GitHub Pages site:

- ``KARRIERE_SITE_URL``: the public address, e.g. ``https://example.github.io/karrieresentre``.
  In GitHub Actions it defaults to ``https://<owner>.github.io/<repo>``; elsewhere to the local
  preview address.
- ``KARRIERE_REPOSITORY_URL``: the repository, for "report an error" and "edit on GitHub" links.
  In GitHub Actions it defaults to ``$GITHUB_SERVER_URL/$GITHUB_REPOSITORY``; elsewhere the links
  are left out rather than pointing somewhere made up.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

LOCAL_PREVIEW = "http://127.0.0.1:8000"
NATIONAL_SERVICE_URL = "https://karriereveiledning.no/"
#: A record whose information is this many years older than the newest check is marked as possibly
#: out of date (computed from the data, so the same data always builds the same pages).
STALE_AFTER_YEARS = 2


@dataclass(frozen=True)
class SiteSettings:
    site_url: str
    repository_url: str | None
    branch: str

    @property
    def site_path(self) -> str:
        """The path prefix of every link, '/' locally and '/<repo>/' on a project site."""
        path = urlsplit(self.site_url).path.rstrip("/")
        return path + "/"


def from_environment(environ: dict[str, str] | None = None) -> SiteSettings:
    env = os.environ if environ is None else environ
    repository = env.get("GITHUB_REPOSITORY", "")
    site_url = env.get("KARRIERE_SITE_URL")
    if not site_url and repository and "/" in repository:
        owner, name = repository.split("/", 1)
        site_url = f"https://{owner.lower()}.github.io/{name}"
    repository_url = env.get("KARRIERE_REPOSITORY_URL")
    if not repository_url and repository:
        repository_url = f"{env.get('GITHUB_SERVER_URL', 'https://github.com')}/{repository}"
    return SiteSettings(
        site_url=(site_url or LOCAL_PREVIEW).rstrip("/"),
        repository_url=repository_url.rstrip("/") if repository_url else None,
        branch=env.get("KARRIERE_BRANCH", "main"),
    )


def build_date() -> dt.date:
    """The date pages are built for: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()
