from django.urls import path

from careerlens.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("start/", views.start, name="start"),
]
