from django.urls import path

from careerlens.web import views

urlpatterns = [path("", views.health, name="health")]
