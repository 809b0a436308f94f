"""Settings: everything comes from the environment, with defaults that run on one machine
with nothing installed (SQLite file in ./var, tasks run in-process, e-mail printed to the console).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from kakehashi.config.secret_key import SecretKeyError, load_secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("KAKEHASHI_VAR_DIR", Path.cwd() / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("KAKEHASHI_DEBUG", False)
try:
    SECRET_KEY = load_secret_key(debug=DEBUG, var_dir=VAR_DIR)
except SecretKeyError as error:
    raise ImproperlyConfigured(str(error)) from None
ALLOWED_HOSTS = os.environ.get("KAKEHASHI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(
    ","
)
# Behind HTTPS (KAKEHASHI_HTTPS=true, nginx terminating TLS and sending X-Forwarded-Proto):
# redirect plain HTTP, tell browsers to come back over HTTPS only (HSTS), send cookies only
# over HTTPS. `kakehashi check --deploy` then has nothing to warn about.
HTTPS = env_bool("KAKEHASHI_HTTPS", False)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = int(os.environ.get("KAKEHASHI_HSTS_SECONDS", 365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("KAKEHASHI_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("KAKEHASHI_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
# Health checks and metrics come from the load balancer and the scraper over plain HTTP on
# the private side.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# common/middleware.py sends it with every response; the browser tests fail on a violation.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
SESSION_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = [
    origin for origin in os.environ.get("KAKEHASHI_CSRF_TRUSTED_ORIGINS", "").split(",") if origin
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "ninja",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "kakehashi.common",
    "kakehashi.accounts",
    "kakehashi.directory",
    "kakehashi.notifications",
    "kakehashi.partnerships",
    "kakehashi.proposals",
    "kakehashi.matching",
    "kakehashi.events",
    "kakehashi.news",
    "kakehashi.insights",
    "kakehashi.messaging",
    "kakehashi.obstacles",
    "kakehashi.transfer",
    "kakehashi.api",
    "kakehashi.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (CSS, script, icons) from the app itself, with or without DEBUG.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "kakehashi.common.middleware.RejectNullCharactersMiddleware",
    "kakehashi.common.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "kakehashi.accounts.middleware.PreferredLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After the language is chosen and the visitor is known to carry no session; inside the
    # middleware that add the security headers, so answers from the cache get them too.
    "kakehashi.common.page_cache.AnonymousPageCacheMiddleware",
    # Last, as django-axes asks: it turns a paused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "kakehashi.config.urls"
WSGI_APPLICATION = "kakehashi.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kakehashi.common.context_processors.site",
            ],
        },
    },
]

SQLITE_PATH = VAR_DIR / "kakehashi.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL", default=f"sqlite:///{SQLITE_PATH}", conn_max_age=60
    )
}
# A pooled connection is checked before use, so that after a database restart the next
# request reconnects instead of failing on a dead connection.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers go on while one writer writes; IMMEDIATE takes the write lock at
        # the start of a transaction so two writers queue instead of failing half-way.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A file, not memory, so that tests with several threads (live server, concurrent
    # writers) share one test database; one per test process, so that two runs on one
    # machine do not write into each other's.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-kakehashi-{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First: it refuses a paused sign-in before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (accounts/throttling.py): after this many failures for one account, or
# from one address, signing in pauses until the cool-off has passed since the last failure.
AXES_FAILURE_LIMIT = int(os.environ.get("KAKEHASHI_SIGNIN_FAILURE_LIMIT", 8))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("KAKEHASHI_SIGNIN_PAUSE_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "kakehashi.accounts.throttling.attempted_account"
AXES_CLIENT_IP_CALLABLE = "kakehashi.accounts.throttling.client_address"
AXES_LOCKOUT_CALLABLE = "kakehashi.accounts.throttling.locked_out"
AXES_VERBOSE = False
# How many reverse proxies (nginx, a load balancer) stand before the app and add the address
# they saw to X-Forwarded-For; 0 trusts no such header.
KAKEHASHI_PROXY_COUNT = int(os.environ.get("KAKEHASHI_PROXY_COUNT", 0))

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("vi", _("Vietnamese")), ("ja", _("Japanese"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "kakehashi_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = os.environ.get("KAKEHASHI_TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("KAKEHASHI_STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks there first
# Production runs `kakehashi collectstatic` and sets KAKEHASHI_STATIC_COLLECTED=true: files
# get hashed names, compressed copies and far-future caching. Otherwise (the demo, the tests)
# WhiteNoise serves the files straight from the apps' static folders.
STATIC_COLLECTED = env_bool("KAKEHASHI_STATIC_COLLECTED", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_COLLECTED
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_COLLECTED
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("KAKEHASHI_MEDIA_ROOT", VAR_DIR / "media"))
# Snapshots of the matching index that processes start from (docs/operations.md): on local
# disk of each app server, or a folder they share; workers write it.
MATCHING_SNAPSHOT_DIR = Path(
    os.environ.get("KAKEHASHI_MATCHING_SNAPSHOT_DIR", VAR_DIR / "matching-snapshots")
)
# Uploaded partnership documents: PDF or image, at most this many bytes.
KAKEHASHI_MAX_UPLOAD_BYTES = int(os.environ.get("KAKEHASHI_MAX_UPLOAD_BYTES", 10 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * KAKEHASHI_MAX_UPLOAD_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

EMAIL_BACKEND = os.environ.get(
    "KAKEHASHI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("KAKEHASHI_FROM_EMAIL", "Kakehashi <no-reply@kakehashi.local>")
# The SMTP server, when KAKEHASHI_EMAIL_BACKEND is django.core.mail.backends.smtp.EmailBackend.
EMAIL_HOST = os.environ.get("KAKEHASHI_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("KAKEHASHI_EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("KAKEHASHI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("KAKEHASHI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("KAKEHASHI_EMAIL_USE_TLS", False)

# Background work. The default runs each task in a thread of the web process (the demo, one
# machine). KAKEHASHI_TASKS_BACKEND=database queues tasks in the database for
# `kakehashi db_worker` processes (production, docs/operations.md): one or more workers on the
# "default" queue (e-mails, index upkeep) and one on "scheduler" (long solver runs), so that a
# run never holds up an e-mail. Any other value names a django-tasks backend class.
TASK_QUEUES = ["default", "scheduler"]
_tasks_backend = os.environ.get("KAKEHASHI_TASKS_BACKEND", "kakehashi.common.tasks.ThreadBackend")
if _tasks_backend == "database":
    _tasks_backend = "django_tasks_db.DatabaseBackend"
TASKS = {"default": {"BACKEND": _tasks_backend, "QUEUES": TASK_QUEUES}}
# A scheduler run writes a heartbeat this often; one silent for longer than the second figure
# counts as dead (its worker was killed) and is marked failed.
KAKEHASHI_RUN_HEARTBEAT_SECONDS = float(os.environ.get("KAKEHASHI_RUN_HEARTBEAT_SECONDS", 10))
KAKEHASHI_RUN_STALE_SECONDS = float(os.environ.get("KAKEHASHI_RUN_STALE_SECONDS", 120))
# Remote meetings (a delegation that attends by video): the address of a Jitsi-compatible
# server, e.g. https://meet.jit.si or your own; each remote meeting's link is this address
# followed by its unguessable room name. Empty (the default): no links are made, and remote
# meetings say that the organisers will send the link.
KAKEHASHI_VIDEO_URL = os.environ.get("KAKEHASHI_VIDEO_URL", "").strip()
# Machine translation drafts (common/machine_translation.py): a LibreTranslate-compatible
# service, self-hosted; empty (the default) means none, and proposals wait for a person's
# translation. A failed call is retried later (with the database queue) up to
# KAKEHASHI_TRANSLATION_ATTEMPTS times.
KAKEHASHI_TRANSLATION_URL = os.environ.get("KAKEHASHI_TRANSLATION_URL", "")
KAKEHASHI_TRANSLATION_API_KEY = os.environ.get("KAKEHASHI_TRANSLATION_API_KEY", "")
KAKEHASHI_TRANSLATION_TIMEOUT = float(os.environ.get("KAKEHASHI_TRANSLATION_TIMEOUT", 10))
KAKEHASHI_TRANSLATION_ATTEMPTS = int(os.environ.get("KAKEHASHI_TRANSLATION_ATTEMPTS", 6))
# With the database queue a worker runs the daily jobs (common/daily.py) each day at this
# time of TIME_ZONE; `kakehashi daily` from a timer or cron stays possible (the day is claimed
# once either way). KAKEHASHI_DAILY_BY_WORKER=false leaves them to the timer alone.
KAKEHASHI_DAILY_AT = os.environ.get("KAKEHASHI_DAILY_AT", "06:00")
KAKEHASHI_DAILY_BY_WORKER = env_bool("KAKEHASHI_DAILY_BY_WORKER", True)
# Each delegation of a published meeting gets a reminder this many minutes before it starts
# (events/services/reminders.py); with the database queue a worker sweeps for due reminders
# every KAKEHASHI_MEETING_REMINDER_SWEEP_MINUTES, else `kakehashi send_meeting_reminders`
# from a timer does.
KAKEHASHI_MEETING_REMINDER_MINUTES = int(os.environ.get("KAKEHASHI_MEETING_REMINDER_MINUTES", 30))
KAKEHASHI_MEETING_REMINDER_SWEEP_MINUTES = int(
    os.environ.get("KAKEHASHI_MEETING_REMINDER_SWEEP_MINUTES", 5)
)
# Reminders also as Web Push messages to browsers that opted in (notifications/push.py): off
# unless KAKEHASHI_WEB_PUSH=true with a VAPID key pair (`kakehashi vapid_keys` makes one) and
# a contact address for the push services.
KAKEHASHI_WEB_PUSH = env_bool("KAKEHASHI_WEB_PUSH", False)
KAKEHASHI_VAPID_PRIVATE_KEY = os.environ.get("KAKEHASHI_VAPID_PRIVATE_KEY", "")
KAKEHASHI_VAPID_PUBLIC_KEY = os.environ.get("KAKEHASHI_VAPID_PUBLIC_KEY", "")
KAKEHASHI_VAPID_SUBJECT = os.environ.get("KAKEHASHI_VAPID_SUBJECT", "mailto:admin@localhost")
KAKEHASHI_WEB_PUSH_TIMEOUT = float(os.environ.get("KAKEHASHI_WEB_PUSH_TIMEOUT", 10))
# How long a push service keeps a message for a browser that is offline: a reminder is of
# no use after its meeting has begun.
KAKEHASHI_WEB_PUSH_TTL = int(os.environ.get("KAKEHASHI_WEB_PUSH_TTL", 1800))
# Days after a held meeting when both delegations are asked what came of it (once each, by
# the daily job send_follow_up_asks).
KAKEHASHI_FOLLOW_UP_DAYS = int(os.environ.get("KAKEHASHI_FOLLOW_UP_DAYS", 182))
# The news desk (docs/operations.md): the worker reads the subscribed RSS/Atom feeds every
# KAKEHASHI_NEWS_FEED_MINUTES; each fetch gives up after KAKEHASHI_NEWS_FEED_TIMEOUT seconds
# and refuses a feed larger than KAKEHASHI_NEWS_FEED_MAX_BYTES.
KAKEHASHI_NEWS_FEED_MINUTES = int(os.environ.get("KAKEHASHI_NEWS_FEED_MINUTES", 60))
KAKEHASHI_NEWS_FEED_TIMEOUT = float(os.environ.get("KAKEHASHI_NEWS_FEED_TIMEOUT", 10))
KAKEHASHI_NEWS_FEED_MAX_BYTES = int(
    os.environ.get("KAKEHASHI_NEWS_FEED_MAX_BYTES", 2 * 1024 * 1024)
)
# Uploaded articles (.txt, .html, .pdf) larger than this are refused.
KAKEHASHI_NEWS_MAX_UPLOAD_BYTES = int(
    os.environ.get("KAKEHASHI_NEWS_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
)

# The cache (docs/operations.md): by default each process keeps its own in memory
# (nothing to install or clean). "file" or "database" share one cache between the processes
# of a machine or of every app server; any other value names a Django cache backend class,
# with KAKEHASHI_CACHE_LOCATION (e.g. django.core.cache.backends.redis.RedisCache).
_cache_backend = os.environ.get("KAKEHASHI_CACHE_BACKEND", "locmem")
_cache_location = os.environ.get("KAKEHASHI_CACHE_LOCATION", "")
_cache_entries = {"MAX_ENTRIES": int(os.environ.get("KAKEHASHI_CACHE_MAX_ENTRIES", 2000))}
_cache = {
    "locmem": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kakehashi",
        "OPTIONS": _cache_entries,
    },
    "file": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": _cache_location or str(VAR_DIR / "cache"),
        "OPTIONS": _cache_entries,
    },
    # `kakehashi createcachetable` makes the table (once, and after each upgrade).
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": _cache_location or "kakehashi_cache",
        "OPTIONS": _cache_entries,
    },
}.get(_cache_backend, {"BACKEND": _cache_backend, "LOCATION": _cache_location})
CACHES = {"default": _cache}
# Public pages and API reads for visitors who are not signed in are kept this many seconds
# at most (common/page_cache.py); 0 turns it off.
KAKEHASHI_PAGE_CACHE = "default"
KAKEHASHI_PAGE_CACHE_SECONDS = int(os.environ.get("KAKEHASHI_PAGE_CACHE_SECONDS", 30))

MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# /metrics for Prometheus (config/metrics.py): off unless KAKEHASHI_METRICS=true, and then
# only for a scraper with the bearer token KAKEHASHI_METRICS_TOKEN.
METRICS = env_bool("KAKEHASHI_METRICS", False)
METRICS_TOKEN = os.environ.get("KAKEHASHI_METRICS_TOKEN", "")
if METRICS:
    if len(METRICS_TOKEN) < 16:
        raise ImproperlyConfigured(
            "KAKEHASHI_METRICS=true needs KAKEHASHI_METRICS_TOKEN (at least 16 characters), "
            "the bearer token the scraper sends"
        )
    MIDDLEWARE = [
        "django_prometheus.middleware.PrometheusBeforeMiddleware",
        *MIDDLEWARE,
        "django_prometheus.middleware.PrometheusAfterMiddleware",
    ]

# Logs on standard error (journald keeps them): plain text, or one JSON object per line
# (KAKEHASHI_LOG_FORMAT=json, common/logs.py). KAKEHASHI_REQUEST_LOG=true adds one line per
# request with its duration (`kakehashi serve` then leaves out gunicorn's own access log).
LOG_FORMAT = os.environ.get("KAKEHASHI_LOG_FORMAT", "text")
REQUEST_LOG = env_bool("KAKEHASHI_REQUEST_LOG", False)
if REQUEST_LOG:
    MIDDLEWARE.insert(0, "kakehashi.common.logs.RequestLogMiddleware")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {"()": "kakehashi.common.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("KAKEHASHI_LOG_LEVEL", "WARNING")},
    "loggers": {"kakehashi.requests": {"level": "INFO" if REQUEST_LOG else "WARNING"}},
}
