"""One-line builders for realistic objects in tests."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from campaign.models import Article, Category, Post
from petitions.models import Petition

__all__ = ["Article", "Category", "Post", "article", "category", "petition"]

_sequence = count(1)


def category(name="Appeals", slug=None, **fields):
    return Category.objects.get_or_create(
        slug=slug or name.lower().replace(" ", "-"), defaults={"name": name, **fields}
    )[0]


def article(title=None, categories=(), days_ago=1, status=Post.Status.PUBLISHED, **fields):
    number = next(_sequence)
    title = title or f"Workers in Zhezkazgan protest, report {number}"
    post = Article.objects.create(
        title=title,
        slug=fields.pop("slug", f"post-{number}"),
        status=status,
        published_at=fields.pop("published_at", timezone.now() - timedelta(days=days_ago)),
        standfirst=fields.pop("standfirst", "Hundreds gathered outside the foundry."),
        body=fields.pop("body", "<p>The workers demand nationalisation.</p>"),
        **fields,
    )
    post.categories.set(categories)
    return post


def petition(**fields):
    """A published petition open for signatures; any field may be given."""
    number = next(_sequence)
    defaults = {
        "title": f"Free the Zhanaozen oil workers, appeal {number}",
        "slug": f"free-the-oil-workers-{number}",
        "summary": "Release the strikers jailed after December 2011.",
        "text": "<p>We call for the release of the striking oil workers.</p>",
        "addressee": "The President of the Republic of Kazakhstan",
        "is_published": True,
    }
    return Petition.objects.create(**{**defaults, **fields})
