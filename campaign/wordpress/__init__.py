"""Moving a WordPress site over: `manage.py import_wordpress EXPORT.xml --uploads DIR`.

Part of the site's assembly: it builds what the apps below define (posts, pages, video posts,
images, redirects) and nothing below knows it exists. What it imported is recorded by WordPress
ID (campaign.models.ImportedItem), so a second import of the same or a newer export updates
instead of duplicating.
"""
