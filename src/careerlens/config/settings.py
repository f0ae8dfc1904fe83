"""careerlens settings, read from environment variables (see docs/settings.md)."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from careerlens.config.env import Env

env = Env()

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env.str("CAREERLENS_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.secret_key(debug=DEBUG, base_dir=BASE_DIR)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Behind HTTPS in production: redirect, secure cookies and HSTS. Off by default only with DEBUG.
HTTPS_ONLY = env.bool("HTTPS_ONLY", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # a load balancer's health check may come over plain HTTP
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS_ONLY else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
if env.bool("USE_X_FORWARDED_PROTO", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "careerlens.web.views.csrf_failure"

# careerlens's apps come first, so that their French wins over Django's where a message is the same
# ("Page not found", "Yes", …); Django merges catalogues in this order.
INSTALLED_APPS = [
    "careerlens.accounts",
    "careerlens.audit",
    "careerlens.reference",
    "careerlens.clients",
    "careerlens.network",
    "careerlens.casework",
    "careerlens.pathways",
    "careerlens.segmentation",
    "careerlens.evaluation",
    "careerlens.dashboards",
    "careerlens.portal",
    "careerlens.snapshots",
    "careerlens.web",
    "careerlens.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "ninja",  # serves the API docs' Swagger UI from our own static files, not a CDN
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "careerlens.audit.middleware.RequestIdMiddleware",
    "careerlens.web.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "careerlens.accounts.middleware.SessionRenewalMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "careerlens.audit.middleware.AuditActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "careerlens.config.urls"
WSGI_APPLICATION = "careerlens.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "careerlens.web.context_processors.shell",
            ],
        },
    }
]

DATABASES = {
    "default": env.database("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'careerlens.sqlite3'}"),
}
# Seconds a request's database connection is kept for the next request of the same worker (0: closed at the
# end of each request); kept connections are checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0, minimum=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:start"
LOGOUT_REDIRECT_URL = "web:home"

# Lock-out after repeated failed logins (django-axes), per account name and address.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5, minimum=1)
AXES_COOLOFF_TIME = env.int("LOGIN_LOCKOUT_MINUTES", default=30, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

# Idle sessions expire: their expiry is renewed by SessionRenewalMiddleware at most once a minute.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30, minimum=1) * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LANGUAGE_COOKIE_NAME = "careerlens_language"
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", "America/Toronto")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [BASE_DIR / "build" / "static"] if (BASE_DIR / "build" / "static").is_dir() else []
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = env.bool("STATIC_FROM_FINDERS", default=DEBUG)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# careerlens's own settings
REFERENCE_DATA_DIR = Path(env.str("REFERENCE_DATA_DIR", str(PACKAGE_DIR / "reference" / "data")))
ADMINS_EMAIL_FROM = env.str("DEFAULT_FROM_EMAIL", "careerlens@localhost")
DEFAULT_FROM_EMAIL = ADMINS_EMAIL_FROM
EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
SMALL_CELL_THRESHOLD = env.int("SMALL_CELL_THRESHOLD", default=10, minimum=1)
REFERRAL_WAIT_DAYS = env.int("REFERRAL_WAIT_DAYS", default=10, minimum=1)
# The IES funded-outcome rule (docs/casework.md): hours and wage a job must reach at a checkpoint.
IES_MIN_HOURS = env.decimal("IES_MIN_HOURS", "20", minimum="0")
IES_MIN_HOURLY_WAGE = env.decimal("IES_MIN_HOURLY_WAGE", "17.60", minimum="0")
CHECKPOINT_MONTHS = (1, 3, 6, 12)
# Job Bank 3-year outlooks by economic region, as imported by `careerlens load-jobbank` (docs/pathways.md).
JOBBANK_OUTLOOKS_FILE = Path(env.str("JOBBANK_OUTLOOKS_FILE", str(VAR_DIR / "jobbank-outlooks.csv")))
# The analytics snapshot (Parquet tables as the simulator writes them) the engines read; the demo writes
# its simulated province there.
ANALYTICS_SNAPSHOT_DIR = Path(env.str("ANALYTICS_SNAPSHOT_DIR", str(VAR_DIR / "snapshot")))
# Segmentation (docs/segmentation.md): stream cut-offs on the calibrated risk, fairness-audit thresholds,
# and the protected characteristics a model may use as inputs (none unless named here).
STREAM_B_FROM = float(env.decimal("STREAM_B_FROM", "0.50", minimum="0"))
STREAM_C_FROM = float(env.decimal("STREAM_C_FROM", "0.675", minimum="0"))
FAIRNESS_PARITY_LOW = float(env.decimal("FAIRNESS_PARITY_LOW", "0.8", minimum="0"))
FAIRNESS_PARITY_HIGH = float(env.decimal("FAIRNESS_PARITY_HIGH", "1.25", minimum="0"))
FAIRNESS_MAX_GROUP_ECE = float(env.decimal("FAIRNESS_MAX_GROUP_ECE", "0.03", minimum="0"))
SEGMENTATION_ALLOW_PROTECTED = env.list("SEGMENTATION_ALLOW_PROTECTED", default=[])
# Evaluation (docs/evaluation.md): bootstrap replicates behind each confidence interval.
EVALUATION_BOOTSTRAP = env.int("EVALUATION_BOOTSTRAP", default=200, minimum=20)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env.choice("LOG_LEVEL", "WARNING", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")),
    },
}
