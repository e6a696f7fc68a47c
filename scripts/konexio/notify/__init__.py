"""Step 7: volunteers hear about their shifts: notices, reminders, a personal calendar.

``people`` matches the names typed in sign-up cells to the roster; ``changes`` decides,
purely, which mails are due (what the person was last told vs today's occurrences);
``record`` keeps the journal of mails in the ``Envois`` worksheet; ``compose`` and
``words`` write the mails in the volunteer's language; ``send`` talks SMTP; ``run`` drives
one ``konexio notify``. Names and addresses stay in memory and in the mails: printed output
names cells (``Paris!L12``, ``Bénévoles!A4``) unless the coordinator asks for names.
"""
