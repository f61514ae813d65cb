from publishing.sitemaps import ListPagesSitemap, PublishedSitemap

from .models import Petition


class PetitionSitemap(PublishedSitemap):
    model = Petition


SITEMAPS = {
    "petition-lists": ListPagesSitemap(["petitions:petition_list"]),
    "petitions": PetitionSitemap,
}
