from django.db import models
from django.utils.translation import gettext_lazy as _


class HourlyCounter(models.Model):
    """How many times something happened this hour, under a keyed hash (limits/counters.py).

    Used when there is no Redis: the database is what every worker process of one server
    shares. A row holds no address and no id, only the hash, its hour and the count; rows of
    hours that are over are deleted within the next hour (tasks.purge_expired_counters).
    """

    key = models.CharField(_("keyed hash"), max_length=64, primary_key=True)
    hour = models.BigIntegerField(_("hour (since 1970)"), db_index=True)
    hits = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("hourly counter")
        verbose_name_plural = _("hourly counters")

    def __str__(self):
        return f"{self.key[:12]}… {self.hits} in hour {self.hour}"
