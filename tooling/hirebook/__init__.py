"""hirebook: client management for recruitment agencies, kept as code."""

__version__ = "0.1.0"
