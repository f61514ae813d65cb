"""Settings for the campaign site: one module, every knob an environment variable.

Fails closed: DEBUG is off unless set, and with DEBUG off the site refuses to start
until SECRET_KEY, ALLOWED_HOSTS, SITE_URL, DATABASE_URL, DEFAULT_FROM_EMAIL and a mail
server are set. Development is DEBUG=true (`make run` and the tests set it) and needs
nothing else: SQLite, console e-mail, local memory cache. README.md lists every variable.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

# What is wrong with the environment: collected on the way down, reported together at
# the end of this module, so that one failed start names every variable to fix.
problems = []

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off"}


def env_bool(name, default=False):
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in TRUE_WORDS | FALSE_WORDS:
        problems.append(
            f"{name}={os.environ[name]!r} is not a boolean: use 1/0, true/false, yes/no or on/off "
            f"(any case), or leave it empty for the default ({'true' if default else 'false'})."
        )
        return default
    return value in TRUE_WORDS


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        problems.append(
            f"{name}={os.environ[name]!r} is not an integer: use a whole number, "
            f"or leave it empty for the default ({default})."
        )
        return default


def url_scheme(url):
    """The scheme of an absolute web address ("http" or "https"), else None."""
    try:
        parts = urlsplit(url)
        is_absolute = parts.scheme in {"http", "https"} and bool(parts.hostname)
    except ValueError:  # e.g. an unclosed [ in an IPv6 address
        return None
    return parts.scheme if is_absolute else None


def required(name, development_default, meaning):
    """The variable's value. Unset, development falls back on `development_default`;
    production (DEBUG off) reports it, naming what it is for."""
    value = os.environ.get(name, "").strip()
    if not value and not DEBUG:
        problems.append(f"{name} is required when DEBUG is off: {meaning}.")
    return value or development_default


# --- Core -------------------------------------------------------------------

# Off unless set: a deploy that forgets it gets a site that refuses to start, not one
# that shows debug pages. `make run` and the test suite set DEBUG=true.
DEBUG = env_bool("DEBUG", False)
# Secure cookies, HSTS and the HTTPS redirect (the security section below).
SECURE_HTTPS = env_bool("SECURE_HTTPS", not DEBUG)

SECRET_KEY = required(
    "SECRET_KEY",
    # Development only: a fixed key keeps sessions across restarts of `make run`.
    "django-insecure-development-only-key-never-use-in-production",
    "generate one with python -c 'import secrets; print(secrets.token_urlsafe(50))'",
)

ALLOWED_HOSTS = [
    host.strip()
    for host in required(
        "ALLOWED_HOSTS",
        "localhost,127.0.0.1,[::1]",
        "the host names the site answers to, comma-separated (e.g. campaign.example.org)",
    ).split(",")
    if host.strip()
]

# Absolute links in e-mails, feeds and share buttons are built from this.
SITE_URL = required(
    "SITE_URL",
    "http://127.0.0.1:8000",
    "the public address that links in e-mails, feeds and share buttons point to "
    "(e.g. https://campaign.example.org)",
).rstrip("/")
site_url_given = os.environ.get("SITE_URL", "").strip()
if site_url_given and url_scheme(SITE_URL) is None:
    problems.append(
        f"SITE_URL={site_url_given!r} is not an absolute http(s) URL (e.g. https://campaign.example.org)."
    )
elif site_url_given and url_scheme(SITE_URL) == "http" and SECURE_HTTPS:
    problems.append(
        f"SITE_URL={site_url_given!r} must start with https:// while SECURE_HTTPS is on "
        "(set SECURE_HTTPS=false only for a site that is not served over HTTPS)."
    )
SITE_NAME = os.environ.get("SITE_NAME", "Campaign Kazakhstan")

INSTALLED_APPS = [
    # Before the admin, as it asks: every app's translation.py is read before any admin.py.
    "modeltranslation",
    # Django's admin, on the site's AdminSite (campaign/admin_site.py).
    "campaign.apps.CampaignAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.syndication",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_countries",
    "django_tasks_db",
    "axes",
    "django_prose_editor",
    # The site, floor by floor: ground apps that know no feature, the features on them, and
    # the assembly on top (campaign/site.py). Demo content is loaded in this order.
    "publishing",
    "prisoners",
    "outbox",
    "media_library",
    "appeals",
    "petitions",
    "campaign",
]

MIDDLEWARE = [
    # First: a hit is answered whole (its stored headers include those the middleware below
    # adds), without running anything else (campaign/page_cache.py).
    "campaign.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTML compressed when gunicorn answers directly, except pages with a secret in them
    # (a CSRF token: the admin), against BREACH (campaign/middleware.py).
    "campaign.middleware.PublicGZipMiddleware",
    # ETag / Last-Modified on pages and feeds: a repeat visit can be a 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address alone (/ru/..., /kk/..., English without a prefix), so
    # that each language is its own cacheable page (campaign/middleware.py says why).
    "campaign.middleware.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's token check; the anonymous public forms are checked by origin instead, so that
    # their pages are the same for everyone and shared caches may keep them
    # (publishing/crossorigin.py, @public_form).
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "campaign.middleware.PermissionsPolicyMiddleware",
    # Before anything resolves the address or looks it up: a control character in it is a 404.
    "campaign.middleware.NoControlCharactersInAddressMiddleware",
    # Before the form is read (the CSRF check and views read it after every middleware's
    # request phase), inside the header middleware: a form the site cannot read (not UTF-8)
    # gets the 400 page, with the site's security headers.
    "campaign.middleware.ReadableRequestMiddleware",
    # Old WordPress addresses: inside CommonMiddleware (an old address without its slash is
    # one hop, not two). Their redirects are never stored by the page cache (only 200s are).
    "campaign.redirects.OldAddressMiddleware",
    # Last, so that it sees the response of a failed login.
    "axes.middleware.AxesMiddleware",
]

# bench/ swaps in its own URLconf (the site plus a baseline view) for measurements.
ROOT_URLCONF = os.environ.get("ROOT_URLCONF", "campaign.urls")
WSGI_APPLICATION = "campaign.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "campaign.context_processors.site",
                "campaign.context_processors.languages",
                "petitions.context_processors.featured_petition",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------

# Lower case, so that the URL (and its password) does not become a setting of its own.
development_database_url = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
database_url = required(
    "DATABASE_URL", development_database_url, "e.g. postgres://user:password@host:5432/campaign"
)
try:
    DATABASES = {
        "default": dj_database_url.parse(
            database_url,
            # Persistent connections, checked before reuse so that the site
            # recovers by itself after the database restarts.
            conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError as error:
    problems.append(f"DATABASE_URL is not a database URL Django can use ({error}).")
    DATABASES = {"default": dj_database_url.parse(development_database_url)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # IMMEDIATE transactions and WAL let the dev server, the task worker
        # and browser tests write without "database is locked" errors.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file (not memory) so browser tests and subprocesses see the same data; one per
    # process so that two test runs on one machine never share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f"test-db-{os.getpid()}.sqlite3")}
else:
    # psycopg 3: one round trip fewer per query on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {})["server_side_binding"] = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ------------------------------------------------------------------

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Shared by every app server: page cache, rate limits and counters agree.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "campaign"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The counters of the limits against floods (publishing/limits.py): in Redis when there is one, otherwise in
# the database, which every gunicorn worker shares (local memory is each worker's own).
ABUSE_LIMITS_STORE = "cache" if REDIS_URL else "database"

# Seconds an anonymous page may be served from the cache: this bounds how old a
# petition count on a cached page can be. Editorial changes and scheduled posts
# coming due invalidate cached pages at once, whatever this is (campaign/page_cache.py).
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 5)
# Sent with every anonymous page for shared caches (nginx, a CDN): how long past its lifetime
# a page may be served while a fresh one is fetched, and while the site answers errors (the
# database is down). The page cache keeps pages that long past their lifetime for the same use.
PAGE_STALE_WHILE_REVALIDATE_SECONDS = env_int("PAGE_STALE_WHILE_REVALIDATE_SECONDS", 30)
PAGE_STALE_IF_ERROR_SECONDS = env_int("PAGE_STALE_IF_ERROR_SECONDS", 86400)
# Compared with the address without its language prefix (/ru/search/ is /search/).
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/search/", "/healthz", "/media/", "/static/")

# --- Background tasks -------------------------------------------------------

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- Authentication ---------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# Admin brute-force protection (django-axes): lock a username+IP pair out after
# AXES_FAILURE_LIMIT wrong passwords for AXES_COOLOFF_HOURS, and the account itself, from every
# address, after AXES_ACCOUNT_FAILURE_LIMIT wrong passwords from anywhere, for
# AXES_ACCOUNT_COOLOFF_MINUTES after the last one (campaign/login_limits.py; README explains).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_ACCOUNT_FAILURE_LIMIT = env_int("AXES_ACCOUNT_FAILURE_LIMIT", 10)
AXES_ACCOUNT_COOLOFF_MINUTES = env_int("AXES_ACCOUNT_COOLOFF_MINUTES", 15)
AXES_HANDLER = "campaign.login_limits.AccountLimitHandler"
for name, value in [
    ("AXES_FAILURE_LIMIT", AXES_FAILURE_LIMIT),
    ("AXES_ACCOUNT_FAILURE_LIMIT", AXES_ACCOUNT_FAILURE_LIMIT),
    ("AXES_ACCOUNT_COOLOFF_MINUTES", AXES_ACCOUNT_COOLOFF_MINUTES),
]:
    if value < 1:
        problems.append(f"{name} must be at least 1 (it is {value}): otherwise nobody could log in.")
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"

# The client address comes from REMOTE_ADDR unless the site sits behind a
# proxy we trust, which then appends the real address to X-Forwarded-For.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "publishing.net.client_ip"

# django-axes' records of admin logins (usernames, staff IP addresses) are deleted after this
# many days (campaign/tasks.py, daily); the privacy notice says so.
ADMIN_LOGIN_LOG_RETENTION_DAYS = env_int("ADMIN_LOGIN_LOG_RETENTION_DAYS", 30)
if ADMIN_LOGIN_LOG_RETENTION_DAYS < 1:
    problems.append(
        f"ADMIN_LOGIN_LOG_RETENTION_DAYS must be at least 1 (it is {ADMIN_LOGIN_LOG_RETENTION_DAYS}): "
        "the lockout reads the attempts of the last hours."
    )

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 8)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# --- Security headers (production turns HTTPS on) -------------------------------

SECURE_SSL_REDIRECT = SECURE_HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = SECURE_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# No inline script or style anywhere, so no nonce is needed and a cached page
# is the same for every visitor.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    # The nonce is only sent where a page uses it: the admin's editor (its import map is inline).
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)

# --- Internationalisation ---------------------------------------------------

LANGUAGE_CODE = "en"
# Each language is named in itself, so that a reader finds their own in the switcher.
LANGUAGES = [("en", "English"), ("ru", "Русский"), ("kk", "Қазақша")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers in each reader's language, over Django's own formats (Kazakh has none there).
FORMAT_MODULE_PATH = ["campaign.formats"]
# Content in Russian and Kazakh (django-modeltranslation): extra columns on the same tables,
# English the original that an untranslated field falls back on. Only the English column is
# filled when code creates an item with `title=...`, so a missing translation stays visible
# as missing (the admin's "Translations" column, the note on the page).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
MODELTRANSLATION_AUTO_POPULATE = "default"
# The admin's language tabs need jQuery UI: vendored (static/vendor/jquery-ui/), never the
# library's default CDN address, which the Content-Security-Policy would block anyway.
# (django-modeltranslation reads this setting without its MODELTRANSLATION_ prefix.)
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static and media files -------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names with far-future cache headers in production;
        # plain names in development so that no collectstatic run is needed.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
WHITENOISE_MAX_AGE = 60 if DEBUG else 31536000

# Uploaded images: anything larger is refused with a message.
MAX_UPLOAD_IMAGE_BYTES = env_int("MAX_UPLOAD_IMAGE_BYTES", 10 * 1024 * 1024)
MAX_UPLOAD_IMAGE_PIXELS = env_int("MAX_UPLOAD_IMAGE_PIXELS", 40_000_000)
# Uploaded documents (a petition's response received at a hand-in): PDF, DOCX or an image.
MAX_UPLOAD_DOCUMENT_BYTES = env_int("MAX_UPLOAD_DOCUMENT_BYTES", 20 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- E-mail -----------------------------------------------------------------

# Console output in development; SMTP (configured by the EMAIL_* variables) otherwise.
SMTP_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Backends that keep every message on this machine: for development and tests only.
LOCAL_EMAIL_BACKENDS = {
    f"django.core.mail.backends.{name}.EmailBackend" for name in ("console", "locmem", "dummy", "filebased")
}
EMAIL_BACKEND_PATH = os.environ.get("EMAIL_BACKEND", "").strip() or (
    "django.core.mail.backends.console.EmailBackend" if DEBUG else SMTP_EMAIL_BACKEND
)
if not DEBUG and EMAIL_BACKEND_PATH in LOCAL_EMAIL_BACKENDS:
    problems.append(
        f"EMAIL_BACKEND={EMAIL_BACKEND_PATH} is refused when DEBUG is off: it keeps messages on this "
        "machine (printed, stored or dropped), so confirmation e-mails would never reach signers. "
        "Unset it to use SMTP (EMAIL_HOST and the other EMAIL_* variables) or name a backend that "
        "delivers mail."
    )
# A stalled mail server must not hold a worker for ever. (Lower case: with MAILERS
# defined, Django refuses an EMAIL_TIMEOUT setting.)
email_timeout = env_int("EMAIL_TIMEOUT", 20)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH == SMTP_EMAIL_BACKEND:
    MAILERS["default"]["OPTIONS"] = {
        "host": required("EMAIL_HOST", "localhost", "the SMTP server that sends confirmation e-mails"),
        "port": env_int("EMAIL_PORT", 587),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
        "timeout": email_timeout,
    }
DEFAULT_FROM_EMAIL = required(
    "DEFAULT_FROM_EMAIL",
    "Campaign Kazakhstan <noreply@localhost>",
    "the sender of every e-mail, an address of the campaign's domain "
    "(e.g. Campaign Kazakhstan <noreply@campaign.example.org>)",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Petitions --------------------------------------------------------------

# How long the link in a confirmation e-mail works; the page then offers a new one.
PETITIONS_CONFIRMATION_LINK_DAYS = env_int("PETITIONS_CONFIRMATION_LINK_DAYS", 7)
# Signatures never confirmed are deleted after this many days.
PETITIONS_UNCONFIRMED_RETENTION_DAYS = env_int("PETITIONS_UNCONFIRMED_RETENTION_DAYS", 30)
# Signers' personal data is erased this many days after a petition closes (the count stays).
PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS = env_int("PETITIONS_ANONYMISE_AFTER_CLOSE_DAYS", 180)
# Signings from one address per hour that count; later ones are kept but flagged, not counted.
PETITIONS_SIGNATURES_PER_IP_PER_HOUR = env_int("PETITIONS_SIGNATURES_PER_IP_PER_HOUR", 10)
# Of those flagged signings, how many per address per hour are still sent their confirmation
# e-mail (they count once confirmed); the rest wait for a campaign manager.
PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR = env_int("PETITIONS_FLAGGED_EMAILS_PER_IP_PER_HOUR", 50)
# E-mails one signature may trigger per hour (repeat signings, new-link requests).
PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR = env_int("PETITIONS_EMAILS_PER_SIGNATURE_PER_HOUR", 3)
# Letters reported sent ("I sent it") per client address per hour that count on an appeal.
APPEALS_LETTERS_PER_IP_PER_HOUR = env_int("APPEALS_LETTERS_PER_IP_PER_HOUR", 10)
# Counter rows per petition: confirmations update one at random, so they rarely wait on each other.
PETITIONS_COUNTER_SHARDS = env_int("PETITIONS_COUNTER_SHARDS", 16)
# How often the worker recounts signatures and applies the retention rules.
PETITIONS_MAINTENANCE_INTERVAL_HOURS = env_int("PETITIONS_MAINTENANCE_INTERVAL_HOURS", 24)
# E-mails to signers wait in an outbox table until the worker has delivered them.
# Attempts per e-mail before giving up (the row stays, with its last error, for the admin).
EMAIL_RETRY_MAX_ATTEMPTS = env_int("EMAIL_RETRY_MAX_ATTEMPTS", 8)
# Wait before the first retry; each later wait is four times longer (at most 6 hours).
EMAIL_RETRY_BACKOFF_SECONDS = env_int("EMAIL_RETRY_BACKOFF_SECONDS", 30)
# How long one delivery attempt holds an e-mail; if its worker dies, another tries after this.
# Must be longer than EMAIL_TIMEOUT, or a slow but live attempt could be doubled.
EMAIL_LEASE_SECONDS = env_int("EMAIL_LEASE_SECONDS", 600)
if email_timeout >= EMAIL_LEASE_SECONDS:
    problems.append(
        f"EMAIL_LEASE_SECONDS ({EMAIL_LEASE_SECONDS}) must be longer than EMAIL_TIMEOUT ({email_timeout}): "
        "otherwise another worker may take over an e-mail whose slow delivery is still under way, "
        "and the signer gets it twice."
    )
# Delivered (or given-up) e-mails hold the signer's name, address and links: deleted after this.
EMAIL_OUTBOX_RETENTION_DAYS = env_int("EMAIL_OUTBOX_RETENTION_DAYS", 7)
# The mail provider's caps, for every e-mail the outbox sends (confirmations and updates alike):
# at most this many a minute and a day (0: no cap). Mail over a cap waits for the next window.
OUTBOX_RATE_PER_MINUTE = env_int("OUTBOX_RATE_PER_MINUTE", 60)
OUTBOX_RATE_PER_DAY = env_int("OUTBOX_RATE_PER_DAY", 10_000)
# The share of each cap that bulk mail (updates) may use: the rest is kept for confirmations,
# which a signer is waiting for, so that an update to 100,000 people never delays them.
OUTBOX_BULK_SHARE_PERCENT = env_int("OUTBOX_BULK_SHARE_PERCENT", 80)
if not 1 <= OUTBOX_BULK_SHARE_PERCENT <= 100:
    problems.append(f"OUTBOX_BULK_SHARE_PERCENT ({OUTBOX_BULK_SHARE_PERCENT}) must be between 1 and 100.")
if OUTBOX_RATE_PER_MINUTE < 0 or OUTBOX_RATE_PER_DAY < 0:
    problems.append("OUTBOX_RATE_PER_MINUTE and OUTBOX_RATE_PER_DAY must be 0 (no cap) or more.")
# The secret in the address of the bounce and complaint webhook (/outbox/bounces/<provider>/<secret>/).
# Unset: the webhook does not exist (404), so nobody can mark addresses undeliverable.
OUTBOX_WEBHOOK_SECRET = os.environ.get("OUTBOX_WEBHOOK_SECRET", "").strip()
if OUTBOX_WEBHOOK_SECRET and len(OUTBOX_WEBHOOK_SECRET) < 24:
    problems.append(
        "OUTBOX_WEBHOOK_SECRET must be at least 24 characters (or unset to turn the webhook off)."
    )
# Where List-Unsubscribe may also point (an address whose mail someone reads), or empty for none.
OUTBOX_UNSUBSCRIBE_MAILTO = os.environ.get("OUTBOX_UNSUBSCRIBE_MAILTO", "").strip()

# --- Forms ------------------------------------------------------------------

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Logging: to stderr, where gunicorn and systemd collect it -------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Start-up check: everything above that was missing or invalid, at once ----

if problems:
    raise ImproperlyConfigured(
        "The site cannot start; fix these environment variables (README.md, Configuration):\n"
        + "\n".join(f"  - {problem}" for problem in problems)
        + (
            ""
            if DEBUG
            else "\nDEBUG is off (unset, false, or not a boolean), so these are production settings. "
            "For a development site set DEBUG=true (make run and the tests do)."
        )
    )
