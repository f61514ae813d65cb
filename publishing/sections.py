"""Parts of a page that apps higher up contribute, so that a page here never names them.

A post's page ends with the petitions it supports and the people it is about; a prisoner's
page lists the appeals and petitions for them. Publishing and prisoners know nothing of
appeals or petitions: those apps register a template for a named place on the page in their
`AppConfig.ready()`, and the page renders whatever is registered there:

    sections.register("post_detail", "petitions/includes/post_petitions.html", order=20)

    {% load publishing_tags %}{% page_sections "post_detail" %}

Each template is rendered with the page's own context (the post, the prisoner, ...).
"""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Section:
    order: int
    template_name: str


_registered = {}


def register(place, template_name, *, order=50):
    """Show `template_name` at `place` on every page that has that place. Lower orders come first.

    Registering the same template twice at one place keeps one.
    """
    sections = _registered.setdefault(place, [])
    section = Section(order, template_name)
    if section not in sections:
        sections.append(section)
        sections.sort()


def templates_for(place):
    """The templates registered at `place`, in order."""
    return [section.template_name for section in _registered.get(place, [])]
