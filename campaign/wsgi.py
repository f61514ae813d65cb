import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")

application = get_wsgi_application()

from campaign.middleware import readable_content_type  # noqa: E402 (needs the settings above)

application = readable_content_type(application)
