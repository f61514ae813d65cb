from campaign.views import PublishedPostDetailView

from .models import VideoPost


class VideoDetailView(PublishedPostDetailView):
    model = VideoPost
    template_name = "media_library/videopost_detail.html"
