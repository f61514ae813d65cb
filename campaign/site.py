"""The site's assembly: what each app says it brings, read from its AppConfig.

An app adds itself to the site by declaring, on its AppConfig (see publishing/apps.py):

- `public_models`: its models whose changes show on public pages (the page cache is emptied);
- `demo_content`: the dotted path of the function that loads its demo content;
- `group_permissions`: which of its permissions each admin group gets;
- `sitemaps`: the dotted path of its dict of sitemap sections;
- `visitor_cookies`: cookies of its own that make a page one browser's (the page cache then
  neither serves nor keeps that browser's pages).

Nothing below this floor lists the apps; the order of INSTALLED_APPS (ground apps first) is
the order demo content is loaded in, so an app's demo can link to what the apps below made.
"""

from django.apps import apps
from django.utils.module_loading import import_string


def _declaring(attribute):
    return [
        (config, getattr(config, attribute))
        for config in apps.get_app_configs()
        if hasattr(config, attribute)
    ]


def public_models():
    """Every model whose saved changes show on public pages."""
    return [config.get_model(name) for config, names in _declaring("public_models") for name in names]


def demo_loaders():
    """The demo-content loaders, in the order of INSTALLED_APPS."""
    return [import_string(path) for _config, path in _declaring("demo_content")]


def group_permissions():
    """{group name: [(app label, codename), ...]} from every app."""
    groups = {}
    for config, by_group in _declaring("group_permissions"):
        for group, codenames in by_group.items():
            groups.setdefault(group, []).extend((config.label, codename) for codename in codenames)
    return groups


def sitemaps():
    """Every app's sitemap sections, by name."""
    sections = {}
    for _config, path in _declaring("sitemaps"):
        sections.update(import_string(path))
    return sections


def visitor_cookies():
    """Every app's cookies that make a page one browser's own."""
    return [name for _config, names in _declaring("visitor_cookies") for name in names]
