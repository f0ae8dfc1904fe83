"""Record every create, update and delete of a model registered with ``@audited``.

Only saves and deletes through the ORM's model methods send these signals: ``QuerySet.update()``,
``bulk_create()`` and raw SQL are not audited, so services that change audited rows must save each one.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from careerlens.audit.registry import options_for
from careerlens.audit.services import masked, record_change, snapshot


@receiver(pre_save, dispatch_uid="careerlens.audit.pre_save")
def remember_before(sender, instance, raw=False, **kwargs):
    options = options_for(sender)
    if options is None or raw:
        return
    instance._audit_before = None
    if instance.pk is not None and not instance._state.adding:
        previous = sender._base_manager.filter(pk=instance.pk).first()
        if previous is not None:
            instance._audit_before = snapshot(previous, options)


@receiver(post_save, dispatch_uid="careerlens.audit.post_save")
def record_save(sender, instance, created, raw=False, **kwargs):
    options = options_for(sender)
    if options is None or raw:
        return
    after = snapshot(instance, options)
    before = None if created else getattr(instance, "_audit_before", None)
    instance._audit_before = None
    if before is not None:
        changed = {key for key in after if before.get(key) != after.get(key)}
        if not changed:
            return
        before = {key: before.get(key) for key in sorted(changed)}
        after = {key: after[key] for key in sorted(changed)}
    action = "create" if created else "update"
    record_change(action, instance, masked(before, options, sender), masked(after, options, sender))


@receiver(post_delete, dispatch_uid="careerlens.audit.post_delete")
def record_delete(sender, instance, **kwargs):
    options = options_for(sender)
    if options is None:
        return
    record_change("delete", instance, masked(snapshot(instance, options), options, sender), None)
