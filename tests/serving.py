"""Tests serve built sites with the same loopback server the publish command uses."""

from medinfo.site.localserver import serve

__all__ = ["serve"]
