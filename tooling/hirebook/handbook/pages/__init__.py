"""One module per kind of generated page; each offers ``pages(ctx)`` yielding (path, Page)."""
