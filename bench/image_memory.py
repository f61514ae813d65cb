"""Peak memory of cleaning one uploaded image: the re-encoding as it was, and as it is now.

    .venv/bin/python bench/image_memory.py

Three uploads: the 40-megapixel PNG of one colour (about 120 KB) that once took a worker
from 78 MB to 642 MB, the largest PNG accepted now (16 megapixels) and a 40-megapixel JPEG.

Each measurement runs in a fresh Python process (`--one`): the figure is that process's
peak resident memory (VmHWM) minus what it held just before the upload was cleaned
(the upload itself, Django and Pillow already loaded), so nothing earlier inflates it.
"Before" is the validation and re-encoding the site had until memory was bounded, kept
here verbatim; "now" is publishing.images as it stands.
"""

import argparse
import contextlib
import json
import os
import subprocess
import sys
from io import BytesIO
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
UPLOADS = [("PNG", (8000, 5000)), ("PNG", (4000, 4000)), ("JPEG", (8000, 5000))]


def _validate_before(upload):
    """publishing.images.validate_image_upload before: one pixel limit for every format."""
    from django.conf import settings
    from django.core.exceptions import ValidationError
    from PIL import Image, UnidentifiedImageError

    from publishing.images import OUTPUT_FORMATS

    if upload.size > settings.MAX_UPLOAD_IMAGE_BYTES:
        raise ValidationError("This image is too large.")
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > settings.MAX_UPLOAD_IMAGE_PIXELS:
                raise ValidationError("This image has too many pixels; please upload a smaller version.")
            if image.format not in OUTPUT_FORMATS:
                raise ValidationError("Please upload a JPEG, PNG, WebP or GIF image.")
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as error:
        raise ValidationError("This file is not an image we can read.") from error
    finally:
        upload.seek(0)


def _reencode_before(upload):
    """publishing.images.reencode_image before: full-size exif_transpose, tobytes and frombytes copies."""
    from django.core.files.uploadedfile import InMemoryUploadedFile
    from PIL import Image, ImageOps

    from publishing.images import EXTENSIONS, OUTPUT_FORMATS

    upload.seek(0)
    with Image.open(upload) as image:
        source_format = image.format
        image = ImageOps.exif_transpose(image)
        output_format = OUTPUT_FORMATS.get(source_format, "JPEG")
        if output_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        buffer = BytesIO()
        options = (
            {"quality": 85, "optimize": True} if output_format in ("JPEG", "WEBP") else {"optimize": True}
        )
        clean = Image.frombytes(image.mode, image.size, image.tobytes())
        if image.mode == "P" and image.getpalette():
            clean.putpalette(image.getpalette())
        clean.save(buffer, format=output_format, **options)
    name = PurePath(upload.name).stem + EXTENSIONS[output_format]
    size = buffer.tell()
    buffer.seek(0)
    return InMemoryUploadedFile(buffer, None, name, f"image/{output_format.lower()}", size, None)


def _resident_kib(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"no {field} in /proc/self/status")


def _reset_peak():
    # Linux: writing 5 to clear_refs resets VmHWM to the current resident size.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def measure_one(which, image_format, size):
    """Run in a fresh process: clean one huge image, print the figures as JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "campaign.settings")
    os.environ.setdefault("DEBUG", "true")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from publishing.images import reencode_image, validate_image_upload

    buffer = BytesIO()
    Image.new("RGB", size, "#9b1c1c").save(buffer, format=image_format)
    data = buffer.getvalue()
    del buffer
    upload = SimpleUploadedFile(f"huge.{image_format.lower()}", data, content_type="image/png")
    validate = _validate_before if which == "before" else validate_image_upload
    reencode = _reencode_before if which == "before" else reencode_image

    _reset_peak()
    start = _resident_kib("VmRSS")
    try:
        validate(upload)
        cleaned = reencode(upload)
    except ValidationError as refusal:
        outcome = "refused: " + " ".join(refusal.messages)
    else:
        with Image.open(cleaned) as stored:
            outcome = "stored as {}×{}".format(*stored.size)
    peak = _resident_kib("VmHWM")
    print(
        json.dumps(
            {
                "upload_kib": len(data) // 1024,
                "start_mib": start / 1024,
                "peak_mib": peak / 1024,
                "added_mib": (peak - start) / 1024,
                "outcome": outcome,
            }
        )
    )


def run(which, image_format, size):
    completed = subprocess.run(
        [sys.executable, __file__, "--one", which, "--format", image_format, "--size", "{}x{}".format(*size)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", choices=["before", "now"], help=argparse.SUPPRESS)
    parser.add_argument("--format", default="PNG", help=argparse.SUPPRESS)
    parser.add_argument("--size", default="8000x5000", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.one:
        size = tuple(int(side) for side in arguments.size.split("x"))
        measure_one(arguments.one, arguments.format, size)
        return

    print("Cleaning one upload (validation and re-encoding), each in a fresh process")
    header = ("upload", "", "code", "process", "peak", "added", "outcome")
    print("{:<24} {:>7} {:<7} {:>9} {:>9} {:>9}  {}".format(*header))
    for image_format, size in UPLOADS:
        for which in ("before", "now"):
            figures = run(which, image_format, size)
            upload = f"{image_format} {size[0]}×{size[1]} ({size[0] * size[1] / 1e6:.0f} MP)"
            print(
                f"{upload:<24} {figures['upload_kib']:>4} KB {which:<7}"
                f" {figures['start_mib']:>5.0f} MiB {figures['peak_mib']:>5.0f} MiB"
                f" {figures['added_mib']:>5.0f} MiB  {figures['outcome']}"
            )


if __name__ == "__main__":
    main()
