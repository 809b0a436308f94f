from django.contrib import admin
from django.urls import include, path

from kakehashi.api.urls import api
from kakehashi.common import health
from kakehashi.common import views as common_views
from kakehashi.config import metrics
from kakehashi.config import views as site_views
from kakehashi.notifications import push_views
from kakehashi.partnerships import views as partnership_views

urlpatterns = [
    path("", site_views.home, name="home"),
    path("healthz", health.liveness, name="healthz"),
    path("readyz", health.readiness, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    # Web Push reminders: a service worker may only serve pages at or below its own address.
    path("service-worker.js", push_views.service_worker, name="service_worker"),
    path("language/", common_views.set_language, name="set_language"),
    path("accounts/", include("kakehashi.accounts.urls")),
    path("", include("kakehashi.directory.urls")),
    # A locality's page draws on the registry (and later on proposals and events), so it
    # lives in the rightmost app it needs.
    path("localities/<slug:slug>/", partnership_views.locality_detail, name="locality"),
    path("partnerships/", include("kakehashi.partnerships.urls")),
    path("proposals/", include("kakehashi.proposals.urls")),
    path("matching/", include("kakehashi.matching.urls")),
    path("notifications/", include("kakehashi.notifications.urls")),
    path("events/", include("kakehashi.events.urls")),
    path("news/", include("kakehashi.news.urls")),
    path("insights/", include("kakehashi.insights.urls")),
    path("messages/", include("kakehashi.messaging.urls")),
    path("obstacles/", include("kakehashi.obstacles.urls")),
    path("transfer/", include("kakehashi.transfer.urls")),
    path("audit/", common_views.audit_log, name="audit"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler404 = "kakehashi.common.views.not_found"
handler500 = "kakehashi.common.views.server_error"
handler403 = "kakehashi.common.views.forbidden"
