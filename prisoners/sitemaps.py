from publishing.sitemaps import ListPagesSitemap, PublishedSitemap

from .models import Prisoner


class PrisonerSitemap(PublishedSitemap):
    model = Prisoner


SITEMAPS = {
    "prisoner-lists": ListPagesSitemap(["prisoners:prisoner_list"]),
    "prisoners": PrisonerSitemap,
}
