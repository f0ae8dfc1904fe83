"""The career check-up, mounted at /en|fr/check-up/."""

from django.urls import path

from careerlens.portal import views, views_mine

app_name = "portal"
urlpatterns = [
    path("", views.start, name="start"),
    path("restart/", views.restart, name="restart"),
    path("step/<slug:step>/", views.step, name="step"),
    path("results/", views.results, name="results"),
    path("results/summary/", views.summary, name="summary"),
    path("save/", views.save, name="save"),
    path("mine/", views_mine.mine, name="mine"),
    path("mine/share/", views_mine.share, name="share"),
    path("mine/check-ins/", views_mine.check_ins, name="check_ins"),
    path("mine/check-ins/stop/", views_mine.stop_check_ins, name="stop_check_ins"),
    path("mine/retake/", views_mine.retake, name="retake"),
    path("mine/delete/", views_mine.delete, name="delete"),
]
