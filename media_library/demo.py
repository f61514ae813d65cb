"""This app's share of the demo content (`manage.py load_demo_content`). Idempotent.

The video addresses are placeholders with well-formed ids; the posters are drawn here
with Pillow, so loading the demo needs no network.
"""

from datetime import datetime, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from prisoners.models import Prisoner
from publishing.models import Category, Post, SiteSettings

from .models import VideoPost

POSTER_SIZE = (1280, 720)
INK = "#1c1e26"
RED = "#9b1c1c"
GOLD = "#f2c14e"

VIDEOS = [
    {
        "slug": "irish-foreign-minister-challenged-over-vadim-kuramshin",
        "prisoners": ["vadim-kuramshin"],
        "title": "Irish foreign minister challenged over Vadim Kuramshin",
        "categories": ["video", "appeals"],
        "published_at": datetime(2013, 2, 14, 10, 0),
        "video_url": "https://www.youtube.com/watch?v=KuramshinTD",
        "duration": timedelta(minutes=6, seconds=48),
        "standfirst": "Joe Higgins TD told the Irish parliament that the government is doing too little "
        "for Vadim Kuramshin, a human-rights lawyer jailed in Kazakhstan on false charges.",
        "body": "<p>This video report follows the exchanges in the Dáil, where Joe Higgins TD put "
        "the case of Vadim Kuramshin to Ireland's foreign minister. Kuramshin, a lawyer who "
        "defended prisoners' rights, is in prison after proceedings that fell far short of a fair "
        "trial.</p>"
        "<p>Higgins told the minister that nowhere near enough was being done for him. Watch the "
        "exchanges, then join the urgent action for Vadim Kuramshin.</p>",
    },
    {
        "slug": "video-message-from-paul-murphy-for-debate-in-brussels-on-18-april",
        "prisoners": ["vadim-kuramshin", "roza-tuleteva", "vladimir-kozlov"],
        "title": "Video message from Paul Murphy for debate in Brussels on 18 April",
        "categories": ["video", "articles"],
        "published_at": datetime(2013, 4, 17, 18, 0),
        "video_url": "https://youtu.be/PMurphyMEP1",
        "duration": timedelta(minutes=3, seconds=12),
        "standfirst": "A Member of the European Parliament speaks out on human rights in Kazakhstan "
        "and calls for the release of Vadim Kuramshin, Roza Tuleteva and Vladimir Kozlov.",
        "body": "<p>Paul Murphy MEP recorded this message to be shown at a debate in Brussels on "
        "18 April. He speaks up for human rights in Kazakhstan and for three people jailed for "
        "standing with its workers: the human-rights lawyer Vadim Kuramshin, Roza Tuleteva of the "
        "Zhanaozen oil workers' strike, and the opposition leader Vladimir Kozlov.</p>"
        "<p>Share the video and ask your own representatives what they are doing to free them.</p>",
    },
    {
        "slug": "south-african-miners-declare-solidarity-with-kazakhstan-workers",
        "title": "South African miners declare solidarity with Kazakhstan workers",
        "categories": ["video", "articles"],
        "published_at": datetime(2013, 5, 20, 9, 0),
        "video_url": "https://www.youtube.com/watch?v=SAminersWSP",
        "duration": timedelta(minutes=2, seconds=37),
        "standfirst": "Hundreds of miners and other workers in Limpopo, South Africa, backed a message "
        "of support for the miners and oil workers of Kazakhstan.",
        "body": "<p>The meeting was called to launch the Limpopo section of South Africa's Workers "
        "and Socialist Party, and hundreds of miners and other workers came. They approved, with "
        "loud applause, a message of solidarity with all the miners and oil workers in Kazakhstan "
        "who are in struggle.</p>"
        "<p>From the platinum belt to the Caspian oil fields, the same struggle: watch the video "
        "from the meeting.</p>",
    },
    {
        "slug": "full-video-of-london-commemoration",
        "title": "Full video of London commemoration",
        "categories": ["video", "press-release"],
        "published_at": datetime(2013, 12, 20, 12, 0),
        "video_url": "https://vimeo.com/81617180",
        "duration": timedelta(hours=1, minutes=24, seconds=5),
        "standfirst": "The whole of the commemoration that Campaign Kazakhstan and Article 19 hosted "
        "together in London on 17 December 2013, now on video.",
        "body": "<p>On 17 December 2013 Campaign Kazakhstan and the free-expression organisation "
        "Article 19 co-hosted a commemoration in London. For everyone who could not be in the room, "
        "the campaign has published its recording of the full event.</p>"
        "<p>Please share it with your union branch, your friends and anyone who should hear what "
        "is happening to workers and political prisoners in Kazakhstan.</p>",
    },
]


def load_content():
    """Create or update the demo video posts, each published and with a poster.

    Idempotent: posts are matched by slug, and a poster is drawn only for a post that
    has none, so an editor's own upload is never replaced.
    """
    for spec in VIDEOS:
        fields = {key: value for key, value in spec.items() if key not in ("slug", "categories", "prisoners")}
        fields["published_at"] = timezone.make_aware(fields["published_at"], timezone.get_fixed_timezone(0))
        post, _ = VideoPost.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                **fields,
                "status": Post.Status.PUBLISHED,
                "byline": SiteSettings.current().name,
                "image_alt": f"Title card in the campaign's colours reading “{spec['title']}”.",
            },
        )
        post.categories.set([Category.objects.get(slug=slug) for slug in spec["categories"]])
        if not post.image:
            post.image.save(f"{spec['slug']}.png", ContentFile(draw_poster(spec["title"])), save=False)
            post.save(update_fields=["image"])
        post.prisoners.add(*Prisoner.objects.filter(slug__in=spec.get("prisoners", ())))


def draw_poster(title):
    """A 1280×720 PNG in the campaign's colours with the title on it."""
    width, height = POSTER_SIZE
    image = Image.new("RGB", POSTER_SIZE, INK)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 24], fill=RED)
    draw.rectangle([0, height - 160, width, height], fill=RED)
    draw.text((80, 80), SiteSettings.current().name.upper(), fill=GOLD, font=_font(36))
    title_font = _font(64)
    for number, line in enumerate(_wrap(draw, title, title_font, width - 160)[:4]):
        draw.text((80, 170 + number * 84), line, fill="#ffffff", font=title_font)
    draw.text((80, height - 105), "VIDEO", fill="#ffffff", font=_font(44))
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _wrap(draw, text, font, max_width):
    """The text in lines no wider than `max_width` pixels."""
    lines = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= max_width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _font(size):
    try:
        return ImageFont.load_default(size=size)  # Pillow's bundled font: no system fonts needed
    except (ImportError, OSError):  # Pillow without FreeType: a small bitmap font still works
        return ImageFont.load_default()
