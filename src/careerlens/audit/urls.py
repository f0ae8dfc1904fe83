from django.urls import path

from careerlens.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.entry_list, name="entries"),
    path("<int:pk>/", views.entry_detail, name="entry"),
]
