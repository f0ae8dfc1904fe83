from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from careerlens.api.urls import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", include("careerlens.web.health_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("careerlens.web.urls")),
    path("accounts/", include("careerlens.accounts.urls")),
    path("audit/", include("careerlens.audit.urls")),
    path("reference/", include("careerlens.reference.urls")),
    path("clients/", include("careerlens.clients.urls")),
    path("casework/", include("careerlens.casework.urls")),
    path("network/", include("careerlens.network.urls")),
    path("pathways/", include("careerlens.pathways.urls")),
    path("segmentation/", include("careerlens.segmentation.urls")),
    path("evaluations/", include("careerlens.evaluation.urls")),
    path("dashboards/", include("careerlens.dashboards.urls")),
    path("check-up/", include("careerlens.portal.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "careerlens.web.views.not_found"
handler500 = "careerlens.web.views.server_error"
handler403 = "careerlens.web.views.forbidden"
