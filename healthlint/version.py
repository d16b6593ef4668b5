"""healthlint's version: a module of its own, so that the reports and the cache can name it without
importing the package's public API (which would close an import cycle)."""

__version__ = "0.2.0"
