"""``python -m hirebook`` runs the command line, like the ``hirebook`` script."""

from hirebook.cli.main import main

main()
