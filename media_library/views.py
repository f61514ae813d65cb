from publishing.views import PostDetailView

from .models import VideoPost


class VideoDetailView(PostDetailView):
    model = VideoPost
    template_name = "media_library/videopost_detail.html"
