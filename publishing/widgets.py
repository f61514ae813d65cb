"""The body editor of the admin: django-prose-editor (ProseMirror), limited to what the site keeps.

The editor offers exactly the elements the sanitiser keeps (publishing/html.py: headings,
paragraphs, bold and italic, links, lists, quotes, figures with images and captions, rules,
sub- and superscript); a test holds the two lists together. It only makes writing convenient:
SanitisedHTMLField cleans whatever arrives, by any path. Its scripts and styles ship with the
package (no CDN); the admin gives them the page's CSP nonce. Images come from the library
(media_library): publishing/admin/body_images.js adds the button that opens it.
Without JavaScript the plain textarea still works.
"""

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


class RichTextWidget(AdminProseEditorWidget):
    """The prose editor with the site's extensions, and the button to insert a library image."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"rows": 20, **(attrs or {})},
            config={"extensions": EDITOR_EXTENSIONS},
            preset="configurable",
        )

    @property
    def media(self):
        from django import forms

        return super().media + forms.Media(
            css={"all": ["publishing/admin/richtext.css"]}, js=["publishing/admin/body_images.js"]
        )
