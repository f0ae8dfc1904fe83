from django.urls import path

from careerlens.pathways import views

app_name = "pathways"
urlpatterns = [
    path("", views.explorer, name="explorer"),
]
