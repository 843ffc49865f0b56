"""``python -m graph.cli``: the newsgraph command."""
import sys

from graph.cli.main import main

sys.exit(main())
