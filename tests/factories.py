"""One-line builders for realistic objects in tests."""

from datetime import timedelta
from itertools import count

from django.utils import timezone

from campaign.models import Article, Category, Post

__all__ = ["Article", "Category", "Post", "article", "category"]

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
