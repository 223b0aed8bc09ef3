"""Run the command-line interface: ``python -m pianodocs``."""

from .cli import main

raise SystemExit(main())
