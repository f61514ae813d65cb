"""The body editor of the admin: django-prose-editor (ProseMirror), limited to what the site keeps.

The editor offers exactly the elements the sanitiser keeps (publishing/html.py: headings,
paragraphs, bold and italic, links, lists, quotes, figures with images and captions, rules,
sub- and superscript); a test holds the two lists together. It only makes writing convenient:
SanitisedHTMLField cleans whatever arrives, by any path. Its scripts and styles ship with the
package (no CDN); the admin gives them the page's CSP nonce. Images come from the library:
media_library registers the button that opens it (register_editor_addon).
Without JavaScript the plain textarea still works.
"""

from django import forms
from django_prose_editor.widgets import AdminProseEditorWidget

EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "HardBreak": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "Figure": True,
    "Caption": True,
    "Image": True,
    "History": True,
    "HTML": True,
    "SpecialCharacters": True,
}


# What apps higher up add to the editor (the image library's button): scripts, and data
# attributes on the textarea they read (values may be lazy, e.g. reverse_lazy).
_addons = []


def register_editor_addon(script, **data):
    """Load `script` with every body editor and put `data` on its textarea as data-* attributes."""
    if script not in [known for known, _data in _addons]:
        _addons.append((script, tuple(data.items())))


class RichTextWidget(AdminProseEditorWidget):
    """The prose editor with the site's extensions and what apps add to it (register_editor_addon)."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"rows": 20, **(attrs or {})},
            config={"extensions": EDITOR_EXTENSIONS},
            preset="configurable",
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for _script, data in _addons:
            for key, item in data:
                context["widget"]["attrs"][f"data-{key.replace('_', '-')}"] = str(item)
        return context

    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": ["publishing/admin/richtext.css"]}, js=[script for script, _data in _addons]
        )
