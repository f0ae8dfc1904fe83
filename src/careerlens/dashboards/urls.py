from django.urls import path

from careerlens.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("ssm/", views.ssm, name="ssm"),
    path("province/", views.province, name="province"),
]
