"""The reference every figure is compared with: the site's own settings with no middleware at
all, served by the same gunicorn with the same workers. Its one view is bench/urls.py's
baseline (no database, no template), so it measures what Django and gunicorn cost alone;
the "middleware baseline" (the same view through the site's whole stack) shows what the
stack adds."""

from campaign.settings import *  # noqa: F403 (the site's settings, then what differs)

MIDDLEWARE = []
ROOT_URLCONF = "bench.urls"
