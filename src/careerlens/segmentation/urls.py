from django.urls import path

from careerlens.segmentation import views

app_name = "segmentation"
urlpatterns = [
    path("", views.versions, name="versions"),
    path("train/", views.train, name="train"),
    path("versions/<int:pk>/", views.version, name="version"),
    path("versions/<int:pk>/approve/", views.approve, name="approve"),
    path("versions/<int:pk>/activate/", views.activate, name="activate"),
    path("clients/<int:pk>/", views.client_stream, name="client"),
    path("clients/<int:pk>/early-warning/", views.early_warnings, name="early_warnings"),
    path("clients/<int:pk>/early-warning/new/", views.enrol, name="enrol"),
    path("overrides/", views.overrides, name="overrides"),
    path("outreach/", views.outreach, name="outreach"),
]
