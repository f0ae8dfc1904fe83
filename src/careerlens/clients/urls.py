from django.urls import path

from careerlens.clients import views

app_name = "clients"
urlpatterns = [
    path("", views.client_list, name="list"),
    path("new/", views.intake, name="intake"),
    path("<int:pk>/", views.client_detail, name="detail"),
    path("<int:pk>/merge/", views.merge, name="merge"),
    path("<int:pk>/memberships/new/", views.membership_add, name="membership_add"),
    path("<int:pk>/spells/new/", views.spell_add, name="spell_add"),
    path("<int:pk>/consents/new/", views.consent_add, name="consent_add"),
    path("<int:pk>/consents/<int:consent>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
    path("<int:pk>/referrals/new/", views.referral_create, name="referral_create"),
    path("referrals/", views.referral_list, name="referrals"),
    path("referrals/overdue/", views.overdue, name="overdue"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral"),
    path("referrals/<int:pk>/transition/", views.referral_transition, name="referral_transition"),
]
