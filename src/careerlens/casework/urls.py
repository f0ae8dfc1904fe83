from django.urls import path

from careerlens.casework.views import assessments, case, caseload, imports, jobs, plans

app_name = "casework"
urlpatterns = [
    path("", caseload.caseload, name="caseload"),
    path("import/", imports.upload, name="import"),
    path("clients/<int:pk>/", case.case_file, name="case"),
    path("clients/<int:pk>/episodes/new/", case.episode_open, name="episode_open"),
    path("clients/<int:pk>/episodes/<int:episode>/close/", case.episode_close, name="episode_close"),
    path("clients/<int:pk>/notes/new/", case.note_add, name="note_add"),
    path("clients/<int:pk>/tasks/new/", case.task_add, name="task_add"),
    path("clients/<int:pk>/tasks/<int:task>/done/", case.task_done, name="task_done"),
    path("clients/<int:pk>/assign/", case.assign, name="assign"),
    path("clients/<int:pk>/transfer/", case.transfer, name="transfer"),
    path("clients/<int:pk>/assessments/new/", assessments.start, name="assessment_start"),
    path("clients/<int:pk>/assessments/<int:assessment>/reuse/", assessments.reuse, name="assessment_reuse"),
    path("assessments/<int:pk>/", assessments.detail, name="assessment"),
    path("assessments/<int:pk>/complete/", assessments.complete, name="assessment_complete"),
    path("assessments/<int:pk>/<slug:module>/", assessments.module, name="assessment_module"),
    path("clients/<int:pk>/plan/", plans.plan_edit, name="plan_edit"),
    path("clients/<int:pk>/plan/summary/", plans.plan_summary, name="plan_summary"),
    path("clients/<int:pk>/plans/<int:plan>/items/new/", plans.item_add, name="item_add"),
    path("clients/<int:pk>/items/<int:item>/status/", plans.item_status, name="item_status"),
    path("clients/<int:pk>/plans/<int:plan>/print/", plans.plan_print, name="plan_print"),
    path("clients/<int:pk>/jobs/new/", jobs.job_add, name="job_add"),
    path("clients/<int:pk>/checkpoints/<int:checkpoint>/", jobs.checkpoint_verify, name="checkpoint_verify"),
]
