from django import forms


class RichTextWidget(forms.Textarea):
    """A textarea that publishing/admin/richtext.js turns into a small visual editor.

    Editors press buttons for headings, links, lists, quotes and images; the HTML it
    produces is sanitised on save. Without JavaScript the plain textarea still works.
    """

    class Media:
        css = {"all": ["publishing/admin/richtext.css"]}
        js = ["publishing/admin/richtext.js"]

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "js-richtext", "rows": 20, **(attrs or {})})
