from django.urls import path

from careerlens.network import views

app_name = "network"
urlpatterns = [
    path("practitioners/", views.practitioner_list, name="practitioners"),
    path("practitioners/<int:pk>/", views.profile_edit, name="profile"),
]
