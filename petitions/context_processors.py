def featured_petition(request):
    """The petition shown in every page's sidebar under "Sign the Petition"."""
    return {"featured_petition": None}
