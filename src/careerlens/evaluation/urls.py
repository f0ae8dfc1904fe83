from django.urls import path

from careerlens.evaluation import views

app_name = "evaluation"
urlpatterns = [
    path("", views.evaluations, name="list"),
    path("run/", views.run_snapshot, name="run_snapshot"),
    path("upload/", views.run_upload, name="run_upload"),
    path("<int:pk>/", views.report, name="report"),
]
