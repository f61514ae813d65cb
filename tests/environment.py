"""The suite runs the site in development mode, as `make run` does.

DEBUG is off unless set, and then the settings demand every production variable. This
module is loaded with `-p tests.environment` (pyproject's addopts): pytest imports `-p`
plugins before it calls `pytest_load_initial_conftests`, where pytest-django imports the
settings, so DEBUG is set in time. A conftest.py would be too late. (Run the suite as
`python -m pytest`, as `make test` does: that puts the project on sys.path for `-p`.)

Subprocesses that play production (tests/servers.py `production_env`, the deploy-settings
tests) set or drop DEBUG themselves.
"""

import os

os.environ.setdefault("DEBUG", "true")
