from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction

from campaign import site


class Command(BaseCommand):
    help = (
        "Create or update the Editors and Campaign managers groups with exactly the permissions each app "
        "gives them (group_permissions in its AppConfig)."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        for group_name, codenames in site.group_permissions().items():
            group, _ = Group.objects.get_or_create(name=group_name)
            permissions = []
            for app_label, codename in codenames:
                permission = Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).first()
                if permission is None:
                    raise LookupError(f"Permission {app_label}.{codename} does not exist; run migrate first.")
                permissions.append(permission)
            group.permissions.set(permissions)
            self.stdout.write(f"{group_name}: {len(permissions)} permissions")
