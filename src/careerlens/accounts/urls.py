from django.contrib.auth import views as auth_views
from django.urls import path

from careerlens.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", views.PasswordChangeView.as_view(), name="password_change"),
    path("organisations/", views.organisation_list, name="organisations"),
    path("organisations/<slug:code>/", views.organisation_detail, name="organisation"),
]
