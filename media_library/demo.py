"""This app's share of the demo content (`manage.py load_demo_content`). Idempotent."""


def load_content():
    pass
