"""Output formats: one reporter class per format, registered by name in :mod:`.registry`."""
