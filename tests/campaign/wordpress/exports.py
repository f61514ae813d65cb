"""WordPress exports written the way WordPress writes them (Tools → Export, WXR 1.2), for the tests.

`export(...)` returns the XML text; `item(...)`, `category(...)`, `tag(...)` and `author(...)` build
its parts. Every value can be given; the defaults are those of a real campaign post of 2013.
"""

from io import BytesIO
from pathlib import Path

from PIL import Image

SITE = "http://campaignkazakhstan.org"


def cdata(text):
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def author(login="admin", name="Campaign Kazakhstan", author_id=1):
    return (
        f"<wp:author><wp:author_id>{author_id}</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>"
        f"<wp:author_email>{cdata(login + '@example.org')}</wp:author_email>"
        f"<wp:author_display_name>{cdata(name)}</wp:author_display_name>"
        f"<wp:author_first_name>{cdata('')}</wp:author_first_name></wp:author>"
    )


def category(nicename, name, *, term_id=1, parent="", description=""):
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id><wp:category_nicename>{cdata(nicename)}"
        f"</wp:category_nicename><wp:category_parent>{cdata(parent)}</wp:category_parent>"
        f"<wp:cat_name>{cdata(name)}</wp:cat_name>"
        f"<wp:category_description>{cdata(description)}</wp:category_description></wp:category>"
    )


def tag(slug, name, *, term_id=100):
    return (
        f"<wp:tag><wp:term_id>{term_id}</wp:term_id><wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
        f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>"
    )


def item(
    wp_id,
    title,
    *,
    post_type="post",
    status="publish",
    slug=None,
    date="2013-06-28 10:15:00",
    date_gmt=None,
    content="",
    excerpt="",
    categories=(),
    tags=(),
    creator="admin",
    sticky=False,
    password="",
    parent=0,
    meta=None,
    attachment_url="",
    comments=0,
    link=None,
    menu_order=0,
):
    slug = slug if slug is not None else title.lower().replace(" ", "-")
    year, month, day = date[:4], date[5:7], date[8:10]
    if link is None:
        if post_type == "post" and status == "publish":
            link = f"{SITE}/index.php/{year}/{month}/{day}/{slug}/"
        elif post_type == "page" and status == "publish":
            link = f"{SITE}/index.php/{slug}/"
        else:
            link = f"{SITE}/?p={wp_id}"
    date_gmt = date_gmt if date_gmt is not None else (date if status != "draft" else "0000-00-00 00:00:00")
    parts = [
        f"<title>{cdata(title)}</title>",
        f"<link>{link}</link>",
        "<pubDate>Fri, 28 Jun 2013 10:15:00 +0000</pubDate>",
        f"<dc:creator>{cdata(creator)}</dc:creator>",
        f'<guid isPermaLink="false">{SITE}/?p={wp_id}</guid>',
        "<description></description>",
        f"<content:encoded>{cdata(content)}</content:encoded>",
        f"<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>",
        f"<wp:post_id>{wp_id}</wp:post_id>",
        f"<wp:post_date>{cdata(date)}</wp:post_date>",
        f"<wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>",
        f"<wp:comment_status>{cdata('open')}</wp:comment_status>",
        f"<wp:post_name>{cdata(slug)}</wp:post_name>",
        f"<wp:status>{cdata(status)}</wp:status>",
        f"<wp:post_parent>{parent}</wp:post_parent>",
        f"<wp:menu_order>{menu_order}</wp:menu_order>",
        f"<wp:post_type>{cdata(post_type)}</wp:post_type>",
        f"<wp:post_password>{cdata(password)}</wp:post_password>",
        f"<wp:is_sticky>{1 if sticky else 0}</wp:is_sticky>",
    ]
    if attachment_url:
        parts.append(f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>")
    for nicename, name in categories:
        parts.append(f'<category domain="category" nicename="{nicename}">{cdata(name)}</category>')
    for nicename, name in tags:
        parts.append(f'<category domain="post_tag" nicename="{nicename}">{cdata(name)}</category>')
    for key, value in (meta or {}).items():
        parts.append(
            f"<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key><wp:meta_value>{cdata(value)}"
            "</wp:meta_value></wp:postmeta>"
        )
    for number in range(comments):
        parts.append(
            f"<wp:comment><wp:comment_id>{number + 1}</wp:comment_id><wp:comment_author>{cdata('Reader')}"
            f"</wp:comment_author><wp:comment_content>{cdata('Solidarity!')}</wp:comment_content></wp:comment>"
        )
    return "<item>" + "".join(parts) + "</item>"


def attachment(wp_id, file, *, title="Photo", alt="", caption="", parent=0, date="2013-06-28 10:00:00"):
    """An image attachment stored at wp-content/uploads/`file` ("2013/06/photo.jpg")."""
    return item(
        wp_id,
        title,
        post_type="attachment",
        status="inherit",
        slug=title.lower().replace(" ", "-"),
        date=date,
        excerpt=caption,
        parent=parent,
        attachment_url=f"{SITE}/wp-content/uploads/{file}",
        link=f"{SITE}/?attachment_id={wp_id}",
        meta={"_wp_attached_file": file, **({"_wp_attachment_image_alt": alt} if alt else {})},
    )


def export(*items, authors=None, categories=(), tags=(), version="1.2", title="Campaign Kazakhstan"):
    authors = [author()] if authors is None else authors
    return (
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        "<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->\n"
        '<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/{v}/">\n'
        "<channel>\n"
        f"<title>{title}</title><link>{SITE}</link><description>Solidarity</description>"
        "<pubDate>Mon, 01 Dec 2025 10:00:00 +0000</pubDate><language>en-GB</language>"
        f"<wp:wxr_version>{version}</wp:wxr_version>"
        f"<wp:base_site_url>{SITE}</wp:base_site_url><wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        + "".join(authors)
        + "".join(categories)
        + "".join(tags)
        + "<generator>https://wordpress.org/?v=6.4</generator>\n"
        + "\n".join(items)
        + "\n</channel>\n</rss>\n"
    ).replace("{v}", version)


def write(tmp_path, text, name="export.xml"):
    path = Path(tmp_path) / name
    path.write_text(text, encoding="utf-8")
    return path


def uploads(tmp_path, *files, colour="#9b1c1c"):
    """A copy of wp-content/uploads with a small real JPEG at each of `files`."""
    root = Path(tmp_path) / "uploads"
    for file in files:
        target = root / file
        target.parent.mkdir(parents=True, exist_ok=True)
        buffer = BytesIO()
        Image.new("RGB", (64, 36), colour).save(buffer, format="JPEG")
        target.write_bytes(buffer.getvalue())
    root.mkdir(exist_ok=True)
    return root


# --- The campaign's own site, in small: what the tests of the import read ----------------------

PROTEST_BODY = """<!-- wp:paragraph -->
Workers demand nationalisation not ‘conservation’ of KazakhMys.

On the morning of 24 June, hundreds of angry Zhezkazgan residents gathered outside the metal foundry.
They feared for the future of their town.
<!-- /wp:paragraph -->

[caption id="attachment_201" align="aligncenter" width="300"]<a href="http://campaignkazakhstan.org/wp-content/uploads/2013/06/protest.jpg"><img class="size-medium wp-image-201" src="http://campaignkazakhstan.org/wp-content/uploads/2013/06/protest-300x169.jpg" alt="Residents outside the foundry" width="300" height="169" /></a> Residents outside the foundry gates[/caption]

Video film of Monday’s demonstration:

https://www.youtube.com/watch?v=dQw4w9WgXcQ

Read the <a href="http://campaignkazakhstan.org/index.php/2013/07/02/paul-murphy-mep-expresses-solidarity/">model letter of protest</a> and <a href="https://example.org/elsewhere">elsewhere</a>.

<img src="http://tracker.example.com/pixel.gif" alt="" />

[gallery ids="201,202"]

<script>alert("x")</script>"""

LETTER_BODY = """Below is a model message of protest – please send yours to the Kazakhstan embassy in your country.

<blockquote>I am writing this letter of protest at the vicious devastation of the community of workers in Zhezkazgan.</blockquote>

Yours in protest,"""

MINERS_BODY = """Video: South African Miners declare solidarity with Kazakhstan workers

<iframe width="560" height="315" src="https://www.youtube.com/embed/aaaaaaaaaaa" frameborder="0" allowfullscreen></iframe>"""


def campaign_export(*extra_items, protest_title="Angry protests erupt in Zhezkazgan", version="1.2"):
    """Categories with a parent, tags, two authors, posts of every status, two pages, images."""
    return export(
        item(
            101,
            protest_title,
            slug="angry-protests-erupt-in-zhezkazgan",
            date="2013-06-28 10:15:00",
            content=PROTEST_BODY,
            excerpt="Workers demand nationalisation",
            categories=[("appeals", "Appeals"), ("zhezkazgan", "Zhezkazgan")],
            tags=[("kazakhmys", "KazakhMys")],
            creator="rosa",
            sticky=True,
            meta={"_thumbnail_id": "201"},
            comments=3,
        ),
        item(
            102,
            "Paul Murphy MEP expresses solidarity",
            slug="paul-murphy-mep-expresses-solidarity",
            date="2013-07-02 09:00:00",
            content=LETTER_BODY,
            categories=[("appeals", "Appeals")],
        ),
        item(
            103,
            "South African Miners declare solidarity",
            slug="south-african-miners",
            date="2013-05-10 12:00:00",
            content=MINERS_BODY,
            categories=[("video", "Video")],
        ),
        item(104, "Unfinished report", status="draft", slug="", content="Notes."),
        item(105, "Anniversary of Zhanaozen", status="future", date="2099-12-16 08:00:00", content="Soon."),
        item(106, "Internal minutes", status="private", content="Only for us."),
        item(107, "Members only", password="secret", content="Hidden."),
        item(108, "Deleted post", status="trash", content="Gone."),
        item(301, "About us", post_type="page", slug="about", content="We are a solidarity campaign."),
        item(302, "Donate", post_type="page", slug="donate", content="Every pound helps.", menu_order=2),
        attachment(
            201, "2013/06/protest.jpg", title="Protest", alt="Residents outside the foundry", parent=101
        ),
        attachment(202, "2013/06/foundry.jpg", title="Foundry", caption="The KazakhMys foundry", parent=101),
        attachment(203, "2013/06/lost.jpg", title="Lost photo", parent=101),
        item(401, "Home", post_type="nav_menu_item", status="publish", content=""),
        *extra_items,
        authors=[author("rosa", "Rosa Tuleteva", 2), author("admin", "Campaign Kazakhstan", 1)],
        categories=[
            category("appeals", "Appeals", term_id=3, description="Calls to act now."),
            category("video", "Video", term_id=4),
            category(
                "zhezkazgan", "Zhezkazgan", term_id=5, parent="appeals", description="The foundry town."
            ),
        ],
        tags=[tag("kazakhmys", "KazakhMys", term_id=10)],
        version=version,
    )


def campaign_uploads(tmp_path):
    return uploads(tmp_path, "2013/06/protest.jpg", "2013/06/foundry.jpg")
